"""Is a text codable? Cheap checks that give a one-line reason when it is not."""

from __future__ import annotations

import re

_STOPWORD_TEXT = (
    "the a an of to in and or on at by for with from as is was were are be been has have had it its that "
    "this these those he she they we you i his her their our not but after before over into during near "
    "said says than then also who which when where while killed people"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# frequent function words of languages news in Latin script is often written in (French, Spanish,
# Portuguese, Italian, German, Dutch, Indonesian/Malay, Swahili, Turkish), none of them English words
_FOREIGN_TEXT = (
    "le la les des du et un une est que qui dans pour pas sur au aux ce cette sont "
    "el los las del y por con para una es lo se su al como pero "
    "não os um uma em com para ao nas nos pelo pela "
    "il di che non per della delle gli sono nel "
    "der die das und ist nicht mit den von zu dem ein eine auf sich auch "
    "het een van en niet op zijn voor "
    "yang dan di ke dari ini itu dengan untuk tidak "
    "na ya wa kwa katika ni za "
    "ve bir bu ile için olarak"
)
FOREIGN_STOPWORDS = frozenset(_FOREIGN_TEXT.split()) - STOPWORDS
MIN_ENGLISH = 0.08  # below this share of English function words a text may be another language
CLEARLY_NOT = 0.03  # below this it is not English whatever else it is
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

    Short notes (fewer than 12 words) are only judged by their script, so "Shelling in Idlib" passes;
    terse English ("Mutatu drivers held demonstration in Kwale against private cars") uses few
    function words but no foreign ones, so a low English share alone rejects only below 3%.
    """
    words = _WORD.findall(text[:20_000])
    if not words:
        return None
    if _latin_ratio(words) < 0.5:
        return "not English: mostly non-Latin script"
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return None
    lowered = [w.lower() for w in words]
    ratio = sum(1 for w in lowered if w in STOPWORDS) / len(words)
    foreign = sum(1 for w in lowered if w in FOREIGN_STOPWORDS) / len(words)
    if ratio >= MIN_ENGLISH or (ratio >= CLEARLY_NOT and foreign < ratio):
        return None
    return f"not English: {ratio:.0%} English stopwords, {foreign:.0%} other languages"


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
