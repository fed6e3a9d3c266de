"""Counting people killed, injured, abducted or arrested, with the quote each count came from.

Plain regular expressions driven by trigger words, so the stage stays cheap: for every trigger
("killed", "wounded", "death toll", "fatalities" ...) sitrep reads the number and noun phrase on
its left ("13 IS members were killed") or on its right ("killing at least 25 regime forces").

Rules (ACLED's, see ``knowledge/numbers.yaml``):

- the figure kept is the one stated: "at least 25" -> 25, "up to 15" -> 15 with ``high=15``;
  a range "between 10 and 15" / "9-10" keeps the low end, ``low``/``high`` carry the range;
- vague words: "tens" 10, "dozens" 12, "hundreds" 100, "several" 3 (``vague=True``);
- a death with no number: a plural noun ("civilians were killed") counts 3 (ACLED's "limited"),
  a singular one ("the driver was killed", "he died") counts 1, both ``vague=True``;
- injuries are ``kind="injured"`` and never deaths; "casualties" counts nothing except
  "no casualties", read as 0 killed; "no one was killed" / "no fatalities" give a count of 0;
- a stated total ("death toll rose to 12", "3 fatalities", "fatalities coded as 3") is marked
  ``total=True``; :func:`killed_total` uses the last stated total over the separate counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from sitrep.model.records import Casualty
from sitrep.paths import knowledge_file

Side = Literal["civilians", "state", "armed", "unknown"]

_SENTENCE_END = re.compile(r"(?:[.!?;:|]\s|\n|\u2022|\[)")
_MONTH_NAMES = (
    *[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    *["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"],
)
_TRUE_AUX = {"were", "was", "are", "is", "been", "be", "being", "got", "get", "found", "feared"}
_PLURAL_IRREGULAR = {
    "people",
    "men",
    "women",
    "children",
    "police",
    "personnel",
    "folk",
    "cattle",
    "troops",
    "militia",
    "taliban",
    "gunmen",
    "fishermen",
    "policemen",
    "servicemen",
    "militiamen",
    "others",
}


def _alt(words: list[str]) -> str:
    """A regex alternation of fragments, longest first so multi-word forms win."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of the literal ``words``, built as a prefix tree (fast to test).

    Longer words are tried first at every branch, so the longest word matches.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        if len(branches) == 1 and not optional:
            return body
        return body + ("?" if optional else "")

    return "(?:" + emit(tree) + ")"


