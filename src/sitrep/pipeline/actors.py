"""Find the actors a text names and normalise them to ACLED-style names and inter codes.

Every alias in the knowledge files (``knowledge/actors/*.yaml``) compiles into two trie-shaped
regular expressions, one case-insensitive and one for exact-case acronyms ("IS", "HTS"), scanned
once over the text. The tokens found are then read left to right: a country word qualifies the
force noun after it ("Syrian regime forces"), an ethnic name makes the militia noun after it an
ethnic militia ("Pokot raiders"), a group joined to another by "or" becomes "A and/or B".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sitrep.errors import ResourceError
from sitrep.model import ActorMention
from sitrep.pipeline.actor_knowledge import (
    GENERIC_KINDS,
    GroupSpec,
    Knowledge,
    Period,
    StateSpec,
    Unit,
    load_knowledge,
    shipped_paths,
)
from sitrep.pipeline.alias_trie import is_exact_case, norm_key, trie_pattern

_QUAL_GAP = re.compile(r"(?:['’]s?)?[\s\-]*\Z")  # what may join a country word to its noun: "Syria's army"
_JOIN_GAP = re.compile(r"\s*(?:or|and/or|/)\s*\Z", re.IGNORECASE)
_AND_GAP = re.compile(r"\s*(?:,|and|&)\s*\Z")
_MERGE_GAP = re.compile(r"[\s\-]*\Z")
_HEADING_WINDOW = 24
_PLACE_BEFORE = re.compile(r"\b([Ll]ocal|[A-Z][\w-]+(?: [A-Z][\w-]+)?) \Z")
_PLACE_AFTER = re.compile(r" - ([A-Z][\w-]+(?: [A-Z][\w-]+)?)\b")
_PLACE_AFTER_LONG = re.compile(r"(?: - | )([A-Z][\w-]+(?: [A-Z][\w-]+)?)\b")
_NOT_PLACES = frozenset({"The", "A", "An", "Joint", "Combined", "Myanmar", "Local", "And", "Of", "In", "On", "By"})
# "rebel-held", "government-controlled": a place, not an actor (named groups keep "IS-linked")
_CONTROLLED = re.compile(r"-(?:held|controlled|run|backed|led|owned|allied|aligned|dominated|besieged)\b", re.I)
_UNIFORM = re.compile(r"\s+(?:uniforms?|fatigues|outfits?|clothes|clothing|vehicles? (?:stolen|seized))\b", re.I)
_STANCE = re.compile(r"(?:pro|anti)-\Z", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^A-Za-z]*\Z")
_WORD_AFTER = re.compile(r"[^A-Za-z]*([A-Za-z]+)")


# --- what a matched key means ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Force:
    branch: str
    strong: bool
    country: str = ""  # fixed country for names like "Tatmadaw"
    suffix: str = ""
    home_only: bool = False  # a common phrase ("state police"): this country's only in its own documents
    units: tuple[Unit, ...] = ()  # global units: suffix only where ACLED uses it


@dataclass(frozen=True, slots=True)
class _Meaning:
    """Everything one alias can mean; the reading of the neighbours picks one."""

    qualifiers: tuple[str, ...] = ()
    forces: tuple[_Force, ...] = ()
    groups: tuple[GroupSpec, ...] = ()
    generic: str = ""
    implicit: str = ""
    ethnic: str = ""
    militia_noun: bool = False
    group_noun: bool = False  # "community", "militants": a militia only right after an ethnic name
    plural: bool = False  # "Pokots": an ethnic name used as a noun
    place: bool = False  # a place in the country ("Zamfara"), not the country's own name
    people: bool = False  # a plural demonym ("Kenyans"): the country's civilians when alone

    def merge(self, other: _Meaning) -> _Meaning:
        return _Meaning(
            self.qualifiers + tuple(q for q in other.qualifiers if q not in self.qualifiers),
            self.forces + other.forces, self.groups + other.groups,
            other.generic or self.generic, other.implicit or self.implicit,
            other.ethnic or self.ethnic, self.militia_noun or other.militia_noun,
            self.group_noun or other.group_noun, self.plural or other.plural, self.place and other.place,
            self.people or other.people)


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    meaning: _Meaning


@dataclass(slots=True)
class _Lexicon:
    folded: dict[str, _Meaning] = field(default_factory=dict)
    exact: dict[str, _Meaning] = field(default_factory=dict)
    folded_forms: set[str] = field(default_factory=set)  # the aliases as written, for the regex
    exact_forms: set[str] = field(default_factory=set)

    def add(self, alias: str, meaning: _Meaning, exact: bool | None = None) -> None:
        exact = is_exact_case(alias) if exact is None else exact
        forms = [alias, alias.capitalize()] if exact and sum(c.isalpha() for c in alias) >= 4 else [alias]
        table = self.exact if exact else self.folded
        for form in forms:
            key = norm_key(form, keep_case=exact)
            if key:
                table[key] = table[key].merge(meaning) if key in table else meaning
                (self.exact_forms if exact else self.folded_forms).add(form if exact else form.lower())


def _build_lexicon(k: Knowledge) -> _Lexicon:
    lex = _Lexicon()
    for (branch, strong), nouns in k.forces.items():
        for noun in nouns:
            lex.add(noun, _Meaning(forces=(_Force(branch, strong),)), exact=False)
    for unit in k.global_units:
        for alias in unit.aliases:
            lex.add(alias, _Meaning(forces=(_Force(unit.branch, True, units=(unit,)),)), exact=False)
    for state in k.states.values():
        _add_state(lex, state)
    for group in k.groups:
        for alias in group.aliases:
            lex.add(alias, _Meaning(groups=(group,)))
        for acronym in group.acronyms:
            lex.add(acronym, _Meaning(groups=(group,)), exact=True)
    _add_generic(lex, k)
    return lex


def _add_state(lex: _Lexicon, state: StateSpec) -> None:
    for qualifier in state.qualifiers:
        lex.add(qualifier, _Meaning(qualifiers=(state.country,)))
    for place in state.places:
        lex.add(place, _Meaning(qualifiers=(state.country,), place=True))
    for demonym in state.demonyms:
        plural = demonym.endswith("s") and not demonym.endswith("ss")
        lex.add(demonym, _Meaning(qualifiers=(state.country,), people=plural))
    for branch in ("military", "police"):
        for name in state.names.get(branch, []):
            lex.add(name, _Meaning(forces=(_Force(branch, True, state.country),)), exact=False)
        for acronym in state.acronyms.get(branch, []):
            lex.add(acronym, _Meaning(forces=(_Force(branch, True, state.country),)), exact=True)
    for unit in state.units:
        force = _Meaning(forces=(_Force(unit.branch, True, state.country, unit.suffix),))
        for alias in unit.aliases:
            common = alias == alias.lower()
            lex.add(alias, _Meaning(forces=(_Force(unit.branch, True, state.country, unit.suffix, common),))
                    if common else force, exact=False)
        for acronym in unit.acronyms:
            lex.add(acronym, force, exact=True)


def _add_generic(lex: _Lexicon, k: Knowledge) -> None:
    for spec in k.kinds.values():
        for noun in spec.nouns:
            lex.add(noun, _Meaning(generic=spec.kind), exact=False)
    for kind, words in k.implicit.items():
        for word in words:
            lex.add(word, _Meaning(implicit=kind), exact=is_exact_case(word))
    for kind, words in k.implicit_exact.items():
        for word in words:
            lex.exact[norm_key(word, keep_case=True)] = _Meaning(implicit=kind)
            lex.exact_forms.add(word)
    for noun in k.militia_nouns:
        lex.add(noun, _Meaning(militia_noun=True), exact=False)
    for noun in k.group_nouns:
        lex.add(noun, _Meaning(group_noun=True), exact=False)
    for group, (_countries, aliases) in k.ethnic.items():
        for alias in (group, *aliases):
            lex.add(alias, _Meaning(ethnic=group), exact=False)
            lex.add(alias + "s", _Meaning(ethnic=group, plural=True), exact=False)


def _compile(keys_aliases: Iterable[str], ignore_case: bool) -> re.Pattern[str]:
    body = trie_pattern(keys_aliases)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"(?<![\w@#])(?:" + body + r")(?!\w)", flags)


# --- the recognizer ---------------------------------------------------------------------------------

@dataclass(slots=True)
class _Context:
    """One call of :meth:`ActorRecognizer.find`: the text and the document's country and date."""

    text: str
    country: str | None
    when: date | None
    implicit: bool
    out: list[ActorMention] = field(default_factory=list)
    last_state: tuple[str, int] | None = None  # (country, end) of the last state named with its country


