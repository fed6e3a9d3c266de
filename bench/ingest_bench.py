"""Ingest throughput into SQLite: documents/s with extraction excluded (a fake extractor) or included.

Writes a synthetic JSONL corpus (short English reports) to a temporary folder, ingests it into a
fresh SQLite file and times it; then ingests again (everything skipped) and times that too.

    python bench/ingest_bench.py --docs 5000 [--extractor fake|pipeline] [--json]
    python bench/ingest_bench.py --corpus ../shared/corpus/fakes_syria/FA-KES-Dataset.csv --extractor pipeline
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from sitrep.ingest.runner import Extractor, default_extractor, ingest
from sitrep.model.records import Article, Event
from sitrep.store import Store

TOWNS = ["Ariha", "Saraqib", "Maarat", "Jisr", "Kafr Nabl", "Binnish", "Taftanaz", "Sarmin"]
TEMPLATE = ("{town}, {day} March - Government forces shelled the town of {town} on {weekday}, killing {n} people "
            "and wounding {m} others, according to a local monitoring group. Residents said the shells hit a "
            "market and two houses near the main road. Report number {i}.")


def write_corpus(folder: Path, n: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    path = folder / "corpus.jsonl"
    with path.open("w") as fh:
        for i in range(n):
            text = TEMPLATE.format(town=rng.choice(TOWNS), day=rng.randint(1, 28), n=rng.randint(1, 9),
                                   m=rng.randint(1, 20), weekday="Monday", i=i)
            fh.write(json.dumps({"id": f"doc{i}", "text": text, "published": "2024-03-30", "country": "Syria"}) + "\n")
    return path


def fake_extractor(article: Article) -> list[Event]:
    """One event per document, no NLP: measures the store, not the pipeline."""
    return [Event(event_date="2024-03-01", event_type="Explosions/Remote violence",
                  sub_event_type="Shelling/artillery/missile attack", country="Syria", location="Ariha",
                  latitude=35.81, longitude=36.61, fatalities=3, notes=article.text[:120], confidence=0.5)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="ingest throughput into SQLite")
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--extractor", choices=["fake", "pipeline"], default="fake")
    ap.add_argument("--corpus", type=Path, default=None, help="ingest this file or folder instead")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    extractor: Extractor = fake_extractor
    if args.extractor == "pipeline":
        extractor = default_extractor()
        extractor(Article(id="warmup", text="Shelling killed two people in Ariha on Monday."))  # load models
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or write_corpus(Path(tmp), args.docs)
        with Store(f"sqlite:///{tmp}/bench.db").open() as store:
            t0 = time.perf_counter()
            first = ingest([corpus], store, extractor=extractor)
            t1 = time.perf_counter()
            again = ingest([corpus], store, extractor=extractor)
            t2 = time.perf_counter()
    result = {"corpus": str(args.corpus or f"synthetic x {args.docs}"), "extractor": args.extractor,
               "stored": first.stored, "events": first.events,
              "ingest_s": round(t1 - t0, 2), "docs_per_s": round(first.stored / (t1 - t0), 1),
              "reingest_skipped": again.skipped, "reingest_docs_per_s": round(again.skipped / (t2 - t1), 1)}
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