@dataclass(slots=True)
class NumberRules:
    """Number words, vague quantities and qualifiers from ``knowledge/numbers.yaml``."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    phrases: dict[str, int]
    vague: dict[str, int]
    unnumbered: dict[str, int]
    qualifiers: dict[str, str]
    number_re: str = field(default="", init=False)
    qualifier_re: str = field(default="", init=False)

    def __post_init__(self) -> None:
        """Build the number and qualifier regex fragments (cheap string work)."""
        word = _trie([*self.units, *self.tens, *self.scales])
        scale = "|".join(f"(?<={s})" for s in self.scales)
        spelled = (
            rf"(?:an?\s+{_alt(list(self.scales))}|{word})(?:[\s-]+{word})*"
            rf"(?:(?:{scale})\s+and\s+{word}(?:[\s-]+{word})*)?"
        )
        not_year = r"(?<![\d,.])(?!(?:19|20)\d\d\b)"
        digits = rf"{not_year}\d{{1,3}}(?:,\d{{3}})+(?!\d|,\d)|{not_year}\d+(?!\d|,\d|-year|\.\d)"
        rng = (
            rf"(?:between\s+(?:{digits}|{spelled})\s+and\s+(?:{digits}|{spelled}))"
            rf"|(?:{digits})\s*(?:-|–|to)\s*(?:{digits})"
        )
        multi = [re.escape(p).replace(r"\ ", r"\s+") for p in [*self.vague, *self.phrases]]
        zero = r"no\s+one|nobody|none|no|zero"
        dozen = rf"(?:{spelled}|{digits})\s+dozens?(?![\w-])"
        self.number_re = rf"(?:{rng}|{dozen}|{_alt(multi)}(?![\w-])|{spelled}(?![\w-])|{digits}|{zero})"
        self.qualifier_re = _alt([re.escape(q).replace(r"\ ", r"\s+") for q in self.qualifiers])

    @classmethod
    def load(cls, path: Path | None = None) -> NumberRules:
        """Read the rules from a YAML file (default: the shipped ``numbers.yaml``)."""
        data: dict[str, Any] = yaml.safe_load((path or knowledge_file("numbers.yaml")).read_text("utf-8"))
        return cls(
            units=data["units"],
            tens=data["tens"],
            scales=data["scales"],
            phrases=data["phrases"],
            vague=data["vague"],
            unnumbered=data["unnumbered"],
            qualifiers=data["qualifiers"],
        )

    def words_value(self, text: str) -> int | None:
        """The value of a spelled-out number ("twenty-five", "one hundred and two"), else None."""
        total, current = 0, 0
        tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
        if not tokens:
            return None
        for tok in tokens:
            if tok in ("a", "an"):
                current = max(current, 1)
            elif tok in self.units:
                current += self.units[tok]
            elif tok in self.tens:
                current += self.tens[tok]
            elif tok in self.scales:
                scale = self.scales[tok]
                if scale == 100:
                    current = max(current, 1) * 100
                else:
                    total += max(current, 1) * scale
                    current = 0
            else:
                return None
        return total + current

    def parse(self, text: str) -> tuple[int, bool, int | None, int | None] | None:
        """(count, vague, low, high) for a matched number expression, or None."""
        low_text = re.sub(r"\s+", " ", text.strip().lower())
        if low_text in ("no one", "nobody", "none", "no", "zero"):
            return 0, False, None, None
        if low_text in self.vague:
            return self.vague[low_text], True, None, None
        if low_text in self.phrases:
            return self.phrases[low_text], False, None, None
        m = re.fullmatch(r"between (.+) and (.+)", low_text) or re.fullmatch(
            r"([\d,]+)\s*(?:-|–|to)\s*([\d,]+)", low_text
        )
        if m:
            a, b = self._single(m.group(1)), self._single(m.group(2))
            if a is None or b is None:
                return None
            return min(a, b), False, min(a, b), max(a, b)
        dozen = re.fullmatch(r"(.+) dozens?", low_text)
        if dozen:  # "two dozen" -> 24
            n = self._single(dozen.group(1))
            return None if n is None else (n * 12, False, None, None)
        value = self._single(low_text)
        return None if value is None else (value, False, None, None)

    def _single(self, text: str) -> int | None:
        """A single number in digits or words."""
        if re.fullmatch(r"[\d,]+", text):
            return int(text.replace(",", ""))
        return self.words_value(text)


@dataclass(slots=True)
class _Terms:
    """Trigger and side lexicons from ``knowledge/casualty_terms.yaml``, compiled."""

    passive: re.Pattern[str]
    active: re.Pattern[str]
    passive_lower: re.Pattern[str]  # the same, case-sensitive, for scanning lower-cased text (faster)
    active_lower: re.Pattern[str]
    passive_kind: list[tuple[re.Pattern[str], str]]
    active_kind: list[tuple[re.Pattern[str], str]]
    sides: list[tuple[Side, re.Pattern[str]]]
    civilian_context: re.Pattern[str]
    stop_words: frozenset[str]
    aux_words: tuple[str, ...]


def _load_terms(path: Path | None = None) -> _Terms:
    """Compile the casualty trigger words and the side lexicon."""
    data = yaml.safe_load((path or knowledge_file("casualty_terms.yaml")).read_text("utf-8"))
    passive_kind = [(re.compile(rf"{_alt(v)}\Z", re.I), k) for k, v in data["passive"].items()]
    active_kind = [(re.compile(rf"{_alt(v)}\Z", re.I), k) for k, v in data["active"].items()]
    all_passive = [w for v in data["passive"].values() for w in v]
    all_active = [w for v in data["active"].values() for w in v]
    sides: list[tuple[Side, re.Pattern[str]]] = [
        (side, re.compile(rf"\b{_alt(data['sides'][side])}\b", re.I)) for side in ("armed", "state", "civilians")
    ]
    return _Terms(
        passive=re.compile(rf"\b{_alt(all_passive)}\b", re.I),
        active=re.compile(rf"\b{_alt(all_active)}\b", re.I),
        passive_lower=re.compile(rf"\b{_alt(all_passive)}\b"),
        active_lower=re.compile(rf"\b{_alt(all_active)}\b"),
        passive_kind=passive_kind,
        active_kind=active_kind,
        sides=sides,
        civilian_context=re.compile(rf"\b{_alt(data['civilian_context'])}\b", re.I),
        stop_words=frozenset(data["np_stop_words"].split()),
        aux_words=tuple(data["aux_words"].split()),
    )


@dataclass(slots=True)
class _Grammar:
    """The compiled patterns built from the rules and terms."""

    rules: NumberRules
    terms: _Terms
    left: re.Pattern[str]
    left_bare: re.Pattern[str]
    left_zero: re.Pattern[str]
    right: re.Pattern[str]
    right_more: re.Pattern[str]
    right_bare: re.Pattern[str]
    toll: re.Pattern[str]
    coded: re.Pattern[str]
    numnp: re.Pattern[str]


def _build(rules: NumberRules, terms: _Terms) -> _Grammar:
    """Compile the left/right context grammars."""
    stop = set(terms.stop_words) | set(rules.units) | set(rules.tens) | set(rules.scales)
    stop |= {w for w in re.findall(r"[a-z]+", terms.passive.pattern) if len(w) > 3}
    stop -= {"members", "forces", "police", "security", "people", "civilians", "soldiers", "bodies"}
    forms = stop | {w.capitalize() for w in stop} | {w.upper() for w in stop if len(w) > 3}
    stop_re = "(?-i:" + _trie(forms) + ")"
    npword = (
        rf"(?:\([^()]{{1,30}}\)|\d+[\s-]years?[\s-]old|of\s+(?:whom|them|those|which)"
        rf"|(?<![\w'’-])[\"“]?(?!{stop_re}\b|[a-z]+ly\b)(?=[\w'’\-]*[A-Za-z])[A-Za-z0-9][\w'’\-]*[\"”]?)"
    )
    np = rf"(?:{npword}(?:\s+{npword}){{0,5}})"
    num, qual = rules.number_re, rules.qualifier_re
    units = (
        r"(?:years?|days?|weeks?|months?|hours?|minutes?|times|km|kilomet\w+|miles?|metres?|meters?"
        r"|percent|per\s+cent|am|pm|a\.m|p\.m|o'clock|GMT)"
    )
    months = "".join(f"(?<!{m} )" for m in _MONTH_NAMES)
    numnp = rf"(?<![\w-]){months}(?:{qual}\s+)?(?P<num>{num})(?!\s*%|\s+{units}\b)(?:\s+(?P<np>{np}))?"
    numnp_nc = re.sub(r"\(\?P<\w+>", "(?:", numnp)
    lst = rf"{numnp_nc}(?:(?:\s*,\s*{numnp_nc})*\s*,?\s+and\s+(?:{numnp_nc}|{np}))?"
    app = (
        r"(?:\s*,\s*(?:including|among\s+(?:them|whom|which)|(?:one|two|some|most|many|all)\s+of\s+(?:them|whom)"
        r"|most(?:ly)?|many|mainly|all|suspected|believed|said|reportedly|aged)\b[^,;.]{0,60},"
        r"|\s+(?:including|among\s+them)\s+[^,;.]{1,50}?)?"
    )
    aux = rf"(?P<aux>(?:\s+(?:{_trie(terms.aux_words)}|[a-z]+ed\s+and|[a-z]{{3,}}ly)){{0,4}})"
    return _Grammar(
        rules=rules,
        terms=terms,
        left=re.compile(rf"(?P<list>{lst}){app}{aux}\s*\Z", re.I),
        left_bare=re.compile(
            rf"(?:(?:(?<![\w-])(?:the|these|those|several|other)\s+)?(?P<np>{np})|(?<![\w-])(?P<pro>he|she)){aux}\s*\Z",
            re.I,
        ),
        left_zero=re.compile(r"(?<![\w-])no\s+(?:\w+\s+(?:or|and)\s+)?\Z", re.I),
        right=re.compile(rf"\A\s+{numnp}", re.I),
        right_more=re.compile(rf"(?:\s+(?:in|at|near|from|of)\s+{np})?\s*,?\s+and\s+{numnp}", re.I),
        right_bare=re.compile(rf"\A\s+(?:(?:the|several|other)\s+)?(?P<np>{np})(?!\s+(?:who|which|that)\b)", re.I),
        toll=re.compile(
            rf"\b(?:death|casualty|fatality)\s+(?:toll|total|count)\b(?:[^.;|\n]{{0,140}}?)\b(?:rose|risen|rising|"
            rf"climbed|increased|reached|jumped|hit|stands|stood|stand|is|was|has\s+been|of|at|to|raised|revised|"
            rf"went\s+up)\s+(?:(?:up|upwards?|downwards?)\s+)?(?:from\s+[\w,]+\s+)?(?:to\s+|at\s+)?(?:{qual}\s+)?(?P<num>{num})",
            re.I,
        ),
        coded=re.compile(
            rf"\bfatalit(?:y|ies)\b[^.;()\[\]]{{0,40}}?\b(?:coded|estimated|recorded)\s+(?:as|to|at)\s+"
            rf"(?:(?P<num>{num})(?![\w-])|(?P<elsewhere>(?:the\s+)?[A-Z]))"
            rf"|\bfatalit(?:y|ies)\s*[:=]\s*(?P<num3>{num})(?![\w-])"
            rf"|\bfatalities\s+(?:are\s+|were\s+)?split\s+(?:across|over|between|among)\s+\w+\s+"
            rf"(?:events|locations)\s*\((?P<num2>\d+)\)",
            re.I,
        ),
        numnp=re.compile(numnp, re.I),
    )


@lru_cache(maxsize=4)
def _grammar(path: Path | None = None) -> _Grammar:
    """The default grammar, built once on first use (not at import)."""
    return _build(NumberRules.load(path), _load_terms())


def _is_plural(np: str) -> bool:
    """Whether a noun phrase's head is plural."""
    words = re.findall(r"[A-Za-z][\w'’\-]*", np)
    if not words:
        return False
    head = words[-1].lower()
    if " of " in f" {np.lower()} ":
        head = np.lower().split(" of ")[0].split()[-1] if np.lower().split(" of ")[0].split() else head
    return head in _PLURAL_IRREGULAR or (head.endswith("s") and not head.endswith(("ss", "us", "is")))


