"""Turn incidents into Event rows: type, actors, place, date, fatalities, evidence, confidence."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sitrep.model import ActorMention, Casualty, Event, Evidence, Toponym
from sitrep.pipeline.arbiter import arbitrate
from sitrep.pipeline.incidents import Incident
from sitrep.pipeline.mentions import Mention, says_also
from sitrep.pipeline.roles import Roles, air_owner, assign, split_roles
from sitrep.pipeline.tolls import Toll, incident_toll
from sitrep.vocab import SUB_EVENT_TYPES, interaction_code

NON_CIVILIAN_INTERS = (1, 2, 3, 4, 8)
_PEOPLE = (r"(?:protesters|protestors|demonstrators|participants|activists|marchers|students|people|leaders?|"
           r"organi[sz]ers|members|supporters|workers)")
_ARRESTS = re.compile(  # demonstrators arrested at the protest: the police intervened
    rf"\b(?:arrested|detained|rounded up)\s+(?:at least\s+|more than\s+)?(?:\w+\s+){{0,2}}{_PEOPLE}\b"
    rf"|\b{_PEOPLE}\s+(?:\w+\s+){{0,3}}(?:were|was|had been|have been)\s+(?:\w+ly\s+)?(?:arrested|detained)\b"
    r"|\b(?:police|officers|security forces|authorities),?\s+(?:however,?\s+|then\s+|later\s+)?(?:\w+\s+){0,2}"
    r"(?:arrested|detained)\b"
    r"|\b(?:was|were)\s+(?:arrested|detained)\s+(?:\w+\s+){0,3}?(?:at|during|after\s+joining|while\s+(?:joining|leading|"
    r"attending))\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:rally|protest|demonstration|march|sit-in)\b",
    re.I,
)
_TWO_SIDED = re.compile(
    r"clash|fought|fighting|battl|gun ?battle|shoot-?out|exchang|fire ?fight|skirmish|encounter", re.I
)
PRIOR_OFF_FAMILY = 0.25
PRIOR_OFF_WEAPON = 0.005
TERRITORY_BATTLES = ("Government regains territory", "Non-state actor overtakes territory")
SETTLED = {"Agreement"}  # trigger words that name this type settle it like a named weapon
# Trigger words that define the type outright, however little the typer has seen of it: "set up a
# base" is a base established whatever else the sentence says (ACLED's notes hardly ever code one).
DEFINED = {"Headquarters or base established", "Non-violent transfer of territory"}  # and a handover


@dataclass(frozen=True)
class DocContext:
    """What the assembler needs to know about the whole document."""

    text: str
    published: date | None
    country: str
    main_agent: ActorMention | None


def choose_type(proba: dict[str, float], allowed: set[str]) -> tuple[str, float]:
    """The sub-event type: the typer's probabilities weighted by the trigger lexicon's prior.
    A named weapon (shells, barrel bombs, an IED) settles the type almost alone."""
    if allowed and allowed <= DEFINED:
        best = max(sorted(allowed), key=lambda s: proba.get(s, 0.0))
        return best, max(proba.get(best, 0.0), 0.5)
    weapon = bool(allowed) and (all(SUB_EVENT_TYPES[s] == "Explosions/Remote violence" for s in allowed)
                                or allowed == SETTLED)  # a named weapon, or "the truce took effect"
    off = PRIOR_OFF_WEAPON if weapon else PRIOR_OFF_FAMILY
    scored = {s: p * (1.0 if s in allowed or not allowed else off) for s, p in proba.items()}
    best = max(scored, key=lambda s: scored[s])
    total = sum(scored.values()) or 1.0
    return best, scored[best] / total


def correct_for_targets(sub: str, actors: list[ActorMention], casualty_sides: set[str], two_sided: bool = False) -> str:
    """ACLED's definitions: violence against civilians has civilian victims; deaths only among
    soldiers and fighters make a clash, and a "clash" that killed only civilians was an attack,
    unless the text says two sides fought ("clans clashed", "fighting between": communal militias,
    not an attack on civilians)."""
    armed_targets = [a for a in actors if a.inter in NON_CIVILIAN_INTERS and not a.implicit]
    if sub == "Attack" and casualty_sides and casualty_sides <= {"state", "armed"} and len(armed_targets) >= 1:
        return "Armed clash"
    if sub == "Armed clash" and not armed_targets and casualty_sides == {"civilians"} and not two_sided:
        return "Attack"
    return sub


def demonstration_by_conduct(sub: str, families: set[str]) -> str:
    """ACLED's line between demonstration types: demonstrators who riot (burning tyres, stoning,
    vandalism) make a violent demonstration, whatever force met them (excessive force is force
    against peaceful demonstrators); a peaceful one met by tear gas or dispersal is a protest with
    intervention."""
    if sub not in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"):
        return sub
    if "riot" in families:
        return "Violent demonstration"  # force met demonstrators who rioted: still a riot
    return "Protest with intervention" if sub == "Peaceful protest" and "intervention" in families else sub


def force_on_protesters(sub: str, actors: list[ActorMention], text: str, trigger_start: int) -> str:
    """Violence done to demonstrators is excessive force against protesters, not an attack on
    civilians ("two anti-coup demonstrators were killed by army fire")."""
    if sub != "Attack":
        return sub
    _, patients = split_roles([a for a in actors if not a.implicit], text, trigger_start)
    return "Excessive force against protesters" if any(a.inter == 6 for a in patients) else sub


def riot_by_actor(sub: str, actors: list[ActorMention], text: str, trigger_start: int) -> str:
    """Rioters who fight make a riot, not a battle or an attack: a mob or party supporters who
    clash with police is a violent demonstration, with anyone else mob violence. Only when the
    rioters act (the first named agent: "a TMC member was attacked" is no riot) and the text
    names no armed group (gunmen beside a mob keep the armed group's event)."""
    if sub not in ("Armed clash", "Attack"):
        return sub
    named = [a for a in actors if not a.implicit]
    agents, _ = split_roles(named, text, trigger_start)
    lead = next((a for a in agents if a.inter != 7), None)  # people named before the verb are mostly its victims
    if lead is None or lead.inter != 5 or any(a.inter in (2, 3, 4) for a in named):
        return sub
    return "Violent demonstration" if any(a.inter == 1 for a in actors) else "Mob violence"


# A sexual act done to someone (not "a rape case", "the suspected rapist", "protesting the rape of").
_SEXUAL_ACT = re.compile(
    r"\b(?:gang[- ]?)?rap(?:ed|ing)\b|\b(?:sexually\s+)?(?:molest(?:ed|ing)|sexually\s+(?:assault|abus|violat)\w*)"
    r"|\b(?:stripped|undressed)\b(?:\s+\w+){0,3}\s+naked\b"
    r"|\b(?:men|soldiers|gunmen|militants|fighters|officers|police(?:men)?|troops|he|they|who)\s+(?:\w+\s+){0,2}rapes\b",
    re.I,
)
_RAPE_ONLY_NAMED = re.compile(
    r"\brapists?\b|\brape\s+(?:case|suspects?|charges?|accused|trial)\b|\b(?:accused|suspected|convicted)\s+of\s+(?:\w+\s+)?rape\b",
    re.I,
)


def sexual_violence_by_act(sub: str, text: str, proba: dict[str, float]) -> str:
    """ACLED's sexual violence is an attack on civilians that includes a sexual act ("raped and
    killed a woman" is sexual violence, not an attack). A text that names rape only as a charge
    or a person ("the suspected rapist", "a rape case") reports no such act: the typer's next
    type stands."""
    act = _SEXUAL_ACT.search(text)
    if sub == "Attack" and act:
        return "Sexual violence"
    if sub == "Sexual violence" and not act and _RAPE_ONLY_NAMED.search(text):
        rest = {s: p for s, p in proba.items() if s != sub}
        return max(rest, key=lambda s: rest[s]) if rest else sub
    return sub


_LETHAL_FORCE = re.compile(
    r"\blive\s+(?:ammunition|bullets?|rounds|fire)\b"
    r"|\bfir(?:e|es|ed|ing)\s+(?:live|rifles|guns|gunshots|bullets|shots)\b(?!\s+(?:in|into)\s+the\s+air)"
    r"|\bopen(?:ed)?\s+fire\s+(?:on|at)\b|\bshot\s+(?:dead|and\s+killed)\b"
    r"|\b(?:protesters?|protestors?|demonstrators?|marchers?|students?)\s+(?:\w+\s+){0,3}(?:was|were)\s+(?:killed|shot)\b",
    re.I,
)


def excessive_force(sub: str, text: str, families: set[str] | frozenset[str] = frozenset()) -> str:
    """A demonstration broken up with lethal force (live ammunition, demonstrators shot or killed)
    is excessive force against protesters, not a protest with intervention (ACLED: force likely
    to cause serious injury or death against demonstrators who were not rioting). A "violent"
    demonstration whose text tells no violence by the demonstrators (no riot or fighting words)
    was met with that force, too."""
    if sub == "Violent demonstration" and families & {"riot", "clash"}:
        return sub  # demonstrators who rioted or fought ("running battles with police")
    if sub in ("Protest with intervention", "Violent demonstration") and _LETHAL_FORCE.search(text):
        return "Excessive force against protesters"
    return sub


_BEFORE_BLAST = re.compile(
    r"\bbefore\s+(?:he|she|they|it|the\s+\w+)\s+(?:could\s+|was\s+able\s+to\s+|were\s+able\s+to\s+|managed\s+to\s+)?"
    r"(?:detonat\w*|blow\w*|blew|carr(?:y|ied)\s+out|reach\w*|explod\w*|trigger\w*|set\s+off)(?:\s+\w+){0,4}",
    re.I,
)
_STOPPED_BOMBER = re.compile(
    r"\bwould-be\s+suicide\b"
    r"|\b(?:shot|killed|gunned\s+down|arrested|captured|intercepted|neutrali[sz]ed|foiled)\s+(?:\w+\s+){0,4}suicide\s+(?:bomber|attacker)s?\b"
    r"|\bsuicide\s+(?:bomber|attacker)s?\s+(?:was|were)\s+(?:shot|killed|arrested|captured|intercepted|neutrali[sz]ed)",
    re.I,
)
_BLAST = re.compile(
    r"\b(?:detonat(?:ed|ing)|blew\s+(?:\w+self|themselves|\w+)?\s*up|explo(?:ded|sions?)|blasts?)\b", re.I
)


def prevented_blast(sub: str, text: str, proba: dict[str, float]) -> str:
    """A suicide bomber stopped before the blast ("soldiers shot a suicide bomber before he could
    detonate his vest") makes no suicide bombing: the fight that stopped him is a clash, and a
    bomber caught without a fight a disrupted weapons use, whichever the typer prefers. A blast
    the text tells besides ("... killed seven, including the suicide bomber") still stands."""
    if sub != "Suicide bomb":
        return sub
    told = _BEFORE_BLAST.sub(" ", text)
    if len(told) == len(text) and not _STOPPED_BOMBER.search(text) or _BLAST.search(told):
        return sub
    return max(("Armed clash", "Disrupted weapons use"), key=lambda s: proba.get(s, 0.0))


_POST = r"(?:barracks|(?:military|army|police)\s+(?:base|camp|post|position|outpost|station)s?|base|camp|outpost)"
_RAIDED = re.compile(
    rf"\b(?:overr(?:an|un)|took\s+(?:full\s+)?control\s+of|seized|captured|stormed)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){{0,2}}{_POST}\b"
    rf"|\b{_POST}\s+(?:was|were|had\s+been)\s+overr(?:an|un)\b"
    rf"|\b(?:army|military)\s+positions?\s+(?:was|were)\s+overr(?:an|un)\b",
    re.I,
)
_RAID_SPOILS = re.compile(
    r"\b(?:seized|looted|took|carried\s+off|made\s+off\s+with|stole|captured)\s+(?:\w+[,\s]+){0,6}"
    r"(?:arms|weapons|ammunition|vehicles|motorbikes|motorcycles|equipment|guns|rifles)\b"
    r"|\b(?:set|sets)\b[^.;]{0,60}\b(?:ablaze|on\s+fire|alight)|\b(?:burn(?:ed|t)|destroyed|detonated|blew\s+up)\s+"
    r"(?:the\s+)?(?:facility|base|barracks|camp|post|buildings?)",
    re.I,
)


def raid_on_post(sub: str, text: str) -> str:
    """ACLED's line between a raid and a conquest: militants who overrun a military post, carry
    off its weapons and vehicles or burn it, and leave, fought an armed clash; they overtake
    territory when they hold the place (a town, a district: "took control of the town")."""
    if sub == "Non-state actor overtakes territory" and _RAIDED.search(text) and _RAID_SPOILS.search(text):
        return "Armed clash"
    return sub


_COMMUNAL = re.compile(
    r"\bcommunal\s+(?:clash|violence|riot|tension|flare-up)\w*"
    r"|\b(?:at|on|during|targeting)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:religious\s+)?"
    r"(?:procession|congregation|wedding|funeral|festival|pilgrimage)s?\b",
    re.I,
)


def mob_without_demonstration(sub: str, text: str, families: set[str]) -> str:
    """Rioting that tells no demonstration but a communal fight, or an attack on a procession or a
    feast ("stones were hurled at a religious procession"), is mob violence: ACLED's violent
    demonstration is a demonstration that turned violent."""
    if sub == "Violent demonstration" and "protest" not in families and _COMMUNAL.search(text):
        return "Mob violence"
    return sub


_REPELLED = re.compile(
    r"\b(?:push(?:ed|ing)?|drove|driven|beat|beaten|forced)\s+back\s+(?:the\s+)?(?:\w+\s+){0,2}"
    r"(?:insurgents|militants|rebels|fighters|attackers|assailants|gunmen|militiamen|enemy|them)\b"
    r"|\b(?:repel(?:led)?|repulsed)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:attacks?|assaults?|insurgents|militants|rebels|fighters|"
    r"attackers|assailants|gunmen|enemy)\b",
    re.I,
)


def repelled_takeover(sub: str, text: str) -> str:
    """Ground taken and lost again in the same fight ("claimed to have seized the checkpoints, but
    police pushed back the insurgents and regained control") changed no control: an armed clash."""
    if sub in TERRITORY_BATTLES and _REPELLED.search(text):
        return "Armed clash"
    return sub


def definitional_types(sub: str, text: str, proba: dict[str, float], families: set[str]) -> str:
    """The codebook's definitions that hinge on one told fact of the incident's ``text``."""
    sub = sexual_violence_by_act(sub, text, proba)
    sub = excessive_force(sub, text, families)
    sub = prevented_blast(sub, text, proba)
    sub = mob_without_demonstration(sub, text, families)
    sub = repelled_takeover(sub, text)
    return raid_on_post(sub, text)


def territory_needs_transfer(sub: str, families: set[str]) -> str:
    """ACLED's territory battles tell a change of control; a battle whose text says none ("battled
    to regain control", "took over four patrol cars") is an armed clash."""
    return "Armed clash" if sub in TERRITORY_BATTLES and "territory" not in families else sub


def base_by_actor(sub: str, roles: Roles) -> str:
    """ACLED's "headquarters or base established" is a non-state group's; state forces that set up
    a base changed their activity (a deployment)."""
    return "Change to group/activity" if sub == "Headquarters or base established" and roles.inter1 == 1 else sub


_WITHDREW = re.compile(r"\b(?:withdr(?:ew|awn)|retreated|pulled\s+out|abandoned)\b", re.I)


def regainer_first(sub: str, roles: Roles, text: str) -> Roles:
    """Ground the state regains from a group that withdrew ("the militia withdrew from the town as
    government soldiers recaptured it"): the state forces, named second, are the ones who took it."""
    if sub != TERRITORY_BATTLES[0] or roles.inter1 == 1 or roles.inter2 != 1 or not _WITHDREW.search(text):
        return roles
    return replace(roles, actor1=roles.actor2, inter1=roles.inter2, actor2=roles.actor1, inter2=roles.inter1,
                   assoc1="", quote1=roles.quote2, quote2=roles.quote1)


_NO_CASUALTIES = re.compile(r"\bno\s+(?:casualties|injuries|one\s+was\s+(?:hurt|injured))|"
                           r"\bcasualties\s+(?:are\s+|were\s+|remain\s+)?unknown|\bnobody\s+was\s+(?:hurt|injured)",
                           re.IGNORECASE)
_REMOTE = frozenset({"Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Grenade",
                     "Air/drone strike"})
NO_CASUALTIES_AFTER = 200  # "A bomb exploded at the market. No casualties were reported.": the next sentence


def unharmed_civilians(sub: str, roles: Roles, toll: Toll, text: str, inc: Incident) -> Roles:
    """A blast or shelling the report says harmed no one has no civilian target (ACLED leaves actor2 empty
    in 1,182 of the 1,248 such acled-train notes that name no armed target): "a bomb exploded at the ward
    administrator's house. No casualties reported."; nor are forces that only came afterwards its target
    ("After the explosion, military forces opened fire")."""
    if sub not in _REMOTE or roles.inter2 not in (1, 7) or toll.total:
        return roles
    lo, hi = inc.mentions[0].start, max(m.end for m in inc.mentions)
    if not _NO_CASUALTIES.search(text, lo, min(len(text), hi + NO_CASUALTIES_AFTER)) or _HURT.search(text, lo, hi):
        return roles
    q = roles.quote2
    if roles.inter2 == 1 and (q is None or inc.mentions[0].start <= q.start < inc.mentions[0].end):
        return roles  # a state force the blast's own clause names: "a bomb hit the army post"
    if roles.inter2 == 7 and q is not None and _AIMED_AT.search(text, max(0, q.start - 30), q.start):
        return roles  # "fired at civilians", "targeted at a group of people": the civilians were the target
    return replace(roles, actor2="", inter2=0, quote2=None)


_HURT = re.compile(r"\b(?:injuring|wounding|injured|wounded|hurt)\b(?<!no injured)", re.IGNORECASE)
_AIMED_AT = re.compile(r"\b(?:at|on|targeting|targeted)\s+(?:a\s+group\s+of\s+|the\s+|some\s+)?$", re.IGNORECASE)


def attacker_by_cues(roles: Roles, actors: Any, country: str, told: str) -> Roles:
    """An unnamed attacker whose report tells the marks of a kind ("individuals on a motorcycle opened fire
    (drive-by)" in Mexico: an unidentified gang; see ``ActorNaming.by_cues``)."""
    kind = actors.by_cues(roles.actor1, country, told) if roles.actor1 else None
    return roles if kind is None else replace(roles, actor1=kind[0], inter1=kind[1])


def territory_by_actor(sub: str, roles: Roles) -> str:
    """Who took the ground decides the type: state forces regain, anyone else overtakes."""
    if sub not in TERRITORY_BATTLES:
        return sub
    return TERRITORY_BATTLES[0] if roles.inter1 == 1 else TERRITORY_BATTLES[1]


def build_event(
    inc: Incident,
    doc: DocContext,
    sub: str,
    confidence: float,
    actors: Any,
    side_of: Any,
    gazetteer: Any,
    key_trigger: Any = None,
    proba: dict[str, float] | None = None,
) -> Event:
    """One Event row for an incident; ``key_trigger`` is the word its type and roles hinge on,
    ``proba`` the typer's probabilities for it (the arbiter reads them; without them it stays out)."""
    country = _country(inc.place, doc.country)
    told = " ".join(doc.text[m.start : m.end] for m in inc.mentions)
    mention_actors = [localise(a, country) for m in inc.mentions for a in m.actors]
    toll = mentions_toll(inc, inc.mentions, doc.text, side_of)
    sides = {s for s, n in toll.by_side if n}
    trig = key_trigger or inc.mentions[0].triggers[0]
    two_sided = any(_TWO_SIDED.search(t.text) for m in inc.mentions for t in m.triggers)
    sub = correct_for_targets(sub, mention_actors, sides, two_sided)
    arrests = any(_ARRESTS.search(doc.text, m.start, m.end) for m in inc.mentions)
    fought = {"riot"} if two_sided and any(a.inter == 6 for a in mention_actors) else set()  # demonstrators clashed
    conduct = demonstration_by_conduct(sub, inc.families | ({"intervention"} if arrests else set()) | fought)
    sub = riot_by_actor(conduct, mention_actors, doc.text, trig.start)
    sub = force_on_protesters(sub, mention_actors, doc.text, trig.start)
    if proba is not None:
        sub = arbitrate(sub, inc, doc.text, mention_actors, toll, two_sided, trig, side_of, proba)  # SITREP_ARBITER
    sub = definitional_types(sub, told, proba or {}, inc.families)
    sub = territory_needs_transfer(sub, inc.families)
    day = inc.day(doc.published)

    def state(c: str) -> tuple[str, int]:
        return actors.state_forces(c, day)

    roles = assign(
        sub,
        mention_actors,
        doc.text,
        _act_position(inc.mentions[0]),
        country,
        generic=actors.generic,
        state=state,
        fallback_agent=_named_before(doc.main_agent, inc),
        cause_start=_told_after(inc.mentions[0]),
    )
    if sub == "Air/drone strike":
        roles = air_owner(roles, mention_actors, doc.text, trig.start, actors.canonical_country, state, country)
    roles = regainer_first(sub, roles, told)
    roles = unharmed_civilians(sub, roles, toll, doc.text, inc)
    roles = attacker_by_cues(roles, actors, country, told)
    sub = base_by_actor(territory_by_actor(sub, roles), roles)
    ev = Event(event_date="", event_type=SUB_EVENT_TYPES[sub], sub_event_type=sub)
    _set_date(ev, inc, doc)
    _set_actors(ev, roles, sub)
    _set_place(ev, inc.place, country, gazetteer)
    _set_toll(ev, toll, roles, side_of)
    ev.confidence = round(confidence * (1.0 if inc.place and not inc.place_inherited else 0.8), 3)
    ev.evidence = _evidence(doc.text, inc, roles, toll, trig)
    ev.notes = describe(ev)
    return ev


_GENERIC = re.compile(r"^(Civilians|Protesters|Rioters|Unidentified [A-Za-z ]+?) \((.+)\)$")


def localise(a: ActorMention, country: str) -> ActorMention:
    """Generic actors take the country of the event ("Palestinian refugees" killed in Damascus
    are Civilians (Syria)), as ACLED names them."""
    m = _GENERIC.match(a.name)
    if not m or not country or m.group(2) == country:
        return a
    return replace(a, name=f"{m.group(1)} ({country})", country=country)


def _act_position(mention: Mention) -> int:
    """Where the act is told, which splits agents from targets: its first trigger, not a coder's label
    opening a note ("Property destruction: ... Israeli forces razed lands", where every actor follows the
    label); a note with only the label tells the act after its actors ("ACTOR burned OBJECT")."""
    labels = [t for t in mention.triggers if t.family.startswith("coded_")]
    act = next((t for t in mention.triggers if not any(lb.start <= t.start < lb.end for lb in labels)), None)
    return act.start if act is not None else mention.end


def _told_after(mention: Mention) -> int | None:
    """Where the act that caused a death told first is named: "civilians were martyred as terrorists
    shelled X", "were killed in rebel shelling" ("shelled", "shelling"); None when the mention opens with
    the act itself."""
    first = mention.triggers[0] if mention.triggers else None
    if first is None or first.family != "violence" or not _RESULT_ONLY.fullmatch(first.text):
        return None
    cause = next((t for t in mention.triggers[1:] if t.family != "violence" and not t.family.startswith("coded_")
                  and t.start > first.end), None)
    return None if cause is None or _DEFENCE.match(cause.text) else cause.start


_DEFENCE = re.compile(r"repel|repuls", re.IGNORECASE)  # "killed when police repulsed their attack": not the attacker
_RESULT_ONLY = re.compile(r"(?:(?:were|was|been|got)\s+martyred|kill(?:ed|ing|s)?|slain)", re.IGNORECASE)


def mentions_toll(inc: Incident, mentions: list[Mention], text: str, side_of: Any) -> Toll:
    """The deaths the incident's ``mentions`` report, each sentence's share of a toll it gives for
    several places, and whether it adds to the counts before it ("also", "another five")."""
    counts = ((shared_counts(m.casualties, inc.shares.get(m.start), inc.own_count.get(m.start)), says_also(text, m))
              for m in mentions)
    return incident_toll(counts, side_of)


def shared_counts(casualties: list[Casualty], share: tuple[int, int] | None, own: int | None = None) -> list[Casualty]:
    """A toll one sentence gives for several places ("strikes on X, Y and Z killed 7") is split
    between their events as ACLED does: evenly, the remainder to the first places; a place the
    sentence gives its own count ("12 in Saraqib and five in Binnish") keeps that count alone."""
    if own is not None:
        return [c for i, c in enumerate(casualties) if i == own or c.kind != "killed"]
    if share is None:
        return casualties
    i, k = share
    return [replace(c, count=c.count // k + (1 if i < c.count % k else 0)) for c in casualties]


def _country(place: Toponym | None, hint: str) -> str:
    if place is not None and place.place is not None and place.place.country:
        return place.place.country
    return hint


def _set_date(ev: Event, inc: Incident, doc: DocContext) -> None:
    day = inc.day(doc.published)
    ev.event_date = day.isoformat() if day else ""
    ev.time_precision = inc.date.precision if inc.date else (1 if doc.published else 3)


def _set_actors(ev: Event, roles: Roles, sub: str) -> None:
    ev.actor1, ev.inter1, ev.actor2, ev.inter2 = roles.actor1, roles.inter1, roles.actor2, roles.inter2
    ev.assoc_actor_1 = roles.assoc1
    ev.interaction = interaction_code(roles.inter1, roles.inter2)
    if roles.inter2 == 7 and SUB_EVENT_TYPES[sub] in ("Violence against civilians", "Explosions/Remote violence"):
        ev.civilian_targeting = "Civilian targeting"


def _set_place(ev: Event, top: Toponym | None, country: str, gazetteer: Any) -> None:
    ev.country = country
    ev.iso = gazetteer.iso_numeric(country) if gazetteer is not None and country else None
    if top is None or top.place is None:
        centre = _fallback_place(gazetteer, country)
        if centre is not None:
            ev.location, ev.latitude, ev.longitude = centre.name, centre.latitude, centre.longitude
            ev.admin1, ev.admin2 = centre.admin1, centre.admin2
        ev.geo_precision = 3
        return
    p = _seat_of_province(top.place, gazetteer, top.text)
    ev.location, ev.latitude, ev.longitude = p.name, p.latitude, p.longitude
    if top.unlisted:  # a village the gazetteer lacks: its name, at the known place it lies near
        ev.location = top.text
    ev.admin1, ev.admin2 = p.admin1, p.admin2
    ev.geo_precision = top.precision


def _seat_of_province(p: Any, gazetteer: Any, written: str = "") -> Any:
    """ACLED codes an event known only by its province at the province's capital (the capital of
    the part the report names, for a split province: "Shan-North state")."""
    if gazetteer is None or p.feature_code != "ADM1":
        return p
    split_part = getattr(gazetteer, "split_part", None)
    part = split_part(written, p.iso2) if split_part and written else None
    seat = gazetteer.admin1_seat(part or p.admin1 or p.name, p.country)
    return seat or p


def _fallback_place(gazetteer: Any, country: str) -> Any:
    """Where an event is put when its report names no place: the capital, where reporting
    concentrates (ACLED's notes fall within 200 km of it more often than of the country's
    centre), else the centre; geo_precision 3 either way."""
    if gazetteer is None or not country:
        return None
    capital = getattr(gazetteer, "capital", None)
    return (capital(country) if capital else None) or gazetteer.country(country)


def _set_toll(ev: Event, toll: Toll, roles: Roles, side_of: Any) -> None:
    ev.fatalities = toll.total
    ev.fatalities_low, ev.fatalities_high = toll.low, toll.high
    ev.deaths_civilians = toll.side("civilians")
    side1 = _side_of_inter(roles.inter1)
    side2 = _side_of_inter(roles.inter2)
    ev.deaths_a = toll.side(side1) if side1 not in ("civilians", side2) else 0
    ev.deaths_b = toll.side(side2) if side2 not in ("civilians", side1) else 0
    ev.deaths_unknown = max(0, toll.total - ev.deaths_a - ev.deaths_b - ev.deaths_civilians)


def _side_of_inter(inter: int) -> str:
    return {1: "state", 2: "armed", 3: "armed", 4: "armed", 7: "civilians"}.get(inter, "unknown")


def _evidence(text: str, inc: Incident, roles: Roles, toll: Toll, trig: Any) -> list[Evidence]:
    out = [Evidence("sub_event_type", trig.text, trig.start, trig.end)]
    if inc.date is not None:
        out.append(Evidence("event_date", inc.date.text, inc.date.start, inc.date.end))
    if inc.place is not None:
        out.append(Evidence("location", inc.place.text, inc.place.start, inc.place.end))
    for fld, q in (("actor1", roles.quote1), ("actor2", roles.quote2)):
        if q is not None:
            out.append(Evidence(fld, q.text, q.start, q.end))
    out.extend(_casualty_evidence(c) for c in toll.quotes)
    return [e for e in out if text[e.start : e.end] == e.quote]


def _casualty_evidence(c: Casualty) -> Evidence:
    return Evidence("fatalities", c.text, c.start, c.end)


def describe(ev: Event) -> str:
    """A one-sentence note in the style of ACLED's."""
    where = ", ".join(x for x in (ev.location, ev.admin1, ev.country) if x) or "an unknown place"
    against = f" against {ev.actor2}" if ev.actor2 else ""
    toll = f"; {ev.fatalities} reported fatalities" if ev.fatalities else ""
    when = f"On {ev.event_date}" if ev.event_date else "On an unknown date"
    return f"{when}, {ev.sub_event_type.lower()} by {ev.actor1}{against} in {where}{toll}."


def _named_before(agent: ActorMention | None, inc: Incident) -> ActorMention | None:
    """The report's main group as the referent of an incident's unnamed perpetrator, only when
    the report has named it by then: an anaphor points back ("... the militant group"), and a
    group the last paragraph recalls ("Al-Qaeda's front group had threatened ...") did not carry
    out the bombings told before it."""
    return agent if agent is not None and agent.start < inc.mentions[-1].end else None


def main_agent(actors: list[ActorMention]) -> ActorMention | None:
    """The armed group a report is mostly about: the referent of 'the militant group'."""
    counts = Counter(a.name for a in actors if a.inter in (2, 3, 4) and not a.implicit and "Unidentified" not in a.name)
    if not counts:
        return None
    name = counts.most_common(1)[0][0]
    return next(a for a in actors if a.name == name)


def merge_restatements(events: list[Event], separate: set[int] | frozenset[int] = frozenset()) -> list[Event]:
    """Drop events that restate another of the same report: same type and country, and the same
    non-zero toll for the same sub-event type on the same day (a headline and its lead placed at a
    city and at a village), or the same place a few days apart where one day was only assumed
    ("... killed in a clash, the military said on Friday"; later: "the clash took place on Thursday
    night"). The event with a stated date, the finer place and the higher confidence stays, with
    the larger toll. Events whose id is in ``separate`` ("In another incident, ...") restate
    nothing and are restated by nothing."""
    kept: list[Event] = []
    for ev in sorted(events, key=lambda e: (not _dated(e), e.geo_precision, -e.confidence)):
        twin = None if id(ev) in separate else next(
            (k for k in kept if id(k) not in separate and _restates(ev, k)), None)
        if twin is None:
            kept.append(ev)
        elif ev.fatalities > twin.fatalities:
            twin.fatalities, twin.fatalities_high = ev.fatalities, max(twin.fatalities_high, ev.fatalities_high)
    order = {id(e): i for i, e in enumerate(events)}
    return sorted(kept, key=lambda e: order[id(e)])


def _restates(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or a.country != b.country or _one_toll_split(a, b):
        return False
    days = (
        abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)
        if a.event_date and b.event_date
        else 99
    )
    assumed = not _dated(a) or not _dated(b)
    same_toll = a.fatalities > 0 and a.fatalities == b.fatalities and a.sub_event_type == b.sub_event_type
    if same_toll and (days == 0 or (assumed and days <= 3)):
        return True
    return assumed and days <= 3 and bool(a.location) and a.location == b.location


def _one_toll_split(a: Event, b: Event) -> bool:
    """Both tolls are shares of one sentence's toll over a list of places ("12 killed in Idlib and
    Aleppo provinces": 6 and 6), not one toll told twice."""
    def spans(e: Event) -> set[tuple[int, int]]:
        return {(ev.start, ev.end) for ev in e.evidence if ev.field == "fatalities"}

    return bool(spans(a) & spans(b))


def _dated(e: Event) -> bool:
    return any(ev.field == "event_date" for ev in e.evidence)
