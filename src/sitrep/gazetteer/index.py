"""The embedded gazetteer: a shipped SQLite index plus the user's own additions, no server.

    >>> gaz = Gazetteer.open()
    >>> gaz.country("Syrian").country
    'Syria'
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from sitrep.config import Settings
from sitrep.errors import ResourceError
from sitrep.gazetteer import knowledge
from sitrep.gazetteer.normalize import norm, skeleton
from sitrep.model import Place
from sitrep.paths import GAZETTEER_DIR

SHIPPED_INDEX = GAZETTEER_DIR / "gazetteer.sqlite"
_QUERY = ("SELECT n.norm, n.alt, p.id, p.name, p.lat, p.lon, p.cc, p.a1, p.a2, p.fclass, p.fcode, p.pop "
          "FROM {db}names n JOIN {db}places p ON p.id = n.id WHERE n.norm IN ({qs})")
_MAX_KEYS = 900  # stay under SQLite's variable limit
_ENTRY_COLUMNS = "id, name, lat, lon, cc, a1, a2, fclass, fcode, pop"  # a places row in Entry's order (alt aside)
_AREA_WORD = re.compile(r"\s+(?:state|region|province|division)$", re.IGNORECASE)


def user_index_path(settings: Settings | None = None) -> Path:
    """Where ``sitrep gazetteer add`` keeps the user's imported places."""
    return (settings or Settings.from_env()).data_dir / "gazetteer" / "user.sqlite"


# letters NFKD does not split into a base letter and a mark ('Adıyaman', 'Łódź', 'Tǝrtǝr'), and ayn/hamza marks
_UNDECOMPOSED = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ǝ": "e", "Ə": "E", "ø": "o", "Ø": "O",
                               "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "’": None, "‘": None,
                               "ʿ": None, "ʾ": None})


def ascii_name(name: str) -> str:
    """Admin names as conflict data write them: no accents or ayn/hamza marks ('Ma’rib' -> 'Marib')."""
    if name.isascii():
        return name
    folded = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    return "".join(c for c in folded if not unicodedata.combining(c))


class Entry(NamedTuple):
    """A gazetteer row matched by a name key (``alt`` is 1 when the key came from an alternate name)."""

    id: int
    name: str
    lat: float
    lon: float
    cc: str
    a1: str
    a2: str
    fclass: str
    fcode: str
    pop: int
    alt: int = 0


class Country(NamedTuple):
    """A country as the gazetteer knows it."""

    iso2: str
    name: str  # ACLED spelling
    isonum: int
    geonameid: int | None
    lat: float
    lon: float
    pop: int


