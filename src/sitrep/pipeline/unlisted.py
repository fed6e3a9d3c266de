"""Places the gazetteer does not list: "At Kazarahoyo, the attackers killed five civilians".

A village missing from GeoNames is still a place of its own. ACLED's unit rule makes it its own
event, and its toll must not land on the town the report named before it. Such a name, read
where English puts a place ("in X", "at X", "the village of X"), stands in at the known place it
lies near: the nearest place the same clause names, else the report's main place, with
geo_precision 2 (ACLED's "near a known place").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from sitrep.model import Toponym

_SETTLEMENT = r"town|village|hamlet|settlement"  # the nouns that make the name beside them a place of its own
_PLACE_NOUN = (rf"(?:{_SETTLEMENT}|city|neighbou?rhood|district|area|locality|commune|camp|suburb|stronghold)")
_LOCATIVE = re.compile(  # "in X", "near the village of X", and "the town of X" after any word ("struck the town of X")
    r"(?:\b(?:in|at|near|outside|around)\s+(?:the\s+)?(?:(?:nearby|neighbou?ring|remote)\s+)?"
    rf"(?:{_PLACE_NOUN}\s+of\s+)?|\b(?:{_SETTLEMENT}|stronghold)\s+of\s+)$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*"
_PARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|ez|ul|ibn|bin|bani|abu)-[A-Za-z][\w'’]*"  # "Urum al-Joz"
_NAMED = re.compile(rf"\b{_PLACE_NOUN}\s+of\s+(?P<name>(?:{_NAME}|{_PARTICLE})(?:\s+(?:{_NAME}|{_PARTICLE})){{0,2}})")
_NAMED_BEFORE = re.compile(  # "in Tall Tawil village"
    rf"\b(?:in|at|near|outside)\s+(?:the\s+)?(?P<name>{_NAME}(?:\s+(?:{_NAME}|{_PARTICLE})){{0,2}})"
    rf"\s+(?:{_SETTLEMENT}|camp)\b"
)
_LISTED = re.compile(  # "in several villages in the sector, including Bulongo, Kazarahoyo and Kidungu"
    rf"\b(?:towns|villages|hamlets|settlements|neighbou?rhoods|localities|communes|camps)\b[^.;]{{0,60}}?"
    rf"\b(?:of|including|such as|like|namely)\s+(?P<names>{_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_NAME})+)"
)
_PLURAL_PLACES = r"(?:towns|villages|hamlets|settlements|neighbou?rhoods|localities|communes|camps|districts|areas)"
_LISTED_BEFORE = re.compile(  # "in Zafraniyah and Shuala districts"
    rf"\b(?:in|at)\s+(?:the\s+)?(?P<names>{_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_NAME})+)\s+{_PLURAL_PLACES}\b"
)
_NOT_NAMES = frozenset(re.findall(r"\w+", (
    "the a an his her their its this that monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december")))
_SITE = (r"(?:park|plaza|square|hall|bridge|barn|tank|cent(?:re|er)|shopping|market|mall|street|road|avenue|"
         r"stadium|hospital|school|college|university|mosque|church|temple|station|airport|hotel|offices?|"
         r"building|prison|court|farm|factory|mine|base)")
_SITE_AFTER = re.compile(rf"\s+{_SITE}\b", re.IGNORECASE)  # "in Hazal Park", "at Sikri School": a site, no village
_SITE_WORD = re.compile(rf"^{_SITE}$", re.IGNORECASE)
_AND = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$")
LOOK_BACK = 40  # characters before a name searched for its preposition


def unlisted_names(
    text: str, toponyms: list[Toponym], listed: Callable[[set[str]], set[str]]
) -> frozenset[str]:
    """Names the report uses for places the gazetteer does not hold: those the tagger found but
    the gazetteer left unresolved, and those grammar marks as places ("the village of X", "several
    villages, including X, Y and Z"). ``listed(names)`` gives those of ``names`` the gazetteer
    knows (a place left unresolved there lies abroad or was read as something else: no village).
    "in Tall Tawil village" names one too."""
    names = {t.text for t in toponyms if t.place is None and t.kind == "place"}
    names.update(m.group("name") for pattern in (_NAMED, _NAMED_BEFORE) for m in pattern.finditer(text))
    for m in (*_LISTED.finditer(text), *_LISTED_BEFORE.finditer(text)):
        names.update(re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("names")))
    names = {n for n in names if n and n.split()[0].casefold() not in _NOT_NAMES and not _common_word(text, n)}
    return frozenset(names - listed(names)) if names else frozenset()


def _common_word(text: str, name: str) -> bool:
    """A one-word "name" the report also writes in lower case: a common noun a title-case headline
    capitalised ("Killed in Clashes with Syrian Army")."""
    return " " not in name and re.search(rf"\b{re.escape(name.lower())}\b", text) is not None


def unlisted_places(text: str, start: int, end: int, names: frozenset[str], toponyms: list[Toponym]) -> list[Toponym]:
    """Where ``text[start:end]`` puts an event at one of the report's unlisted ``names``: "in
    Bahri", "at Kazarahoyo", "in the town of Tal Hawash". Their ``place`` is still None."""
    taken = [(t.start, t.end) for t in toponyms if t.place is not None]
    spots = []
    for name in sorted(names):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text[start:end]):
            a, b = start + m.start(), start + m.end()
            site = _SITE_AFTER.match(text, b) or _SITE_WORD.match(name.split()[-1])
            if not site and not any(x < b and a < y for x, y in taken):
                spots.append(Toponym(a, b, name, None, "place", 0.0, 2, unlisted=True))
    found: list[Toponym] = []
    for t in sorted(spots, key=lambda t: t.start):
        # "in X and Y": Y continues the list of the place that ends right before it
        before = max((e for e in [*(y for _, y in taken), *(f.end for f in found)] if e <= t.start), default=None)
        listed_after = before is not None and bool(_AND.match(text[before : t.start]))
        if _locative(text, t.start, start) or listed_after:
            found.append(t)
    return found


