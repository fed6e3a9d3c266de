"""Is a text codable? Cheap checks that give a one-line reason when it is not."""

from __future__ import annotations

import re

_STOPWORD_TEXT = (
    "the a an of to in and or on at by for with from as is was were are be been has have had it its that "
    "this these those he she they we you i his her their our not but after before over into during near "
    "said says than then also who which when where while killed people"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS_FOR_LANGUAGE = 12


def _control_ratio(sample: str) -> float:
    """Share of control characters other than whitespace."""
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad / len(sample)


def _latin_ratio(words: list[str]) -> float:
    """Share of letters that are ASCII (English is written in the Latin script)."""
    letters = "".join(words)
    if not letters:
        return 1.0
    return sum(1 for ch in letters if ch.isascii()) / len(letters)


def language_reason(text: str) -> str | None:
    """A reason when the text is clearly not English (script, then stopword ratio), else None.

    Short notes (fewer than 12 words) are only judged by their script, so "Shelling in Idlib" passes.
    """
    words = _WORD.findall(text[:20_000])
    if not words:
        return None
    if _latin_ratio(words) < 0.5:
        return "not English: mostly non-Latin script"
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    ratio = sum(1 for w in words if w.lower() in STOPWORDS) / len(words)
    return None if ratio >= 0.08 else f"not English: {ratio:.0%} English stopwords"


def check_text(text: str, max_chars: int = 1_000_000) -> str | None:
    """None if the text can be coded, else a one-line reason (empty, binary, too large, not English)."""
    if not text or not text.strip():
        return "empty: no text"
    if len(text) > max_chars:
        return f"too large: {len(text):,} characters > {max_chars:,} (split it or raise max_chars)"
    sample = text[:20_000]
    if "\x00" in sample:
        return "binary: contains NUL bytes"
    if _control_ratio(sample) > 0.05:
        return "binary: many control characters"
    return language_reason(text)
