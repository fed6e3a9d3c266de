"""Which of a sentence's toponyms is where the event happened.

    >>> text = "Syrian jets bombed Idlib, a day after Damascus accused Turkey."
    >>> tops = geoparser.toponyms(text, country="Syria")
    >>> event_place(text, tops, anchor=(12, 18)).text   # "bombed"
    'Idlib'

A linear score over a few cues: distance to the event word (``anchor``, e.g. the trigger verb), being
after it, a locative preposition before the name ("in", "near", "outskirts of"), a country or province
rather than a town, a metonym ("Damascus accused"), a name that is only the admin context of the
previous one ("Minakulu (Oyam)"), being the first place named, being an end of a route ("the
Yangon-Mandalay highway", weight set by hand), a town written with the admin area it lies in right
after it ("Pirque (Cochabamba)", "Hermosillo, Sonora": how coders and datelines name the event's
place; weight set by hand). Weights were fitted by logistic
regression on half of the 10k labelled sentences of ahalterman/event_location (MIT) and rounded;
on the other half it picks the labelled place in 0.75 of sentences with two or more resolved places
(first place: 0.48, nearest to the verb: 0.58).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.model import Toponym

WEIGHTS = {
    "distance": -2.15,  # per 100 characters from the anchor (capped at 200)
    "after": 1.54,
    "locative": 0.87,
    "of": 0.76,
    "from_to": -0.38,
    "country": -1.36,
    "admin1": -1.04,
    "metonym": -0.84,
    "admin_context": -0.86,
    "first": 0.75,
    "route": -2.0,  # set by hand: an end of a road or route, "the Yangon-Mandalay highway"
    "with_context": 1.5,  # set by hand: "X (Y, Z)", "X town, Y province": the place a coder's note codes
}
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|on|outside|into|inside|across|around|outskirts of|north of|south of|east of|west of)"
    r"\s+(?:the\s+)?(?:[\w\-'’]+\s+){0,2}$",
    re.I,
)
_OF = re.compile(r"\bof\s+(?:the\s+)?$", re.I)
_FROM_TO = re.compile(r"\b(?:from|to|toward|towards)\s+(?:the\s+)?(?:[\w\-]+\s+)?$", re.I)
_CONTEXT_GAP = re.compile(r"^\s*[,(]\s*$")
_ROUTE_AFTER = re.compile(r"^(?:\s*[-–]\s*[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*)?\s+(?:highway|road|railway|railroad|"
                          r"motorway|expressway|pipeline|axis|route|corridor|border crossing)\b", re.I)
_ROUTE_BEFORE = re.compile(r"[A-Za-z][\w'’]*\s*[-–]\s*$")
_WITH_CONTEXT = re.compile(
    r"^(?:\s+(?:village|town|city|township|district|area|camp|locality|neighbou?rhood))?\s*(?:\(|,\s*(?=[A-Z]))"
)


def cues(text: str, t: Toponym, places: Sequence[Toponym], anchor: tuple[int, int] | None) -> dict[str, float]:
    """The cue values of one toponym (see :data:`WEIGHTS`)."""
    before = text[max(0, t.start - 30) : t.start]
    code = t.place.feature_code if t.place else ""
    out = {
        "locative": float(bool(_LOCATIVE.search(before))),
        "of": float(bool(_OF.search(before))),
        "from_to": float(bool(_FROM_TO.search(before))),
        "country": float(code == "PCLI"),
        "admin1": float(code == "ADM1"),
        "metonym": float(t.kind == "metonym"),
        "admin_context": float(any(o.end <= t.start and _CONTEXT_GAP.match(text[o.end : t.start]) for o in places)),
        "first": float(t is places[0]),
        "route": float(_is_route(text, t)),
        "with_context": float(_has_context(text, t, places)),
    }
    if anchor is not None:
        gap = t.start - anchor[1] if t.start >= anchor[1] else anchor[0] - t.end
        out["distance"] = min(abs(gap), 200) / 100
        out["after"] = float(t.start >= anchor[1])
    return out


def _is_route(text: str, t: Toponym) -> bool:
    """'the Yangon-Mandalay highway', 'Rabia - Mosul road': the name is an end of a route."""
    after = text[t.end : t.end + 60]
    if _ROUTE_BEFORE.search(text[max(0, t.start - 30) : t.start]):
        return bool(re.match(r"^\s+(?:highway|road|railway|railroad|motorway|expressway|pipeline|axis|route)\b",
                             after, re.I))
    return bool(_ROUTE_AFTER.match(after)) and bool(re.match(r"^\s*[-–]", after))


def _has_context(text: str, t: Toponym, places: Sequence[Toponym]) -> bool:
    """A town written with an admin area that holds it right after it ("X (Y, Z)", "X, Province")."""
    if t.place is None or t.place.feature_code.startswith(("PCL", "ADM1")) or t.kind != "place":
        return False
    m = _WITH_CONTEXT.match(text[t.end : t.end + 20])
    nxt = next((o for o in places if o.start >= t.end), None)
    if m is None or nxt is None or nxt.place is None or nxt.start - t.end > m.end() + 2:
        return False
    area = nxt.place
    if nxt.text in (t.place.admin1, t.place.admin2):  # "Sao Paulo" the state, whichever entry it resolved to
        return True
    return area.feature_class == "A" and area.iso2 == t.place.iso2 and area.feature_code != t.place.feature_code \
        and (area.feature_code.startswith("PCL") or area.admin1 == t.place.admin1)


def event_place_scores(
    text: str, toponyms: Sequence[Toponym], anchor: tuple[int, int] | None = None
) -> list[tuple[Toponym, float]]:
    """Resolved non-demonym toponyms with their event-place score, best first."""
    places = [t for t in toponyms if t.place is not None and t.kind != "demonym"]
    scored = [(t, sum(WEIGHTS[k] * v for k, v in cues(text, t, places, anchor).items())) for t in places]
    return sorted(scored, key=lambda pair: -pair[1])


def event_place(text: str, toponyms: Sequence[Toponym], anchor: tuple[int, int] | None = None) -> Toponym | None:
    """The toponym most likely to be where the event (at ``anchor``, if known) happened."""
    scored = event_place_scores(text, toponyms, anchor)
    return scored[0][0] if scored else None
