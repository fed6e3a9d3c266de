"""Casualty phrases: the number and noun phrase read on either side of a trigger word.

A passive trigger ("were killed") takes the counts written before it ("13 IS members"); an active
one ("killing") the counts after it ("at least 25 regime forces"). Each reading becomes a
:class:`~sitrep.model.records.Casualty` whose offsets slice back to its quote.
"""

from __future__ import annotations

import re

from sitrep.model.records import Casualty
from sitrep.pipeline.casualty_grammar import Grammar, who_side

_SENTENCE_END = re.compile(r"(?:[.!?;:|]\s|\n|\u2022|\[)")
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
_ANIMALS = re.compile(
    r"(?:donkeys?|cattle|cows?|goats?|sheep|camels?|animals?|livestock|dogs?|horses?|cats?|chickens?|pigs?|herds?)",
    re.I,
)
_GRIEVANCE = re.compile(
    r"(?:against|over|for|about|following|after|condemn\w*|denounc\w*|protest\w*|mourn\w*|investigat\w*|probe\s+into)"
    r"\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}\Z",
    re.I,
)


def is_plural(np: str) -> bool:
    """Whether a noun phrase's head is plural."""
    words = re.findall(r"[A-Za-z][\w'’\-]*", np)
    if not words:
        return False
    head = words[-1].lower()
    if " of " in f" {np.lower()} ":
        head = np.lower().split(" of ")[0].split()[-1] if np.lower().split(" of ")[0].split() else head
    return head in _PLURAL_IRREGULAR or (head.endswith("s") and not head.endswith(("ss", "us", "is")))


def kind_of(trigger: str, table: list[tuple[re.Pattern[str], str]]) -> str:
    """Which casualty kind a trigger word belongs to."""
    for pattern, kind in table:
        if pattern.fullmatch(trigger):
            return kind
    return "killed"


def clean_who(np: str | None) -> str:
    """The counted noun phrase without leading filler ("of the", "other")."""
    if not np:
        return ""
    cleaned = re.sub(r"^(?:(?:of|the|other|more|further|additional)\s+)+", "", np.strip(), flags=re.I)
    return "" if re.fullmatch(r"(?i:whom|them|those|which)", cleaned) else cleaned


def context_start(text: str, pos: int, lo: int, width: int) -> int:
    """Start of the clause window to the left of ``pos`` (not before ``lo``)."""
    begin = max(lo, pos - width)
    last = begin
    for m in _SENTENCE_END.finditer(text, begin, pos):
        last = m.end()
    return last


def last_words(text: str, lo: int, pos: int, n: int) -> int:
    """Start of the last ``n`` space-separated words before ``pos`` (not before ``lo``)."""
    cut = pos
    for _ in range(n):
        if cut - 1 <= lo:
            return lo
        cut = text.rfind(" ", lo, cut - 1)
        if cut < 0:
            return lo
    return cut + 1


def context_end(text: str, pos: int, hi: int, width: int) -> int:
    """End of the clause window to the right of ``pos``."""
    stop = min(hi, pos + width)
    m = _SENTENCE_END.search(text, pos, stop)
    return m.start() + 1 if m else stop


def make_casualty(
    g: Grammar, text: str, s: int, e: int, num_text: str | None, np: str | None, kind: str, *, total: bool = False
) -> Casualty | None:
    """A Casualty from a number expression and noun phrase, or None when it is not a count."""
    who = clean_who(np)
    if num_text is None and not who:
        return None
    if who and _ANIMALS.fullmatch(who.split()[-1]):
        return None
    if re.match(r"(?:deaths?|killings?|murders?)\s+of\b", text[s:e], re.I) and _GRIEVANCE.search(
        text, max(0, s - 50), s
    ):
        return None  # "protest against the killing of a man": the grievance, not a count
    if num_text is None:
        plural = is_plural(who)
        count = g.rules.unnumbered["limited"] if plural else g.rules.unnumbered["singular"]
        return Casualty(s, e, text[s:e], count, kind=kind, who=who, vague=True)  # type: ignore[arg-type]
    parsed = g.rules.parse(num_text)
    if parsed is None:
        return None
    count, vague, low, high = parsed
    low_num = num_text.strip().lower()
    if low_num in ("a", "an", "another", "a single", "lone") and (not who or is_plural(who)):
        return None
    if kind == "casualties":
        if count != 0:
            return None
        kind = "killed"
    qual = re.match(rf"(?:{g.rules.qualifier_re})", text[s:e], re.I)
    if qual and high is None and g.rules.qualifiers.get(re.sub(r"\s+", " ", qual.group(0).lower())) == "high":
        high = count
    return Casualty(s, e, text[s:e], count, kind=kind, who=who, low=low, high=high, vague=vague, total=total)  # type: ignore[arg-type]


def inherit(c: Casualty, earlier: list[Casualty]) -> Casualty:
    """ "six policemen ... and two more": a count naming nobody takes the noun of the one before."""
    if earlier and c.who.lower() in ("", "more", "others", "other", "more others") and earlier[-1].who:
        return Casualty(c.start, c.end, c.text, c.count, c.kind, earlier[-1].who, c.low, c.high, c.vague, c.total)
    return c


