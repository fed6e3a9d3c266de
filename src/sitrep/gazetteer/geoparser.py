"""The geoparser: text (+ optional NER spans and a country hint) -> resolved :class:`Toponym` list.

    >>> gp = Geoparser(Gazetteer.open())
    >>> [t.place.name for t in gp.toponyms("Shelling hit Al Mayadin and Deir ez-Zor.", country="Syria")]
    ['Al Mayādīn', 'Deir ez-Zor']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from sitrep.gazetteer import knowledge
from sitrep.gazetteer.context import Item, Resolved, chain_keys, chains, resolve_chain
from sitrep.gazetteer.index import Entry, Gazetteer
from sitrep.gazetteer.normalize import ARTICLES, norm, skeleton
from sitrep.gazetteer.recognize import PLACE_LABELS, Entity, Span, entity_spans, scan_spans
from sitrep.gazetteer.resolve import COUNTRY_ENTRY_BASE, Mention, resolve, softmax
from sitrep.model import Toponym
from sitrep.model.records import ToponymKind

_NEAR_BEFORE = re.compile(
    r"(?:\bnear|\boutside|\boutskirts of|\bnorth of|\bsouth of|\beast of|\bwest of|\bnortheast of|"
    r"\bnorthwest of|\bsoutheast of|\bsouthwest of|\baround|\bclose to|\bvicinity of|\bkm of|"
    r"\bmiles of|\bcountryside of|\bdistrict of|\barea of|\bsuburbs? of|\bedge of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DISTANCE_BEFORE = re.compile(r"\b(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+)?(?:of|from)\s+$", re.I)
_AREA_AFTER = re.compile(r"^\s+(?:district|area|region|countryside|suburbs?|outskirts|environs|vicinity|"
                         r"neighbou?rhood|province|governorate|county)\b", re.I)
_METONYM_AFTER = re.compile(r"^['’]?s?\s+(?:said|says|say|announced|accused|denied|warned|claimed|condemned|"
                            r"has said|has accused|has denied|urged|rejected|insists|insisted|demanded|"
                            r"responded|blamed)\b")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|at|on|outside|around|towards?|from|village of|town of|city of|district of)\s+(?:the\s+)?$", re.I
)
_STREET_AFTER = re.compile(r"^\s+(?:St|Street|Rd|Road|Ave|Avenue|Dr|Drive|Ln|Lane|Blvd|Boulevard|Way|Court|Ct|"
                           r"Circle|Trail|Pike|Parkway|Highway|Hwy|Place|Terrace|Square|Plaza)\b")
_ADMIN_AFTER = re.compile(r"^\s+(?:province|governorate|state|region|oblast|prefecture)\b", re.I)
_ADMIN_WORD = re.compile(r"\b(?:province|governorate|state|region|oblast|county|parish|district|prefecture)$", re.I)
_CONTEXT_SEP = re.compile(r"^\s*(?:,|\(|in)\s*$")
_WEAK_MIN_POP = 1000
_SKELETON_MIN_RATIO = 70
_CLOSE_RATIO = 85  # a name spelled close to a town inside its written province ("Mogoke"/"Mogok")
_WORD_BEFORE = re.compile(r"(?<![\w.])([A-Za-z][\w'’]*\.?) $")
_TITLES = frozenset({
    "president", "mr", "mrs", "ms", "dr", "sen", "gov", "rep", "officer", "sheriff", "mayor", "chief", "coach",
    "judge", "pastor", "rev", "gen", "col", "capt", "sgt", "lt", "minister", "king", "queen", "prince", "pope",
    "deputy", "detective", "trooper", "sir", "lord", "lady", "senator", "governor", "secretary", "professor",
})
_GENERIC_WORDS = frozenset({
    "the", "city", "town", "village", "district", "subdistrict", "sub", "province", "governorate", "region", "county",
    "area", "municipality", "township", "camp", "state", "oblast", "department", "prefecture", "commune", "division",
})
_REGION_CODES = frozenset({"ADM1", "ADM2X", "PCLI", "RGN", "DSRT", "CONT", "OCN", "SEA", "GULF", "ISL", "AREA"})
_BIG_CODES = frozenset({"PCLI", "ADM1", "CONT", "OCN", "RGN"})


class Geoparser:
    """Finds and resolves toponyms; holds parameters only (the gazetteer is opened by the caller)."""

    def __init__(self, gazetteer: Gazetteer, fuzzy_cutoff: float = 88.0, keep_unresolved: bool = False) -> None:
        self.gazetteer = gazetteer
        self.fuzzy_cutoff = fuzzy_cutoff
        self.keep_unresolved = keep_unresolved
        self._abbrev: dict[str, str] | None = None
        self._stop: frozenset[str] | None = None

    @property
    def stopwords(self) -> frozenset[str]:
        """Words never taken as places by gazetteer matching alone, read on first use."""
        if self._stop is None:
            self._stop = knowledge.place_stopwords()
        return self._stop

    @property
    def abbreviations(self) -> dict[str, str]:
        """Admin1 abbreviations ("La." -> "US.LA"), read on first use."""
        if self._abbrev is None:
            self._abbrev = knowledge.admin1_abbreviations()
        return self._abbrev

    # -- public --------------------------------------------------------------------------------
    def toponyms(
        self, text: str, entities: Sequence[Entity] | None = None, country: str | None = None
    ) -> list[Toponym]:
        """Every toponym in ``text`` sorted by start, resolved with the document as context."""
        hint = self.gazetteer.country_iso2(country) if country else None
        mentions = self._mentions(text, entities, hint)
        self._link_context(text, mentions)
        resolve(mentions, hint)
        mentions = self._filter(mentions, entities is None, hint)
        self._fuzzy(mentions, hint)
        if hint:
            self._respect_hint(text, mentions, hint)
        self._local_features(text, mentions)
        mentions = [m for m in mentions if m.entries or (self.keep_unresolved and not m.guess)]
        tops = [self._toponym(text, m) for m in mentions]
        if hint:
            tops = self._with_context(text, tops, hint, entities or [])
        return sorted(tops, key=lambda t: t.start)

    # -- country hint and admin context --------------------------------------------------------
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
                 and e.fcode not in ("PCLI", "CONT") and not _is_local(text, m.span)}
        if not areas:
            return
        for m in mentions:
            if m.kind != "place" or not m.entries or not _is_local(text, m.span):
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
        placed: list[tuple[Resolved, Toponym]] = []
        for chain in found_chains:
            r = resolve_chain(chain, found, hint)
            if r is None:
                continue
            if not r.own:
                r = self._close_spelling(r, hint)
            new = self._chain_toponym(text, r.item, r.entry, r.own)
            tops = [t for t in tops if not (t.start < new.end and new.start < t.end)] + [new]
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
                precision = _precision(text, span, r.entry) if r.own else new.precision
                copy = Toponym(m.start(), m.end(), m.group(), new.place, "place", new.score, precision)
                tops = [t for t in tops if not (t.start < copy.end and copy.start < t.end)] + [copy]
        return tops

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
        return Resolved(r.item, max(same, key=lambda e: e.pop), True) if same else r

    @staticmethod
    def _chain_name_other(text: str, item: Item, others: list[tuple[int, int]]) -> bool:
        """The name is tagged as a person or organisation and not written where places go."""
        if not any(s < item.end and item.start < e for s, e in others):
            return False
        return not _LOCATIVE_BEFORE.search(text[max(0, item.start - 25) : item.start]) and not text[
            item.start - 5 : item.start].endswith("of ")

    def _chain_name_ok(self, item: Item) -> bool:
        key = norm(item.text)
        gaz = self.gazetteer
        return not (key in self.stopwords or key in gaz.demonym_keys or key in gaz.country_keys or len(key) < 3)

    def _chain_toponym(self, text: str, item: Item, entry: Entry, own: bool) -> Toponym:
        """The toponym of a chain's name: its own place (precision as usual) or a context place
        (precision 2 for a town or ADM2 area, 3 for an ADM1 area, given at its seat as ACLED codes it)."""
        span = Span(item.start, item.end, item.text, "")
        if own:
            return Toponym(item.start, item.end, item.text, self.gazetteer.place(entry), "place", 0.9,
                           _precision(text, span, entry))
        precision = 3 if entry.fcode in ("ADM1", "ADM2X") else 2
        place = self.gazetteer.place(entry)
        if entry.fcode in ("ADM1", "ADM2X"):  # ACLED's rule: a province only -> its capital
            seat = self.gazetteer.admin1_seat(place.admin1, entry.cc)
            place = seat if seat is not None else place
        return Toponym(item.start, item.end, item.text, place, "place", 0.5, precision)

    # -- recognition ---------------------------------------------------------------------------
    def _mentions(self, text: str, entities: Sequence[Entity] | None, hint: str | None = None) -> list[Mention]:
        """Entity mentions, then non-overlapping gazetteer matches, then (with a hint) fuzzy guesses."""
        ents = entity_spans(text, entities) if entities is not None else []
        scans = scan_spans(text)
        found = self._lookup(text, [*ents, *scans])
        blocked = [(s.start, s.end) for s in ents if self._is_person(text, s, found, hint)]
        chosen = [m for m in (self._from_entity(span, found, text) for span in ents) if m is not None]
        chosen += self._scan_mentions(text, ents, scans, found, chosen, blocked, hint)
        taken = [(m.span.start, m.span.end) for m in chosen]
        unknown = [s for s in ents if s.label in ("GPE", "LOC") and not _overlaps(s, taken)]
        chosen += [Mention(s, [], strong=True) for s in unknown]  # for fuzzy matching, else dropped
        if hint:
            keep = [(m.span.start, m.span.end) for m in chosen if m.strong or any(e.cc == hint for e in m.entries)]
            guesses = self._guesses(text, scans, keep + blocked)
            spots = [(g.span.start, g.span.end) for g in guesses]
            chosen = [m for m in chosen if not _overlaps(m.span, spots)] + guesses
        chosen.sort(key=lambda m: m.span.start)
        surnames = _person_words(text, entities or [])
        return [m for m in chosen if m.span.text not in surnames or m.kind == "demonym" or _in_hint(m, hint)]

    def _is_person(self, text: str, span: Span, found: dict[str, list[Entry]], hint: str | None) -> bool:
        """A multi-word PERSON span, unless it is a known place written where places go ("in Khan Yunis")."""
        if span.label != "PERSON" or " " not in span.text:
            return False
        entries = next((found[k] for k in span.keys if found.get(k)), [])
        if not entries:
            return True
        in_hint = hint is not None and any(e.cc == hint for e in entries)
        return not (in_hint or _LOCATIVE_BEFORE.search(text[max(0, span.start - 25) : span.start]))

    def _lookup(self, text: str, spans: list[Span]) -> dict[str, list[Entry]]:
        """One batched lookup of every span's keys; spans whose name includes "'s" take it in."""
        found = self.gazetteer.lookup([k for s in spans for k in s.all_keys(text)])
        for span in spans:
            longer = found.get(span.all_keys(text)[-1], []) if span.longer else []
            if any(not e.alt and ("'" in e.name or "’" in e.name) for e in longer):
                span.lengthen(text)
        return found

    def _scan_mentions(
        self, text: str, ents: list[Span], scans: list[Span], found: dict[str, list[Entry]],
        chosen: list[Mention], blocked: list[tuple[int, int]], hint: str | None = None,
    ) -> list[Mention]:
        """Gazetteer matches of capitalised runs, longest first, outside entities already taken.

        With a country hint (event coding) a place name that only starts an institution's name is
        skipped ("San Agustin National University"); without one it stays (news gold such as LGL's
        counts "Louisiana" in "Louisiana State University")."""
        taken = [(m.span.start, m.span.end) for m in chosen]
        place_ents = [(s.start, s.end) for s in ents if s.label in PLACE_LABELS]
        named = [(s.start, s.end) for s in ents if s.label not in PLACE_LABELS | {"NORP", "PERSON"}]
        out = []
        for span in sorted(scans, key=lambda s: s.start - s.end):
            if _overlaps(span, taken) or _inside_any(span, blocked) or _is_street(text, span):
                continue
            if _inside_any(span, named) and not any(s == span.start for s, _ in named):
                continue
            if hint and _names_institution(text, span, named):
                continue
            m = self._from_scan(span, found, text, _fills_place_entity(text, span, place_ents))
            if m is not None:
                out.append(m)
                taken.append((span.start, span.end))
        return out

    def _guesses(self, text: str, scans: list[Span], taken: list[tuple[int, int]]) -> list[Mention]:
        """Unknown names in place position, kept only for fuzzy matching in the hinted country."""
        out = []
        for span in sorted(scans, key=lambda s: s.start - s.end):
            if not _overlaps(span, taken) and self._guessable(text, span):
                out.append(Mention(span, [], strong=True, guess=True))
                taken.append((span.start, span.end))
        return out

    def _guessable(self, text: str, span: Span) -> bool:
        """An unknown capitalised name right after 'in', 'near', 'village of'...: worth a fuzzy try."""
        if span.key in self.stopwords or span.key in self.gazetteer.demonym_keys or len(span.key) < 4:
            return False
        if _is_street(text, span):
            return False
        if not all(w[:1].isupper() or w.lower() in ARTICLES for w in re.split(r"[\s\-]+", span.text)):
            return False
        return bool(_LOCATIVE_BEFORE.search(text[max(0, span.start - 25) : span.start]))

    def _country_entry(self, key: str) -> list[Entry]:
        iso2 = self.gazetteer.country_keys.get(key)
        if iso2 is None:
            return []
        c = self.gazetteer.countries[iso2]
        return [Entry(COUNTRY_ENTRY_BASE, c.name, c.lat, c.lon, iso2, "", "", "A", "PCLI", c.pop)]

    def _candidates(self, span: Span, found: dict[str, list[Entry]], text: str = "") -> list[Entry]:
        """Entries a span may name: country, admin1 abbreviation, or every place with that name key."""
        if text and _ADMIN_AFTER.match(text[span.end : span.end + 16]):
            areas = [e for e in found.get(span.key, []) if e.fcode in ("ADM1", "ADM2")]
            if areas:
                return areas
        dotted = text[span.end : span.end + 1] == "."
        abbr = self.abbreviations.get(span.text) or (self.abbreviations.get(span.text + ".") if dotted else None)
        if abbr and ("." in span.text or len(span.text) > 2):
            entry = self.gazetteer.admin1_entry(abbr)
            return [entry] if entry else []
        named = next((found[k] for k in span.keys if any(e.fcode != "ADM2X" for e in found.get(k, []))), [])
        named = [e for e in named if e.fcode != "ADM2X"]  # areas of unknown position: admin context only
        if not named and span.label in PLACE_LABELS:
            named = self.gazetteer.admin1_by_alias(span.key)  # a province by a spelling GeoNames lacks
        entries = self._country_entry(span.key) + named
        if len(entries) > 60:
            entries = sorted(entries, key=lambda e: -e.pop)[:60]
        return _prefer_cities(entries, span.text)

    def _demonym(self, span: Span) -> Mention | None:
        iso2 = self.gazetteer.demonym_keys.get(span.key)
        if iso2 is None or span.key in self.gazetteer.country_keys:
            return None
        c = self.gazetteer.countries[iso2]
        entry = Entry(COUNTRY_ENTRY_BASE, c.name, c.lat, c.lon, iso2, "", "", "A", "PCLI", c.pop)
        return Mention(span, [entry], strong=False, kind="demonym")

    def _from_entity(self, span: Span, found: dict[str, list[Entry]], text: str) -> Mention | None:
        if span.label == "NORP" or span.key in self.gazetteer.demonym_keys:
            return self._demonym(span)
        if span.label not in PLACE_LABELS:
            return None
        entries = self._candidates(span, found, text)
        return Mention(span, entries, strong=True) if entries else None

    def _from_scan(self, span: Span, found: dict[str, list[Entry]], text: str, in_place_ent: bool) -> Mention | None:
        demonym = self._demonym(span)
        if demonym is not None:
            return demonym
        entries = self._candidates(span, found, text)
        if not entries or span.key in self.stopwords:
            return None
        strong = any(e.fcode in ("PCLI", "ADM1") and not e.alt for e in entries) or in_place_ent
        if not strong and self._after_name(text, span):
            return None
        return Mention(span, entries, strong=strong)

    def _after_name(self, text: str, span: Span) -> bool:
        """'David Jones', 'President Obama': a capitalised word or title right before, joined by a space."""
        m = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
        if m is None:
            return False
        word = m.group(1)
        if word.lower().rstrip(".") in _TITLES:
            return True
        return not word.endswith(".") and word[0].isupper() and word.lower() not in self.stopwords

    def _link_context(self, text: str, mentions: list[Mention]) -> None:
        """'X, Y' / 'X (Y, Z)' / 'X, La.': later names as admin context for X (not in lists 'A, B, C, D')."""
        joined = [i > 0 and _joins(text[mentions[i - 1].span.end : m.span.start]) for i, m in enumerate(mentions)]
        for i, m in enumerate(mentions):
            chain = []
            for j in range(i + 1, min(i + 3, len(mentions))):
                if not joined[j]:
                    break
                chain.append(j)
            in_list = joined[i] or (chain and chain[-1] + 1 < len(mentions) and joined[chain[-1] + 1])
            if not in_list:
                m.context.extend(chain)
            tail = text[m.span.end : m.span.end + 12]
            ab = re.match(r"^,\s*([A-Z][A-Za-z\.\s]{1,6}?\.?)(?=[\s,;:)]|$)", tail)
            if ab and ab.group(1).strip() in self.abbreviations:
                m.context_admin1.add(self.abbreviations[ab.group(1).strip()])

    # -- filtering, fuzzy, output --------------------------------------------------------------
    def _keep(self, m: Mention, areas: set[tuple[str, str]], ccs: set[str], no_ner: bool, hint: str | None) -> bool:
        """Strong mentions stay; a weak one needs the hinted country, document support or a big name."""
        if m.strong or m.kind == "demonym":
            return True
        best = m.best
        if best is not None and best.cc == hint and (no_ner or not best.alt):
            return True
        if best is not None and best.cc == hint:  # an alternate name ("Molotov" for Perm) needs support
            return (best.cc, best.a1) in areas or (
                _spelling_of(m.span.key, best.name) and not any(a[0] == hint for a in areas))
        if best is None or best.pop < _WEAK_MIN_POP:
            return False
        if hint and best.cc != hint and (best.alt or best.pop < 100_000) and best.fcode not in _BIG_CODES:
            return False
        if m.context or m.context_admin1:
            return True
        if (best.cc, best.a1) in areas and (not best.alt or best.pop >= 100_000):
            return True
        if best.alt and best.pop < 500_000:
            return False
        if no_ner:
            return best.pop >= 20_000 or best.fcode in ("ADM1", "ADM2", "CONT")
        return best.pop >= 100_000 and best.cc in ccs

    def _filter(self, mentions: list[Mention], no_ner: bool, hint: str | None) -> list[Mention]:
        """Keep strong mentions, and weak ones the document supports (see :meth:`_keep`)."""
        strong = [m.best for m in mentions if m.strong and m.best is not None]
        areas = {(e.cc, e.a1) for e in strong if e.fcode != "PCLI"}
        ccs = {e.cc for e in strong}
        keys_by_area: dict[tuple[str, str], set[str]] = {}
        for m in mentions:
            e = m.best
            if e is not None and e.fcode != "PCLI" and e.pop >= _WEAK_MIN_POP:
                keys_by_area.setdefault((e.cc, e.a1), set()).add(m.span.key)
        areas |= {a for a, keys in keys_by_area.items() if len(keys) >= 2}
        return [m for m in mentions if self._keep(m, areas, ccs, no_ner, hint)]

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

    def _toponym(self, text: str, m: Mention) -> Toponym:
        best = m.best
        if best is None:
            return Toponym(m.span.start, m.span.end, m.span.text, None, "place", 0.0, 1)
        place = (self.gazetteer.country_place(best.cc) if best.fcode == "PCLI" and best.id >= COUNTRY_ENTRY_BASE
                 else self.gazetteer.place(best))
        if best.fcode == "ADM2X":  # only its province is known: the province's capital, as ACLED codes it
            place = self.gazetteer.admin1_seat(place.admin1, best.cc) or place
        kind: ToponymKind = "demonym" if m.kind == "demonym" else "place"
        after = text[m.span.end : m.span.end + 30]
        if kind == "place" and best.fcode in ("PPLC", "PCLI") and _METONYM_AFTER.match(after):
            kind = "metonym"
        return Toponym(m.span.start, m.span.end, m.span.text, place, kind, round(m.best_prob, 3),
                       _precision(text, m.span, best))


