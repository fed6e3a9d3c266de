"""Train the sub-event arbiter (``sitrep.pipeline.arbiter``) on acled-train only.

    python tools/train_arbiter.py [--cache /tmp/arbiter_cache] [--out src/sitrep/data/models/arbiter]

1. acled-train is split into 3 folds (seeded); a typer is trained on each fold's complement with
   ``tools/train_typer.py`` so that the probabilities the arbiter learns from are out of sample
   (the shipped typer has seen every training note: its probabilities there are overconfident).
2. The pipeline runs over each held-out fold with that fold's typer; ``arbiter.RECORD`` collects
   every incident's features. A note whose gold events agree on one sub-event type and that yields
   exactly one incident is one training example.
3. A multinomial logistic regression (scikit-learn) is fitted; 3-fold cross-validation over the
   same folds picks C, the class weighting and the candidate rule; the final model is fitted on
   all examples and written as JSON with MODEL_CARD.md.

Never train on acled-dev, news-dev or seed: they are for measuring only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared" / "bench" / "gold" / "acled-train.jsonl"
OUT = ROOT / "src" / "sitrep" / "data" / "models" / "arbiter"
SEED = 13
FOLDS = 3
MOVE_MIN = 5
MOVE_GAIN = 0.2
# Weapon, territory and strategic types stay out: moving them helped CV a little but broke news-dev
# (IED, suicide bomb, territory events became armed clashes). Excessive force stays out too: the
# moves from and to it lost 3 notes net out of fold (17 moved), and it is the rarest type here.
SCOPE = ("Attack", "Armed clash", "Peaceful protest", "Protest with intervention", "Violent demonstration",
         "Mob violence")


def split(cache: Path) -> list[list[str]]:
    lines = [ln for ln in TRAIN.read_text(encoding="utf-8").splitlines() if ln.strip()]
    idx = list(range(len(lines)))
    random.Random(SEED).shuffle(idx)
    folds = [[lines[i] for i in sorted(idx[k::FOLDS])] for k in range(FOLDS)]
    for k in range(FOLDS):
        test = cache / f"fold{k}_test.jsonl"
        train = cache / f"fold{k}_train.jsonl"
        if not test.exists():
            test.write_text("\n".join(folds[k]) + "\n", encoding="utf-8")
            held = set(idx[k::FOLDS])
            rest = [ln for i, ln in enumerate(lines) if i not in held]
            train.write_text("\n".join(rest) + "\n", encoding="utf-8")
    return folds


def fold_typers(cache: Path) -> None:
    for k in range(FOLDS):
        out = cache / f"typer{k}"
        if (out / "typer.npz").exists():
            continue
        cmd = [sys.executable, str(ROOT / "tools" / "train_typer.py"), "--train", str(cache / f"fold{k}_train.jsonl"),
               "--out", str(out), "--no-card"]
        subprocess.run(cmd, check=True)


def extract(cache: Path, k: int) -> Path:
    """Features of every incident of fold k's notes, typed by the typer that never saw them."""
    from sitrep.ingest import check_text
    from sitrep.pipeline import arbiter
    from sitrep.pipeline.api import Extractor
    from sitrep.pipeline.docs import iter_documents
    from sitrep.pipeline.typing import EventTyper

    out = cache / f"features{k}.jsonl"
    if out.exists():
        return out
    ex = Extractor().initialize()
    ex.typer = EventTyper(cache / f"typer{k}").initialize()
    arbiter.RECORD = []
    docs = [d for d in iter_documents(cache / f"fold{k}_test.jsonl")
            if not isinstance(d, Exception) and not check_text(d.text, max_chars=ex.settings.max_chars)]
    gold = {}
    for ln in (cache / f"fold{k}_test.jsonl").read_text(encoding="utf-8").splitlines():
        if ln.strip():
            d = json.loads(ln)
            gold[d["id"]] = sorted({e["sub_event_type"] for e in d.get("events", [])})
    with out.open("w", encoding="utf-8") as fh:
        for done, (doc, _events) in enumerate(zip(docs, ex.extract_many(docs), strict=True), 1):
            recs, arbiter.RECORD = arbiter.RECORD, []
            fh.write(json.dumps({"id": doc.id, "gold": gold.get(doc.id, []),
                                 "incidents": [{"f": f, "rule": r, "p": p} for f, r, p in recs]}) + "\n")
            if done % 1000 == 0:
                print(f"fold {k}: {done}/{len(docs)}", file=sys.stderr)
    arbiter.RECORD = None
    return out


