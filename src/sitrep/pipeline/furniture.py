"""Tell a report's own text apart from page furniture.

News pages pasted as text carry a headline (often twice), bylines, "2 min read", date stamps,
photo captions, "Related"/"Read more" links and share prompts. This stage marks those lines so
later stages neither code a caption as a second event nor miss the date stamp. It works on lines
and keeps offsets: the article text is never rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]+")
_TERMINAL = re.compile(r"[.!?\"'\u201d\u2019)\]]\s*$")
_FURNITURE = re.compile(
    r"""^\s*(?:
        \d+\s*min(?:ute)?s?\s+read
      | (?:last\s+)?updated\b.*
      | published\b.*
      | (?:posted|first\s+published)\b.*
      | by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*$
      | (?:related|read\s+more|see\s+also|more\s+on\s+this|recommended|advertisement|share\s+this|comments?)\b.*
      | (?:photo|image|file\s+photo|picture)\s*[:(].*
      | .*\[(?:getty|afp|reuters|ap|epa|anadolu|file|photo|archive)[^\]]*\]\s*$
      | .*\((?:getty\s+images|afp|reuters|ap\s+photo|epa)[^)]*\)\s*$
      | follow\s+us\b.*
      | (?:copyright|\u00a9).*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Block:
    """A line of the page: its offsets and whether it belongs to the report's body."""

    start: int
    end: int
    body: bool
    headline: bool = False


def split_blocks(text: str) -> list[Block]:
    """Lines of ``text`` with a body/furniture verdict each.

    A line is furniture when it matches a furniture pattern, or when it is a short line without
    terminal punctuation (a headline, a section label, a caption without a credit). The first
    such line of the page is remembered as the headline. A line that repeats an earlier line
    (a headline printed twice) is furniture too.
    """
    blocks: list[Block] = []
    seen: set[str] = set()
    headline_found = False
    for m in _LINE.finditer(text):
        line = m.group().strip()
        if not line:
            continue
        key = line.casefold()
        furniture = bool(_FURNITURE.match(line)) or key in seen or _is_label(line)
        is_headline = furniture and not headline_found and _is_label(line) and key not in seen
        headline_found = headline_found or is_headline
        seen.add(key)
        blocks.append(Block(m.start(), m.end(), body=not furniture, headline=is_headline))
    return blocks


def _is_label(line: str) -> bool:
    """A short line with no sentence-final punctuation: a headline, a label, a date stamp."""
    words = line.split()
    return len(words) <= 20 and not _TERMINAL.search(line)


