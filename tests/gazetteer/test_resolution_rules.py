"""Resolution rules for names written with their areas, on short texts written for these tests: the context
read as the area the name lies in, "City - Part" locations, districts named after their towns, sites named
after places, and admin1 names reported as conflict data spell them."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import Gazetteer, Geoparser
from sitrep.gazetteer.city_parts import city_parts
from sitrep.gazetteer.context import Item, resolve_chain
from sitrep.gazetteer.index import Entry, ascii_name
from sitrep.model import Toponym


@pytest.fixture(scope="module")
def gp(gaz: Gazetteer) -> Geoparser:
    return Geoparser(gaz)


def _at(gp: Geoparser, text: str, country: str, written: str) -> Toponym:
    tops = [t for t in gp.toponyms(text, country=country) if t.text == written]
    assert tops and tops[0].place is not None, [(t.text, t.place) for t in gp.toponyms(text, country=country)]
    return tops[0]


@pytest.mark.parametrize(
    ("text", "country", "written", "admin1"),
    [
        # "Kyiv" is the capital's area or the oblast; the town named with it lies in the oblast
        ("Shells fell on Bucha, Kyiv, overnight.", "Ukraine", "Bucha", "Kyiv"),
        # "Mexico" is the state or the capital's area; the town lies in the state
        ("Farmers marched in Nexquipayac, Mexico, on Sunday.", "Mexico", "Nexquipayac", "Mexico"),
    ],
)
def test_context_is_read_as_the_area_the_name_lies_in(
    gp: Geoparser, text: str, country: str, written: str, admin1: str
) -> None:
    t = _at(gp, text, country, written)
    assert t.place is not None and t.place.admin1 == admin1 and t.precision == 1


def _entry(pid: int, a1: str, fcode: str, pop: int, alt: int = 0) -> Entry:
    return Entry(pid, f"p{pid}", 0.0, 0.0, "ZZ", a1, "", "P" if fcode.startswith("PPL") else "A", fcode, pop, alt)


def test_equally_ranked_context_areas_are_all_tried() -> None:
    items = [Item(0, 5, "Smallton", ""), Item(7, 12, "Bigarea", "")]
    found = {"smallton": [_entry(1, "02", "PPL", 900)],
             "bigarea": [_entry(2, "01", "ADM1", 9_000_000, alt=1), _entry(3, "02", "ADM1", 100_000)]}
    r = resolve_chain(items, found, "ZZ")
    assert r is not None and r.own and r.entry.id == 1
    assert [e.id for _, e in r.context] == [3]


def test_an_unknown_name_keeps_the_likeliest_reading() -> None:
    items = [Item(0, 5, "Nowhere", ""), Item(7, 12, "Bigarea", "")]
    found = {"bigarea": [_entry(2, "01", "ADM1", 9_000_000), _entry(3, "02", "ADM1", 100_000)]}
    r = resolve_chain(items, found, "ZZ")
    assert r is not None and not r.own and r.entry.id == 2


def test_context_names_become_the_areas_they_were_read_as(gp: Geoparser) -> None:
    tops = gp.toponyms("Militants raided a post in Musa Khel district, Khost, at dawn.", country="Afghanistan")
    by_text = {t.text: t for t in tops}
    assert by_text["Musa Khel"].place is not None and by_text["Musa Khel"].place.admin1 == "Khost"
    khost = by_text["Khost"].place
    assert khost is not None and khost.feature_code == "ADM1" and by_text["Khost"].precision == 3


def test_a_district_written_outside_a_wrong_wider_area_is_the_district(gp: Geoparser) -> None:
    t = _at(gp, "A gang killed two people in Kiambu district, Nairobi.", "Kenya", "Kiambu")
    assert t.place is not None and t.place.admin1 == "Kiambu"


@pytest.mark.parametrize(
    ("text", "country", "place", "admin1"),
    [
        ("Tenants rallied in New York - Manhattan (New York) on Friday.", "United States", None, "New York"),
        ("Workers marched in New York - Queens (New York) on Friday.", "United States", "Queens", "New York"),
        ("Activists gathered in Belgrade - Stari Grad on Sunday.", "Serbia", "Stari Grad", "Central Serbia"),
        ("Dealers marched in Montreal - Center West (Quebec).", "Canada", "Montréal", "Quebec"),
    ],
)
def test_city_and_part(gp: Geoparser, text: str, country: str, place: str | None, admin1: str) -> None:
    start = text.index(" in ") + 4
    tops = [t for t in gp.toponyms(text, country=country) if t.start == start]
    assert len(tops) == 1 and " - " in tops[0].text and tops[0].place is not None
    assert tops[0].place.admin1 == admin1 and tops[0].place.feature_class == "P"
    if place is not None:
        assert tops[0].place.name == place


def test_a_route_between_two_towns_is_no_city_part(gp: Geoparser, gaz: Gazetteer) -> None:
    text = "A bomb hit a truck on the Kabul - Jalalabad road."
    tops = gp.toponyms(text, country="Afghanistan")
    assert city_parts(gaz, text, tops, "AF") == tops
    assert not any(" - " in t.text for t in tops)


def test_a_district_named_like_its_province_is_the_district_town(gp: Geoparser) -> None:
    t = _at(gp, "Gunmen ambushed soldiers in Balkh district on Monday.", "Afghanistan", "Balkh")
    assert t.place is not None and t.place.feature_code != "ADM1" and t.precision == 2
    province = _at(gp, "Gunmen ambushed soldiers in Balkh province on Monday.", "Afghanistan", "Balkh")
    assert province.place is not None and province.place.feature_code == "ADM1"


@pytest.mark.parametrize(
    ("text", "country", "site", "town"),
    [
        ("Demonstrators gathered on the Roosevelt Bridge in Stuart (Florida).", "United States", "Roosevelt", "Stuart"),
        ("People gathered at Willard Park in Cleveland (Ohio).", "United States", "Willard", "Cleveland"),
        ("Students rallied outside Nassau Hall in Princeton (New Jersey).", "United States", "Nassau", "Princeton"),
    ],
)
def test_sites_named_after_places_are_not_the_places(
    gp: Geoparser, text: str, country: str, site: str, town: str
) -> None:
    texts = [t.text for t in gp.toponyms(text, country=country) if t.place is not None]
    assert town in texts and site not in texts


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Şanlıurfa", "Sanliurfa"), ("Łódź", "Lodz"), ("Tǝrtǝr", "Terter"), ("Ma’rib", "Marib")],
)
def test_ascii_name_folds_letters_without_marks(name: str, expected: str) -> None:
    assert ascii_name(name) == expected


@pytest.mark.parametrize(
    ("cc", "a1", "reported", "written"),
    [("SY", "04", "Ar Raqqa", "Ar-Raqqa"), ("IQ", "11", "Erbil", "Arbil"), ("CD", "11", "Nord-Kivu", "Nord Kivu"),
     ("KE", "38", "Murang'a", "Murang'A"), ("TR", "63", "Sanliurfa", "Sanliurfa"),
     ("YE", "14", "Marib", "Ma'rib")],
)
def test_admin1_names_are_reported_as_conflict_data_spell_them(
    gaz: Gazetteer, cc: str, a1: str, reported: str, written: str
) -> None:
    assert gaz.admin1_name(cc, a1) == reported
    assert gaz.admin1_key(written, cc) == f"{cc}.{a1}"  # the old spelling still resolves


def test_a_province_by_its_reported_name_has_a_seat(gaz: Gazetteer) -> None:
    seat = gaz.admin1_seat("Sanliurfa", "Turkey")
    assert seat is not None and seat.feature_class == "P"


def test_a_bigger_city_abroad_outweighs_a_province_of_the_same_name(gp: Geoparser) -> None:
    top = next(t for t in gp.toponyms("Air strikes killed five people in Gaza on Monday.") if t.text == "Gaza")
    assert top.place is not None and top.place.country == "Palestine"


def test_a_country_backs_places_across_its_borders() -> None:
    from sitrep.gazetteer.recognize import Span
    from sitrep.gazetteer.resolve import Mention, resolve

    far = Entry(1, "Tamra", 0.0, 0.0, "XX", "01", "", "P", "PPL", 20_000, 0)
    near = Entry(2, "Tamra", 0.0, 0.0, "PS", "01", "", "P", "PPL", 15_000, 0)
    israel = Entry(3, "Israel", 0.0, 0.0, "IL", "00", "", "A", "PCLI", 9_000_000, 0)
    town = Mention(Span(0, 5, "Tamra", "GPE", ["tamra"]), [far, near], strong=True)
    country = Mention(Span(10, 16, "Israel", "GPE", ["israel"]), [israel], strong=True)
    resolve([town, country], None)
    assert town.best is near


def test_an_area_spelled_close_to_a_province_is_read_as_it(gp: Geoparser) -> None:
    tops = gp.toponyms("Gunmen attacked Laisamis (Marsabiti) on Monday.", country="Kenya")
    town = next(t for t in tops if t.text == "Laisamis")
    assert town.place is not None and town.place.admin1 == "Marsabit"
