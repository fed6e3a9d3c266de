"""The `sitrep` command: thin commands over library functions.

Each command group lives in its own module and registers itself on ``app``; errors derived from
:class:`sitrep.errors.SitrepError` are printed on one line without a traceback and exit non-zero.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import typer

from sitrep.errors import SitrepError

app = typer.Typer(
    name="sitrep",
    help="Turn news reports on armed conflict into ACLED-style events with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a command so sitrep's own errors print as one line and exit with status 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SitrepError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from None

    return wrapper


_registered = False


def _register() -> None:
    global _registered
    if _registered:
        return
    _registered = True
    from sitrep.cli import extract, gazetteer, store

    extract.register(app)
    gazetteer.register(app)
    store.register(app)


def main() -> None:
    _register()
    try:
        app()
    except SitrepError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
