"""Ingest into the store: twice changes nothing; a SIGKILLed run resumes to exactly-once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from tests.store.factories import make_event

from sitrep.ingest.runner import ingest
from sitrep.model.records import Article, Event
from sitrep.store import Store
from sitrep.store import schema as t

BODY = "Government forces shelled the town of Ariha on {n} March, killing {n} people, residents said."


def fake_extractor(article: Article) -> list[Event]:
    """One event per document, from a tiny rule: never the real pipeline in these tests."""
    if "explode" in article.text:
        raise RuntimeError("extractor failed on purpose")
    return [make_event(notes=article.text[:50])]


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"r{i:03d}.txt").write_text(BODY.format(n=i + 1))
    return folder


def test_ingest_twice_changes_nothing(store: Store, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in", 5)
    (corpus / "empty.txt").write_text("  ")
    (corpus / "bad.txt").write_text("This report will explode the extractor, said a source on Monday.")
    first = ingest([corpus], store, extractor=fake_extractor)
    assert (first.stored, first.skipped, first.rejected, first.events) == (5, 0, 2, 5)
    assert set(first.reasons) == {"empty", "extraction failed"}
    before = store.stats()
    second = ingest([corpus], store, extractor=fake_extractor)
    assert (second.stored, second.skipped) == (0, 5)
    assert store.stats() == before


KILL_SCRIPT = """
import sys, time
from sitrep.ingest.runner import ingest
from sitrep.model.records import Event
from sitrep.store import Store

def slow(article):
    time.sleep(0.03)
    return [Event(event_date="2024-03-01", event_type="Battles", sub_event_type="Armed clash",
                  notes=article.text[:40])]

with Store(sys.argv[1]).open() as store:
    ingest([sys.argv[2]], store, extractor=slow)
"""


def _count(url: str) -> int:
    with Store(url).open() as s, s.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(t.documents)).scalar_one())


def test_sigkill_then_resume_stores_every_document_once(db_url: str, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in", 80)
    script = tmp_path / "run_ingest.py"
    script.write_text(textwrap.dedent(KILL_SCRIPT))
    Store(db_url).open().close()  # schema first, so the poll below can count
    cmd = [sys.executable, str(script), db_url, str(corpus)]
    proc = subprocess.Popen(cmd, env=os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)})
    deadline = time.monotonic() + 60
    while _count(db_url) < 10 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _count(db_url)
    assert 0 < partial < 80, "the run should be killed part-way"
    subprocess.run(cmd, check=True, env=os.environ | {"PYTHONPATH": os.pathsep.join(sys.path)}, timeout=120)
    with Store(db_url).open() as s, s.engine.connect() as conn:
        hashes = conn.execute(select(t.documents.c.content_hash)).scalars().all()
        n_events = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
    assert len(hashes) == len(set(hashes)) == 80
    assert n_events == 80


@pytest.mark.parametrize("n", [3])
def test_on_item_callback_sees_every_item(store: Store, tmp_path: Path, n: int) -> None:
    seen: list[str] = []
    ingest([_corpus(tmp_path / "in", n)], store, extractor=fake_extractor, on_item=lambda i: seen.append(i.id))
    assert len(seen) == n


def test_missing_model_stops_the_run(store: Store, tmp_path: Path) -> None:
    from sitrep.errors import ResourceError

    def broken(article: Article) -> list[Event]:
        raise ResourceError("model missing; rebuild it")

    with pytest.raises(ResourceError):
        ingest([_corpus(tmp_path / "in", 2)], store, extractor=broken)
    assert store.stats()["rejected"] == 0
