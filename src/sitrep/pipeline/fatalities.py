"""Counting people killed, injured, abducted or arrested, with the quote each count came from.

Plain regular expressions driven by trigger words, so the stage stays cheap: for every trigger
("killed", "wounded", "death toll", "fatalities" ...) sitrep reads the number and noun phrase on
its left ("13 IS members were killed") or on its right ("killing at least 25 regime forces").

Rules (ACLED's, see ``knowledge/numbers.yaml``):

- the figure kept is the one stated: "at least 25" -> 25, "up to 15" -> 15 with ``high=15``;
  a range "between 10 and 15" / "9-10" keeps the low end, ``low``/``high`` carry the range;
- vague words: "tens" 10, "dozens" 12, "hundreds" 100, "several" 3 (``vague=True``);
- a death with no number: a plural noun ("civilians were killed") counts 3 (ACLED's "limited"),
  a singular one ("the driver was killed", "he died") counts 1, both ``vague=True``;
- injuries are ``kind="injured"`` and never deaths; "casualties" counts nothing except
  "no casualties", read as 0 killed; "no one was killed" / "no fatalities" give a count of 0;
- a stated total ("death toll rose to 12", "3 fatalities", "fatalities coded as 3") is marked
  ``total=True``; :func:`killed_total` uses the last stated total over the separate counts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.model.records import Casualty
from sitrep.pipeline.casualty_grammar import Grammar, Side, build_grammar, grammar, who_side
from sitrep.pipeline.casualty_phrases import context_start, kind_of, read_left, read_right
from sitrep.pipeline.casualty_totals import from_number_word, killed_total, stated_totals
from sitrep.pipeline.number_rules import NumberRules


def find_casualties(
    text: str, start: int = 0, end: int | None = None, rules: NumberRules | None = None
) -> list[Casualty]:
    """Every count of people killed/injured/abducted/arrested in ``text[start:end]``, in text order.

    Offsets are into the whole ``text``; ``text[c.start:c.end] == c.text``. ``rules`` replaces the
    shipped number rules (for tests or user extensions; the grammar is then rebuilt on each call).
    ``who_side(c.who)`` tells whose deaths a count reports; :func:`killed_total` folds the counts of
    one incident into the figure a coder keeps.
    """
    g = grammar() if rules is None else build_grammar(rules, grammar().terms)
    hi = len(text) if end is None else min(end, len(text))
    found: list[Casualty] = []
    active_spans: dict[int, list[Casualty]] = {}
    lowered = text.lower()
    same = len(lowered) == len(text)  # lower-casing kept every offset: scan the cheap way
    scan, active, passive = (
        (lowered, g.terms.active_lower, g.terms.passive_lower) if same else (text, g.terms.active, g.terms.passive)
    )
    for trig in active.finditer(scan, start, hi):
        kind = kind_of(trig.group(0), g.terms.active_kind)
        active_spans[trig.start()] = read_right(g, text, hi, trig, kind)
    for trig in passive.finditer(scan, start, hi):
        kind = kind_of(trig.group(0), g.terms.passive_kind)
        left, has_aux = read_left(g, text, start, trig, kind)
        if left and not has_aux and active_spans.get(trig.start()):
            continue  # "3 militants killed 2 civilians": the number before is the subject
        if has_aux and trig.start() in active_spans:
            active_spans[trig.start()] = []  # "were killed" is passive: nothing after it is an object
        found.extend(left)
    for cs in active_spans.values():
        found.extend(cs)
    found.extend(stated_totals(g, text, start, hi))
    found.extend(gapped(g, text, hi, found))
    return [_mark_claim(text, start, c) for c in _dedupe(found) if not _war_wide(text, start, c)]


# the verb and noun left out of a second count: "killed 12 people in Saraqib and five in Binnish",
# "three civilians ... in Kafranbel, and seven including a girl in Tal Hawash"
INCLUDING = r"(?:\(?including\s+[^,;.()]{1,40}?\)?,?\s+)?"  # "seven including a girl"
PLACE_PREP = r"(?:in|at|near|outside|on\s+the\s+outskirts\s+of)"
_PLACED = re.compile(rf"\s+{INCLUDING}{PLACE_PREP}\s")


@lru_cache(maxsize=4)
def _gap_pattern(number_re: str) -> re.Pattern[str]:
    return re.compile(rf"[^.;]{{0,60}}?(?:,\s*|\s+)and\s+(?P<num>{number_re})\s+(?:(?:others?|more)\s+)?"
                      rf"{INCLUDING}(?={PLACE_PREP}\s)", re.IGNORECASE)


def gapped(g: Grammar, text: str, hi: int, found: list[Casualty]) -> list[Casualty]:
    """Counts whose verb and noun a coordinated clause leaves out, read as the kind and people of the
    count before them; only after a count of people placed by a preposition of place, the same way."""
    pattern = _gap_pattern(g.rules.number_re)
    out = []
    for c in found:
        if c.kind != "killed" or not c.who or not _PLACED.match(text, c.end):
            continue
        m = pattern.match(text, c.end, hi)
        parsed = g.rules.parse(m.group("num")) if m else None
        if m and parsed:
            a, b = m.start("num"), m.end()
            out.append(Casualty(a, b, text[a:b], parsed[0], kind="killed", who=c.who, vague=parsed[1]))
    return out


# a whole war's toll, not an incident's: "the death toll from the six-year conflict at more than 470000",
# "more than 300,000 people have been killed since 2011", "killed in the civil war"
_WAR = r"(?:[\w-]+\s+){0,3}(?:conflict|war|uprising|revolution|insurgency)(?![\w-])"
_WAR_AFTER = re.compile(
    rf"\s*(?:people\s+)?(?:(?:in|during|since)\s+(?:the\s+)?(?:start\s+of\s+the\s+)?{_WAR}"
    r"|since\s+(?:the\s+(?:start|beginning|outbreak)\b|(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d\b))",
    re.I,
)
_WAR_TOLL = re.compile(rf"\btoll\s+(?:from|of|in)\s+(?:the\s+)?{_WAR}[^.;]{{0,30}}$", re.I)
# the war as the subject: "a conflict that has killed more than 100000", "the civil war which has claimed"
_WAR_SUBJECT = re.compile(
    rf"\b{_WAR}\s+(?:that|which)\s+(?:has|had|have)\s+(?:now\s+|so\s+far\s+|already\s+)?"
    r"(?:killed|claimed(?:\s+the\s+lives\s+of)?|left)\s+[^.;]{0,25}$",
    re.I,
)
WAR_WIDE_REACH = 60  # characters before a count's end searched for "the toll from the war"
WAR_WIDE_COUNT = 10_000  # no single event (one day, one place) kills this many: a war's or a period's toll


def _war_wide(text: str, start: int, c: Casualty) -> bool:
    if c.kind != "killed":
        return False
    if c.count >= WAR_WIDE_COUNT or _WAR_AFTER.match(text, c.end):
        return True
    lo = max(start, c.start - WAR_WIDE_REACH)
    return bool(_WAR_TOLL.search(text[lo : c.end]) or _WAR_SUBJECT.search(text[lo : c.start]))


_CLAIM = re.compile(
    r"\bclaim(?:s|ed|ing)?\b(?!\s+(?:of\s+)?responsibility)|\b(?:said|says|say|announced)\s+(?:that\s+)?(?:it|they)\b",
    re.I,
)


def _mark_claim(text: str, lo: int, c: Casualty) -> Casualty:
    """Flag a count a party claims ("Al Shabaab claimed killing four") as ``claimed``."""
    s = context_start(text, c.start, lo, 80)
    if _CLAIM.search(text, s, c.start + 1 + min(len(c.text), 12)):
        return Casualty(c.start, c.end, c.text, c.count, c.kind, c.who, c.low, c.high, c.vague, c.total, True)
    return c


def _dedupe(found: list[Casualty]) -> list[Casualty]:
    """Sort by position; drop a count overlapping an earlier (or longer) count of the same kind."""
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Casualty] = []
    for c in found:
        if any(o.kind == c.kind and c.start < o.end and o.start < c.end for o in out[-4:]):
            continue
        out.append(c)
    return out


__all__ = ["NumberRules", "Side", "find_casualties", "from_number_word", "killed_total", "who_side"]