def examples(path: Path) -> list[tuple[dict[str, float], str, str, dict[str, float]]]:
    """(features, gold type, rule type, typer proba) for notes with one gold type and one incident."""
    out = []
    for ln in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(ln)
        if len(d["gold"]) != 1 or len(d["incidents"]) != 1:
            continue
        inc = d["incidents"][0]
        out.append((inc["f"], d["gold"][0], inc["rule"], inc["p"]))
    return out


def vectorize(feats: list[dict[str, float]], names: list[str]) -> np.ndarray:
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(feats), len(names)))
    for r, f in enumerate(feats):
        for k, v in f.items():
            i = index.get(k)
            if i is not None:
                x[r, i] = v
    return x


def feature_names(feats: list[dict[str, float]], min_count: int) -> list[str]:
    counts = Counter(k for f in feats for k in f)
    return sorted(k for k, n in counts.items() if n >= min_count)


def fit(train: list, c: float, power: float, min_count: int) -> dict:
    from sklearn.linear_model import LogisticRegression

    feats = [e[0] for e in train]
    labels = [e[1] for e in train]
    names = feature_names(feats, min_count)
    x = vectorize(feats, names)
    counts = Counter(labels)
    sw = np.array([(len(labels) / (len(counts) * counts[y])) ** power for y in labels])
    model = LogisticRegression(C=c, max_iter=1000, random_state=SEED)
    model.fit(x, labels, sample_weight=sw)
    return {"classes": [str(c) for c in model.classes_], "features": names,
            "weights": model.coef_.tolist(), "bias": model.intercept_.tolist()}


def predict(data: dict, test: list, top_k: int, margin: float, scope: tuple[str, ...]) -> list[str]:
    from sitrep.pipeline.arbiter import Model

    m = Model(classes=data["classes"], index={f: i for i, f in enumerate(data["features"])},
              weights=np.asarray(data["weights"]), bias=np.asarray(data["bias"]), top_k=top_k, margin=margin,
              scope=frozenset(scope))
    return [m.choose(f, proba, rule) for f, _, rule, proba in test]


def scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    from sitrep.vocab import SUB_EVENT_TYPES

    labels = sorted(set(gold))
    f1s = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred, strict=True))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred, strict=True))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    n = len(gold)
    return {
        "sub_event_type": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / n, 4),
        "event_type": round(sum(SUB_EVENT_TYPES[g] == SUB_EVENT_TYPES[p] for g, p in zip(gold, pred, strict=True)) / n,
                            4),
        "macro_f1": round(float(np.mean(f1s)), 4),
    }


def out_of_fold(per_fold: list[list], params: dict, fits: dict) -> list[list[str]]:
    """Each fold's predictions by a model fitted on the other folds (no move filter)."""
    out = []
    for k in range(len(per_fold)):
        key = (k, params["c"], params["power"], params["min_count"])
        if key not in fits:
            train = [e for j, fold in enumerate(per_fold) if j != k for e in fold]
            fits[key] = fit(train, params["c"], params["power"], params["min_count"])
        out.append(predict(fits[key], per_fold[k], params["top_k"], params["margin"], params["scope"]))
    return out


def paying_moves(examples: list, preds: list[str], min_count: int = MOVE_MIN, min_gain: float = MOVE_GAIN) -> list:
    """(from, to) moves that fixed more notes than they broke: net gain >= min_gain of the moved,
    seen at least min_count times."""
    seen: Counter = Counter()
    net: Counter = Counter()
    for (_, gold, rule, _), pred in zip(examples, preds, strict=True):
        if pred != rule:
            seen[(rule, pred)] += 1
            net[(rule, pred)] += (pred == gold) - (rule == gold)
    return sorted(m for m, n in seen.items() if n >= min_count and net[m] >= min_gain * n)


