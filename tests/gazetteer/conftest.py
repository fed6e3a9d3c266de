"""Fixtures: a tiny GeoNames dump written here, and the shipped index opened once."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.gazetteer import Gazetteer

# id, name, ascii, alternates, lat, lon, class, code, cc, admin1, admin2, population
TINY_PLACES = [
    (900001, "Qaryat Tajriba", "Qaryat Tajriba", "Tajriba,Al Tajriba", 35.1, 40.2, "P", "PPL", "SY", "07", "", 1200),
    (900002, "Hayy Tajribi", "Hayy Tajribi", "", 33.5, 36.3, "P", "PPLX", "SY", "13", "", 0),
    (900003, "Testville", "Testville", "Test Ville", 31.3, -92.4, "P", "PPLA2", "US", "LA", "079", 40000),
]
ADMIN1 = [("SY.07", "Deir ez-Zor", "Deir ez-Zor", 170793), ("SY.13", "Dimashq", "Dimashq", 170652),
          ("US.LA", "Louisiana", "Louisiana", 4331987)]
ADMIN2 = [("US.LA.079", "Rapides Parish", "Rapides Parish", 4338356)]
COUNTRY_INFO = [
    "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea\tPopulation\tContinent\ttld\tCurrencyCode\t"
    "CurrencyName\tPhone\tPostal Code Format\tPostal Code Regex\tLanguages\tgeonameid\tneighbours\tEquivalentFipsCode",
    "SY\tSYR\t760\tSY\tSyria\tDamascus\t185180\t16906283\tAS\t.sy\tSYP\tPound\t963\t\t\tar-SY\t163843\tIQ\t",
    "US\tUSA\t840\tUS\tUnited States\tWashington\t9629091\t327167434\tNA\t.us\tUSD\tDollar\t1\t\t\t"
    "en-US\t6252001\tCA\t",
]


def dump_line(row: tuple[object, ...]) -> str:
    """One GeoNames dump line (19 columns) from a short row."""
    gid, name, ascii_name, alts, lat, lon, fcl, fco, cc, a1, a2, pop = row
    cols = [gid, name, ascii_name, alts, lat, lon, fcl, fco, cc, "", a1, a2, "", "", pop, "", "", "UTC", "2024-01-01"]
    return "\t".join(str(c) for c in cols)


@pytest.fixture()
def tiny_files(tmp_path: Path) -> dict[str, Path]:
    """A tiny cities dump with admin code files and country info, in GeoNames' formats."""
    files = {name: tmp_path / name for name in ("cities.txt", "admin1.txt", "admin2.txt", "countryInfo.txt")}
    files["cities.txt"].write_text("\n".join(dump_line(r) for r in TINY_PLACES) + "\n", encoding="utf-8")
    files["admin1.txt"].write_text("\n".join("\t".join(map(str, r)) for r in ADMIN1) + "\n", encoding="utf-8")
    files["admin2.txt"].write_text("\n".join("\t".join(map(str, r)) for r in ADMIN2) + "\n", encoding="utf-8")
    files["countryInfo.txt"].write_text("\n".join(COUNTRY_INFO) + "\n", encoding="utf-8")
    return files


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The shipped index, without any user additions."""
    return Gazetteer.open(user_path=Path("/nonexistent/user.sqlite"))
