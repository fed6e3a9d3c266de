"""Partisans: followers of a party the lexicon does not know ("BNP men", "Awami League activists") as rioters."""

from __future__ import annotations

import re

from sitrep.pipeline.actor_knowledge import Knowledge
from sitrep.pipeline.actor_lexicon import Meaning, Token
from sitrep.pipeline.actor_naming import ActorNaming, ReadContext


class PartisanReader(ActorNaming):
    """Reads "<name> <partisan noun>" phrases the token reader does not know."""

    _partisan: re.Pattern[str] | None
    _partisan_acronym: frozenset[str]
    _partisan_not_names: frozenset[str]

    def _compile_partisans(self, k: Knowledge) -> None:
        nouns = sorted({*k.partisan_nouns, *k.partisan_acronym_nouns}, key=lambda n: (-len(n), n))
        if not nouns:
            return
        name = r"[A-Z][A-Za-z]+(?:[ -](?:[A-Z][A-Za-z]+|of|for|and))*?(?:'s|’s)?"
        self._partisan = re.compile(
            rf"(?<![\w-])(?P<name>{name})\s+(?P<noun>{'|'.join(re.escape(n) for n in nouns)})\b")
        self._partisan_acronym = frozenset(n.lower() for n in k.partisan_acronym_nouns)
        self._partisan_not_names = frozenset(k.partisan_not_names)

    def _partisans(self, ctx: ReadContext, tokens: list[Token], start: int, end: int) -> None:
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


def _names_someone(meaning: Meaning) -> bool:
    """The alias names a country, a group, a force or a people, not just a kind of person."""
    return bool(meaning.qualifiers or meaning.forces or meaning.groups or meaning.ethnic or meaning.place
                or meaning.people)
