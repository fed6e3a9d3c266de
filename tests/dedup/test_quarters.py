"""Quarters of a town named by reports, and what naming other quarters does to a pair."""

from __future__ import annotations

import pytest
from tests.store.factories import make_event

from sitrep.dedup import DedupConfig, DedupRecord, record_of
from sitrep.dedup.quarters import quarters_apart, quarters_of
from sitrep.dedup.score import pair_score

OWN = ("Kharab", "Kharab Province", "Norland")


@pytest.mark.parametrize(("text", "expected"), [
    ("Jets hit the rebel-held district of Bab al-Nasr in Kharab.", {"babnasr"}),
    ("Shells fell on the Salah al-Din neighbourhood.", {"salahdin"}),
    ("a market in Kharabs Tell Ahmar district", {"tellahmar"}),  # the town's possessive is no part of the name
    ("a strike in the neighborhood of al-Qaterji", {"qaterji"}),
    ("fighting in the Kharab district", set()),  # the town itself
    ("raids on several opposition districts of Kharab", set()),
    ("the army entered the district on Friday", set()),
])
def test_quarters_of(text: str, expected: set[str]) -> None:
    assert quarters_of(text, OWN) == expected


def test_spelling_variants_are_one_quarter() -> None:
    a = quarters_of("the Salah al-Din district", OWN)
    b = quarters_of("the Salaheddin district", OWN)
    assert not quarters_apart(a, b)
    assert quarters_apart(a, quarters_of("the Bab al-Nasr district", OWN))
    assert not quarters_apart(a, frozenset())  # one report names no quarter: no evidence either way


def _record(key: str, doc: str, text: str) -> DedupRecord:
    event = make_event(location="Kharab", notes="", date="2024-03-01")
    return record_of(event, key, doc, 800, text, "Air strikes on Kharab")


def test_other_quarters_weigh_against_one_incident() -> None:
    cfg = DedupConfig()
    a = _record("a", "r1", "Kharab. Jets struck the Bab al-Nasr district, killing 12 civilians at a market.")
    b = _record("b", "r2", "Kharab. Jets struck the Salah al-Din district, killing 12 civilians at a market.")
    c = _record("c", "r3", "Kharab. Jets struck the Bab el-Nasr district, killing 12 civilians at a market.")
    assert a.quarters == {"babnasr"}
    assert pair_score(a, b, cfg) < pair_score(a, c, cfg)


@pytest.mark.parametrize(("a", "b", "apart"), [
    ("Zahra", "Jamiyet al-Zahraa", False),  # a short name of the quarter inside its full name
    ("Sukkari", "Sukkariyeh", False),
    ("Midan", "Muhafaza", True),
])
def test_a_quarter_named_short_or_in_full_is_one_quarter(a: str, b: str, apart: bool) -> None:
    qa, qb = quarters_of(f"the {a} district", OWN), quarters_of(f"the {b} district", OWN)
    assert qa and qb and quarters_apart(qa, qb) is apart
