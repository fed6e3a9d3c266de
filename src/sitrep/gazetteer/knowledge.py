"""Readers for the gazetteer's hand-kept knowledge files (countries, admin1 names, supplement places)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import ResourceError
from sitrep.paths import knowledge_file


@dataclass(frozen=True, slots=True)
class CountryNames:
    """One row of ``country_names.tsv``."""

    iso2: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a '#'-commented TSV with a header line, as dicts."""
    if not path.exists():
        raise ResourceError(f"knowledge file {path} is missing; reinstall sitrep or restore the file")
    with path.open(encoding="utf-8") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def country_names(path: Path | None = None) -> list[CountryNames]:
    """ACLED country names, aliases and demonyms by ISO code."""
    rows = read_tsv(path or knowledge_file("country_names.tsv"))
    return [CountryNames(r["iso2"], r["acled_name"], _split(r["aliases"]), _split(r["demonyms"])) for r in rows]


def country_centroids(path: Path | None = None) -> dict[str, tuple[float, float]]:
    """ISO2 -> (lat, lon) of the country's centre."""
    rows = read_tsv(path or knowledge_file("country_centroids.tsv"))
    return {r["iso2"]: (float(r["latitude"]), float(r["longitude"])) for r in rows}


def country_neighbours(path: Path | None = None) -> dict[str, frozenset[str]]:
    """ISO2 -> the ISO2 codes of the countries it shares a land border with."""
    rows = read_tsv(path or knowledge_file("country_neighbours.tsv"))
    return {r["iso2"]: frozenset(_split(r["neighbours"])) for r in rows}


def admin1_names(path: Path | None = None) -> dict[str, tuple[str, tuple[str, ...]]]:
    """'SY.08' -> (name to report, other names)."""
    rows = read_tsv(path or knowledge_file("admin1_names.tsv"))
    return {r["key"]: (r["name"], _split(r["aliases"])) for r in rows}


def admin1_splits(path: Path | None = None) -> dict[str, list[tuple[str, str]]]:
    """'MM.11' -> [(admin2 code prefix, admin1 name to report), ...] (ACLED's Shan-North, Bago-East...)."""
    rows = read_tsv(path or knowledge_file("admin1_splits.tsv"))
    out: dict[str, list[tuple[str, str]]] = {}
    for r in rows:
        out.setdefault(r["admin1"], []).append((r["admin2_prefix"], r["name"]))
    return out


def supplement_rows(path: Path | None = None) -> list[dict[str, str]]:
    """Hand-kept places absent from cities500 (``places_supplement.tsv``)."""
    return list(read_tsv(path or knowledge_file("places_supplement.tsv")))


def admin1_abbreviations(path: Path | None = None) -> dict[str, str]:
    """Abbreviation as written ('La.', 'N.Y.') -> admin1 key ('US.LA')."""
    rows = read_tsv(path or knowledge_file("admin1_abbreviations.tsv"))
    return {abbr: r["key"] for r in rows for abbr in _split(r["abbreviations"])}


def place_stopwords(path: Path | None = None) -> frozenset[str]:
    """Lowercase words never taken as place names by gazetteer matching alone."""
    path = path or knowledge_file("place_stopwords.txt")
    if not path.exists():
        raise ResourceError(f"knowledge file {path} is missing; reinstall sitrep or restore the file")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
