"""Name keys that survive transliteration: ``norm`` for exact lookups, ``skeleton`` for fuzzy ones.

    >>> norm("Deir ez-Zor")
    'deir ez zor'
    >>> norm("Al-Mayādīn")
    'mayadin'
    >>> skeleton("Dayr az Zawr") == skeleton("Deir ez-Zor")
    True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic definite-article spellings written before a name ("al-Qaim", "ad-Dana", "Ash Shaddadi").
ARTICLES = frozenset({
    "al", "el", "ad", "ed", "as", "es", "az", "ez", "ar", "er", "at", "et", "an", "en", "ash", "esh", "adh", "ath",
    "il", "ul",
})
_APOSTROPHES = re.compile(r"[’'`ʿʾ‘´]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_VOWELS = re.compile(r"[aeiouyw]+")
_DOUBLE = re.compile(r"(.)\1+")
_SKELETON_MAP = str.maketrans({"q": "k", "c": "k", "j": "g", "v": "f", "p": "b", "z": "s"})


def fold(text: str) -> str:
    """Casefold and strip accents: 'Côte' -> 'cote'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ß", "ss")


@lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """The exact lookup key: folded, apostrophes dropped, punctuation to spaces, no leading article."""
    words = _NON_WORD.sub(" ", _APOSTROPHES.sub("", fold(text))).split()
    while len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def bare(key: str) -> str:
    """A norm key without articles inside it: 'jisr ash shughur' -> 'jisr shughur' ('' when none)."""
    words = key.split()
    kept = [w for w in words if w not in ARTICLES]
    return " ".join(kept) if kept and len(kept) < len(words) else ""


def skeleton(text: str) -> str:
    """A loose key for transliteration variants: no articles, vowels, doubled or soft letters.

    'Mayadeen', 'Al Mayadin' and 'Mayadin' share a skeleton; so do 'Kyiv' and 'Kiev'. Too loose
    to use alone: callers restrict it to one country.
    """
    words = [w for w in norm(text).split() if w not in ARTICLES]
    joined = "".join(words).replace("h", "").translate(_SKELETON_MAP)
    if not joined:
        return ""
    return _DOUBLE.sub(r"\1", joined[0] + _VOWELS.sub("", joined[1:]))


def is_latin(text: str) -> bool:
    """True when a name is written in Latin letters (after folding), digits and punctuation."""
    folded = fold(text)
    return all(ord(ch) < 0x250 for ch in folded)
