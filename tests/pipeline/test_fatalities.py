"""Tests for sitrep.pipeline.fatalities: counts, kinds, sides and the shipped rule files."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.model.records import Casualty
from sitrep.paths import knowledge_file
from sitrep.pipeline.fatalities import find_casualties, killed_total, who_side


def _killed(text: str) -> list[tuple[int, str]]:
    return [(c.count, c.who) for c in find_casualties(text) if c.kind == "killed"]


def _kinds(text: str) -> list[tuple[str, int]]:
    return [(c.kind, c.count) for c in find_casualties(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The raid ended after killing at least 25 regime forces.", [(25, "regime forces")]),
        ("At least 13 IS members were also killed.", [(13, "IS members")]),
        ("Officials said one civilian was killed.", [(1, "civilian")]),
        ("Jets killed four ISIS members near the dam.", [(4, "ISIS members")]),
        ("Later, 5 people died in hospital.", [(5, "people")]),
        ("The blast left 5 dead.", [(5, "")]),
        ("Twenty-five soldiers were killed.", [(25, "soldiers")]),
        ("A civilian was shot dead at the checkpoint.", [(1, "civilian")]),
        ("Gunmen killed a farmer near the well.", [(1, "farmer")]),
        ("The shelling killed 1,200 people over the year.", [(1200, "people")]),
        ("One hundred and twenty people were killed.", [(120, "people")]),
        ("A 25-year-old man was killed.", [(1, "25-year-old man")]),
        ("Two army soldiers and four rebel fighters have been killed.", [(2, "army soldiers"), (4, "rebel fighters")]),
        ("3 soldiers and 13 militants were killed in the clash.", [(3, "soldiers"), (13, "militants")]),
        ("At least 10 people, including two children, were killed.", [(10, "people")]),
        ("Both drivers were killed.", [(2, "drivers")]),
        ("The bomb caused seven soldier deaths.", [(7, "soldier")]),
        ("Three men were found killed in a ditch.", [(3, "men")]),
        ("Troops killed 8 villagers in Alpha and 7 villagers in Beta.", [(8, "villagers"), (7, "villagers")]),
        ("Residents lynch a man they accuse of theft.", [(1, "man")]),
        ("A mob stoned to death two suspected thieves.", [(2, "suspected thieves")]),
        ("Rebels killed six policemen in Alpha and two more in Beta.", [(6, "policemen"), (2, "policemen")]),
        ("Five soldiers and two others were killed.", [(5, "soldiers"), (2, "soldiers")]),
        ("Two guards were hurt, 1 of whom later died.", [(1, "")]),
        ("FATALITIES: 15", [(15, "")]),
        ("Five soldiers from the Corps, Balochistan, were martyred.", [(5, "soldiers from the Corps")]),
        ("Two officers, Ali Khan and Omar Said, were killed.", [(2, "officers")]),
        ("The raids took the lives of three civilians.", [(3, "civilians")]),
        ("Troops neutralised at least 15 terrorists in the operation.", [(15, "terrorists")]),
        ("Engineers neutralised two bombs near the market.", []),
        ("The toll from the six-year conflict stands at more than 470000.", []),  # a war's toll, no incident's
        ("More than 300,000 people have been killed since 2011.", []),
        ("The city was ruined by a civil war which has killed more than 300000 people.", []),  # war as subject
        ("The toll from conflict - now in its fifth year - is over 400000.", []),
        ("A watchdog says 15,200 people died in prisons.", []),  # no single event kills 10,000 or more
        ("The shelling killed 12 people in a town near the front.", [(12, "people")]),
        ("Five soldiers were killed in the clashes, the deadliest day in the war.", [(5, "soldiers")]),
        ("Air strikes killed 12 people in Alpha and five in Beta.", [(12, "people"), (5, "people")]),  # gapped
        ("Gunmen killed 12 people in Alpha and wounded five in Beta.", [(12, "people")]),
    ],
)
def test_killed_counts(text: str, expected: list[tuple[int, str]]) -> None:
    assert _killed(text) == expected


@pytest.mark.parametrize(
    ("text", "count", "vague"),
    [
        ("Dozens were killed in the strike.", 12, True),
        ("Tens of people were killed.", 10, True),
        ("Hundreds of people were killed.", 100, True),
        ("Several people were killed.", 3, True),
        ("Civilians were killed in the raid.", 3, True),
        ("Raiders kill villagers at dawn.", 3, True),
        ("The driver was killed.", 1, True),
        ("He died of his wounds.", 1, True),
        ("Police shot the suspect, killing him.", 1, True),
    ],
)
def test_vague_counts(text: str, count: int, vague: bool) -> None:
    got = [c for c in find_casualties(text) if c.kind == "killed"]
    assert [(c.count, c.vague) for c in got] == [(count, vague)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two killed and five wounded in the market.", [("killed", 2), ("injured", 5)]),
        ("The attack, killing 2 and injuring 3, shocked the town.", [("killed", 2), ("injured", 3)]),
        ("Six police were killed and four were wounded.", [("killed", 6), ("injured", 4)]),
        ("Nine people were injured in the blast.", [("injured", 9)]),
        ("Two guards were hurt.", [("injured", 2)]),
        ("Bandits abducted 40 pupils from the school.", [("abducted", 40)]),
        ("Police arrested 77 people after the riot.", [("arrested", 77)]),
        ("Fifteen protesters were detained.", [("arrested", 15)]),
        ("The raid caused 12 casualties.", []),
        ("There were no casualties.", [("killed", 0)]),
        ("No one was killed in the attack.", [("killed", 0)]),
        ("No fatalities were reported.", [("killed", 0)]),
    ],
)
def test_kinds(text: str, expected: list[tuple[str, int]]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "count", "low", "high"),
    [
        ("Between 10 and 15 people were killed.", 10, 10, 15),
        ("An estimated 9-10 soldiers died.", 9, 9, 10),
        ("Up to 15 people were killed.", 15, None, 15),
        ("As many as 20 fighters were killed.", 20, None, 20),
        ("More than 30 people were killed.", 30, None, None),
    ],
)
def test_ranges_and_qualifiers(text: str, count: int, low: int | None, high: int | None) -> None:
    [c] = [c for c in find_casualties(text) if c.kind == "killed"]
    assert (c.count, c.low, c.high) == (count, low, high)


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("3 soldiers and 13 militants were killed.", 16),
        ("Seven were killed on Monday. The death toll rose to 12.", 12),
        ("Two guards were killed. 2 fatalities.", 2),
        ("Rebels claimed killing 9 soldiers; the army said one soldier was killed.", 1),
        ("Ten troops were killed. At least ten troops were killed, officials said.", 10),
        ("Civilians were killed. 4 people were killed.", 4),
        ("Protesters rallied against the killing of a teenager.", 0),
        ("Gunmen fired at a bus; no one was killed.", 0),
        ("A donkey was killed by the shell.", 0),
        ("Nine soldiers and 4 rebels were killed. Fatalities coded as 13.", 13),
        ("Shelling killed 6 people in two towns. Fatalities split across 2 events (3).", 3),
        ("Gunmen assassinated three teachers in the village.", 3),
        ("Two guards including a captain died in the ambush.", 2),
        ("On March 8, a guard was beaten to death.", 1),
        ("A local chief and a farmer were killed by gunmen.", 2),
        ("Strikes killed around two dozen people.", 24),
        ("Two men were fatally shot.", 2),
        ("Five people, among whom a girl, were killed.", 5),
        ("One death was reported. Later the death total was raised from 1 to 4.", 4),
        ("The death toll from the blast in the market of the coastal town in the south has increased to 20.", 20),
        ("The group said it killed 100 soldiers; officials said 4 soldiers were killed.", 4),
    ],
)
def test_killed_total(text: str, total: int) -> None:
    assert killed_total(find_casualties(text)) == total


def test_claims_are_flagged() -> None:
    [c] = find_casualties("The rebels claimed killing 9 soldiers.")
    assert c.claimed and c.count == 9
    assert killed_total([c]) == 9  # a claim counts when nothing else is reported


def test_years_and_times_are_not_counts() -> None:
    assert _killed("In 2015 three soldiers were killed.") == [(3, "soldiers")]
    assert find_casualties("Reporters killed ten years ago were remembered.") == []


def test_window_offsets_are_into_the_whole_text() -> None:
    text = "Two soldiers were killed. Five civilians were killed."
    got = find_casualties(text, start=26)
    assert [(c.count, c.who) for c in got] == [(5, "civilians")]
    assert text[got[0].start : got[0].end] == got[0].text


@pytest.mark.parametrize(
    ("who", "side"),
    [
        ("civilians", "civilians"),
        ("villagers", "civilians"),
        ("passengers", "civilians"),
        ("regime forces", "state"),
        ("police officers", "state"),
        ("soldiers", "state"),
        ("IS members", "armed"),
        ("militants", "armed"),
        ("gunmen", "armed"),
        ("the mayor", "unknown"),
        ("family members", "civilians"),
        ("members of the Sunni tribal forces", "armed"),
    ],
)
def test_who_side(who: str, side: str) -> None:
    assert who_side(who) == side


def test_casualty_terms_yaml_schema() -> None:
    data = yaml.safe_load(knowledge_file("casualty_terms.yaml").read_text("utf-8"))
    assert set(data["passive"]) == {"killed", "injured", "abducted", "arrested", "casualties"}
    assert set(data["active"]) <= {"killed", "injured", "abducted", "arrested"}
    assert set(data["sides"]) == {"armed", "state", "civilians"}
    assert data["civilian_context"] and all(isinstance(w, str) for w in data["civilian_context"])
    for key in ("np_stop_words", "aux_words"):
        assert isinstance(data[key], str) and all(w.isalpha() and w.islower() for w in data[key].split())
    for group in ("passive", "active", "sides"):
        for words in data[group].values():
            assert words and all(isinstance(w, str) for w in words)
            for w in words:
                re.compile(w)


_NOUNS = ["soldiers", "civilians", "militants", "people", "police officers"]
_FILLER = st.text(alphabet=st.sampled_from(list("abc xyz,.;\n")), max_size=30)


@settings(max_examples=60, deadline=None)
@given(
    before=_FILLER,
    after=_FILLER,
    n=st.integers(min_value=1, max_value=5000),
    noun=st.sampled_from(_NOUNS),
)
def test_property_offsets_slice_back(before: str, after: str, n: int, noun: str) -> None:
    text = f"{before} Then {n} {noun} were killed. {after}"
    got = find_casualties(text)
    for c in got:
        assert isinstance(c, Casualty)
        assert text[c.start : c.end] == c.text
    if not (1900 <= n <= 2099):
        assert any(c.count == n and c.kind == "killed" for c in got)


_TOKENS = [
    "killed ",
    "were ",
    "two ",
    "at least ",
    "fatalities ",
    "death toll rose to ",
    "no ",
    "people ",
    "and ",
    "3 ",
    ". ",
]


@settings(max_examples=80, deadline=None)
@given(words=st.lists(st.sampled_from(_TOKENS), max_size=25), lo=st.integers(0, 20), width=st.integers(0, 120))
def test_property_counts_stay_in_window(words: list[str], lo: int, width: int) -> None:
    text = "".join(words)
    for c in find_casualties(text, lo, lo + width):
        assert lo <= c.start <= c.end <= lo + width
        assert text[c.start : c.end] == c.text and c.count >= 0