def _precision(text: str, span: Span, e: Entry) -> int:
    """ACLED geo_precision: 3 for a province or country, 2 for 'near X' / 'X district', else 1."""
    if e.fcode in _REGION_CODES:
        return 3
    before = text[max(0, span.start - 40) : span.start]
    if _NEAR_BEFORE.search(before) or _DISTANCE_BEFORE.search(before):
        return 2
    if _AREA_AFTER.match(text[span.end : span.end + 25]):
        return 2
    return 2 if e.fcode == "ADM2" else 1


_LOCAL_AFTER = re.compile(r"^\s+(?:neighbou?rhoods?|community|communities|quarter|ward|sector|barrio|colonia|"
                          r"district of the city|suburb|settlement|avenue|street|square|park|favelas?|slums?|"
                          r"shanty ?town|township of the city|(?:slums?|favela|housing) complex)\b", re.I)
_LOCAL_BEFORE = re.compile(r"\b(?:colonia|barrio|neighbou?rhood of|bairro|ward of|quarter of|favela(?: of)?|"
                           r"slums? of|complexo(?: d[aeo])?)\s+$", re.I)


def _is_local(text: str, span: Span) -> bool:
    """A part of a town: 'X neighborhood', 'Colonia X', 'X community'."""
    return bool(_LOCAL_AFTER.match(text[span.end : span.end + 30])
                or _LOCAL_BEFORE.search(text[max(0, span.start - 25) : span.start])
                or span.text.lower().startswith(("colonia ", "barrio ", "bairro ")))


