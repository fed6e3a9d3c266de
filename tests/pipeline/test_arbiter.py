from __future__ import annotations

import numpy as np
import pytest

from sitrep.model import ActorMention, Casualty
from sitrep.pipeline import arbiter
from sitrep.pipeline.incidents import Incident
from sitrep.pipeline.mentions import Mention
from sitrep.pipeline.tolls import Toll
from sitrep.pipeline.triggers import Trigger
from sitrep.vocab import SUB_EVENT_TYPES

TEXT = "Gunmen attacked villagers in Kadi, killing 4 civilians; police dispersed protesters with tear gas."


def _actor(word: str, name: str, inter: int, implicit: bool = False) -> ActorMention:
    start = TEXT.index(word)
    return ActorMention(start, start + len(word), word, name, inter, implicit=implicit)


def _incident() -> tuple[Incident, Trigger, list[ActorMention]]:
    s = TEXT.index("attacked")
    trig = Trigger(s, s + len("attacked"), "attacked", "violence")
    killed = TEXT.index("4 civilians")
    cas = Casualty(killed, killed + len("4 civilians"), "4 civilians", 4, who="civilians")
    actors = [_actor("Gunmen", "Unidentified Armed Group (Nigeria)", 3), _actor("villagers", "Civilians (Nigeria)", 7)]
    m = Mention(0, len(TEXT), 0, [trig], actors=actors, casualties=[cas])
    return Incident([m], None, None, families={"violence", "protest", "intervention"}), trig, actors


def _side(who: str) -> str:
    return "civilians" if "civilian" in who else "unknown"


PROBA = {s: 0.0 for s in SUB_EVENT_TYPES} | {"Attack": 0.6, "Armed clash": 0.3, "Mob violence": 0.1}


def test_features_name_sides_roles_and_families() -> None:
    inc, trig, actors = _incident()
    toll = Toll(total=4, by_side=(("civilians", 4),))
    f = arbiter.features("Attack", PROBA, inc, TEXT, actors, toll, False, trig, _side)
    assert f["agent_inter=3"] == 1.0 and f["patient_inter=7"] == 1.0
    assert f["lead_inter=3"] == 1.0
    assert f["dead=civilians"] == 1.0 and f["dead_log=civilians"] == pytest.approx(np.log1p(4) / 5)
    assert f["harm=killed:civilians"] == 1.0
    assert f["protest_and_force"] == 1.0 and "two_sided" not in f
    assert f["rule=Attack"] == 1.0 and f["top1=Attack"] == 1.0 and f["top2=Armed clash"] == 1.0
    assert f["key_family=violence"] == 1.0


def _model(prefer: str, top_k: int = 2, margin: float = 0.0) -> arbiter.Model:
    classes = ["Armed clash", "Attack", "Mob violence"]
    w = np.zeros((3, 1))
    w[classes.index(prefer), 0] = 5.0
    return arbiter.Model(classes, {"bias_feature": 0}, w, np.zeros(3), top_k, margin)


def test_choose_only_among_top_candidates_and_by_margin() -> None:
    feats = {"bias_feature": 1.0}
    assert _model("Armed clash").choose(feats, PROBA, "Attack") == "Armed clash"
    assert _model("Mob violence").choose(feats, PROBA, "Attack") == "Attack"  # third: not a candidate
    assert _model("Mob violence", top_k=3).choose(feats, PROBA, "Attack") == "Mob violence"
    assert _model("Armed clash", margin=0.999).choose(feats, PROBA, "Attack") == "Attack"


def test_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    inc, trig, actors = _incident()
    monkeypatch.setenv(arbiter.ENV, "0")
    assert not arbiter.enabled()
    assert arbiter.arbitrate("Attack", inc, TEXT, actors, Toll(), False, trig, _side, PROBA) == "Attack"
    monkeypatch.setenv(arbiter.ENV, "1")
    assert arbiter.enabled()
    out = arbiter.arbitrate("Attack", inc, TEXT, actors, Toll(total=4, by_side=(("civilians", 4),)), False, trig,
                            _side, PROBA)
    assert out in ("Attack", "Armed clash")


def test_packaged_model_is_valid() -> None:
    m = arbiter.load()
    assert set(m.classes) <= set(SUB_EVENT_TYPES)
    assert m.weights.shape == (len(m.classes), len(m.index)) and m.bias.shape == (len(m.classes),)
    assert m.scores({}).sum() == pytest.approx(1.0)
