"""Choosing the place each mention names, from its candidates and the rest of the document.

Each candidate gets a prior (population, feature code, exact vs alternate name), then bonuses
for the country hint, admin context written next to it ("Minakulu (Oyam, Northern)", "Alexandria,
La.") and support from the other mentions (same country, same admin1), in two rounds.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from dataclasses import dataclass, field

from sitrep.gazetteer.index import Entry
from sitrep.gazetteer.recognize import Span

FCODE_BONUS = {"PPLC": 0.45, "PPLA": 0.3, "PPLA2": 0.12, "PCLI": 1.3, "CONT": 1.5, "OCN": 1.0, "ADM1": 0.9,
               "ADM2": -0.05, "ADM2X": -0.3, "PPLX": -0.1, "PPLA3": 0.0, "PPLA4": -0.05, "AREA": 0.2, "RGN": 0.2,
               "DSRT": 0.2, "ISL": 0.3}
CLASS_BONUS = {"P": 0.0, "A": 0.0, "L": -0.1, "T": -0.1, "S": -0.2, "H": -0.2, "V": -0.3}
HINT_BONUS = 1.2
CONTEXT_BONUS = 1.6
COUNTRY_SUPPORT = 0.6
ADMIN1_SUPPORT = 0.7
TEMPERATURE = 0.25
COUNTRY_ENTRY_BASE = 1_000_000_000  # synthetic ids for country candidates
SMALL_NAMESAKE = 50_000  # a village named like a country needs its admin area written with it
SMALL_NAMESAKE_PENALTY = 1.0
COUNTRY_NAME_BONUS = 0.5  # under a hint, "anti-Russia rally" names the country, not Russia, Ohio
FOREIGN_CITY_PENALTY = 0.7
NEIGHBOUR_SHARE = 0.5  # "Israeli strikes on Gaza": a country's mentions back places across its borders, less


@dataclass(slots=True)
class Mention:
    """A span with its candidate entries and, once resolved, their probabilities."""

    span: Span
    entries: list[Entry]
    strong: bool  # from a place-labelled NER span or a country/ADM1 name
    kind: str = "place"
    guess: bool = False  # an unknown name kept only for fuzzy matching
    locative: bool = False  # written where places go: "in X", "near X", "the town of X"
    context: list[int] = field(default_factory=list)  # mentions written as its admin context
    context_admin1: set[str] = field(default_factory=set)  # admin1 keys from abbreviations ("La.")
    scores: list[float] = field(default_factory=list)
    probs: list[float] = field(default_factory=list)

    @property
    def best(self) -> Entry | None:
        if not self.entries:
            return None
        return self.entries[max(range(len(self.entries)), key=self.scores.__getitem__)]

    @property
    def best_prob(self) -> float:
        return max(self.probs) if self.probs else 0.0


def prior(e: Entry, span: Span) -> float:
    """Score of an entry before context: population, feature code, how the name matched."""
    s = math.log10(e.pop + 10) / 7 + FCODE_BONUS.get(e.fcode, 0.0) + CLASS_BONUS.get(e.fclass, -0.2)
    if e.alt:
        s -= 0.15
    low = span.text.lower()
    if e.fcode == "ADM2" and low.endswith(("county", "parish", "district", "borough")):
        s += 0.8
    if e.fcode == "ADM1" and low.endswith(("province", "state", "governorate", "region", "oblast")):
        s += 0.8
    return s


def softmax(scores: list[float]) -> list[float]:
    """Probabilities from scores (sharpened by :data:`TEMPERATURE`)."""
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp((s - top) / TEMPERATURE) for s in scores]
    total = sum(exps)
    return [x / total for x in exps]


def _context_bonus(e: Entry, m: Mention, mentions: list[Mention]) -> float:
    """Bonus when the admin names written next to the mention contain this entry."""
    if f"{e.cc}.{e.a1}" in m.context_admin1:
        return CONTEXT_BONUS
    for j in m.context:
        for c in mentions[j].entries:
            if c.cc != e.cc:
                continue
            if c.fcode == "PCLI" or (c.fcode == "ADM1" and c.a1 == e.a1):
                return CONTEXT_BONUS
            if c.fcode == "ADM2" and c.a1 == e.a1 and c.a2 == e.a2:
                return CONTEXT_BONUS
            if c.a1 == e.a1 and c.fclass in "PA":
                return CONTEXT_BONUS * 0.6
    return 0.0


def support(mentions: list[Mention]) -> tuple[dict[str, dict[int, float]], dict[str, dict[int, float]]]:
    """Per country / admin1: probability mass each mention puts there (max over its candidates)."""
    by_cc: dict[str, dict[int, float]] = defaultdict(dict)
    by_a1: dict[str, dict[int, float]] = defaultdict(dict)
    seen: dict[str, int] = {}
    for i, m in enumerate(mentions):
        owner = seen.setdefault(m.span.key, i)  # repeated names vote once
        for e, p in zip(m.entries, m.probs, strict=True):
            weight = p * (1.0 if m.strong else 0.5)
            by_cc[e.cc][owner] = max(by_cc[e.cc].get(owner, 0.0), weight)
            if e.fcode != "PCLI":
                a1 = f"{e.cc}.{e.a1}"
                by_a1[a1][owner] = max(by_a1[a1].get(owner, 0.0), weight)
    return by_cc, by_a1


def _others(votes: dict[int, float], owner: int) -> float:
    return sum(v for k, v in votes.items() if k != owner)


def _outweigh_foreign_provinces(entries: list[Entry], row: list[float]) -> None:
    """A province's bonus does not hold against a bigger city of the same name in another country
    ("Gaza": the city of 400,000, not the Mozambican province of 270,000)."""
    for i, e in enumerate(entries):
        if e.fcode == "ADM1" and any(c.fclass == "P" and c.cc != e.cc and c.pop > e.pop for c in entries):
            row[i] -= FOREIGN_CITY_PENALTY


@functools.cache
def _neighbours() -> dict[str, frozenset[str]]:
    from sitrep.gazetteer.knowledge import country_neighbours

    return country_neighbours()


def _country_votes(by_cc: dict[str, dict[int, float]], cc: str, owner: int) -> float:
    """The other mentions' mass in the country, and half of it in the countries bordering it."""
    near = sum(_others(by_cc[n], owner) for n in _neighbours().get(cc, ()) if n in by_cc)
    return _others(by_cc[cc], owner) + NEIGHBOUR_SHARE * near


