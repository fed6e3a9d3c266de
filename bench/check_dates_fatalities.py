"""Check the date and fatality stages against gold ACLED notes (measurement only, no training).

    python bench/check_dates_fatalities.py ../shared/bench/gold/acled-dev.jsonl [--show-errors N] [--speed]

Dates: the first date find_dates finds with precision 1 or 2 (month/year mentions are background
anchors), or the publication date when none, against the first gold event's event_date; the figure for
the first date of any precision is printed too. Fatalities: killed_total(find_casualties(text))
against the sum of the gold fatalities. Also reports words/s for each stage; ``--speed`` adds
words/s over the 1,053 long articles of the speed benchmark (bench/corpus.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

from sitrep.pipeline.dates import find_dates
from sitrep.pipeline.fatalities import find_casualties, killed_total


def main() -> None:
    """Run the check and print the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--only", choices=["dates", "fatalities"], default=None)
    ap.add_argument("--speed", action="store_true", help="also time both stages on the long articles")
    args = ap.parse_args()
    if args.speed:
        long_speed()
    with open(args.gold, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    words = sum(len(d["text"].split()) for d in docs)
    date_ok = fat_ok = raw_ok = 0
    date_err: list[str] = []
    fat_err: list[str] = []
    t_dates = t_fat = 0.0
    for d in docs:
        text = d["text"]
        pub = date.fromisoformat(d["published"]) if d.get("published") else None
        gold_date = d["events"][0]["event_date"] if d["events"] else None
        gold_fat = sum(e.get("fatalities", 0) for e in d["events"])
        t0 = time.perf_counter()
        dates = find_dates(text, pub)
        t1 = time.perf_counter()
        cas = find_casualties(text)
        t2 = time.perf_counter()
        t_dates += t1 - t0
        t_fat += t2 - t1
        raw = dates[0].value.isoformat() if dates else (pub.isoformat() if pub else None)
        raw_ok += raw == gold_date
        precise = [x for x in dates if x.precision <= 2]
        got = precise[0].value.isoformat() if precise else (pub.isoformat() if pub else None)
        if got == gold_date:
            date_ok += 1
        else:
            date_err.append(f"{gold_date} got {got} | {text[:300]}")
        k = killed_total(cas)
        if k == gold_fat:
            fat_ok += 1
        else:
            fat_err.append(
                f"gold {gold_fat} got {k} {[(c.count, c.text) for c in cas if c.kind == 'killed']} | {text[:400]}"
            )
    n = len(docs)
    print(f"docs {n}, words {words}")
    print(
        f"date_exact first day/week-precision date {date_ok / n:.4f} ({date_ok}/{n}); "
        f"first date of any precision {raw_ok / n:.4f}; find_dates {words / t_dates:,.0f} words/s"
    )
    print(f"fatalities_exact {fat_ok / n:.4f} ({fat_ok}/{n}); find_casualties {words / t_fat:,.0f} words/s")
    if args.show_errors:
        if args.only != "fatalities":
            print("\n--- date errors")
            print("\n".join(date_err[: args.show_errors]))
        if args.only != "dates":
            print("\n--- fatality errors")
            print("\n\n".join(fat_err[: args.show_errors]))


def long_speed() -> None:
    """Words/s of each stage over the long-article corpus, best of three runs."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import long_articles

    texts = long_articles()
    words = sum(len(t.split()) for t in texts)
    pub = date(2018, 4, 19)
    for name, run in (("find_dates", lambda t: find_dates(t, pub)), ("find_casualties", find_casualties)):
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            for t in texts:
                run(t)
            best = min(best, time.perf_counter() - t0)
        print(f"long articles: {len(texts)} texts, {words} words; {name} {words / best:,.0f} words/s")


if __name__ == "__main__":
    main()
