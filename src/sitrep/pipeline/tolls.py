"""Death tolls for an incident by ACLED's counting rules and UCDP's sides.

Within one incident the same deaths are often reported twice (headline and lead), so counts for
the same side are not added: the larger credible figure of that side stands, unless a sentence
says the deaths came on top ("were also killed"). Deaths of different sides add up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sitrep.model import Casualty
from sitrep.pipeline.casualty_totals import from_number_word, repeat_key


@dataclass(frozen=True, slots=True)
class Toll:
    """An incident's deaths: ACLED's figure, UCDP's split and range."""

    total: int = 0
    by_side: tuple[tuple[str, int], ...] = ()
    low: int = 0
    high: int = 0
    quotes: tuple[Casualty, ...] = ()

    def side(self, name: str) -> int:
        return sum(n for s, n in self.by_side if s == name)


def incident_toll(groups: Iterable[tuple[list[Casualty], bool]], side_of: Callable[[str], str]) -> Toll:
    """Combine the killed counts of an incident's sentences.

    ``groups`` holds, per sentence, its casualties and whether it adds to earlier counts.
    """
    groups = credible(list(groups), side_of)
    best: dict[str, int] = {}
    high: dict[str, int] = {}
    quotes: list[Casualty] = []
    stated: Casualty | None = None
    whole: list[int] = []  # totals of sentences that count every side they name, none adding to another
    any_additive = False
    for casualties, additive in groups:
        sentence: dict[str, int] = {}
        told: set[tuple[int, str]] = set()
        for c in casualties:
            if c.total:
                stated = c
                quotes.append(c)
                continue
            if c.count and repeat_key(c) in told:  # a headline run into its lead: one figure told twice
                quotes.append(c)
                continue
            told.add(repeat_key(c))
            side = side_of(c.who)
            sentence[side] = sentence.get(side, 0) + c.count
            high[side] = high.get(side, 0) + (c.high or c.count)
            quotes.append(c)
        for side, n in sentence.items():
            best[side] = best.get(side, 0) + n if additive else max(best.get(side, 0), n)
        any_additive = any_additive or additive
        if len([side for side in sentence if side != "unknown"]) >= 2:
            whole.append(_total(sentence))
    total = stated.count if stated is not None else _total(best)
    if stated is None and whole and not any_additive:
        # "8 soldiers and 1 driver were killed" then "the blast killing nine security personnel":
        # a sentence that already names both sides is the full count; the others restate it.
        total = min(total, max(max(whole), max(best.values(), default=0)))
    return Toll(total, tuple(sorted(best.items())), total, max(total, _total(high)), tuple(quotes))


def credible(groups: list[tuple[list[Casualty], bool]], side_of: Callable[[str], str]
             ) -> list[tuple[list[Casualty], bool]]:
    """Only the deaths a careful coder counts: a party's claim only when nothing else is reported,
    a death reported with no number only when no sentence gives a number, a vague figure ("hundreds of
    civilians") only when no sentence gives that side's number (ACLED keeps the conservative figure);
    injuries never."""
    killed = [c for cs, _ in groups for c in cs if c.kind == "killed"]
    drop_claims = any(not c.claimed for c in killed)
    drop_vague = any(not c.vague for c in killed)
    numbered_sides = {side_of(c.who) for c in killed if not c.vague and not (drop_claims and c.claimed)}

    def keep(c: Casualty) -> bool:
        unnumbered = c.vague and not from_number_word(c)
        outnumbered = c.vague and side_of(c.who) in numbered_sides
        return c.kind == "killed" and not (drop_claims and c.claimed) and not (drop_vague and unnumbered) \
            and not outnumbered

    return [([c for c in cs if keep(c)], additive) for cs, additive in groups]


def _total(by_side: dict[str, int]) -> int:
    """Sum the known sides; a figure of unknown side is taken as the overall toll when larger
    ("killing five people, including two civilians" is five, not seven)."""
    known = sum(n for s, n in by_side.items() if s != "unknown")
    return max(known, by_side.get("unknown", 0))
