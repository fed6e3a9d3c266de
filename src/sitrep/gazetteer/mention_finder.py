"""Recognition of place mentions: entity spans and capitalised runs -> :class:`Mention` with gazetteer candidates.

Entity mentions come first, then non-overlapping gazetteer matches of capitalised runs, then (with a
country hint) unknown names in place position kept for fuzzy matching. Names that belong to people,
streets or institutions are left out; "X, Y" and "X, La." link later names to X as admin context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.gazetteer.cues import LOCATIVE_BEFORE, is_street, names_dwellers, names_institution
from sitrep.gazetteer.geoparser_base import GeoparserBase
from sitrep.gazetteer.index import Entry
from sitrep.gazetteer.normalize import ARTICLES
from sitrep.gazetteer.recognize import PLACE_LABELS, Entity, Span, entity_spans, keys_for, scan_spans
from sitrep.gazetteer.resolve import COUNTRY_ENTRY_BASE, Mention

_ADMIN_NOUN = r"(?:province|governorate|state|region|oblast|prefecture)"
_ADMIN_AFTER = re.compile(rf"^\s+{_ADMIN_NOUN}s?\b", re.I)
# "the northwestern province of Idlib": the province
_ADMIN_BEFORE = re.compile(rf"\b{_ADMIN_NOUN}\s+of\s+$", re.I)
# a name heading a list that one plural area word closes: "Idlib and Aleppo provinces"
_LISTED_ADMIN_AFTER = re.compile(r"^(?:\s*,\s*[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)*,?\s+and\s+[A-Z][\w'’-]*"
                                 r"(?:\s[A-Z][\w'’-]*)?\s+(?:provinces|governorates|states|regions|oblasts)\b")
_ADMIN_WORD = re.compile(r"\b(?:province|governorate|state|region|oblast|county|parish|district|prefecture)$", re.I)
_DISTRICT_AFTER = re.compile(r"^\s+(?:district|sub-?district|township|tehsil|upazila)\b", re.I)
# the place an attack is aimed at, or a sea position: "shelled Kherson", "strikes on Gaza", "off Hodeidah"
_TARGET_BEFORE = re.compile(r"\b(?:shelled|struck|bombed|attacked|raided|stormed|captured|seized|besieged|hit|"
                            r"targeted|pounded|shelling|bombing|strikes?|attacks?|raids?|assault)\s+(?:on\s+)?$|"
                            r"\boff\s+(?:the\s+coast\s+of\s+)?$", re.I)
_CONTEXT_SEP = re.compile(r"^\s*(?:,|\(|in)\s*$")
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


class MentionFinder(GeoparserBase):
    """Finds the spans that may name places and their gazetteer candidates."""

    def _mentions(self, text: str, entities: Sequence[Entity] | None, hint: str | None = None) -> list[Mention]:
        """Entity mentions, then non-overlapping gazetteer matches, then (with a hint) fuzzy guesses."""
        ents = [self._without_owner(text, s) for s in entity_spans(text, entities)] if entities is not None else []
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
        for m in chosen:
            before = text[max(0, m.span.start - 25) : m.span.start]
            m.locative = bool(LOCATIVE_BEFORE.search(before) or _TARGET_BEFORE.search(before))
        surnames = _person_words(text, entities or [])
        return [m for m in chosen if m.span.text not in surnames or m.kind == "demonym" or _in_hint(m, hint)
                or (m.locative and hint is not None and any(e.cc == hint for e in m.entries))]  # "in western Aleppo"

    def _without_owner(self, text: str, span: Span) -> Span:
        """A span opened by its country's possessive written without the apostrophe ("Syrias Hama", as
        copies that drop punctuation write "Syria's Hama"): the place that follows, whatever the tagger
        called the whole (it reads "Syrias Hama" as a person)."""
        first, _, rest = span.text.partition(" ")
        if not rest or not self.gazetteer.is_country_possessive(first):
            return span
        start = span.start + len(first) + 1
        return Span(start, span.end, rest, "GPE", keys_for(rest), span.longer)

    def _is_person(self, text: str, span: Span, found: dict[str, list[Entry]], hint: str | None) -> bool:
        """A multi-word PERSON span, unless it is a known place written where places go ("in Khan Yunis")."""
        if span.label != "PERSON" or " " not in span.text:
            return False
        entries = next((found[k] for k in span.keys if found.get(k)), [])
        if not entries:
            return True
        in_hint = hint is not None and any(e.cc == hint for e in entries)
        return not (in_hint or LOCATIVE_BEFORE.search(text[max(0, span.start - 25) : span.start]))

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
            if _overlaps(span, taken) or _inside_any(span, blocked) or is_street(text, span):
                continue
            if _inside_any(span, named) and not any(s == span.start for s, _ in named) \
                    and not names_dwellers(text, span, named):
                continue
            if hint and names_institution(text, span, named):
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
        if is_street(text, span):
            return False
        if not all(w[:1].isupper() or w.lower() in ARTICLES for w in re.split(r"[\s\-]+", span.text)):
            return False
        return bool(LOCATIVE_BEFORE.search(text[max(0, span.start - 25) : span.start]))

    def _country_entry(self, key: str) -> list[Entry]:
        iso2 = self.gazetteer.country_keys.get(key)
        if iso2 is None:
            return []
        c = self.gazetteer.countries[iso2]
        return [Entry(COUNTRY_ENTRY_BASE, c.name, c.lat, c.lon, iso2, "", "", "A", "PCLI", c.pop)]

    def _candidates(self, span: Span, found: dict[str, list[Entry]], text: str = "") -> list[Entry]:
        """Entries a span may name: country, admin1 abbreviation, or every place with that name key."""
        if text and (_ADMIN_AFTER.match(text[span.end : span.end + 16])
                     or (_ADMIN_BEFORE.search(text[max(0, span.start - 16) : span.start])
                         and span.key not in self.gazetteer.country_keys)  # "the Mopti region of Mali"
                     or _LISTED_ADMIN_AFTER.match(text[span.end : span.end + 80])):
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
        if text and _DISTRICT_AFTER.match(text[span.end : span.end + 16]):
            named = _district_not_province(named)
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
        if self.gazetteer.is_country_possessive(word):
            return False  # "Syrias Deir Ezzor": a country's possessive that lost its apostrophe, no first name
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


def _district_not_province(entries: list[Entry]) -> list[Entry]:
    """'Balkh district': the district named after its town, not the province of the same name; the
    province's candidates give way to a town or ADM2 area of that name inside it."""
    inner = {(e.cc, e.a1) for e in entries if e.fclass == "P" or e.fcode == "ADM2"}
    return [e for e in entries if e.fcode != "ADM1" or (e.cc, e.a1) not in inner]


def _fills_place_entity(text: str, span: Span, place_ents: list[tuple[int, int]]) -> bool:
    """The span is a place entity, give or take generic words: 'Kandahar' in 'Kandahar city'."""
    for s, e in place_ents:
        if s <= span.start and span.end <= e:
            rest = (text[s : span.start] + " " + text[span.end : e]).lower()
            return all(w in _GENERIC_WORDS for w in re.findall(r"[a-z]+", rest))
    return False


def _overlaps(span: Span, taken: list[tuple[int, int]]) -> bool:
    return any(span.start < e and s < span.end for s, e in taken)


def _inside_any(span: Span, spans: list[tuple[int, int]]) -> bool:
    return any(s <= span.start and span.end <= e for s, e in spans)
