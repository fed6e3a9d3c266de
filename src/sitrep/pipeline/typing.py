"""Learned sub-event typing: a short text -> ACLED sub-event type probabilities.

The model is a linear (multinomial logistic) classifier over bag-of-words features of a *normalised*
text: dates, numbers and capitalised place-like words are replaced by placeholders, so that the model
keys on trigger words ("shelled", "roadside bomb", "abducted", "rioted") rather than on the places and
countries of its training notes. Besides unigrams and bigrams it reads pairs of anchor words anywhere in
the text ("protest&kill") and the words next to a violent verb ("@commander": who was hit); a few cue
rules from ACLED's definitions (``CueRule``: a town taken with fighting is a battle type, without
fighting a non-violent transfer) then move probability between types. It is trained by
``tools/train_typer.py`` on ACLED coder notes and ships as two plain files (no pickles): ``typer.json``
(labels, feature vocabulary, normaliser settings, cue rules) and ``typer.npz`` (weights). Running it
needs only numpy.

    typer_ = EventTyper()
    typer_.initialize()
    typer_.predict(["Troops shelled the village overnight."])
    # [("Shelling/artillery/missile attack", 0.9...)]
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sitrep.errors import ResourceError
from sitrep.paths import MODELS_DIR
from sitrep.vocab import EVENT_TYPES, SUB_EVENT_TYPES

DEFAULT_MODEL_DIR = MODELS_DIR / "typer"
CONFIG_NAME = "typer.json"
WEIGHTS_NAME = "typer.npz"

DATE_TOKEN = "_date_"
NUM_TOKEN = "_num_"
CAP_TOKEN = "_cap_"

def _words(text: str) -> list[str]:
    """Whitespace-separated words of a literal word list."""
    return text.split()


_MONTHS_DAYS = frozenset(_words(
    "january february march april june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday"
))
# ACLED notes' own furniture, never seen in news: size trailers, coder remarks, casualty boilerplate.
_BRACKETS = re.compile(r"\[[^\]]{0,200}\]|\([^()]{0,120}\)")
_BOILERPLATE = re.compile(
    r"(?:casualties|fatalities)\s+(?:are\s+|were\s+)?(?:unknown|not\s+(?:known|reported))\.?"
    r"|there\s+(?:were|was)\s+no\s+(?:reported\s+)?(?:fatalities|casualties|deaths)\.?"
    r"|no\s+(?:fatalities|casualties|deaths)\s+(?:were\s+)?reported\.?"
    r"|\bcoded\s+as\s+[^.;]*",
    re.IGNORECASE,
)
# Letter-digit names ("M23", "G5") are one token (a name, masked like capitalised words); "61st" is a number.
_TOKEN = re.compile(r"[A-Za-z]+\d[A-Za-z\d]*|\d+[A-Za-z]+\b|[A-Za-z]+(?:'[A-Za-z]+)?|\d+(?:[.,:/]\d+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


_PREFIX = re.compile(r"^\s*[A-Z][A-Za-z /-]{2,40}:\s+")
_LEAD = re.compile(
    r"^\s*(?:on|around|between|overnight|during|from|in|as of|on or around)\b[^,;:]{0,60}"
    r"\d{4}\b[^,]{0,40},\s*(?:(?:in|at|near)\s+[^,]{0,80}\),?\s*)?",
    re.IGNORECASE,
)


def strip_furniture(text: str) -> str:
    """An ACLED note without its type prefix (``Defusal: ``) and its formulaic date/place lead."""
    text = _PREFIX.sub("", text, count=1)
    stripped = _LEAD.sub("", text, count=1)
    return stripped[:1].upper() + stripped[1:] if stripped else text


def split_sentences(text: str) -> list[str]:
    """A cheap sentence splitter (punctuation followed by a capital or digit)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


_SUFFIXES = ("ings", "ing", "ers", "ed", "es", "er", "s")
_SUFFIXES_AGENT = ("ings", "ing", "ed", "es", "s")


