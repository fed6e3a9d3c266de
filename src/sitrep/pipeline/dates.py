"""Date expressions in a report, resolved to calendar days against the publication date.

A compact regular-expression grammar (no dateparser) so the stage stays cheap and predictable.

Values and precisions (``DateMention.precision``: 1 day, 2 week, 3 month, 4 year):

- explicit days ("3 Dec 2017", "December 3, 2017", "2017-12-03", "27th of March") are precision 1;
  hedged ones ("Around 12 April 2022", "On or around ...", "On or before ...", "between 1 and 3
  March") are precision 2, as ACLED codes them; a range keeps its first day;
- a day without a year ("on 3 December") takes the latest year that does not put it after
  publication (``relative=True``);
- a weekday ("on Thursday", "late Tuesday", "Thursday night") is the most recent such day on or
  before publication: a "Thursday" in a Thursday article is that same day; "last Friday" is
  strictly before publication; "next Monday" (a plan) is skipped;
- "overnight" and "last night" are the night before publication, coded (as ACLED does) on the day
  the night began: publication day minus one; "yesterday" and "the previous day" likewise;
  "today", "this morning", "tonight" are the publication day;
- a week ("last week", "this week", "two weeks ago") is precision 2 valued at the Wednesday of that
  week, a weekend at its Saturday; a month ("last month", "earlier this month", "in March 2011",
  "six months ago") is precision 3 valued at the 15th; a year ("in 2015", "last year") is
  precision 4 valued at 1 January. Relative values are never after publication (clamped to it).

Relative expressions are skipped when no publication date is known.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.model.records import DateMention

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a couple of": 2,
    "a few": 3,
    "several": 3,
}


def _month_alt() -> str:
    """Month names, capitalised or upper case (lower-case "may"/"march" are verbs)."""
    names = sorted(_MONTHS, key=len, reverse=True)
    full = [n for n in names if len(n) > 4 or n in ("may", "june", "july")]
    short = [n for n in names if n not in full]
    full_re = "|".join([n.capitalize() for n in full] + [n.upper() for n in full])
    short_re = "|".join([n.capitalize() for n in short] + [n.upper() for n in short])
    return rf"(?:(?:{full_re})\b|(?:{short_re})\b\.?)"


_M = _month_alt()
_WD = "(?:" + "|".join(d.capitalize() for d in _WEEKDAYS) + "|" + "|".join(d.upper() for d in _WEEKDAYS) + ")"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d\d"
_HEDGE = r"(?:(?i:on\s+or\s+(?:around|about|before|after)|around|about|circa|approximately|between|from)\s+)"
_NUMW = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+couple\s+of|a\s+few|several)"

# Explicit days, matched from their first digit or month name (cheap to scan); the words in front
# ("Around", "On or before", "on", a weekday, "the") are read afterwards by _LEFT_EXT.
# Groups: range1, day, month, year (day-month) / month2, day2, year2 (month-day) / iso / dmy.
_EXPLICIT = re.compile(
    rf"(?<![\w/.-])(?:(?:(?P<range1>{_D})\s*(?:-|–|(?i:and|to))\s*)?"
    rf"(?P<day>{_D})(?:\s+(?i:of))?[\s,]+(?P<month>{_M})(?:,?\s*(?P<year>{_Y})\b)?"
    rf"|(?P<month2>{_M})\s+(?P<day2>{_D})\b(?!\s*(?:,\s*)?\d{{3}}\b)(?:(?:,\s*|\s+)(?P<year2>{_Y})\b)?"
    rf"|(?P<iso>{_Y}-[01]\d-[0-3]\d)(?!\d)"
    rf"|(?P<dmy>[0-3]?\d/[01]?\d/{_Y})\b)"
)
_LEFT_EXT = re.compile(  # whole words only: "Date of publication 9 August" has no "on"
    rf"(?:(?<![\w-])(?P<hedge>{_HEDGE}))?(?:(?<![\w-])(?i:on)\s+)?(?:(?<![\w-]){_WD},?\s+)?(?:(?<![\w-])(?i:the)\s+)?\Z")
# Month, year and weekday patterns are matched from the name itself (case-sensitive, cheap to
# scan); the words they need or allow in front are checked afterwards on a short left window.
_ANCHOR_WORDS = r"(?i:in|since|during|until|by|from|of|early|late|mid|mid-|last|this|next|the|between|and|or)"
_NEEDS_ANCHOR = re.compile(rf"(?<![\w-])(?:{_ANCHOR_WORDS}\s+|(?i:mid|early|late)-)\Z")
_MONTH_YEAR = re.compile(
    rf"\b(?P<month>{_M})(?:\s*,?\s*(?P<year>{_Y})\b|(?P<thisyear>\s+(?i:this|last)\s+year)\b)?(?![\s-]*\d)"
)
_YEAR = re.compile(rf"\b(?P<year>{_Y})\b(?![-/]\d|\s*(?:%|km|people|fighters))")
# "Saturdays convoy attack": a possessive whose apostrophe a copy lost (not "on Saturdays", every week)
_WEEKDAY = re.compile(rf"\b(?P<wd>{_WD})(?P<poss>s(?=\s+[a-z]))?\b"
                      r"(?:\s+(?i:morning|afternoon|evening|night|overnight|mid-?day))?")
_HABIT = re.compile(r"(?<![\w-])(?i:on|every|most|some|all|other)\s+\Z")
_WEEKDAY_LEFT = re.compile(
    r"(?:(?<![\w-])(?P<mod>(?i:last|this|past|previous|next|coming))\s+|(?<![\w-])(?i:on|early|late|by|until|since)\s+)?"
    r"(?:(?i:early|late)\s+)?\Z"
)
# Matched against lower-cased text.
_RELATIVE = re.compile(
    r"\b(?P<rel>overnight|last\s+night|yesterday|today|tonight|this\s+(?:morning|afternoon|evening)"
    r"|earlier\s+today|the\s+previous\s+day|the\s+day\s+before"
    r"|(?:late\s+|earlier\s+|early\s+)?(?:last|this|past)\s+(?P<unit>week|weekend|month|year)"
    r"|(?:over|at|during)\s+the\s+(?P<unit4>weekend)"
    r"|earlier\s+(?:in\s+)?this\s+(?P<unit2>week|month|year)|(?:earlier|later|early|late)\s+last\s+(?P<unit3>week|month|year)"
    rf"|(?P<n>{_NUMW})\s+(?P<agounit>day|days|week|weeks|month|months|year|years)\s+(?:ago|earlier|before))\b"
)


def _anchored(text: str, lo: int, pos: int) -> bool:
    """Whether a preposition-like word ("in", "since", "the" ...) stands right before ``pos``."""
    return _NEEDS_ANCHOR.search(text, max(lo, pos - 12), pos) is not None


def _day(s: str) -> int:
    """The day number of "3rd"."""
    return int(re.sub(r"\D", "", s))


def _month(s: str) -> int:
    """The month number of "Dec."/"December"."""
    return _MONTHS[s.rstrip(".").lower()]


def _safe(y: int, m: int, d: int) -> date | None:
    """A date, or None when the day does not exist."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _yearless(m: int, d: int, published: date | None) -> date | None:
    """The latest (m, d) on or before publication (next-year dates move back a year)."""
    if published is None:
        return None
    value = _safe(published.year, m, d)
    if value is None or value > published:
        value = _safe(published.year - 1, m, d)
    return value


