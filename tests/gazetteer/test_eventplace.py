"""Picking the event's place among a sentence's toponyms."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import Gazetteer, Geoparser, event_place
from sitrep.gazetteer.eventplace import event_place_scores
from sitrep.model import Place, Toponym


@pytest.fixture(scope="module")
def gp(gaz: Gazetteer) -> Geoparser:
    return Geoparser(gaz)


@pytest.mark.parametrize(
    ("text", "trigger", "where"),
    [
        ("Syrian jets bombed Idlib, a day after Damascus accused Turkey.", "bombed", "Idlib"),
        ("Officials in Damascus said a car bomb exploded in Aleppo on Monday.", "exploded", "Aleppo"),
        ("A roadside bomb killed two soldiers near Kandahar, Afghanistan.", "killed", "Kandahar"),
        ("Gunmen from Mali attacked a village in Niger's Tillaberi region.", "attacked", "Tillaberi"),
    ],
)
def test_event_place(gp: Geoparser, text: str, trigger: str, where: str) -> None:
    start = text.index(trigger)
    tops = gp.toponyms(text)
    best = event_place(text, tops, anchor=(start, start + len(trigger)))
    assert best is not None and best.text == where


def test_no_places_no_event_place() -> None:
    assert event_place("Nothing here.", []) is None


def test_demonyms_and_unresolved_are_never_picked() -> None:
    syria = Place("Syria", 35.0, 38.0, "Syria", "SY", feature_code="PCLI")
    tops = [Toponym(0, 6, "Syrian", syria, "demonym"), Toponym(10, 15, "Xyzzy", None)]
    assert event_place("Syrian in Xyzzy", tops) is None


def test_scores_are_sorted(gp: Geoparser) -> None:
    text = "Clashes in Homs and Hama, Syria."
    scores = [s for _, s in event_place_scores(text, gp.toponyms(text))]
    assert scores == sorted(scores, reverse=True)


def _top(text: str, name: str, place: Place) -> Toponym:
    start = text.index(name)
    return Toponym(start, start + len(name), name, place)


@pytest.mark.parametrize("state_code", ["ADM1", "PPLA"])  # the state's name may resolve to its capital city
def test_a_town_written_with_its_admin_area_is_the_event_place(state_code: str) -> None:
    text = "Nurses rallied outside Elm campus in Northbury (Westland) over pay."
    elm = Place("Elm", 40.0, -80.0, "United States", "US", admin1="Eastland", feature_class="P", feature_code="PPL")
    town = Place("Northbury", 35.0, -90.0, "United States", "US", admin1="Westland", feature_class="P",
                 feature_code="PPL")
    state = Place("Westland", 35.5, -90.5, "United States", "US", admin1="Westland",
                  feature_class="A" if state_code == "ADM1" else "P", feature_code=state_code)
    tops = [_top(text, "Elm", elm), _top(text, "Northbury", town), _top(text, "Westland", state)]
    start = text.index("rallied")
    best = event_place(text, tops, anchor=(start, start + len("rallied")))
    assert best is not None and best.text == "Northbury"
