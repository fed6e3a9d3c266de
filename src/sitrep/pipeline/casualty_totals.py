"""Totals and tolls: stated totals ("the death toll rose to 12") and the death count a coder keeps."""

from __future__ import annotations

import re

from sitrep.model.records import Casualty
from sitrep.pipeline.casualty_grammar import Grammar

_VAGUE_WORD = re.compile(r"\b(?:several|few|some|number|multiple|many|numerous|dozens?|tens|scores|hundreds)\b", re.I)


# words of a toll the report says was replaced: "had initially given a toll of 34", "an earlier toll of 15"
EARLIER = r"(?:earlier|previous|initial|preliminary)"
_SUPERSEDED = re.compile(rf"\b(?:initially|previously|{EARLIER})\b[^.;]*$", re.IGNORECASE)
SUPERSEDED_BEFORE = 40


def stated_totals(g: Grammar, text: str, lo: int, hi: int) -> list[Casualty]:
    """Stated totals: "the death toll rose to 12", "fatalities coded as 3"."""
    out: list[Casualty] = []
    for pattern in (g.toll, g.coded):
        for m in pattern.finditer(text, lo, hi):
            if _SUPERSEDED.search(text, max(lo, m.start() - SUPERSEDED_BEFORE), m.start() + 1):
                continue  # "the monitor had initially given a death toll of 34 ... the number spiked": not the total
            if m.groupdict().get("elsewhere"):  # "fatalities coded to the Horlivka event"
                out.append(Casualty(m.start(), m.end(), m.group(0), 0, "killed", "", total=True))
                continue
            groups = m.groupdict()
            parsed = g.rules.parse(groups.get("num2") or groups.get("num3") or m.group("num"))
            if parsed is not None:
                count, vague, low, high = parsed
                out.append(Casualty(m.start(), m.end(), m.group(0), count, "killed", "", low, high, vague, total=True))
    return out


def killed_total(casualties: list[Casualty]) -> int:
    """The death count a careful coder keeps from a list of casualty mentions of one incident.

    A party's claim counts only when nothing else is reported. The last stated total wins ("the
    death toll rose to 12"); otherwise numbered counts add up ("3 soldiers and 13 militants" -> 16),
    a repeated identical count (same number, same noun) counting once; a death reported with no
    number counts only when nothing is numbered.
    """
    killed = [c for c in casualties if c.kind == "killed"]
    credible = [c for c in killed if not c.claimed]
    if credible:
        killed = credible
    totals = [c for c in killed if c.total]
    if totals:
        return totals[-1].count
    numbered = [c for c in killed if not c.vague or from_number_word(c)]
    if numbered:
        seen: set[tuple[int, str]] = set()
        total = 0
        for c in numbered:
            key = repeat_key(c)
            if key not in seen:
                seen.add(key)
                total += c.count
        return total
    return max((c.count for c in killed), default=0)


def repeat_key(c: Casualty) -> tuple[int, str]:
    """What makes two counts one figure told twice: the number and the noun it counts ("kill 56
    civilians ... at least 56 civilians killed")."""
    return c.count, c.who.lower().split()[-1] if c.who else ""


def from_number_word(c: Casualty) -> bool:
    """Whether a vague count was read from a vague number word ("several", "dozens"), not from
    a death reported with no number ("civilians were killed")."""
    return bool(_VAGUE_WORD.search(c.text))
