"""Fuzzy matching: names the gazetteer lacks, matched to close spellings inside the hinted country."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from sitrep.gazetteer.geoparser_base import GeoparserBase
from sitrep.gazetteer.normalize import skeleton
from sitrep.gazetteer.resolve import Mention

_SKELETON_MIN_RATIO = 70


class FuzzyMatcher(GeoparserBase):
    """Same-skeleton or close names, looked up only within one country."""

    def _fuzzy(self, mentions: list[Mention], hint: str | None) -> None:
        """Unmatched place spans: same-skeleton or close names within the hinted country only."""
        if not hint or hint not in self.gazetteer.countries:
            return
        areas = {e.a1 for m in mentions if m.strong and (e := m.best) is not None and e.cc == hint
                 and e.fcode != "PCLI"}
        for m in mentions:
            if m.entries or m.kind != "place":
                continue
            key = self._fuzzy_key(m.span.key, hint)
            entries = [e for e in self.gazetteer.lookup([key]).get(key, []) if e.cc == hint
                       and (not areas or e.a1 in areas)] if key else []  # in the document's provinces
            if not entries:  # an area whose position is unknown: its province ("Gatundu South")
                entries = [e for k in m.span.keys for e in self.gazetteer.lookup([k]).get(k, [])
                           if e.cc == hint and e.fcode == "ADM2X"][:1]
            if entries:
                m.entries = entries
                m.scores = [float(e.pop) for e in entries]
                m.probs = [0.5] * len(entries)

    def _fuzzy_key(self, key: str, cc: str) -> str | None:
        by_skel, keys = self.gazetteer.country_names(cc)
        same = by_skel.get(skeleton(key), [])
        close = [k for k in same if fuzz.ratio(k, key) >= _SKELETON_MIN_RATIO]
        if close:
            return max(close, key=lambda k: fuzz.ratio(k, key))
        hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff)
        return hit[0] if hit else None