def resolve(mentions: list[Mention], hint_cc: str | None, rounds: int = 2) -> None:
    """Fill ``scores``/``probs`` of every mention in place."""
    base: list[list[float]] = []
    for m in mentions:
        row = []
        names_country = bool(hint_cc) and any(e.id >= COUNTRY_ENTRY_BASE for e in m.entries)
        for e in m.entries:
            context = _context_bonus(e, m, mentions)
            s = prior(e, m.span) + context
            if hint_cc and e.cc == hint_cc:
                s += HINT_BONUS
            elif hint_cc and e.id >= COUNTRY_ENTRY_BASE:
                s += COUNTRY_NAME_BONUS  # the hint favours its own places, not over a country's name
            if names_country and e.id < COUNTRY_ENTRY_BASE and e.pop < SMALL_NAMESAKE and not context:
                s -= SMALL_NAMESAKE_PENALTY  # "anti-Russia rally in Columbus (Ohio)": not Russia, Ohio
            row.append(s)
        _outweigh_foreign_provinces(m.entries, row)
        base.append(row)
        m.scores, m.probs = row, softmax(row)
    keys: dict[str, int] = {}
    for _ in range(rounds):
        by_cc, by_a1 = support(mentions)
        for i, m in enumerate(mentions):
            owner = keys.setdefault(m.span.key, i)
            m.scores = [
                b + COUNTRY_SUPPORT * min(1.5, _country_votes(by_cc, e.cc, owner))
                + (ADMIN1_SUPPORT * min(1.5, _others(by_a1[f"{e.cc}.{e.a1}"], owner)) if e.fcode != "PCLI" else 0.0)
                for b, e in zip(base[i], m.entries, strict=True)
            ]
            m.probs = softmax(m.scores)
