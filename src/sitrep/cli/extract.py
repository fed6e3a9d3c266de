"""`sitrep extract` and `sitrep demo`: code events from a report or a stream of documents."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from sitrep.errors import InputError, SitrepError
from sitrep.model import Article, Event
from sitrep.vocab import ACLED_COLUMNS, SITREP_COLUMNS

DEMO_FILE = Path(__file__).resolve().parent.parent / "data" / "examples" / "demo_report.txt"
FORMATS = ("table", "json", "jsonl", "csv")


def register(app: typer.Typer) -> None:
    from sitrep.cli import guarded

    app.command("extract")(guarded(extract_cmd))
    app.command("demo")(guarded(demo_cmd))


def extract_cmd(
    source: Annotated[str, typer.Argument(help="A .txt or .html report, a .jsonl stream of documents, or - for stdin")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, jsonl or csv")] = "",
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD")] = None,
    country: Annotated[str | None, typer.Option(help="Country hint, e.g. Syria")] = None,
) -> None:
    """Code the events a report describes, ACLED-style, with evidence for every field."""
    if source.endswith(".jsonl"):
        _extract_stream(Path(source), output)
        return
    article = _read_report(source, published, country)
    events = _extractor().extract_article(article)
    _warn_undated(article, events)
    _write_events(events, fmt or ("jsonl" if output else "table"), output)


def demo_cmd() -> None:
    """Run sitrep on the bundled example report and print the events it codes."""
    typer.echo(f"Example report: {DEMO_FILE}\n")
    article = _read_report(str(DEMO_FILE), None, None)
    events = _extractor().extract_article(article)
    _write_events(events, "table", None)


def _warn_undated(article: Article, events: list[Event]) -> None:
    if any(not e.event_date for e in events):
        typer.echo(
            f"warning: {article.id}: no publication date found, so relative dates ('on Monday') stay "
            "unresolved; give --published YYYY-MM-DD",
            err=True,
        )


def _extractor() -> Any:
    from sitrep.pipeline.api import default_extractor

    return default_extractor()


def _read_report(source: str, published: str | None, country: str | None) -> Article:
    from sitrep.pipeline.api import as_date

    raw = sys.stdin.buffer.read() if source == "-" else _read_bytes(Path(source))
    if b"\x00" in raw[:8192]:
        raise InputError(f"{source} looks binary (NUL bytes); give a .txt or .html report")
    text = raw.decode("utf-8", errors="replace")
    if source.lower().endswith((".html", ".htm")) or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        from sitrep.ingest import article_from_html

        art = article_from_html(text, url=None)
        art.id = source
    else:
        art = Article(id=source, text=text)
    art.published = as_date(published) or art.published
    art.country = country or art.country
    return art


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; give a file, or use `sitrep ingest` for folders") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None


def _extract_stream(path: Path, output: Path | None) -> None:
    """A .jsonl stream in, one line per document out, in input order, in constant memory."""
    from sitrep.pipeline.docs import iter_documents, run_stream

    out: TextIO = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        stats = run_stream(iter_documents(path), _extractor(), out, progress=sys.stderr.isatty())
    finally:
        if output:
            out.close()
    typer.echo(stats.summary(), err=True)


def _write_events(events: list[Event], fmt: str, output: Path | None) -> None:
    if fmt not in FORMATS:
        raise SitrepError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out: TextIO = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "table":
            _table(events, out)
        elif fmt == "json":
            json.dump([e.to_dict() for e in events], out, indent=2, ensure_ascii=False)
            out.write("\n")
        elif fmt == "jsonl":
            for e in events:
                out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        else:
            _csv(events, out)
    finally:
        if output:
            out.close()


def _csv(events: list[Event], out: TextIO) -> None:
    cols = list(ACLED_COLUMNS) + list(SITREP_COLUMNS)
    w = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
    w.writeheader()
    for e in events:
        w.writerow(e.to_dict())


def _rows(events: list[Event]) -> Iterator[list[str]]:
    for e in events:
        actors = e.actor1 + (f" vs {e.actor2}" if e.actor2 else "")
        place = ", ".join(x for x in (e.location, e.admin1, e.country) if x)
        yield [e.event_date, e.sub_event_type, actors, place, str(e.fatalities), f"{e.confidence:.2f}"]


def _table(events: list[Event], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=160 if not out.isatty() else None)
    if not events:
        console.print("No codable event found in this report.")
        return
    table = Table(title=f"{len(events)} event(s)")
    for col in ("date", "sub-event type", "actors", "place", "deaths", "conf."):
        table.add_column(col)
    for row in _rows(events):
        table.add_row(*row)
    console.print(table)
