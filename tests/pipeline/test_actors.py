"""The actor recognizer on short sentences written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import ResourceError
from sitrep.pipeline.actors import ActorRecognizer, norm_key, trie_pattern


@pytest.fixture(scope="module")
def rec() -> ActorRecognizer:
    return ActorRecognizer().initialize()


def names(rec: ActorRecognizer, text: str, country: str | None = None, when: date | None = None,
          implicit: bool = False) -> list[tuple[str, int]]:
    return [(m.name, m.inter) for m in rec.find(text, country, when, implicit=implicit)]


D2018 = date(2018, 4, 19)
D2022 = date(2022, 4, 1)


@pytest.mark.parametrize(("text", "country", "when", "expected"), [
    ("Regime forces shelled the town.", "Syria", D2018, ("Military Forces of Syria (2000-2024)", 1)),
    ("Assad forces advanced on the village.", None, D2018, ("Military Forces of Syria (2000-2024)", 1)),
    ("Forces loyal to Syria's Bashar al-Assad retook the hill.", None, D2018,
     ("Military Forces of Syria (2000-2024)", 1)),
    ("The Syrian army shelled the town.", None, date(2025, 1, 10), ("Military Forces of Syria (2024-)", 1)),
    ("Government troops entered the town.", "Syria", D2018, ("Military Forces of Syria (2000-2024)", 1)),
    ("Barrel bombs dropped by regime helicopters hit the town.", "Syria", D2018,
     ("Military Forces of Syria (2000-2024)", 1)),
    ("Federal forces entered the town.", "Ethiopia", date(2024, 3, 1), ("Military Forces of Ethiopia (2018-)", 1)),
    ("Police fired tear gas.", "Kenya", date(2010, 5, 1), ("Police Forces of Kenya (2002-2013)", 1)),
    ("Kenyan police arrested two men.", None, date(2016, 5, 1), ("Police Forces of Kenya (2013-2022)", 1)),
    ("Soldiers opened fire on the crowd.", "Myanmar", date(2021, 3, 3), ("Military Forces of Myanmar (2021-)", 1)),
    ("The military raided the village.", "Myanmar", date(2020, 3, 3), ("Military Forces of Myanmar (2016-2021)", 1)),
    ("Ukrainian forces shelled the positions.", "Ukraine", D2022, ("Military Forces of Ukraine (2019-)", 1)),
    ("Russian forces shelled the positions.", "Ukraine", D2022, ("Military Forces of Russia (2000-)", 8)),
    ("Gendarmes arrested a suspect.", "Burkina Faso", date(2019, 1, 1),
     ("Police Forces of Burkina Faso (2015-2022) Gendarmerie", 1)),
    ("KDF soldiers killed two militants.", "Somalia", D2022, ("Military Forces of Kenya (2013-2022)", 8)),
    ("Afghan soldiers repelled the attack.", "Afghanistan", date(2020, 3, 1),
     ("Military Forces of Afghanistan (2014-2021)", 1)),
    # "pro-Hadi and Giants Brigade forces": the first of two joined forces is Yemen's army
    ("Pro-Hadi and allied militia forces retook the hill.", "Yemen", date(2020, 3, 1),
     ("Military Forces of Yemen (2012-2022)", 1)),
])
def test_state_forces_in_text(rec: ActorRecognizer, text: str, country: str | None, when: date,
                              expected: tuple[str, int]) -> None:
    assert names(rec, text, country, when)[0] == expected


@pytest.mark.parametrize(("text", "country", "when", "expected"), [
    ("ISIS fighters attacked the checkpoint.", "Syria", D2018, ("Islamic State (Syria)", 2)),
    ("Isis claimed the bombing.", "Iraq", D2018, ("Islamic State (Iraq)", 2)),
    ("IS militants ambushed a patrol.", "Iraq", D2018, ("Islamic State (Iraq)", 2)),
    ("Daesh cells attacked shepherds.", None, D2018, ("Islamic State", 2)),
    ("ISWAP fighters overran the base.", "Nigeria", D2022, ("Islamic State (West Africa) - Lake Chad Faction", 2)),
    ("HTS shelled the village.", "Syria", D2018, ("HTS: Hayat Tahrir al Sham", 2)),
    ("The SDF arrested three men.", "Syria", D2018, ("QSD: Syrian Democratic Forces", 2)),
    ("Al-Shabaab militants attacked the base.", "Somalia", D2022, ("Al Shabaab", 2)),
    ("Houthi rebels fired a missile.", "Yemen", D2022,
     ("Military Forces of Yemen (2016-) Supreme Political Council", 1)),
    ("The Taliban attacked a checkpoint.", "Afghanistan", date(2020, 3, 1), ("Taliban", 2)),
    ("Taliban fighters beat the protesters.", "Afghanistan", D2022, ("Military Forces of Afghanistan (2021-)", 1)),
    ("M23 rebels seized the town.", "Democratic Republic of Congo", D2022, ("M23: March 23 Movement", 2)),
    ("The RSF shelled the market.", "Sudan", date(2023, 6, 1), ("RSF: Rapid Support Forces", 2)),
    ("Wagner mercenaries killed villagers.", "Mali", D2022, ("Wagner Group", 8)),
    ("The Arakan Army attacked an outpost.", "Myanmar", D2022, ("AA: Arakan Army", 2)),
    ("Pokot raiders stole cattle.", "Kenya", D2022, ("Pokot Ethnic Militia (Kenya)", 4)),
    # "The US" is a name of the country, but "The US-led coalition" holds the longer alias that starts inside it
    ("The US-led coalition bombed the town.", "Syria", D2018, ("Global Coalition Against Daesh", 8)),
])
def test_armed_groups(rec: ActorRecognizer, text: str, country: str | None, when: date,
                      expected: tuple[str, int]) -> None:
    assert names(rec, text, country, when)[0] == expected


@pytest.mark.parametrize(("text", "country", "expected"), [
    ("Protesters gathered outside parliament.", "France", ("Protesters (France)", 6)),
    ("Rioters burned a police post.", "Kenya", ("Rioters (Kenya)", 5)),
    ("Villagers fled the attack.", "Mali", ("Civilians (Mali)", 7)),
    ("Unknown gunmen shot a trader.", "Nigeria", ("Unidentified Armed Group (Nigeria)", 3)),
    ("Bandits attacked the convoy.", "Nigeria", ("Unidentified Armed Group (Nigeria)", 3)),
    ("A gang killed two men.", "Mexico", ("Unidentified Gang (Mexico)", 3)),
    ("A drug trafficker fired at officers.", "Brazil", ("Unidentified Gang (Brazil)", 3)),  # a gang's member
    ("A member of a drug trafficking group fired.", "Brazil", ("Unidentified Gang (Brazil)", 3)),
    ("A gang member shot a driver.", "Honduras", ("Unidentified Gang (Honduras)", 3)),
    ("A gang member shot a driver.", "Kenya", ("Unidentified Armed Group (Kenya)", 3)),  # gangs elsewhere
    ("Syrian refugees were shot at the border.", "Turkey", ("Civilians (Syria)", 7)),
    ("Workers Front activists blocked the road.", "Ghana", ("Rioters (Ghana)", 5)),  # partisans of a party
    ("XYZ men stormed the office.", "Ghana", ("Rioters (Ghana)", 5)),
])
def test_generic_actors(rec: ActorRecognizer, text: str, country: str, expected: tuple[str, int]) -> None:
    assert names(rec, text, country, D2022)[0] == expected


@pytest.mark.parametrize(("text", "country"), [
    ("This is the policy of the ministry.", "Kenya"),          # "is" is not IS, "policy" is not police
    ("THIS IS A HEADING ABOUT NOTHING", "Iraq"),               # IS inside an all-capitals heading
    ("Opposition forces took the hill.", None),                 # bare "forces" needs a country word
    ("The Isisford council met on Monday.", "Australia"),     # no match inside a word
    ("Let us go.", "India"),                                   # LeT only with its exact case
])
def test_no_false_positives(rec: ActorRecognizer, text: str, country: str | None) -> None:
    assert names(rec, text, country, D2022) == []


@pytest.mark.parametrize(("text", "country", "expected"), [
    ("Two men were shot.", "Ghana", "Civilians (Ghana)"),              # "men" makes partisans only after an acronym
    ("Hamas men attacked the post.", "Israel", "Hamas Movement"),       # a known name is never a party
    ("Rights activists marched.", "Ghana", "Civilians (Ghana)"),        # describes the people, names no party
])
def test_partisans_need_a_party_name(rec: ActorRecognizer, text: str, country: str, expected: str) -> None:
    assert names(rec, text, country, D2022)[0][0] == expected


def test_group_and_or_group(rec: ActorRecognizer) -> None:
    found = names(rec, "Suspected JNIM or ISGS militants attacked the camp.", "Burkina Faso", date(2020, 5, 1))
    assert found == [("JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)", 2)]


def test_a_group_named_in_brackets_is_the_unnamed_one_before_it(rec: ActorRecognizer) -> None:
    found = names(rec, "Volunteer fighters (VDP) attacked the camp.", "Burkina Faso", date(2020, 5, 1))
    assert found == [("VDP: Volunteer for Defense of Homeland", 4)]


def test_offsets_slice_back_to_the_quote(rec: ActorRecognizer) -> None:
    text = "Intro. Syrian regime forces and ISIS fighters clashed near the villagers' homes."
    for m in rec.find(text, None, D2018, start=7):
        assert text[m.start:m.end] == m.text
        assert m.start >= 7
    assert rec.find(text, "Syria", D2018, start=0, end=6) == []


def test_implicit_actors_only_on_request(rec: ActorRecognizer) -> None:
    text = "Teachers protested in the capital; a bomb exploded later."
    assert ("Protesters (Kenya)", 6) not in names(rec, text, "Kenya", D2022)
    implicit = rec.find(text, "Kenya", D2022, implicit=True)
    assert any(m.name == "Protesters (Kenya)" and m.implicit for m in implicit)


@pytest.mark.parametrize(("country", "when", "branch", "expected"), [
    ("Syria", date(2018, 4, 19), "military", "Military Forces of Syria (2000-2024)"),
    ("Syria", None, "military", "Military Forces of Syria (2024-)"),
    ("Kenya", date(2015, 1, 1), "police", "Police Forces of Kenya (2013-2022)"),
    ("Burkinabe", date(2023, 1, 1), "military", "Military Forces of Burkina Faso (2022-)"),
    ("Democratic Republic of Congo", D2022, "military", "Military Forces of the Democratic Republic of Congo (2019-)"),
    ("Andorra", D2022, "police", "Police Forces of Andorra"),
])
def test_state_forces_api(rec: ActorRecognizer, country: str, when: date | None, branch: str, expected: str) -> None:
    assert rec.state_forces(country, when, branch) == (expected, 1)


@pytest.mark.parametrize(("kind", "country", "expected"), [
    ("protesters", "France", ("Protesters (France)", 6)),
    ("rioters", "Kenya", ("Rioters (Kenya)", 5)),
    ("civilians", "Syrian", ("Civilians (Syria)", 7)),
    ("unidentified_armed_group", "Mali", ("Unidentified Armed Group (Mali)", 3)),
    ("communal_militia", "Nigeria", ("Unidentified Communal Militia (Nigeria)", 4)),
])
def test_generic_api(rec: ActorRecognizer, kind: str, country: str, expected: tuple[str, int]) -> None:
    assert rec.generic(kind, country) == expected


def test_user_file_adds_a_group(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("groups:\n  - name: Lions of the Valley\n    inter: 3\n    aliases: [Valley Lions]\n")
    rec = ActorRecognizer(paths=[extra]).initialize()
    assert names(rec, "Valley Lions raided a farm.", "Chad", D2022)[0] == ("Lions of the Valley", 3)


def test_bad_entry_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("groups:\n  - name: Good\n    inter: 2\n    aliases: [Good]\n  - name: Bad\n    inter: 12\n"
                   "    aliases: [Bad]\n")
    with pytest.raises(ResourceError, match=r"bad\.yaml:5: .*inter"):
        ActorRecognizer(paths=[bad]).initialize()


def test_use_before_initialize_is_a_clear_error() -> None:
    with pytest.raises(ResourceError, match="initialize"):
        ActorRecognizer().find("Soldiers.", "Mali", None)


def test_trie_pattern_prefers_the_longest_alias() -> None:
    import re

    pattern = re.compile(r"\b(?:" + trie_pattern(["IS", "ISIS", "Islamic State", "Islamic State group"]) + r")\b")
    assert [m.group() for m in pattern.finditer("Islamic State group and ISIS and IS")] == [
        "Islamic State group", "ISIS", "IS"]
    assert norm_key("People’s  Defense-Force") == "peoples defense force"


@pytest.mark.parametrize(("text", "country", "when", "expected"), [
    ("Russian forces carried out air strikes on the town.", "Ukraine", D2022,
     [("Military Forces of Russia (2000-)", 8), ("Military Forces of Russia (2000-) Air Force", 8)]),
    ("The Yesagyo PDF attacked a convoy.", "Myanmar", date(2021, 10, 1), [("People's Defense Force - Yesagyo", 3)]),
    ("A local PDF ambushed soldiers.", "Myanmar", date(2021, 10, 1),
     [("People's Defense Force - Local Group", 3), ("Military Forces of Myanmar (2021-)", 1)]),
    ("Pokots stole cattle from Turkana herders.", "Kenya", D2022,
     [("Pokot Ethnic Militia (Kenya)", 4), ("Turkana Ethnic Militia (Kenya)", 4)]),
    ("Fulani herdsmen attacked the village.", "Nigeria", D2022, [("Fulani Ethnic Militia (Nigeria)", 4)]),
    ("Pro-government militias clashed with the Taliban.", "Afghanistan", date(2020, 3, 1),
     [("Militia (Pro-Government)", 3), ("Taliban", 2)]),
    ("Shelling hit rebel-held areas.", "Syria", D2018, []),
])
def test_neighbour_rules(rec: ActorRecognizer, text: str, country: str, when: date,
                         expected: list[tuple[str, int]]) -> None:
    assert names(rec, text, country, when) == expected


@pytest.mark.parametrize(("text", "protest"), [
    ("On 6 March, soldiers patrolled.", False),    # the month is not a march
    ("Teachers march to parliament.", True),
])
def test_march_is_a_protest_only_in_lower_case(rec: ActorRecognizer, text: str, protest: bool) -> None:
    found = names(rec, text, "Kenya", D2022, implicit=True)
    assert (("Protesters (Kenya)", 6) in found) == protest


def test_country_guess_without_hint(rec: ActorRecognizer) -> None:
    text = "Soldiers shelled Idlib while pro-Russian bloggers cheered. Aleppo was calm."
    assert rec.guess_country(text) == "Syria"
    assert names(rec, text, None, D2018)[0] == ("Military Forces of Syria (2000-2024)", 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("Eight Kenyans were kidnapped near the border.", [("Civilians (Kenya)", 7)]),
    ("Pro-Kenyans rallies are not people.", [("Civilians (Somalia)", 7)]),  # "pro-" stance words name no one
])
def test_plural_demonym_names_civilians(rec: ActorRecognizer, text: str, expected: list[tuple[str, int]]) -> None:
    assert names(rec, text, "Somalia", D2022) == expected


def test_a_uniform_is_not_its_force(rec: ActorRecognizer) -> None:
    found = names(rec, "Militants in military uniforms killed three people.", "Iraq", D2022)
    assert all("Military Forces" not in n for n, _ in found)


def test_a_number_word_is_not_part_of_a_party_name(rec: ActorRecognizer) -> None:
    found = rec.find("One XYZ Front activist was killed.", "Ghana", D2022)
    assert [(a.text, a.name) for a in found] == [("XYZ Front activist", "Rioters (Ghana)")]


def test_clothing_is_not_an_actor(rec: ActorRecognizer) -> None:
    found = rec.find("Gunmen in military uniforms opened fire.", "Iraq")
    assert all("Military" not in a.name for a in found)


def test_a_city_in_capitals_opening_a_report_is_its_dateline_not_a_country_word(rec: ActorRecognizer) -> None:
    text = "BEIRUT Air strikes in Syria killed 22 people on Wednesday."
    assert not any("Lebanon" in n for n, _ in names(rec, text, "Syria", D2018, implicit=True))
    assert names(rec, "Damascus forces shelled the town.", "Syria", D2018)[:1] == [
        ("Military Forces of Syria (2000-2024)", 1)]  # a capital in plain case still names its state


@pytest.mark.parametrize("text", [
    "A bomb exploded near the market. Residents reported that the blast was loud.",
    "Shells hit the town, according to residents.",
    "Officials in both provinces blamed the Taliban.",
])
def test_civilians_who_tell_the_news_are_no_side_of_it(rec: ActorRecognizer, text: str) -> None:
    assert not any(inter == 7 for _, inter in names(rec, text, "Myanmar", D2022))


def test_civilians_harmed_are_still_a_side(rec: ActorRecognizer) -> None:
    assert ("Civilians (Myanmar)", 7) in names(rec, "Soldiers shot two residents of the village.", "Myanmar", D2022)
