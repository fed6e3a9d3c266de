"""Cross-report dedup: candidate pairs (blocking) -> pair score -> clusters -> canonical events.

``deduplicate`` chains the public steps for events held in memory; the store-backed run
(:func:`sitrep.dedup.run.dedup_store`) adds incremental updates and analyst corrections.
"""

from __future__ import annotations

from collections.abc import Sequence

from sitrep.dedup.blocking import candidate_pairs
from sitrep.dedup.cluster import cluster, score_pairs
from sitrep.dedup.merge import Canonical, conservative_fatalities, merge_events
from sitrep.dedup.records import TYPE_FAMILY, DedupConfig, DedupRecord, context_of, record_of
from sitrep.dedup.score import haversine_km, pair_score
from sitrep.model.records import Event

__all__ = [
    "TYPE_FAMILY", "Canonical", "DedupConfig", "DedupRecord", "candidate_pairs", "cluster", "conservative_fatalities",
    "context_of", "deduplicate", "haversine_km", "merge_events", "pair_score", "record_of", "score_pairs",
]


def deduplicate(events: Sequence[Event], keys: Sequence[str] | None = None, docs: Sequence[str] | None = None,
                cfg: DedupConfig | None = None, texts: Sequence[str] | None = None,
                titles: Sequence[str] | None = None) -> list[Canonical]:
    """Canonical events of in-memory events; ``docs`` (default: each event's source_id) names reports.

    ``texts``/``titles``: each event's report text and title, when known; the text similarity then
    also reads the title and the sentences holding the event's evidence.
    """
    keys = list(keys) if keys is not None else [f"e{i:08d}" for i in range(len(events))]
    docs = list(docs) if docs is not None else [e.source_id or k for e, k in zip(events, keys, strict=True)]
    cfg = cfg or DedupConfig()
    texts = list(texts) if texts is not None else [""] * len(events)
    titles = list(titles) if titles is not None else [""] * len(events)
    records = [record_of(e, k, d, cfg.notes_chars, text, title)
               for e, k, d, text, title in zip(events, keys, docs, texts, titles, strict=True)]
    out = []
    for group in cluster(records, cfg):
        out.append(merge_events([events[i] for i in group], [keys[i] for i in group], [docs[i] for i in group]))
    return out