def filtered(examples: list, preds: list[str], moves: list) -> list[str]:
    allowed = set(moves)
    return [p if p == e[2] or (e[2], p) in allowed else e[2] for e, p in zip(examples, preds, strict=True)]


def cross_validate(per_fold: list[list], grid: list[dict]) -> list[dict]:
    """3-fold CV; the move filter is chosen on the other folds' out-of-fold predictions (nested)."""
    rows = []
    gold = [e[1] for fold in per_fold for e in fold]
    rule = [e[2] for fold in per_fold for e in fold]
    rows.append({"params": "rules (off)", **scores(gold, rule)})
    fits: dict[tuple, dict] = {}
    for params in grid:
        oof = out_of_fold(per_fold, params, fits)
        rows.append({"params": {**params, "moves": "any"}, **scores(gold, [p for f in oof for p in f])})
        pred: list[str] = []
        for k in range(len(per_fold)):
            others = [j for j in range(len(per_fold)) if j != k]
            moves = paying_moves([e for j in others for e in per_fold[j]], [p for j in others for p in oof[j]])
            pred += filtered(per_fold[k], oof[k], moves)
        rows.append({"params": {**params, "moves": "paying (nested)"}, **scores(gold, pred)})
        print(rows[-2], rows[-1], file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/arbiter_cache"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--c", type=float, default=0.3)
    ap.add_argument("--power", type=float, default=0.25, help="class weight (n / count) ** power")
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--top-k", type=int, default=3)
    ap.add_argument("--margin", type=float, default=0.0)
    ap.add_argument("--paying-moves", action="store_true",
                    help="only the (from, to) moves that paid off out of fold (nested CV: no gain, off by default)")
    ap.add_argument("--all-types", action="store_true", help="no scope: may move any type to any type")
    ap.add_argument("--grid", action="store_true", help="cross-validate a small grid, not only the chosen setting")
    args = ap.parse_args(argv)
    random.seed(SEED)
    np.random.seed(SEED)
    args.cache.mkdir(parents=True, exist_ok=True)
    split(args.cache)
    fold_typers(args.cache)
    per_fold = [examples(extract(args.cache, k)) for k in range(FOLDS)]
    chosen = {"c": args.c, "power": args.power, "min_count": args.min_count, "top_k": args.top_k,
              "margin": args.margin, "scope": () if args.all_types else SCOPE}
    grid = [chosen, {**chosen, "scope": ()}]
    if args.grid:
        grid += [{**chosen, "c": c, "power": p, "top_k": t}
                 for c in (0.1, 0.3, 1.0) for p in (0.0, 0.5, 1.0) for t in (2, 3, 34)
                 if (c, p, t) != (args.c, args.power, args.top_k)]
    cv = cross_validate(per_fold, grid)
    oof = out_of_fold(per_fold, chosen, {})
    moves = paying_moves([e for f in per_fold for e in f], [p for f in oof for p in f]) if args.paying_moves else []
    data = fit([e for fold in per_fold for e in fold], args.c, args.power, args.min_count)
    data.update({"top_k": args.top_k, "margin": args.margin, "scope": list(chosen["scope"]),
                 "moves": [list(m) for m in moves]})
    meta = {
        "trained": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "train_file": "acled-train.jsonl",
        "examples": sum(len(f) for f in per_fold),
        "label_counts": dict(Counter(e[1] for f in per_fold for e in f).most_common()),
        "params": chosen,
        "seed": SEED,
        "cv": cv,
        "moves": [list(m) for m in moves],
    }
    data["meta"] = meta
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "arbiter.json").write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    (args.out / "MODEL_CARD.md").write_text(card(meta), encoding="utf-8")
    print(json.dumps(cv, indent=1))
    return 0