class Gazetteer:
    """Name lookups over the shipped index and the user's additions; open with :meth:`open`."""

    def __init__(self, path: Path | None = None, user_path: Path | None = None) -> None:
        self.path = path or SHIPPED_INDEX
        self.user_path = user_path
        self._conn: sqlite3.Connection | None = None
        self._dbs: list[str] = [""]
        self.countries: dict[str, Country] = {}
        self.country_keys: dict[str, str] = {}
        self.demonym_keys: dict[str, str] = {}
        self.admin1: dict[str, tuple[str, int | None, float, float, int | None]] = {}
        self.admin1_keys: dict[tuple[str, str], str] = {}
        self._admin2: dict[str, str] = {}
        self._splits: dict[str, list[tuple[str, str]]] = {}
        self._alias_areas: dict[str, list[str]] | None = None
        self._fuzzy: dict[str, tuple[dict[str, list[str]], list[str]]] = {}
        self._areas: dict[str, dict[str, list[Entry]]] = {}

    # -- opening -------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None, user_path: Path | None = None) -> Gazetteer:
        """Open the index at ``path`` (default: the shipped one) plus the user's additions."""
        gaz = cls(path, user_path if user_path is not None else user_index_path())
        gaz.initialize()
        return gaz

    def initialize(self) -> None:
        """Connect and load the small tables (countries, admin1) into memory."""
        if not self.path.exists():
            raise ResourceError(f"gazetteer index {self.path} not found; build it with "
                                "tools/build_gazetteer.py or reinstall sitrep")
        self._conn = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True)
        if self.user_path is not None and self.user_path.exists():
            self._conn.execute("ATTACH DATABASE ? AS user", (f"file:{self.user_path}?mode=ro",))
            self._dbs.append("user.")
        self._load_countries()
        self._load_admin1()

    def close(self) -> None:
        """Close the database connection."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ResourceError("the gazetteer is not open; call Gazetteer.open() first")
        return self._conn

    def _load_countries(self) -> None:
        for row in self.conn.execute("SELECT iso2, name, isonum, geonameid, lat, lon, pop FROM countries"):
            if row[4] is not None:
                self.countries[row[0]] = Country(*row)
        for c in knowledge.country_names():
            if c.iso2 not in self.countries:
                continue
            for name in (c.name, *c.aliases, c.iso2 if c.iso2 in ("US", "UK") else ""):
                if name:
                    self.country_keys.setdefault(norm(name), c.iso2)
            for name in c.demonyms:
                self.demonym_keys.setdefault(norm(name), c.iso2)
        self.country_keys["the united states"] = "US"

    def _load_admin1(self) -> None:
        extra = knowledge.admin1_names()
        self._splits = knowledge.admin1_splits()
        for key, built, gid, lat, lon, seat in self.conn.execute("SELECT * FROM admin1"):
            name, aliases = extra.get(key, (built, ()))  # read at run time: no rebuild for a new spelling
            self.admin1[key] = (name, gid, lat, lon, seat)
            cc = key.split(".", 1)[0]
            for n in (name, built, *aliases):
                self.admin1_keys.setdefault((cc, norm(n)), key)
                self.admin1_keys.setdefault((cc, norm(ascii_name(n))), key)  # as reported: 'Sanliurfa'
        for key, name, _ascii, _gid in self._admin1_raw_names():
            self.admin1_keys.setdefault((key.split(".", 1)[0], norm(name)), key)

    def _admin1_raw_names(self) -> Iterable[tuple[str, str, str, int]]:
        q = "SELECT a.key, p.name, p.name, p.id FROM admin1 a JOIN places p ON p.id = a.geonameid"
        return self.conn.execute(q).fetchall()

    # -- lookups -------------------------------------------------------------------------------
    def lookup(self, keys: Iterable[str]) -> dict[str, list[Entry]]:
        """Every entry for each normalised key, in one query per database (per 900 keys)."""
        wanted = sorted({k for k in keys if k})
        found: dict[str, list[Entry]] = defaultdict(list)
        seen: set[tuple[str, int]] = set()
        for db in self._dbs:
            for i in range(0, len(wanted), _MAX_KEYS):
                chunk = wanted[i : i + _MAX_KEYS]
                sql = _QUERY.format(db=db, qs=",".join("?" * len(chunk)))
                for key, alt, pid, name, lat, lon, cc, a1, a2, fclass, fcode, pop in self.conn.execute(sql, chunk):
                    if (key, pid) not in seen:
                        seen.add((key, pid))
                        found[key].append(Entry(pid, name, lat, lon, cc, a1, a2, fclass, fcode, pop, alt))
        return dict(found)

    def entries_by_id(self, ids: Iterable[int]) -> dict[int, Entry]:
        """Entries for the given place ids (shipped index first)."""
        wanted = sorted(set(ids))
        out: dict[int, Entry] = {}
        for db in reversed(self._dbs):
            for i in range(0, len(wanted), _MAX_KEYS):
                chunk = wanted[i : i + _MAX_KEYS]
                sql = f"SELECT {_ENTRY_COLUMNS} FROM {db}places WHERE id IN ({','.join('?' * len(chunk))})"
                out.update((r[0], Entry(*r)) for r in self.conn.execute(sql, chunk))
        return out

    def country_iso2(self, name: str) -> str | None:
        """ISO2 for a country name, alias, ISO code or demonym ("Syria", "DRC", "Syrian", "SY")."""
        key = norm(name)
        if name.upper() in self.countries and len(name) == 2:
            return name.upper()
        return self.country_keys.get(key) or self.demonym_keys.get(key)

    def is_country_possessive(self, word: str) -> bool:
        """A country's possessive written without its apostrophe ("Syrias", as copies that drop
        punctuation write "Syria's")."""
        key = norm(word)
        return key.endswith("s") and key[:-1] in self.country_keys

    def country(self, name_or_demonym: str) -> Place | None:
        """The country record for a name or demonym; ACLED's name in ``Place.country``."""
        iso2 = self.country_iso2(name_or_demonym)
        return self.country_place(iso2) if iso2 else None

    def country_place(self, iso2: str) -> Place:
        """The :class:`Place` of a country (its centre)."""
        c = self.countries[iso2]
        return Place(c.name, c.lat, c.lon, c.name, c.iso2, geonameid=c.geonameid, feature_class="A",
                     feature_code="PCLI", population=c.pop)

    def capital(self, country: str) -> Place | None:
        """The country's capital (its PPLC), e.g. as the likeliest place of an event whose text names none."""
        iso2 = self.country_iso2(country)
        if iso2 is None:
            return None
        rows = self.conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM places WHERE cc = ? AND fcode = 'PPLC' ORDER BY pop DESC LIMIT 1",
            (iso2,)).fetchall()
        return self.place(Entry(*rows[0])) if rows else None

    def iso_numeric(self, country_name: str) -> int | None:
        """ISO 3166 numeric code (ACLED's ``iso`` column) for a country name."""
        iso2 = self.country_iso2(country_name)
        return self.countries[iso2].isonum if iso2 else None

    def admin1_key(self, admin1_name: str, iso2: str) -> str | None:
        """'Rural Damascus', 'SY' -> 'SY.08'."""
        return self.admin1_keys.get((iso2, norm(admin1_name)))

    def admin1_by_alias(self, key: str) -> list[Entry]:
        """ADM1 areas whose name or written alias (``admin1_names.tsv``) normalises to ``key``, in
        any country: "Salahaddin" -> Salah ad Din. Read at run time, so an alias added to the
        knowledge file works without rebuilding the index."""
        if self._alias_areas is None:
            self._alias_areas = {}
            for (_cc, name_key), a1 in self.admin1_keys.items():
                self._alias_areas.setdefault(name_key, []).append(a1)
        out = [self.admin1_entry(a1) for a1 in self._alias_areas.get(key, ())]
        return [e for e in out if e is not None]

    def admin1_entry(self, key: str) -> Entry | None:
        """The ADM1 area entry for a key such as 'US.LA'."""
        row = self.admin1.get(key)
        if row is None or row[1] is None:
            return None
        return self.entries_by_id([row[1]]).get(row[1])

    def admin1_name(self, cc: str, a1: str, a2: str = "") -> str:
        """The reported admin1 name for GeoNames codes, '' when unknown (split areas by admin2 code)."""
        for prefix, name in self._splits.get(f"{cc}.{a1}", ()):
            if a2.startswith(prefix):
                return name
        row = self.admin1.get(f"{cc}.{a1}")
        return ascii_name(row[0]) if row else ""

    def admin2_name(self, cc: str, a1: str, a2: str) -> str:
        """The admin2 name for GeoNames codes, '' when unknown (looked up once, then cached)."""
        if not a2:
            return ""
        key = f"{cc}.{a1}.{a2}"
        if key not in self._admin2:
            row = self.conn.execute("SELECT name FROM admin2 WHERE key = ?", (key,)).fetchone()
            self._admin2[key] = row[0] if row else ""
        return self._admin2[key]

    def admin1_seat(self, admin1_name: str, country: str) -> Place | None:
        """A province's seat (its PPLA) or, failing that, its centroid, for geo_precision 3. A part of
        a split province ("Shan-North") has the seat of that part: its largest town."""
        iso2 = self.country_iso2(country)
        key = self.admin1_key(admin1_name, iso2) if iso2 else None
        if key is None:
            return None
        part = self._part_seat(key, admin1_name)
        if part is not None:
            return part
        name, gid, lat, lon, seat = self.admin1[key]
        entry = self.entries_by_id([seat]).get(seat) if seat else None
        if entry is not None:
            return self.place(entry)
        cc, a1 = key.split(".", 1)
        return Place(name, lat, lon, self.countries[cc].name, cc, name, "", gid, "A", "ADM1")

    def split_part(self, written: str, cc: str) -> str | None:
        """The part of a split province that a written name gives ("Shan-North state" -> "Shan-North")."""
        key = norm(_AREA_WORD.sub("", written))
        return next((name for parts in self._splits.values() for _, name in parts
                     if norm(name) == key and self.admin1_key(name, cc)), None)

    def _part_seat(self, key: str, admin1_name: str) -> Place | None:
        prefix = next((p for p, name in self._splits.get(key, ()) if norm(name) == norm(admin1_name)), None)
        if prefix is None:
            return None
        cc, a1 = key.split(".", 1)
        row = self.conn.execute(
            f"SELECT {_ENTRY_COLUMNS} FROM places WHERE cc = ? AND a1 = ? "
            "AND a2 LIKE ? AND fclass = 'P' ORDER BY fcode IN ('PPLA', 'PPLC') DESC, pop DESC LIMIT 1",
            (cc, a1, prefix + "%")).fetchone()
        return self.place(Entry(*row)) if row else None

    def place(self, e: Entry) -> Place:
        """The :class:`Place` for an entry, with ACLED country naming and admin names."""
        country = self.countries.get(e.cc)
        return Place(e.name, e.lat, e.lon, country.name if country else e.cc, e.cc,
                     self.admin1_name(e.cc, e.a1, e.a2), self.admin2_name(e.cc, e.a1, e.a2),
                     e.id if e.id < 2_000_000_000 else None, e.fclass, e.fcode, e.pop)

    # -- fuzzy ---------------------------------------------------------------------------------
    def country_names(self, iso2: str) -> tuple[dict[str, list[str]], list[str]]:
        """(skeleton -> name keys, all name keys) of a country's main names, loaded on first use."""
        if iso2 not in self._fuzzy:
            keys: set[str] = set()
            for db in self._dbs:
                sql = f"SELECT DISTINCT name FROM {db}places WHERE cc = ?"
                keys.update(norm(r[0]) for r in self.conn.execute(sql, (iso2,)))
            skel: dict[str, list[str]] = defaultdict(list)
            ordered = sorted(keys)  # a fixed order: ties between close spellings never depend on the hash seed
            for k in ordered:
                skel[skeleton(k)].append(k)
            self._fuzzy[iso2] = (dict(skel), ordered)
        return self._fuzzy[iso2]

    def admin_areas(self, iso2: str) -> dict[str, list[Entry]]:
        """A country's provinces and districts (ADM1/ADM2) by name key: the whole name and its last one
        or two words ("province de la komandjoari", "komandjoari"), loaded on first use."""
        if iso2 not in self._areas:
            out: dict[str, list[Entry]] = defaultdict(list)
            for db in self._dbs:
                sql = f"SELECT {_ENTRY_COLUMNS} FROM {db}places WHERE cc = ? AND fcode IN ('ADM1', 'ADM2')"
                for row in self.conn.execute(sql, (iso2,)):
                    e = Entry(*row)  # alt defaults to 0: a main name
                    words = norm(e.name).split()
                    for k in {" ".join(words), *(" ".join(words[-n:]) for n in (1, 2) if len(words) > n)}:
                        out[k].append(e)
            self._areas[iso2] = dict(out)
        return self._areas[iso2]

    def info(self) -> dict[str, object]:
        """What is loaded: files, sizes and row counts."""
        out: dict[str, object] = {}
        for db, path in zip(self._dbs, [self.path, self.user_path], strict=False):
            label = "user" if db else "shipped"
            places = self.conn.execute(f"SELECT count(*) FROM {db}places").fetchone()[0]
            names = self.conn.execute(f"SELECT count(*) FROM {db}names").fetchone()[0]
            src = self.conn.execute(f"SELECT value FROM {db}meta WHERE key='source'").fetchone()
            out[label] = {"path": str(path), "places": places, "names": names,
                          "sources": src[0] if src else "", "mb": round(Path(str(path)).stat().st_size / 1e6, 1)}
        out["countries"] = len(self.countries)
        out["admin1"] = len(self.admin1)
        return out
