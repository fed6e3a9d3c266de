"""Parts of a town that a report names for its event: "the Tariq al-Bab district", "the neighbourhood of
Salaheddin", "the Sukkari quarter" (not suburbs: "the Ghouta suburbs" cover many towns).

Reports of a city under bombardment all place their events at the city ("Aleppo"), with the same type
on the same days; what tells two incidents apart is the quarter each report names. A gazetteer rarely
lists quarters, so they are read from the words around a part-of-town noun and compared by spelling
(Arabic articles and transliteration variants folded: "Salah al-Din" / "Salaheddin").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sitrep.dedup.names import fold, spelled_alike

_ARTICLE = r"(?:al|el|ash|as|ar|ad|an|at|az|ed|ud)-"
_NAME = rf"((?:{_ARTICLE})?[A-Z][\w'’]+(?:[ -](?:{_ARTICLE})?[A-Z][\w'’]+){{0,2}})"
_PART = r"(?:district|neighbou?rhood|quarter)"
QUARTER = re.compile(rf"\b{_PART}s? of (?:the )?{_NAME}|{_NAME} {_PART}s?\b")
QUARTER_NOUN = re.compile(rf"\b{_PART}", re.IGNORECASE)  # a cheap first look
_ARTICLE_WORD = re.compile(r"\b(?:al|el|ad|ed|ud|as|es|ash|esh|ar|er|az|ez|at|et|an|en)[- ]", re.I)
_POSSESSIVE = re.compile(r"(?:['’]s|s)$")
LEAD_CHARS = 600  # the lead of a report, which names the quarter of its main event
NO_QUARTERS: frozenset[str] = frozenset()  # shared: an empty frozenset is a new 216-byte object each time


def _is_own(word: str, own: frozenset[str]) -> bool:
    """A word naming the event's own town, province or country ("Aleppo's", "Syrian")."""
    folded = fold(word)
    bare = fold(_POSSESSIVE.sub("", word))
    return any(o and (spelled_alike(folded, o) or spelled_alike(bare, o)) for o in own)


def quarters_of(text: str, own: Iterable[str]) -> frozenset[str]:
    """Folded names of the parts of towns ``text`` names, leaving out ``own`` (the event's town, admin
    areas and country, which are no quarters of themselves)."""
    if not QUARTER_NOUN.search(text):
        return NO_QUARTERS
    owned = frozenset(fold(o) for o in own if o)
    out = set()
    for m in QUARTER.finditer(text):
        words = (m.group(1) or m.group(2)).split()
        while words and (words[0] in ("The", "A") or _is_own(words[0], owned)):
            words = words[1:]  # "Aleppo's Salaheddin district" -> "Salaheddin"
        name = fold(_ARTICLE_WORD.sub("", " ".join(words)))
        if len(name) >= 3 and not any(spelled_alike(name, o) for o in owned):
            out.add(name)
    return frozenset(out) if out else NO_QUARTERS


def quarters_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both reports name quarters and none of one is a spelling of one of the other, or part of its name
    ("Zahraa" of "Jamiyet al-Zahraa"): two places."""
    return bool(a and b) and not any(_one_quarter(x, y) for x in a for y in b)


def _one_quarter(x: str, y: str) -> bool:
    short, long = sorted((x, y), key=len)
    stem = short.rstrip("aeh")  # "Zahra" / "Zahraa", "Sukkari" / "Sukkariyeh"
    return spelled_alike(x, y) or (len(stem) >= 4 and stem in long)
