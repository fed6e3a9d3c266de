"""Recognition and resolution on tiny texts written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.gazetteer import Gazetteer, Geoparser


@pytest.fixture(scope="module")
def gp(gaz: Gazetteer) -> Geoparser:
    return Geoparser(gaz)


@pytest.mark.parametrize(
    ("text", "country", "written", "geonameid"),
    [
        ("Shelling hit Mayadeen overnight.", "Syria", "Mayadeen", 173480),
        ("Shelling hit Al Mayadin overnight.", "Syria", "Al Mayadin", 173480),
        ("Shelling hit al-Mayadin overnight.", "Syria", "al-Mayadin", 173480),
        ("Airstrikes on Deir ez-Zor city.", "Syria", "Deir ez-Zor", 170794),
        ("Airstrikes on Dayr az Zawr city.", "Syria", "Dayr az Zawr", 170794),
        ("Protest in Kiev today.", None, "Kiev", 703448),
        ("Protest in Kyiv today.", None, "Kyiv", 703448),
        ("Clashes in Idlib.", "Syria", "Idlib", 169389),
    ],
)
def test_transliterations_resolve_to_one_place(gp: Geoparser, text: str, country: str | None, written: str,
                                               geonameid: int) -> None:
    tops = [t for t in gp.toponyms(text, country=country) if t.text == written]
    assert tops and tops[0].place is not None and tops[0].place.geonameid == geonameid


@pytest.mark.parametrize(
    ("text", "country", "written", "name"),
    [("Mortar fire hit Qadam.", "Syria", "Qadam", "Al Qadam"),
     ("Fighting in Yarmouk camp.", "Syria", "Yarmouk", "Yarmouk Camp"),
     ("Siege of Eastern Ghouta.", "Syria", "Eastern Ghouta", "Eastern Ghouta")],
)
def test_supplement_places(gp: Geoparser, text: str, country: str, written: str, name: str) -> None:
    tops = [t for t in gp.toponyms(text, country=country) if t.text.startswith(written)]
    assert tops and tops[0].place is not None and tops[0].place.name == name


@pytest.mark.parametrize(
    ("text", "written", "admin1"),
    [("A fire in Alexandria, La., destroyed a home.", "Alexandria", "Louisiana"),
     ("A fire in Alexandria, Va., destroyed a home.", "Alexandria", "Virginia"),
     ("Police in Springfield, Ill., said.", "Springfield", "Illinois")],
)
def test_admin_context_written_next_to_a_place(gp: Geoparser, text: str, written: str, admin1: str) -> None:
    top = next(t for t in gp.toponyms(text) if t.text == written)
    assert top.place is not None and top.place.admin1 == admin1 and top.place.country == "United States"


@pytest.mark.parametrize(
    ("text", "written", "precision"),
    [("Clashes near Homs on Monday.", "Homs", 2),
     ("Clashes outside Homs on Monday.", "Homs", 2),
     ("Clashes in Homs on Monday.", "Homs", 1),
     ("Clashes in Homs Governorate on Monday.", "Homs", 3),
     ("Clashes across Syria on Monday.", "Syria", 3)],
)
def test_precision(gp: Geoparser, text: str, written: str, precision: int) -> None:
    top = next(t for t in gp.toponyms(text, country="Syria") if t.text == written)
    assert top.precision == precision


def test_demonyms_and_metonyms_are_marked(gp: Geoparser) -> None:
    tops = {t.text: t for t in gp.toponyms("Syrian troops entered Aleppo. Damascus said the town was taken.",
                                          country="Syria")}
    assert tops["Syrian"].kind == "demonym"
    assert tops["Damascus"].kind == "metonym"
    assert tops["Aleppo"].kind == "place"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("There was no comment from the regime in Damascus.", "metonym"),
        ("Moscow defended its Damascus ally.", "metonym"),
        ("The Damascus government denied it.", "metonym"),
        ("Thousands marched in Damascus.", "place"),
        ("The strike hit a town that Damascus has blamed on the rebels.", "metonym"),
        ("Damascus is also seeking to contain the rebels.", "metonym"),
        ("The raids were carried out by Damascus and its allies.", "metonym"),
        ("The Damascus-based group said the town was shelled.", "metonym"),
        ("Shells hit Damascus on Monday.", "place"),
        ("Clashes escalated, leading Damascus to bomb Kurdish positions.", "metonym"),
        ("Russia has been staging air strikes in support of its ally Damascus.", "metonym"),
        ("Damascus has been staging air strikes on the province.", "metonym"),
        ("Teachers in Damascus staged a protest march.", "place"),
        ("Damascus was struck by mortars on Friday.", "place"),
    ],
)
def test_the_seat_of_power_standing_for_its_government_is_a_metonym(gp: Geoparser, text: str, kind: str) -> None:
    tops = {t.text: t for t in gp.toponyms(text, country="Syria")}
    assert tops["Damascus"].kind == kind


def test_entities_are_used_when_given(gp: Geoparser) -> None:
    text = "Gunmen attacked Beni and Butembo in the east."
    ents = [(16, 20, "GPE"), (25, 32, "GPE")]
    tops = gp.toponyms(text, entities=ents, country="Democratic Republic of Congo")
    assert [t.text for t in tops] == ["Beni", "Butembo"]
    assert all(t.place is not None and t.place.country == "Democratic Republic of Congo" for t in tops)


def test_country_hint_wins_over_population(gp: Geoparser) -> None:
    top = gp.toponyms("Troops moved into Tripoli.", country="Lebanon")[0]
    assert top.place is not None and top.place.iso2 == "LB"


def test_common_words_are_not_places(gp: Geoparser) -> None:
    text = "One day the Officer said: Many people were there since Monday."
    assert gp.toponyms(text, entities=[]) == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Homs", "said", "near", "Aleppo", "the", "Syrian", "Idlib,", "(Hama)", "on"]),
                max_size=12))
def test_offsets_slice_back_and_are_sorted(gp: Geoparser, words: list[str]) -> None:
    text = " ".join(words)
    tops = gp.toponyms(text, country="Syria")
    assert all(text[t.start : t.end] == t.text for t in tops)
    assert [t.start for t in tops] == sorted(t.start for t in tops)


@pytest.mark.parametrize(
    ("text", "found"),
    [("Ill health kept him home.", []), ("He lives in Peoria, Ill., now.", ["Peoria", "Ill"])],
)
def test_abbreviations_need_their_dot(gp: Geoparser, text: str, found: list[str]) -> None:
    assert [t.text for t in gp.toponyms(text)] == found


@pytest.mark.parametrize(
    ("text", "country", "written", "name"),
    [("Rally in St. John's on Friday.", "Canada", "St. John's", "St. John's"),
     ("Mansfield's mayor spoke in Mansfield, Ohio.", None, "Mansfield", "Mansfield"),
     ("A blast in Pul-e Khumri killed two.", "Afghanistan", "Pul-e Khumri", "Pul-e Khumrī"),
     ("Fighting near Tall Abyad and in Ras al-Ayn.", "Syria", "Tall Abyad", "Tall Abyaḑ")],
)
def test_multiword_names(gp: Geoparser, text: str, country: str | None, written: str, name: str) -> None:
    top = next(t for t in gp.toponyms(text, country=country) if t.text == written)
    assert top.place is not None and top.place.name == name


@pytest.mark.parametrize(
    ("text", "written", "name"),
    [("Clashes in Shaddadi on Monday.", "Shaddadi", "Ash Shaddādah"),
     ("Shelling hit Jisr al-Shughur.", "Jisr al-Shughur", "Jisr ash Shughūr")],
)
def test_fuzzy_and_inner_articles_within_the_hinted_country(gp: Geoparser, text: str, written: str, name: str) -> None:
    top = next(t for t in gp.toponyms(text, country="Syria") if t.text == written)
    assert top.place is not None and top.place.name == name and top.place.country == "Syria"


def test_no_fuzzy_guess_without_a_hint(gp: Geoparser) -> None:
    assert [t.text for t in gp.toponyms("Clashes in Shaddadi on Monday.")] == []


@pytest.mark.parametrize(
    "text",
    ["Reporter David Jones covered the vote.", "President Obama spoke on Monday.", "Coach Ripley praised the team."],
)
def test_people_are_not_places_without_ner(gp: Geoparser, text: str) -> None:
    assert [t.text for t in gp.toponyms(text)] == []


def test_unknown_ner_place_falls_back_to_the_known_part(gp: Geoparser) -> None:
    text = "A blast hit Kandahar city on Monday."
    tops = gp.toponyms(text, entities=[(12, 25, "GPE")], country="Afghanistan")
    assert [t.text for t in tops] == ["Kandahar"]


def test_place_tagged_as_person_is_kept_where_places_go(gp: Geoparser) -> None:
    text = "Shelling hit homes in Khan Yunis overnight."
    tops = gp.toponyms(text, entities=[(22, 32, "PERSON")], country="Palestine")
    assert [t.text for t in tops] == ["Khan Yunis"]


@pytest.mark.parametrize(("people", "found"), [("Residents of", ["Kisumu"]), ("The Bank of", [])])
def test_a_place_inside_an_organisation_tag_counts_only_for_its_dwellers(gp: Geoparser, people: str,
                                                                          found: list[str]) -> None:
    text = f"{people} Kisumu held a sit-in on Friday."
    tops = gp.toponyms(text, entities=[(0, len(people) + 7, "ORG")], country="Kenya")
    assert [t.text for t in tops] == found


def test_a_country_name_stays_the_country_under_another_country_hint(gp: Geoparser) -> None:
    text = "Students held an anti-Russia rally in Storrs (Connecticut) against Russia's invasion."
    found = {t.text: t.place for t in gp.toponyms(text, country="United States") if t.place}
    assert found["Russia"].feature_code == "PCLI"
    assert found["Storrs"].admin1 == "Connecticut"


def test_a_name_placed_by_its_context_is_placed_so_everywhere_in_the_report(gp: Geoparser) -> None:
    text = ("Troops retook the village of Pobidne on Wednesday.\n\n"
            "Pobidne, in the Zaporizhzhia region, lies near the front.")
    found = [t for t in gp.toponyms(text, country="Ukraine") if t.text == "Pobidne"]
    assert len(found) == 2
    assert {t.place.admin1 for t in found if t.place} == {"Zaporizhia"}


def test_an_area_the_gazetteer_lacks_falls_back_to_the_town_it_is_named_after() -> None:
    from sitrep.gazetteer.recognize import head_keys

    assert head_keys("Wajir East Sub-County") == ["wajir east", "wajir"]
    assert head_keys("Wajir") == []


def test_a_slum_complex_outside_the_reports_provinces_is_not_placed(gp: Geoparser) -> None:
    text = "Police raided Rio de Janeiro on Wednesday. In the Penha slums complex, police were shot."
    ents = [(text.index("Rio"), text.index("Rio") + 14, "GPE"), (text.index("Penha"), text.index("Penha") + 5, "GPE")]
    penha = [t for t in gp.toponyms(text, entities=ents, country="Brazil") if t.text == "Penha"]
    assert all(t.place is None or t.place.admin1 == "Rio de Janeiro" for t in penha)


def test_a_province_by_a_spelling_geonames_lacks(gp: Geoparser) -> None:
    text = "Jets struck militants in Salahaddin province."
    ents = [(text.index("Salahaddin"), text.index("Salahaddin") + 10, "GPE")]
    found = [t for t in gp.toponyms(text, entities=ents) if t.text == "Salahaddin"]
    assert found and found[0].place is not None and found[0].place.feature_code == "ADM1"


def test_a_village_named_like_a_country_needs_its_area_written(gp: Geoparser) -> None:
    text = "About 75 people held an anti-Russia rally in Columbus (Ohio) on Saturday."
    found = {t.text: t.place for t in gp.toponyms(text, country="United States") if t.place}
    assert found["Russia"].feature_code == "PCLI"


def test_the_province_of_x_is_the_province(gp: Geoparser) -> None:
    text = "Jets struck militants in the northwestern province of Idlib."
    ents = [(text.index("Idlib"), text.index("Idlib") + 5, "GPE")]
    found = [t for t in gp.toponyms(text, entities=ents, country="Syria") if t.text == "Idlib"]
    assert found and found[0].place is not None and found[0].place.feature_code == "ADM1"


def test_a_town_in_a_person_name_is_still_a_town_where_places_go(gp: Geoparser) -> None:
    """A tagger that reads the headline's "Syrias Aleppo Monitor" as a person must not make "Aleppo" a
    surname in "clashes in western Aleppo"."""
    text = "Dead in Syrias Aleppo Monitor. Rebels were killed in clashes in western Aleppo."
    ents = [(8, 29, "PERSON")]
    tops = [t for t in gp.toponyms(text, entities=ents, country="Syria") if t.text == "Aleppo"]
    assert tops and tops[-1].place is not None and tops[-1].place.country == "Syria"
    assert [t.text for t in gp.toponyms("Coach Ripley praised Ripley.", entities=[(0, 12, "PERSON")])] == []


def test_a_village_of_several_words_is_not_its_first_word() -> None:
    from sitrep.gazetteer.recognize import scan_spans

    spans = {s.text for s in scan_spans("A bomber blew himself up in Tall Tawil village on Monday.")}
    assert "Tall Tawil" in spans and "Tall" not in spans and "Tawil" not in spans
    assert {"Tall", "Tawil"} <= {s.text for s in scan_spans("Jets hit Tall Tawil on Monday.")}


def test_a_country_possessive_without_its_apostrophe_opens_the_place(gp: Geoparser) -> None:
    text = "Five were killed in Syrias Hassakeh on Monday."  # copies that drop punctuation
    tops = gp.toponyms(text, entities=[(20, 35, "ORG")], country="Syria")
    assert [(t.text, t.place.admin1 if t.place else None) for t in tops] == [("Hassakeh", "Al Hasakeh")]


def test_a_place_after_a_country_possessive_inside_a_longer_unknown_name_is_found(gp: Geoparser) -> None:
    """The tagger took "Deir Ezzor Monitor AFP" for one place; the place inside it follows "Syrias", which is
    no first name."""
    text = "Russian strikes kill 34 civilians in Syrias Deir Ezzor Monitor AFP Sunday 26 Nov 2017"
    start = text.index("Deir")
    tops = gp.toponyms(text, entities=[(start, text.index(" Sunday"), "GPE")], country="Syria")
    assert [t.text for t in tops if t.place is not None and t.place.country == "Syria"] == ["Deir Ezzor"]
