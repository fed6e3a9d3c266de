"""The reader of tokens: alias matches found in the text, read left to right with their neighbours.

A country word qualifies the force noun after it ("Syrian regime forces"), an ethnic name makes the
militia noun after it an ethnic militia ("Pokot raiders"), "Burkinabe and Nigerien forces" share one
noun, and forces named after a state in the same sentence are carried over to it.
"""

from __future__ import annotations

import re
from collections import Counter

from sitrep.errors import ResourceError
from sitrep.pipeline.actor_lexicon import Force, Lexicon, Token
from sitrep.pipeline.actor_naming import ActorNaming, ReadContext
from sitrep.pipeline.alias_trie import norm_key

_DATELINE = re.compile(r"[A-Z]{4,}")  # a city in capitals opens a report (its dateline): no country word
_QUAL_GAP = re.compile(r"(?:['’]s?)?[\s\-]*\Z")  # what may join a country word to its noun: "Syria's army"
_AND_GAP = re.compile(r"\s*(?:,|and|&)\s*\Z")
_MERGE_GAP = re.compile(r"[\s\-]*\Z")
_HEADING_WINDOW = 24
# "rebel-held", "government-controlled": a place, not an actor (named groups keep "IS-linked")
_CONTROLLED = re.compile(r"-(?:held|controlled|run|backed|led|owned|allied|aligned|dominated|besieged)\b", re.I)
_UNIFORM = re.compile(r"\s+(?:uniforms?|fatigues|outfits?|clothes|clothing|vehicles? (?:stolen|seized))\b", re.I)
_STANCE = re.compile(r"(?:pro|anti)-\Z", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^A-Za-z]*\Z")
_WORD_AFTER = re.compile(r"[^A-Za-z]*([A-Za-z]+)")