def stem(word: str, agent_nouns: bool = False) -> str:
    """A light suffix stripper: 'shelled', 'shelling', 'shells' -> 'shell'; placeholders unchanged.
    With ``agent_nouns``, '-er' nouns keep their ending ('fighters' -> 'fighter', not 'fight'), so
    that who acted (fighters, protesters, attackers) stays apart from what happened (fighting)."""
    if len(word) <= 4 or word[0] == "_":
        return word
    for suffix in _SUFFIXES_AGENT if agent_nouns else _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            if suffix in ("ed", "ing", "ings", "er", "ers") and base[-1] == base[-2] not in "lsz":
                base = base[:-1]  # 'kidnapped' -> 'kidnap'; 'shelled' -> 'shell'
            if suffix == "es" and not base.endswith(("ss", "sh", "ch", "x", "z")):
                base = word[:-1]  # 'strikes' -> 'strike', 'clashes' -> 'clash'
            return base
    return word


@dataclass
class TextNormalizer:
    """Turns a note or news sentence into lowercase, stemmed content tokens with placeholders.

    ``keep_words``: lowercase forms a capitalised word may take (common lowercase words of the
    training notes plus a few acronyms such as ``ied``); every other capitalised word becomes
    ``_cap_`` (places, people, countries, organisations), numbers ``_num_``, months and weekdays
    ``_date_``. Words are stemmed; ``phrases`` (stemmed token tuples -> one canonical token) merge
    multi-word triggers ("roadside bomb", "air strike") into one token; ``stopwords`` are dropped.
    Runs of the same placeholder collapse into one.
    """

    keep_words: frozenset[str]
    stopwords: frozenset[str] = frozenset()
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    agent_nouns: bool = False
    _cache: dict[str, str] = field(default_factory=dict, repr=False)
    _starts: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        """Index the phrases by first word (with their lengths, longest first) for a fast scan."""
        lengths: dict[str, set[int]] = {}
        for key in self.phrases:
            lengths.setdefault(key[0], set()).add(len(key))
        self._starts = {w: tuple(sorted(ls, reverse=True)) for w, ls in lengths.items()}

    def tokens(self, text: str) -> list[str]:
        """The normalised tokens of ``text``."""
        text = _BOILERPLATE.sub(" ", _BRACKETS.sub(" ", text))
        cache = self._cache
        words: list[str] = []
        for raw in _TOKEN.findall(text):
            tok = cache.get(raw)
            if tok is None:
                tok = self._map(raw)
                if len(cache) < 500_000:
                    cache[raw] = tok
            words.append(tok)
        return self._finish(self._merge_phrases(words) if self.phrases else words)

    def _merge_phrases(self, words: list[str]) -> list[str]:
        """Greedy longest-first replacement of known multi-word phrases (and single-word aliases)."""
        out: list[str] = []
        phrases, starts = self.phrases, self._starts
        i, n = 0, len(words)
        while i < n:
            sizes = starts.get(words[i], ())
            for size in sizes:
                canon = phrases.get(tuple(words[i : i + size])) if i + size <= n else None
                if canon is not None:
                    out.append(canon)
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return out

    def _finish(self, words: list[str]) -> list[str]:
        """Drop stopwords and repeated placeholders."""
        out: list[str] = []
        stop = self.stopwords
        for tok in words:
            if tok in stop or (out and tok[0] == "_" and out[-1] == tok):
                continue
            out.append(tok)
        return out

    def _map(self, raw: str) -> str:
        """One raw token -> its normalised form."""
        if raw[0].isdigit():
            return NUM_TOKEN
        if not raw.isalpha() and "'" not in raw:
            return CAP_TOKEN
        low = raw.lower()
        if low in _MONTHS_DAYS or raw == "May":
            return DATE_TOKEN
        if raw[0].isupper() and low not in self.keep_words:
            return CAP_TOKEN
        return stem(low, self.agent_nouns)


def ngram_features(tokens: Sequence[str], anchors: frozenset[str] = frozenset(),
                   verbs: frozenset[str] = frozenset(), window: int = 0) -> list[str]:
    """Unigrams and bigrams of a token list (with sentence-boundary markers for bigrams), plus one
    ``a&b`` feature for each pair of ``anchors`` words present anywhere in the text (who did what:
    "protest&kill", "takecontrol&rebel"), plus ``@w`` for each word ``w`` within ``window`` tokens of
    one of the ``verbs`` (who was killed or attacked: "@commander", "@civilian")."""
    feats = list(tokens)
    padded = ["<s>", *tokens, "</s>"]
    feats.extend(f"{a} {b}" for a, b in zip(padded, padded[1:], strict=False))
    if anchors:
        present = sorted(anchors.intersection(tokens))
        feats.extend(f"{a}&{b}" for i, a in enumerate(present) for b in present[i + 1 :])
    if window and verbs:
        near: set[str] = set()
        for i, tok in enumerate(tokens):
            if tok in verbs:
                near.update(tokens[max(0, i - window) : i + window + 1])
        feats.extend(f"@{w}" for w in sorted(near) if w[0] != "_" and w not in verbs)
    return feats


