"""The country hint and admin context: places kept inside the document's country, parts of towns inside
its provinces, and names written with their admin areas ("X (Y, Z)", "in X, Y") placed inside those areas."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz, process

from sitrep.gazetteer.context import Item, Resolved, chain_keys, chains, resolve_chain
from sitrep.gazetteer.cues import LOCATIVE_BEFORE, geo_precision, is_local
from sitrep.gazetteer.fuzzy import FuzzyMatcher
from sitrep.gazetteer.index import Entry
from sitrep.gazetteer.normalize import norm
from sitrep.gazetteer.recognize import PLACE_LABELS, Entity, Span
from sitrep.gazetteer.resolve import COUNTRY_ENTRY_BASE, Mention, softmax
from sitrep.model import Toponym

_CLOSE_RATIO = 85  # a name spelled close to a town inside its written province ("Mogoke"/"Mogok")
_AREA_RATIO = 80  # an area name of a chain spelled close to a province or district ("Komondjari"/"Komandjoari")

_BODY = re.compile(r"\b(?:Corps|Forces?|Army|Police|Guards?|Brigade|Battalion|Regiment|Party|Front|Movement|"
                   r"Council|Committee|Ministry|University|College|Hospital|Court|Assembly|Commission|Agency|"
                   r"Authority|Company|Corporation|Bank|Association|Rangers|Militia|Command)$")


class AdminContext(FuzzyMatcher):
    """Applies the country hint and the admin areas written next to names."""

    def _named_countries(self, text: str, mentions: list[Mention]) -> set[str]:
        """Countries the text names itself (by name or demonym)."""
        out = set()
        for m in mentions:
            if m.kind == "demonym" or any(e.id >= COUNTRY_ENTRY_BASE for e in m.entries):
                best = m.best
                if best is not None and best.fcode == "PCLI":
                    out.add(best.cc)
        return out

    def _respect_hint(self, text: str, mentions: list[Mention], hint: str) -> None:
        """Places outside the hinted country only win when the text names their country; else the
        in-country candidates, or none (the admin context may still place the name)."""
        named = self._named_countries(text, mentions)
        for m in mentions:
            best = m.best
            if m.kind != "place" or best is None or best.cc == hint or best.cc in named:
                continue
            keep = [i for i, e in enumerate(m.entries) if e.cc == hint]
            m.entries = [m.entries[i] for i in keep]
            m.scores = [m.scores[i] for i in keep]
            m.probs = softmax(m.scores)

    def _local_features(self, text: str, mentions: list[Mention]) -> None:
        """'the Jaguaribe neighborhood', 'Colonia Progreso', 'Santa Luzia community': a part of a town,
        kept only where it lies in the admin1 of the document's other places (else unresolved)."""
        areas = {(e.cc, e.a1) for m in mentions if m.strong and (e := m.best) is not None
                 and e.fcode not in ("PCLI", "CONT") and not is_local(text, m.span)}
        if not areas:
            return
        for m in mentions:
            if m.kind != "place" or not m.entries or not is_local(text, m.span):
                continue
            keep = [i for i, e in enumerate(m.entries) if (e.cc, e.a1) in areas]
            m.entries = [m.entries[i] for i in keep]
            m.scores = [m.scores[i] for i in keep]
            m.probs = softmax(m.scores)

    def _with_context(
        self, text: str, tops: list[Toponym], hint: str, entities: Sequence[Entity]
    ) -> list[Toponym]:
        """Names written with their admin areas ("X (Y, Z)", "in X, Y"): placed inside those areas,
        or at the most specific area or town of them that the gazetteer knows."""
        others = [(s, e) for s, e, label in entities if label not in PLACE_LABELS]
        found_chains = [c for c in chains(text) if self._chain_name_ok(c[0]) and (
            "(" in text[c[0].end : c[1].start] or not self._chain_name_other(text, c[0], others))]
        if not found_chains:
            return tops
        found = self.gazetteer.lookup([k for c in found_chains for k in chain_keys(c)])
        self._close_areas(found_chains, found, hint)
        placed: list[tuple[Resolved, Toponym]] = []
        for chain in found_chains:
            r = resolve_chain(chain, found, hint)
            if r is None:
                continue
            if not r.own:
                r = self._close_spelling(r, hint)
            written = next((it.text for it, e in r.context if e is r.entry), "")
            new = self._chain_toponym(text, r.item, r.entry, r.own, written)
            tops = [t for t in tops if not (t.start < new.end and new.start < t.end)] + [new]
            tops = self._context_areas(tops, r.context)
            placed.append((r, new))
        return self._one_sense(text, tops, placed, found_chains)

    def _one_sense(self, text: str, tops: list[Toponym], placed: list[tuple[Resolved, Toponym]],
                   found_chains: list[list[Item]]) -> list[Toponym]:
        """One place per name per report: "Urozhaine, in the Donetsk region" also places the other
        mentions of Urozhaine in the report, however they resolved alone."""
        in_chains = [(it.start, it.end) for c in found_chains for it in c]
        for r, new in placed:
            for m in re.finditer(rf"(?<![\w-]){re.escape(r.item.text)}(?![\w-])", text):
                if any(s < m.end() and m.start() < e for s, e in in_chains):
                    continue
                span = Span(m.start(), m.end(), m.group(), "")
                precision = geo_precision(text, span, r.entry) if r.own else new.precision
                copy = Toponym(m.start(), m.end(), m.group(), new.place, "place", new.score, precision)
                tops = [t for t in tops if not (t.start < copy.end and copy.start < t.end)] + [copy]
        return tops

    def _close_areas(self, found_chains: list[list[Item]], found: dict[str, list[Entry]], hint: str) -> None:
        """The area names of chains ("X (Y, Komondjari)") that no exact lookup finds: the document's
        country's province or district spelled closest ("Komandjoari"), when close enough."""
        if not hint:
            return
        for chain in found_chains:
            for it in chain[-1:] if len(chain) > 1 else []:  # the widest area, written last
                key = norm(it.text)
                if len(key) < 5 or any(found.get(k) for k in chain_keys([it])):
                    continue
                areas = self.gazetteer.admin_areas(hint)
                hit = process.extractOne(key, sorted(areas), scorer=fuzz.ratio, score_cutoff=_AREA_RATIO)
                if hit:
                    found[key] = areas[hit[0]]

    def _close_spelling(self, r: Resolved, hint: str) -> Resolved:
        """An unknown name spelled close to a place inside the context's province ("Barsalogo" for
        "Barsalogho"): fuzzy matching, but only within that province."""
        key = norm(r.item.text)
        if len(key) < 5:
            return r
        close = self._fuzzy_key(key, hint)
        if not close or fuzz.ratio(close, key) < _CLOSE_RATIO:
            return r
        same = [e for e in self.gazetteer.lookup([close]).get(close, []) if e.cc == hint and e.a1 == r.entry.a1
                and e.fclass == "P" and (r.entry.fcode != "ADM2" or e.a2 in ("", r.entry.a2))]
        return Resolved(r.item, max(same, key=lambda e: e.pop), True, r.context) if same else r

    def _context_areas(self, tops: list[Toponym], context: list[tuple[Item, Entry]]) -> list[Toponym]:
        """The context names of a chain as the areas they were read as: "Kunduz" in "Imam Sahib district,
        Kunduz" is the province (precision 3), not the city of that name."""
        areas = [(it, e) for it, e in context if e.fcode in ("ADM1", "ADM2")]
        for it, e in areas:
            place, precision = self.gazetteer.place(e), 3 if e.fcode == "ADM1" else 2
            tops = [replace(t, place=place, precision=precision) if t.start < it.end and it.start < t.end
                    and t.kind == "place" else t for t in tops]
        return tops

    @staticmethod
    def _chain_name_other(text: str, item: Item, others: list[tuple[int, int]]) -> bool:
        """The name is tagged as a person or organisation and not written where places go."""
        if not any(s < item.end and item.start < e for s, e in others):
            return False
        return not LOCATIVE_BEFORE.search(text[max(0, item.start - 25) : item.start]) and not text[
            item.start - 5 : item.start].endswith("of ")

    def _chain_name_ok(self, item: Item) -> bool:
        key = norm(item.text)
        gaz = self.gazetteer
        if _BODY.search(item.text):
            return False  # "Frontier Corps, Balochistan": a body named after the province, not a place in it
        return not (key in self.stopwords or key in gaz.demonym_keys or key in gaz.country_keys or len(key) < 3)

    def _chain_toponym(self, text: str, item: Item, entry: Entry, own: bool, written: str = "") -> Toponym:
        """The toponym of a chain's name: its own place (precision as usual) or a context place
        (precision 2 for a town or ADM2 area, 3 for an ADM1 area, given at its seat as ACLED codes it;
        ``written``, the context's own words, may name a part of a split province: "Shan-North")."""
        span = Span(item.start, item.end, item.text, "")
        if own:
            return Toponym(item.start, item.end, item.text, self.gazetteer.place(entry), "place", 0.9,
                           geo_precision(text, span, entry))
        precision = 3 if entry.fcode in ("ADM1", "ADM2X") else 2
        place = self.gazetteer.place(entry)
        if entry.fcode in ("ADM1", "ADM2X"):  # ACLED's rule: a province only -> its capital
            part = self.gazetteer.split_part(written, entry.cc) if entry.fcode == "ADM1" else None
            seat = self.gazetteer.admin1_seat(part or place.admin1, entry.cc)
            place = seat if seat is not None else place
        return Toponym(item.start, item.end, item.text, place, "place", 0.5, precision)
