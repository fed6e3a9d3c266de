"""The `sitrep extract` and `sitrep demo` commands as a user runs them."""

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import _register, app
from sitrep.vocab import ACLED_COLUMNS

pytestmark = pytest.mark.slow
REPORT = "Police fired tear gas at hundreds of protesters in Nairobi on Monday. Two people were killed.\n"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def run(runner: CliRunner, *args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


def test_demo_prints_a_table(runner: CliRunner) -> None:
    res = run(runner, "demo")
    assert res.exit_code == 0, res.output
    assert "event(s)" in res.output


def test_extract_csv_in_acled_column_order(runner: CliRunner, tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_text(REPORT)
    res = run(runner, "extract", str(f), "--format", "csv", "--published", "2024-06-26")
    assert res.exit_code == 0, res.output
    header = next(csv.reader(io.StringIO(res.stdout)))
    assert header[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)


def test_extract_stdin_json(runner: CliRunner) -> None:
    res = run(
        runner, "extract", "-", "--format", "json", "--published", "2024-06-26", "--country", "Kenya", stdin=REPORT
    )
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert rows and rows[0]["country"] == "Kenya" and rows[0]["event_date"] == "2024-06-24"


def test_jsonl_stream_keeps_order_and_counts_bad_lines(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "docs.jsonl", tmp_path / "pred.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": REPORT, "published": "2024-06-26", "events": []})
        + "\n"
        + "{broken\n"
        + json.dumps({"id": "b", "text": "The council approved the budget on Monday."})
        + "\n"
    )
    res = run(runner, "extract", str(src), "--output", str(out))
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"]
    assert lines[0]["events"] and lines[1]["events"] == []
    assert "docs.jsonl:2" in res.output and "1 rejected" in res.output


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x00\x01\x02\x03" * 100, "binary"), (b"", "empty"), (b"   \n", "empty")],
)
def test_bad_files_get_one_line_errors(runner: CliRunner, tmp_path: Path, content: bytes, message: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    res = run(runner, "extract", str(f))
    assert res.exit_code == 1
    assert message in res.output.lower() and "Traceback" not in res.output


def test_missing_file(runner: CliRunner) -> None:
    res = run(runner, "extract", "/no/such/report.txt")
    assert res.exit_code == 1 and "no such file" in res.output


def test_html_report(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Clashes</title></head><body><nav>Home | World</nav><article><p>"
        + REPORT
        + "</p><p>The protest was called by a teachers union over pay.</p></article></body></html>"
    )
    res = run(runner, "extract", str(page), "--format", "jsonl", "--published", "2024-06-26")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout.splitlines()[0])["country"] == "Kenya"
