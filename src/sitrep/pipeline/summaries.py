"""Lead tolls that add up the incidents a report then tells one by one.

"At least eight civilians were killed in the latest attack", then "at Kazarahoyo the attackers
killed five ... in Bulongo two ... in another incident a motorcyclist was shot dead": the eight
are the five, the two and the one. ACLED splits such a summary toll by what the text attributes
to each incident, so the lead's figure is not counted again. A lead count is read as a summary
when it equals the sum of the tolls of two or more incidents of the report (or of one side's
deaths in them: "33 pro-regime fighters killed" = 27 at Masasna + 6 in Latakia); an incident
told only by such summaries is no event of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from sitrep.model import Casualty
from sitrep.pipeline.assemble import mentions_toll
from sitrep.pipeline.incidents import Incident
from sitrep.pipeline.mentions import Mention
from sitrep.pipeline.tolls import Toll

MIN_SUMMARY = 3  # smaller figures add up by chance too often
MAX_PARTS = 6
_PLURAL = re.compile(
    r"\b(?:attacks|strikes|airstrikes|air raids|raids|clashes|bombings|explosions|blasts|assaults|ambushes|"
    r"operations|incidents|shootings)\b",
    re.IGNORECASE,
)
DAYS_APART = 1


@dataclass(frozen=True)
class _Report:
    """What the summary check reads: the report's incidents, text and publication day."""

    incidents: list[Incident]
    text: str
    published: date | None
    side_of: Callable[[str], str]


def drop_summary_tolls(
    incidents: list[Incident], first: int, text: str, published: date | None, side_of: Callable[[str], str]
) -> list[Incident]:
    """The incidents with lead counts that sum up other incidents removed; an incident left with
    nothing but such counts is dropped. ``first`` is the report's first paragraph of news."""
    if len(incidents) < 2:
        return incidents
    report = _Report(incidents, text, published, side_of)
    summarising: set[int] = set()
    for inc in incidents:
        for m in inc.mentions:
            lead = _lead(m, first, text) and not m.separate and m.start not in inc.shares
            if lead and _drop_sums(report, m, inc):
                summarising.add(id(m))
    return [inc for inc in incidents if not _only_summaries(inc, summarising)]


def _lead(m: Mention, first: int, text: str) -> bool:
    """The report's first paragraph of news, or the next one when it speaks of several events
    ("air strikes ... killed 10 civilians")."""
    return m.paragraph == first or (m.paragraph == first + 1 and bool(_PLURAL.search(text, m.start, m.end)))


def _drop_sums(report: _Report, m: Mention, inc: Incident) -> bool:
    """Remove from ``m`` the death counts that sum up other incidents; whether any was removed."""
    sums = [c for c in m.casualties if _summing(report, c, m, inc)]
    m.casualties = [c for c in m.casualties if c not in sums]
    return bool(sums)


def _summing(report: _Report, c: Casualty, m: Mention, inc: Incident) -> bool:
    """``c`` equals the tolls of two or more incidents of its days (``m`` left out), in all or
    for the side it counts."""
    if c.kind != "killed" or c.vague or c.claimed or c.count < MIN_SUMMARY:
        return False
    day = inc.day(report.published)
    parts: list[Toll] = []
    for other in report.incidents:
        other_day = other.day(report.published)
        if day and other_day and abs((other_day - day).days) > DAYS_APART:
            continue
        toll = mentions_toll(other, [x for x in other.mentions if x is not m], report.text, report.side_of)
        if toll.total:
            parts.append(toll)
    side = report.side_of(c.who)
    return _adds_up(c.count, [p.total for p in parts]) or (
        side != "unknown" and _adds_up(c.count, [p.side(side) for p in parts if p.side(side)]))


def _adds_up(total: int, values: list[int]) -> bool:
    """Whether two or more of ``values`` sum to ``total``."""
    values = values[: MAX_PARTS * 2]
    return any(sum(combo) == total for k in range(2, min(len(values), MAX_PARTS) + 1)
               for combo in combinations(values, k))


def _only_summaries(inc: Incident, summarising: set[int]) -> bool:
    """Every sentence of the incident was a summary, or elaborates one without a place of its own ("those
    killed included two children"), and no death count is left in it."""
    return any(id(m) in summarising for m in inc.mentions) and all(
        id(m) in summarising or not m.places for m in inc.mentions) and not any(
        c.kind == "killed" for m in inc.mentions for c in m.casualties)
