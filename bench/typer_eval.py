"""Evaluate the shipped sub-event typer on acled-dev (notes) and news-dev (real news sentences).

    python bench/typer_eval.py                   # shipped model
    python bench/typer_eval.py --model DIR -v    # another model dir, with per-label F1 and confusions

acled-dev: one label per note (the first event's sub_event_type), the whole note as input; accuracy,
macro-F1 (mean over the gold labels present, as ../shared/bench/score_types.py) and weighted-F1.

news-dev: for every required gold event, the input is the (up to two) sentences of the page that name
the event's location, admin2 or admin1 (at least six words each); a prediction is correct when it is one
of the event's accepted sub-event types. The sentences are chosen mechanically, so some describe a
neighbouring incident: read this number as a generalisation check, not as the pipeline's score.
Also reports speed (sentences/s on one core over the acled-dev sentences).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.pipeline.typing import EventTyper, split_sentences, strip_furniture  # noqa: E402

GOLD = Path("/work/shared/bench/gold")
ACLED_DEV = GOLD / "acled-dev.jsonl"
NEWS_DEV = GOLD / "news-dev.jsonl"

Item = tuple[str, str, list[str]]  # id, text, accepted labels (first = primary)


def _alternatives(value: object) -> list[str]:
    """A gold field as a list of accepted values."""
    if value is None or value == "":
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _canon(label: str) -> str:
    """Gold spelling variants onto the vocabulary ('protestors' -> 'protesters')."""
    return label.replace("protestors", "protesters")


def acled_items(path: Path = ACLED_DEV) -> list[Item]:
    """(id, note, [first event's label]) for every note with an event."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc.get("events"):
                out.append((doc["id"], doc["text"], [_canon(doc["events"][0]["sub_event_type"])]))
    return out


def acled_sentence_items(path: Path = ACLED_DEV) -> list[Item]:
    """The first sentence of each note without its date/place lead: a sentence-sized proxy."""
    out = []
    for key, text, labels in acled_items(path):
        sents = split_sentences(strip_furniture(text))
        if sents:
            out.append((key, sents[0], labels))
    return out


def _event_names(event: dict) -> set[str]:
    """Place names a sentence about the event is likely to contain."""
    names: set[str] = set()
    for key in ("location", "admin2", "admin1"):
        for name in _alternatives(event.get(key)):
            names.add(name)
            head = name.split()[0]
            if len(head) > 3:
                names.add(head)
    return names


def news_items(path: Path = NEWS_DEV, max_sentences: int = 2) -> list[Item]:
    """(id, sentences naming the event's place, accepted labels) per required gold event."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            sents = [s for para in doc["text"].split("\n") for s in split_sentences(para)]
            for k, event in enumerate(doc.get("events", [])):
                if event.get("optional"):
                    continue
                pats = [re.compile(r"\b" + re.escape(n) + r"\b") for n in _event_names(event)]
                hits = [s for s in sents if len(s.split()) >= 6 and any(p.search(s) for p in pats)]
                if hits:
                    labels = [_canon(v) for v in _alternatives(event["sub_event_type"])]
                    out.append((f"{doc['id']}#{k}", " ".join(hits[:max_sentences]), labels))
    return out


def f1_table(pairs: Sequence[tuple[str, str]]) -> dict[str, tuple[float, int]]:
    """Per gold label: (F1, support)."""
    out = {}
    for lab in sorted({g for g, _ in pairs}):
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        out[lab] = (2 * tp / (2 * tp + fp + fn) if tp else 0.0, tp + fn)
    return out


def _mean_or_none(values: list[float]) -> float | None:
    """Rounded mean, None for no values."""
    return round(statistics.fmean(values), 4) if values else None


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def score(typer_: EventTyper, items: Sequence[Item]) -> dict:
    """Accuracy, macro-F1 and weighted-F1; a prediction among the accepted labels counts as gold."""
    preds = [p for p, _ in typer_.predict([t for _, t, _ in items])]
    pairs = [(p if p in labels else labels[0], p) for p, (_, _, labels) in zip(preds, items, strict=True)]
    per = f1_table(pairs)
    n = len(pairs)
    return {
        "n": n,
        "accuracy": round(sum(g == p for g, p in pairs) / n, 4),
        "macro_f1": round(statistics.fmean(f for f, _ in per.values()), 4),
        "weighted_f1": round(sum(f * c for f, c in per.values()) / n, 4),
        "macro_f1_support20": _mean_or_none([f for f, c in per.values() if c >= 20]),
        "per_label_f1": {k: round(f, 3) for k, (f, _) in per.items()},
        "confusions": Counter(f"{g} -> {p}" for g, p in pairs if g != p).most_common(12),
    }


def speed(typer_: EventTyper, items: Sequence[Item], repeat: int = 3) -> float:
    """Sentences per second (best of ``repeat``) over the sentences of the given texts."""
    sents = [s for _, t, _ in items for s in split_sentences(t)]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for i in range(0, len(sents), 1000):
            typer_.scores(sents[i : i + 1000])
        best = min(best, time.perf_counter() - start)
    return len(sents) / best


def evaluate_all(typer_: EventTyper, with_speed: bool = False) -> dict:
    """Both data sets (and optionally speed), summary numbers only."""
    acled = acled_items()
    out = {
        "acled_dev": score(typer_, acled),
        "acled_dev_lead_sentence": score(typer_, acled_sentence_items()),
        "news_dev_sentences": score(typer_, news_items()),
    }
    for rep in out.values():
        rep.pop("confusions")
    if with_speed:
        out["sentences_per_s"] = round(speed(typer_, acled))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=None, help="model dir (default: the shipped one)")
    ap.add_argument("-v", "--verbose", action="store_true", help="per-label F1 and confusions")
    ap.add_argument("--errors", action="store_true", help="print the news-dev misses")
    ap.add_argument("--baseline", action="store_true", help="also score a plain tf-idf LR (needs scikit-learn)")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    typer_ = EventTyper(args.model).initialize()
    load_s = time.perf_counter() - start
    print(f"model {typer_.path}  load {load_s:.2f}s")
    sets = (("acled-dev", acled_items()), ("acled-dev lead sent.", acled_sentence_items()),
            ("news-dev sentences", news_items()))
    for name, items in sets:
        rep = score(typer_, items)
        print(f"{name:20s} n={rep['n']:5d}  accuracy {rep['accuracy']:.3f}  macro-F1 {rep['macro_f1']:.3f}"
              f"  weighted-F1 {rep['weighted_f1']:.3f}  macro-F1(n>=20) {_fmt(rep['macro_f1_support20'])}")
        if args.verbose:
            for lab, f in sorted(rep["per_label_f1"].items(), key=lambda kv: kv[1]):
                print(f"    {f:.3f}  {lab}")
            for conf, c in rep["confusions"]:
                print(f"    {c:4d}  {conf}")
        if args.errors and name.startswith("news"):
            print_errors(typer_, items)
    print(f"speed               {speed(typer_, acled_items()):,.0f} sentences/s (one process)")
    if args.baseline:
        baseline(sets)
    return 0


def baseline(sets: Sequence[tuple[str, list[Item]]]) -> None:
    """A plain class-balanced tf-idf bag-of-words LR on the raw notes (no normalisation), for comparison."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    train = acled_items(GOLD / "acled-train.jsonl")
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x = vec.fit_transform([t for _, t, _ in train])
    model = LogisticRegression(C=10, class_weight="balanced", max_iter=300)
    model.fit(x, [labels[0] for _, _, labels in train])
    for name, items in sets:
        preds = model.predict(vec.transform([t for _, t, _ in items]))
        pairs = [(p if p in labs else labs[0], p) for p, (_, _, labs) in zip(preds, items, strict=True)]
        per = f1_table(pairs)
        acc = sum(g == p for g, p in pairs) / len(pairs)
        print(f"baseline {name:20s} accuracy {acc:.3f}  macro-F1 {statistics.fmean(f for f, _ in per.values()):.3f}"
              f"  weighted-F1 {sum(f * c for f, c in per.values()) / len(pairs):.3f}")


def print_errors(typer_: EventTyper, items: Sequence[Item]) -> None:
    """The misses, with the input text."""
    for (key, text, labels), (pred, prob) in zip(items, typer_.predict([t for _, t, _ in items]), strict=True):
        if pred not in labels:
            print(f"  {key}: gold {labels} pred {pred} ({prob:.2f})\n      {text[:300]}")


if __name__ == "__main__":
    sys.exit(main())
