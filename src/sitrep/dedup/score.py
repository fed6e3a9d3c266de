"""Pair score: how likely two event rows from different reports are the same real-world event.

Hard limits first (same report, another type family or country, event dates or places too far apart:
0; a week- or month-precise date may be up to 7 or 31 days away). Then a weighted sum of evidence in
[0, 1]: the event date (same day 1, falling linearly to 1/3 at the 2-day window, further but allowed
by an imprecise date 0.3), the type (same sub-event type 1, same type 0.5, same family 0.2), the place (the same town
counts fully; a place known only to its province or country is compatible with the places inside it
but says little), the identified actors (equal 1, one side unidentified 0.3, disjoint 0), the text
(rare words shared by the notes, title and evidence sentences, see :mod:`sitrep.dedup.text`). Tolls far
apart, an air strike against a ground clash, other quarters of a town named by the two reports, and acts
of other kinds by other named sides lower the sum (see :mod:`sitrep.dedup.quarters`).
"""

from __future__ import annotations

import math
import re

from sitrep.dedup.names import spelled_alike
from sitrep.dedup.quarters import quarters_apart
from sitrep.dedup.records import DedupConfig, DedupRecord, day_reach
from sitrep.geodesy import haversine_km

# Tuned on the FA-KES dev groups (bench/dedup_pairs.py); a fatality-agreement term (weight 0.05) made both
# event sources worse there and is left out: the figures of different outlets and days differ too much.
WEIGHTS = {"date": 0.15, "sub": 0.15, "geo": 0.2, "actors": 0.05, "text": 0.45}
TEXT_FULL = 0.5  # a weighted word overlap of 0.5 counts as full text evidence (see bench/results/store.md)
COUNTRY_GEO, REGION_GEO = 0.1, 0.3  # a place only known to the country / to the admin1 area
SAME_TOWN_KM = 2.0
OTHER_TOWN = 0.5  # how much a nearby town of another name counts, relative to the same town


def geo_similarity(a: DedupRecord, b: DedupRecord, cfg: DedupConfig) -> float:
    """Evidence from the places; 0 when they cannot be one place (the caller treats 0 as a veto).

    Places of different precision are compatible when the finer lies inside the coarser: anything
    inside the country (weak, 0.1), anything inside a region's admin1 (0.3). Two points count by
    distance (limit ``max_km``, doubled when either is only near a place); the same town (within 2 km
    or the same name) is strong evidence, another town nearby counts half as much.
    """
    if a.kind == "country" or b.kind == "country":
        return COUNTRY_GEO
    if a.kind == "region" or b.kind == "region":
        if _town_and_far_town(a, b, cfg):
            return 0.0
        if a.admin1 and a.admin1 == b.admin1:
            return REGION_GEO
        return REGION_GEO if _town_near(a, b, cfg) else 0.0
    coarse = max(a.geo_precision, b.geo_precision)
    cap = 1.0 if coarse <= 1 else 0.6
    if a.kind == "name" or b.kind == "name":
        return cap * 0.8 if a.location and a.location == b.location else 0.0
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    limit = reach_km(a, b, cfg)
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)
    if km > limit:
        return 0.0
    if km <= SAME_TOWN_KM or (a.location and a.location == b.location):
        return cap
    return max(0.05, OTHER_TOWN * cap * (1.0 - km / limit))  # another town nearby: weaker


def _town_and_far_town(a: DedupRecord, b: DedupRecord, cfg: DedupConfig) -> bool:
    """A report that names a city like its province as the city ("Aleppo city", "the city of Aleppo") and another
    town of that province further away than a town may be (Manbij, 80 km): two places."""
    city, town = (a, b) if a.kind == "region" else (b, a)
    if not city.town or town.kind != "point":
        return False
    return record_km(city, town) > reach_km(a, b, cfg)


