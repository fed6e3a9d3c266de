"""The records sitrep passes between stages.

Every value that comes from a text keeps the character offsets (``start``, ``end``) of its
quote in the article text, so evidence is never reconstructed after the fact.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class Evidence:
    """The quote a field value was read from: ``text[start:end] == quote``."""

    field: str
    quote: str
    start: int
    end: int


@dataclass(slots=True)
class Article:
    """One report, as ingest hands it to the pipeline.

    ``text`` is the full input; ``body_start`` marks where the report's own text begins after
    page furniture (headline, bylines, date stamps) and ``furniture`` lists the skipped spans.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    country: str | None = None
    language: str = "en"
    furniture: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document dropped on purpose, with a reason a user can act on."""

    id: str
    reason: str


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry (GeoNames-shaped)."""

    name: str
    latitude: float
    longitude: float
    country: str  # ACLED-style country name, e.g. "Syria"
    iso2: str = ""  # ISO 3166-1 alpha-2, e.g. "SY"
    admin1: str = ""
    admin2: str = ""
    geonameid: int | None = None
    feature_class: str = ""  # GeoNames class: P populated place, A admin area, ...
    feature_code: str = ""  # GeoNames code: PPLA, ADM1, PCLI, ...
    population: int = 0


ToponymKind = Literal["place", "demonym", "metonym"]


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in a text and, when resolved, the place it names.

    ``precision`` is ACLED's geo_precision: 1 the place itself, 2 near it or part of a region,
    3 only a larger area (a province) is known. ``unlisted`` marks a name the gazetteer does not
    hold ("the village of Kazarahoyo"): its ``place`` is the known place it lies near.
    """

    start: int
    end: int
    text: str
    place: Place | None = None
    kind: ToponymKind = "place"
    score: float = 0.0
    precision: int = 1
    unlisted: bool = False


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved to a calendar day.

    ``precision`` is ACLED's time_precision: 1 the day, 2 the week, 3 the month.
    ``relative`` is True when it was resolved against the publication date.
    """

    start: int
    end: int
    text: str
    value: date
    precision: int = 1
    relative: bool = False


ActorKind = Literal["state", "rebel", "militia", "identity", "rioters", "protesters", "civilians", "external"]


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text, normalised to an ACLED-style name and inter code."""

    start: int
    end: int
    text: str
    name: str  # e.g. "Military Forces of Syria (2000-2024)"
    inter: int  # ACLED inter code 1-8
    country: str = ""
    implicit: bool = False  # implied by an event word ("protested", "a bomb exploded"), not named


CasualtyKind = Literal["killed", "injured", "abducted", "arrested"]


@dataclass(frozen=True, slots=True)
class Casualty:
    """A count of people harmed: "killing at least 25 soldiers" -> count 25, who "soldiers".

    ``low``/``high`` carry UCDP's range when the text gives one; ``vague`` is True for
    counts read from words like "dozens" or from a death reported with no number.
    """

    start: int
    end: int
    text: str
    count: int
    kind: CasualtyKind = "killed"
    who: str = ""  # the noun phrase counted, e.g. "soldiers", "civilians", "IS members"
    low: int | None = None
    high: int | None = None
    vague: bool = False
    total: bool = False  # a stated total ("death toll rose to 12", "3 fatalities") covering other counts
    claimed: bool = False  # a party's claim ("Al Shabaab claimed killing 4"), not a credible report


@dataclass(slots=True)
class Event:
    """One ACLED-style event row with the evidence for its fields."""

    event_date: str  # YYYY-MM-DD
    event_type: str
    sub_event_type: str
    time_precision: int = 1
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int = 0
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""
    country: str = ""
    iso: int | None = None
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    fatalities: int = 0
    deaths_a: int = 0
    deaths_b: int = 0
    deaths_civilians: int = 0
    deaths_unknown: int = 0
    fatalities_low: int = 0
    fatalities_high: int = 0
    notes: str = ""
    confidence: float = 0.0
    source_id: str = ""
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The row with ACLED's field names; evidence as a list of dicts."""
        return asdict(self)
