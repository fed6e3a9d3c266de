"""Build the embedded gazetteer from GeoNames dump files, and import extra dumps into a user index.

GeoNames "geoname" dumps (``cities500.txt``, ``SY.txt``, ``allCountries.txt``) share 19 tab-separated
columns; ``admin1CodesASCII.txt``, ``admin2Codes.txt`` and ``countryInfo.txt`` name the areas.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from sitrep.errors import InputError
from sitrep.gazetteer import knowledge, schema
from sitrep.gazetteer.normalize import bare, is_latin, norm

MAX_ALTERNATES = 60
SUPPLEMENT_ID_BASE = 2_000_000_000
_AREA_SUFFIXES = (
    "county", "parish", "district", "province", "governorate", "oblast", "state", "region", "prefecture",
    "municipality", "department", "division", "borough", "city", "territory",
)
KEEP_CLASSES = frozenset({"P", "A", "L", "T"})
KEEP_SPOT_CODES = frozenset({"CMPRF", "CMP", "MILB", "AIRB", "AIRP", "AIRF", "PRT", "PRN", "DAM", "BDG", "CSTM"})
_LINKS = frozenset({"of", "di", "de", "del", "du", "da", "do"})


class GeoRow(NamedTuple):
    """The columns of one GeoNames dump line that the gazetteer keeps."""

    id: int
    name: str
    ascii: str
    alternates: tuple[str, ...]
    lat: float
    lon: float
    fclass: str
    fcode: str
    cc: str
    a1: str
    a2: str
    pop: int


def parse_line(line: str) -> GeoRow:
    """One GeoNames dump line -> :class:`GeoRow`; raises ``ValueError`` on a malformed line."""
    p = line.rstrip("\n").split("\t")
    if len(p) < 15:
        raise ValueError(f"expected 19 tab-separated columns, got {len(p)}")
    alts = tuple(a for a in p[3].split(",") if a)
    return GeoRow(int(p[0]), p[1], p[2], alts, float(p[4]), float(p[5]), p[6], p[7], p[8], p[10], p[11],
                  int(p[14] or 0))


def read_dump(path: Path) -> Iterator[GeoRow]:
    """Rows of a GeoNames dump; a malformed line raises :class:`InputError` naming the line."""
    with path.open(encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                yield parse_line(line)
            except ValueError as exc:
                raise InputError(f"{path}:{no}: not a GeoNames dump line ({exc}); expected the "
                                 "geoname table format of cities500.txt / XX.txt") from exc


def _keep_alternate(name: str) -> bool:
    """Latin-script names only, no codes ('DAM'), postcodes or links."""
    if any(ch.isdigit() for ch in name) or "http" in name:
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return is_latin(name)


def name_keys(main: Iterable[str], alternates: Iterable[str] = ()) -> dict[str, int]:
    """norm key -> 0 for a main name, 1 for an alternate (main wins)."""
    keys: dict[str, int] = {}
    for n in alternates:
        k = norm(n)
        if len(k) >= 2 and _keep_alternate(n) and len(keys) < MAX_ALTERNATES:
            keys[k] = 1
    for n in main:
        k = norm(n)
        if k:
            keys[k] = 0
    for k in list(keys):
        b = bare(k)
        if b:
            keys.setdefault(b, 1)
    return keys


def area_variants(name: str) -> list[str]:
    """'Rapides Parish' -> [.., 'Rapides']; 'Province of Bulacan', 'Provincia di Roma' -> [.., 'Bulacan']."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _AREA_SUFFIXES:
        return [name, " ".join(words[:-1])]
    if len(words) > 2 and words[1].lower() in _LINKS and _area_word(words[0]):
        return [name, " ".join(words[2:])]
    return [name]


_COMPASS = {"nord": "North", "sud": "South", "est": "East", "ouest": "West", "centre": "Central",
            "northern": "North", "southern": "South", "eastern": "East", "western": "West"}


def compass_variants(name: str) -> list[str]:
    """'Nord Kivu' -> ['North Kivu']; 'Northern Darfur' -> ['North Darfur'] (English news spellings)."""
    words = name.replace("-", " ").split()
    if len(words) > 1 and words[0].lower() in _COMPASS:
        return [" ".join([_COMPASS[words[0].lower()], *words[1:]])]
    return []


_ADMIN1_AFFIX = re.compile(
    r"^(?:Muhafazat|Province of|Region of|Wilayat)\s+|\s+(?:Division|Region|Province|Governorate|Area|Prefecture)$"
)


def reported_admin1(name: str) -> str:
    """The admin1 name as conflict data usually writes it: 'Rajshahi Division' -> 'Rajshahi'."""
    short = _ADMIN1_AFFIX.sub("", name).strip()
    return short or name