def reach_km(a: DedupRecord, b: DedupRecord, cfg: DedupConfig) -> float:
    """How far apart two places may be and still be one: ``max_km``, doubled when either is only near a
    place (geo_precision 2 or coarser)."""
    return cfg.max_km * (1.0 if max(a.geo_precision, b.geo_precision) <= 1 else 2.0)


def _town_near(a: DedupRecord, b: DedupRecord, cfg: DedupConfig) -> bool:
    """Places of other admin1 areas within reach of each other: a city named like its province (Damascus) and
    the suburbs across the province line (Douma, the Eastern Ghouta in Rif Dimashq), where the admin1 names
    alone disagree."""
    return record_km(a, b) <= cfg.max_km


def record_km(a: DedupRecord, b: DedupRecord) -> float:
    """Kilometres between two records' coordinates; infinite when either has none."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _named(actors: frozenset[str]) -> frozenset[str]:
    """The identified actors (unidentified groups and civilians say nothing about identity)."""
    return frozenset(a for a in actors if not a.startswith(("unidentified", "civilians", "protesters")))


def actor_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """1 when the actor sets agree, 0.6 on partial overlap, 0.3 when a report names none, else 0."""
    na, nb = _named(a), _named(b)
    if not na or not nb:
        return 0.3
    if na == nb:
        return 1.0
    return 0.6 if na & nb else 0.0


def text_similarity(a: str, b: str) -> float | None:
    """Weighted word overlap of two notes on their own (no corpus statistics); None without text."""
    from sitrep.dedup.text import TextIndex

    return TextIndex([a, b]).similarity(0, 1)


def type_similarity(a: DedupRecord, b: DedupRecord) -> float:
    """1 for the same sub-event type, 0.5 for the same event type, 0.2 for the same family."""
    if a.sub_event_type == b.sub_event_type:
        return 1.0
    return 0.5 if a.event_type == b.event_type else 0.2


TOLL_RATIO, TOLL_GAP, TOLL_APART = 4, 5, 0.8  # tolls this far apart weigh against one incident
AIR_AND_GROUND, AIR_GROUND_APART = frozenset({"Air/drone strike", "Armed clash"}), 0.8  # air raid vs ground fight
QUARTER_APART = 0.7  # two reports naming other quarters of the town (adjacent quarters may name one incident)


ATTACKERS_APART = 0.7  # another act by another side: regime air raids on a city's east, rebel shelling of its west


def other_attackers(a: DedupRecord, b: DedupRecord) -> bool:
    """Two acts of other kinds, each by a side the report names, neither side in the other's event: an air
    raid by the army and shelling by rebels the same day in one city are two incidents (one incident told
    twice names its attacker in both, or the sides swap roles in a clash)."""
    named = _named(frozenset((a.attacker, b.attacker)))
    if a.sub_event_type == b.sub_event_type or a.attacker not in named or b.attacker not in named:
        return False
    return a.attacker not in b.actors and b.attacker not in a.actors


_STATE_FORCES = re.compile(r"^military forces of (?P<country>[^(]+?)\s*(?:\(|$)")


# states whose air forces fly in the US-led coalition: one campaign with it ("US jets", "coalition raids")
_COALITION = frozenset({"the united states", "united states", "united kingdom", "france", "belgium", "netherlands",
                        "australia", "canada", "denmark", "jordan"})


def foreign_air_force(attacker: str, country: str) -> str:
    """The air campaign of a foreign state's forces or of a coalition named as the attacker ("" for the home
    state's forces, often only the default of an unnamed air raid, and for anyone else)."""
    if "coalition" in attacker:
        return "coalition"
    m = _STATE_FORCES.match(attacker)
    if m is None or m.group("country") == country:
        return ""
    return "coalition" if m.group("country") in _COALITION else m.group("country")


