"""Markdown tables of the scorer's reports written by bench/accuracy.py (DIR/<set>.score.json).

    python bench/summarize.py [--out DIR] [seed news-dev acled-dev]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def fmt(v: object) -> str:
    return "-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def table(reports: dict[str, dict]) -> str:
    names = list(reports)
    lines = ["| measure | " + " | ".join(names) + " |", "| --- |" + " --- |" * len(names)]
    for tag in ("events_typed", "events_any"):
        for k in ("precision", "recall", "f1"):
            lines.append(f"| {tag} {k} | " + " | ".join(fmt(reports[n][tag][k]) for n in names) + " |")
    fields = reports[names[0]]["fields_on_matched"]
    for k in fields:
        lines.append(f"| {k} | " + " | ".join(fmt(reports[n]["fields_on_matched"].get(k)) for n in names) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("sets", nargs="*", default=["seed", "news-dev", "acled-dev"])
    ap.add_argument("--out", type=Path, default=Path("out"))
    a = ap.parse_args()
    reports = {n: json.loads((a.out / f"{n}.score.json").read_text()) for n in a.sets}
    print(table(reports))


if __name__ == "__main__":
    main()