def _spelling_of(key: str, name: str) -> bool:
    """The written name is a spelling of the place's main name ("Mykolaiv"/"Mykolayiv"), not another name."""
    return fuzz.ratio(key, norm(name)) >= 70


def _in_hint(m: Mention, hint: str | None) -> bool:
    """A place entity ("Potsdam" as GPE) known in the hinted country: not a surname."""
    return hint is not None and m.span.label in ("GPE", "LOC") and any(e.cc == hint for e in m.entries)


def _joins(gap: str) -> bool:
    """True when two names are written as one phrase: 'X, Y', 'X (Y', 'X in Y'."""
    return bool(_CONTEXT_SEP.match(gap)) or gap.strip() in (",", "(", ")", "),", ", (")


def _person_words(text: str, entities: Sequence[Entity]) -> set[str]:
    """Words of multi-word PERSON names ('Coach Ripley', 'John Scott'): the same word alone is a person."""
    words: set[str] = set()
    for start, end, label in entities:
        parts = text[start:end].split()
        if label == "PERSON" and len(parts) > 1:
            words.update(p.strip("'’s.,") for p in parts[1:])
    return words


def _prefer_cities(entries: list[Entry], text: str) -> list[Entry]:
    """'Deir ez-Zor', 'Kyiv': the capital city, not the province named after it (unless 'X province')."""
    capitals = {e.cc for e in entries if e.fcode in ("PPLC", "PPLA")}
    if not capitals or _ADMIN_WORD.search(text):
        return entries
    return [e for e in entries if not (e.fcode in ("ADM1", "ADM2") and e.cc in capitals)]