def rival_air_forces(a: DedupRecord, b: DedupRecord) -> bool:
    """Air strikes by the air forces of two foreign campaigns each report names, Russia's and the US-led
    coalition's: two strikes."""
    if not a.sub_event_type == b.sub_event_type == "Air/drone strike":
        return False
    one, other = foreign_air_force(a.attacker, a.country), foreign_air_force(b.attacker, b.country)
    return bool(one and other and one != other)


def tolls_apart(a: DedupRecord, b: DedupRecord) -> bool:
    """Both report deaths, one at least four times the other and five more: "15 killed" and "3 killed" are
    rarely one incident. Not a veto: a massacre's toll can grow that much between the first and last report."""
    low, high = sorted((a.fatalities, b.fatalities))
    return low > 0 and high >= TOLL_RATIO * low and high - low >= TOLL_GAP


def told_apart(a: DedupRecord, b: DedupRecord) -> bool:
    """Two reports of other days that each state the day: two events when both name the town (ACLED's
    unit is one day at one place; a city named like its province, such as Aleppo, too), when both name
    places of their own by other names at town precision (a village near a town: "Maghayir" one day,
    "Qasr el-Breij" the next; Aleppo one day, Tadif the next), or when the days are two or more apart
    (stated days of one incident differ by a night at most). The window covers a date a report left vague
    or inferred, or a province ("Idlib province" one day, "gas dropped overnight on Saraqib" the next)."""
    if not (a.dated and b.dated and a.time_precision == b.time_precision == 1):
        return False
    if abs(a.day - b.day) >= 2:
        return True
    coarse = max(a.geo_precision, b.geo_precision)
    if coarse <= 1 and (a.location == b.location or a.kind == b.kind == "point"):
        return True  # the town itself both times (points are towns or places near one, at most precision 2)
    return {a.kind, b.kind} <= {"point", "region"} and coarse <= 2 and not spelled_alike(a.location, b.location)


def told_before(a: DedupRecord, b: DedupRecord) -> bool:
    """One report states a day two or more days after the day of the other, which left its event undated
    (its day is the day it was published): a report cannot tell an incident that had not happened yet."""
    if a.time_precision != 1 or b.time_precision != 1:
        return False
    return (a.dated and not b.dated and a.day >= b.day + 2) or (b.dated and not a.dated and b.day >= a.day + 2)


def pair_score(a: DedupRecord, b: DedupRecord, cfg: DedupConfig, text: float | None = -1.0) -> float:
    """A score in [0, 1]; 0 for pairs that can never merge (same report, other type family, far apart).

    ``text``: the text similarity when already known (from a TextIndex); -1 computes it for the pair,
    None means no text to compare (neutral evidence 0.3).
    """
    if a.doc == b.doc or a.family != b.family or a.country != b.country or not a.day or not b.day:
        return 0.0  # undated events (day 0) never merge: nothing says they are the same day
    gap = abs(a.day - b.day)
    if (gap > max(day_reach(a, cfg), day_reach(b, cfg)) or (gap and told_apart(a, b)) or told_before(a, b)
            or rival_air_forces(a, b)):
        return 0.0
    geo = geo_similarity(a, b, cfg)
    if geo == 0.0:
        return 0.0
    sim = text_similarity(a.notes, b.notes) if text == -1.0 else text
    parts = {
        "date": 1.0 - gap / (cfg.window_days + 1) if gap <= cfg.window_days else 0.3,
        "sub": type_similarity(a, b),
        "geo": geo,
        "actors": actor_similarity(a.actors, b.actors),
        "text": 0.3 if sim is None else min(1.0, sim / TEXT_FULL),
    }
    apart = TOLL_APART if tolls_apart(a, b) else 1.0
    if {a.sub_event_type, b.sub_event_type} == AIR_AND_GROUND:
        apart *= AIR_GROUND_APART
    if quarters_apart(a.quarters, b.quarters):
        apart *= QUARTER_APART
    if other_attackers(a, b):
        apart *= ATTACKERS_APART
    return sum(WEIGHTS[k] * v for k, v in parts.items()) * apart
