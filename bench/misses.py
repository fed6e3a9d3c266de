"""Why gold events went unmatched: no prediction, wrong date, or too far away.

python bench/misses.py GOLD PRED [--show N] [--reason far|date|none]
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter
from datetime import date


def km(a: dict, b: dict) -> float:
    try:
        la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    except (KeyError, TypeError):
        return math.inf
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1, math.sqrt(h)))


def reason(gold: dict, preds: list[dict]) -> str:
    if not preds:
        return "none"
    gd = date.fromisoformat(gold["event_date"])
    tol = gold.get("date_tolerance_days", 1)
    dated = [p for p in preds if p.get("event_date") and abs((date.fromisoformat(p["event_date"]) - gd).days) <= tol]
    if not dated:
        return "date"
    if min(km(p, gold) for p in dated) > 200:
        return "far"
    return "taken"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--reason", default="far")
    a = ap.parse_args()
    with open(a.pred, encoding="utf-8") as f:
        preds = {d["id"]: d["events"] for d in map(json.loads, f)}
    with open(a.gold, encoding="utf-8") as f:
        gold_docs = [json.loads(line) for line in f]
    counts: Counter[str] = Counter()
    shown = []
    for doc in gold_docs:
        for g in doc["events"]:
            if g.get("optional"):
                continue
            r = reason(g, preds.get(doc["id"], []))
            counts[r] += 1
            if r == a.reason:
                shown.append((doc, g))
    print(counts)
    random.seed(1)
    for doc, g in random.sample(shown, min(a.show, len(shown))):
        print("---", doc["id"], doc.get("country"), "|", doc["text"][:300].replace("\n", " "))
        print(
            "  GOLD",
            g["event_date"],
            g["sub_event_type"],
            g["location"],
            g.get("admin1"),
            g["latitude"],
            g["longitude"],
        )
        for p in preds.get(doc["id"], []):
            print(
                "  PRED",
                p["event_date"],
                p["sub_event_type"],
                p["location"],
                p.get("admin1"),
                p["latitude"],
                p["longitude"],
                round(km(p, g)),
            )


if __name__ == "__main__":
    main()