_ADM2_PREFIX = re.compile(
    r"^(?:Kabupaten|Kota|Comuna|Ora[sş]|Municipio|Municipality|Munic[ií]pio|Distrito|District|Province|Provincia|"
    r"Département|Departamento|Prefecture|Préfecture|Cercle|Commune|Wilayat|Muhafazat|Mantiqat|Regency)"
    r"(?:\s+(?:of|de|di|del|du|des|da|do)\b)?(?:\s+(?:la|le|les|l'|el))?\s+",
    re.I,
)
_ADM2_SUFFIX = re.compile(
    r"\s+(?:District|Regency|Township|Sub-?County|Department|Province|Municipality|Prefecture|Division|"
    r"Zone|Woreda|Subdistrict|Region)$",
    re.I,
)


def admin2_variants(name: str) -> list[str]:
    """'Province de la Tapoa' -> ['Tapoa']; 'Kabupaten Mimika' -> ['Mimika']; 'Kween District' -> ['Kween'].

    ('X County' / 'X Parish' keep their word: news write it, and the bare name is usually a town.)
    """
    short = _ADM2_SUFFIX.sub("", _ADM2_PREFIX.sub("", name)).strip()
    return [short] if short and short != name and len(short) > 2 else []


def _area_word(word: str) -> bool:
    w = word.lower()
    return w in _AREA_SUFFIXES or w.startswith(("provinc", "departament", "municip", "distrit", "regi", "comune"))


def insert_places(conn: sqlite3.Connection, rows: Iterable[GeoRow]) -> int:
    """Insert places and their name keys; returns the number of places."""
    n = 0
    batch: list[tuple[object, ...]] = []
    names: list[tuple[str, int, int]] = []
    for r in rows:
        batch.append((r.id, r.name, r.lat, r.lon, r.cc, r.a1, r.a2, r.fclass, r.fcode, r.pop))
        main = [r.name, r.ascii] + (area_variants(r.name) if r.fclass == "A" else [])
        names.extend((k, r.id, alt) for k, alt in name_keys(main, r.alternates).items())
        n += 1
        if len(batch) >= 20_000:
            _flush(conn, batch, names)
    _flush(conn, batch, names)
    return n


def _flush(conn: sqlite3.Connection, batch: list[tuple[object, ...]], names: list[tuple[str, int, int]]) -> None:
    conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
    batch.clear()
    names.clear()


def _mid(values: list[float]) -> float:
    """Midpoint of the range: the middle of an area's extent, not of its population."""
    return (min(values) + max(values)) / 2


def _centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    """An area's centre from its towns (the midpoint of their extent)."""
    return _mid([p[0] for p in points]), _mid([p[1] for p in points])


