#!/usr/bin/env python3
"""Build sitrep's shipped gazetteer index from GeoNames dump files.

Usage:
    python tools/build_gazetteer.py CITIES500 ADMIN1CODES ADMIN2CODES COUNTRYINFO [--out PATH]

e.g. python tools/build_gazetteer.py ../shared/data/geonames/{cities500,admin1CodesASCII,admin2Codes,countryInfo}.txt
Files from https://download.geonames.org/export/dump/ (CC BY 4.0). Writes
src/sitrep/data/gazetteer/gazetteer.sqlite by default.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sitrep.gazetteer.build import build
from sitrep.paths import GAZETTEER_DIR


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build, print counts."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name in ("cities", "admin1", "admin2", "country_info"):
        ap.add_argument(name, type=Path)
    ap.add_argument("--out", type=Path, default=GAZETTEER_DIR / "gazetteer.sqlite")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    counts = build(a.cities, a.admin1, a.admin2, a.country_info, a.out)
    size = a.out.stat().st_size / 1e6
    print(f"wrote {a.out} ({size:.1f} MB) in {time.perf_counter() - t0:.1f} s: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
