"""Finding place-name spans: from the caller's NER spans and from capitalised word runs.

A :class:`Span` is a candidate mention with the name keys to look up; whether it is kept is
decided after lookup (it needs gazetteer entries) and resolution (scan-only spans need support).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.gazetteer.normalize import bare, norm

if TYPE_CHECKING:
    from sitrep.gazetteer.index import Entry

Entity = tuple[int, int, str]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_NGRAM = 6
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F'’]*(?:\.(?=[A-Z]))?")
_CONNECTORS = frozenset({"de", "del", "da", "do", "al", "el", "ad", "as", "az", "ar", "an", "of", "on", "upon",
                         "la", "le", "les", "du", "des", "ez", "es", "ash", "bin", "ibn", "abu", "the",
                         "e", "i", "y", "ye", "ul", "ud", "ur", "van", "von", "der", "den"})
_ARTICLE_BEFORE = re.compile(r"(?<![\w])(?:al|el|ad|ed|as|es|az|ez|ar|an|at|ash|adh)[-‐]$")
_TITLE_ABBREVIATIONS = frozenset({"St", "Mt", "Ft", "Pt", "Ste"})
_STRIP_HEAD = re.compile(r"^(?:the|The|THE)\s+")
_STRIP_TAIL = re.compile(r"(?:['’]s|['’])$")


@dataclass(slots=True)
class Span:
    """A stretch of text that may name a place."""

    start: int
    end: int
    text: str
    label: str  # NER label, or "" for a capitalised run found by scanning
    keys: list[str] = field(default_factory=list)
    longer: int = 0  # end of the same span with its possessive kept ("St. John's"), 0 when none

    @property
    def key(self) -> str:
        return self.keys[0] if self.keys else ""

    def all_keys(self, text: str) -> list[str]:
        """The keys (exact, without inner articles) and the key with a possessive kept, if any."""
        return [*self.keys, norm(text[self.start : self.longer])] if self.longer else self.keys

    def lengthen(self, text: str) -> None:
        """Take the possessive in: the gazetteer knows the name with it ("St. John's")."""
        self.end, self.longer = self.longer, 0
        self.text = text[self.start : self.end]
        self.keys = [norm(self.text)]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the', a trailing possessive and surrounding punctuation from a span."""
    piece = text[start:end]
    m = _STRIP_HEAD.match(piece)
    if m:
        start += m.end()
    piece = text[start:end]
    m2 = _STRIP_TAIL.search(piece)
    if m2:
        end -= len(m2.group(0))
    while end > start and not text[end - 1].isalnum() and text[end - 1] != ".":
        end -= 1
    while start < end and not text[start].isalnum():
        start += 1
    return start, end


def merge_adjacent(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Place entities split by the tagger ("Baja" + "California"): joined when only a space separates them."""
    out: list[Entity] = []
    for start, end, label in sorted(entities):
        if out and label in ("GPE", "LOC") and out[-1][2] in ("GPE", "LOC") and text[out[-1][1] : start] == " ":
            out[-1] = (out[-1][0], end, out[-1][2])
        else:
            out.append((start, end, label))
    return out


def entity_spans(text: str, entities: Sequence[Entity]) -> list[Span]:
    """Spans from NER entities (all labels: the resolver decides what each one is)."""
    out = []
    for start, end, label in merge_adjacent(text, entities):
        s, e = trim(text, start, end)
        if e > s:
            keys = keys_for(text[s:e])
            keys += [k for k in head_keys(text[s:e]) if k not in keys] if label in ("GPE", "LOC") else []
            out.append(Span(s, e, text[s:e], label, keys, _possessive_end(text, e)))
    return out


def keys_for(name: str) -> list[str]:
    """Lookup keys for a written name: its norm, then the norm without inner articles."""
    key = norm(name)
    b = bare(key)
    return [key, b] if b else [key]


def entries_in(found: dict[str, list[Entry]], name: str, cc: str) -> list[Entry]:
    """The entries ``found`` (a lookup of its keys) holds for a written name inside country ``cc``."""
    return [e for k in keys_for(name) for e in found.get(k, []) if e.cc == cc]


_AREA_TAIL = re.compile(r"[\s-]+(?:sub[\s-]?county|county|district|sub[\s-]?district|province|region|state|governorate|"
                        r"municipality|division|department|zone|area|constituency|township|upazila|tehsil|lga)$",
                        re.IGNORECASE)
_COMPASS_TAIL = re.compile(r"\s+(?:east|west|north|south|central|upper|lower)$", re.IGNORECASE)


def head_keys(name: str) -> list[str]:
    """Last-resort keys of an area name the gazetteer lacks: "Wajir East Sub-County" -> "Wajir East",
    "Wajir" (the town the area is named after)."""
    out: list[str] = []
    head = _AREA_TAIL.sub("", name)
    for piece in (head, _COMPASS_TAIL.sub("", head)):
        key = norm(piece)
        if piece != name and len(key) >= 3 and key not in out:
            out.append(key)
    return out


def _possessive_end(text: str, end: int) -> int:
    """End of "'s" right after ``end`` (so "St. John's" can be looked up whole), else 0."""
    return end + 2 if text[end : end + 2] in ("'s", "’s") and not text[end + 2 : end + 3].isalnum() else 0


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]


def capital_runs(text: str) -> Iterator[list[tuple[int, int, str]]]:
    """Runs of capitalised words (with lowercase connectors inside), split at punctuation."""
    run: list[tuple[int, int, str]] = []
    prev_end = -1
    for s, e, w in _words(text):
        gap = text[prev_end:s] if prev_end >= 0 else " "
        joined = gap in (" ", "-", "") or (gap == ". " and bool(run) and run[-1][2] in _TITLE_ABBREVIATIONS)
        if w[0].isupper() and (joined or not run):
            run.append((s, e, w))
        elif w[0].isupper():
            yield _trim_run(run)
            run = [(s, e, w)]
        elif run and joined and w in _CONNECTORS:
            run.append((s, e, w))
        else:
            if run:
                yield _trim_run(run)
            run = []
        prev_end = e
    if run:
        yield _trim_run(run)


def _trim_run(run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    while run and not run[-1][2][0].isupper():
        run = run[:-1]
    return run


_PLACE_NOUN_AFTER = re.compile(r"\s+(?:village|town|hamlet|settlement|camp|neighbou?rhood)\b")


def scan_spans(text: str) -> list[Span]:
    """Every n-gram (up to 4 words) of every capitalised run, as a span to look up."""
    out = []
    for run in capital_runs(text):
        whole = len(run) > 1 and bool(_PLACE_NOUN_AFTER.match(text, run[-1][1]))
        for i in range(len(run)):
            if not run[i][2][0].isupper() or (whole and i > 0):
                continue
            for j in range(i, min(i + MAX_NGRAM, len(run))):
                if whole and j < len(run) - 1:
                    continue  # "Tall Tawil village" names one village: not "Tall" (At Tall) alone
                if not run[j][2][0].isupper():
                    continue
                s, e = trim(text, run[i][0], run[j][1])
                if i == 0:
                    s = _with_article(text, s)
                if e > s:
                    out.append(Span(s, e, text[s:e], "", keys_for(text[s:e]), _possessive_end(text, e)))
    return out


def _with_article(text: str, start: int) -> int:
    """Extend a span over a lowercase article joined by a hyphen: 'al-Mayadin', 'ad-Dana'."""
    m = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
    return m.start() if m else start