def read_admin_codes(path: Path) -> Iterator[tuple[str, str, str, int]]:
    """(key 'SY.08' or 'US.LA.079', name, ascii name, geonameid) from admin1/admin2 code files."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 4 and p[3].isdigit():
                yield p[0], p[1], p[2], int(p[3])


def add_admin_areas(conn: sqlite3.Connection, cities: list[GeoRow], admin1: Path, admin2: Path) -> None:
    """ADM1 and ADM2 areas as resolvable places at the median of their towns; ADM1 seats."""
    members1: dict[str, list[GeoRow]] = defaultdict(list)
    members2: dict[str, list[GeoRow]] = defaultdict(list)
    for r in cities:
        members1[f"{r.cc}.{r.a1}"].append(r)
        members2[f"{r.cc}.{r.a1}.{r.a2}"].append(r)
    extra = knowledge.admin1_names()
    rows: list[GeoRow] = []
    for key, name, ascii_name, gid in read_admin_codes(admin1):
        towns = members1.get(key)
        if not towns:
            continue
        lat, lon = _centroid([(t.lat, t.lon) for t in towns])
        seat = max(towns, key=lambda t: (t.fcode in ("PPLA", "PPLC"), t.pop))
        shown, aliases = extra.get(key, (reported_admin1(name), ()))
        conn.execute("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?,?,?)", (key, shown, gid, lat, lon, seat.id))
        alts = (name, ascii_name, *aliases, *(v for a in (name, *aliases) for v in area_variants(a)),
                *compass_variants(ascii_name))
        cc, code = key.split(".", 1)
        rows.append(GeoRow(gid, shown, ascii_name, alts, lat, lon, "A", "ADM1", cc, code, "",
                           sum(t.pop for t in towns)))
    centres1 = {f"{r.cc}.{r.a1}": (r.lat, r.lon) for r in rows}
    for key, name, ascii_name, gid in read_admin_codes(admin2):
        towns = members2.get(key)
        if not towns:
            _unplaced_admin2(rows, key, name, ascii_name, gid, centres1)
            continue
        lat, lon = _centroid([(t.lat, t.lon) for t in towns])
        conn.execute("INSERT OR REPLACE INTO admin2 VALUES (?,?,?,?,?)", (key, name, gid, lat, lon))
        cc, a1, a2 = key.split(".", 2)
        alts = tuple(v for n in {name, ascii_name} for v in admin2_variants(n))
        rows.append(GeoRow(gid, name, ascii_name, alts, lat, lon, "A", "ADM2", cc, a1, a2, sum(t.pop for t in towns)))
    insert_places(conn, rows)


def _unplaced_admin2(rows: list[GeoRow], key: str, name: str, ascii_name: str, gid: int,
                     centres1: dict[str, tuple[float, float]]) -> None:
    """An ADM2 area with no town in the dump: resolvable by name, placed at its ADM1's centre with
    feature code ADM2X (so it reports the right admin1 at province precision)."""
    cc, a1, a2 = key.split(".", 2)
    centre = centres1.get(f"{cc}.{a1}")
    if centre is None:
        return
    alts = tuple(v for n in {name, ascii_name} for v in admin2_variants(n))
    rows.append(GeoRow(gid, name, ascii_name, alts, centre[0], centre[1], "A", "ADM2X", cc, a1, a2, 0))


def add_countries(conn: sqlite3.Connection, country_info: Path) -> None:
    """Countries with ACLED names, ISO codes and centroids (resolved in memory, not via ``names``)."""
    acled = {c.iso2: c.name for c in knowledge.country_names()}
    centres = knowledge.country_centroids()
    with country_info.open(encoding="utf-8") as fh:
        for line in fh:
            p = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(p) < 17 or p[0] not in acled or not p[2].isdigit():
                continue
            lat, lon = centres.get(p[0], (None, None))
            conn.execute("INSERT OR REPLACE INTO countries VALUES (?,?,?,?,?,?,?,?,?)",
                         (p[0], p[1], int(p[2] or 0), acled[p[0]], int(p[16] or 0) or None, p[5],
                          int(p[7] or 0), lat, lon))


def supplement_places() -> list[GeoRow]:
    """The hand-kept supplement as GeoRows with ids above any GeoNames id."""
    rows = []
    for i, r in enumerate(knowledge.supplement_rows()):
        alts = tuple(a for a in r["alternatenames"].split("|") if a)
        rows.append(GeoRow(SUPPLEMENT_ID_BASE + i, r["name"], r["name"], alts, float(r["latitude"]),
                           float(r["longitude"]), r["feature_class"], r["feature_code"], r["iso2"],
                           r["admin1"], "", int(r["population"] or 0)))
    return rows


def build(cities: Path, admin1: Path, admin2: Path, country_info: Path, out: Path) -> dict[str, int]:
    """Write a fresh gazetteer index to ``out``; returns counts of what went in."""
    for p in (cities, admin1, admin2, country_info):
        if not p.exists():
            raise InputError(f"GeoNames file {p} not found; download it from https://download.geonames.org/export/dump/")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    conn = sqlite3.connect(out)
    schema.create(conn)
    rows = list(read_dump(cities))
    counts = {"places": insert_places(conn, rows)}
    add_admin_areas(conn, rows, admin1, admin2)
    add_countries(conn, country_info)
    counts["supplement"] = insert_places(conn, supplement_places())
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('source', ?)", (cities.name,))
    conn.commit()
    for table in ("places", "names", "admin1", "admin2", "countries"):
        counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    conn.execute("VACUUM")
    conn.close()
    return counts


def useful(row: GeoRow) -> bool:
    """Places events happen at: populated places, admin areas, regions, terrain, camps and bases."""
    return row.fclass in KEEP_CLASSES or row.fcode in KEEP_SPOT_CODES


def add_dump(dump: Path, db: Path, all_classes: bool = False) -> int:
    """Import a GeoNames per-country dump (or allCountries.txt) into the user index at ``db``.

    Hotels, wells, streams and other spots are skipped unless ``all_classes``.
    """
    if not dump.exists():
        raise InputError(f"{dump} not found; download a country dump such as SY.zip from "
                         "https://download.geonames.org/export/dump/ and unzip it")
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db)
    try:
        schema.create(conn)
        n = insert_places(conn, (r for r in read_dump(dump) if all_classes or useful(r)))
        sources = conn.execute("SELECT value FROM meta WHERE key='source'").fetchone()
        names = ((sources[0] + ",") if sources else "") + dump.name
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('source', ?)", (names,))
        conn.commit()
    finally:
        conn.close()
    return n
