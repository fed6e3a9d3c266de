"""Load and validate the actor knowledge files (``knowledge/actors/*.yaml``).

The files are plain YAML an analyst can extend; this module turns them into typed specs and
rejects a bad entry with a :class:`ResourceError` that names the file and line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from sitrep.errors import ResourceError
from sitrep.paths import knowledge_file

ACTOR_FILES = ("state_forces.yaml", "armed_groups.yaml", "generic_actors.yaml")
BRANCHES = ("military", "police")
GENERIC_KINDS = ("protesters", "rioters", "civilians", "unidentified_armed_group", "communal_militia")


def shipped_paths() -> list[Path]:
    """The actor knowledge files shipped with sitrep."""
    return [knowledge_file(f"actors/{name}") for name in ACTOR_FILES]


@dataclass(frozen=True, slots=True)
class Period:
    """One of ACLED's regime periods: ``label`` "2000-2024", in force until ``until`` (exclusive)."""

    label: str
    until: date | None = None


@dataclass(frozen=True, slots=True)
class Unit:
    """A named unit of a state's forces, named with a suffix ("Gendarmerie")."""

    branch: str
    suffix: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    suffix_in: frozenset[str] = frozenset()  # global units only: where ACLED uses the suffix
    docs_in: frozenset[str] = frozenset()  # global units only: in documents about these countries


@dataclass(slots=True)
class StateSpec:
    """How one country's state forces are named."""

    country: str
    actor_country: str
    periods: tuple[Period, ...] = ()
    police_periods: tuple[Period, ...] = ()
    qualifiers: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)  # "Syrian", "Syrians": "Syrians" alone are civilians
    names: dict[str, list[str]] = field(default_factory=dict)  # branch -> case-insensitive names
    acronyms: dict[str, list[str]] = field(default_factory=dict)  # branch -> exact-case acronyms
    units: list[Unit] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Variant:
    """A renaming of a group by country and date, or its turning into state forces."""

    name: str = ""
    inter: int | None = None
    countries: frozenset[str] = frozenset()
    start: date | None = None
    until: date | None = None
    state: str = ""
    branch: str = "military"
    suffix: str = ""

    def fits(self, country: str | None, when: date | None) -> bool:
        """True when this variant applies to an event in ``country`` on ``when``."""
        if self.countries and country not in self.countries:
            return False
        if when is not None and self.start is not None and when < self.start:
            return False
        return not (when is not None and self.until is not None and when >= self.until)


@dataclass(frozen=True, slots=True)
class GroupSpec:
    """A named armed group with its aliases."""

    name: str
    inter: int
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...] = ()
    countries: frozenset[str] = frozenset()
    variants: tuple[Variant, ...] = ()
    local: str = ""  # "People's Defense Force - {place}": a branch named by the place before the alias
    local_unnamed: str = ""  # "a local PDF"


@dataclass(frozen=True, slots=True)
class GenericKind:
    """A generic actor kind: "Civilians ({country})" and the nouns that name it."""

    kind: str
    name: str
    inter: int
    nouns: tuple[str, ...]
    countries: frozenset[str] = frozenset()  # where this kind applies; elsewhere `otherwise`
    otherwise: str = ""
    local: str = ""  # "{place} Communal Militia ({country})"
    cues: tuple[str, ...] = ()  # words of a report that make its unnamed attacker this kind ("drive-by") ...
    cues_in: frozenset[str] = frozenset()  # ... in these countries


@dataclass(slots=True)
class Knowledge:
    """Everything the recognizer knows, merged from all files (later files win)."""

    templates: dict[str, str] = field(default_factory=dict)
    home_inter: int = 1
    foreign_inter: int = 8
    forces: dict[tuple[str, bool], list[str]] = field(default_factory=dict)  # (branch, strong) -> nouns
    loyal_to: str = ""
    global_units: list[Unit] = field(default_factory=list)
    states: dict[str, StateSpec] = field(default_factory=dict)
    groups: list[GroupSpec] = field(default_factory=list)
    combine_order: list[str] = field(default_factory=list)
    kinds: dict[str, GenericKind] = field(default_factory=dict)
    implicit: dict[str, list[str]] = field(default_factory=dict)
    implicit_exact: dict[str, list[str]] = field(default_factory=dict)
    militia_nouns: list[str] = field(default_factory=list)
    group_nouns: list[str] = field(default_factory=list)
    partisan_nouns: list[str] = field(default_factory=list)  # "<party> supporters" ("Awami League activists")
    partisan_acronym_nouns: list[str] = field(default_factory=list)  # only after an acronym ("BNP men")
    partisan_not_names: list[str] = field(default_factory=list)  # capitalised words that name no party
    ethnic: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # name -> (countries, aliases)
    ethnic_name: str = "{group} Ethnic Militia ({country})"
    ethnic_inter: int = 4


