"""Who did what to whom: pick actor1 and actor2 of an incident as an ACLED coder would.

The rules follow ACLED's codebook: demonstrators are actor1 of protests and riots; violence
against civilians has civilians as actor2; a perpetrator nobody names is an unidentified armed
group; the side that acts (the grammatical agent) comes first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from sitrep.model import ActorMention

_HELD = re.compile(r"^[-\s]?(?:held|controlled|run|occupied|besieged|dominated|linked|affiliated)\b", re.IGNORECASE)
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those)\s+$", re.IGNORECASE)
_IDEOLOGICAL = re.compile(r"\b(?:insurgents?|militants?|jihadists?|extremists?|rebels?|terrorists?)\b", re.IGNORECASE)
_BY = re.compile(r"\b(?:by|from)\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)
BY_AFTER_TRIGGER = 40  # characters from the trigger to an agent named after "by" ("Airstrikes by the US-led coalition")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ot|ght)\b", re.IGNORECASE)

Generic = Callable[[str, str], tuple[str, int]]


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: str = ""
    inter1: int = 0
    actor2: str = ""
    inter2: int = 0
    assoc1: str = ""
    quote1: ActorMention | None = None
    quote2: ActorMention | None = None


def assign(
    sub_event_type: str,
    actors: list[ActorMention],
    text: str,
    trigger_start: int,
    country: str,
    generic: Generic,
    state: Callable[[str], tuple[str, int]],
    fallback_agent: ActorMention | None = None,
    cause_start: int | None = None,
) -> Roles:
    """actor1/actor2 for one incident from the actors its sentences name; ``cause_start``: where the act
    is named when the sentence tells the deaths first (see :func:`cause_agents`)."""
    actors = sorted(actors, key=lambda a: a.implicit)  # actors the text names before those it implies
    agents, patients = split_roles(actors, text, trigger_start)
    if cause_start is not None:
        causers = cause_agents(patients, text, trigger_start, cause_start)
        agents, patients = agents + causers, [a for a in patients if a not in causers]
    if sub_event_type == "Excessive force against protesters":
        return _swap(_demo("protesters", True, actors, country, generic, state(country)))
    if sub_event_type in ("Peaceful protest", "Protest with intervention"):
        return _demo("protesters", sub_event_type != "Peaceful protest", actors, country, generic)
    if sub_event_type in ("Violent demonstration", "Mob violence"):
        return _demo("rioters", True, actors, country, generic, mob=sub_event_type == "Mob violence")
    named = _first(agents, inter_not=(6, 7))
    agent = named
    if agent is None or (fallback_agent is not None and _anaphoric(agent, text)):
        agent = fallback_agent or agent
    if sub_event_type in ("Attack", "Abduction/forced disappearance", "Sexual violence"):
        named_victim = next((a for a in patients if a.inter == 7), None)
        return _roles(agent, named_victim or generic("civilians", country), country, generic)
    act = [] if agent is None or _holds(agent, trigger_start) else [
        a for a in actors if _holds(a, trigger_start)]  # "Airstrikes by the coalition": the act, not a side
    others = [
        a for a in actors
        if a is not named and (agent is None or a.name != agent.name) and not (a.implicit and a.inter == 7)
        and a not in act
    ]
    target = _first(others, inter_not=()) if others else None
    if sub_event_type == "Arrests":
        agent = agent if agent and agent.inter == 1 else None
        return _roles(agent, target, country, generic, default1=state(country))
    if sub_event_type in ("Air/drone strike", "Shelling/artillery/missile attack") and agent is None:
        return _roles(None, target, country, generic, default1=state(country))
    if sub_event_type == "Looting/property destruction" and target is None:  # ACLED: the owners of what was taken
        return _roles(agent, generic("civilians", country), country, generic)
    return _roles(agent, target, country, generic)


def split_roles(
    actors: list[ActorMention], text: str, trigger_start: int
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Agents (before the trigger in an active clause, or after 'by') and patients."""
    passive = _passive(text, trigger_start)
    agents: list[ActorMention] = []
    patients: list[ActorMention] = []
    named_by: list[ActorMention] = []  # "airstrikes by the US-led coalition": the trigger's own agent
    for a in actors:
        if _victim(text, a):
            patients.append(a)  # "two police officers died in a roadside bombing", "a military truck hit a mine"
            continue
        by = bool(_BY.search(text[max(0, a.start - 12) : a.start]))
        before = (a.start < trigger_start or _holds(a, trigger_start)) and not _HELD.match(text[a.end : a.end + 12])
        is_agent = by or (before and not passive)
        (agents if is_agent else patients).append(a)
        if by and a.start - trigger_start <= BY_AFTER_TRIGGER:
            named_by.append(a)
    if named_by and agents and _holds(agents[0], trigger_start):
        agents = named_by + [a for a in agents if a not in named_by]  # the trigger word is no better agent
    return agents, patients


