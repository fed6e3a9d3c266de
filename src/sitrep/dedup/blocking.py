"""Blocking: only events of the same country, type family, nearby day and compatible place are compared.

Events are indexed per (country, type family, day) and, inside that, by their place:
- a ``point`` (coordinates of a town or site) goes into a grid cell; its candidates are the points and
  regions of the neighbouring cells, the events named like it, the regions of its admin1 and
  country-wide events;
- a ``name`` (no coordinates) meets the events of the same name, the regions of its admin1 and
  country-wide events;
- a ``region`` (admin1 area) meets every event of its admin1, the points and regions within reach of
  its coordinates (suburbs across the province line) and country-wide events;
- a ``country``-wide event meets every event of the country.
The relation is symmetric, so each pair is emitted once, by its first anchor. Work grows with the
number of events times the (small) block sizes: near-linear while few events are only country-wide.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from sitrep.dedup.records import DedupConfig, DedupRecord, day_reach

BlockKey = tuple[object, ...]


def cell_of(rec: DedupRecord, cfg: DedupConfig) -> tuple[object, object]:
    """The grid cell of an event, or ("name", location) when it has no coordinates."""
    if rec.lat is None or rec.lon is None:
        return ("name", rec.location)
    return (math.floor(rec.lat / cfg.cell_deg), math.floor(rec.lon / cfg.cell_deg))


def _own_keys(rec: DedupRecord, cfg: DedupConfig) -> list[BlockKey]:
    """The index entries a record is filed under."""
    base = (rec.country, rec.family, rec.day)
    keys: list[BlockKey] = [base + ("all",)]
    if rec.kind == "point":
        keys.append(base + ("cell",) + cell_of(rec, cfg))
    if rec.kind in ("point", "name") and rec.location:
        keys.append(base + ("named", rec.location))
    if rec.kind == "name" and rec.location:
        keys.append(base + ("name", rec.location))
    if rec.kind != "country" and rec.admin1:
        keys.append(base + ("admin1", rec.admin1))
    if rec.kind == "region" and rec.admin1:
        keys.append(base + ("region", rec.admin1))
    if rec.kind == "region" and rec.lat is not None and rec.lon is not None:
        keys.append(base + ("regioncell",) + cell_of(rec, cfg))
    if rec.kind == "country":
        keys.append(base + ("countrywide",))
    return keys


def build_index(records: Sequence[DedupRecord], cfg: DedupConfig) -> dict[BlockKey, list[int]]:
    """Index key -> indices of the records filed under it."""
    index: dict[BlockKey, list[int]] = defaultdict(list)
    for i, rec in enumerate(records):
        for key in _own_keys(rec, cfg):
            index[key].append(i)
    return index


def _place_lookups(rec: DedupRecord, cfg: DedupConfig) -> list[tuple[object, ...]]:
    """The place parts of the index keys a record's candidates are filed under."""
    if rec.kind == "country":
        return [("all",)]
    out: list[tuple[object, ...]] = [("countrywide",)]
    if rec.kind == "region":
        out += [("admin1", rec.admin1)] if rec.admin1 else []
        return out + _near_cells(rec, cfg, ("cell", "regioncell"))  # places across the admin1 line
    if rec.admin1:
        out.append(("region", rec.admin1))
    if rec.kind == "name":
        return out + ([("named", rec.location)] if rec.location else [])
    if rec.location:
        out.append(("name", rec.location))
    return out + _near_cells(rec, cfg, ("cell", "regioncell"))


def _near_cells(rec: DedupRecord, cfg: DedupConfig, kinds: tuple[str, ...]) -> list[tuple[object, ...]]:
    """The grid cells within reach of a record with coordinates, under each of ``kinds``."""
    if rec.lat is None or rec.lon is None:
        return []
    cx, cy = cell_of(rec, cfg)
    assert isinstance(cx, int) and isinstance(cy, int)
    reach = max(1, math.ceil(2 * cfg.max_km / (111.0 * cfg.cell_deg)))
    # longitude cells shrink towards the poles: widen the reach there
    lon_reach = math.ceil(reach / max(0.2, math.cos(math.radians(rec.lat))))
    return [(kind, cx + dx, cy + dy) for kind in kinds
            for dx in range(-reach, reach + 1) for dy in range(-lon_reach, lon_reach + 1)]


def _lookups(rec: DedupRecord, cfg: DedupConfig) -> Iterator[BlockKey]:
    """Every index key a record's candidates can be filed under."""
    places = _place_lookups(rec, cfg)
    reach_days = day_reach(rec, cfg)
    for d in range(rec.day - reach_days, rec.day + reach_days + 1):
        base = (rec.country, rec.family, d)
        for place in places:
            yield base + place


def candidate_pairs(records: Sequence[DedupRecord], cfg: DedupConfig,
                    only: Sequence[int] | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) worth scoring; with ``only``, pairs that involve at least one of those.

    Each anchor looks around itself by its own day reach; week/month-dated records reach further,
    so with ``only`` they anchor too, and a pair is emitted once, by the first anchor that reaches it.
    """
    index = build_index(records, cfg)
    if only is None:
        anchors: set[int] | None = None
        wanted: Iterable[int] = range(len(records))
    else:
        anchors = set(only) | {i for i, r in enumerate(records) if r.time_precision > 1}
        wanted = sorted(anchors)
    only_set = None if only is None else set(only)
    for i in wanted:
        rec = records[i]
        seen: set[int] = set()
        for key in _lookups(rec, cfg):
            for j in index.get(key, ()):
                if j == i or j in seen or records[j].doc == rec.doc:
                    continue
                seen.add(j)
                if only_set is not None and i not in only_set and j not in only_set:
                    continue
                if j < i and (anchors is None or j in anchors) and _reaches(records[j], rec, cfg):
                    continue  # emitted when j was the anchor
                yield (i, j) if i < j else (j, i)


def _reaches(anchor: DedupRecord, rec: DedupRecord, cfg: DedupConfig) -> bool:
    """Whether an anchor's day reach covers ``rec`` (places are symmetric; day reach may not be)."""
    return day_reach(anchor, cfg) >= abs(anchor.day - rec.day)
