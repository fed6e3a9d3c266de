"""Predict on the gold sets in ../shared/bench/gold and score with the shared scorers.

    python bench/accuracy.py [seed news-dev acled-dev ...] [--limit N] [--out DIR]

Writes DIR/<set>.pred.jsonl and DIR/<set>.score.json and prints the scorer's report.
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "bench" / "gold"


def predict(name: str, out_dir: Path, limit: int) -> Path:
    from sitrep.pipeline.api import Extractor
    from sitrep.pipeline.docs import iter_documents, run_stream

    pred = out_dir / f"{name}.pred.jsonl"
    docs = iter_documents(GOLD / f"{name}.jsonl")
    if limit:
        docs = itertools.islice(docs, limit)
    t0 = time.perf_counter()
    with pred.open("w", encoding="utf-8") as f:
        stats = run_stream(docs, Extractor().initialize(), f)
    print(f"{name}: {stats.summary()} in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    return pred


def score(name: str, pred: Path, out_dir: Path) -> None:
    cmd = [
        sys.executable,
        str(SHARED / "bench" / "score.py"),
        str(GOLD / f"{name}.jsonl"),
        str(pred),
        "--json",
        str(out_dir / f"{name}.score.json"),
    ]
    subprocess.run(cmd, check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("sets", nargs="*", default=["seed", "news-dev", "acled-dev"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--out", type=Path, default=Path("out"))
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    for name in a.sets:
        print(f"== {name}")
        score(name, predict(name, a.out, a.limit), a.out)


if __name__ == "__main__":
    main()
