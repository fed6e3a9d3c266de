"""An upper bound on events_any recall for a gold set of notes: events whose note names neither
their location nor any admin area, and whose gold place lies beyond the scorer's match radius
from the country's capital (where an event the text does not place must go), cannot be matched
by any system reading the text.

    python bench/recall_bound.py ../shared/bench/gold/acled-dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections import Counter
from pathlib import Path

from misses import km  # bench/misses.py, beside this script

MATCH_RADIUS_KM = 200.0  # ../shared/bench/score.py


def fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def named(text: str, gold: dict) -> bool:
    """Whether the note names the gold place or one of its admin areas ("City - District": the district)."""
    loc = gold["location"] if isinstance(gold["location"], list) else [gold["location"]]
    names = [*loc, gold.get("admin1") or "", gold.get("admin2") or "", gold.get("admin3") or ""]
    t = fold(text)
    return any(len(n) > 2 and fold(n.split(" - ")[-1]) in t for n in names)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", type=Path)
    a = ap.parse_args()
    from sitrep.gazetteer import Gazetteer

    gz = Gazetteer.open()
    total, unplaceable, by_country = 0, 0, Counter()
    with a.gold.open(encoding="utf-8") as f:
        for doc in map(json.loads, f):
            capital = gz.capital(doc.get("country") or "")
            for g in doc["events"]:
                if g.get("optional"):
                    continue
                total += 1
                if capital is None or named(doc["text"], g):
                    continue
                if km({"latitude": capital.latitude, "longitude": capital.longitude}, g) > MATCH_RADIUS_KM:
                    unplaceable += 1
                    by_country[doc.get("country")] += 1
    print(f"required events {total}; unplaceable from the text {unplaceable} ({unplaceable / total:.1%})")
    print(f"events_any recall cannot exceed {1 - unplaceable / total:.3f}")
    print("by country:", dict(by_country.most_common(5)))


if __name__ == "__main__":
    main()