def _kind_of(trigger: str, table: list[tuple[re.Pattern[str], str]]) -> str:
    """Which casualty kind a trigger word belongs to."""
    for pattern, kind in table:
        if pattern.fullmatch(trigger):
            return kind
    return "killed"


def _clean_who(np: str | None) -> str:
    """The counted noun phrase without leading filler ("of the", "other")."""
    if not np:
        return ""
    cleaned = re.sub(r"^(?:(?:of|the|other|more|further|additional)\s+)+", "", np.strip(), flags=re.I)
    return "" if re.fullmatch(r"(?i:whom|them|those|which)", cleaned) else cleaned


def _context_start(text: str, pos: int, lo: int, width: int) -> int:
    """Start of the clause window to the left of ``pos`` (not before ``lo``)."""
    begin = max(lo, pos - width)
    last = begin
    for m in _SENTENCE_END.finditer(text, begin, pos):
        last = m.end()
    return last


def _last_words(text: str, lo: int, pos: int, n: int) -> int:
    """Start of the last ``n`` space-separated words before ``pos`` (not before ``lo``)."""
    cut = pos
    for _ in range(n):
        if cut - 1 <= lo:
            return lo
        cut = text.rfind(" ", lo, cut - 1)
        if cut < 0:
            return lo
    return cut + 1


