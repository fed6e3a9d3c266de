"""A learned second opinion on an incident's sub-event type (the "arbiter").

The text typer reads words; the hand rules of ``assemble`` read who is named and who died. The
arbiter weighs both: a multinomial logistic regression over the typer's probabilities, the type
the rules settled on, and structural features the pipeline already computes for an incident
(inter codes of the named agents and patients, casualty sides and counts, trigger families,
two-sided trigger words). It may only move the type to one of the typer's top candidates, and only within its scope:
the attack / clash / demonstration types whose lines depend on who is named and who died (weapon,
territory and strategic types keep what the trigger lexicon and the typer say).

Trained by ``tools/train_arbiter.py`` on ACLED coder notes (acled-train only, typer
probabilities cross-fitted); weights are JSON, runtime is numpy. ``SITREP_ARBITER`` ("1"/"0")
switches it on or off; the default is ``DEFAULT_ON``.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.model import ActorMention
from sitrep.pipeline.incidents import Incident
from sitrep.pipeline.roles import split_roles
from sitrep.pipeline.tolls import Toll

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models" / "arbiter"
MODEL_NAME = "arbiter.json"
ENV = "SITREP_ARBITER"
DEFAULT_ON = True  # acled-dev and news-dev both gain (ON vs OFF, same code: see the model card)
SIDES = ("civilians", "state", "armed", "unknown")
KINDS = ("killed", "injured", "abducted", "arrested")
PROTEST_FAMILIES = ("protest",)
FORCE_FAMILIES = ("riot", "intervention")
_LOG_FLOOR = math.log(1e4)

# Set by tools/train_arbiter.py: every call appends (features, rule type) here.
RECORD: list[tuple[dict[str, float], str, dict[str, float]]] | None = None


@dataclass(frozen=True)
class Model:
    classes: list[str]
    index: dict[str, int]
    weights: np.ndarray  # (classes, features)
    bias: np.ndarray
    top_k: int
    margin: float
    scope: frozenset[str] = frozenset()  # the types it may move between (empty: all)
    moves: frozenset[tuple[str, str]] = frozenset()  # (from, to) moves that paid off in training CV (empty: all)

    def scores(self, feats: dict[str, float]) -> np.ndarray:
        x = np.zeros(len(self.index))
        for k, v in feats.items():
            i = self.index.get(k)
            if i is not None:
                x[i] = v
        z = self.weights @ x + self.bias
        z = np.exp(z - z.max())
        return z / z.sum()

    def choose(self, feats: dict[str, float], proba: dict[str, float], current: str) -> str:
        """The arbiter's type among the typer's ``top_k`` candidates and ``current``; ``current``
        stays unless the winner beats it by ``margin``."""
        if self.scope and current not in self.scope:
            return current
        p = self.scores(feats)
        cands = set(sorted(proba, key=lambda s: -proba[s])[: self.top_k]) | {current}
        if self.scope:
            cands &= self.scope
        pos = {c: i for i, c in enumerate(self.classes)}
        ranked = sorted((c for c in cands if c in pos), key=lambda c: -p[pos[c]])
        if not ranked or current not in pos:
            return current
        best = ranked[0]
        if self.moves and (current, best) not in self.moves:
            return current
        return best if p[pos[best]] - p[pos[current]] > self.margin else current


_MODEL: Model | None = None


def enabled() -> bool:
    flag = os.environ.get(ENV, "").strip()
    return DEFAULT_ON if flag == "" else flag not in ("0", "false", "off", "no")


def load(path: Path | None = None) -> Model:
    """The model in ``path`` (default: the packaged one), cached for the default path."""
    global _MODEL
    if path is None and _MODEL is not None:
        return _MODEL
    data = json.loads(((path or MODEL_DIR) / MODEL_NAME).read_text(encoding="utf-8"))
    model = Model(
        classes=list(data["classes"]),
        index={f: i for i, f in enumerate(data["features"])},
        weights=np.asarray(data["weights"], dtype=float),
        bias=np.asarray(data["bias"], dtype=float),
        top_k=int(data.get("top_k", 3)),
        margin=float(data.get("margin", 0.0)),
        scope=frozenset(data.get("scope", ())),
        moves=frozenset((a, b) for a, b in data.get("moves", ())),
    )
    if path is None:
        _MODEL = model
    return model


def arbitrate(
    sub: str,
    inc: Incident,
    text: str,
    actors: list[ActorMention],
    toll: Toll,
    two_sided: bool,
    trig: Any,
    side_of: Callable[[str], str],
    proba: dict[str, float],
) -> str:
    """The incident's sub-event type after the arbiter (``sub`` when switched off); ``proba`` is
    the typer's output for the incident, as the extractor computed it."""
    on = enabled()
    if not on and RECORD is None:
        return sub
    feats = features(sub, proba, inc, text, actors, toll, two_sided, trig, side_of)
    if RECORD is not None:
        RECORD.append((feats, sub, proba))
    if not on:
        return sub
    return load().choose(feats, proba, sub)


