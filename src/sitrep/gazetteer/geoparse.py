"""``sitrep.geoparse(text)``: the geoparser over the default gazetteer, opened once per process."""

from __future__ import annotations

from functools import lru_cache

from sitrep.gazetteer.geoparser import Geoparser
from sitrep.gazetteer.index import Gazetteer
from sitrep.model import Toponym


@lru_cache(maxsize=1)
def default_geoparser() -> Geoparser:
    """The shipped gazetteer plus the user's additions, opened on first use and then reused."""
    return Geoparser(Gazetteer.open())


def geoparse(text: str, country: str | None = None) -> list[Toponym]:
    """Every toponym in ``text`` (found without NER) with the place it resolves to."""
    return default_geoparser().toponyms(text, entities=None, country=country)
