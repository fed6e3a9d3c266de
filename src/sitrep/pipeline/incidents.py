"""Group event mentions into incidents by ACLED's unit rule: one day x one place x one type.

Sentences that name neither a place nor a date elaborate the incident before them ("At least 13
IS members were also killed in the attack"); a sentence naming a list of places ("the
neighbourhoods of X and Y") opens one incident per place; a vague mention of a city that
contains a more specific incident of the same day folds into it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from datetime import date

from sitrep.gazetteer.normalize import fold
from sitrep.geodesy import haversine_km
from sitrep.model import DateMention, Place, Toponym
from sitrep.pipeline.mentions import Mention

SAME_PLACE_KM = 0.5  # neighbourhoods a kilometre apart are different places
CONTAINS_KM = 30.0


@dataclass(slots=True)
class Incident:
    """Mentions that describe one event, with the place and day they share."""

    mentions: list[Mention]
    place: Toponym | None
    date: DateMention | None
    place_inherited: bool = False
    families: set[str] = field(default_factory=set)
    shares: dict[int, tuple[int, int]] = field(default_factory=dict)  # mention start -> (index, of how many)
    own_count: dict[int, int] = field(default_factory=dict)  # mention start -> its casualty that counts this place
    referred: set[str] = field(default_factory=set)  # trigger families of the incident its opening refers to

    @property
    def paragraph(self) -> int:
        return self.mentions[-1].paragraph

    def day(self, published: dt.date | None) -> dt.date | None:
        return self.date.value if self.date else published


def group(
    mentions: list[Mention],
    places_of: dict[int, list[Toponym]],
    published: date | None,
    default_place: Toponym | None = None,
) -> list[Incident]:
    """Incidents in document order. ``places_of`` maps a mention's start to its event places;
    ``default_place`` (the report's main place) stands in when no sentence before names one."""
    incidents: list[Incident] = []
    story_date: DateMention | None = None  # the last day the narrative named
    last: Incident | None = None  # the incident the previous sentence told of
    for m in mentions:
        story_date = m.date or story_date
        if m.summary:
            continue  # "the overnight attack took place in several villages": the day, not an event
        last = _told(m, places_of.get(m.start, []), incidents, last, published, default_place, story_date)
    return fold_containers(join_undated_leads(incidents), published)


def _told(
    m: Mention,
    places: list[Toponym],
    incidents: list[Incident],
    last: Incident | None,
    published: date | None,
    default_place: Toponym | None,
    story_date: DateMention | None,
) -> Incident:
    """Put ``m`` into its incident, an earlier one or a new one, and return it. ``last`` is the
    incident the sentence before told of: what "the attack" or "there" refers to, and what a placeless
    risen toll ("the death toll rose to 25 on Tuesday") revises, whatever day the update was made."""
    paired = paired_counts(m, list(places)) if len(places) > 1 else None  # "three in X, and seven in Y"
    if (not places or (m.referential and _fits(last, m, places) and paired is None)) \
            and (m.date is None or m.updates_toll) and last is not None and not m.separate:
        _add(last, m)
        _refine(last, places, said_where=m.referential)
        return last
    if _places_last(m, last, places):
        assert last is not None
        _add(last, m)  # "... killed 56 near a village" then "they were hit in the village of Al-Tukhar"
        last.place, last.place_inherited = places[0], False
        return last
    if _dates_last(m, last, places):
        assert last is not None
        _add(last, m)  # "the Sunday air raid" dates the raid the lead left undated
        last.date = m.date
        _refine(last, places)
        return last
    ctx = last if last is not None and last.paragraph >= m.paragraph - 1 else None
    date_ = m.date or _inherited_date(m, places, (ctx.date if ctx else None) or story_date)
    targets: list[Toponym | None] = list(places) or [ctx.place if ctx else default_place]
    told = [_place_into(incidents, m, p, date_, published, inherited=not places) for p in targets]
    if len(targets) > 1:
        for i, inc in enumerate(told):
            inc.shares[m.start] = (i, len(targets))
            if paired is not None:  # each place its own count; "the raids" keep the method of the story told
                inc.own_count[m.start] = paired[i]
                if m.referential and last is not None:
                    inc.referred |= {t.family for t in last.mentions[0].triggers}
    return told[-1]


def paired_counts(m: Mention, places: list[Toponym | None]) -> list[int] | None:
    """Each place's own count when the sentence gives one before each place, in order ("killed 12 in
    Saraqib and five in Binnish"): indices into ``m.casualties``; None when the counts do not pair up."""
    killed = [i for i, c in enumerate(m.casualties) if c.kind == "killed" and not c.total]
    if len(killed) != len(places) or any(p is None for p in places):
        return None
    starts = [m.casualties[i].start for i in killed] + [10**12]
    ordered = all(starts[k] < p.start < starts[k + 1] for k, p in enumerate(places) if p is not None)
    return killed if ordered else None


NEXT_SENTENCE_CHARS = 200  # how far after the incident's last sentence "the next sentence" may start


def _places_last(m: Mention, last: Incident | None, places: list[Toponym]) -> bool:
    """The sentence gives the place the incident before it left open: that incident's place was only the
    report's main place, the sentence names one place, no day and no toll of its own."""
    if last is None or not last.place_inherited or len(places) != 1 or m.separate or m.date is not None:
        return False
    near = m.start - max(x.end for x in last.mentions) <= NEXT_SENTENCE_CHARS  # not a background line further on
    return near and not m.counts_dead and compatible(last, m) and last.paragraph >= m.paragraph - 1


def _dates_last(m: Mention, last: Incident | None, places: list[Toponym]) -> bool:
    """The sentence gives the day the incident before it left open: "the Sunday air raid", or a
    sentence with no place of its own ("stone-pelting took place during the procession on
    Sunday") after an undated lead."""
    if last is None or last.date is not None or m.separate or not _here(last, places):
        return False
    return m.referential or (not places and compatible(last, m))


def _inherited_date(m: Mention, places: list[Toponym], inherited: DateMention | None) -> DateMention | None:
    """The day a sentence without one of its own takes from the story; one that names its own
    place and the day its source spoke ("the agency said on Thursday that it killed four in
    Salahaddin") is dated by that statement, not by another place's incident; one the story leaves
    undated but tells in the pluperfect ("police had used tear gas on the protesters") is the day
    before publication."""
    if places and m.said is not None and inherited is not None:
        return m.said
    return inherited or m.before


def _fits(inc: Incident | None, m: Mention, places: list[Toponym]) -> bool:
    """A sentence referring back ("the attack took place in X") names the incident's place or
    makes it precise; one that counts its own dead in a town other than the one the incident was
    placed at ("In the capital Mogadishu, two fighters died when their explosives went off", after
    a blast in Afgoye) is news of its own."""
    if inc is None or inc.place is None or inc.place.place is None or inc.place_inherited:
        return True
    if not m.counts_dead:
        return True
    area = inc.place.place.feature_class == "A" or inc.place.precision >= 2
    return area or _here(inc, places)


def _here(inc: Incident, places: list[Toponym]) -> bool:
    """The places fit the incident: the same place, or one inside the province it was placed in
    ("in western Herat province ..." then "... in Ghoryan district when the bomb exploded")."""
    return not places or inc.place is None or same_place(inc.place, places[0]) or _within(places[0], inc.place)


def _within(small: Toponym, area: Toponym) -> bool:
    a, p = area.place, small.place
    if a is None or p is None or a.feature_code != "ADM1":
        return False
    return p.iso2 == a.iso2 and p.admin1 == a.admin1 and p.feature_code != "ADM1"


def _refine(inc: Incident, places: list[Toponym], said_where: bool = False) -> None:
    """A later "the attack took place in X" makes a vaguer incident place precise; a sentence
    that says where the incident happened ("the attacks ... were carried out in Masasna, a village
    in Hama province") also replaces a place as vague as its own (the lead's "near Idlib
    province")."""
    if not places or (inc.place is not None and inc.place.unlisted):  # a village's name is as precise as it gets
        return
    if inc.place is None or inc.place.precision > places[0].precision or (
            said_where and inc.place.precision >= 3 and places[0].precision >= 3):
        inc.place, inc.place_inherited = places[0], False


def _add(inc: Incident, m: Mention) -> None:
    if m not in inc.mentions:
        inc.mentions.append(m)
    inc.families.update(t.family for t in m.triggers)


def _place_into(
    incidents: list[Incident],
    m: Mention,
    place: Toponym | None,
    date_: DateMention | None,
    published: date | None,
    inherited: bool,
) -> Incident:
    """The incident of this day and place that ``m`` belongs to, opened if there is none."""
    day = date_.value if date_ else published
    for inc in reversed(incidents) if not m.separate else ():
        if inc.day(published) == day and same_place(inc.place, place) and compatible(inc, m):
            _add(inc, m)
            if inc.date is None and m.date is not None:  # the day a headline left open, now stated: a later
                inc.date = m.date  # "the October 13 attack" is another incident, not the day of this one
            return inc
    inc = Incident([], place, date_, place_inherited=inherited)
    _add(inc, m)
    incidents.append(inc)
    return inc


STRATEGIC = frozenset({"strategic", "agreement"})


def compatible(inc: Incident, m: Mention) -> bool:
    """A strategic development (an evacuation, an arrest) reported beside violence at the same
    place and day is its own event (ACLED's unit rule: one type per event), not part of the fight."""
    fams = {t.family for t in m.triggers}
    return (fams <= STRATEGIC) == (inc.families <= STRATEGIC)


def same_place(a: Toponym | None, b: Toponym | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a.unlisted or b.unlisted:  # a village the gazetteer lacks is not the town it stands in at
        return a.unlisted and b.unlisted and same_spelling(a.text, b.text)
    if a.place is None or b.place is None:
        return a.text.casefold() == b.text.casefold()
    if a.place.geonameid is not None and a.place.geonameid == b.place.geonameid:
        return True
    if fold(a.place.name) == fold(b.place.name) and a.place.admin1 == b.place.admin1:
        return True  # Herat province and Herat city, Herāt and Herat
    return distance_km(a, b) <= SAME_PLACE_KM


SPELLING_RATIO = 85  # "Urom al-Joz" / "Urum al-Joz": one village transliterated twice


def same_spelling(a: str, b: str) -> bool:
    """Two spellings of one name the gazetteer does not hold (folded, then near-equal)."""
    from rapidfuzz.fuzz import ratio

    fa, fb = fold(a), fold(b)
    return fa == fb or (min(len(fa), len(fb)) >= 6 and ratio(fa, fb) >= SPELLING_RATIO)


def distance_km(a: Toponym, b: Toponym) -> float:
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return math.inf
    return haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude)


def join_undated_leads(incidents: list[Incident]) -> list[Incident]:
    """A lead that only refers to the story's incident ("The attack in Idlib province claimed the
    lives of 27 children, UNICEF said on Thursday") and names no day of it joins the incident a
    later sentence dates at the same place ("On Tuesday, ... a chemical attack in Idlib province")."""
    if len(incidents) < 2:
        return incidents
    lead, rest = incidents[0], incidents[1:]
    if lead.date is not None or not lead.mentions[0].opens_referring or any(m.date for m in lead.mentions):
        return incidents
    host = next((o for o in rest if o.date is not None and not o.mentions[0].separate
                 and same_place(lead.place, o.place) and _violent(lead) == _violent(o)), None)
    if host is None:
        return incidents
    for m in lead.mentions:
        _add(host, m)
    host.mentions.sort(key=lambda m: m.start)
    return rest


def _violent(inc: Incident) -> bool:
    return not inc.families <= STRATEGIC


def fold_containers(incidents: list[Incident], published: date | None) -> list[Incident]:
    """Fold an incident placed at a city or province into a more specific one nearby, same day.

    "Strikes on south Damascus" followed by strikes on three named neighbourhoods is three
    events, not four: the city-level mention is a summary of the specific ones.
    """
    kept: list[Incident] = []
    folded: set[int] = set()  # never fold into an incident already folded away (two that contain each other)
    for inc in incidents:
        host = None if inc.mentions[0].separate else next(
            (o for o in incidents if o is not inc and id(o) not in folded and _contains(inc, o, published)
             and not _news_between(inc, o, incidents, published)), None)
        if host is None:
            kept.append(inc)
        else:
            folded.add(id(inc))
            for m in inc.mentions:
                _add(host, m)
    for inc in kept:
        inc.mentions.sort(key=lambda m: m.start)
    return kept


def _news_between(big: Incident, small: Incident, incidents: list[Incident], published: date | None) -> bool:
    """Other news told between a summary and a later incident: the summary's details follow it (or
    each other), so an incident after the story moved on to other news (Manbij, then clashes
    around a camp near Aleppo) is not one of them."""
    lo, hi = max(m.start for m in big.mentions), small.mentions[0].start
    return any(lo < o.mentions[0].start < hi and not _contains(big, o, published)
               for o in incidents if o is not big and o is not small)


def _contains(big: Incident, small: Incident, published: date | None) -> bool:
    """A summary comes before its details: the city-level incident is told first."""
    if big.day(published) != small.day(published) or not (big.families & small.families):
        return False
    if big.mentions[0].start > small.mentions[0].start:
        return False  # "In the capital Mogadishu, ..." after an Afgoye blast is news of its own
    if big.place is None or big.place.place is None:
        return small.place is not None and small.place.place is not None  # a placeless summary of it
    if small.place is None or small.place.place is None:
        return False
    bp, sp = big.place.place, small.place.place
    if bp.feature_class == "P" and any(m.counts_dead and m.start > small.mentions[0].start for m in big.mentions):
        return False  # "a missile also hit the port on Monday, killing one" after the town's news
    broader = bp.feature_class == "A" or bp.population > max(10 * sp.population, 100_000)
    told_apart = not {id(m) for m in big.mentions} & {id(m) for m in small.mentions}
    if told_apart and bp.feature_class == "P" and sp.feature_class == "P" and bp.admin2 and sp.admin2 \
            and bp.admin2 != sp.admin2:
        return False  # a town of another district, told in sentences of its own, has news of its own
    return broader and distance_km(big.place, small.place) <= CONTAINS_KM


def settle_areas(incidents: list[Incident], towns: list[Toponym]) -> None:
    """An incident known only by its province takes the one town the report later places news
    in inside that province ("an armed group invaded a Guanajuato bar ... the bar, located in
    Jaral del Progreso"). Nothing changes when the report names several such towns or the town
    is another incident's place."""
    taken = {inc.place.place.geonameid for inc in incidents if inc.place and inc.place.place}
    for inc in incidents:
        top = inc.place
        area = top.place if top else None
        if top is None or area is None or top.unlisted or not (area.feature_class == "A" or top.precision >= 3
                                               or _named_like_province(area)):
            continue
        inside = {t.place.geonameid: t for t in towns if t.place and t.start > inc.mentions[0].start
                  and t.place.feature_class == "P" and t.place.iso2 == area.iso2 and t.place.admin1 == area.admin1
                  and t.place.geonameid not in taken}
        if len(inside) == 1:
            inc.place, inc.place_inherited = next(iter(inside.values())), False


def _named_like_province(p: Place) -> bool:
    """A province's capital named like it ("a Guanajuato bar"): the name may mean either."""
    return p.feature_code == "PPLA" and fold(p.name) == fold(p.admin1)
