"""Store commands: ingest, dedup, stats, events, export, merge, split."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from sitrep.config import Settings
from sitrep.errors import SitrepError, StoreError
from sitrep.store import Store
from sitrep.store.url import sqlite_path

DbOption = Annotated[str | None, typer.Option("--db", help="Database URL (sqlite:///PATH or postgresql://...); "
                                              "default: SQLite under the user data dir.")]


def _open_store(db: str | None, must_exist: bool = True) -> Store:
    """The store at ``db`` (or the default); commands that only read or correct it need one that exists, so a
    mistyped path is an error rather than a new, empty database."""
    url = db or Settings.from_env().database_url
    path = sqlite_path(url)
    if must_exist and path is not None and not path.exists():
        raise StoreError(f"no database at {path}: store reports in it first (sitrep ingest FILES --db {url})")
    return Store(url).open()


def _count_files(sources: list[str]) -> int | None:
    """How many readable files the sources hold (None when a URL or a JSONL/CSV corpus is among them)."""
    from sitrep.ingest.readers import reader_for

    total = 0
    for src in sources:
        p = Path(src)
        files = [p] if p.is_file() else sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else []
        if src.startswith(("http://", "https://")):
            return None
        for f in files:
            if f.suffix.lower() in (".jsonl", ".ndjson", ".csv", ".json", ".warc", ".gz", ".rss", ".atom", ".xml"):
                return None
            total += reader_for(f) is not None
    return total


def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, feeds or URLs.")],
    db: DbOption = None,
    no_extract: Annotated[bool, typer.Option("--no-extract", help="Store documents only.")] = False,
    no_dedup: Annotated[bool, typer.Option("--no-dedup", help="Skip the incremental dedup.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    published: Annotated[str | None, typer.Option(
        help="Publication date YYYY-MM-DD for documents that carry none (plain text files).")] = None,
    country: Annotated[str | None, typer.Option(help="Country hint for documents that give none, e.g. Syria")] = None,
) -> None:
    """Store every document once (by content hash), extract its events, then dedup incrementally."""
    from sitrep.dedup.run import dedup_store
    from sitrep.ingest.runner import Defaults, default_extractor, ingest, no_events
    from sitrep.pipeline.api import as_date

    defaults = Defaults(as_date(published), country)

    extractor = no_events if no_extract else default_extractor()
    console = Console(stderr=True)
    with _open_store(db, must_exist=False) as store:
        progress = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=console, disable=not console.is_terminal, transient=True)
        with progress:
            task = progress.add_task("ingest", total=_count_files(paths))
            summary = ingest(paths, store, extractor, on_item=lambda _item: progress.advance(task), defaults=defaults)
        dedup = None if no_dedup else dedup_store(store)
    result = summary.to_dict() | ({"dedup": dedup.mode, "canonical_written": dedup.canonical_events} if dedup else {})
    if as_json:
        typer.echo(json.dumps(result))
        return
    typer.echo(f"stored {summary.stored}, skipped {summary.skipped} (already stored), rejected {summary.rejected}; "
               f"{summary.events} events")
    for reason, n in summary.reasons.most_common():
        typer.echo(f"  rejected {n}: {reason}")
    if summary.undated:
        typer.echo(f"  {summary.undated} events have no date: their documents carry no publication date, so "
                   "relative days ('on Monday') stay unresolved; give --published YYYY-MM-DD")


def reextract_cmd(db: DbOption = None) -> None:
    """Run extraction again over every stored document (after a pipeline update), then a full dedup."""
    from sitrep.dedup.run import dedup_store
    from sitrep.ingest.runner import default_extractor, reextract

    extractor = default_extractor()
    console = Console(stderr=True)
    with _open_store(db, must_exist=False) as store:
        progress = Progress(SpinnerColumn(), TextColumn("re-extracting"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=console, disable=not console.is_terminal, transient=True)
        with progress:
            task = progress.add_task("reextract", total=store.stats()["documents"])
            summary = reextract(store, extractor, on_item=lambda _item: progress.advance(task))
        dedup = dedup_store(store, full=True)
    typer.echo(f"re-extracted {summary.stored} documents: {summary.events} events; "
               f"{summary.rejected} kept their old events (extraction failed); "
               f"{dedup.canonical_events} canonical events")


def dedup_cmd(db: DbOption = None,
              full: Annotated[bool, typer.Option("--full", help="Recompute every canonical event.")] = False) -> None:
    """Link new events to canonical events (or recompute all with --full)."""
    from sitrep.dedup.run import dedup_store

    with _open_store(db) as store:
        s = dedup_store(store, full=full)
    typer.echo(f"dedup {s.mode}: {s.events} events -> {s.canonical_events} canonical events written")


def stats_cmd(db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Counts of documents, events and canonical events."""
    with _open_store(db) as store:
        stats = store.stats() | {"rejection_reasons": store.rejection_reasons()}
    if as_json:
        typer.echo(json.dumps(stats))
        return
    for key, value in stats.items():
        typer.echo(f"{key}: {value}")


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        a, b, c, d = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise SitrepError(f"--bbox {value!r} must be MIN_LON,MIN_LAT,MAX_LON,MAX_LAT, "
                          "e.g. 35.7,32.3,42.4,37.4") from exc
    return (a, b, c, d)


