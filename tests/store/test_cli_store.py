"""The store commands end to end on a SQLite file: ingest, stats, events, export, merge, split."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from tests.store.factories import make_event
from typer.testing import CliRunner

from sitrep.cli import store as store_cli
from sitrep.model.records import Article, Event
from sitrep.vocab import ACLED_COLUMNS, SITREP_COLUMNS

REPORTS = {
    "a.txt": "Outlet A reports that government shelling hit the market in Ariha on Friday, killing 6 people.",
    "b.txt": "Outlet B says the army shelled Ariha market on Friday and four people were killed there.",
    "c.txt": "Outlet C reports clashes between rebels and the army near Raqqa on Saturday morning.",
}


def fake_extract(article: Article) -> list[Event]:
    if "Raqqa" in article.text:
        return [make_event(etype="Battles", sub="Armed clash", location="Raqqa", lat=35.95, lon=39.01,
                           date="2024-03-02", notes=article.text)]
    return [make_event(fatalities=6 if "6" in article.text else 4, notes=article.text)]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    app = typer.Typer()
    store_cli.register(app)
    monkeypatch.setattr("sitrep.ingest.runner.default_extractor", lambda: fake_extract)
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 0, result.output + str(result.exception)
        return result.output

    return run


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text)
    return folder


def test_ingest_stats_events_export(cli: Callable[..., str], tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    assert "stored 3, skipped 0" in cli("ingest", str(corpus))
    assert "stored 0, skipped 3" in cli("ingest", str(corpus))
    stats = json.loads(cli("stats", "--json"))
    assert (stats["documents"], stats["events"], stats["canonical_events"]) == (3, 3, 2)
    rows = [json.loads(line) for line in cli("events", "--json", "--type", "Battles").splitlines()]
    assert [r["location"] for r in rows] == ["Raqqa"]
    assert len(cli("events", "--bbox", "36,35,37,36").splitlines()) == 1
    assert len(cli("events", "--reports", "--text", "market").splitlines()) == 2
    out = tmp_path / "events.csv"
    cli("export", "--format", "acled-csv", "--output", str(out))
    with out.open() as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ())[:len(ACLED_COLUMNS) + len(SITREP_COLUMNS)] == (
            ACLED_COLUMNS + SITREP_COLUMNS)
        by_loc = {r["location"]: r for r in reader}
    assert by_loc["Ariha"]["number_of_sources"] == "2" and by_loc["Ariha"]["fatalities"] == "4"


@pytest.mark.parametrize("fmt", ["geojson", "jsonl", "parquet"])
def test_export_formats(cli: Callable[..., str], tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    cli("ingest", str(_corpus(tmp_path)))
    out = tmp_path / f"events.{fmt}"
    assert "wrote 2 canonical events" in cli("export", "--format", fmt, "--output", str(out))
    if fmt == "geojson":
        data = json.loads(out.read_text())
        assert len(data["features"]) == 2 and data["features"][0]["geometry"]["type"] == "Point"
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert {r["number_of_sources"] for r in rows} == {1, 2} and all("evidence" in r for r in rows)
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(out)
        assert table.num_rows == 2 and table.column_names[0] == ACLED_COLUMNS[0]


def test_split_then_merge(cli: Callable[..., str], tmp_path: Path) -> None:
    cli("ingest", str(_corpus(tmp_path)))
    reports = [json.loads(line) for line in cli("events", "--reports", "--json").splitlines()]
    ariha = [r["event_key"] for r in reports if r["location"] == "Ariha"]
    cli("split", ariha[0])
    assert json.loads(cli("stats", "--json"))["canonical_events"] == 3
    cli("dedup", "--full")
    assert json.loads(cli("stats", "--json"))["canonical_events"] == 3  # the split survives a full re-run
    cli("merge", *ariha)
    cli("dedup", "--full")
    assert json.loads(cli("stats", "--json"))["canonical_events"] == 2


def test_parquet_without_pyarrow_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from sitrep.errors import ResourceError
    from sitrep.store.export import export

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ResourceError, match="pip install"):
        export(iter([]), "parquet", tmp_path / "x.parquet")


@pytest.mark.parametrize("fmt", ["acled-csv", "geojson", "jsonl"])
def test_export_of_empty_store(tmp_path: Path, fmt: str) -> None:
    from sitrep.store.export import export

    out = tmp_path / "empty.out"
    assert export(iter([]), fmt, out) == 0
    if fmt == "geojson":
        assert json.loads(out.read_text())["features"] == []


def test_reextract_command(cli: Callable[..., str], tmp_path: Path) -> None:
    cli("ingest", str(_corpus(tmp_path)))
    out = cli("reextract")
    assert "re-extracted 3 documents: 3 events" in out and "2 canonical events" in out
    assert json.loads(cli("stats", "--json"))["events"] == 3


def test_ingest_defaults_fill_what_plain_text_files_lack(cli: Callable[..., str], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Article] = []

    def extract(article: Article) -> list[Event]:
        seen.append(article)
        return fake_extract(article)

    monkeypatch.setattr("sitrep.ingest.runner.default_extractor", lambda: extract)
    cli("ingest", str(_corpus(tmp_path)), "--published", "2024-03-02", "--country", "Syria")
    assert {(str(a.published), a.country) for a in seen} == {("2024-03-02", "Syria")}


def test_ingest_rejects_a_bad_default_date_in_one_line(tmp_path: Path) -> None:
    app = typer.Typer()
    store_cli.register(app)
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--published", "2024-13-02",
                                      "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code != 0 and "YYYY-MM-DD" in str(result.exception or result.output)


def test_ingest_says_when_events_stay_undated(cli: Callable[..., str], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sitrep.ingest.runner.default_extractor", lambda: lambda a: [make_event(date="")])
    out = cli("ingest", str(_corpus(tmp_path)))
    assert "3 events have no date" in out and "--published" in out


def test_reading_a_database_that_is_not_there_is_an_error_not_a_new_database(tmp_path: Path) -> None:
    from sitrep.errors import StoreError

    app = typer.Typer()
    store_cli.register(app)
    missing = tmp_path / "typo" / "events.db"
    for command in (["events"], ["stats"], ["export", "--format", "jsonl", "--output", str(tmp_path / "o.jsonl")]):
        result = CliRunner().invoke(app, [*command, "--db", f"sqlite:///{missing}"])
        assert isinstance(result.exception, StoreError), command  # sitrep's CLI prints it on one line, exit 1
        assert "no database at" in str(result.exception) and "sitrep ingest" in str(result.exception)
    assert not missing.exists() and not missing.parent.exists()  # a read creates nothing
