"""Event mentions: one sentence that reports (part of) an event, with what it names.

A mention is the unit the assembler groups into events. It is built from the outputs of the
other stages restricted to one sentence, so every value keeps its offsets into the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from sitrep.model import ActorMention, Casualty, DateMention, Toponym
from sitrep.pipeline.casualty_totals import EARLIER
from sitrep.pipeline.triggers import Trigger

# words that, just before a trigger, say the event did not (yet) happen or is only recalled
_IRREALIS = re.compile(
    r"\b(?:will|would|could|might|(?-i:may)(?! Day)|plans? to|planning to|threaten(?:s|ed)? to|vow(?:s|ed)? to|"
    r"aim(?:s|ed)? to|in order to|intends? to|fear(?:s|ed)?|warn(?:s|ed) (?:of|that)|if|unless|as long as|"
    r"ready to|prepar(?:ing|ed) to|yet to|efforts? to|"
    r"to (?:stop|end|prevent|halt|avoid|curb|counter|investigate|condemn)|"
    r"about to|attempt(?:s|ed)? to|tr(?:y|ies|ied) to|"
    r"call(?:s|ed) for|demand(?:s|ed)|urged?)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
PLUPERFECT = re.compile(
    r"\bhad (?:been |also |previously |earlier |already )?\w+(?:ed|en|wn|ght|ost|ok)\b", re.IGNORECASE
)
_NEGATED = re.compile(r"\b(?:no|not|never|without|denied)\b[^.;,]{0,25}$", re.IGNORECASE)
# "an earlier death toll reported 15 killed but three more died": the sentence revises the toll, adds nothing
_EARLIER_TOLL = re.compile(rf"\b{EARLIER}\s+(?:death\s+)?(?:toll|count|figure|tally)\b", re.IGNORECASE)
_ALSO = re.compile(r"\b(?:also|another|other|further|additional)\b|\bmore\b(?!\s+than)", re.IGNORECASE)
ALSO_BEFORE = 20  # characters before a death count that may say it adds ("another", "also")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_SUMMARY = re.compile(
    r"\b(?:so far|to date|over the (?:past|last)|in recent (?:days|weeks|months|years)|this year|"
    r"altogether|cumulative(?:ly)?|in total|every (?:day|week|month|year)|per (?:day|week|month|year))\b",
    re.IGNORECASE,
)
_DEATHS = r"killed|killing|dead|died|deaths|lives"  # words of a death count
_TALLY = re.compile(  # deaths counted over several days: "killed 84 people in three days"
    rf"\b(?:{_DEATHS})\b[^.;]{{0,40}}?\b(?:in|over|within|during)\s+"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+days\b",
    re.IGNORECASE,
)
_PERIOD = re.compile(  # a count over a period that ended with the report: "killed 79 over the last 48 hours"
    rf"\b(?:{_DEATHS}|kill|destroyed|sorties)\b[^.;,]{{0,80}}?\b(?:over|during|in|within)\s+(?:the\s+)?"
    r"(?:past|last|previous)\s+(?:(?:\d+|two|three|four|five|six|seven|several|few)\s+)?(?:hours|days|weeks?|months?)\b"
    # "500 civilians killed in one week", "killed 1,100 in two months"
    rf"|\b(?:{_DEATHS}|kill)\b[^.;,]{{0,60}}?\b(?:in|over|within|during)\s+"
    r"(?:one|a|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:weeks?|months?)\b",
    re.IGNORECASE,
)
_SPAN = re.compile(  # a span of days: "from April 7 to April 13" ("overnight between 24 and 25 March" is one event)
    rf"\bfrom\s+(?:\d{{1,2}}\s+)?{_MONTH}?\s*\d{{0,2}}\s*(?:to|until|through)\s+"
    rf"(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})\b",
    re.IGNORECASE,
)
_SINCE = re.compile(r"^\W*since\b|\b(?:have|has|had)\b(?:\s+\S+){0,8}?\s+since\b", re.IGNORECASE)
_SPREAD = re.compile(  # one sentence over several incidents, wherever it is: "attacks in two provinces"
    r"\b(?:in|at|across)\s+(?:two|three|four|five|six|several|multiple|various|different|separate|\d+)\s+"
    r"(?:[a-z]+\s+)?(?:provinces|districts|cities|towns|villages|regions|states|counties|areas|locations|places|"
    r"sites|parts\s+of)\b"
    r"|\bin\s+(?:two|three|four|five|several|multiple|separate)\s+(?:[a-z]+\s+)?(?:attacks|incidents|strikes|raids|"
    r"bombings|clashes)\b"
)
_SPREAD_PLACELESS = re.compile(
    r"\bacross\s+(?:the\s+country\b|[A-Z][a-z]+\s+(?:on|over|during|since|this|last)\b)"
    # "a sixth policeman died in a gunbattle in another province": told in full elsewhere
    r"|\bin\s+(?:another|a\s+(?:different|third|fourth|separate|neighbouring|neighboring|nearby))\s+"
    r"(?:province|district|city|town|village|region|state|county|area|part of the country)\b"
)
_PERFECT = re.compile(r"\b(?:have|has)\s+(?:been|claimed|killed|left|died)\b", re.IGNORECASE)
BACKGROUND_DAYS = 31  # dated this long before publication: recalled, not reported


@dataclass(slots=True)
class Mention:
    """One event-bearing sentence and the values read from it."""

    start: int
    end: int
    paragraph: int
    triggers: list[Trigger]
    dates: list[DateMention] = field(default_factory=list)
    places: list[Toponym] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    date: DateMention | None = None
    referential: bool = False
    updates_toll: bool = False  # its news is a risen toll ("the death toll rose to 25"), dated by the update
    opens_referring: bool = False  # its first trigger is a definite noun phrase: "The attack in X killed ..."
    separate: bool = False  # opens with "In another incident", "Separately": never joins an earlier incident
    summary: bool = False  # tells several incidents at once: no incident of its own, but it dates the story
    said: DateMention | None = None  # the day a statement was made ("the army said on Monday")
    before: DateMention | None = None  # told in the pluperfect without a day: the day before publication

    @property
    def counts_dead(self) -> bool:
        """The sentence gives a number of dead of its own ("killed five civilians")."""
        return any(c.kind == "killed" and not c.vague for c in self.casualties)

    @property
    def anaphoric(self) -> bool:
        """True when the sentence names neither its own place nor its own date."""
        return not self.places and self.date is None


_SPEECH = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|statement|confirmed|added|claimed|tweeted|posted)\b"
    r"(?P<gap>[^.;:]{0,40})$",
    re.IGNORECASE,
)
_EVENT_NOUN_DATE = re.compile(r"\bthat\b|\b(?:the|a|an|its|their|this|last)\s+$", re.IGNORECASE)


def event_date(dates: list[DateMention], published: date | None, text: str = "") -> DateMention | None:
    """The date of the reported event: the first day-precise date not after publication, or a
    week the text states ("around 12 April"); "last week" only points back to an earlier report,
    and "the army said on Monday" dates the statement, not the event."""
    for d in dates:
        stated = d.precision == 1 or (d.precision == 2 and not _relative_week(d))
        if stated and (published is None or d.value <= published) and not _speech_date(text, d):
            return d
    return None


def statement_date(dates: list[DateMention], published: date | None, text: str) -> DateMention | None:
    """The day the report's source spoke ("the agency said on Thursday that it killed four"): the
    latest the event can be when the sentence gives no day of its own."""
    for d in dates:
        if d.precision == 1 and (published is None or d.value <= published) and _speech_date(text, d):
            return d
    return None


# "last week", "last weekend" point back to an earlier report; "over the weekend" names the days the event took
_WEEK = re.compile(r"\bweeks?\b|\b(?:last|past)\s+weekend\b", re.IGNORECASE)


def _relative_week(d: DateMention) -> bool:
    """"last week", "earlier this week" (not "on or around 6 December", whose year is inferred)."""
    return d.relative and bool(_WEEK.search(d.text))


def _speech_date(text: str, d: DateMention) -> bool:
    """"the army said on Monday" dates the statement; "said that on Sunday gunmen ..." and "said
    the Sunday air raid ..." date the event."""
    m = _SPEECH.search(text[max(0, d.start - 45) : d.start]) if text else None
    return m is not None and not _EVENT_NOUN_DATE.search(m.group("gap"))


