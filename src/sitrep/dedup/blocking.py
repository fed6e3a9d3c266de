"""Blocking: only events in the same country, type, nearby day and nearby grid cell are compared.

Every event goes into one block (country, type, day, grid cell); its candidates are the events in the
blocks of the neighbouring days (within the window) and the 3x3 neighbouring cells. Events without
coordinates are blocked by their location name instead. Work grows with the number of events times
the (small) block size: near-linear.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from sitrep.dedup.records import DedupConfig, DedupRecord, day_reach

BlockKey = tuple[str, str, int, object, object]


def cell_of(rec: DedupRecord, cfg: DedupConfig) -> tuple[object, object]:
    """The grid cell of an event, or ("name", location) when it has no coordinates."""
    if rec.lat is None or rec.lon is None:
        return ("name", rec.location)
    return (math.floor(rec.lat / cfg.cell_deg), math.floor(rec.lon / cfg.cell_deg))


def build_index(records: Sequence[DedupRecord], cfg: DedupConfig) -> dict[BlockKey, list[int]]:
    """Block key -> indices of the records in that block."""
    index: dict[BlockKey, list[int]] = defaultdict(list)
    for i, rec in enumerate(records):
        cx, cy = cell_of(rec, cfg)
        index[(rec.country, rec.event_type, rec.day, cx, cy)].append(i)
    return index


def _neighbour_keys(rec: DedupRecord, cfg: DedupConfig) -> Iterator[BlockKey]:
    """The block keys a record's candidates can be in."""
    cx, cy = cell_of(rec, cfg)
    reach = max(1, math.ceil(2 * cfg.max_km / (111.0 * cfg.cell_deg)))
    reach_days = day_reach(rec, cfg)
    days = range(rec.day - reach_days, rec.day + reach_days + 1)
    if cx == "name":
        for d in days:
            yield (rec.country, rec.event_type, d, cx, cy)
        return
    assert isinstance(cx, int) and isinstance(cy, int)
    # longitude cells shrink towards the poles: widen the reach there
    lon_reach = reach if rec.lat is None else math.ceil(reach / max(0.2, math.cos(math.radians(rec.lat))))
    for d in days:
        for dx in range(-reach, reach + 1):
            for dy in range(-lon_reach, lon_reach + 1):
                yield (rec.country, rec.event_type, d, cx + dx, cy + dy)


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
        for key in _neighbour_keys(rec, cfg):
            for j in index.get(key, ()):
                if j == i or records[j].doc == rec.doc:
                    continue
                if only_set is not None and i not in only_set and j not in only_set:
                    continue
                if j < i and (anchors is None or j in anchors) and _reaches(records[j], rec, cfg):
                    continue  # emitted when j was the anchor
                yield (i, j) if i < j else (j, i)


def _reaches(anchor: DedupRecord, rec: DedupRecord, cfg: DedupConfig) -> bool:
    """Whether an anchor's day reach covers ``rec`` (cells are symmetric; day reach may not be)."""
    return day_reach(anchor, cfg) >= abs(anchor.day - rec.day)
