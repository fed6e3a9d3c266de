"""`sitrep gazetteer add|info` and `sitrep geoparse` through typer's test runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from tests.gazetteer.conftest import dump_line
from typer.testing import CliRunner

from sitrep.cli.gazetteer import register


@pytest.fixture()
def app() -> typer.Typer:
    a = typer.Typer()
    register(a)
    return a


def test_add_then_info(app: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_HOME", str(tmp_path / "home"))
    dump = tmp_path / "SY.txt"
    dump.write_text(dump_line((900020, "Kafr Tajriba", "Kafr Tajriba", "", 33.6, 36.4, "P", "PPL", "SY", "13", "", 0))
                    + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["gazetteer", "add", str(dump)])
    assert result.exit_code == 0, result.output
    assert "added 1 places" in result.output
    info = CliRunner().invoke(app, ["gazetteer", "info"])
    assert info.exit_code == 0 and '"user"' in info.output


def test_geoparse_writes_prediction_format(app: typer.Typer, tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "d1", "text": "Shelling hit Idlib and Aleppo.", "country": "Syria",
                                "toponyms": []}) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["geoparse", str(docs), "--output", str(out), "--no-ner"])
    assert result.exit_code == 0, result.output
    pred = json.loads(out.read_text(encoding="utf-8"))
    assert pred["id"] == "d1"
    first = pred["toponyms"][0]
    for key in ("start", "end", "name", "latitude", "longitude", "geonameid", "feature_code", "country", "admin1",
                "score"):
        assert key in first
    assert [t["name"] for t in pred["toponyms"]] == ["Idlib", "Aleppo"]


def test_geoparse_rejects_bad_lines(app: typer.Typer, tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["geoparse", str(docs), "--output", str(tmp_path / "p.jsonl"), "--no-ner"])
    assert result.exit_code != 0


@pytest.mark.slow
def test_geoparse_with_ner(app: typer.Typer, tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "d1", "text": "Gunmen attacked a checkpoint in Mogadishu on Friday."}) + "\n",
                    encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["geoparse", str(docs), "--output", str(out)])
    assert result.exit_code == 0, result.output
    names = [t["place"] for t in json.loads(out.read_text(encoding="utf-8"))["toponyms"]]
    assert names == ["Mogadishu"]
