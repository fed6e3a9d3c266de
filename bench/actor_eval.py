"""Actor recognizer coverage and speed.

Coverage: for each gold event, is its actor1 / actor2 (compared as ``bare`` names, as the scorer
does: lowercase, parenthesised qualifiers removed) among the actors the recognizer finds in the
document's text, given the document's ``country`` hint and the event's date?  Noise: the share of
the distinct names found in a document that are among its gold actors (a rough precision).

    python bench/actor_eval.py ../shared/bench/gold/acled-dev.jsonl [--no-hint] [--implicit] [--misses 30]
    python bench/actor_eval.py --speed          # words/s over the 1,053 long Syria articles
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitrep.pipeline.actors import ActorRecognizer  # noqa: E402


def norm(s: str | None) -> str:
    """The scorer's normalisation (../shared/bench/score.py)."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKD", str(s))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[\u2018\u2019'`ʿʾ]", "", s.casefold())
    return re.sub(r"[^a-z0-9()]+", " ", s).strip()


def bare(s: str | None) -> str:
    """Actor name without parenthesised qualifiers."""
    return re.sub(r"\s*\([^)]*\)", "", norm(s)).strip()


def alts(v: object) -> list[str]:
    if v is None:
        return []
    return [x for x in v if x] if isinstance(v, list) else ([v] if v else [])  # type: ignore[list-item]


GENERIC = re.compile(
    r"^(Civilians|Protesters|Rioters|Unidentified|Private Security Forces) |Ethnic Militia|Clan Militia")


def category(name: str) -> str:
    """state (military/police), generic (civilians, protesters, unidentified...), or named group."""
    if re.match(r"(Military|Police) Forces of ", name):
        return "state"
    return "generic" if GENERIC.search(name) else "named"


def coverage(path: Path, rec: ActorRecognizer, hint: bool, implicit: bool, misses: int) -> dict[str, object]:
    """Share of gold actor1/actor2 found, and the most common missed names."""
    hits = Counter[str]()
    totals = Counter[str]()
    by_cat = {"hits": Counter[str](), "totals": Counter[str]()}
    missed: dict[str, Counter[str]] = {"actor1": Counter(), "actor2": Counter()}
    found_sizes: list[int] = []
    doc_found = doc_right = 0
    for line in path.open(encoding="utf-8"):
        doc = json.loads(line)
        gold_names = {bare(g) for ev in doc.get("events", []) for f in ("actor1", "actor2") for g in alts(ev.get(f))}
        first = next(iter(doc.get("events", [])), None)
        if first is not None:
            when0 = date.fromisoformat(first["event_date"]) if first.get("event_date") else None
            names = {bare(m.name) for m in rec.find(doc["text"], doc.get("country") if hint else None, when0,
                                                     implicit=implicit)}
            doc_found += len(names)
            doc_right += len(names & gold_names)
        for ev in doc.get("events", []):
            if ev.get("optional"):
                continue
            when = date.fromisoformat(ev["event_date"]) if ev.get("event_date") else None
            country = doc.get("country") if hint else None
            found = {bare(m.name) for m in rec.find(doc["text"], country, when, implicit=implicit)}
            found_sizes.append(len(found))
            for field in ("actor1", "actor2"):
                gold = alts(ev.get(field))
                if not gold:
                    continue
                totals[field] += 1
                by_cat["totals"][category(gold[0])] += 1
                if any(bare(g) in found for g in gold):
                    hits[field] += 1
                    by_cat["hits"][category(gold[0])] += 1
                else:
                    missed[field][gold[0]] += 1
    return {
        "file": str(path), "hint": hint, "implicit": implicit,
        **{f"{f}_coverage": round(hits[f] / totals[f], 4) if totals[f] else None for f in ("actor1", "actor2")},
        **{f"{f}_n": totals[f] for f in ("actor1", "actor2")},
"by_category": {c: [round(by_cat["hits"][c] / n, 4), n] for c, n in sorted(by_cat["totals"].items())},
        "mean_distinct_actors_found": round(sum(found_sizes) / max(1, len(found_sizes)), 2),
        "share_of_found_names_in_gold": round(doc_right / max(1, doc_found), 4),
        **{f"{f}_missed": missed[f].most_common(misses) for f in ("actor1", "actor2")},
    }


def speed(rec: ActorRecognizer) -> dict[str, object]:
    """Words per second of find() over the long-article benchmark corpus."""
    from corpus import long_articles

    texts = long_articles()
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    n = sum(len(rec.find(t, None, None)) for t in texts)
    seconds = time.perf_counter() - t0
    return {"articles": len(texts), "words": words, "seconds": round(seconds, 2),
            "words_per_s": round(words / seconds), "mentions": n}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", type=Path)
    ap.add_argument("--no-hint", action="store_true", help="ignore the documents' country hint")
    ap.add_argument("--implicit", action="store_true", help="also count actors implied by event words")
    ap.add_argument("--misses", type=int, default=25)
    ap.add_argument("--speed", action="store_true")
    args = ap.parse_args()
    t0 = time.perf_counter()
    rec = ActorRecognizer().initialize()
    print(f"initialize: {time.perf_counter() - t0:.2f}s", file=sys.stderr)
    if args.gold:
        print(json.dumps(coverage(args.gold, rec, not args.no_hint, args.implicit, args.misses), indent=1))
    if args.speed:
        print(json.dumps(speed(rec)))


if __name__ == "__main__":
    main()
