"""Embedded GeoNames gazetteer (SQLite, no server) and the geoparser built on it.

    >>> from sitrep.gazetteer import Gazetteer, Geoparser
    >>> gp = Geoparser(Gazetteer.open())
    >>> gp.toponyms("Clashes in Idlib", country="Syria")[0].place.admin1
    'Idleb'

Importing this package loads nothing; :meth:`Gazetteer.open` reads the index.
"""

from sitrep.gazetteer.eventplace import event_place
from sitrep.gazetteer.geoparser import Geoparser
from sitrep.gazetteer.index import Gazetteer

__all__ = ["Gazetteer", "Geoparser", "event_place"]
