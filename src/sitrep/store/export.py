"""Streaming exports of canonical events: ACLED CSV, GeoJSON, Parquet (pyarrow), JSON Lines.

Columns: ACLED's (``sitrep.vocab.ACLED_COLUMNS``) first, then sitrep's (``SITREP_COLUMNS``), then
the canonical event's own: ``canonical_key``, ``number_of_sources``, ``sources``, ``evidence``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from sitrep.errors import ResourceError, SitrepError
from sitrep.vocab import ACLED_COLUMNS, SITREP_COLUMNS

EXTRA_COLUMNS: tuple[str, ...] = ("canonical_key", "number_of_sources", "sources")
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + SITREP_COLUMNS + EXTRA_COLUMNS
FORMATS = ("acled-csv", "geojson", "parquet", "jsonl")


def export_row(row: dict[str, Any]) -> dict[str, Any]:
    """A canonical_events row in export column order (``source`` JSON decoded; ACLED's ``source``)."""
    out = {name: row.get(name) for name in COLUMNS}
    out["sources"] = json.loads(row.get("sources") or "[]")
    return out


def _write_csv(rows: Iterable[dict[str, Any]], fh: TextIO) -> int:
    writer = csv.DictWriter(fh, fieldnames=list(COLUMNS), extrasaction="ignore")
    writer.writeheader()
    n = 0
    for row in rows:
        out = export_row(row)
        out["sources"] = "; ".join(out["sources"])
        writer.writerow({k: "" if v is None else v for k, v in out.items()})
        n += 1
    return n


def _write_jsonl(rows: Iterable[dict[str, Any]], fh: TextIO) -> int:
    n = 0
    for row in rows:
        out = export_row(row) | {"evidence": json.loads(row.get("evidence") or "[]")}
        fh.write(json.dumps(out, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def _write_geojson(rows: Iterable[dict[str, Any]], fh: TextIO) -> int:
    """A FeatureCollection written feature by feature; events without coordinates have a null geometry."""
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for row in rows:
        props = export_row(row)
        lat, lon = props.get("latitude"), props.get("longitude")
        geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        feature = {"type": "Feature", "geometry": geom, "properties": props}
        fh.write(("" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False, default=str))
        n += 1
    fh.write("\n]}\n")
    return n


def _parquet_schema(pa: Any) -> Any:
    """Column types for Parquet: integers, floats and strings by the Event record's field types."""
    from sitrep.store.schema import EVENT_FLOAT_FIELDS, EVENT_INT_FIELDS

    def typ(name: str) -> Any:
        if name in EVENT_INT_FIELDS or name == "number_of_sources":
            return pa.int64()
        return pa.float64() if name in EVENT_FLOAT_FIELDS else pa.string()

    return pa.schema([(name, typ(name)) for name in COLUMNS])


def _write_parquet(rows: Iterable[dict[str, Any]], path: Path, batch: int = 10_000) -> int:
    """Row groups of ``batch`` events, written as they come."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ResourceError("Parquet export needs pyarrow: pip install 'sitrep[parquet]' (or pyarrow)") from exc
    schema = _parquet_schema(pa)
    n = 0
    buf: list[dict[str, Any]] = []
    with pq.ParquetWriter(str(path), schema) as writer:
        for row in rows:
            out = export_row(row)
            out["sources"] = "; ".join(out["sources"])
            buf.append(out)
            n += 1
            if len(buf) >= batch:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                buf.clear()
        if buf:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
    return n


def export(rows: Iterator[dict[str, Any]], fmt: str, output: str | Path) -> int:
    """Write rows to ``output`` in ``fmt``; returns the number of events written."""
    path = Path(output)
    if fmt not in FORMATS:
        raise SitrepError(f"export format {fmt!r} is unknown: use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _write_parquet(rows, path)
    writers: dict[str, Callable[[Iterable[dict[str, Any]], TextIO], int]] = {
        "acled-csv": _write_csv, "jsonl": _write_jsonl, "geojson": _write_geojson}
    with path.open("w", encoding="utf-8", newline="") as fh:
        return writers[fmt](rows, fh)