def events_cmd(
    db: DbOption = None,
    start: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, typer.Option()] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="Event or sub-event type.")] = None,
    bbox: Annotated[str | None, typer.Option(help="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")] = None,
    text: Annotated[str | None, typer.Option(help="Text in notes, location or actors.")] = None,
    reports: Annotated[bool, typer.Option("--reports", help="Per-report events instead of canonical.")] = False,
    limit: Annotated[int | None, typer.Option()] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines output.")] = False,
) -> None:
    """Query canonical events (or per-report events) by date range, country, type, bbox and text."""
    from sitrep.store import EventQuery

    query = EventQuery(start, end, country, event_type, _bbox(bbox), text, limit)
    with _open_store(db) as store:
        for row in store.query_events(query, canonical=not reports):
            if as_json:
                row.pop("evidence", None)
                if "sources" in row:
                    row["sources"] = json.loads(row["sources"] or "[]")
                typer.echo(json.dumps(row, default=str))
            else:
                key = row.get("canonical_key") or row.get("event_key")
                n = row.get("number_of_sources", 1)
                typer.echo(f"{row['event_date']}  {row['country']}  {row['location']}  {row['sub_event_type']}  "
                           f"{row['actor1']} / {row['actor2']}  fatalities={row['fatalities']}  sources={n}  {key}")


def export_cmd(
    fmt: Annotated[str, typer.Option("--format", help="acled-csv | geojson | parquet | jsonl")],
    output: Annotated[Path, typer.Option("--output", "-o")],
    db: DbOption = None,
) -> None:
    """Stream canonical events to a file (ACLED's columns first, then sitrep's)."""
    from sitrep.store import EventQuery
    from sitrep.store.export import export

    with _open_store(db) as store:
        n = export(store.query_events(EventQuery()), fmt, output)
    typer.echo(f"wrote {n} canonical events to {output}")


def merge_cmd(refs: Annotated[list[str], typer.Argument(help="Event keys, canonical keys or canonical ids.")],
              db: DbOption = None, note: str = "") -> None:
    """Analyst correction: these are one real-world event (kept across re-runs)."""
    from sitrep.dedup.run import refresh

    if len(refs) < 2:
        raise SitrepError("merge needs two or more references")
    with _open_store(db) as store:
        keys = [store.resolve(r)[0] for r in refs]
        for other in keys[1:]:
            store.add_correction("merge", keys[0], other, note)
        s = refresh(store, keys)
    typer.echo(f"merged: {len(keys)} references -> {s.canonical_events} canonical event(s)")


def split_cmd(ref: Annotated[str, typer.Argument(help="The event key to take out of its canonical event.")],
              others: Annotated[list[str] | None, typer.Argument(help="Keep apart from these only.")] = None,
              db: DbOption = None, note: str = "") -> None:
    """Analyst correction: this report's event is not the same as the others (kept across re-runs)."""
    from sitrep.dedup.run import refresh

    with _open_store(db) as store:
        keys = store.resolve(ref)
        if others:
            apart = [k for o in others for k in store.resolve(o)]
        else:
            cid = store.canonical_ids_of_keys(keys)
            apart = [m.key for ms in store.members_of(cid).values() for m in ms if m.key not in keys]
        for a in keys:
            for b in apart:
                store.add_correction("split", a, b, note)
        s = refresh(store, keys + apart)
    typer.echo(f"split: {len(keys)} event(s) kept apart from {len(apart)}; {s.canonical_events} canonical event(s)")


def register(app: typer.Typer) -> None:
    """Add the store commands to the sitrep app."""
    app.command("ingest")(ingest_cmd)
    app.command("reextract")(reextract_cmd)
    app.command("dedup")(dedup_cmd)
    app.command("stats")(stats_cmd)
    app.command("events")(events_cmd)
    app.command("export")(export_cmd)
    app.command("merge")(merge_cmd)
    app.command("split")(split_cmd)