_CAUSE_GAP = re.compile(r"[^,;.:]{0,25}")
_THEIR = re.compile(r"\b(?:their|its|his|her)\b", re.IGNORECASE)


def cause_agents(
    patients: list[ActorMention], text: str, trigger_start: int, cause_start: int
) -> list[ActorMention]:
    """Sides named between a death and the act that caused it, right before the act's word: the act's
    subject or modifier ("civilians were martyred as terrorists shelled X", "killed in rebel shelling",
    "killed when police forces raided"), not a side whose act another repulsed ("repulsed their attack")."""
    return [a for a in patients if trigger_start < a.start and a.end <= cause_start
            and _CAUSE_GAP.fullmatch(text, a.end, cause_start) and not _THEIR.search(text, a.end, cause_start)
            and not _victim(text, a)]


_SUFFERED = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:died|perished|(?:were|was|had been|have been|has been)\s+(?:\w+ly\s+)?"
    r"(?:killed|wounded|injured|martyred|shot|hurt|abducted|kidnapped))\b|\s+(?:lost their lives|lost his life)",
    re.IGNORECASE,
)
# the side a device struck, not the one that laid it: "a military truck hit landmines", "troops stepped on a mine"
_HIT_DEVICE = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?(?:hit|hits|ran\s+over|runs?\s+over|drove\s+over|stepped\s+on|steps?\s+on)\s+"
    r"(?:an?\s+|the\s+|two\s+|three\s+|\d+\s+)?(?:[\w-]+\s+)?(?:(?:land)?mines?|IEDs?|explosive\s+devices?)\b",
    re.IGNORECASE,
)
_CARRIED = re.compile(r"\b(?:carrying|transporting|ferrying)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)  # "a car carrying"


def _holds(a: ActorMention, trigger_start: int) -> bool:
    """The actor's words hold the trigger: implied by it, or "coalition airstrikes"."""
    return a.start <= trigger_start < a.end


def _victim(text: str, a: ActorMention) -> bool:
    """Words around the actor make it the side harmed: it died, its vehicle hit a mine, a car carried it."""
    return bool(_SUFFERED.match(text, a.end) or _HIT_DEVICE.match(text, a.end)
                or _CARRIED.search(text, max(0, a.start - 30), a.start))


_CLAUSE_GAP = re.compile(r"\b(?:as|when|while|after|before|because|since|and|but)\b|[,;]", re.IGNORECASE)


def _passive(text: str, trigger_start: int) -> bool:
    """A passive verb near the trigger in the trigger's own clause ("the post was attacked by"),
    not in a clause joined to it ("one activist was killed as BNP men clashed with police")."""
    for m in _PASSIVE.finditer(text, max(0, trigger_start - 30), trigger_start + 25):
        gap = text[m.end() : trigger_start] if m.end() <= trigger_start else text[trigger_start : m.start()]
        if not _CLAUSE_GAP.search(gap):
            return True
    return False


def _anaphoric(a: ActorMention, text: str) -> bool:
    """'the militant group', 'insurgents': a definite or ideological unnamed group refers back to
    the armed group the report names ("... officials blamed the Taliban")."""
    if not a.name.startswith("Unidentified"):
        return False
    return bool(_DEFINITE.search(text[max(0, a.start - 8) : a.start]) or _IDEOLOGICAL.search(a.text))


def _first(actors: list[ActorMention], inter_not: tuple[int, ...]) -> ActorMention | None:
    return next((a for a in actors if a.inter not in inter_not), None)


def _swap(r: Roles) -> Roles:
    """The side using force first: state forces against protesters."""
    return Roles(r.actor2, r.inter2, r.actor1, r.inter1, quote1=r.quote2, quote2=r.quote1)


def _demo(
    kind: str,
    other_side: bool,
    actors: list[ActorMention],
    country: str,
    generic: Generic,
    default_opponent: tuple[str, int] | None = None,
    mob: bool = False,
) -> Roles:
    name, inter = generic(kind, country)
    named = next((a for a in actors if a.inter in (5, 6)), None)
    sides = [a for a in actors if a.inter == 1 or (a.inter in (2, 3, 4, 8) and not a.implicit)]
    opponent = sides[0] if other_side and sides else None
    if opponent is None and default_opponent is not None:
        return Roles(name, inter, default_opponent[0], default_opponent[1], quote1=named)
    if mob and opponent is None:
        name2, inter2 = generic("civilians", country)
        return Roles(name, inter, name2, inter2, quote1=named)
    return Roles(
        name,
        inter,
        opponent.name if opponent else "",
        opponent.inter if opponent else 0,
        quote1=named,
        quote2=opponent,
    )


def _roles(
    agent: ActorMention | None,
    target: ActorMention | tuple[str, int] | None,
    country: str,
    generic: Generic,
    default1: tuple[str, int] | None = None,
) -> Roles:
    if agent is not None:
        name1, inter1 = agent.name, agent.inter
    else:
        name1, inter1 = default1 or generic("unidentified_armed_group", country)
    if isinstance(target, ActorMention):
        if target.name == name1:
            return Roles(name1, inter1, quote1=agent)
        return Roles(name1, inter1, target.name, target.inter, quote1=agent, quote2=target)
    if isinstance(target, tuple):
        return Roles(name1, inter1, target[0], target[1], quote1=agent)
    return Roles(name1, inter1, quote1=agent)


_JOINED_OWNER = re.compile(r"\b[A-Z][a-z]+\s*(?:,|and|&)\s*$")
_OWNER_BEFORE = re.compile(r"\b([A-Z][a-z]+)(?:'s|’s)?\s+(?:[a-z-]+\s+){0,2}$")


def air_owner(
    roles: Roles,
    actors: list[ActorMention],
    text: str,
    trigger_start: int,
    country_of: Callable[[str], str | None],
    state: Callable[[str], tuple[str, int]],
    home: str,
) -> Roles:
    """Who flew the strike: an air or drone strike is the act of a state's forces far more often
    than of the group the sentence names first ("the ceasefire followed Israel's airstrikes",
    "PDF positions hit by a military air raid"). A named state force, or the country written
    right before the strike ("Israel's intense airstrikes", "Russian air raids"), becomes actor1
    when actor1 is no state force; a named group it displaces becomes actor2. A state force no words name
    (the strike word's own, or the default for an unnamed raid) gives way to the country written right
    before the strike, alone ("Israel's intense airstrikes in Beirut" is not Lebanon's army; "Burkinabe and
    French aircraft" stays the home state's)."""
    if roles.inter1 in (1, 8):
        country = None if _force_named(roles, actors, trigger_start) else _owner_before(
            text, trigger_start, country_of, alone=True)
        if country is None:
            return roles
        name, inter = state(country)
        return roles if name == roles.actor1 else replace(
            roles, actor1=name, inter1=inter if country == home else 8, quote1=None)
    forces = [a for a in actors if a.inter in (1, 8) and not a.implicit]
    if forces:
        name, inter, quote = forces[0].name, forces[0].inter, forces[0]
    else:
        country = _owner_before(text, trigger_start, country_of)
        if country is None:
            return roles
        name, inter = state(country)
        inter = inter if country == home else 8
        quote = None
    if roles.actor1 and not roles.actor1.startswith("Unidentified") and roles.inter1 not in (6, 7):
        return Roles(name, inter, roles.actor1, roles.inter1, quote1=quote, quote2=roles.quote1)
    return Roles(name, inter, roles.actor2, roles.inter2, quote1=quote, quote2=roles.quote2)


def _force_named(roles: Roles, actors: list[ActorMention], trigger_start: int) -> bool:
    """Words name a state force apart from the strike word ("Syrian army airstrikes", "soldiers ... raids")."""
    q = roles.quote1
    if q is not None and not q.implicit and not _holds(q, trigger_start):
        return True
    return any(a.inter in (1, 8) and not a.implicit and not _holds(a, trigger_start) for a in actors)


def _owner_before(text: str, trigger_start: int, country_of: Callable[[str], str | None],
                  alone: bool = False) -> str | None:
    """The country written right before the strike ("Israel's intense airstrikes", "Russian air raids");
    with ``alone``, none when another shares the strike ("Burkinabe and French aircraft")."""
    lo = max(0, trigger_start - 40)
    m = _OWNER_BEFORE.search(text[lo:trigger_start])
    if m is None or (alone and _JOINED_OWNER.search(text[max(0, lo + m.start(1) - 30) : lo + m.start(1)])):
        return None
    return country_of(m.group(1))
