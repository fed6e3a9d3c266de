"""Dedup speed and memory on synthetic events: N report-events of N/2.5 incidents.

Each incident (country, day, sub-event type, place, actors, a rare place word) is reported 1-4
times; each report jitters the date (10% a day off), the coordinates (up to ~3 km), drops the
actors (20%), varies the fatality figure and words its notes differently. Measures the wall time of
the whole in-memory dedup (records, blocking, scoring, clustering, merging), peak RSS, and the
pairwise precision/recall against the known incidents.

    python bench/dedup_bench.py --events 100000 [--seed 1] [--json]
    python bench/dedup_bench.py --store --events 30000   # through SQLite: full run, then incremental
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from datetime import date, timedelta

from sitrep.dedup import DedupConfig, deduplicate
from sitrep.model.records import Event
from sitrep.vocab import SUB_EVENT_TYPES

COUNTRIES = {  # name: (lat_min, lat_max, lon_min, lon_max)
    "Syria": (32.5, 37.0, 36.0, 41.5), "Iraq": (29.5, 37.0, 39.0, 48.0), "Yemen": (12.8, 18.5, 42.8, 52.0),
    "Sudan": (9.0, 22.0, 22.0, 38.0), "Somalia": (-1.5, 11.5, 41.0, 51.0), "Nigeria": (4.5, 13.5, 3.0, 14.5),
    "Mali": (10.5, 24.5, -12.0, 4.0), "Ukraine": (45.5, 52.0, 23.0, 40.0), "Myanmar": (10.0, 28.0, 92.5, 101.0),
    "Mexico": (15.0, 32.0, -117.0, -87.0),
}
ACTORS = ["Military Forces of {c}", "Police Forces of {c}", "Rebel Group A ({c})", "Rebel Group B ({c})",
          "Unidentified Armed Group ({c})", "Civilians ({c})", "Protesters ({c})", "Militia X ({c})"]
VERBS = ["hit", "struck", "targeted", "attacked", "shelled", "raided"]
FILLER = ["the", "town", "near", "market", "residents", "local", "officials", "early", "morning", "area",
          "district", "houses", "road", "centre", "village", "reported", "according", "witnesses"]


def _incident(rng: random.Random, k: int) -> dict:
    country = rng.choice(list(COUNTRIES))
    la0, la1, lo0, lo1 = COUNTRIES[country]
    sub = rng.choice(list(SUB_EVENT_TYPES))
    a1, a2 = rng.sample(ACTORS, 2)
    return {"country": country, "day": date(2023, 1, 1) + timedelta(days=rng.randrange(730)), "sub": sub,
            "lat": rng.uniform(la0, la1), "lon": rng.uniform(lo0, lo1), "actor1": a1.format(c=country),
            "actor2": a2.format(c=country), "place": f"place{k}", "deaths": rng.choice([0, 0, 1, 2, 3, 5, 8, 12])}


def _report(rng: random.Random, inc: dict) -> Event:
    day = inc["day"] + timedelta(days=rng.choice([-1, 1]) if rng.random() < 0.1 else 0)
    words = rng.sample(FILLER, 6) + [rng.choice(VERBS), inc["place"], str(inc["deaths"])]
    rng.shuffle(words)
    drop = rng.random() < 0.2
    return Event(event_date=day.isoformat(), event_type=SUB_EVENT_TYPES[inc["sub"]], sub_event_type=inc["sub"],
                 actor1="" if drop else inc["actor1"], actor2="" if drop else inc["actor2"], country=inc["country"],
                 location=inc["place"].title(), latitude=inc["lat"] + rng.uniform(-0.02, 0.02),
                 longitude=inc["lon"] + rng.uniform(-0.02, 0.02), geo_precision=rng.choice([1, 1, 2]),
                 fatalities=max(0, inc["deaths"] + rng.choice([0, 0, 0, 1, 2])), notes=" ".join(words),
                 confidence=0.6)


def synthetic(n_events: int, seed: int = 1) -> tuple[list[Event], list[int]]:
    """Events and the incident each came from."""
    rng = random.Random(seed)
    events: list[Event] = []
    truth: list[int] = []
    k = 0
    while len(events) < n_events:
        inc = _incident(rng, k)
        for _ in range(min(rng.choice([1, 1, 2, 2, 3, 4]), n_events - len(events))):
            events.append(_report(rng, inc))
            truth.append(k)
        k += 1
    return events, truth


def pairwise(clusters: list[list[int]], truth: list[int]) -> tuple[float, float]:
    """Pairwise precision/recall of predicted clusters against incident ids."""
    from collections import Counter

    def pairs(sizes: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in sizes.values())

    pred = sum(len(c) * (len(c) - 1) // 2 for c in clusters)
    gold = pairs(Counter(truth))
    tp = sum(pairs(Counter(truth[i] for i in c)) for c in clusters)
    return (tp / pred if pred else 1.0), (tp / gold if gold else 1.0)


def store_run(n_events: int, seed: int) -> dict:
    """The same events through a SQLite store (one report each): full dedup, then 200 new reports."""
    import tempfile

    from sitrep.dedup.run import dedup_full, dedup_incremental
    from sitrep.model.records import Article
    from sitrep.store import Store

    events, _ = synthetic(n_events + 200, seed)
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/bench.db").open() as store:
        t0 = time.perf_counter()
        for i, ev in enumerate(events[:n_events]):
            store.add_document(Article(id=f"r{i}", text=f"report {i}: {ev.notes}", outlet=f"outlet{i % 7}"), [ev])
        t1 = time.perf_counter()
        full = dedup_full(store)
        t2 = time.perf_counter()
        for i, ev in enumerate(events[n_events:], start=n_events):
            store.add_document(Article(id=f"r{i}", text=f"report {i}: {ev.notes}", outlet=f"outlet{i % 7}"), [ev])
        t3 = time.perf_counter()
        inc = dedup_incremental(store)
        t4 = time.perf_counter()
    return {"store_events": n_events, "insert_docs_per_s": round(n_events / (t1 - t0)),
            "dedup_full_s": round(t2 - t1, 1), "canonical_events": full.canonical_events,
            "incremental_new_events": 200, "incremental_mode": inc.mode, "incremental_events_loaded": inc.events,
            "dedup_incremental_s": round(t4 - t3, 2), "insert_new_s": round(t3 - t2, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="dedup speed/memory on synthetic events")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--store", action="store_true", help="run through a SQLite store instead of in memory")
    args = ap.parse_args(argv)
    if args.store:
        res = store_run(args.events, args.seed)
        print(json.dumps(res) if args.json else "\n".join(f"{k}: {v}" for k, v in res.items()))
        return 0
    t0 = time.perf_counter()
    events, truth = synthetic(args.events, args.seed)
    t_gen = time.perf_counter() - t0
    rss_gen = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    docs = [f"r{i}" for i in range(len(events))]
    t1 = time.perf_counter()
    canon = deduplicate(events, keys=[f"k{i:08d}" for i in range(len(events))], docs=docs, cfg=DedupConfig())
    t_dedup = time.perf_counter() - t1
    index = {f"k{i:08d}": i for i in range(len(events))}
    precision, recall = pairwise([[index[k] for k in c.member_keys] for c in canon], truth)
    result = {"events": len(events), "incidents": len(set(truth)), "canonical_events": len(canon),
              "generate_s": round(t_gen, 1), "dedup_s": round(t_dedup, 1),
              "events_per_s": round(len(events) / t_dedup), "peak_rss_mb": round(
                  resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
              "rss_after_generate_mb": round(rss_gen), "precision": round(precision, 4),
              "recall": round(recall, 4)}
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