def _locative(text: str, pos: int, lo: int) -> bool:
    return bool(_LOCATIVE.search(text[max(lo, pos - LOOK_BACK) : pos]))


# "Al-Tukhar lies 14 kilometres (nine miles) north of the town of Manbij", "Tokhar, 10 km north of Manbij"
_DISTANCE = (r"(?:,|\s+(?:lies|is|sits|is\s+located|located))\s+(?:about\s+|some\s+|around\s+)?\d+(?:\.\d+)?\s*"
             r"(?:km|kilometres|kilometers|miles)\b(?:\s*\([^)]{0,30}\))?\s+(?:to\s+the\s+)?"
             r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:of|from)\s+(?:the\s+)?"
             r"(?:(?:town|city|village)\s+of\s+)?$")


def told_distance(text: str, name: str, listed: Sequence[Toponym]) -> Toponym | None:
    """The listed place the report measures an unlisted one from ("X lies 14 km north of Manbij")."""
    measured = re.compile(rf"\b{re.escape(name)}{_DISTANCE}")
    return next((t for t in listed if measured.search(text, max(0, t.start - len(name) - 90), t.start)), None)


def anchored(places: list[Toponym], main: Toponym | None, text: str = "",
             known: Sequence[Toponym] = ()) -> list[Toponym]:
    """A clause's places with each unlisted name put at the known place it lies near (the place
    the report measures it from among the report's ``known`` places, else the nearest listed place of the
    clause, else ``main``); a name with none is dropped."""
    listed = [t for t in places if not t.unlisted and t.place is not None]
    out = []
    for t in places:
        if not t.unlisted or t.place is not None:
            out.append(t)
            continue
        near = told_distance(text, t.text, known) or min(listed, key=lambda o: abs(o.start - t.start), default=main)
        if near is not None and near.place is not None:
            out.append(replace(t, place=near.place, precision=2))  # ACLED: a village not found, near a known place
    return out