def _context_end(text: str, pos: int, hi: int, width: int) -> int:
    """End of the clause window to the right of ``pos``."""
    stop = min(hi, pos + width)
    m = _SENTENCE_END.search(text, pos, stop)
    return m.start() + 1 if m else stop


_ANIMALS = re.compile(
    r"(?:donkeys?|cattle|cows?|goats?|sheep|camels?|animals?|livestock|dogs?|horses?|cats?|chickens?|pigs?|herds?)",
    re.I,
)
_GRIEVANCE = re.compile(
    r"(?:against|over|for|about|following|after|condemn\w*|denounc\w*|protest\w*|mourn\w*|investigat\w*|probe\s+into)"
    r"\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}\Z",
    re.I,
)


def _make(
    g: _Grammar, text: str, s: int, e: int, num_text: str | None, np: str | None, kind: str, *, total: bool = False
) -> Casualty | None:
    """A Casualty from a number expression and noun phrase, or None when it is not a count."""
    who = _clean_who(np)
    if num_text is None and not who:
        return None
    if who and _ANIMALS.fullmatch(who.split()[-1]):
        return None
    if re.match(r"(?:deaths?|killings?|murders?)\s+of\b", text[s:e], re.I) and _GRIEVANCE.search(
        text, max(0, s - 50), s
    ):
        return None  # "protest against the killing of a man": the grievance, not a count
    if num_text is None:
        plural = _is_plural(who)
        count = g.rules.unnumbered["limited"] if plural else g.rules.unnumbered["singular"]
        return Casualty(s, e, text[s:e], count, kind=kind, who=who, vague=True)  # type: ignore[arg-type]
    parsed = g.rules.parse(num_text)
    if parsed is None:
        return None
    count, vague, low, high = parsed
    low_num = num_text.strip().lower()
    if low_num in ("a", "an", "another", "a single", "lone") and (not who or _is_plural(who)):
        return None
    if kind == "casualties":
        if count != 0:
            return None
        kind = "killed"
    qual = re.match(rf"(?:{g.rules.qualifier_re})", text[s:e], re.I)
    if qual and high is None and g.rules.qualifiers.get(re.sub(r"\s+", " ", qual.group(0).lower())) == "high":
        high = count
    return Casualty(s, e, text[s:e], count, kind=kind, who=who, low=low, high=high, vague=vague, total=total)  # type: ignore[arg-type]


