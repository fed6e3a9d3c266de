"""The geoparser: text (+ optional NER spans and a country hint) -> resolved :class:`Toponym` list.

    >>> gp = Geoparser(Gazetteer.open())
    >>> [t.place.name for t in gp.toponyms("Shelling hit Al Mayadin and Deir ez-Zor.", country="Syria")]
    ['Al Mayādīn', 'Deir ez-Zor']
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.gazetteer.admin_context import AdminContext
from sitrep.gazetteer.city_parts import city_parts
from sitrep.gazetteer.cues import (
    ATTRIBUTIVE_AFTER,
    CLAUSE_OPEN_BEFORE,
    METONYM_ACT_AFTER,
    METONYM_AFTER,
    METONYM_AGENT_BEFORE,
    METONYM_BEFORE,
    METONYM_NOUN_AFTER,
    geo_precision,
)
from sitrep.gazetteer.mention_finder import MentionFinder
from sitrep.gazetteer.normalize import norm
from sitrep.gazetteer.recognize import Entity
from sitrep.gazetteer.resolve import COUNTRY_ENTRY_BASE, Mention, resolve
from sitrep.gazetteer.support import filter_supported
from sitrep.model import Toponym
from sitrep.model.records import ToponymKind


class Geoparser(MentionFinder, AdminContext):
    """Finds and resolves toponyms; holds parameters only (the gazetteer is opened by the caller)."""

    # -- public --------------------------------------------------------------------------------
    def toponyms(
        self, text: str, entities: Sequence[Entity] | None = None, country: str | None = None
    ) -> list[Toponym]:
        """Every toponym in ``text`` sorted by start, resolved with the document as context."""
        hint = self.gazetteer.country_iso2(country) if country else None
        mentions = self._mentions(text, entities, hint)
        self._link_context(text, mentions)
        resolve(mentions, hint)
        mentions = filter_supported(mentions, entities is None, hint)
        self._fuzzy(mentions, hint)
        if hint:
            self._respect_hint(text, mentions, hint)
        self._local_features(text, mentions)
        mentions = [m for m in mentions if m.entries or (self.keep_unresolved and not m.guess)]
        tops = [self._toponym(text, m) for m in mentions]
        if hint:
            tops = self._with_context(text, tops, hint, entities or [])
            tops = city_parts(self.gazetteer, text, tops, hint)
        return sorted(tops, key=lambda t: t.start)

    def _toponym(self, text: str, m: Mention) -> Toponym:
        best = m.best
        if best is None:
            return Toponym(m.span.start, m.span.end, m.span.text, None, "place", 0.0, 1)
        place = (self.gazetteer.country_place(best.cc) if best.fcode == "PCLI" and best.id >= COUNTRY_ENTRY_BASE
                 else self.gazetteer.place(best))
        if best.fcode == "ADM2X":  # only its province is known: the province's capital, as ACLED codes it
            place = self.gazetteer.admin1_seat(place.admin1, best.cc) or place
        kind: ToponymKind = "demonym" if m.kind == "demonym" else "place"
        after = text[m.span.end : m.span.end + 60]
        before = text[max(0, m.span.start - 30) : m.span.start]
        if kind == "place" and _stands_for_government(best.fcode, before, after):
            kind = "metonym"
        return Toponym(m.span.start, m.span.end, m.span.text, place, kind, round(m.best_prob, 3),
                       geo_precision(text, m.span, best))


def _stands_for_government(fcode: str, before: str, after: str) -> bool:
    """Whether a name written between ``before`` and ``after`` stands for a government or an
    organisation rather than the place: a capital or country that speaks, decides or acts ("Moscow
    vetoed", "strikes by Washington"), the seat of power ("the regime in Damascus"), or any name used
    as a modifier ("London-based")."""
    if ATTRIBUTIVE_AFTER.match(after):
        return True
    if fcode in ("PPLC", "PCLI") and (METONYM_AFTER.match(after) or METONYM_AGENT_BEFORE.search(before)
                                      or (METONYM_ACT_AFTER.match(after) and CLAUSE_OPEN_BEFORE.search(before))):
        return True
    return fcode == "PPLC" and bool(METONYM_BEFORE.search(before) or METONYM_NOUN_AFTER.match(after))


__all__ = ["Geoparser", "norm"]