# a photo credit closing a caption that runs inside a line (pages copied without line breaks):
# "Rescuers search the rubble on Monday (AFP photo)", "A hospital in the town. (TRT World and Agencies)"
_CREDIT = re.compile(  # or a bare agency after a caption's closing date: "... Syria August 6 2016. (Reuters)"
    r"\((?:[^()\n]{0,40}\b)?(?:photo|photos|picture|image|agencies|getty(?:\s+images)?)\b[^()\n]{0,40}\)"
    r"|(?<=\d{4}\. )\((?:Reuters|AFP|AP|EPA|Anadolu(?: Agency)?)\)", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s+")
CAPTION_WORDS = 45


def caption_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Captions inside text[start:end], each ending with its credit: the words since the last
    sentence end before the credit, or the sentence just before it when the credit follows one."""
    out = []
    for m in _CREDIT.finditer(text, start, end):
        head = text[start : m.start()].rstrip()
        ends = [e.end() for e in _SENTENCE_END.finditer(head + " ")]
        if head.endswith((".", "!", "?")):  # "... the town. (Agencies)": the sentence before is the caption
            ends = ends[:-1]
        begin = start + (ends[-1] if ends else 0)
        if len(text[begin : m.start()].split()) <= CAPTION_WORDS:
            out.append((begin, m.end()))
    return out


# a page's keyword list run into its text: "... in Idlib province. Tags Syria Idlib airstrike Homs At least 18 ..."
_TAGS = re.compile(r"(?:^|(?<=[.!?\"'\u201d]\s))Tags?:?\s+(?P<words>(?:[\w'’-]+,?\s+){1,20}?)"
                   r"(?=(?:The|A|An|At|In|On|More|Some|Several|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d+)\s)")


def tag_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Keyword lists ("Tags Syria Idlib airstrike") inside text[start:end], up to the word that
    opens the next sentence; a list that runs on with no such word is left alone."""
    return [(m.start(), m.end()) for m in _TAGS.finditer(text, start, end)]


# a list of links to other stories run into the text: "... the monitor said. Source AA Related News Death toll rises to
# 70 as regime rains down bombs Health agencies warn ..." (headlines with no sentence end between them)
_LINKS = re.compile(r"\b(?:Related\s+(?:News|Articles?|Stories|Posts|Content|Coverage|Topics)|Read\s+[Mm]ore|"
                    r"More\s+[Ss]tories|You\s+[Mm]ay\s+[Aa]lso\s+[Ll]ike|Most\s+[Rr]ead)\b:?")
LINKS_RUN = 150  # characters after the marker with no sentence end: headlines, not the report's prose


def link_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """From a "Related News" marker inside text[start:end] to its end, when what follows is a run of
    headlines (no sentence end within 150 characters); a marker in prose is left alone."""
    for m in _LINKS.finditer(text, start, end):
        if not _SENTENCE_END.search(text, m.end(), min(end, m.end() + LINKS_RUN)):
            return [(m.start(), end)]
    return []


def _without(span: tuple[int, int], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, at = [], span[0]
    for a, b in cuts:
        if a > at:
            out.append((at, a))
        at = max(at, b)
    return out + ([(at, span[1])] if at < span[1] else [])


def body_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the report's body, less captions inside its lines; the whole
    text when nothing looks like a page."""
    lines = [(b.start, b.end) for b in split_blocks(text) if b.body] or [(0, len(text))]
    return [part for a, b in lines
            for part in _without((a, b), sorted(caption_spans(text, a, b) + tag_spans(text, a, b)
                                                 + link_spans(text, a, b)))] or [(0, len(text))]


def headline_span(text: str) -> tuple[int, int] | None:
    """Offsets of the headline line, when the page starts with one."""
    for b in split_blocks(text):
        if b.headline:
            return (b.start, b.end)
    return None


_DATELINE = re.compile(
    r"^[ \t]*(?:date[ \t]+\S+[ \t]+)?"
    r"([A-Z][A-Z.'\u2019-]+(?:[ ][A-Z][A-Z.'\u2019-]+){0,3}(?:,[ ][A-Z][\w.' -]{1,40}?)?)"
    r"[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*[-\u2013\u2014:][ \t]",
    re.MULTILINE,
)


_COLON_DATELINE = re.compile(
    r"^[ \t]*(?:date[ \t]+\S+[ \t]+)?([A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*:[ \t]",
    re.MULTILINE,
)


_DATED_DATELINE = re.compile(  # Reuters' wire style: "SANAA Aug 24 Rockets fired by ..."
    r"^[ \t]*(?:date[ \t]+\S+[ \t]+)?([A-Z][A-Z'\u2019-]{2,}(?:[ ][A-Z][A-Z'\u2019-]{2,}){0,2})[ \t]+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}\b",
    re.MULTILINE,
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Datelines opening a paragraph ("KABUL (Reuters) -", "ERBIL, Kurdistan Region -",
    "Raipur:", "SANAA Aug 24"): the place a story was filed from, which is not where its events
    happened."""
    found = [m for rx in (_DATELINE, _COLON_DATELINE, _DATED_DATELINE) for m in rx.finditer(text)]
    return sorted((m.start(1), m.end(1)) for m in found)


def is_hard_wrapped(text: str) -> bool:
    """Wire copy broken into lines of 30-90 characters mid-sentence: most lines do not end a
    sentence. Such text needs its single line breaks read as spaces."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) < 6:
        return False
    wrapped = sum(1 for ln in lines if 30 <= len(ln) <= 90 and not _TERMINAL.search(ln))
    return wrapped / len(lines) >= 0.6


_SINGLE_BREAK = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)")


def unwrap(text: str) -> str:
    """The same text with single line breaks inside paragraphs turned into spaces; blank lines
    stay. Offsets are unchanged (one character for one)."""
    return _SINGLE_BREAK.sub(lambda m: " " * len(m.group()), text)