# "Five soldiers from Frontier Corps, Balochistan, were martyred": a name set off by commas
# between the counted people and their verb is read past (blanked, offsets kept)
_APPOSITION = re.compile(
    r",\s+[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,5},(?=\s+(?:were|was|have been|has been|had been)\s*$)"
)


def read_left(g: Grammar, text: str, lo: int, trig: re.Match[str], kind: str) -> tuple[list[Casualty], bool]:
    """Counts written before a passive trigger; the flag says an auxiliary verb was present."""
    ctx_start = last_words(text, context_start(text, trig.start(), lo, 200), trig.start(), 18)
    ctx = text[ctx_start : trig.start()]
    m = g.left.search(ctx) or g.left.search(_APPOSITION.sub(lambda a: " " * len(a.group()), ctx))
    if m:
        out = _left_list(g, text, lo, trig, kind, ctx_start + m.start("list"), m.group("list"))
        return out, bool(set(m.group("aux").lower().split()) & _TRUE_AUX)
    z = g.left_zero.search(ctx)
    if z:
        s = ctx_start + z.start()
        c = make_casualty(g, text, s, trig.end(), "no", None, kind)
        return ([c] if c else []), False
    b = g.left_bare.search(ctx)
    if b and (b.group("pro") or set(b.group("aux").lower().split()) & _TRUE_AUX) and kind != "casualties":
        return _left_bare(g, text, ctx_start + b.start(), trig, kind, b), True
    return [], False


def _left_list(
    g: Grammar, text: str, lo: int, trig: re.Match[str], kind: str, base: int, listed: str
) -> list[Casualty]:
    """"3 soldiers and 13 militants were killed": every count of the list written at ``base``; the last
    one's quote runs to the trigger. An unnamed count of "fatalities" opening its clause is a stated total."""
    out: list[Casualty] = []
    for item in g.numnp.finditer(listed):
        s = base + item.start()
        e = trig.end() if item.end() == len(listed) else base + item.end()
        c = make_casualty(g, text, s, e, item.group("num"), item.group("np"), kind)
        if c is not None:
            c = inherit(c, out)
            total = (
                kind == "killed"
                and not c.who
                and re.match(r"fatalit", trig.group(0), re.I)
                and not text[context_start(text, c.start, lo, 200) : c.start].strip(" (,")
            )
            if total:
                c = Casualty(c.start, c.end, c.text, c.count, c.kind, c.who, c.low, c.high, c.vague, True)
            out.append(c)
    return out


def _left_bare(g: Grammar, text: str, s: int, trig: re.Match[str], kind: str, b: re.Match[str]) -> list[Casualty]:
    """No number before the trigger: "he was killed" counts one, "civilians were killed" the noun phrase."""
    if b.group("pro"):
        c = make_casualty(g, text, s, trig.end(), "one", "", kind)
        return [Casualty(c.start, c.end, c.text, 1, c.kind, "", vague=True)] if c else []
    c = make_casualty(g, text, s, trig.end(), None, b.group("np"), kind)
    return [c] if c else []


# "2 Killed 10 Injured in ...": a participle after the number (not "10 wounded soldiers")
_OTHER_COUNT = re.compile(r"\s+(?:injured|wounded|hurt|missing)"
                          r"(?=\s+(?:in|as|at|after|during|when|on|near|by|and)\b|\s*[.,;:]|\s*$)", re.IGNORECASE)


def read_right(g: Grammar, text: str, hi: int, trig: re.Match[str], kind: str) -> list[Casualty]:
    """Counts written after an active trigger ("killing at least 25 regime forces")."""
    end = context_end(text, trig.end(), hi, 160)
    ctx = text[trig.end() : end]
    m = g.right.match(ctx)
    if m and _OTHER_COUNT.match(ctx, m.end("num")):
        return []  # a headline's list, "2 Killed 10 Injured": the number after the verb counts the injured
    if m:
        e = trig.end() + (m.end("np") if m.group("np") else m.end("num"))
        c = make_casualty(g, text, trig.start(), e, m.group("num"), m.group("np"), kind)
        out = [c] if c else []
        for _ in range(3):  # "killed 8 civilians in A and 7 civilians in B"
            more = g.right_more.match(text, e, end)
            if not more:
                break
            s2 = more.start("num")
            e = more.end("np") if more.group("np") else more.end("num")
            c2 = make_casualty(g, text, s2, e, more.group("num"), more.group("np"), kind)
            if c2:
                out.append(inherit(c2, out))
        return out
    pro = re.match(r"\s+(him|her)\b", ctx)
    if pro and kind == "killed":
        e = trig.end() + pro.end(1)
        return [Casualty(trig.start(), e, text[trig.start() : e], 1, "killed", "", vague=True)]
    b = g.right_bare.match(ctx)
    if b and kind == "killed" and (who_side(b.group("np")) != "unknown" or ctx.lstrip().lower().startswith("the ")):
        c = make_casualty(g, text, trig.start(), trig.end() + b.end("np"), None, b.group("np"), kind)
        return [c] if c else []
    return []