def _explicit(text: str, lo: int, hi: int, published: date | None) -> list[DateMention]:
    """Explicit calendar dates."""
    out: list[DateMention] = []
    for m in _EXPLICIT.finditer(text, lo, hi):
        value: date | None
        relative = False
        if m.group("iso"):
            y, mo, d = (int(x) for x in m.group("iso").split("-"))
            value = _safe(y, mo, d)
        elif m.group("dmy"):
            d, mo, y = (int(x) for x in m.group("dmy").split("/"))
            value = _safe(y, mo, d)
        else:
            day = m.group("day") or m.group("day2")
            month = _month(m.group("month") or m.group("month2"))
            year = m.group("year") or m.group("year2")
            first = m.group("range1")
            d = _day(first) if first else _day(day)
            if year:
                value = _safe(int(year), month, d)
            else:
                value, relative = _yearless(month, d, published), True
        if value is None:
            continue
        left = _LEFT_EXT.search(text, max(lo, m.start() - 40), m.start())
        hedge = (left.group("hedge") or "").strip().lower() if left else ""
        s = left.start() if left else m.start()
        if hedge == "from":
            s = left.start() + len(left.group("hedge")) if left else s
        precise = 2 if (hedge and hedge != "from") or m.group("range1") else 1
        if re.match(r"\s*\(as reported\)", text[m.end() : m.end() + 16]):
            precise = 2
        out.append(DateMention(s, m.end(), text[s : m.end()], value, precise, relative))
    return out


def _month_year(text: str, lo: int, hi: int, published: date | None) -> list[DateMention]:
    """ "in March 2011", "in February", "March this year": month precision, the 15th."""
    out: list[DateMention] = []
    for m in _MONTH_YEAR.finditer(text, lo, hi):
        if not _anchored(text, lo, m.start()):
            continue
        mo = _month(m.group("month"))
        relative = False
        if m.group("year"):
            y = int(m.group("year"))
        elif published is None:
            continue
        else:
            relative = True
            tail = (m.group("thisyear") or "").lower()
            y = published.year - 1 if "last" in tail else published.year
            if not tail and date(y, mo, 1) > published:
                y -= 1
        value = date(y, mo, 15)
        if relative and published is not None and value > published:
            value = published
        s = m.start("month")
        out.append(DateMention(s, m.end(), text[s : m.end()], value, 3, relative))
    return out