# ... or a day's possessive, apostrophe lost or not: "Saturday's blast", "Saturdays blast", "yesterday's attack"
_DETERMINER = re.compile(r"\b(?:the|this|that|these|those|its|their|his|her|such|"
                         r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday)(?:['’]s|s))\s+([\w-]+\s+)?$",
                         re.IGNORECASE)


_SEPARATE = re.compile(
    r"\W*(?:and\s+|but\s+)?(?:(?:in\s+)?(?:another|a\s+separate|a\s+second|a\s+different|an\s+unrelated)\s+"
    r"(?:incident|attack|development|raid|strike|clash|ambush|explosion|blast|bombing)|separately|elsewhere|"
    r"in\s+a\s+separate\s+\w+)\b",
    re.IGNORECASE,
)


def is_separate(text: str, start: int) -> bool:
    """The sentence opens a new incident: "In another incident in Diyala province, ...",
    "Separately, ...": it is never a restatement of the one before."""
    return bool(_SEPARATE.match(text, start))


def is_referential(text: str, triggers: list[Trigger], counted: bool = False) -> bool:
    """Every trigger is a definite noun phrase ("comment on the attack", "the killings took
    place"): the clause refers to an event already reported rather than reporting a new one."""
    return all(_definite(text, t, counted) for t in triggers)


def _definite(text: str, t: Trigger, counted: bool) -> bool:
    """The trigger heads a definite noun phrase ("the attack", "the deadly raid") or follows a
    definite subject ("the bomb exploded"); a verb whose clause counts its own dead ("the
    attackers killed five civilians") tells news, not a reference."""
    m = _DETERMINER.search(text[max(0, t.start - 25) : t.start])
    return m is not None and not (counted and m.group(1) and t.text.endswith("ed"))


def is_background(dates: list[DateMention], published: date | None, text: str, trig: Trigger, start: int) -> bool:
    """A sentence recalls an earlier event when all its dates lie well before publication, its trigger
    sits in the "when" clause of an old date ("since 2011, when protests erupted") or in a pluperfect
    clause ("had been taken over"). (What the news "came a week
    after" loses its dates in ``Extractor._mention`` and then joins the story it follows.)"""
    if published is not None and dates and all(_old(d, published) for d in dates):
        return True
    if published is not None and any(
            _old(d, published) and d.end <= trig.start and _WHEN.match(text[d.end : trig.start]) for d in dates):
        return True  # "a war since early 2011, when the regime cracked down on protests"
    return bool(PLUPERFECT.search(_clause_before(text, trig, start) + trig.text))


_WHEN = re.compile(r"\s*,?\s*when\b[^.;,]{0,80}$", re.IGNORECASE)  # the clause an old date opens


_RESULTATIVE = re.compile(r"^\s*(?:leading to|resulting in|causing|prompting|sparking|forcing)\b", re.IGNORECASE)


def _clause_before(text: str, trig: Trigger, start: int, width: int = 60) -> str:
    """The words before a trigger back to the previous comma, semicolon or colon; a participle
    of result ("..., leading to the evacuation") belongs with the clause before it."""
    before = text[max(start, trig.start - 2 * width) : trig.start]
    parts = re.split(r"[,;:]", before)
    if len(parts) > 1 and _RESULTATIVE.match(parts[-1]):
        return parts[-2][-width:] + "," + parts[-1]
    return parts[-1][-width:]


def _old(d: DateMention, published: date) -> bool:
    """Whether the period a date names ended well before publication: a day more than a month
    before, a week more than two weeks before, a month or year that was over a week before."""
    end, slack = _period_end(d), {1: BACKGROUND_DAYS, 2: 14}.get(d.precision, 7)
    return (published - end).days > slack


def _period_end(d: DateMention) -> date:
    v = d.value
    if d.precision == 1:
        return v
    if d.precision == 2:
        return v + timedelta(days=3)
    if d.precision == 3:
        return (v.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return date(v.year, 12, 31)


def is_irrealis(text: str, trig: Trigger, start: int) -> bool:
    """The trigger is threatened, planned, feared, negated or conditional, not reported as done."""
    before = _clause_before(text, trig, start, 50)
    return bool(_IRREALIS.search(before) or _NEGATED.search(before))


def is_summary(text: str, m: Mention) -> bool:
    """A statistic or toll over a period ("more than 2,000 people have been killed since 2015"),
    or a sentence dated only by a month or year ("earlier this month"): not a new event. "Since"
    makes a summary in a perfect clause or at the head of the sentence, not in a side remark
    ("arrested for the third time since November", "a power cut since three days")."""
    if _SPAN.search(text, m.start, m.end) or _PERIOD.search(text, m.start, m.end):
        return True
    dated = m.date is not None and m.date.precision == 1 and not m.date.relative
    if not dated and (_SUMMARY.search(text, m.start, m.end) or _TALLY.search(text, m.start, m.end)
                      or _SINCE.search(text[m.start : m.end])):
        return True  # a sentence dated to its own day ("On 2 May 2022, ...") tells that day's news
    if m.date is None and any(d.precision >= 3 or _relative_week(d) for d in m.dates):
        return True
    return m.anaphoric and bool(_PERFECT.search(text, m.start, m.end))


def is_spread(text: str, m: Mention) -> bool:
    """One sentence over several incidents ("attacks in two provinces killed five", "bomb attacks
    across Iraq on Sunday"): where the report goes on to tell them one by one, it is their summary."""
    if _SPREAD.search(text, m.start, m.end):
        return True
    return not m.places and bool(_SPREAD_PLACELESS.search(text, m.start, m.end))


def says_also(text: str, m: Mention) -> bool:
    """The sentence adds to an earlier count: "13 IS members were also killed", "another five
    died", "two other soldiers were killed". The word must belong to a death count, not to the
    rest of the sentence ("... killed and more than a dozen others were injured" restates). A sentence
    revising an earlier toll ("an earlier toll of 15 ... three more died") restates it."""
    if _EARLIER_TOLL.search(text, m.start, m.end):
        return False
    for c in m.casualties:
        if c.kind == "killed" and _ALSO.search(text, max(m.start, c.start - ALSO_BEFORE), c.end):
            return True
    return False
