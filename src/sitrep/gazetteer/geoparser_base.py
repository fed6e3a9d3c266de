"""What every part of the geoparser shares: its parameters and the word lists it reads on first use."""

from __future__ import annotations

from sitrep.gazetteer import knowledge
from sitrep.gazetteer.index import Gazetteer


class GeoparserBase:
    """The geoparser's parameters and lazily read knowledge; holds parameters only."""

    def __init__(self, gazetteer: Gazetteer, fuzzy_cutoff: float = 88.0, keep_unresolved: bool = False) -> None:
        self.gazetteer = gazetteer
        self.fuzzy_cutoff = fuzzy_cutoff
        self.keep_unresolved = keep_unresolved
        self._abbrev: dict[str, str] | None = None
        self._stop: frozenset[str] | None = None

    @property
    def stopwords(self) -> frozenset[str]:
        """Words never taken as places by gazetteer matching alone, read on first use."""
        if self._stop is None:
            self._stop = knowledge.place_stopwords()
        return self._stop

    @property
    def abbreviations(self) -> dict[str, str]:
        """Admin1 abbreviations ("La." -> "US.LA"), read on first use."""
        if self._abbrev is None:
            self._abbrev = knowledge.admin1_abbreviations()
        return self._abbrev
