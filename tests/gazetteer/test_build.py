"""Building an index from GeoNames files and importing a per-country dump."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.gazetteer.conftest import TINY_PLACES, dump_line

from sitrep.errors import InputError
from sitrep.gazetteer import Gazetteer, Geoparser
from sitrep.gazetteer.build import add_dump, area_variants, build, compass_variants, name_keys, parse_line


def test_parse_line_reads_geonames_columns() -> None:
    row = parse_line(dump_line(TINY_PLACES[0]))
    assert (row.id, row.name, row.cc, row.a1, row.pop) == (900001, "Qaryat Tajriba", "SY", "07", 1200)
    assert row.alternates == ("Tajriba", "Al Tajriba")


def test_build_writes_places_admin_areas_and_countries(tiny_files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "g.sqlite"
    counts = build(tiny_files["cities.txt"], tiny_files["admin1.txt"], tiny_files["admin2.txt"],
                   tiny_files["countryInfo.txt"], out)
    assert counts["countries"] == 2
    assert counts["admin1"] == 3 and counts["admin2"] == 1
    conn = sqlite3.connect(out)
    fcodes = {r[0] for r in conn.execute("SELECT fcode FROM places")}
    assert {"PPL", "ADM1", "ADM2"} <= fcodes
    keys = {r[0] for r in conn.execute("SELECT norm FROM names")}
    assert {"tajriba", "rapides", "rapides parish", "eastern ghouta"} <= keys  # supplement included


def test_built_index_resolves_with_country_hint(tiny_files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "g.sqlite"
    build(tiny_files["cities.txt"], tiny_files["admin1.txt"], tiny_files["admin2.txt"],
          tiny_files["countryInfo.txt"], out)
    gaz = Gazetteer.open(out, user_path=tmp_path / "none.sqlite")
    tops = Geoparser(gaz).toponyms("Shelling hit Al Tajriba on Monday.", country="Syria")
    assert [t.place.geonameid for t in tops if t.place] == [900001]
    assert tops[0].place is not None and tops[0].place.country == "Syria"


def test_add_dump_goes_into_user_index(tiny_files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "g.sqlite"
    build(tiny_files["cities.txt"], tiny_files["admin1.txt"], tiny_files["admin2.txt"],
          tiny_files["countryInfo.txt"], out)
    dump = tmp_path / "SY.txt"
    dump.write_text(dump_line((900010, "Kafr Jadid", "Kafr Jadid", "", 33.6, 36.4, "P", "PPL", "SY", "13", "", 0))
                    + "\n", encoding="utf-8")
    user = tmp_path / "user" / "user.sqlite"
    assert add_dump(dump, user) == 1
    gaz = Gazetteer.open(out, user_path=user)
    assert "kafr jadid" in gaz.lookup(["kafr jadid"])
    assert gaz.info()["user"]["places"] == 1  # type: ignore[index]


def test_malformed_dump_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not\ta\tdump\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.txt:1"):
        add_dump(bad, tmp_path / "u.sqlite")


def test_missing_dump_says_where_to_get_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="geonames.org"):
        add_dump(tmp_path / "SY.txt", tmp_path / "u.sqlite")


@pytest.mark.parametrize(
    ("name", "variants"),
    [("Rapides Parish", ["Rapides Parish", "Rapides"]), ("Province of Bulacan", ["Province of Bulacan", "Bulacan"]),
     ("Homs", ["Homs"]), ("Mount of Olives", ["Mount of Olives"])],
)
def test_area_variants(name: str, variants: list[str]) -> None:
    assert area_variants(name) == variants


@pytest.mark.parametrize(("name", "out"), [("Nord Kivu", ["North Kivu"]), ("Homs", [])])
def test_compass_variants(name: str, out: list[str]) -> None:
    assert compass_variants(name) == out


def test_name_keys_drop_codes_and_other_scripts() -> None:
    keys = name_keys(["Damascus"], ["DAM", "Дамаск", "Dimashq", "http://x", "Sham 2"])
    assert keys == {"dimashq": 1, "damascus": 0}


def test_add_dump_skips_spots_unless_asked(tmp_path: Path) -> None:
    lines = [dump_line((900030, "Funduq Tajriba", "Funduq Tajriba", "", 33.6, 36.4, "S", "HTL", "SY", "13", "", 0)),
             dump_line((900031, "Mukhayyam Tajriba", "Mukhayyam Tajriba", "", 33.6, 36.4, "S", "CMPRF", "SY", "13",
                        "", 0)),
             dump_line((900032, "Tall Tajriba", "Tall Tajriba", "", 33.6, 36.4, "T", "HLL", "SY", "13", "", 0))]
    dump = tmp_path / "SY.txt"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert add_dump(dump, tmp_path / "a.sqlite") == 2
    assert add_dump(dump, tmp_path / "b.sqlite", all_classes=True) == 3
