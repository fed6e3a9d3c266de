"""ACLED's vocabulary: event types, sub-event types, inter codes. One source of truth."""

from __future__ import annotations

SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
}

EVENT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(SUB_EVENT_TYPES.values()))

# ACLED inter codes (actor types)
INTER_CODES: dict[int, str] = {
    0: "No actor",
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

GEO_PRECISION = {1: "the place itself", 2: "near the place or part of a region", 3: "only a larger area"}
TIME_PRECISION = {1: "the day", 2: "the week", 3: "the month"}

# ACLED CSV column order for exports; sitrep's own columns follow.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
    "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source_id", "notes", "fatalities",
)
SITREP_COLUMNS: tuple[str, ...] = (
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "fatalities_low",
    "fatalities_high", "confidence",
)


def event_type_of(sub_event_type: str) -> str:
    """The event type a sub-event type belongs to; raises KeyError for an unknown one."""
    return SUB_EVENT_TYPES[sub_event_type]


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: the two inter codes, smaller first (10 + n for a lone actor)."""
    if not inter2:
        return inter1 * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi
