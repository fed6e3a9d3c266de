"""Places written with their admin context: "in Kelbo (Kelbo, Soum)", "in X village, Y township (Z district,
R region)", "in Ciudad Juarez, Chihuahua".

Conflict notes and local news name small places together with the areas they lie in. This module finds
such chains in the text (no NER needed) and, with the document's country, resolves them:

- the name itself when the gazetteer knows it inside the named areas (precision 1);
- otherwise the most specific area or town of the context that the gazetteer knows: a town or ADM2
  area gives precision 2, an ADM1 area its seat (or centre) with precision 3. ``Place.name`` is then
  that area's or town's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from sitrep.gazetteer.index import Entry
from sitrep.gazetteer.recognize import entries_in, keys_for

_GENERIC = (r"village|town|city|township|district|sub-?county|subcounty|county|municipality|commune|woreda|zone|"
            r"region|state|province|governorate|department|prefecture|division|locality|area|camp|kebele|"
            r"barangay|neighbou?rhood|settlement|LGA|oblast|raion|regency|tehsil|upazila|corregimiento|vereda|"
            r"parish|sub-?district|ward|circle|cercle|territory|groupement|chiefdom|sector|municipio|hromada|"
            r"territorial community|rural community|mukim|union|countryside")
_CAP = r"(?:(?:al|el|ad|ar|as|ash|an|at|az|ed|es|ez|adh)-)?[A-Z][\w'’\-]*"  # "al-Ain" too
_LINK = r"(?:de|del|la|al|el|ad|as|ash|ar|an|of|du|des|da|do|y|e|i|bin)"
ITEM = re.compile(rf"(?:(?:village|town|city|district|commune)\s+of\s+)?"
                  rf"(?P<name>{_CAP}(?:\s+(?:{_CAP}|{_LINK})){{0,7}}?)(?:\s+(?P<generic>(?i:{_GENERIC})))?\s*$")
_PAREN = re.compile(r"\(([^()\n]{2,200})\)")
_NAMEPAT = rf"{_CAP}(?:\s+(?:{_CAP}|{_LINK})){{0,5}}(?:\s+(?i:{_GENERIC}))?"  # bounded: no backtracking blow-up
_LOCATIVE_CHAIN = re.compile(rf"(?<![A-Z][\w'’\-])(?<![,(])\s({_NAMEPAT}(?:,\s+{_NAMEPAT}){{1,3}})"
                             r"(?=[.;:,)]|\s*$|\s*\n|\s+\(|\s+[a-z])")
_NESTED_AREA = (r"district|region|zone|woreda|province|state|governorate|county|township|municipality|department|"
                r"oblast|raion|countryside|sub-?county|prefecture|division")
# "X, a village in Y province": the name with its kind in apposition before its area
_APPOSITION = r"(?:an?\s+(?:small\s+|remote\s+)?(?:village|town|city|hamlet|locality|settlement)\s+)"
_NESTED_CHAIN = re.compile(
    rf"(?<![\w,(])({_NAMEPAT})((?:,?\s+{_APPOSITION}?(?:in|of)\s+(?:the\s+)?{_CAP}(?:\s+(?:{_CAP}|{_LINK})){{0,4}}"
    rf"\s+(?i:{_NESTED_AREA})\b(?!\s+[A-Z])){{1,3}})"  # not "of the Chhattisgarh State Police"
)
_COUNTED = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|several|many|some)\s+$",
                      re.IGNORECASE)
_NESTED_SEP = re.compile(rf",?\s+{_APPOSITION}?(?:in|of)\s+(?:the\s+)?")
_LIST_AFTER = re.compile(r"^,?\s+(?:and|or|&)\s")
_AREA_GENERIC = frozenset({"district", "township", "subcounty", "sub-county", "county", "municipality", "commune",
                           "woreda", "zone", "department", "prefecture", "division", "lga", "raion", "regency",
                           "tehsil", "upazila", "territory", "cercle", "circle", "sector", "chiefdom", "municipio"})
_ADM1_GENERIC = frozenset({"region", "state", "province", "governorate", "oblast", "countryside"})
_PLACE_GENERIC = frozenset({"village", "town", "city", "locality", "camp", "settlement", "kebele", "barangay",
                            "corregimiento", "vereda", "ward", "hromada", "territorial community"})
_STOP = frozenset({"the", "on", "in", "at", "between", "around", "near", "local", "sources", "police", "army",
                   "military", "forces"})


_ACRONYM = re.compile(r"[A-Z]{2,5}")


@dataclass(slots=True)
class Item:
    """One name of a chain: its span (without the generic word) and the generic word, lowercased."""

    start: int
    end: int
    text: str
    generic: str


def _item(text: str, start: int, end: int, lead: re.Pattern[str] | None = None) -> Item | None:
    """The item ending at ``end``; with ``lead``, only when the text before it matches ``lead``."""
    piece = text[start:end]
    m = ITEM.search(piece)
    if m is None or (lead is not None and not lead.fullmatch(piece[: m.start()])):
        return None
    name = m.group("name")
    if name.split()[0].lower() in _STOP:
        return None
    s = start + m.start("name")
    generic = m.group("generic") or ""
    if generic in ("Town", "City"):  # part of the name: "Cape Town", "Kuwait City"
        return Item(s, start + m.end("generic"), piece[m.start("name") : m.end("generic")], "")
    return Item(s, s + len(name), name, generic.lower())


_LEAD = re.compile(r"\s*(?:[^,]*\b(?:in|near|at|outside|around)\s+(?:the\s+)?)?", re.I)


def _split_items(text: str, start: int, end: int) -> list[Item]:
    """Comma-separated items of a stretch of text (parts that are no item are skipped)."""
    out, pos = [], start
    for part in text[start:end].split(","):
        it = _item(text, pos, pos + len(part))
        if it is not None:
            out.append(it)
        pos += len(part) + 1
    return out


def _head(text: str, paren_start: int) -> list[Item]:
    """The items right before a parenthesis: 'X village, Y township (' -> [X, Y]."""
    items: list[Item] = []
    end = paren_start
    while end > 0 and len(items) < 3:
        lo = max(0, end - 80)
        comma = text.rfind(",", lo, end)
        stop = max(text.rfind(c, lo, end) for c in ".;:()\n")
        start = max(comma, stop) + 1 if max(comma, stop) >= 0 else lo
        it = _item(text, start, end, _LEAD if items else None)
        if it is None:
            break
        items.insert(0, it)
        if comma < 0 or comma < stop:
            break
        end = comma
    return items


def chains(text: str) -> list[list[Item]]:
    """Name + context chains: 'N (A, B)', 'N, A (B)', and 'in N, A, B.'; the name first."""
    out: list[list[Item]] = []
    for m in _PAREN.finditer(text):
        head = _head(text, m.start())
        ctx = _split_items(text, m.start(1), m.end(1))
        if head and ctx:
            out.append(head + ctx)
    seen = {it.start for c in out for it in c}
    for m in _LOCATIVE_CHAIN.finditer(text):
        if _LIST_AFTER.match(text[m.end(1) : m.end(1) + 6]):
            continue
        items = _split_items(text, m.start(1), m.end(1))
        if len(items) >= 2 and items[0].start == m.start(1) and not seen & {it.start for it in items}:
            out.append(items)
    seen |= {it.start for c in out for it in c}
    for m in _NESTED_CHAIN.finditer(text):
        if _COUNTED.search(text, max(0, m.start(1) - 12), m.start(1)):
            continue  # "five Naxals in Bastar region": people counted, not a place
        items = _nested_items(text, m.start(1), m.end(2))
        if len(items) >= 2 and not seen & {it.start for it in items}:
            out.append(items)
    return out


def _nested_items(text: str, start: int, end: int) -> list[Item]:
    """'X village in Y district of Z region' -> [X, Y, Z]."""
    out, pos = [], start
    for sep in [*_NESTED_SEP.finditer(text, start, end), None]:
        stop = sep.start() if sep is not None else end
        it = _item(text, pos, stop)
        if it is None:
            return []
        out.append(it)
        if sep is not None:
            pos = sep.end()
    return out


@dataclass(slots=True)
class Resolved:
    """A chain's outcome: the name's span, the place entry and whether the name itself was found."""

    item: Item
    entry: Entry
    own: bool  # the name itself resolved (else the entry is a context area or town)
    context: list[tuple[Item, Entry]] = field(default_factory=list)  # the entry read for each context name


def _fits(e: Entry, a1: str | None, a2: str | None) -> bool:
    return (a1 is None or e.a1 == a1) and (a2 is None or not e.a2 or e.a2 == a2)


def _context_rank(e: Entry, it: Item, last: bool) -> tuple[int, int]:
    """Preference among a context item's entries, from the generic word written with it."""
    g = it.generic
    if g in _ADM1_GENERIC or (last and not g):
        order = {"ADM1": 0, "ADM2": 1}
    elif g in _AREA_GENERIC:
        order = {"ADM2": 0, "ADM2X": 2}  # a town of that name before an area of unknown position
    else:
        order = {"ADM2": 1, "ADM2X": 2}  # a town by its own name first: "(Rutshuru, Nord-Kivu)"
        if e.fclass == "P":
            return (3 if e.alt else 0, -e.pop)
    return (order.get(e.fcode, 1 if e.fclass == "P" else 4), -e.pop)


Reading = list[tuple[Item, Entry]]  # the entry read for each context name, broadest first


def resolve_chain(items: list[Item], found: dict[str, list[Entry]], cc: str) -> Resolved | None:
    """The name's place inside its context, or the most specific known context place. A context name
    with several equally likely areas ("Kyiv": the city or the oblast; "Mexico": the state or the
    capital) is read as the one the name lies in ("Bucha, Kyiv" is in the oblast). A district named
    outside the wrong wider area ("Kiambu district, Nairobi") is the district."""
    first: Reading | None = None
    for reading in _readings(items[1:], found, cc):
        a1, a2 = _areas(reading)
        own = _own_entries(items[0], found, cc, a1, a2)
        if own:
            return Resolved(items[0], max(own, key=lambda e: (e.fclass == "P", e.pop)), True, reading)
        first = first or reading
    if first is None:
        return None
    own = _district_elsewhere(items[0], found, cc)
    if own:
        return Resolved(items[0], max(own, key=lambda e: (e.fclass == "P", e.pop)), True, [])
    return Resolved(items[0], first[-1][1], False, first)


def _district_elsewhere(name: Item, found: dict[str, list[Entry]], cc: str) -> list[Entry]:
    """"Kiambu district, Nairobi": a district the gazetteer knows as an area by that very name, in one
    province only, outside the wider area written with it: the town or area of that district."""
    if name.generic not in _AREA_GENERIC:
        return []
    entries = entries_in(found, name.text, cc)
    areas = {e.a1 for e in entries if e.fclass == "A" and e.fcode != "ADM2X" and not e.alt}
    if len(areas) != 1:
        return []
    return [e for e in entries if e.a1 in areas and e.fcode != "ADM1" and not e.alt]


def _areas(reading: Reading) -> tuple[str | None, str | None]:
    """The admin1 and admin2 codes a reading of the context puts the name in."""
    a1 = reading[-1][1].a1 if reading else None
    a2 = next((e.a2 for _, e in reversed(reading) if e.fcode in ("ADM2", "ADM2X")), None)
    return a1, a2


_MAX_READINGS = 3  # equally ranked areas tried per context name


def _readings(ctx: list[Item], found: dict[str, list[Entry]], cc: str, i: int | None = None,
              picked: Reading | None = None) -> Iterator[Reading]:
    """Readings of the context from the broadest name to the most specific: the likeliest first,
    then those with another equally ranked area for a name."""
    i = len(ctx) - 1 if i is None else i
    picked = picked or []
    a1, a2 = _areas(picked)
    cands: list[Entry] = []
    while i >= 0 and not (cands := _context_candidates(ctx[i], found, cc, a1, a2)):
        i -= 1
    if i < 0:
        if picked:
            yield picked
        return
    last = i == len(ctx) - 1
    ranked = sorted(cands, key=lambda e: _context_rank(e, ctx[i], last))
    top = _context_rank(ranked[0], ctx[i], last)[0]
    for best in [e for e in ranked if _context_rank(e, ctx[i], last)[0] == top][:_MAX_READINGS]:
        yield from _readings(ctx, found, cc, i - 1, [*picked, (ctx[i], best)])


def _context_candidates(it: Item, found: dict[str, list[Entry]], cc: str, a1: str | None,
                        a2: str | None) -> list[Entry]:
    """A context name's entries inside the areas read so far (a district outside a wrong wider area too)."""
    if _ACRONYM.fullmatch(it.text):
        return []  # "(DRG)" spells out the name before it, it is no area around it
    in_cc = entries_in(found, it.text, cc)
    cands = [e for e in in_cc if _fits(e, a1, a2)]
    if not cands and it.generic in _AREA_GENERIC:
        cands = [e for e in in_cc if e.fcode in ("ADM2", "ADM2X")]  # the note's wider area is wrong
    return cands


def _own_entries(name: Item, found: dict[str, list[Entry]], cc: str, a1: str | None, a2: str | None) -> list[Entry]:
    """The name's own entries inside the areas (a village or town first when the text says so)."""
    own = [e for e in entries_in(found, name.text, cc) if _fits(e, a1, a2) and e.fcode != "ADM1"]
    if name.generic in _PLACE_GENERIC:
        own = [e for e in own if e.fclass == "P"] or own
    return own


def chain_keys(items: list[Item]) -> list[str]:
    """Every lookup key of a chain's names."""
    return [k for it in items for k in keys_for(it.text)]