class ActorRecognizer:
    """Finds actors in text and names them as ACLED does.

    ``paths``: extra knowledge files (same schema) read after the shipped ones, so an analyst's
    file can add groups or override a country's periods. ``shipped=False`` reads only ``paths``.
    """

    def __init__(self, paths: Sequence[str | Path] | None = None, shipped: bool = True,
                 countries_tsv: str | Path | None = None) -> None:
        self.paths = [Path(p) for p in paths or ()]
        self.shipped = shipped
        self.countries_tsv = Path(countries_tsv) if countries_tsv else None
        self._k: Knowledge | None = None
        self._lex = _Lexicon()
        self._folded: re.Pattern[str] | None = None
        self._exact: re.Pattern[str] | None = None
        self._loyal: re.Pattern[str] | None = None
        self._country_index: dict[str, str] = {}
        self._partisan: re.Pattern[str] | None = None
        self._partisan_acronym: frozenset[str] = frozenset()
        self._partisan_not_names: frozenset[str] = frozenset()

    # -- loading --------------------------------------------------------------------------------
    def initialize(self) -> ActorRecognizer:
        """Load and validate the knowledge files and compile the matchers."""
        paths = (shipped_paths() if self.shipped else []) + self.paths
        if not paths:
            raise ResourceError("no actor knowledge files given: pass paths= or keep shipped=True")
        k = load_knowledge(paths, self.countries_tsv)
        self._lex = _build_lexicon(k)
        self._folded = _compile(self._lex.folded_forms, ignore_case=True)
        self._exact = _compile(self._lex.exact_forms, ignore_case=False)
        self._loyal = re.compile(r"\s+" + (k.loyal_to or "loyal to") + r"\s+", re.IGNORECASE)
        self._country_index = {norm_key(q): s.country for s in k.states.values()
                               for q in (s.country, *s.qualifiers, *s.places, *s.demonyms)}
        self._compile_partisans(k)
        self._k = k
        return self

    def _compile_partisans(self, k: Knowledge) -> None:
        nouns = sorted({*k.partisan_nouns, *k.partisan_acronym_nouns}, key=len, reverse=True)
        if not nouns:
            return
        name = r"[A-Z][A-Za-z]+(?:[ -](?:[A-Z][A-Za-z]+|of|for|and))*?(?:'s|’s)?"
        self._partisan = re.compile(
            rf"(?<![\w-])(?P<name>{name})\s+(?P<noun>{'|'.join(re.escape(n) for n in nouns)})\b")
        self._partisan_acronym = frozenset(n.lower() for n in k.partisan_acronym_nouns)
        self._partisan_not_names = frozenset(k.partisan_not_names)

    @property
    def knowledge(self) -> Knowledge:
        """The loaded knowledge; raises when :meth:`initialize` was not called."""
        if self._k is None:
            raise ResourceError("ActorRecognizer used before initialize(): call rec.initialize() first")
        return self._k

    # -- public naming helpers ------------------------------------------------------------------
    def state_forces(self, country: str, when: date | None = None, branch: str = "military",
                     suffix: str = "") -> tuple[str, int]:
        """ACLED's name for a country's military or police on a date, with inter 1."""
        state = self._state(country)
        periods = state.police_periods if branch == "police" else state.periods
        period = _period(periods, when)
        templates = self.knowledge.templates
        if period is None:
            name = templates.get(f"{branch}_no_period", "{branch} Forces of {country}")
        else:
            name = templates.get(branch, "Military Forces of {country} ({period})")
        name = name.format(country=state.actor_country, period=period.label if period else "", branch=branch)
        return (f"{name} {suffix}" if suffix else name), self.knowledge.home_inter

    def generic(self, kind: str, country: str) -> tuple[str, int]:
        """A generic actor's name and inter: ``generic("civilians", "Kenya")`` -> ("Civilians (Kenya)", 7)."""
        spec = self.knowledge.kinds.get(kind)
        if spec is None:
            raise ResourceError(f"unknown generic actor kind {kind!r}; expected one of {sorted(self.knowledge.kinds)}")
        country = self.canonical_country(country) or country
        if spec.countries and country not in spec.countries and spec.otherwise:
            spec = self.knowledge.kinds[spec.otherwise]
        return spec.name.format(country=country), spec.inter

    def canonical_country(self, name: str | None) -> str | None:
        """ACLED's name of a country given any of its names or demonyms ("Burkinabe" -> "Burkina Faso")."""
        if not name:
            return None
        _ = self.knowledge
        return self._country_index.get(norm_key(name))

    def guess_country(self, text: str, start: int = 0, end: int | None = None) -> str | None:
        """The country a text names most often (country names, demonyms, leaders); None when none."""
        return _vote(text, self._tokens(text, start, len(text) if end is None else end))

    # -- finding --------------------------------------------------------------------------------
    def find(self, text: str, country: str | None = None, when: date | None = None, start: int = 0,
             end: int | None = None, implicit: bool = False) -> list[ActorMention]:
        """Actors named in ``text[start:end]`` (offsets into the whole text), in text order.

        ``country`` is the document's country (ACLED name or any alias); without it the country
        the slice names most often is used for unqualified mentions ("soldiers", "civilians").
        ``implicit=True`` also returns actors implied by event words ("protested").
        """
        end = len(text) if end is None else end
        tokens = self._tokens(text, start, end)
        doc_country = self.canonical_country(country) or country
        if doc_country is None:
            doc_country = _vote(text, tokens)
        ctx = _Context(text, doc_country, when, implicit)
        self._read(ctx, tokens)
        self._partisans(ctx, tokens, start, end)
        return self._combine(ctx)

    def _partisans(self, ctx: _Context, tokens: list[_Token], start: int, end: int) -> None:
        """"BNP men clashed with police", "Awami League activists": followers of a party the lexicon
        does not know are rioters (``partisans`` in generic_actors.yaml). They replace what the
        noun alone said ("men" -> civilians) but never a name the lexicon knows ("Taliban men")."""
        if self._partisan is None or not ctx.country or "rioters" not in self.knowledge.kinds:
            return
        not_names = self._partisan_not_names
        for m in self._partisan.finditer(ctx.text, start, end):
            words, noun = m.group("name").split(), m.group("noun")
            lead = next((i for i, w in enumerate(words) if w not in not_names), len(words))
            name = " ".join(words[lead:])  # "One Jubo Dal activist" -> "Jubo Dal"
            acronym = name.isupper() and len(name) <= 6 and " " not in name
            if not name or (noun.lower() in self._partisan_acronym and not acronym):
                continue
            s = ctx.text.index(name, m.start())
            if any(t.start < m.start("noun") and s < t.end and _names_someone(t.meaning) for t in tokens):
                continue  # a country, a known group, a force ("Syrian activists", "Taliban men")
            ctx.out = [a for a in ctx.out if not (a.start < m.end() and s < a.end)]
            label, inter = self.generic("rioters", ctx.country)
            self._emit(ctx, s, m.end(), label, inter, ctx.country)
        ctx.out.sort(key=lambda a: a.start)

    def _tokens(self, text: str, start: int, end: int) -> list[_Token]:
        if self._folded is None or self._exact is None:
            raise ResourceError("ActorRecognizer used before initialize(): call rec.initialize() first")
        found: list[_Token] = []
        for m in self._folded.finditer(text, start, end):
            meaning = self._lex.folded.get(norm_key(m.group()))
            if meaning is not None and meaning.forces and _UNIFORM.match(text, m.end()):
                continue  # "gunmen in military uniforms" are not the military
            if meaning is not None and (meaning.groups or not _CONTROLLED.match(text, m.end())):
                found.append(_Token(m.start(), m.end(), meaning))
        for m in self._exact.finditer(text, start, end):
            meaning = self._lex.exact.get(norm_key(m.group(), keep_case=True))
            if meaning is not None and not _in_heading(text, m.start(), m.end()):
                found.append(_Token(m.start(), m.end(), meaning))
        return _non_overlapping(found)

    def _read(self, ctx: _Context, tokens: list[_Token]) -> None:
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

    def _qualified(self, ctx: _Context, qual: _Token, token: _Token) -> bool:
        """"Syrian forces", "Kenyan civilians": a country word before a force or generic noun."""
        if not qual.meaning.qualifiers or token.meaning.groups:
            return False
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

    def _paired(self, ctx: _Context, first: _Token, second: _Token, noun: _Token) -> bool:
        """"Burkinabe and Nigerien forces": the first country word shares the noun of the second."""
        if not (first.meaning.qualifiers and second.meaning.qualifiers) or not _AND_GAP.match(
                ctx.text, first.end, second.start):
            return False
        if _QUAL_GAP.match(ctx.text, second.end, noun.start) is None:
            return False
        return self._qualified(ctx, first, noun)

    def _plain(self, ctx: _Context, token: _Token, nxt: _Token | None) -> int:
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
            self._force(ctx, (_Force(meaning.implicit, True),), None, token.start, token.end, implicit=True)
        elif meaning.implicit and ctx.implicit and meaning.implicit in kinds:
            self._generic(ctx, meaning.implicit, None, token.start, token.end, implicit=True)
        elif meaning.militia_noun and "communal_militia" in kinds:
            self._generic(ctx, "communal_militia", None, token.start, token.end)
        elif meaning.people and "civilians" in kinds and not _STANCE.search(ctx.text, max(0, token.start - 5),
                                                                            token.start):
            self._generic(ctx, "civilians", _pick(meaning.qualifiers, ctx.country), token.start, token.end)
        return 0

    def _loyal_country(self, ctx: _Context, token: _Token) -> str | None:
        """"forces loyal to Syria's Bashar al-Assad" -> Syria."""
        assert self._loyal is not None
        m = self._loyal.match(ctx.text, token.end)
        if m is None:
            return None
        for t in self._tokens(ctx.text, m.end(), min(len(ctx.text), m.end() + 40)):
            if t.meaning.qualifiers and t.start == m.end():
                return _pick(t.meaning.qualifiers, ctx.country)
        return None

    # -- emitting -------------------------------------------------------------------------------
    def _emit(self, ctx: _Context, start: int, end: int, name: str, inter: int, country: str,
              implicit: bool = False) -> None:
        ctx.out.append(ActorMention(start, end, ctx.text[start:end], name, inter, country, implicit))

    def _force(self, ctx: _Context, forces: tuple[_Force, ...], country: str | None, start: int, end: int,
               implicit: bool = False) -> None:
        fixed = next((f for f in forces if f.country and (country or ctx.country) in (None, f.country)), None)
        fixed = fixed or next((f for f in forces if f.country and not f.home_only and country is None), None)
        if fixed is None and all(f.country for f in forces):
            return
        country = (fixed.country if fixed else None) or country or ctx.country
        if not country:
            return
        if fixed is not None:
            branch, suffix = fixed.branch, fixed.suffix
        else:
            unit = next((u for f in forces for u in f.units if country in u.suffix_in
                         and (not u.docs_in or ctx.country in u.docs_in)), None)
            base = next((f for f in forces if not f.country and not f.units), None)
            base = base or next((f for f in forces if not f.country), forces[0])
            branch, suffix = (unit.branch, unit.suffix) if unit is not None else (base.branch, "")
        name, inter = self.state_forces(country, ctx.when, branch, suffix)
        if ctx.country and country != ctx.country:
            inter = self.knowledge.foreign_inter
        self._emit(ctx, start, end, name, inter, country, implicit)

    def _generic(self, ctx: _Context, kind: str, country: str | None, start: int, end: int,
                 implicit: bool = False) -> None:
        qualified = country is not None
        country = country or ctx.country
        if not country:
            return
        name, inter = self.generic(kind, country)
        spec = self.knowledge.kinds[kind]
        where = None if qualified or implicit or not spec.local else _place_before(ctx.text, start)
        if where is not None and where[1].lower() != "local":
            country = self.canonical_country(country) or country
            start, name = where[0], spec.local.format(place=where[1], country=country)
        self._emit(ctx, start, end, name, inter, country, implicit)

    def _ethnic(self, ctx: _Context, group: str, start: int, end: int) -> None:
        countries, _aliases = self.knowledge.ethnic[group]
        country = ctx.country if ctx.country in countries else countries[0]
        name = self.knowledge.ethnic_name.format(group=group, country=country)
        self._emit(ctx, start, end, name, self.knowledge.ethnic_inter, country)

    def _group(self, ctx: _Context, groups: tuple[GroupSpec, ...], start: int, end: int) -> bool:
        group = next((g for g in groups if not g.countries or ctx.country in g.countries), None)
        if group is None and ctx.country is None:
            group = groups[0]
        if group is None:
            return False
        variant = next((v for v in group.variants if v.fits(ctx.country, ctx.when)), None)
        if variant is not None and variant.state:
            name, inter = self.state_forces(variant.state, ctx.when, variant.branch, variant.suffix)
            if ctx.country and variant.state != ctx.country:
                inter = self.knowledge.foreign_inter
            self._emit(ctx, start, end, name, inter, variant.state)
            return True
        name = variant.name if variant is not None and variant.name else group.name
        inter = variant.inter if variant is not None and variant.inter is not None else group.inter
        if group.local:
            start, end, name = _local_branch(ctx.text, start, end, group, name)
        self._emit(ctx, start, end, name, inter, ctx.country or "")
        return True

    def _combine(self, ctx: _Context) -> list[ActorMention]:
        """"JNIM or ISGS militants" -> one actor "JNIM: ... and/or Islamic State (Greater Sahara)"."""
        out = ctx.out
        result: list[ActorMention] = []
        for mention in out:
            prev = result[-1] if result else None
            if (prev is not None and prev.inter in (2, 3) and mention.inter in (2, 3) and prev.name != mention.name
                    and "Unidentified" not in prev.name + mention.name
                    and _JOIN_GAP.match(ctx.text, prev.end, mention.start)):
                first, second = sorted((prev, mention), key=lambda m: self._rank(m.name))
                result[-1] = ActorMention(prev.start, mention.end, ctx.text[prev.start:mention.end],
                                          f"{first.name} and/or {second.name}", first.inter, prev.country)
                continue
            result.append(mention)
        return result

    def _rank(self, name: str) -> int:
        order = self.knowledge.combine_order
        return next((i for i, prefix in enumerate(order) if name.startswith(prefix)), len(order))

    def _state(self, country: str) -> StateSpec:
        states = self.knowledge.states
        canonical = country if country in states else self.canonical_country(country)
        if canonical is None or canonical not in states:
            return StateSpec(country, country)
        return states[canonical]


