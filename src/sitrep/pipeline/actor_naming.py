"""ACLED's names for actors, and the emitting of actor mentions with those names.

State forces are named by country and period ("Military Forces of Syria (2000-2024)"), generic actors
by kind and country ("Civilians (Kenya)"), groups by their variants and local branches ("the Yesagyo
PDF"); groups joined by "or" become one actor "A and/or B".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from sitrep.errors import ResourceError
from sitrep.model import ActorMention
from sitrep.pipeline.actor_knowledge import GroupSpec, Knowledge, Period, StateSpec
from sitrep.pipeline.actor_lexicon import Force
from sitrep.pipeline.alias_trie import norm_key

_JOIN_GAP = re.compile(r"\s*(?:or|and/or|/)\s*\Z", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b([Ll]ocal|[A-Z][\w-]+(?: [A-Z][\w-]+)?) \Z")
_PLACE_AFTER = re.compile(r" - ([A-Z][\w-]+(?: [A-Z][\w-]+)?)\b")
_PLACE_AFTER_LONG = re.compile(r"(?: - | )([A-Z][\w-]+(?: [A-Z][\w-]+)?)\b")
_NOT_PLACES = frozenset({"The", "A", "An", "Joint", "Combined", "Myanmar", "Local", "And", "Of", "In", "On", "By"})


@dataclass(slots=True)
class ReadContext:
    """One call of :meth:`ActorRecognizer.find`: the text and the document's country and date."""

    text: str
    country: str | None
    when: date | None
    implicit: bool
    out: list[ActorMention] = field(default_factory=list)
    last_state: tuple[str, int] | None = None  # (country, end) of the last state named with its country


class ActorNaming:
    """Names actors as ACLED does and emits them into a :class:`ReadContext`; needs loaded knowledge."""

    _k: Knowledge | None
    _country_index: dict[str, str]

    # -- public naming helpers ------------------------------------------------------------------
    @property
    def knowledge(self) -> Knowledge:
        """The loaded knowledge; raises when :meth:`initialize` was not called."""
        if self._k is None:
            raise ResourceError("ActorRecognizer used before initialize(): call rec.initialize() first")
        return self._k

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

    def by_cues(self, name: str, country: str, text: str) -> tuple[str, int] | None:
        """The kind an unidentified armed group is, by the words of its report, where a kind lists cues for its
        countries: "individuals on a motorcycle opened fire (drive-by)" in Mexico is an unidentified gang."""
        if name != self.generic("unidentified_armed_group", country)[0]:
            return None
        for spec in self.knowledge.kinds.values():
            if spec.cues and country in spec.cues_in and _cue_pattern(spec.cues).search(text):
                return spec.name.format(country=country), spec.inter
        return None

    def canonical_country(self, name: str | None) -> str | None:
        """ACLED's name of a country given any of its names or demonyms ("Burkinabe" -> "Burkina Faso")."""
        if not name:
            return None
        _ = self.knowledge
        return self._country_index.get(norm_key(name))

    # -- emitting -------------------------------------------------------------------------------
    def _emit(self, ctx: ReadContext, start: int, end: int, name: str, inter: int, country: str,
              implicit: bool = False) -> None:
        ctx.out.append(ActorMention(start, end, ctx.text[start:end], name, inter, country, implicit))

    def _force(self, ctx: ReadContext, forces: tuple[Force, ...], country: str | None, start: int, end: int,
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

    def _generic(self, ctx: ReadContext, kind: str, country: str | None, start: int, end: int,
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

    def _ethnic(self, ctx: ReadContext, group: str, start: int, end: int) -> None:
        countries, _aliases = self.knowledge.ethnic[group]
        country = ctx.country if ctx.country in countries else countries[0]
        name = self.knowledge.ethnic_name.format(group=group, country=country)
        self._emit(ctx, start, end, name, self.knowledge.ethnic_inter, country)

    def _group(self, ctx: ReadContext, groups: tuple[GroupSpec, ...], start: int, end: int) -> bool:
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

    def _combine(self, ctx: ReadContext) -> list[ActorMention]:
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


@cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![\w-])", re.IGNORECASE)
