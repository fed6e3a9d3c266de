"""Admin context chains, the country hint and admin1 naming, on tiny texts written for these tests."""

from __future__ import annotations

import time

import pytest

from sitrep.gazetteer import Gazetteer, Geoparser
from sitrep.gazetteer.build import admin2_variants
from sitrep.gazetteer.context import chains
from sitrep.gazetteer.eventplace import _is_route
from sitrep.gazetteer.index import ascii_name
from sitrep.model import Toponym


@pytest.fixture(scope="module")
def gp(gaz: Gazetteer) -> Geoparser:
    return Geoparser(gaz)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Raiders hit Zorbaville (Tapoa, Est) at night.", [("Zorbaville", ""), ("Tapoa", ""), ("Est", "")]),
        ("Fighting near Kin Lar village, Pale township (Yinmarbin district, Sagaing region).",
         [("Kin Lar", "village"), ("Pale", "township"), ("Yinmarbin", "district"), ("Sagaing", "region")]),
        ("Gunmen struck in Puerto Fakeo, Sinaloa, on Monday.", [("Puerto Fakeo", ""), ("Sinaloa", "")]),
        ("Strikes in Lviv, Kyiv and Odesa.", []),
        ("The army (FAMa) said so.", []),
    ],
)
def test_chains_found(text: str, expected: list[tuple[str, str]]) -> None:
    found = [[(i.text, i.generic) for i in c] for c in chains(text)]
    assert (found[0] if found else []) == expected


@pytest.mark.parametrize(
    ("text", "country", "written", "place", "precision"),
    [
        # an unknown village placed at the province named with it (ADM2 -> precision 2)
        ("Gunmen attacked Zorbaville (Tapoa, Est) overnight.", "Burkina Faso", "Zorbaville",
         "Province de la Tapoa", 2),
        # an unknown village with only its region known -> the region's seat, precision 3
        ("Troops burned Qwertyzay village (Nowhere township, Sagaing region).", "Myanmar", "Qwertyzay", "Sagaing", 3),
        # a known town named with its state resolves inside that state
        ("Gunmen killed two men in Ciudad Juarez, Chihuahua.", "Mexico", "Ciudad Juarez", "Ciudad Juárez", 1),
    ],
)
def test_admin_context(gp: Geoparser, text: str, country: str, written: str, place: str, precision: int) -> None:
    tops = [t for t in gp.toponyms(text, country=country) if t.text == written]
    assert tops and tops[0].place is not None
    assert tops[0].place.name == place and tops[0].precision == precision


def test_hint_keeps_places_in_country(gp: Geoparser) -> None:
    text = "Militants attacked Boni on Friday."
    tops = [t for t in gp.toponyms(text, entities=[(19, 23, "GPE")], country="Mali") if t.place is not None]
    assert all(t.place.iso2 == "ML" for t in tops if t.place is not None)


def test_hint_yields_to_named_country(gp: Geoparser) -> None:
    text = "Protesters marched in Paris, France, on Monday."
    tops = [t for t in gp.toponyms(text, entities=[(22, 27, "GPE"), (29, 35, "GPE")], country="Germany")
            if t.text == "Paris"]
    assert tops and tops[0].place is not None and tops[0].place.iso2 == "FR"


@pytest.mark.parametrize("context", ["Zyxwa township, Shan-North state", "Kyaukme district, Shan State"])
def test_a_part_of_a_split_province_has_its_own_seat(gp: Geoparser, context: str) -> None:
    text = f"A mine hit Qwertyzay village ({context}) on Monday."
    tops = [t for t in gp.toponyms(text, country="Myanmar") if t.text == "Qwertyzay"]
    assert tops and tops[0].place is not None and tops[0].place.admin1 == "Shan-North"


def test_split_admin1_names(gp: Geoparser) -> None:
    tops = [t for t in gp.toponyms("A blast hit Lashio.", country="Myanmar") if t.text == "Lashio"]
    assert tops and tops[0].place is not None and tops[0].place.admin1 == "Shan-North"


@pytest.mark.parametrize(("name", "folded"), [("Ma’rib", "Marib"), ("Andalucía", "Andalucia"), ("Idlib", "Idlib")])
def test_ascii_admin_names(name: str, folded: str) -> None:
    assert ascii_name(name) == folded