# Measured by hand after training (bench/accuracy.py seed news-dev acled-dev, SITREP_ARBITER=0 then =1 back to
# back on the same code); update when retraining.
PIPELINE = """## Full pipeline, OFF vs ON (2026-11-25, same code, runs back to back, 2-core dev machine)

| set | metric | OFF | ON |
| --- | --- | --- | --- |
| acled-dev | event_type | 0.926 | **0.932** |
| acled-dev | sub_event_type | 0.901 | **0.906** |
| acled-dev | sub_event_macro_f1 | 0.727 | **0.730** |
| acled-dev | events_typed F1 | 0.755 | **0.759** |
| news-dev | events_typed F1 | 0.781 | **0.803** |
| news-dev | event_type | 0.926 | **0.944** |
| news-dev | sub_event_type | 0.815 | **0.852** |
| news-dev | sub_event_macro_f1 | 0.771 | **0.811** |
| seed | all | 1.000 | 1.000 |

Speed: `choose` costs ~16 us per incident; the arbiter also re-runs the typer over the incident's
sentences (the typer's probabilities are not handed to `build_event`), 1-4% of pipeline time
(acled-dev 46.5 s OFF vs 48.4 s ON; 1,500 notes 12.5 s vs 12.7 s).

news-dev changes ON vs OFF: two Bangladesh riot events Armed clash -> Mob violence (accepted),
Guaruja protest Armed clash -> Peaceful protest (gold), Tucson Violent demonstration -> Protest with
intervention (both accepted), Moscow Peaceful protest -> Violent demonstration (gold: Protest with
intervention), and a Khargone "Armed clash" (gold: Arrests) now restates the riot of the same report
and merges into it. With Excessive force in scope, one news-dev Omdurman event (gold Excessive
force) became Attack: news-dev macro-F1 -0.07.
"""


def card(meta: dict) -> str:
    rows = "\n".join(
        f"| {r['params'] if isinstance(r['params'], str) else json.dumps(r['params'])} | {r['event_type']} | "
        f"{r['sub_event_type']} | {r['macro_f1']} |"
        for r in meta["cv"]
    )
    return f"""# Sub-event arbiter (`sitrep.pipeline.arbiter`)

A multinomial logistic regression that re-ranks the sub-event type of an incident: it reads the
text typer's probabilities, the type the hand rules of `assemble` settled on, and structural
features of the incident (inter codes of named agents and patients from `split_roles`, casualty
sides and counts, injured/abducted/arrested sides, trigger families present, opening and most
specific family, two-sided trigger words, protest + riot/intervention co-occurrence). It may only
pick one of the typer's top {meta['params']['top_k']} types or keep the rules' type, and only
moves between the types of its scope ({', '.join(meta['params']['scope']) or 'all types'}): weapon,
territory and strategic types keep what the trigger lexicon and the typer say (moving them too
helped acled-train CV a little but broke news-dev: IED, suicide bomb and territory events became
armed clashes).

- **Data:** ACLED coder notes only (`acled-train.jsonl`, {meta['examples']} notes with one gold
  sub-event type that the pipeline reads as one incident). acled-dev, news-dev and seed were never
  used for training. ACLED notes are terse coder prose: the structural features are what should
  carry over to news reports; check news-dev when retraining.
- **Typer probabilities are cross-fitted:** 3 folds (seed {meta['seed']}); each fold's features come from a
  typer trained (`tools/train_typer.py`) on the other two folds.
- **Trained:** {meta['trained']} by `python tools/train_arbiter.py` (seeded), scikit-learn
  `LogisticRegression`, params {json.dumps(meta['params'])}; weights in `arbiter.json`, runtime numpy only.
- **Switch:** `SITREP_ARBITER=1` / `0`; the default is `arbiter.DEFAULT_ON`.

## 3-fold cross-validation on acled-train (one label per note)

| setting | event_type | sub_event_type | macro-F1 |
| --- | --- | --- | --- |
{rows}

{PIPELINE}
Label counts: {json.dumps(meta['label_counts'])}
"""


if __name__ == "__main__":
    raise SystemExit(main())
