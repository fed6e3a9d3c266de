"""Text evidence for dedup: content words of the notes, weighted by how rare they are in the run.

Two reports of the same incident share its rare words (a village, "sarin", "bakery", a toll);
generic words of conflict reporting (``generic_words.txt``) and English stopwords are ignored.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from sitrep.ingest.check import STOPWORDS

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
GENERIC_FILE = Path(__file__).with_name("generic_words.txt")


@cache
def generic_words() -> frozenset[str]:
    """The shipped list of generic conflict-report words (read once)."""
    lines = GENERIC_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def content_tokens(text: str, ignore: frozenset[str]) -> tuple[str, ...]:
    """Distinct lower-case content words (and numbers) of a text, sorted."""
    words = {w for w in _TOKEN.findall(text.lower()) if len(w) > 1 and w not in ignore}
    return tuple(sorted(words))


class TextIndex:
    """Token tuples per record and smoothed inverse document frequencies over the records."""

    def __init__(self, notes: Sequence[str]) -> None:
        ignore = STOPWORDS | generic_words()
        self.tokens = [content_tokens(n, ignore) for n in notes]
        df: Counter[str] = Counter(t for toks in self.tokens for t in toks)
        n = len(self.tokens)
        self.idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
        self._norm = [sum(self.idf[t] for t in toks) for toks in self.tokens]

    def similarity(self, i: int, j: int) -> float | None:
        """Weighted overlap in [0, 1] (shared weight / geometric mean of weights); None without text."""
        a, b = self.tokens[i], self.tokens[j]
        if not a or not b:
            return None
        if len(a) > len(b):
            a, b = b, a
        bset = set(b)
        shared = sum(self.idf[t] for t in a if t in bset)
        return shared / math.sqrt(self._norm[i] * self._norm[j])