class ActorReader(ActorNaming):
    """Scans the text for aliases and reads the tokens into actor mentions."""

    _lex: Lexicon
    _folded: re.Pattern[str] | None
    _exact: re.Pattern[str] | None
    _loyal: re.Pattern[str] | None

    def _tokens(self, text: str, start: int, end: int) -> list[Token]:
        if self._folded is None or self._exact is None:
            raise ResourceError("ActorRecognizer used before initialize(): call rec.initialize() first")
        found: list[Token] = []
        at = start
        while (m := self._folded.search(text, at, end)) is not None:
            meaning = self._lex.folded.get(norm_key(m.group()))
            uniform = meaning is not None and meaning.forces and _UNIFORM.match(text, m.end())
            if meaning is not None and not uniform and (meaning.groups or not _CONTROLLED.match(text, m.end())):
                found.append(Token(m.start(), m.end(), meaning))
                at = m.end()
            else:  # "gunmen in military uniforms" are not the military; a name inside "The US-led coalition" may be
                at = m.start() + 1
        for m in self._exact.finditer(text, start, end):
            meaning = self._lex.exact.get(norm_key(m.group(), keep_case=True))
            if meaning is not None and not _in_heading(text, m.start(), m.end()):
                found.append(Token(m.start(), m.end(), meaning))
        return _non_overlapping(found)

    def _read(self, ctx: ReadContext, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            joined = nxt is not None and _QUAL_GAP.match(ctx.text, token.end, nxt.start) is not None
            if joined and nxt is not None and token.meaning.ethnic and (nxt.meaning.militia_noun
                                                                         or nxt.meaning.group_noun):
                self._ethnic(ctx, token.meaning.ethnic, token.start, nxt.end)
                i += 2
                continue
            if token.meaning.plural and not (joined and nxt is not None and nxt.meaning.generic):
                self._ethnic(ctx, token.meaning.ethnic, token.start, token.end)
                i += 1
                continue
            if joined and nxt is not None and self._qualified(ctx, token, nxt):
                i += 2
                continue
            if nxt is not None and i + 2 < len(tokens) and self._paired(ctx, token, nxt, tokens[i + 2]):
                i += 1
                continue
            i += 1 + self._plain(ctx, token, nxt)

    def _qualified(self, ctx: ReadContext, qual: Token, token: Token) -> bool:
        """"Syrian forces", "Kenyan civilians": a country word before a force or generic noun."""
        if not qual.meaning.qualifiers or token.meaning.groups or (
                qual.meaning.place and _DATELINE.fullmatch(ctx.text, qual.start, qual.end)):
            return False  # "BEIRUT Air strikes in Syria killed ...": the dateline's city, not the strikes' owner
        country = _pick(qual.meaning.qualifiers, ctx.country)
        if token.meaning.forces:
            self._force(ctx, token.meaning.forces, country, qual.start, token.end)
            ctx.last_state = (country, token.end)
        elif token.meaning.generic and token.meaning.generic in self.knowledge.kinds:
            spec = self.knowledge.kinds[token.meaning.generic]
            if qual.meaning.place and spec.local:  # "a Zamfara militia"
                name = spec.local.format(place=ctx.text[qual.start:qual.end], country=country)
                self._emit(ctx, qual.start, token.end, name, spec.inter, country)
            else:
                self._generic(ctx, token.meaning.generic, country, qual.start, token.end)
        else:
            return False
        return True

    def _paired(self, ctx: ReadContext, first: Token, second: Token, noun: Token) -> bool:
        """"Burkinabe and Nigerien forces": the first country word shares the noun of the second."""
        if not (first.meaning.qualifiers and second.meaning.qualifiers) or not _AND_GAP.match(
                ctx.text, first.end, second.start):
            return False
        if _QUAL_GAP.match(ctx.text, second.end, noun.start) is None:
            return False
        return self._qualified(ctx, first, noun)

    def _plain(self, ctx: ReadContext, token: Token, nxt: Token | None) -> int:
        """Read one token on its own; returns 1 when it also consumed the next token."""
        meaning = token.meaning
        if meaning.groups:
            absorbs = nxt is not None and _MERGE_GAP.match(ctx.text, token.end, nxt.start) is not None and (
                nxt.meaning.generic == "unidentified_armed_group" or nxt.meaning.militia_noun)
            group_end = nxt.end if absorbs and nxt is not None else token.end
            if self._group(ctx, meaning.groups, token.start, group_end):
                return 1 if absorbs else 0
        if meaning.forces:
            country = self._loyal_country(ctx, token) or _carried(ctx, token)
            if country or any(f.strong or f.country for f in meaning.forces):
                self._force(ctx, meaning.forces, country, token.start, token.end)
                return 0
        kinds = self.knowledge.kinds
        if meaning.generic and meaning.generic in kinds:
            self._generic(ctx, meaning.generic, None, token.start, token.end)
        elif meaning.implicit and ctx.implicit and meaning.implicit in ("military", "police"):
            self._force(ctx, (Force(meaning.implicit, True),), None, token.start, token.end, implicit=True)
        elif meaning.implicit and ctx.implicit and meaning.implicit in kinds:
            self._generic(ctx, meaning.implicit, None, token.start, token.end, implicit=True)
        elif meaning.militia_noun and "communal_militia" in kinds:
            self._generic(ctx, "communal_militia", None, token.start, token.end)
        elif meaning.people and "civilians" in kinds and not _STANCE.search(ctx.text, max(0, token.start - 5),
                                                                            token.start):
            self._generic(ctx, "civilians", _pick(meaning.qualifiers, ctx.country), token.start, token.end)
        return 0

    def _loyal_country(self, ctx: ReadContext, token: Token) -> str | None:
        """"forces loyal to Syria's Bashar al-Assad" -> Syria."""
        assert self._loyal is not None
        m = self._loyal.match(ctx.text, token.end)
        if m is None:
            return None
        for t in self._tokens(ctx.text, m.end(), min(len(ctx.text), m.end() + 40)):
            if t.meaning.qualifiers and t.start == m.end():
                return _pick(t.meaning.qualifiers, ctx.country)
        return None


def _carried(ctx: ReadContext, token: Token) -> str | None:
    """"Russian forces carried out air strikes": weapons and air strikes after a named state, in the same
    sentence, are that state's; people ("police", "soldiers") are not carried over."""
    if ctx.last_state is None or "." in ctx.text[ctx.last_state[1]:token.start]:
        return None
    if all(not f.strong or f.units for f in token.meaning.forces):
        return ctx.last_state[0]
    return None


def vote(text: str, tokens: list[Token]) -> str | None:
    """The country most tokens name; "pro-Palestinian", "anti-Russian" do not vote."""
    votes = Counter(t.meaning.qualifiers[0] for t in tokens
                    if t.meaning.qualifiers and not _STANCE.search(text, max(0, t.start - 5), t.start))
    return votes.most_common(1)[0][0] if votes else None


def _pick(countries: tuple[str, ...], preferred: str | None) -> str:
    return preferred if preferred in countries else countries[0]


def _non_overlapping(tokens: list[Token]) -> list[Token]:
    tokens.sort(key=lambda t: (t.start, t.start - t.end))
    kept: list[Token] = []
    for token in tokens:
        if not kept or token.start >= kept[-1].end:
            kept.append(token)
    return kept


def _in_heading(text: str, start: int, end: int) -> bool:
    """True when an exact-case acronym sits between capitalised words ("THIS IS WHY"): a word, not a name."""
    before = _WORD_BEFORE.search(text, max(0, start - _HEADING_WINDOW), start)
    after = _WORD_AFTER.match(text, end, end + _HEADING_WINDOW)
    words = [m.group(1) for m in (before, after) if m is not None]
    return bool(words) and all(w.isupper() for w in words)
