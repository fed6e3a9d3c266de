"""Schema checks for the gazetteer's knowledge files, so analysts' edits stay loadable."""

from __future__ import annotations

import pytest

from sitrep.gazetteer import knowledge


def test_country_names_schema() -> None:
    rows = knowledge.country_names()
    assert len(rows) > 240
    assert len({r.iso2 for r in rows}) == len(rows)
    assert all(len(r.iso2) == 2 and r.iso2.isupper() and r.name for r in rows)


@pytest.mark.parametrize("name", ["Democratic Republic of Congo", "Palestine", "United States", "eSwatini"])
def test_country_names_use_acled_spelling(name: str) -> None:
    assert name in {r.name for r in knowledge.country_names()}


def test_centroids_schema() -> None:
    cents = knowledge.country_centroids()
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in cents.values())
    assert {"SY", "SS", "US"} <= set(cents)


def test_admin1_names_schema() -> None:
    for key, (name, _aliases) in knowledge.admin1_names().items():
        cc, code = key.split(".", 1)
        assert len(cc) == 2 and code and name


def test_abbreviations_schema() -> None:
    keys = knowledge.admin1_abbreviations().values()
    assert all(len(k.split(".")[0]) == 2 and k.split(".")[1] for k in keys)


def test_supplement_schema() -> None:
    rows = knowledge.supplement_rows()
    assert rows
    for r in rows:
        assert r["name"] and r["source"] and r["feature_class"] and r["feature_code"]
        assert -90 <= float(r["latitude"]) <= 90 and -180 <= float(r["longitude"]) <= 180
        assert r["iso2"] == "" or len(r["iso2"]) == 2
        int(r["population"] or 0)


def test_place_stopwords_schema() -> None:
    words = knowledge.place_stopwords()
    assert {"monday", "police", "the"} <= words
    assert all(w == w.lower() and " " not in w for w in words)


def test_admin1_splits_schema() -> None:
    splits = knowledge.admin1_splits()
    assert splits
    for key, rows in splits.items():
        cc, code = key.split(".", 1)
        assert len(cc) == 2 and code
        assert all(prefix and name for prefix, name in rows)


def test_neighbours_schema() -> None:
    near = knowledge.country_neighbours()
    assert "PS" in near["IL"] and "IL" in near["PS"]
    assert all(len(cc) == 2 and all(len(n) == 2 for n in ns) for cc, ns in near.items())
