"""Document support: which weak gazetteer matches a report backs up (its country, its provinces, big names)."""

from __future__ import annotations

from rapidfuzz import fuzz

from sitrep.gazetteer.normalize import norm
from sitrep.gazetteer.resolve import Mention

_WEAK_MIN_POP = 1000
_LOCATIVE_POP, _LOCATIVE_ALT_POP = 20_000, 50_000
_BIG_CODES = frozenset({"PCLI", "ADM1", "CONT", "OCN", "RGN"})


def filter_supported(mentions: list[Mention], no_ner: bool, hint: str | None) -> list[Mention]:
    """Keep strong mentions, and weak ones the document supports (see :func:`_keep`)."""
    strong = [m.best for m in mentions if m.strong and m.best is not None]
    areas = {(e.cc, e.a1) for e in strong if e.fcode != "PCLI"}
    ccs = {e.cc for e in strong}
    keys_by_area: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        e = m.best
        if e is not None and e.fcode != "PCLI" and e.pop >= _WEAK_MIN_POP:
            keys_by_area.setdefault((e.cc, e.a1), set()).add(m.span.key)
    areas |= {a for a, keys in keys_by_area.items() if len(keys) >= 2}
    return [m for m in mentions if _keep(m, areas, ccs, no_ner, hint)]


def _keep(m: Mention, areas: set[tuple[str, str]], ccs: set[str], no_ner: bool, hint: str | None) -> bool:
    """Strong mentions stay; a weak one needs the hinted country, document support or a big name."""
    if m.strong or m.kind == "demonym":
        return True
    best = m.best
    if best is not None and best.cc == hint and (no_ner or not best.alt):
        return True
    if best is not None and best.cc == hint:  # an alternate name ("Molotov" for Perm) needs support
        return (best.cc, best.a1) in areas or (
            _spelling_of(m.span.key, best.name) and not any(a[0] == hint for a in areas))
    if best is None or best.pop < _WEAK_MIN_POP:
        return False
    if m.locative and best.fclass == "P" and best.pop >= (_LOCATIVE_ALT_POP if best.alt else _LOCATIVE_POP):
        return True  # "killed five in Quetta": a city written where places go, whatever the tagger said
    if hint and best.cc != hint and (best.alt or best.pop < 100_000) and best.fcode not in _BIG_CODES:
        return False
    if m.context or m.context_admin1:
        return True
    if (best.cc, best.a1) in areas and (not best.alt or best.pop >= 100_000):
        return True
    if best.alt and best.pop < 500_000:
        return False
    if no_ner:
        return best.pop >= 20_000 or best.fcode in ("ADM1", "ADM2", "CONT")
    return best.pop >= 100_000 and best.cc in ccs


def _spelling_of(key: str, name: str) -> bool:
    """The written name is a spelling of the place's main name ("Mykolaiv"/"Mykolayiv"), not another name."""
    return fuzz.ratio(key, norm(name)) >= 70
