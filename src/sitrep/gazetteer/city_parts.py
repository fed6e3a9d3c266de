"""ACLED's "City - District" locations: "in New York - Queens (New York)", "Belgrade - Stari Grad".

Conflict notes write a part of a large city after the city's name and a spaced dash. The city is then a
town, not the state or province of that name ("New York"), and the part is placed inside it: where the
gazetteer knows it close to the city (a borough, a municipality of the capital), else at the city itself
("Montreal - Center West"). Both names become one toponym. Routes ("the Rabia - Mosul road") and pairs of
distant towns are left alone.
"""

from __future__ import annotations

import re

from sitrep.gazetteer.index import Entry, Gazetteer
from sitrep.gazetteer.recognize import entries_in, keys_for
from sitrep.geodesy import haversine_km
from sitrep.model import Place, Toponym

PART_KM = 30.0  # a part of a city lies this close to its centre
_ROUTE_AFTER = re.compile(r"^\s+(?:road|highway|route|axis|border|line|railway|motorway|expressway|corridor|"
                          r"frontline|front)\b", re.I)


_WORD = r"[A-Z][\w'’.\-]*"
_NAME = rf"{_WORD}(?:\s(?:(?:de|del|la|al|el|du|des|do|da|of|au)\s)*{_WORD})*"
_PAIR = re.compile(rf"(?<![\w'’.\-])({_NAME}) - ({_NAME})(?![\w'’\-])")


def city_parts(gazetteer: Gazetteer, text: str, tops: list[Toponym], hint: str) -> list[Toponym]:
    """``tops`` with each "City - Part" written as one toponym placed at the part or the city."""
    pairs = [(m.start(1), m.end(1), m.start(2), m.end(2)) for m in _PAIR.finditer(text)]
    if not pairs:
        return tops
    lefts = [(s + len(h), e) for s, e, _, _ in pairs for h in _heads(text[s:e])]
    found = gazetteer.lookup([k for s, e in lefts for k in keys_for(text[s:e])]
                             + [k for _, _, s2, e2 in pairs for k in keys_for(text[s2:e2])])
    for s, e, s2, e2 in pairs:
        if _ROUTE_AFTER.match(text[e2 : e2 + 20]):
            continue
        s, city = next(((s + len(h), c) for h in _heads(text[s:e])
                        if (c := _town(found, text[s + len(h) : e], hint)) is not None), (s, None))
        if city is None:
            continue
        place = _part_place(gazetteer, found, text[s2:e2], city, hint)
        if place is None:
            continue
        merged = Toponym(s, e2, text[s:e2], place, "place", 0.9, 1)
        tops = [t for t in tops if not (t.start < e2 and s < t.end)] + [merged]
    return tops


def _heads(name: str) -> list[str]:
    """Leading words to drop in turn from a run of capitalised words, none first ("NYC Council Member X")."""
    cuts = [m.end() for m in re.finditer(r"\s+", name)][:4]
    return ["", *(name[:c] for c in cuts)]


def _town(found: dict[str, list[Entry]], name: str, cc: str) -> Entry | None:
    """The most populous town of that name in the country (the city, not its province), else a city's
    district of that name ("Al Quds" in the West Bank)."""
    entries = entries_in(found, name, cc)
    towns = [e for e in entries if e.fclass == "P"] or [e for e in entries if e.fcode == "ADM2"]
    return max(towns, key=lambda e: (not e.alt, e.pop)) if towns else None


def _part_place(gazetteer: Gazetteer, found: dict[str, list[Entry]], name: str, city: Entry, cc: str) -> Place | None:
    """The part where the gazetteer knows it inside the city, else the city; None for a distant town
    (two towns joined by a dash: a route or a pair, not a city and its part)."""
    entries = entries_in(found, name, cc)
    near = [e for e in entries if e.fclass in "PA" and haversine_km(e.lat, e.lon, city.lat, city.lon) <= PART_KM]
    if near:
        best = max(near, key=lambda e: (e.fclass == "P", not e.alt, e.pop))
        return gazetteer.place(best)
    far = [e for e in entries if e.fclass == "P" and not e.alt]
    if far and max(e.pop for e in far) >= 5000:
        return None
    return gazetteer.place(city)
