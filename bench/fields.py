"""Field-level disagreements on matched events, to read the largest error groups.

    python bench/fields.py GOLD PRED FIELD [--limit N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter
from pathlib import Path

SCORER = Path(__file__).resolve().parents[2] / "shared" / "bench" / "score.py"


def load_scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", SCORER)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("field")
    ap.add_argument("--limit", type=int, default=30)
    a = ap.parse_args()
    sc = load_scorer()
    gold, pred = sc.load(a.gold), sc.load(a.pred)
    key = sc.bare if a.field.startswith("actor") else sc.norm
    pairs: Counter[tuple[str, str]] = Counter()
    for k, g in gold.items():
        ge, pe = g.get("events", []), pred.get(k, {}).get("events", [])
        for i, j in sc.match(pe, ge, False):
            if ge[j].get("optional") or sc.same(pe[i].get(a.field), ge[j].get(a.field), key=key):
                continue
            gv = ge[j].get(a.field)
            pairs[(json.dumps(gv if not isinstance(gv, list) else gv[0]), json.dumps(pe[i].get(a.field)))] += 1
    for (g, p), n in pairs.most_common(a.limit):
        print(f"{n:4d}  gold {g}  pred {p}")


if __name__ == "__main__":
    main()