def _fills_place_entity(text: str, span: Span, place_ents: list[tuple[int, int]]) -> bool:
    """The span is a place entity, give or take generic words: 'Kandahar' in 'Kandahar city'."""
    for s, e in place_ents:
        if s <= span.start and span.end <= e:
            rest = (text[s : span.start] + " " + text[span.end : e]).lower()
            return all(w in _GENERIC_WORDS for w in re.findall(r"[a-z]+", rest))
    return False


_INSTITUTION = re.compile(r"\b(?:University|College|School|Institute|Hospital|Church|Mosque|Company|Bank|Airlines?|"
                          r"Stadium|Foundation|Party|Movement|Club|Council|Association|Union)\b")


def _names_institution(text: str, span: Span, named: list[tuple[int, int]]) -> bool:
    """'San Agustin National University': a place name that only starts an institution's name."""
    return any(s <= span.start and span.end <= e and _INSTITUTION.search(text[span.end : e]) for s, e in named)


_STREET_AFTER_LOWER = re.compile(r"^\s+(?:street|avenue|boulevard|lane)\b")


def _is_street(text: str, span: Span) -> bool:
    """'Main St.', 'Dublin Road', 'Della Commenda street': a street named after a place."""
    after = text[span.end : span.end + 12]
    return bool(_STREET_AFTER.match(after) or _STREET_AFTER_LOWER.match(after))


def _overlaps(span: Span, taken: list[tuple[int, int]]) -> bool:
    return any(span.start < e and s < span.end for s, e in taken)


def _inside_any(span: Span, spans: list[tuple[int, int]]) -> bool:
    return any(s <= span.start and span.end <= e for s, e in spans)


__all__ = ["Geoparser", "norm"]
