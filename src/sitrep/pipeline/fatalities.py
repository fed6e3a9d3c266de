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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from sitrep.model.records import Casualty, CasualtyKind
from sitrep.paths import knowledge_file

Side = Literal["civilians", "state", "armed", "unknown"]

_SENTENCE_END = re.compile(r"(?:[.!?;:|]\s|\n|\u2022|\[)")
_STOP_WORDS = (
    "were was are is am be been being have has had and or but nor while whereas who whom whose which that "
    "when where after before as at in on by near during with without into onto from to for since until "
    "including among amid following while than then there their his her its our your they them he she it "
    "we you i this these those yesterday today tonight overnight last earlier later also reportedly "
    "allegedly all both each found said says say according not no one none nobody himself herself "
    "themselves itself monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december jan feb mar apr jun jul aug sep "
    "sept oct nov dec early late morning evening night afternoon while whilst if so because despite "
    "killing injuring wounding leaving left others another other"
).split()
_AUX_WORDS = (
    "were was are is have has had been be being got get reportedly also all allegedly later subsequently "
    "found confirmed initially both each feared believed thought said reported presumed to eventually "
    "then instantly immediately already"
).split()
_TRUE_AUX = {"were", "was", "are", "is", "been", "be", "being", "got", "get", "found", "feared"}
_PLURAL_IRREGULAR = {
    "people", "men", "women", "children", "police", "personnel", "youth", "folk", "cattle", "troops",
    "militia", "taliban", "gunmen", "fishermen", "policemen", "servicemen", "militiamen", "others",
}


