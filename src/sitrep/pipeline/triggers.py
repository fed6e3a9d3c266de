"""Find event triggers in text with the lexicon in ``knowledge/triggers.yaml``.

All patterns compile into one alternation per family, scanned once per sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitrep.errors import ResourceError
from sitrep.paths import knowledge_file
from sitrep.vocab import SUB_EVENT_TYPES

METHOD_RANK = 4


# a trigger noun that modifies the noun after it names that thing, not an event: "the gas attack
# town", "bombing victims", "the attack site", "massacre anniversary", "attack suspects"
_MODIFIER_OF = re.compile(r"\s+(?:site|victims?|survivors?|anniversary|probe|inquiry|investigation|suspects?|"
                          r"memorial|trial)\b", re.IGNORECASE)
# "the gas attack town": a place noun after a trigger noun that itself follows its means or kind
# ("Gunmen attack village" is a headline's verb)
_PLACE_AFTER = re.compile(r"\s+(?:towns?|city|village|neighbou?rhood)\b", re.IGNORECASE)
_KIND_BEFORE = re.compile(r"\b(?:chemical|gas|toxic|sarin|chlorine|poison|bomb|air|drone|rocket|missile|suicide|"
                          r"mortar|terror|terrorist|jihadist)\s+$", re.IGNORECASE)
_NOUN_ENDING = re.compile(r"(?:ing|ion|ack|ike|ast|ombs?|acre|aid|ire)$", re.IGNORECASE)  # attack, bombing, strike


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger word found in a text."""

    start: int
    end: int
    text: str
    family: str


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    subtypes: tuple[str, ...]
    pattern: re.Pattern[str]
    rank: int = 1
    not_after: re.Pattern[str] | None = None  # a trigger right after this names a supporting act

    def matches(self, text: str, start: int, end: int) -> list[re.Match[str]]:
        """The family's triggers in text[start:end], less those right after ``not_after`` (the
        air strikes in "troops, supported by air strikes, retook the town" back the event the
        sentence tells; they are not it)."""
        found = list(self.pattern.finditer(text, start, end))
        if self.not_after is None:
            return found
        return [m for m in found if not self.not_after.search(text, max(0, m.start() - 80), m.start())]


def load_families(path: Path | None = None) -> list[Family]:
    """Read and validate the trigger lexicon; errors name the file and the bad entry."""
    path = path or knowledge_file("triggers.yaml")
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(f"cannot read trigger lexicon {path}: {exc}") from exc
    families = data.get("families") if isinstance(data, dict) else None
    if not isinstance(families, dict) or not families:
        raise ResourceError(f"{path}: expected a mapping 'families: {{name: {{subtypes, patterns}}}}'")
    return [_family(path, name, spec) for name, spec in families.items()]


def _family(path: Path, name: str, spec: Any) -> Family:
    if not isinstance(spec, dict) or not spec.get("patterns") or not spec.get("subtypes"):
        raise ResourceError(f"{path}: family {name!r} needs non-empty 'subtypes' and 'patterns' lists")
    unknown = [s for s in spec["subtypes"] if s not in SUB_EVENT_TYPES]
    if unknown:
        raise ResourceError(f"{path}: family {name!r} names unknown sub-event types {unknown}")
    try:
        pattern = re.compile(r"\b(?:" + "|".join(spec["patterns"]) + r")\b", re.IGNORECASE)
    except re.error as exc:
        raise ResourceError(f"{path}: family {name!r} has a bad pattern: {exc}") from exc
    rank = spec.get("rank", 1)
    if not isinstance(rank, int):
        raise ResourceError(f"{path}: family {name!r} has a rank that is not a whole number: {rank!r}")
    not_after = None
    if spec.get("not_after"):
        try:
            not_after = re.compile(r"\b(?:" + "|".join(spec["not_after"]) + r")\s*$", re.IGNORECASE)
        except re.error as exc:
            raise ResourceError(f"{path}: family {name!r} has a bad not_after pattern: {exc}") from exc
    return Family(name, tuple(spec["subtypes"]), pattern, rank, not_after)


def _modifier(text: str, m: re.Match[str], end: int) -> bool:
    """The trigger is a noun modifying the noun after it ("bombing victims"); a participle before
    its noun ("the slain suspect") still tells the event."""
    if not _NOUN_ENDING.search(m.group()):
        return False
    if _MODIFIER_OF.match(text, m.end(), end):
        return True
    kind = " " in m.group() or _KIND_BEFORE.search(text, max(0, m.start() - 20), m.start())  # "chemical attack"
    return bool(kind and _PLACE_AFTER.match(text, m.end(), end))


class TriggerFinder:
    """Scans text for triggers of every family."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.families: list[Family] = []
        self.ranks: dict[str, int] = {}

    def initialize(self) -> TriggerFinder:
        if not self.families:
            self.families = load_families(self.path)
            self.ranks = {f.name: f.rank for f in self.families}
        return self

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
        end = len(text) if end is None else end
        found = [
            Trigger(m.start(), m.end(), m.group(), fam.name)
            for fam in self.families
            for m in fam.matches(text, start, end)
            if not _modifier(text, m, end)
        ]
        return sorted(found, key=lambda t: t.start)

    def most_specific(self, triggers: list[Trigger]) -> Trigger:
        """The trigger of the highest-ranked family (the first of them on a tie)."""
        return max(triggers, key=lambda t: self.ranks.get(t.family, 0))

    def prior(self, families: set[str]) -> set[str]:
        """Sub-event types ``families`` point to (empty: no preference). A family that names the
        method (a strike, an explosive: rank >= METHOD_RANK) overrides the vaguer ones."""
        present = [f for f in self.families if f.name in families]
        if not present:
            return set()
        top = max(f.rank for f in present)
        if top < METHOD_RANK:
            return {s for f in present for s in f.subtypes}
        return {s for f in present if f.rank == top for s in f.subtypes}


@dataclass(frozen=True, slots=True)
class NonEvents:
    """Contexts (disasters, accidents, disease, sport) in which a trigger reports no codable event."""

    pattern: re.Pattern[str]
    unless: frozenset[str]
    always: re.Pattern[str] | None = None

    def frames(self, text: str, start: int, end: int) -> bool:
        """The span (a headline) frames the whole report as one of the ``always`` contexts: a page
        headlined "court finds 3 men guilty of 2015 attack" reports a trial, and the attack it
        recalls is background however it is told."""
        return self.always is not None and bool(self.always.search(text, start, end))

    def excludes(self, text: str, start: int, end: int, families: set[str]) -> bool:
        if self.always is not None and self.always.search(text, start, end):
            return True
        return not (families & self.unless) and bool(self.pattern.search(text, start, end))


def load_nonevents(path: Path | None = None) -> NonEvents:
    """Read and validate ``knowledge/nonevents.yaml``."""
    path = path or knowledge_file("nonevents.yaml")
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        pattern = re.compile(r"\b(?:" + "|".join(data["patterns"]) + r")\b", re.IGNORECASE)
        unless = frozenset(data.get("unless_families", []))
        always = data.get("always") or []
        always_rx = re.compile(r"\b(?:" + "|".join(always) + r")\b", re.IGNORECASE) if always else None
    except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
        raise ResourceError(f"cannot read non-event contexts {path}: {exc}") from exc
    return NonEvents(pattern, unless, always_rx)
