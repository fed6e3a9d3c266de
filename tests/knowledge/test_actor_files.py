"""Schema checks for the actor knowledge files in ``knowledge/actors/``."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from sitrep.paths import knowledge_file
from sitrep.pipeline.actor_knowledge import BRANCHES, GENERIC_KINDS, Knowledge, load_knowledge, shipped_paths
from sitrep.pipeline.actors import ActorRecognizer, norm_key

ACLED_COUNTRIES = Path(__file__).resolve().parents[3] / "shared" / "data" / "acled" / "acled_countries.csv"
PERIOD = re.compile(r"^\d{4}-(\d{4})?$")


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(shipped_paths())


def test_shipped_files_exist() -> None:
    for path in shipped_paths():
        assert path.exists(), path


def test_every_country_has_named_state_forces(knowledge: Knowledge) -> None:
    rec = ActorRecognizer().initialize()
    countries = [line.split("\t")[1] for line in knowledge_file("country_names.tsv").read_text().splitlines()
                 if line and not line.startswith(("#", "iso2", "ISO"))]
    assert len(countries) > 200
    for country in countries:
        for branch in BRANCHES:
            name, inter = rec.state_forces(country, None, branch)
            assert name.startswith(f"{branch.capitalize()} Forces of ") and inter == 1


@pytest.mark.skipif(not ACLED_COUNTRIES.exists(), reason="needs ../shared/data/acled/acled_countries.csv")
def test_acled_country_list_is_covered(knowledge: Knowledge) -> None:
    with ACLED_COUNTRIES.open(encoding="utf-8", newline="") as f:
        countries = [row["country"] for row in csv.DictReader(f)]
    assert len(countries) > 200
    missing = [c for c in countries if c not in knowledge.states]
    assert not missing, missing


def test_periods_are_well_formed(knowledge: Knowledge) -> None:
    for state in knowledge.states.values():
        for periods in (state.periods, state.police_periods):
            untils = [p.until for p in periods if p.until is not None]
            assert untils == sorted(untils), state.country
            assert all(PERIOD.match(p.label) for p in periods), state.country
            if periods:
                assert periods[-1].until is None and periods[-1].label.endswith("-"), state.country


def test_groups_are_well_formed(knowledge: Knowledge) -> None:
    names = [g.name for g in knowledge.groups]
    assert len(names) == len(set(names)), "duplicate group names"
    for group in knowledge.groups:
        assert 1 <= group.inter <= 8
        assert group.aliases or group.acronyms
        for variant in group.variants:
            assert variant.name or variant.state in knowledge.states, group.name


def test_major_groups_are_known(knowledge: Knowledge) -> None:
    keys = {norm_key(a) for g in knowledge.groups for a in g.aliases}
    keys |= {a for g in knowledge.groups for a in g.acronyms}
    for alias in ("isis", "isil", "daesh", "IS", "hts", "sdf", "qsd", "houthis", "rsf", "al shabaab", "boko haram",
                  "iswap", "jnim", "taliban", "m23", "wagner", "hamas", "hezbollah", "pkk", "ypg", "fano", "tplf",
                  "adf", "codeco", "ansaroul islam", "koglweogo", "arakan army", "pdf", "KIA"):
        assert alias in keys, alias


def test_no_alias_names_two_groups_in_the_same_countries(knowledge: Knowledge) -> None:
    seen: dict[str, tuple[str, frozenset[str]]] = {}
    for group in knowledge.groups:
        for alias in (*group.aliases, *group.acronyms):
            key = norm_key(alias, keep_case=alias in group.acronyms)
            if key in seen and seen[key][0] != group.name:
                other_countries = seen[key][1]
                assert group.countries and other_countries and not group.countries & other_countries, alias
            seen[key] = (group.name, group.countries)


def test_generic_kinds(knowledge: Knowledge) -> None:
    for kind in GENERIC_KINDS:
        assert kind in knowledge.kinds
        assert "{country}" in knowledge.kinds[kind].name
    for group, (countries, _aliases) in knowledge.ethnic.items():
        assert countries, group