def _inherit(c: Casualty, earlier: list[Casualty]) -> Casualty:
    """ "six policemen ... and two more": a count naming nobody takes the noun of the one before."""
    if earlier and c.who.lower() in ("", "more", "others", "other", "more others") and earlier[-1].who:
        return Casualty(c.start, c.end, c.text, c.count, c.kind, earlier[-1].who, c.low, c.high, c.vague, c.total)
    return c


def _left(g: _Grammar, text: str, lo: int, trig: re.Match[str], kind: str) -> tuple[list[Casualty], bool]:
    """Counts written before a passive trigger; the flag says an auxiliary verb was present."""
    ctx_start = _last_words(text, _context_start(text, trig.start(), lo, 200), trig.start(), 18)
    ctx = text[ctx_start : trig.start()]
    out: list[Casualty] = []
    m = g.left.search(ctx)
    if m:
        base = ctx_start + m.start("list")
        for item in g.numnp.finditer(m.group("list")):
            s = base + item.start()
            e = trig.end() if item.end() == len(m.group("list")) else base + item.end()
            c = _make(g, text, s, e, item.group("num"), item.group("np"), kind)
            if c is not None:
                c = _inherit(c, out)
                total = (
                    kind == "killed"
                    and not c.who
                    and re.match(r"fatalit", trig.group(0), re.I)
                    and not text[_context_start(text, c.start, lo, 200) : c.start].strip(" (,")
                )
                if total:
                    c = Casualty(c.start, c.end, c.text, c.count, c.kind, c.who, c.low, c.high, c.vague, True)
                out.append(c)
        return out, bool(set(m.group("aux").lower().split()) & _TRUE_AUX)
    z = g.left_zero.search(ctx)
    if z:
        s = ctx_start + z.start()
        c = _make(g, text, s, trig.end(), "no", None, kind)
        return ([c] if c else []), False
    b = g.left_bare.search(ctx)
    if b and (b.group("pro") or set(b.group("aux").lower().split()) & _TRUE_AUX) and kind != "casualties":
        s = ctx_start + b.start()
        if b.group("pro"):
            c = _make(g, text, s, trig.end(), "one", "", kind)
            out = [Casualty(c.start, c.end, c.text, 1, c.kind, "", vague=True)] if c else []
        else:
            c = _make(g, text, s, trig.end(), None, b.group("np"), kind)
            out = [c] if c else []
        return out, True
    return out, False


