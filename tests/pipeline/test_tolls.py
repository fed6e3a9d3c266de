import pytest

from sitrep.model import Casualty
from sitrep.pipeline.tolls import incident_toll

SIDES = {"soldiers": "state", "militants": "armed", "civilians": "civilians", "people": "unknown"}


def side(who: str) -> str:
    return SIDES.get(who, "unknown")


def killed(n: int, who: str, kind: str = "killed") -> Casualty:
    return Casualty(0, 1, "x", n, kind=kind, who=who)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("groups", "total"),
    [
        ([([killed(25, "soldiers")], False), ([killed(13, "militants")], True)], 38),
        ([([killed(2, "people")], False), ([killed(2, "civilians")], False)], 2),
        ([([killed(5, "people"), killed(2, "civilians")], False)], 5),
        ([([killed(3, "civilians")], False), ([killed(3, "civilians")], False)], 3),
        ([([killed(3, "civilians")], False), ([killed(2, "civilians")], True)], 5),
        ([([killed(4, "civilians", kind="injured")], False)], 0),
        # "8 soldiers and 1 civilian were killed" then "killing nine soldiers": the full count restated
        ([([killed(8, "soldiers"), killed(1, "civilians")], False), ([killed(9, "soldiers")], False)], 9),
        # sides told in different sentences add up
        ([([killed(3, "soldiers")], False), ([killed(13, "militants")], False)], 16),
        ([], 0),
    ],
)
def test_incident_toll(groups: list[tuple[list[Casualty], bool]], total: int) -> None:
    assert incident_toll(groups, side).total == total


def test_sides_are_kept() -> None:
    toll = incident_toll([([killed(3, "soldiers"), killed(13, "militants")], False)], side)
    assert toll.side("state") == 3 and toll.side("armed") == 13 and toll.total == 16


def test_one_figure_told_twice_in_a_sentence_counts_once() -> None:
    assert incident_toll([([killed(56, "civilians"), killed(56, "civilians")], False)], side).total == 56
    assert incident_toll([([killed(5, "soldiers"), killed(3, "soldiers")], False)], side).total == 8


def _vague(n: int, who: str, text: str) -> Casualty:
    return Casualty(0, len(text), text, n, kind="killed", who=who, vague=True)


@pytest.mark.parametrize(("later", "total"), [
    (_vague(100, "civilians", "hundreds of civilians killed"), 38),  # the side's number stands
    (_vague(12, "militants", "dozens of militants killed"), 50),  # another side with no number: counted
])
def test_a_vague_figure_does_not_outbid_the_sides_number(later: Casualty, total: int) -> None:
    groups = [([killed(38, "civilians")], False), ([later], False)]
    assert incident_toll(groups, side).total == total
