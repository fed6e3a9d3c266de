"""Place names as dedup compares them: folded to ASCII letters, spelling variants alike."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A place name folded for comparison: ASCII lower-case letters and digits ("Khān Shaykhūn" -> "khanshaykhun")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def spelled_alike(a: str, b: str) -> bool:
    """Spelling variants of one name (Idlib / Idleb, Deir ez-Zor / Deir Ezzor)."""
    if not a or not b:
        return False
    if a == b:
        return True
    from rapidfuzz.fuzz import ratio

    return ratio(a, b) >= 80