def features(
    sub: str,
    proba: dict[str, float],
    inc: Incident,
    text: str,
    actors: list[ActorMention],
    toll: Toll,
    two_sided: bool,
    trig: Any,
    side_of: Callable[[str], str],
) -> dict[str, float]:
    """Named features of one incident (absent = 0)."""
    f: dict[str, float] = {}
    for s, p in proba.items():
        f[f"logp={s}"] = 1.0 + math.log(p + 1e-4) / _LOG_FLOOR  # 0 (p = 0) .. 1 (p = 1)
    top = sorted(proba, key=lambda s: -proba[s])
    f[f"top1={top[0]}"] = 1.0
    if len(top) > 1:
        f[f"top2={top[1]}"] = 1.0
        f["margin12"] = proba[top[0]] - proba[top[1]]
    f[f"rule={sub}"] = 1.0
    named = [a for a in actors if not a.implicit]
    agents, patients = split_roles(named, text, trig.start)
    for a in agents:
        f[f"agent_inter={a.inter}"] = 1.0
    for a in patients:
        f[f"patient_inter={a.inter}"] = 1.0
    for a in actors:
        if a.implicit:
            f[f"implicit_inter={a.inter}"] = 1.0
        else:
            f[f"named_inter={a.inter}"] = 1.0
    lead = next((a for a in agents if a.inter != 7), None)
    f[f"lead_inter={lead.inter if lead else 0}"] = 1.0
    f[f"lead_rule={lead.inter if lead else 0}|{sub}"] = 1.0
    for side, n in toll.by_side:
        if n:
            f[f"dead={side}"] = 1.0
            f[f"dead_log={side}"] = f.get(f"dead_log={side}", 0.0) + math.log1p(n) / 5.0
    sides = frozenset(s for s, n in toll.by_side if n)
    f["dead_sides=" + "+".join(sorted(sides))] = 1.0
    f["dead_total_log"] = math.log1p(toll.total) / 5.0
    for kind, side in _harms(inc, side_of):
        f[f"harm={kind}:{side}"] = 1.0
        f[f"harm={kind}"] = 1.0
    fams = set(inc.families)
    for fam in fams:
        f[f"family={fam}"] = 1.0
    for t in inc.mentions[0].triggers:
        f[f"open_family={t.family}"] = 1.0
    f[f"key_family={getattr(trig, 'family', '')}"] = 1.0
    f[f"key_family_rule={getattr(trig, 'family', '')}|{sub}"] = 1.0
    if two_sided:
        f["two_sided"] = 1.0
    if fams & set(PROTEST_FAMILIES) and fams & set(FORCE_FAMILIES):
        f["protest_and_force"] = 1.0
    f["mentions_log"] = math.log1p(len(inc.mentions))
    armed = any(a.inter in (2, 3, 4) for a in named)
    state = any(a.inter == 1 for a in named)
    civ = any(a.inter == 7 for a in named)
    f[f"named_set=s{int(state)}a{int(armed)}c{int(civ)}"] = 1.0
    return f


def _harms(inc: Incident, side_of: Callable[[str], str]) -> Iterable[tuple[str, str]]:
    seen = set()
    for m in inc.mentions:
        for c in m.casualties:
            key = (c.kind, side_of(c.who) if c.who else "unknown")
            if key not in seen:
                seen.add(key)
                yield key
