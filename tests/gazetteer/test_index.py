"""The shipped index: countries, ISO codes, admin1 seats, speed and size of opening."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.index import SHIPPED_INDEX


@pytest.mark.parametrize(
    ("name", "country", "iso2"),
    [("Syria", "Syria", "SY"), ("Syrian", "Syria", "SY"), ("DRC", "Democratic Republic of Congo", "CD"),
     ("Ivory Coast", "Ivory Coast", "CI"), ("Côte d'Ivoire", "Ivory Coast", "CI"), ("Palestinian", "Palestine", "PS"),
     ("USA", "United States", "US"), ("Burma", "Myanmar", "MM"), ("eSwatini", "eSwatini", "SZ")],
)
def test_country(gaz: Gazetteer, name: str, country: str, iso2: str) -> None:
    place = gaz.country(name)
    assert place is not None and place.country == country and place.iso2 == iso2
    assert place.feature_code == "PCLI"


def test_unknown_country_is_none(gaz: Gazetteer) -> None:
    assert gaz.country("Atlantis") is None and gaz.iso_numeric("Atlantis") is None


@pytest.mark.parametrize(("name", "num"), [("Syria", 760), ("Democratic Republic of Congo", 180), ("Palestine", 275)])
def test_iso_numeric(gaz: Gazetteer, name: str, num: int) -> None:
    assert gaz.iso_numeric(name) == num


@pytest.mark.parametrize(
    ("admin1", "country", "seat"),
    [("Homs", "Syria", "Homs"), ("Idleb", "Syria", "Idlib"), ("Rif Dimashq", "Syria", None),
     ("Texas", "United States", None)],
)
def test_admin1_seat(gaz: Gazetteer, admin1: str, country: str, seat: str | None) -> None:
    place = gaz.admin1_seat(admin1, country)
    assert place is not None and place.admin1
    if seat:
        assert place.name == seat


@pytest.mark.parametrize("part", ["Shan-North", "Shan-East", "Bago-West"])
def test_a_split_province_part_has_a_seat_inside_it(gaz: Gazetteer, part: str) -> None:
    place = gaz.admin1_seat(part, "Myanmar")
    assert place is not None and place.admin1 == part


@pytest.mark.parametrize(("written", "part"), [("Shan-North state", "Shan-North"), ("Bago-East Region", "Bago-East"),
                                               ("Shan State", None), ("Sagaing", None)])
def test_split_part(gaz: Gazetteer, written: str, part: str | None) -> None:
    assert gaz.split_part(written, "MM") == part


def test_admin1_seat_unknown(gaz: Gazetteer) -> None:
    assert gaz.admin1_seat("Nowhere", "Syria") is None


def test_lookup_is_one_batch(gaz: Gazetteer) -> None:
    found = gaz.lookup(["aleppo", "mayadeen", "kiev", "no such place"])
    assert set(found) == {"aleppo", "mayadeen", "kiev"}
    assert any(e.cc == "SY" for e in found["mayadeen"])


def test_open_is_fast_and_small() -> None:
    t0 = time.perf_counter()
    g = Gazetteer.open(user_path=Path("/nonexistent"))
    assert time.perf_counter() - t0 < 2.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 < 500
    g.close()


def test_shipped_index_is_compact() -> None:
    assert SHIPPED_INDEX.stat().st_size < 40_000_000