class _LineDict(dict[str, Any]):
    """A YAML mapping that remembers the line it started on."""

    line = 0


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings carry their line numbers for error messages."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    mapping = _LineDict({str(k): v for k, v in loader.construct_mapping(node, deep=True).items()})
    mapping.line = node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _Reader:
    """Validation helpers that name the file and line of a bad entry."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: Any, message: str) -> ResourceError:
        line = getattr(where, "line", 0)
        at = f"{self.path}:{line}" if line else str(self.path)
        return ResourceError(f"{at}: {message}; fix the entry or remove it")

    def strings(self, where: Any, value: Any, what: str) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(where, f"{what} must be a list of non-empty strings, got {value!r}")
        return list(value)

    def text(self, where: Any, value: Any, what: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"{what} must be a non-empty string, got {value!r}")
        return value

    def inter(self, where: Any, value: Any, what: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 8:
            raise self.fail(where, f"{what} must be an ACLED inter code 1-8, got {value!r}")
        return value

    def day(self, where: Any, value: Any, what: str) -> date | None:
        if value is None or (isinstance(value, date) and not hasattr(value, "hour")):
            return value
        raise self.fail(where, f"{what} must be a date YYYY-MM-DD, got {value!r}")

    def mapping(self, where: Any, value: Any, what: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(where, f"{what} must be a mapping, got {type(value).__name__}")
        return value

    def branch(self, where: Any, value: Any) -> str:
        if value not in BRANCHES:
            raise self.fail(where, f"branch must be one of {BRANCHES}, got {value!r}")
        return str(value)


def load_knowledge(paths: Sequence[Path], countries_tsv: Path | None = None) -> Knowledge:
    """Read every file in order (later files extend and override earlier ones) and the country table."""
    knowledge = Knowledge()
    for path in paths:
        data = _read(path)
        reader = _Reader(path)
        _load_state_forces(reader, data, knowledge)
        _load_groups(reader, data, knowledge)
        _load_generic(reader, data, knowledge)
    _add_country_table(knowledge, countries_tsv or knowledge_file("country_names.tsv"))
    return knowledge


def _read(path: Path) -> _LineDict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (SafeLoader subclass)
    except OSError as exc:
        raise ResourceError(f"cannot read actor knowledge file {path}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise ResourceError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ResourceError(f"{path}: expected a YAML mapping at the top level")
    return data if isinstance(data, _LineDict) else _LineDict(data)


def _periods(r: _Reader, where: Any, value: Any) -> tuple[Period, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        raise r.fail(where, f"periods must be a non-empty list of {{label, until}}, got {value!r}")
    periods = []
    for i, item in enumerate(value):
        item = r.mapping(where, item, "a period")
        until = r.day(item or where, item.get("until"), "until")
        if until is None and i != len(value) - 1:
            raise r.fail(item or where, "only the last period may leave 'until' out")
        periods.append(Period(r.text(item or where, item.get("label"), "period label"), until))
    return tuple(periods)


def _unit(r: _Reader, where: Any, item: Any) -> Unit:
    item = r.mapping(where, item, "a unit")
    aliases = tuple(r.strings(item, item.get("aliases"), "unit aliases"))
    acronyms = tuple(r.strings(item, item.get("acronyms"), "unit acronyms"))
    if not aliases and not acronyms:
        raise r.fail(item or where, "a unit needs 'aliases' or 'acronyms'")
    suffix_in = frozenset(r.strings(item, item.get("suffix_in"), "suffix_in"))
    docs_in = frozenset(r.strings(item, item.get("docs_in"), "docs_in"))
    return Unit(r.branch(item, item.get("branch")), r.text(item, item.get("suffix"), "unit suffix"),
                aliases, acronyms, suffix_in, docs_in)


def _load_state_forces(r: _Reader, data: _LineDict, k: Knowledge) -> None:
    k.templates.update(r.mapping(data, data.get("templates"), "templates"))
    inter = r.mapping(data, data.get("inter"), "inter")
    if inter:
        k.home_inter = r.inter(inter, inter.get("home"), "inter.home")
        k.foreign_inter = r.inter(inter, inter.get("foreign"), "inter.foreign")
    forces = r.mapping(data, data.get("forces"), "forces")
    for branch, spec in forces.items():
        r.branch(forces, branch)
        spec = r.mapping(forces, spec, f"forces.{branch}")
        for strength in ("strong", "weak"):
            k.forces.setdefault((branch, strength == "strong"), []).extend(
                r.strings(spec, spec.get(strength), f"forces.{branch}.{strength}"))
    if data.get("loyal_to") is not None:
        k.loyal_to = r.text(data, data.get("loyal_to"), "loyal_to")
    for item in data.get("units") or []:
        k.global_units.append(_unit(r, data, item))
    countries = r.mapping(data, data.get("countries"), "countries")
    for country, spec in countries.items():
        k.states[country] = _state(r, countries, country, spec)


def _state(r: _Reader, where: Any, country: str, spec: Any) -> StateSpec:
    spec = r.mapping(where, spec, f"country {country!r}")
    where = spec or where
    state = StateSpec(country, str(spec.get("actor_country") or country))
    state.periods = _periods(r, where, spec.get("periods"))
    state.police_periods = _periods(r, where, spec.get("police_periods")) or state.periods
    state.qualifiers = r.strings(where, spec.get("qualifiers"), f"{country}: qualifiers")
    state.places = r.strings(where, spec.get("places"), f"{country}: places")
    state.demonyms = r.strings(where, spec.get("demonyms"), f"{country}: demonyms")
    for branch in BRANCHES:
        state.names[branch] = r.strings(where, spec.get(branch), f"{country}: {branch}")
        state.acronyms[branch] = r.strings(where, spec.get(f"{branch}_acronyms"), f"{country}: {branch}_acronyms")
    state.units = [_unit(r, where, item) for item in spec.get("units") or []]
    return state


def _variant(r: _Reader, where: Any, item: Any) -> Variant:
    item = r.mapping(where, item, "a variant")
    where = item or where
    if not item.get("name") and not item.get("state"):
        raise r.fail(where, "a variant needs a 'name' or a 'state'")
    inter = item.get("inter")
    return Variant(
        name=str(item.get("name") or ""),
        inter=None if inter is None else r.inter(where, inter, "variant inter"),
        countries=frozenset(r.strings(where, item.get("countries"), "variant countries")),
        start=r.day(where, item.get("from"), "from"),
        until=r.day(where, item.get("until"), "until"),
        state=str(item.get("state") or ""),
        branch=r.branch(where, item.get("branch", "military")),
        suffix=str(item.get("suffix") or ""),
    )


def _load_groups(r: _Reader, data: _LineDict, k: Knowledge) -> None:
    k.combine_order.extend(r.strings(data, data.get("combine_order"), "combine_order"))
    groups = data.get("groups")
    if groups is None:
        return
    if not isinstance(groups, list):
        raise r.fail(data, "'groups' must be a list of {name, inter, aliases}")
    for item in groups:
        item = r.mapping(data, item, "a group")
        name = r.text(item, item.get("name"), "group name")
        aliases = tuple(r.strings(item, item.get("aliases"), f"group {name!r}: aliases"))
        acronyms = tuple(r.strings(item, item.get("acronyms"), f"group {name!r}: acronyms"))
        if not aliases and not acronyms:
            raise r.fail(item, f"group {name!r} needs 'aliases' or 'acronyms'")
        k.groups.append(GroupSpec(
            name, r.inter(item, item.get("inter"), f"group {name!r}: inter"), aliases, acronyms,
            frozenset(r.strings(item, item.get("countries"), f"group {name!r}: countries")),
            tuple(_variant(r, item, v) for v in item.get("variants") or []),
            _local(r, item, name), str(item.get("local_unnamed") or "")))


def _local(r: _Reader, item: Any, name: str) -> str:
    local = item.get("local")
    if local is None:
        return ""
    if not isinstance(local, str) or "{place}" not in local:
        raise r.fail(item, f"group {name!r}: 'local' must be a name containing {{place}}, got {local!r}")
    return local


def _load_generic(r: _Reader, data: _LineDict, k: Knowledge) -> None:
    kinds = r.mapping(data, data.get("kinds"), "kinds")
    for kind, spec in kinds.items():
        spec = r.mapping(kinds, spec, f"kind {kind!r}")
        name = r.text(spec or kinds, spec.get("name"), f"kind {kind!r}: name")
        if "{country}" not in name:
            raise r.fail(spec, f"kind {kind!r}: name must contain {{country}}, got {name!r}")
        k.kinds[kind] = GenericKind(
            kind, name, r.inter(spec, spec.get("inter"), f"kind {kind!r}: inter"),
            tuple(r.strings(spec, spec.get("nouns"), f"kind {kind!r}: nouns")),
            frozenset(r.strings(spec, spec.get("countries"), f"kind {kind!r}: countries")),
            str(spec.get("otherwise") or ""), _local(r, spec, kind),
            tuple(r.strings(spec, spec.get("cues"), f"kind {kind!r}: cues")),
            frozenset(r.strings(spec, spec.get("cues_in"), f"kind {kind!r}: cues_in")))
    for kind, spec in kinds.items():
        if spec.get("otherwise") and spec["otherwise"] not in k.kinds:
            raise r.fail(spec, f"kind {kind!r}: 'otherwise' names unknown kind {spec['otherwise']!r}")
    implicit = r.mapping(data, data.get("implicit"), "implicit")
    for kind, words in implicit.items():
        if kind not in k.kinds and kind not in BRANCHES:
            raise r.fail(implicit, f"implicit kind {kind!r} is neither a generic kind nor a state branch")
        k.implicit.setdefault(kind, []).extend(r.strings(implicit, words, f"implicit.{kind}"))
    exact = r.mapping(data, data.get("implicit_exact_case"), "implicit_exact_case")
    for kind, words in exact.items():
        if kind not in k.kinds and kind not in BRANCHES:
            raise r.fail(exact, f"implicit kind {kind!r} is neither a generic kind nor a state branch")
        k.implicit_exact.setdefault(kind, []).extend(r.strings(exact, words, f"implicit_exact_case.{kind}"))
    k.militia_nouns.extend(r.strings(data, data.get("militia_nouns"), "militia_nouns"))
    k.group_nouns.extend(r.strings(data, data.get("group_nouns"), "group_nouns"))
    partisans = r.mapping(data, data.get("partisans"), "partisans")
    k.partisan_nouns.extend(r.strings(partisans, partisans.get("nouns"), "partisans.nouns"))
    k.partisan_acronym_nouns.extend(r.strings(partisans, partisans.get("acronym_nouns"), "partisans.acronym_nouns"))
    k.partisan_not_names.extend(r.strings(partisans, partisans.get("not_names"), "partisans.not_names"))
    if data.get("ethnic_name") is not None:
        k.ethnic_name = r.text(data, data.get("ethnic_name"), "ethnic_name")
    if data.get("ethnic_inter") is not None:
        k.ethnic_inter = r.inter(data, data.get("ethnic_inter"), "ethnic_inter")
    ethnic = r.mapping(data, data.get("ethnic"), "ethnic")
    for group, spec in ethnic.items():
        spec = r.mapping(ethnic, spec, f"ethnic group {group!r}")
        countries = r.strings(spec or ethnic, spec.get("countries"), f"ethnic group {group!r}: countries")
        if not countries:
            raise r.fail(spec or ethnic, f"ethnic group {group!r} needs at least one country")
        k.ethnic[group] = (countries, r.strings(spec, spec.get("aliases"), f"ethnic group {group!r}: aliases"))


def _add_country_table(k: Knowledge, path: Path) -> None:
    """Countries, their other names and demonyms from the shared country table."""
    for country, names, demonyms in _country_rows(path):
        state = k.states.get(country)
        if state is None:
            state = k.states[country] = StateSpec(country, country)
        state.qualifiers = [*names, *state.qualifiers]
        state.demonyms = [*demonyms, *state.demonyms]


def _country_rows(path: Path) -> Iterable[tuple[str, list[str], list[str]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(f"cannot read country table {path}: {exc}") from exc
    rows = csv.reader((line for line in lines if line and not line.startswith("#")), delimiter="\t")
    for row in rows:
        if len(row) < 2 or row[0] in ("iso2", "ISO") or not row[1]:
            continue
        names = [row[1], *(n for n in (row[2] if len(row) > 2 else "").split("|") if n)]
        demonyms = [n for n in (row[3] if len(row) > 3 else "").split("|") if n]
        yield row[1], names, demonyms