@dataclass(frozen=True)
class CueRule:
    """ACLED's codebook line between types that differ in one fact the bag of words weighs too
    little: when a text holds a token of every group in ``when`` and none of ``unless``, the
    probability of the ``source`` types moves to the ``target`` types (shared out in proportion to
    their own probabilities). E.g. a town taken *after fighting* is a battle type (government regains /
    non-state actor overtakes), never a non-violent transfer; taken *without fighting*, the reverse."""

    when: tuple[frozenset[str], ...]
    unless: frozenset[str]
    source: tuple[str, ...]
    target: tuple[str, ...]

    @classmethod
    def from_config(cls, raw: dict) -> CueRule:
        return cls(tuple(frozenset(g) for g in raw["when"]), frozenset(raw.get("unless", ())),
                   tuple(raw["source"]), tuple(raw["target"]))

    def applies(self, tokens: set[str]) -> bool:
        return all(not g.isdisjoint(tokens) for g in self.when) and self.unless.isdisjoint(tokens)


def apply_rules(probs: np.ndarray, labels: Sequence[str], rules: Sequence[CueRule],
                token_sets: Sequence[set[str]]) -> None:
    """Apply the cue rules to each row of ``probs`` in place (rows stay distributions)."""
    col = {lab: j for j, lab in enumerate(labels)}
    for i, tokens in enumerate(token_sets):
        for rule in rules:
            if not rule.applies(tokens):
                continue
            src = [col[lab] for lab in rule.source]
            dst = [col[lab] for lab in rule.target]
            mass = float(probs[i, src].sum())
            share = probs[i, dst].astype(np.float64)
            share = share / share.sum() if share.sum() > 0 else np.full(len(dst), 1.0 / len(dst))
            probs[i, src] = 0.0
            probs[i, dst] += (mass * share).astype(probs.dtype)


def normalizer_from_config(config: dict) -> TextNormalizer:
    """The normaliser described by a model config (``keep_words``, ``stopwords``, ``phrases``,
    ``agent_nouns``)."""
    phrases = {tuple(key.split()): canon for key, canon in config.get("phrases", {}).items()}
    return TextNormalizer(
        frozenset(config["keep_words"]), frozenset(config.get("stopwords", ())), phrases,
        bool(config.get("agent_nouns", False)),
    )