def _names_someone(meaning: _Meaning) -> bool:
    """The alias names a country, a group, a force or a people, not just a kind of person."""
    return bool(meaning.qualifiers or meaning.forces or meaning.groups or meaning.ethnic or meaning.place
                or meaning.people)


def _period(periods: tuple[Period, ...], when: date | None) -> Period | None:
    if not periods:
        return None
    if when is None:
        return periods[-1]
    return next((p for p in periods if p.until is None or when < p.until), periods[-1])


def _local_branch(text: str, start: int, end: int, group: GroupSpec, name: str) -> tuple[int, int, str]:
    """"the Yesagyo PDF", "People's Defense Force - Myaing": the local branch's span and name."""
    after = (_PLACE_AFTER_LONG if " " in text[start:end] else _PLACE_AFTER).match(text, end)
    if after is not None and after.group(1).split()[0] not in _NOT_PLACES:
        return start, after.end(), group.local.format(place=after.group(1))
    where = _place_before(text, start)
    if where is None:
        return start, end, name
    if where[1].lower() == "local":
        return (where[0], end, group.local_unnamed) if group.local_unnamed else (start, end, name)
    return where[0], end, group.local.format(place=where[1])


def _place_before(text: str, start: int) -> tuple[int, str] | None:
    """The capitalised place name (or "local") written just before ``start``, with its start."""
    m = _PLACE_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return None
    words = m.group(1).split()
    if words[-1].lower() == "local":
        return start - len("local "), "local"
    while words and words[0] in _NOT_PLACES:
        words.pop(0)
    if not words or not words[0][0].isupper():
        return None
    place = " ".join(words)
    return start - len(place) - 1, place


def _carried(ctx: _Context, token: _Token) -> str | None:
    """"Russian forces carried out air strikes": weapons and air strikes after a named state, in the same
    sentence, are that state's; people ("police", "soldiers") are not carried over."""
    if ctx.last_state is None or "." in ctx.text[ctx.last_state[1]:token.start]:
        return None
    if all(not f.strong or f.units for f in token.meaning.forces):
        return ctx.last_state[0]
    return None


def _vote(text: str, tokens: list[_Token]) -> str | None:
    """The country most tokens name; "pro-Palestinian", "anti-Russian" do not vote."""
    votes = Counter(t.meaning.qualifiers[0] for t in tokens
                    if t.meaning.qualifiers and not _STANCE.search(text, max(0, t.start - 5), t.start))
    return votes.most_common(1)[0][0] if votes else None


def _pick(countries: tuple[str, ...], preferred: str | None) -> str:
    return preferred if preferred in countries else countries[0]


def _non_overlapping(tokens: list[_Token]) -> list[_Token]:
    tokens.sort(key=lambda t: (t.start, t.start - t.end))
    kept: list[_Token] = []
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


__all__ = ["GENERIC_KINDS", "ActorRecognizer", "is_exact_case", "norm_key", "trie_pattern"]