def _years(text: str, lo: int, hi: int) -> list[DateMention]:
    """ "in 2015", "the 2015 attack": year precision (4), 1 January."""
    out: list[DateMention] = []
    for m in _YEAR.finditer(text, lo, hi):
        if not _anchored(text, lo, m.start()):
            continue
        s = m.start("year")
        out.append(DateMention(s, m.end("year"), m.group("year"), date(int(m.group("year")), 1, 1), 4, False))
    return out


def _weekdays(text: str, lo: int, hi: int, published: date | None) -> list[DateMention]:
    """Weekdays: the most recent such day on or before publication ("last X": strictly before)."""
    out: list[DateMention] = []
    if published is None:
        return out
    for m in _WEEKDAY.finditer(text, lo, hi):
        if m.group("poss") and _HABIT.search(text, max(lo, m.start() - 8), m.start()):
            continue
        wd = _WEEKDAYS[m.group("wd").lower()]
        back = (published.weekday() - wd) % 7
        left = _WEEKDAY_LEFT.search(text, max(lo, m.start() - 24), m.start())
        s = left.start() if left else m.start()
        mod = ((left.group("mod") if left else "") or "").strip().lower()
        if mod in ("next", "coming"):
            continue  # a plan, not an event: never a date after publication
        if back == 0 and mod in ("last", "past", "previous"):
            back = 7
        value = published - timedelta(days=back)
        out.append(DateMention(s, m.end(), text[s : m.end()], value, 1, True))
    return out


def _count(s: str) -> int:
    """The value of "two"/"2"/"a few" in "two days ago"."""
    s = re.sub(r"\s+", " ", s.lower())
    return int(s) if s.isdigit() else _NUMBER_WORDS.get(s, 1)


def _week_mid(d: date) -> date:
    """The Wednesday of d's week."""
    return d - timedelta(days=d.weekday()) + timedelta(days=2)


def _relative_value(m: re.Match[str], published: date) -> tuple[date, int]:
    """Value and precision of a relative expression."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    if m.group("agounit"):
        n, unit = _count(m.group("n")), m.group("agounit").lower().rstrip("s")
        if unit == "day":
            return published - timedelta(days=n), 1
        if unit == "week":
            return _week_mid(published - timedelta(days=7 * n)), 2
        if unit == "month":
            y, mo = divmod(published.year * 12 + published.month - 1 - n, 12)
            return date(y, mo + 1, 15), 3
        return date(published.year - n, 1, 1), 4
    if (
        rel in ("today", "tonight", "earlier today")
        or rel.startswith("this ")
        and rel.split()[1] in ("morning", "afternoon", "evening")
    ):
        return published, 1
    if rel in ("overnight", "last night", "yesterday", "the previous day", "the day before"):
        return published - timedelta(days=1), 1
    unit = (m.group("unit") or m.group("unit2") or m.group("unit3") or m.group("unit4") or "").lower()
    last = "last" in rel or "past" in rel
    if unit == "week":
        return _week_mid(published - timedelta(days=7 if last else 0)), 2
    if unit == "weekend":
        base = published - timedelta(days=7 if last else 0)
        sat = base - timedelta(days=(base.weekday() - 5) % 7)
        return sat, 2
    if unit == "month":
        y, mo = divmod(published.year * 12 + published.month - 1 - (1 if last else 0), 12)
        return date(y, mo + 1, 15), 3
    return date(published.year - (1 if last else 0), 1, 1), 4


def _relatives(text: str, lo: int, hi: int, published: date | None) -> list[DateMention]:
    """ "yesterday", "overnight", "last week", "six months ago" ... against publication."""
    out: list[DateMention] = []
    if published is None:
        return out
    lowered = text.lower()
    scan = lowered if len(lowered) == len(text) else text
    pattern = _RELATIVE if scan is lowered else re.compile(_RELATIVE.pattern, re.I)
    for m in pattern.finditer(scan, lo, hi):
        value, precision = _relative_value(m, published)
        value = min(value, published)
        out.append(DateMention(m.start(), m.end(), text[m.start() : m.end()], value, precision, True))
    return out


def find_dates(text: str, published: date | None, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, in text order, offsets into the whole text.

    Overlapping matches keep the longest (an explicit date wins over the weekday inside it;
    "Thursday overnight" is the weekday).
    """
    hi = len(text) if end is None else min(end, len(text))
    found = (
        _explicit(text, start, hi, published)
        + _weekdays(text, start, hi, published)
        + _relatives(text, start, hi, published)
        + _month_year(text, start, hi, published)
        + _years(text, start, hi)
    )
    found.sort(key=lambda d: (d.start, -(d.end - d.start), d.precision))
    out: list[DateMention] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        if out and d.text.lower().startswith("overnight") and _adjacent_weekday(text, out[-1], d):
            continue
        if out and out[-1].text.lower() == "overnight" and _adjacent(text, out[-1], d):
            out.pop()  # "overnight between 24 and 25 March": the explicit date
        out.append(d)
    return out