def _alt(words: list[str]) -> str:
    """A regex alternation of fragments, longest first so multi-word forms win."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


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
        word = _alt([*self.units, *self.tens, *self.scales])
        scale = "|".join(f"(?<={s})" for s in self.scales)
        spelled = rf"(?:an?\s+{_alt(list(self.scales))}|{word})(?:[\s-]+{word})*(?:(?:{scale})\s+and\s+{word}(?:[\s-]+{word})*)?"
        digits = r"(?<![\d,.])(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d,.])(?!(?:19|20)\d\d\b)\d+(?![\d,]|-year|\.\d)"
        rng = rf"(?:between\s+(?:{digits}|{spelled})\s+and\s+(?:{digits}|{spelled}))|(?:{digits})\s*(?:-|–|to)\s*(?:{digits})"
        multi = [re.escape(p).replace(r"\ ", r"\s+") for p in [*self.vague, *self.phrases]]
        zero = r"no\s+one|nobody|none|no|zero"
        self.number_re = rf"(?:{rng}|{_alt(multi)}(?![\w-])|{spelled}(?![\w-])|{digits}|{zero})"
        self.qualifier_re = _alt([re.escape(q).replace(r"\ ", r"\s+") for q in self.qualifiers])

    @classmethod
    def load(cls, path: Path | None = None) -> NumberRules:
        """Read the rules from a YAML file (default: the shipped ``numbers.yaml``)."""
        data: dict[str, Any] = yaml.safe_load((path or knowledge_file("numbers.yaml")).read_text("utf-8"))
        return cls(
            units=data["units"], tens=data["tens"], scales=data["scales"], phrases=data["phrases"],
            vague=data["vague"], unnumbered=data["unnumbered"], qualifiers=data["qualifiers"],
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
    passive_kind: list[tuple[re.Pattern[str], str]]
    active_kind: list[tuple[re.Pattern[str], str]]
    sides: list[tuple[Side, re.Pattern[str]]]


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
        passive_kind=passive_kind,
        active_kind=active_kind,
        sides=sides,
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
    right_bare: re.Pattern[str]
    toll: re.Pattern[str]
    coded: re.Pattern[str]
    numnp: re.Pattern[str]


def _build(rules: NumberRules, terms: _Terms) -> _Grammar:
    """Compile the left/right context grammars."""
    stop = set(_STOP_WORDS) | set(rules.units) | set(rules.tens) | set(rules.scales)
    stop |= {w for w in re.findall(r"[a-z]+", terms.passive.pattern) if len(w) > 3}
    stop -= {"members", "forces", "police", "security", "people", "civilians", "soldiers", "bodies"}
    stop_re = "(?-i:" + _alt(sorted(stop | {w.capitalize() for w in stop} | {w.upper() for w in stop if len(w) > 3})) + ")"
    npword = rf"(?:\([^()]{{1,30}}\)|(?!{stop_re}\b)(?=[\w'’\-]*[A-Za-z])[A-Za-z0-9][\w'’\-]*)"
    np = rf"(?:{npword}(?:\s+{npword}){{0,5}})"
    num, qual = rules.number_re, rules.qualifier_re
    numnp = rf"(?<![\w-])(?:{qual}\s+)?(?P<num>{num})(?:\s+(?P<np>{np}))?"
    numnp_nc = re.sub(r"\(\?P<\w+>", "(?:", numnp)
    lst = rf"{numnp_nc}(?:(?:\s*,\s*{numnp_nc})*\s*,?\s+and\s+{numnp_nc})?"
    app = r"(?:\s*,\s*(?:including|among\s+them|among\s+whom|most(?:ly)?|many|mainly|all)\b[^,;.]{0,60},)?"
    aux = rf"(?P<aux>(?:\s+{_alt(_AUX_WORDS)}){{0,4}})"
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
        right_bare=re.compile(rf"\A\s+(?:(?:the|several|other)\s+)?(?P<np>{np})", re.I),
        toll=re.compile(
            rf"\b(?:death|casualty)\s+toll\b(?:[^.;|\n]{{0,60}}?)\b(?:rose|risen|rising|climbed|increased|reached|"
            rf"jumped|hit|stands|stood|stand|is|was|has\s+been|of|at|to)\s+(?:to\s+|at\s+)?(?:{qual}\s+)?(?P<num>{num})",
            re.I,
        ),
        coded=re.compile(rf"\bfatalit(?:y|ies)\s+(?:were\s+|are\s+|is\s+)?coded\s+as\s+(?P<num>{num})", re.I),
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
    return re.sub(r"^(?:(?:of|the|other|more|further|additional)\s+)+", "", np.strip(), flags=re.I)


def _context_start(text: str, pos: int, lo: int, width: int) -> int:
    """Start of the clause window to the left of ``pos`` (not before ``lo``)."""
    begin = max(lo, pos - width)
    last = begin
    for m in _SENTENCE_END.finditer(text, begin, pos):
        last = m.end()
    return last


def _context_end(text: str, pos: int, hi: int, width: int) -> int:
    """End of the clause window to the right of ``pos``."""
    stop = min(hi, pos + width)
    m = _SENTENCE_END.search(text, pos, stop)
    return m.start() + 1 if m else stop


def _make(
    g: _Grammar, text: str, s: int, e: int, num_text: str | None, np: str | None, kind: str, *, total: bool = False
) -> Casualty | None:
    """A Casualty from a number expression and noun phrase, or None when it is not a count."""
    who = _clean_who(np)
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


def _left(g: _Grammar, text: str, lo: int, trig: re.Match[str], kind: str) -> tuple[list[Casualty], bool]:
    """Counts written before a passive trigger; the flag says an auxiliary verb was present."""
    ctx_start = _context_start(text, trig.start(), lo, 200)
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
                total = kind == "killed" and not c.who and re.match(r"fatalit", trig.group(0), re.I)
                if total:
                    c = Casualty(c.start, c.end, c.text, c.count, c.kind, c.who, c.low, c.high, c.vague, True)
                out.append(c)
        return out, bool(m.group("aux").strip())
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
        return [c] if c else []
    b = g.right_bare.match(ctx)
    if b and kind == "killed" and who_side(b.group("np")) != "unknown":
        c = _make(g, text, trig.start(), trig.end() + b.end("np"), None, b.group("np"), kind)
        return [c] if c else []
    return []


def find_casualties(
    text: str, start: int = 0, end: int | None = None, rules: NumberRules | None = None
) -> list[Casualty]:
    """Every count of people killed/injured/abducted/arrested in ``text[start:end]``, in text order.

    Offsets are into the whole ``text``; ``text[c.start:c.end] == c.text``. ``rules`` replaces the
    shipped number rules (for tests or user extensions).
    """
    g = _grammar() if rules is None else _build(rules, _grammar().terms)
    hi = len(text) if end is None else min(end, len(text))
    found: list[Casualty] = []
    active_spans: dict[int, list[Casualty]] = {}
    for trig in g.terms.active.finditer(text, start, hi):
        kind = _kind_of(trig.group(0), g.terms.active_kind)
        active_spans[trig.start()] = _right(g, text, hi, trig, kind)
    for trig in g.terms.passive.finditer(text, start, hi):
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
    return _dedupe(found)


def _totals(g: _Grammar, text: str, lo: int, hi: int) -> list[Casualty]:
    """Stated totals: "the death toll rose to 12", "fatalities coded as 3"."""
    out: list[Casualty] = []
    for pattern in (g.toll, g.coded):
        for m in pattern.finditer(text, lo, hi):
            parsed = g.rules.parse(m.group("num"))
            if parsed is not None:
                count, vague, low, high = parsed
                out.append(
                    Casualty(m.start(), m.end(), m.group(0), count, "killed", "", low, high, vague, total=True)
                )
    return out


def _dedupe(found: list[Casualty]) -> list[Casualty]:
    """Drop counts whose span lies inside another count of the same kind; sort by position."""
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Casualty] = []
    for c in found:
        if any(o.kind == c.kind and o.start <= c.start and c.end <= o.end for o in out[-4:]):
            continue
        out.append(c)
    return out


def killed_total(casualties: list[Casualty]) -> int:
    """The death count a careful coder keeps from a list of casualty mentions of one incident.

    The last stated total wins ("the death toll rose to 12"); otherwise numbered counts add up
    ("3 soldiers and 13 militants" -> 16), a repeated identical count (same number, same noun)
    counting once; a death reported with no number counts only when nothing is numbered.
    """
    killed = [c for c in casualties if c.kind == "killed"]
    totals = [c for c in killed if c.total]
    if totals:
        return totals[-1].count
    numbered = [c for c in killed if not (c.vague and c.count in (1, 3) and not _has_digit_or_word(c))]
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


def _has_digit_or_word(c: Casualty) -> bool:
    """Whether a vague count was read from a vague number word ("several", "dozens")."""
    return bool(re.search(r"\b(?:several|few|some|number|multiple|many|numerous|dozens?|tens|scores|hundreds)\b", c.text, re.I))


def who_side(who: str) -> Side:
    """The side of the people counted: civilians, state forces, armed groups, or unknown."""
    terms = _grammar().terms
    for side, pattern in terms.sides:
        if pattern.search(who):
            return side
    return "unknown"