class EventTyper:
    """ACLED sub-event type classifier for short texts (sentences, passages, coder notes)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else DEFAULT_MODEL_DIR
        self.labels: list[str] = []
        self._normalizer: TextNormalizer | None = None
        self._index: dict[str, int] = {}
        self._weights: np.ndarray | None = None
        self._bias: np.ndarray | None = None
        self._sqrt_norm = False
        self._anchors: frozenset[str] = frozenset()
        self._verbs: frozenset[str] = frozenset()
        self._window = 0
        self._rules: list[CueRule] = []
        self._rule_tokens: frozenset[str] = frozenset()

    # -- loading ---------------------------------------------------------------------------------
    def initialize(self) -> EventTyper:
        """Load the model files; raises ResourceError when they are missing or inconsistent."""
        config = self._read_config()
        weights_file = self.path / WEIGHTS_NAME
        try:
            with np.load(weights_file, allow_pickle=False) as arrays:
                weights = arrays["weights"].astype(np.float32)
                bias = arrays["bias"].astype(np.float32)
        except (OSError, KeyError, ValueError) as exc:
            raise ResourceError(
                f"cannot read typer weights {weights_file}: {exc}; rebuild with tools/train_typer.py"
            ) from exc
        self._install(config, weights, bias)
        return self

    def _read_config(self) -> dict:
        """The JSON half of the model."""
        config_file = self.path / CONFIG_NAME
        try:
            return json.loads(config_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ResourceError(
                f"cannot read typer config {config_file}: {exc}; rebuild with tools/train_typer.py"
            ) from exc

    def _install(self, config: dict, weights: np.ndarray, bias: np.ndarray) -> None:
        """Check shapes and labels, then keep the parts."""
        labels = list(config["labels"])
        features = list(config["features"])
        if set(labels) != set(SUB_EVENT_TYPES) or weights.shape != (len(features), len(labels)):
            raise ResourceError(
                f"typer model in {self.path} is inconsistent: {len(labels)} labels, "
                f"{len(features)} features, weights {weights.shape}; rebuild with tools/train_typer.py"
            )
        self.labels = labels
        self._normalizer = normalizer_from_config(config)
        self._index = {f: i for i, f in enumerate(features)}
        self._weights = weights
        self._bias = bias
        self._sqrt_norm = config.get("length_norm") == "sqrt"
        self._anchors = frozenset(config.get("pair_anchors", ()))
        self._verbs = frozenset(config.get("window_verbs", ()))
        self._window = int(config.get("window", 0))
        self._rules = [CueRule.from_config(r) for r in config.get("cue_rules", ())]
        if any(lab not in labels for r in self._rules for lab in (*r.source, *r.target)):
            raise ResourceError(f"typer model in {self.path} has a cue rule with an unknown label; "
                                "rebuild with tools/train_typer.py")
        self._rule_tokens = frozenset(t for r in self._rules for g in r.when for t in g)

    # -- prediction ------------------------------------------------------------------------------
    def scores(self, texts: Iterable[str]) -> np.ndarray:
        """Class probabilities as an array (n_texts x n_labels), columns in ``self.labels`` order."""
        if self._weights is None or self._bias is None or self._normalizer is None:
            raise ResourceError("EventTyper used before initialize(); call typer.initialize() first")
        rows, offsets, ruled = self._feature_rows(texts)
        logits = np.zeros((len(offsets), len(self.labels)), dtype=np.float32)
        if rows.size:
            counts = np.diff(np.append(offsets, rows.size))
            nonempty = np.flatnonzero(counts > 0)
            logits[nonempty] = np.add.reduceat(self._weights[rows], offsets[nonempty], axis=0)
            if self._sqrt_norm:
                logits[nonempty] /= np.sqrt(counts[nonempty])[:, None]
        logits += self._bias
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        if ruled:
            keys = sorted(ruled)
            sub = probs[keys]
            apply_rules(sub, self.labels, self._rules, [ruled[k] for k in keys])
            probs[keys] = sub
        return probs

    def _feature_rows(self, texts: Iterable[str]) -> tuple[np.ndarray, np.ndarray, dict[int, set[str]]]:
        """Flat feature indices of all texts, the offset where each text's indices start, and the
        token sets of the texts that hold a cue-rule token (by position)."""
        assert self._normalizer is not None
        index_get = self._index.get
        rule_tokens = self._rule_tokens
        rows: list[int] = []
        offsets: list[int] = []
        ruled: dict[int, set[str]] = {}
        for i, text in enumerate(texts):
            offsets.append(len(rows))
            tokens = self._normalizer.tokens(text or "")
            if rule_tokens and not rule_tokens.isdisjoint(tokens):
                ruled[i] = set(tokens)
            found = {index_get(f) for f in ngram_features(tokens, self._anchors, self._verbs, self._window)}
            found.discard(None)
            rows.extend(found)  # type: ignore[arg-type]
        return np.asarray(rows, dtype=np.int64), np.asarray(offsets, dtype=np.int64), ruled

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """For each text, every ACLED sub-event type with its probability (summing to 1)."""
        probs = self.scores(texts)
        return [dict(zip(self.labels, map(float, row), strict=True)) for row in probs]

    def predict(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """For each text, the most probable sub-event type and its probability."""
        probs = self.scores(texts)
        best = probs.argmax(axis=1)
        return [(self.labels[j], float(probs[i, j])) for i, j in enumerate(best)]

    def event_type_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """For each text, ACLED's 6 event types with their probability (sums of their sub-types)."""
        out = []
        for row in self.predict_proba(texts):
            totals = dict.fromkeys(EVENT_TYPES, 0.0)
            for sub, prob in row.items():
                totals[SUB_EVENT_TYPES[sub]] += prob
            out.append(totals)
        return out