def _adjacent(text: str, prev: DateMention, cur: DateMention) -> bool:
    """Whether ``cur`` is a day-precision date directly after ``prev`` ("overnight on 3 March")."""
    return cur.precision <= 2 and re.fullmatch(r"[\s,]*(?:(?i:on|of)\s+)?", text[prev.end : cur.start]) is not None


def _adjacent_weekday(text: str, prev: DateMention, cur: DateMention) -> bool:
    """Whether ``cur`` ("overnight") directly follows a weekday mention it belongs to."""
    return prev.precision == 1 and prev.relative and not text[prev.end : cur.start].strip(" ,")


_STAMP = re.compile(
    rf"(?P<label>(?i:published|updated|last\s+updated|posted|date|dated|first\s+published)\s*(?:(?:on|at)\s*)?:?\s*)?"
    rf"(?:{_WD},?\s+)?(?P<date>(?P<day>{_D})(?:\s+(?i:of))?[\s,]+(?P<month>{_M}),?\s*(?P<year>{_Y})"
    # "Jun 182016": a page copy that lost the comma and space between day and year
    rf"|(?P<month2>{_M})\s+(?P<day2>{_D})(?:,?\s+|(?=(?:19|20)\d\d\b))(?P<year2>{_Y})"
    rf"|(?P<iso>{_Y}-[01]\d-[0-3]\d)"
    # "01.02.2015": dotted numeric dates are day first wherever they are written
    rf"|(?<![\d.])(?P<dotted>[0-3]?\d\.[01]?\d\.{_Y})\b"
    rf"|(?P<odd>{_D}),\s+(?P<month3>{_M})\s+(?P<year3>{_Y}))"
)
_DATELINE = re.compile(
    rf"\b[A-Z][A-Z .'-]{{2,30}},?\s+(?:[A-Za-z .]+,\s+)?(?P<month>{_M})\s+(?P<day>{_D})\b(?:,?\s*(?P<year>{_Y}))?"
    r"\s*(?:\([A-Za-z .]+\)\s*)?(?:-|–|—|:)"
)


def publication_date(text: str, window: int = 600) -> DateMention | None:
    """The publication date stamped in the page furniture near the top of ``text``, or None.

    Reads "19 April, 2018", "Published: 2022-04-22", "Last updated 3 Dec 2017 10:05 GMT",
    "Updated: December 3, 2017", "Monday 25, December 2017". A labelled stamp or a date alone on
    its line wins, then the first full date in the window; failing those, a dateline
    "KABUL, Dec 3 (Reuters) -", whose year comes from any year in the window. "2 min read" and
    other bare numbers are not dates.
    """
    head = text[:window]
    fallback: DateMention | None = None
    for m in _STAMP.finditer(head):
        found = _stamp_value(m)
        if found is None:
            continue
        line_start = head.rfind("\n", 0, m.start()) + 1
        if m.group("label") or not re.sub(rf"[\W\d_]|{_WD}|(?i:am|pm|gmt|ist|utc)", "", head[line_start : m.start()]):
            return found
        fallback = fallback or found
    if fallback is not None:
        return fallback
    line = _DATELINE.search(head)
    if line:
        year = line.group("year") or next(iter(re.findall(rf"\b({_Y})\b", head)), None)
        if year:
            value = _safe(int(year), _month(line.group("month")), _day(line.group("day")))
            if value is not None:
                s = line.start("month")
                e = line.end("year") if line.group("year") else line.end("day")
                return DateMention(s, e, text[s:e], value, 1, False)
    return None


def _stamp_value(m: re.Match[str]) -> DateMention | None:
    """The DateMention of a _STAMP match, or None when the day does not exist."""
    value: date | None
    if m.group("iso"):
        y, mo, d = (int(x) for x in m.group("iso").split("-"))
        value = _safe(y, mo, d)
    elif m.group("dotted"):
        d, mo, y = (int(x) for x in m.group("dotted").split("."))
        value = _safe(y, mo, d)
    elif m.group("day"):
        value = _safe(int(m.group("year")), _month(m.group("month")), _day(m.group("day")))
    elif m.group("day2"):
        value = _safe(int(m.group("year2")), _month(m.group("month2")), _day(m.group("day2")))
    else:
        value = _safe(int(m.group("year3")), _month(m.group("month3")), _day(m.group("odd")))
    return None if value is None else DateMention(m.start("date"), m.end("date"), m.group("date"), value, 1, False)
