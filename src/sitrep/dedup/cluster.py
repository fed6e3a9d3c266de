"""Clusters: scored candidate pairs joined greedily, best first, under constraints.

A cluster never holds two events of the same report (ACLED's unit rule already split them) -- except
a vaguer re-mention of another event of the report (see :func:`remention_pairs`) and, when other
reports' events join them, report siblings (see :func:`report_siblings`) --, never
spans more than ``max_span_days``, and never joins events an analyst split apart; analyst merges
are applied first and always hold. Two clusters join only when the mean score of the pairs between
them reaches ``link_threshold`` (average link), so one vague report cannot chain two incidents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sitrep.dedup.blocking import candidate_pairs
from sitrep.dedup.records import DedupConfig, DedupRecord
from sitrep.dedup.score import SAME_TOWN_KM, actor_similarity, geo_similarity, pair_score, record_km, type_similarity
from sitrep.dedup.text import TextIndex


@dataclass(slots=True)
class _Cluster:
    """Members, their reports, the day range (of day-precise members when there are any), splits."""

    members: list[int]
    docs: set[str]
    first: int
    last: int
    precise: bool
    forbidden: set[int] = field(default_factory=set)

    def span_with(self, other: _Cluster) -> int:
        """Days the merged cluster would span; week/month-dated members do not stretch a dated one."""
        if self.precise != other.precise:
            return 0
        return max(self.last, other.last) - min(self.first, other.first)

    def absorb(self, other: _Cluster) -> None:
        if self.precise == other.precise:
            self.first, self.last = min(self.first, other.first), max(self.last, other.last)
        elif other.precise:
            self.first, self.last, self.precise = other.first, other.last, True
        self.members += other.members
        self.docs |= other.docs
        self.forbidden |= other.forbidden


class _Clusters:
    """Union-find over record indices with per-cluster constraints."""

    def __init__(self, records: Sequence[DedupRecord], cannot: dict[int, set[int]]) -> None:
        self.records = records
        self.parent = list(range(len(records)))
        self.clusters: dict[int, _Cluster] = {}
        self.cannot = cannot

    def _get(self, root: int) -> _Cluster:
        c = self.clusters.get(root)
        if c is None:
            r = self.records[root]
            c = _Cluster([root], {r.doc}, r.day, r.day, r.time_precision <= 1, set(self.cannot.get(root, ())))
            self.clusters[root] = c
        return c

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def allowed(self, ra: int, rb: int, max_span: int, same_report: bool = False,
                siblings: Callable[[DedupRecord, DedupRecord], bool] | None = None) -> bool:
        """Whether two clusters may join; events of one report only when ``same_report``, or when
        every pair of them across the two clusters passes ``siblings``."""
        a, b = self._get(ra), self._get(rb)
        if a.span_with(b) > max_span:
            return False
        shared = a.docs & b.docs
        if shared and not same_report and not (siblings and self._siblings(a, b, shared, siblings)):
            return False
        small, big = (a, b) if len(a.members) <= len(b.members) else (b, a)
        return not (big.forbidden and any(m in big.forbidden for m in small.members)) and not (
            small.forbidden and any(m in small.forbidden for m in big.members))

    def _siblings(self, a: _Cluster, b: _Cluster, shared: set[str],
                  test: Callable[[DedupRecord, DedupRecord], bool]) -> bool:
        recs = self.records
        mine = [recs[m] for m in a.members if recs[m].doc in shared]
        theirs = [recs[m] for m in b.members if recs[m].doc in shared]
        return all(test(x, y) for x in mine for y in theirs if x.doc == y.doc)

    def union(self, ra: int, rb: int) -> None:
        a, b = self._get(ra), self._get(rb)
        if len(a.members) < len(b.members):
            ra, rb, a, b = rb, ra, b, a
        self.parent[rb] = ra
        a.absorb(b)
        del self.clusters[rb]

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.records)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())


def _index_pairs(pos: dict[str, int], pairs: Iterable[tuple[str, str]]) -> list[tuple[int, int]]:
    """Key pairs -> index pairs, dropping keys not present."""
    return [(pos[a], pos[b]) for a, b in pairs if a in pos and b in pos]


_COARSENESS = {"point": 0, "name": 0, "region": 1, "country": 2}


def remention_pairs(records: Sequence[DedupRecord], cfg: DedupConfig) -> list[tuple[int, int]]:
    """(coarse, fine) index pairs of one report: a vaguer re-mention of another event of the same report.

    Extractors often give one incident twice, once at the place the report names ("an explosion in
    Ariha") and once country- or province-wide ("a blast in Syria"). A coarse event joins the finer
    event of its report that lies inside its place, on the same day, of the same event type, with
    compatible actors -- only when exactly one such finer event exists, or one of the closest type
    (otherwise it is ambiguous).
    """
    by_doc: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        by_doc.setdefault(r.doc, []).append(i)
    out = []
    for idx in by_doc.values():
        if len(idx) < 2:
            continue
        for i in idx:
            a = records[i]
            finer = [j for j in idx
                     if _COARSENESS[records[j].kind] < _COARSENESS[a.kind] and _remention(a, records[j], cfg)]
            if len(finer) > 1:  # several candidates: keep those of the closest type
                best = max(type_similarity(a, records[j]) for j in finer)
                finer = [j for j in finer if type_similarity(a, records[j]) == best]
            if len(finer) == 1:
                out.append((i, finer[0]))
    return out


def report_siblings(a: DedupRecord, b: DedupRecord, cfg: DedupConfig) -> bool:
    """Whether two events of one report may be one incident told twice.

    Extractors split one incident of a report when its mentions carry different dates (the day of
    the attack, the day of a toll update) or places of different precision (the province, then the
    town). Siblings: same family and country, compatible places (the same, or one inside the other)
    and actors, and either dates within the window that differ (one of them inferred, as a toll update's
    day is: two days the report states are two incidents), or the same date with one place
    strictly coarser than the other (or a village the gazetteer lacks, put at the town the other names).
    Two events of one day at equally precise places stay apart: the unit rule split them on purpose.
    Siblings share a cluster only when the scores against other reports' events join them (see
    :func:`cluster`).
    """
    if a.family != b.family or a.country != b.country or not a.day or not b.day:
        return False
    gap = abs(a.day - b.day)
    if gap > cfg.window_days or (gap == 0 and _COARSENESS[a.kind] == _COARSENESS[b.kind] and not _anchored(a, b)):
        return False
    if gap and a.dated and b.dated:  # the report states both days: two incidents ("26 were also killed yesterday")
        return False
    return geo_similarity(a, b, cfg) > 0 and actor_similarity(a.actors, b.actors) > 0


def _anchored(a: DedupRecord, b: DedupRecord) -> bool:
    """One place is a village the gazetteer lacks, put at the town the other event names ("strikes on villages
    near Manbij" ... "160 were killed in Tokhar alone"): the same spot told at two precisions."""
    if a.geo_precision == b.geo_precision or a.kind != "point" or b.kind != "point":
        return False
    return record_km(a, b) <= SAME_TOWN_KM


def _remention(coarse: DedupRecord, fine: DedupRecord, cfg: DedupConfig) -> bool:
    """Same event type (not only family: "an attack in Aleppo province" is no vaguer telling of "IS
    took Kobane"), country and day, places one inside the other, compatible actors."""
    return (coarse.event_type == fine.event_type and coarse.country == fine.country and coarse.day == fine.day != 0
            and geo_similarity(coarse, fine, cfg) > 0 and actor_similarity(coarse.actors, fine.actors) > 0)


def score_pairs(records: Sequence[DedupRecord], cfg: DedupConfig, only: Sequence[int] | None = None,
                index: TextIndex | None = None) -> list[tuple[float, int, int]]:
    """Candidate pairs that reach the threshold, best first (``index``: the records' TextIndex)."""
    index = index or TextIndex([r.notes for r in records])
    scored = []
    for i, j in candidate_pairs(records, cfg, only):
        s = pair_score(records[i], records[j], cfg, index.similarity(i, j))
        if s >= cfg.threshold:
            scored.append((s, i, j))
    scored.sort(key=lambda t: (-t[0], records[t[1]].key, records[t[2]].key))  # order-free ties
    return scored


LINK_SAMPLE = 20  # members per side the average link reads (clusters are rarely larger)


def average_link(a: Sequence[int], b: Sequence[int], records: Sequence[DedupRecord], cfg: DedupConfig,
                 index: TextIndex) -> float | None:
    """Mean pair score between the members of two clusters; None when a pair of two reports is ruled out
    (other days at named towns, places apart): what one member rules out, the cluster cannot hold."""
    a, b = a[:LINK_SAMPLE], b[:LINK_SAMPLE]
    total = 0.0
    for i in a:
        for j in b:
            score = pair_score(records[i], records[j], cfg, index.similarity(i, j))
            if score == 0.0 and records[i].doc != records[j].doc:
                return None
            total += score
    return total / (len(a) * len(b))


def cluster(records: Sequence[DedupRecord], cfg: DedupConfig | None = None, *,
            must: Iterable[tuple[str, str]] = (), cannot: Iterable[tuple[str, str]] = (),
            groups: Iterable[Sequence[str]] = (), only: Sequence[int] | None = None) -> list[list[int]]:
    """Group record indices into real-world events.

    ``must``/``cannot``: analyst merges and splits as event-key pairs. ``groups``: clusters already
    decided (incremental runs: existing canonical events), kept together unless a split forbids it.
    ``only``: score only pairs that involve these indices (the new events of an incremental run).
    """
    cfg = cfg or DedupConfig()
    pos = {r.key: i for i, r in enumerate(records)}
    forbid: dict[int, set[int]] = {}
    for i, j in _index_pairs(pos, cannot):
        forbid.setdefault(i, set()).add(j)
        forbid.setdefault(j, set()).add(i)
    uf = _Clusters(records, forbid)
    for i, j in _index_pairs(pos, must):
        ri, rj = uf.find(i), uf.find(j)
        if ri != rj:
            uf.union(ri, rj)
    span = cfg.max_span_days
    for i, j in remention_pairs(records, cfg):
        ri, rj = uf.find(i), uf.find(j)
        if ri != rj and uf.allowed(ri, rj, span, same_report=True):
            uf.union(ri, rj)
    for group in groups:
        for i, j in _index_pairs(pos, ((group[0], k) for k in group[1:])):
            ri, rj = uf.find(i), uf.find(j)
            if ri != rj and uf.allowed(ri, rj, 10**9):
                uf.union(ri, rj)
    index = TextIndex([r.notes for r in records])

    def siblings(a: DedupRecord, b: DedupRecord) -> bool:
        return report_siblings(a, b, cfg)

    for _, i, j in score_pairs(records, cfg, only, index):
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or not uf.allowed(ri, rj, span, siblings=siblings if cfg.report_siblings else None):
            continue
        a, b = uf.clusters.get(ri), uf.clusters.get(rj)
        if a and b and len(a.members) * len(b.members) > 1:
            link = average_link(a.members, b.members, records, cfg, index)
            if link is None or link < cfg.link_threshold:
                continue  # joined by one strong pair but unlike (or ruled out by) the rest of the cluster: no chaining
        uf.union(ri, rj)
    return uf.groups()