def _right(g: _Grammar, text: str, hi: int, trig: re.Match[str], kind: str) -> list[Casualty]:
    """Counts written after an active trigger ("killing at least 25 regime forces")."""
    end = _context_end(text, trig.end(), hi, 160)
    ctx = text[trig.end() : end]
    m = g.right.match(ctx)
    if m:
        e = trig.end() + (m.end("np") if m.group("np") else m.end("num"))
        c = _make(g, text, trig.start(), e, m.group("num"), m.group("np"), kind)
        out = [c] if c else []
        for _ in range(3):  # "killed 8 civilians in A and 7 civilians in B"
            more = g.right_more.match(text, e, end)
            if not more:
                break
            s2 = more.start("num")
            e = more.end("np") if more.group("np") else more.end("num")
            c2 = _make(g, text, s2, e, more.group("num"), more.group("np"), kind)
            if c2:
                out.append(_inherit(c2, out))
        return out
    pro = re.match(r"\s+(him|her)\b", ctx)
    if pro and kind == "killed":
        e = trig.end() + pro.end(1)
        return [Casualty(trig.start(), e, text[trig.start() : e], 1, "killed", "", vague=True)]
    b = g.right_bare.match(ctx)
    if b and kind == "killed" and (who_side(b.group("np")) != "unknown" or ctx.lstrip().lower().startswith("the ")):
        c = _make(g, text, trig.start(), trig.end() + b.end("np"), None, b.group("np"), kind)
        return [c] if c else []
    return []


def find_casualties(
    text: str, start: int = 0, end: int | None = None, rules: NumberRules | None = None
) -> list[Casualty]:
    """Every count of people killed/injured/abducted/arrested in ``text[start:end]``, in text order.

    Offsets are into the whole ``text``; ``text[c.start:c.end] == c.text``. ``rules`` replaces the
    shipped number rules (for tests or user extensions; the grammar is then rebuilt on each call).
    ``who_side(c.who)`` tells whose deaths a count reports; :func:`killed_total` folds the counts of
    one incident into the figure a coder keeps.
    """
    g = _grammar() if rules is None else _build(rules, _grammar().terms)
    hi = len(text) if end is None else min(end, len(text))
    found: list[Casualty] = []
    active_spans: dict[int, list[Casualty]] = {}
    lowered = text.lower()
    same = len(lowered) == len(text)  # lower-casing kept every offset: scan the cheap way
    scan, active, passive = (
        (lowered, g.terms.active_lower, g.terms.passive_lower) if same else (text, g.terms.active, g.terms.passive)
    )
    for trig in active.finditer(scan, start, hi):
        kind = _kind_of(trig.group(0), g.terms.active_kind)
        active_spans[trig.start()] = _right(g, text, hi, trig, kind)
    for trig in passive.finditer(scan, start, hi):
        kind = _kind_of(trig.group(0), g.terms.passive_kind)
        left, has_aux = _left(g, text, start, trig, kind)
        if left and not has_aux and active_spans.get(trig.start()):
            continue  # "3 militants killed 2 civilians": the number before is the subject
        if has_aux and trig.start() in active_spans:
            active_spans[trig.start()] = []  # "were killed" is passive: nothing after it is an object
        found.extend(left)
    for cs in active_spans.values():
        found.extend(cs)
    found.extend(_totals(g, text, start, hi))
    return [_mark_claim(text, start, c) for c in _dedupe(found)]


