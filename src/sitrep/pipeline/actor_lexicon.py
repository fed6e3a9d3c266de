"""The actor lexicon: what every alias in the knowledge files can mean, and the matchers built from it.

Every alias compiles into one of two trie-shaped regular expressions, one case-insensitive and one
for exact-case acronyms ("IS", "HTS"); a key found in the text maps to a :class:`Meaning` that
gathers everything the alias can stand for (a country word, a force, a group, an ethnic name ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sitrep.pipeline.actor_knowledge import GroupSpec, Knowledge, StateSpec, Unit
from sitrep.pipeline.alias_trie import is_exact_case, norm_key, trie_pattern


@dataclass(frozen=True, slots=True)
class Force:
    branch: str
    strong: bool
    country: str = ""  # fixed country for names like "Tatmadaw"
    suffix: str = ""
    home_only: bool = False  # a common phrase ("state police"): this country's only in its own documents
    units: tuple[Unit, ...] = ()  # global units: suffix only where ACLED uses it


@dataclass(frozen=True, slots=True)
class Meaning:
    """Everything one alias can mean; the reading of the neighbours picks one."""

    qualifiers: tuple[str, ...] = ()
    forces: tuple[Force, ...] = ()
    groups: tuple[GroupSpec, ...] = ()
    generic: str = ""
    implicit: str = ""
    ethnic: str = ""
    militia_noun: bool = False
    group_noun: bool = False  # "community", "militants": a militia only right after an ethnic name
    plural: bool = False  # "Pokots": an ethnic name used as a noun
    place: bool = False  # a place in the country ("Zamfara"), not the country's own name
    people: bool = False  # a plural demonym ("Kenyans"): the country's civilians when alone

    def merge(self, other: Meaning) -> Meaning:
        return Meaning(
            self.qualifiers + tuple(q for q in other.qualifiers if q not in self.qualifiers),
            self.forces + other.forces, self.groups + other.groups,
            other.generic or self.generic, other.implicit or self.implicit,
            other.ethnic or self.ethnic, self.militia_noun or other.militia_noun,
            self.group_noun or other.group_noun, self.plural or other.plural, self.place and other.place,
            self.people or other.people)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    meaning: Meaning


@dataclass(slots=True)
class Lexicon:
    folded: dict[str, Meaning] = field(default_factory=dict)
    exact: dict[str, Meaning] = field(default_factory=dict)
    folded_forms: set[str] = field(default_factory=set)  # the aliases as written, for the regex
    exact_forms: set[str] = field(default_factory=set)

    def add(self, alias: str, meaning: Meaning, exact: bool | None = None) -> None:
        exact = is_exact_case(alias) if exact is None else exact
        forms = [alias, alias.capitalize()] if exact and sum(c.isalpha() for c in alias) >= 4 else [alias]
        table = self.exact if exact else self.folded
        for form in forms:
            key = norm_key(form, keep_case=exact)
            if key:
                table[key] = table[key].merge(meaning) if key in table else meaning
                (self.exact_forms if exact else self.folded_forms).add(form if exact else form.lower())


def build_lexicon(k: Knowledge) -> Lexicon:
    lex = Lexicon()
    for (branch, strong), nouns in k.forces.items():
        for noun in nouns:
            lex.add(noun, Meaning(forces=(Force(branch, strong),)), exact=False)
    for unit in k.global_units:
        for alias in unit.aliases:
            lex.add(alias, Meaning(forces=(Force(unit.branch, True, units=(unit,)),)), exact=False)
    for state in k.states.values():
        _add_state(lex, state)
    for group in k.groups:
        for alias in group.aliases:
            lex.add(alias, Meaning(groups=(group,)))
        for acronym in group.acronyms:
            lex.add(acronym, Meaning(groups=(group,)), exact=True)
    _add_generic(lex, k)
    return lex


def _add_state(lex: Lexicon, state: StateSpec) -> None:
    for qualifier in state.qualifiers:
        lex.add(qualifier, Meaning(qualifiers=(state.country,)))
    for place in state.places:
        lex.add(place, Meaning(qualifiers=(state.country,), place=True))
    for demonym in state.demonyms:
        plural = demonym.endswith("s") and not demonym.endswith("ss")
        lex.add(demonym, Meaning(qualifiers=(state.country,), people=plural))
    for branch in ("military", "police"):
        for name in state.names.get(branch, []):
            lex.add(name, Meaning(forces=(Force(branch, True, state.country),)), exact=False)
        for acronym in state.acronyms.get(branch, []):
            lex.add(acronym, Meaning(forces=(Force(branch, True, state.country),)), exact=True)
    for unit in state.units:
        force = Meaning(forces=(Force(unit.branch, True, state.country, unit.suffix),))
        for alias in unit.aliases:
            common = alias == alias.lower()
            lex.add(alias, Meaning(forces=(Force(unit.branch, True, state.country, unit.suffix, common),))
                    if common else force, exact=False)
        for acronym in unit.acronyms:
            lex.add(acronym, force, exact=True)


def _add_generic(lex: Lexicon, k: Knowledge) -> None:
    for spec in k.kinds.values():
        for noun in spec.nouns:
            lex.add(noun, Meaning(generic=spec.kind), exact=False)
    for kind, words in k.implicit.items():
        for word in words:
            lex.add(word, Meaning(implicit=kind), exact=is_exact_case(word))
    for kind, words in k.implicit_exact.items():
        for word in words:
            lex.exact[norm_key(word, keep_case=True)] = Meaning(implicit=kind)
            lex.exact_forms.add(word)
    for noun in k.militia_nouns:
        lex.add(noun, Meaning(militia_noun=True), exact=False)
    for noun in k.group_nouns:
        lex.add(noun, Meaning(group_noun=True), exact=False)
    for group, (_countries, aliases) in k.ethnic.items():
        for alias in (group, *aliases):
            lex.add(alias, Meaning(ethnic=group), exact=False)
            lex.add(alias + "s", Meaning(ethnic=group, plural=True), exact=False)


def compile_aliases(keys_aliases: Iterable[str], ignore_case: bool) -> re.Pattern[str]:
    body = trie_pattern(keys_aliases)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"(?<![\w@#])(?:" + body + r")(?!\w)", flags)
