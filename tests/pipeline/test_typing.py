"""Tests for the learned sub-event typer (sitrep.pipeline.typing)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest

from sitrep.errors import ResourceError
from sitrep.pipeline.typing import (
    CAP_TOKEN,
    DATE_TOKEN,
    NUM_TOKEN,
    CueRule,
    EventTyper,
    TextNormalizer,
    apply_rules,
    ngram_features,
    split_sentences,
    stem,
    strip_furniture,
)
from sitrep.vocab import SUB_EVENT_TYPES


@pytest.fixture(scope="module")
def typer_() -> EventTyper:
    return EventTyper().initialize()


# -- the shipped model ---------------------------------------------------------------------------
def test_initialize_is_fast_and_loads_all_labels() -> None:
    start = time.perf_counter()
    model = EventTyper().initialize()
    assert time.perf_counter() - start < 1.0
    assert sorted(model.labels) == sorted(SUB_EVENT_TYPES)


def test_shipped_files_are_small_and_pickle_free() -> None:
    path = EventTyper().path
    assert sum(f.stat().st_size for f in path.iterdir()) < 15_000_000
    with np.load(path / "typer.npz", allow_pickle=False) as arrays:
        assert set(arrays.files) == {"weights", "bias"}
    config = json.loads((path / "typer.json").read_text(encoding="utf-8"))
    assert len(config["features"]) == arrays_rows(path)
    assert (path / "MODEL_CARD.md").is_file()


def arrays_rows(path: Path) -> int:
    with np.load(path / "typer.npz", allow_pickle=False) as arrays:
        return int(arrays["weights"].shape[0])


def test_predict_proba_shape(typer_: EventTyper) -> None:
    texts = ["Troops shelled the village.", "", "Nothing to see here at all."]
    probs = typer_.predict_proba(texts)
    assert len(probs) == 3
    for row in probs:
        assert set(row) == set(SUB_EVENT_TYPES)
        assert sum(row.values()) == pytest.approx(1.0, abs=1e-4)
        assert all(0.0 <= p <= 1.0 for p in row.values())


def test_predict_matches_proba(typer_: EventTyper) -> None:
    texts = ["A mob lynched a suspected thief.", "Soldiers clashed with rebels near the border."]
    for (label, prob), row in zip(typer_.predict(texts), typer_.predict_proba(texts), strict=True):
        assert label == max(row, key=row.__getitem__)
        assert prob == pytest.approx(row[label])


def test_event_type_proba(typer_: EventTyper) -> None:
    (row,) = typer_.event_type_proba(["Fighter jets bombed rebel positions in the hills."])
    assert set(row) == set(SUB_EVENT_TYPES.values())
    assert sum(row.values()) == pytest.approx(1.0, abs=1e-4)
    assert max(row, key=row.__getitem__) == "Explosions/Remote violence"


def test_empty_batch(typer_: EventTyper) -> None:
    assert typer_.predict([]) == []
    assert typer_.predict_proba([]) == []


def test_batch_does_not_change_results(typer_: EventTyper) -> None:
    texts = ["", "Gunmen shot dead a farmer in his field.", "", "A mob lynched a suspected thief."]
    together = typer_.predict(texts)
    alone = [typer_.predict([t])[0] for t in texts]
    assert [lab for lab, _ in together] == [lab for lab, _ in alone]
    assert [p for _, p in together] == pytest.approx([p for _, p in alone], abs=1e-5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops shelled the village overnight.", "Shelling/artillery/missile attack"),
        ("Fighter jets bombed rebel positions in the hills.", "Air/drone strike"),
        ("A roadside bomb exploded under a police patrol vehicle.", "Remote explosive/landmine/IED"),
        ("Two soldiers were killed when their truck hit a landmine.", "Remote explosive/landmine/IED"),
        ("A suicide bomber detonated his vest outside a mosque.", "Suicide bomb"),
        ("Unknown men threw a grenade into a bar, wounding four people.", "Grenade"),
        ("Soldiers clashed with rebels near the border.", "Armed clash"),
        ("Militants ambushed an army convoy, sparking a gun battle.", "Armed clash"),
        ("Gunmen shot dead a farmer in his field.", "Attack"),
        ("Armed men abducted five students from their school.", "Abduction/forced disappearance"),
        ("Soldiers raped two women in the village.", "Sexual violence"),
        ("Hundreds of teachers protested peacefully in front of the ministry demanding higher pay.",
         "Peaceful protest"),
        ("Police fired tear gas to disperse the protesters and arrested ten of them.",
         "Protest with intervention"),
        ("Protesters burned tyres, threw stones at police and rioted in the city centre.",
         "Violent demonstration"),
        ("A mob lynched a suspected thief.", "Mob violence"),
        ("Villagers beat a man accused of witchcraft to death.", "Mob violence"),
        ("The two sides signed a ceasefire agreement.", "Agreement"),
        ("Rebels seized control of the town after the army withdrew.", "Non-state actor overtakes territory"),
        ("The army recaptured the town from the rebels.", "Government regains territory"),
        ("Soldiers defused an improvised explosive device found near the school.", "Disrupted weapons use"),
        ("Air defences shot down two drones over the capital.", "Disrupted weapons use"),
        ("Government forces dropped chlorine gas on a residential area.", "Chemical weapon"),
        ("The militia set up a new base in the abandoned school.", "Headquarters or base established"),
        ("The army deployed additional troops to the region.", "Change to group/activity"),
        # Places and dates must not matter: the same sentence in another country.
        ("On 3 March 2031, in Northtown, Freedonia, troops shelled the village.",
         "Shelling/artillery/missile attack"),
        ("Police opened fire on unarmed demonstrators, killing three.", "Excessive force against protesters"),
        ("Police arrested the opposition leader at his home.", "Arrests"),
        # Territory: taken with fighting is a battle type, taken without fighting a non-violent transfer.
        ("After two days of fighting, the rebels took control of the district capital.",
         "Non-state actor overtakes territory"),
        ("Insurgents took control of the border town without a fight after the garrison left.",
         "Non-violent transfer of territory"),
        ("Soldiers retook the town from the militants following heavy clashes.", "Government regains territory"),
        # Names with digits are masked like other names ("M23"), not read as words.
        ("M23 fighters clashed with the army near the town.", "Armed clash"),
    ],
)
def test_trigger_sentences(typer_: EventTyper, text: str, expected: str) -> None:
    assert typer_.predict([text])[0][0] == expected


def test_place_names_do_not_decide(typer_: EventTyper) -> None:
    a = typer_.predict_proba(["Protesters marched in Springfield on Monday."])[0]
    b = typer_.predict_proba(["Protesters marched in Shelbyville on Friday."])[0]
    assert a == pytest.approx(b)


def test_speed(typer_: EventTyper) -> None:
    texts = ["Gunmen shot dead a farmer in his field near the river on Tuesday."] * 2000
    start = time.perf_counter()
    typer_.scores(texts)
    assert time.perf_counter() - start < 1.0  # >= 2,000/s even on a loaded CI machine


# -- errors --------------------------------------------------------------------------------------
def test_missing_model_dir(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="typer"):
        EventTyper(tmp_path).initialize()


def test_inconsistent_model(tmp_path: Path) -> None:
    config = {"labels": list(SUB_EVENT_TYPES), "features": ["a", "b"], "keep_words": []}
    (tmp_path / "typer.json").write_text(json.dumps(config), encoding="utf-8")
    np.savez(tmp_path / "typer.npz", weights=np.zeros((3, 25)), bias=np.zeros(25))
    with pytest.raises(ResourceError, match="inconsistent"):
        EventTyper(tmp_path).initialize()


def test_use_before_initialize() -> None:
    with pytest.raises(ResourceError, match="initialize"):
        EventTyper().predict(["Troops shelled the village."])


def test_tiny_model_roundtrip(tmp_path: Path) -> None:
    labels = list(SUB_EVENT_TYPES)
    config = {"labels": labels, "features": ["shell", "riot"], "keep_words": [], "stopwords": ["the"]}
    weights = np.zeros((2, 25), dtype=np.float32)
    weights[0, labels.index("Shelling/artillery/missile attack")] = 5.0
    weights[1, labels.index("Violent demonstration")] = 5.0
    (tmp_path / "typer.json").write_text(json.dumps(config), encoding="utf-8")
    np.savez(tmp_path / "typer.npz", weights=weights, bias=np.zeros(25, dtype=np.float32))
    model = EventTyper(tmp_path).initialize()
    assert [lab for lab, _ in model.predict(["They shelled the town.", "Youths rioted."])] == [
        "Shelling/artillery/missile attack",
        "Violent demonstration",
    ]


# -- normalisation -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Troops shelled Kalavia on 3 May.", ["troop", "shell", CAP_TOKEN, "on", NUM_TOKEN, DATE_TOKEN]),
        ("Police fired at Grand Port City", ["police", "fired", "at", CAP_TOKEN]),
        ("An IED exploded [size=no report]", ["an", "ied", "explod"]),
        ("Rebels (Front Y) clashed. Casualties unknown.", ["rebel", "clash"]),
        ("M23 rebels and G5 troops on the 61st day", [CAP_TOKEN, "rebel", "and", CAP_TOKEN, "troop", "on", "the",
                                                      NUM_TOKEN, "day"]),
    ],
)
def test_normalizer(text: str, tokens: list[str]) -> None:
    keep = frozenset({"troops", "police", "rebels", "an", "ied"})
    assert TextNormalizer(keep).tokens(text) == tokens


def test_normalizer_phrases_and_stopwords() -> None:
    norm = TextNormalizer(frozenset({"a"}), frozenset({"a"}), {("roadside", "bomb"): "ied"})
    assert norm.tokens("A roadside bomb exploded") == ["ied", "explod"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("shelled", "shell"), ("shelling", "shell"), ("clashes", "clash"), ("kidnapped", "kidnap"),
     ("strikes", "strike"), ("riot", "riot"), ("_cap_", "_cap_")],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_ngram_features() -> None:
    assert ngram_features(["a", "b"]) == ["a", "b", "<s> a", "a b", "b </s>"]


def test_ngram_features_pairs_and_window() -> None:
    feats = ngram_features(["gunmen", "kill", "_cap_", "commander", "market", "busy"],
                           anchors=frozenset({"gunmen", "kill"}), verbs=frozenset({"kill"}), window=2)
    assert "gunmen&kill" in feats
    assert {"@gunmen", "@commander"} <= set(feats)  # words near the verb; placeholders and far words not
    assert not {"@_cap_", "@market", "@busy", "@kill"} & set(feats)


def test_cue_rule_moves_probability() -> None:
    labels = ["A", "B", "C"]
    rule = CueRule((frozenset({"take"}), frozenset({"fight"})), frozenset({"nofight"}), ("A",), ("B", "C"))
    probs = np.array([[0.6, 0.3, 0.1], [0.6, 0.3, 0.1], [0.6, 0.3, 0.1]], dtype=np.float32)
    apply_rules(probs, labels, [rule], [{"take", "fight"}, {"take"}, {"take", "fight", "nofight"}])
    assert probs[0] == pytest.approx([0.0, 0.75, 0.25])  # A's mass shared 3:1 like B and C
    assert probs[1] == pytest.approx([0.6, 0.3, 0.1])  # a 'when' group missing
    assert probs[2] == pytest.approx([0.6, 0.3, 0.1])  # an 'unless' token present


def test_cue_rule_with_unknown_label_is_rejected(tmp_path: Path) -> None:
    labels = list(SUB_EVENT_TYPES)
    config = {"labels": labels, "features": ["a"], "keep_words": [],
              "cue_rules": [{"when": [["a"]], "source": ["Attack"], "target": ["No such type"]}]}
    (tmp_path / "typer.json").write_text(json.dumps(config), encoding="utf-8")
    np.savez(tmp_path / "typer.npz", weights=np.zeros((1, 25)), bias=np.zeros(25))
    with pytest.raises(ResourceError, match="cue rule"):
        EventTyper(tmp_path).initialize()


def test_strip_furniture() -> None:
    note = "Defusal: On 2 May 2030, soldiers defused a bomb near Xville (Ydistrict, Zregion)."
    assert strip_furniture(note).startswith("Soldiers defused a bomb")


def test_split_sentences() -> None:
    assert split_sentences("Troops shelled the town. Two died. ") == ["Troops shelled the town.", "Two died."]