_CLAIM = re.compile(
    r"\bclaim(?:s|ed|ing)?\b(?!\s+(?:of\s+)?responsibility)|\b(?:said|says|say|announced)\s+(?:that\s+)?(?:it|they)\b",
    re.I,
)


def _mark_claim(text: str, lo: int, c: Casualty) -> Casualty:
    """Flag a count a party claims ("Al Shabaab claimed killing four") as ``claimed``."""
    s = _context_start(text, c.start, lo, 80)
    if _CLAIM.search(text, s, c.start + 1 + min(len(c.text), 12)):
        return Casualty(c.start, c.end, c.text, c.count, c.kind, c.who, c.low, c.high, c.vague, c.total, True)
    return c


def _totals(g: _Grammar, text: str, lo: int, hi: int) -> list[Casualty]:
    """Stated totals: "the death toll rose to 12", "fatalities coded as 3"."""
    out: list[Casualty] = []
    for pattern in (g.toll, g.coded):
        for m in pattern.finditer(text, lo, hi):
            if m.groupdict().get("elsewhere"):  # "fatalities coded to the Horlivka event"
                out.append(Casualty(m.start(), m.end(), m.group(0), 0, "killed", "", total=True))
                continue
            groups = m.groupdict()
            parsed = g.rules.parse(groups.get("num2") or groups.get("num3") or m.group("num"))
            if parsed is not None:
                count, vague, low, high = parsed
                out.append(Casualty(m.start(), m.end(), m.group(0), count, "killed", "", low, high, vague, total=True))
    return out


def _dedupe(found: list[Casualty]) -> list[Casualty]:
    """Sort by position; drop a count overlapping an earlier (or longer) count of the same kind."""
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Casualty] = []
    for c in found:
        if any(o.kind == c.kind and c.start < o.end and o.start < c.end for o in out[-4:]):
            continue
        out.append(c)
    return out


def killed_total(casualties: list[Casualty]) -> int:
    """The death count a careful coder keeps from a list of casualty mentions of one incident.

    A party's claim counts only when nothing else is reported. The last stated total wins ("the
    death toll rose to 12"); otherwise numbered counts add up ("3 soldiers and 13 militants" -> 16),
    a repeated identical count (same number, same noun) counting once; a death reported with no
    number counts only when nothing is numbered.
    """
    killed = [c for c in casualties if c.kind == "killed"]
    credible = [c for c in killed if not c.claimed]
    if credible:
        killed = credible
    totals = [c for c in killed if c.total]
    if totals:
        return totals[-1].count
    numbered = [c for c in killed if not c.vague or from_number_word(c)]
    if numbered:
        seen: set[tuple[int, str]] = set()
        total = 0
        for c in numbered:
            key = (c.count, c.who.lower().split()[-1] if c.who else "")
            if key not in seen:
                seen.add(key)
                total += c.count
        return total
    return max((c.count for c in killed), default=0)


def from_number_word(c: Casualty) -> bool:
    """Whether a vague count was read from a vague number word ("several", "dozens"), not from
    a death reported with no number ("civilians were killed")."""
    return bool(_VAGUE_WORD.search(c.text))


_VAGUE_WORD = re.compile(r"\b(?:several|few|some|number|multiple|many|numerous|dozens?|tens|scores|hundreds)\b", re.I)


def who_side(who: str) -> Side:
    """The side of the people counted: civilians, state forces, armed groups, or unknown."""
    terms = _grammar().terms
    if terms.civilian_context.search(who):
        return "civilians"
    for side, pattern in terms.sides:
        if pattern.search(who):
            return side
    return "unknown"