@pytest.mark.parametrize(
    ("name", "variants"),
    [("Province de la Tapoa", ["Tapoa"]), ("Kabupaten Mimika", ["Mimika"]), ("Kween District", ["Kween"]),
     ("Rapides Parish", [])],
)
def test_admin2_variants(name: str, variants: list[str]) -> None:
    assert admin2_variants(name) == variants


def test_other_name_needs_support(gp: Geoparser) -> None:
    text = "Youths threw Molotov cocktails at a police post in Makhachkala."
    tops = gp.toponyms(text, entities=[(51, 62, "GPE")], country="Russia")
    assert not [t for t in tops if t.text == "Molotov" and t.place is not None]


def test_neighbourhood_stays_in_the_documents_province(gp: Geoparser) -> None:
    text = "In Natal (Rio Grande do Norte), a man was shot in the Jaguaribe neighborhood."
    tops = gp.toponyms(text, entities=[(3, 8, "GPE"), (10, 29, "GPE")], country="Brazil")
    far = [t for t in tops if t.text == "Jaguaribe" and t.place is not None and t.place.admin1 != "Rio Grande do Norte"]
    assert not far


@pytest.mark.parametrize(
    ("text", "name", "route"),
    [("They blocked the Gao-Menaka road near Ansongo.", "Gao", True),
     ("They blocked the Gao-Menaka road near Ansongo.", "Menaka", True),
     ("They blocked the Gao-Menaka road near Ansongo.", "Ansongo", False),
     ("Shelling hit Gao on Monday.", "Gao", False)],
)
def test_route_ends_are_not_event_places(text: str, name: str, route: bool) -> None:
    start = text.index(name)
    assert _is_route(text, Toponym(start, start + len(name), name)) is route


@pytest.mark.parametrize(("country", "capital"), [("Kenya", "Nairobi"), ("Burkina Faso", "Ouagadougou")])
def test_capital(gaz: Gazetteer, country: str, capital: str) -> None:
    place = gaz.capital(country)
    assert place is not None and place.name == capital


@pytest.mark.parametrize(
    "text",
    ["In " + " ".join(["Alpha"] * 20000) + ".", "in " + " of ".join(["Alpha"] * 20000),
     ", ".join(["Alpha Beta"] * 5000)],
)
def test_chains_stay_linear_on_long_capitalised_runs(text: str) -> None:
    start = time.perf_counter()
    chains(text)
    assert time.perf_counter() - start < 2.0


def test_close_spelling_inside_the_written_province(gp: Geoparser) -> None:
    text = "A bomb went off in Mogokk town (Pyin Oo Lwin district, Mandalay region) on Friday."
    tops = [t for t in gp.toponyms(text, country="Myanmar") if t.text == "Mogokk"]
    assert tops and tops[0].place is not None and tops[0].place.name == "Mogok"


def test_counted_people_and_spelled_out_acronyms_are_no_chains() -> None:
    from sitrep.gazetteer.context import chains

    assert chains("a day after an encounter of five Naxals in Bastar region.") == []
    found = [[it.text for it in c] for c in chains("DRG Jawans of the Chhattisgarh State Police returned.")]
    assert found == []


def test_a_body_named_after_a_province_is_no_place_in_it(gaz: Gazetteer) -> None:
    text = "Five soldiers from Frontier Corps, Balochistan, were killed in Sibi district."
    found = {t.text for t in Geoparser(gaz).toponyms(text, country="Pakistan")}
    assert "Frontier Corps" not in found


def test_a_village_in_apposition_is_placed_in_its_province() -> None:
    text = "The attacks hit regime positions in Masasna, a village in Hama province, on Sunday."
    assert [[it.text for it in c] for c in chains(text)] == [["Masasna", "Hama"]]


@pytest.mark.parametrize(("before", "local"), [
    ("Shells hit the neighbourhood of ", True),  # the neighbourhood called X
    ("Shells hit a residential neighbourhood of ", False),  # one of town X's parts: X is the town
    ("Shells hit a neighbourhood of ", False),
])
def test_a_neighbourhood_of_a_town_names_the_town(before: str, local: bool) -> None:
    from sitrep.gazetteer.cues import is_local
    from sitrep.gazetteer.recognize import Span

    text = before + "Aleppo on Sunday."
    assert is_local(text, Span(len(before), len(before) + 6, "Aleppo", "GPE")) is local
