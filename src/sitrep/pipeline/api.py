"""The extraction pipeline: an Article in, ACLED-style Events out.

``Extractor`` holds the loaded stages; ``extract``/``extract_article`` are the convenience calls.
The order of work per document: furniture -> spaCy (sentences, entities) -> toponyms ->
per-sentence triggers, dates, actors, casualties -> mentions -> incidents -> events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sitrep.config import Settings
from sitrep.errors import InputError
from sitrep.gazetteer.normalize import fold, norm
from sitrep.model import ActorMention, Article, DateMention, Event, Toponym
from sitrep.pipeline import furniture
from sitrep.pipeline.assemble import DocContext, build_event, choose_type, main_agent, merge_restatements
from sitrep.pipeline.fatalities import INCLUDING, PLACE_PREP
from sitrep.pipeline.incidents import Incident, group, settle_areas
from sitrep.pipeline.mentions import (
    PLUPERFECT,
    Mention,
    event_date,
    is_background,
    is_irrealis,
    is_referential,
    is_separate,
    is_spread,
    is_summary,
    statement_date,
)
from sitrep.pipeline.nlp import Analysed, Nlp
from sitrep.pipeline.summaries import drop_summary_tolls
from sitrep.pipeline.triggers import NonEvents, Trigger, TriggerFinder, load_nonevents
from sitrep.pipeline.unlisted import anchored, unlisted_names, unlisted_places

_LIST_SEP = re.compile(
    r"^(?:\s+[\w'-]+){0,3}?\s*(?:,|and|&|as well as|,\s*and)\s*(?:the\s+)?"
    r"(?:(?:neighbou?rhoods?|towns?|villages?|districts?|areas?|cities)\s+of\s+)?$",
    re.IGNORECASE,
)
_PARALLEL_SEP = re.compile(  # "30 injured in X, 25 injured in Y": a count opens each part
    r"^\s*(?:,|;|and)\s+(?:and\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens|several)\s+"
    r"(?:[\w'-]+\s+){0,7}?(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _listed(text: str, a: Toponym, b: Toponym) -> bool:
    """b continues the list a belongs to: "X, Y and Z", or parallel clauses "30 injured in X,
    25 injured in Y"."""
    gap = text[a.end : b.start]
    return bool(_LIST_SEP.match(gap) or _PARALLEL_SEP.match(gap))


@dataclass(frozen=True)
class Page:
    """One report as every sentence sees it."""

    text: str
    published: date | None
    hint: str  # the user's country hint, '' if none
    country: str  # the hint, or the country the report's places lie in
    toponyms: list[Toponym]
    body: list[tuple[int, int]]
    datelines: list[tuple[int, int]]
    stamp: tuple[int, int] | None  # the publication date stamp, not an event date
    unlisted: frozenset[str] = frozenset()  # names of places the gazetteer lacks (sitrep.pipeline.unlisted)


def as_date(value: Any) -> date | None:
    """A date from a date, a 'YYYY-MM-DD' string or None; a clear error otherwise."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"published date {value!r} is not YYYY-MM-DD; give e.g. --published 2018-04-19") from None


class Extractor:
    """All stages of the pipeline, loaded once by ``initialize()``."""

    def __init__(self, settings: Settings | None = None, gazetteer: Any = None) -> None:
        self.settings = settings or Settings.from_env()
        self.nlp = Nlp(self.settings.spacy_model)
        self.triggers = TriggerFinder()
        self.nonevents: NonEvents | None = None
        self._gazetteer = gazetteer
        self.geoparser: Any = None
        self.typer: Any = None
        self.actors: Any = None
        self._ready = False

    def initialize(self) -> Extractor:
        if self._ready:
            return self
        from sitrep.gazetteer import Gazetteer, Geoparser
        from sitrep.pipeline.actors import ActorRecognizer
        from sitrep.pipeline.typing import EventTyper

        self.nlp.initialize()
        self.triggers.initialize()
        self.nonevents = load_nonevents()
        self.typer = EventTyper()
        self.typer.initialize()
        self.actors = ActorRecognizer()
        self.actors.initialize()
        self._gazetteer = self._gazetteer or Gazetteer.open()
        self.geoparser = Geoparser(self._gazetteer, keep_unresolved=True)  # unlisted villages: sitrep.pipeline.unlisted
        self._ready = True
        return self

    @property
    def gazetteer(self) -> Any:
        return self._gazetteer

    def extract_article(self, article: Article) -> list[Event]:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[list[Event]]:
        """Events per article, in order; spaCy runs batched over the stream."""
        self.initialize()
        pending: list[tuple[Article, Article]] = []

        def texts() -> Iterator[str]:
            for a in articles:
                _check(a, self.settings)
                work = _readable(a)
                pending.append((a, work))
                yield work.text

        for analysed in self.nlp.analyse_many(texts()):
            original, work = pending.pop(0)
            yield _quote_from(original.text, self._events(work, analysed))

    def _events(self, article: Article, analysed: Analysed) -> list[Event]:
        page = self._page(article, analysed)
        mentions = self._mentions(page, analysed)
        if not mentions:
            return []
        text = article.text
        if self._framed(page, article.title):  # a trial report: only what it dates itself as news counts
            mentions = [m for m in mentions if _fresh(m, page.published)]
            if not mentions:
                return []
        all_actors = [a for m in mentions for a in m.actors]
        main = main_place(page, all_actors)
        known = [t for t in page.toponyms if not t.unlisted and t.place is not None]
        for m in mentions:
            m.places = anchored(m.places, main, text, known)
        places_of = {m.start: event_places(text, m.places, m.triggers[0]) for m in mentions}
        incidents = group(mentions, places_of, page.published, main)
        from sitrep.pipeline.fatalities import who_side

        incidents = drop_summary_tolls(incidents, mentions[0].paragraph, text, page.published, who_side)
        settle_areas(incidents, [t for t in page.toponyms if _usable(t) and _paragraph(page.body, t.start) is not None
                                 and _IN_TOWN.search(text, max(0, t.start - 25), t.start)])
        doc = DocContext(text, page.published, page.country, main_agent(all_actors))
        events = [self._event(inc, doc) for inc in incidents]
        separate = {id(ev) for ev, inc in zip(events, incidents, strict=True) if inc.mentions[0].separate}
        return merge_restatements(events, separate)

    def _page(self, article: Article, analysed: Analysed) -> Page:
        """What the whole report tells every sentence: publication date, country, places."""
        from sitrep.pipeline.dates import publication_date

        text = article.text
        stamp = publication_date(text)
        published = _published(article.published, stamp.value if stamp else None)
        toponyms = self.geoparser.toponyms(text, entities=analysed.entities, country=article.country)
        country = article.country or _main_country(toponyms, text) or ""
        if country and not article.country:  # read again knowing the country: villages resolve
            toponyms = self.geoparser.toponyms(text, entities=analysed.entities, country=country)
        return Page(
            text,
            published,
            article.country or "",
            country,
            toponyms,
            body=furniture.body_spans(text),
            datelines=furniture.dateline_spans(text),
            stamp=(stamp.start, stamp.end) if stamp else None,
            unlisted=unlisted_names(text, toponyms, self._listed),
        )

    def _mentions(self, page: Page, analysed: Analysed) -> list[Mention]:
        """Event mentions of the body's clauses."""
        out = []
        for s, e in (c for sent in analysed.sentences for c in clauses(page.text, *sent)):
            para = _paragraph(page.body, s)
            if para is None:  # a clause the sentence splitter ran on from a caption into the body
                s = next((a for a, _ in page.body if s < a < e and page.text[a:e].strip()), e)
                para = _paragraph(page.body, s) if s < e else None
            if para is None:
                continue
            places = [t for t in page.toponyms if s <= t.start < e and _usable(t) and not _inside(t, page.datelines)]
            first = next((t.place.country for t in places if t.place and t.place.country), page.country)
            m = self._mention(page, s, e, para, page.hint or first, places)
            if m is not None and not is_summary(page.text, m):
                out.append(m)
        spread = [m for m in out if is_spread(page.text, m)]
        if len(spread) < len(out):  # a summary over incidents the report then tells one by one
            for m in spread:
                m.summary = True  # codes no event, but its date still dates the story
        return out

    def _mention(self, page: Page, s: int, e: int, para: int, country: str, places: list[Toponym]) -> Mention | None:
        """The clause text[s:e] as an event mention, or None when it reports no new event."""
        from sitrep.pipeline.dates import find_dates
        from sitrep.pipeline.fatalities import find_casualties

        text, published = page.text, page.published
        trigs = self.triggers.find(text, s, e)
        if not trigs or self._nonevent(text, s, e, trigs):
            return None
        lo, hi = _recalled(text, s, e, trigs) or (e, e)  # the words telling an earlier event, not this one
        trigs = [t for t in trigs if not lo <= t.start < hi]
        if not trigs:
            return None  # "The reports come a day after 100 were killed in ...": all of it recalled
        e = lo if hi == e else e
        dates = [d for d in find_dates(text, published, s, e)
                 if (d.start, d.end) != page.stamp and not lo <= d.start < hi]
        live = [t for t in trigs if not is_irrealis(text, t, s) and not is_background(dates, published, text, t, s)]
        if not live:
            return None
        update = _TOLL_UPDATE.search(text, s, e)
        day = event_date(dates, published, text) or _toll_update_day(update, published)
        m = Mention(s, e, para, live, dates=dates, date=day, separate=is_separate(text, s),
                    casualties=[c for c in find_casualties(text, s, e) if not lo <= c.start < hi],
                    said=statement_date(dates, published, text),
                    before=_pluperfect_day(text, (s, e), published, dates, live))
        m.referential = is_referential(text, live, m.counts_dead)
        m.updates_toll = update is not None
        m.opens_referring = is_referential(text, live[:1], m.counts_dead)
        m.actors = self.actors.find(text, country or None, day.value if day else published, s, e, implicit=True)
        places += unlisted_places(text, s, e, page.unlisted, page.toponyms)
        m.places = sorted((t for t in places if not _overlaps_actor(t, m.actors) and not lo <= t.start < hi),
                          key=lambda t: t.start)
        return m

    def _listed(self, names: set[str]) -> set[str]:
        """The names the gazetteer holds a place of, anywhere (one lookup for a report's names), and
        names that are something else: countries' possessives written without the apostrophe ("near
        Syrias second city"), event words a title-case headline capitalised ("Killed in Clashes")."""
        keys = {n: norm(n) for n in names}
        found = self._gazetteer.lookup(keys.values())
        owners = {n for n in names if self._gazetteer.is_country_possessive(n)}
        words = {n for n in names if any(t.start == 0 and t.end == len(n) for t in self.triggers.find(n))}
        return {n for n, k in keys.items() if k and found.get(k)} | owners | words

    def _framed(self, page: Page, title: str | None) -> bool:
        """The page's headline (or title) frames it as a trial, not as the events it recalls."""
        assert self.nonevents is not None
        top = min(page.body[0][0] if page.body else 0, HEAD_CHARS)  # headline, kicker, captions above the body
        title = title or ""
        return self.nonevents.frames(page.text, 0, top) or self.nonevents.frames(title, 0, len(title))

    def _nonevent(self, text: str, start: int, end: int, trigs: list[Any]) -> bool:
        assert self.nonevents is not None
        return self.nonevents.excludes(text, start, end, {t.family for t in trigs})

    def _event(self, inc: Incident, doc: DocContext) -> Event:
        proba = incident_proba(self.typer, doc.text, inc)
        opening = {t.family for t in inc.mentions[0].triggers}
        if opening <= _VAGUE_FAMILIES and inc.referred & _METHOD_FAMILIES:
            # "the raids" took lives: the air strikes the story told before, whatever its own words suggest
            allowed = self.triggers.prior(opening | inc.referred)
            proba = {k: (v if k in allowed else 0.0) for k, v in proba.items()}
        sub, conf = choose_type(proba, self.triggers.prior(_method_named(self.triggers, inc) or opening)
                                or self.triggers.prior(inc.families))
        from sitrep.pipeline.fatalities import who_side

        key = self.triggers.most_specific(inc.mentions[0].triggers)
        return build_event(inc, doc, sub, conf, self.actors, who_side, self._gazetteer, key, proba)


def _method_named(triggers: TriggerFinder, inc: Incident) -> set[str]:
    """The families of the sentence that names how the incident's dead died, when the opening
    one only says "an attack" ("nine were killed in an attack by Naxals. ... they lost their
    lives after their vehicle was blown up in an IED blast")."""
    if not {t.family for t in inc.mentions[0].triggers} <= _VAGUE_FAMILIES:
        return set()
    for m in inc.mentions[1:3]:
        fams = {t.family for t in m.triggers}
        if m.counts_dead and fams & _METHOD_FAMILIES:
            return fams
    return set()


_VAGUE_FAMILIES = frozenset({"clash", "violence"})
_METHOD_FAMILIES = frozenset({"ied", "suicide", "air", "bombing", "chemical", "grenade"})


def incident_proba(typer: Any, text: str, inc: Incident) -> dict[str, float]:
    """Sub-event type probabilities for an incident: its sentences typed one by one, and the
    passage as a whole counting double (what one sentence leaves open, the next may settle:
    "... They were dispersed by police")."""
    texts = [text[m.start : m.end] for m in inc.mentions[:4]]
    texts.append(" ".join(texts))
    weights = [1.0] * (len(texts) - 1) + [2.0]
    probas = typer.predict_proba(texts)
    total = sum(weights)
    return {k: sum(w * p[k] for w, p in zip(weights, probas, strict=True)) / total for k in probas[0]}


FRESH_DAYS = 7
HEAD_CHARS = 600


def _fresh(m: Mention, published: date | None) -> bool:
    """A mention dated by its own words within the week before publication."""
    if m.date is None or m.date.value is None:
        return False
    return published is None or 0 <= (published - m.date.value).days <= FRESH_DAYS


_TOLL_UPDATE = re.compile(
    r"\btoll\b[^.;]{0,150}?\b(?:has |had )?(?:risen|rose|increased|climbed|jumped|grown|mounted)\s+to\b", re.IGNORECASE
)


def _toll_update_day(m: re.Match[str] | None, published: date | None) -> DateMention | None:
    """An undated sentence whose news is a risen toll ("the death toll following a suicide
    explosion in Marka has increased to at least 20") tells of an event before the day it is
    reported: the day before publication, when the first toll was reported. ``m``: the sentence's
    match of :data:`_TOLL_UPDATE`, if any."""
    if m is None or published is None:
        return None
    return DateMention(m.start(), m.end(), m.group(), published - timedelta(days=1), 1, True)


def _pluperfect_day(text: str, span: tuple[int, int], published: date | None,
                    dates: list[DateMention], triggers: list[Any]) -> DateMention | None:
    """An undated sentence whose event is told in the pluperfect ("police had used tear gas on the
    protesters", "protesters had set fire to logs", after the day's news) tells of the day before
    publication; a relative clause ("residents who had blocked the road") only describes someone."""
    if published is None or dates:
        return None
    for m in PLUPERFECT.finditer(text, *span):
        if _RELATIVE_BEFORE.search(text, max(span[0], m.start() - 8), m.start()):
            continue
        if any(m.start() <= t.start < m.end() + PLUPERFECT_REACH for t in triggers):
            return DateMention(m.start(), m.end(), m.group(), published - timedelta(days=1), 1, True)
    return None


_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|which|that)\s+$", re.IGNORECASE)
PLUPERFECT_REACH = 60  # characters after "had used" in which the event's trigger must stand


def _published(given: date | None, stamped: date | None) -> date | None:
    """The publication date: the metadata's, unless the page states an earlier one ("Published
    April 4 2017" on a page whose metadata carries the day it was crawled, months later)."""
    if given is None or stamped is None:
        return given or stamped
    return stamped if 0 < (given - stamped).days <= 366 else given


def _readable(article: Article) -> Article:
    """The article as the pipeline reads it: hard-wrapped wire copy unwrapped (same offsets)."""
    if not furniture.is_hard_wrapped(article.text):
        return article
    return replace(article, text=furniture.unwrap(article.text))


def _quote_from(text: str, events: list[Event]) -> list[Event]:
    """Evidence quotes taken from the text the user gave, whatever was normalised on the way."""
    for e in events:
        e.evidence = [replace(ev, quote=text[ev.start : ev.end]) for ev in e.evidence]
    return events


def _check(article: Article, settings: Settings) -> None:
    from sitrep.ingest import check_text

    reason = check_text(article.text, max_chars=settings.max_chars)
    if reason:
        raise InputError(f"document {article.id!r}: {reason}")


def _paragraph(body: list[tuple[int, int]], start: int) -> int | None:
    """Index of the body block holding ``start``; None for furniture."""
    for i, (s, e) in enumerate(body):
        if s <= start < e:
            return i
    return None


# "the explosion came as Kurdish forces pressed on to take Manbij": the news, then what went on around it
_CLAUSE_BREAK = re.compile(r"\s*;\s*|,?\s+(?:while|whereas)\s+(?=in\b|at\b|on\b|near\b|[A-Z])|"
                           r"\s+(?:came|comes|come)\s+(?:as|amid|while)\s+")


_WHILE = re.compile(r",\s+(?:while|whereas)\s+")
_DEATHS = re.compile(r"\b(?:killed|killing|dead|died|deaths?|lives)\b", re.IGNORECASE)


# a phrase about the place that tells another event: "..., site of a gas attack last week",
# "..., where a car bomb killed 80 people on Tuesday"
_RECALL_BREAK = re.compile(r"(?:,|\b[A-Z][\w'-]*)(?P<cut>\s+(?:(?:the|a)\s+)?(?:site|scene)\s+of\s+)|"
                           r"(?P<where>,\s+where\s+)")  # a town "site of ...": its comma may be lost in copies
_DATED = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|earlier|last|ago|previous|"
                    r"(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|"
                    r"November|December)\b")


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut where it joins two reports: "two police died in Herat while in Farah
    province three were killed" holds two incidents; so does a semicolon, ", while" between
    two clauses that each count their dead ("air raids killed 18 in Hais, while shelling left 35
    others dead in nearby Tahita"), and a phrase about the place that tells another event of
    another day ("a strike on Saturday hit Binnish, where a car bomb killed 9 on Tuesday")."""
    cuts = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text, start, end)]
    _add_free(cuts, ((m.start(), m.end()) for m in _WHILE.finditer(text, start, end)
                     if _DEATHS.search(text, start, m.start()) and _DEATHS.search(text, m.end(), end)))
    _add_free(cuts, ((m.start(), m.end()) for m in _AND.finditer(text, start, end)
                     if _counts_own_dead(text, start, m.start(), 0) and _counts_own_dead(text, m.end(), end, 1)))
    _add_free(cuts, _recall_cuts(text, start, end))
    out, s = [], start
    for a, b in sorted(cuts):
        out.append((s, a))
        s = b
    out.append((s, end))
    return [(a, b) for a, b in out if b > a]


def _add_free(cuts: list[tuple[int, int]], new: Iterable[tuple[int, int]]) -> None:
    """Add the cuts of ``new`` that do not start inside a cut already made."""
    for a, b in new:
        if not any(s <= a < e for s, e in cuts):
            cuts.append((a, b))


_AND = re.compile(r",?\s+and\s+")
_KILLING = re.compile(r"\b(?:killed|killing|died)\b", re.IGNORECASE)
_COUNT = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|"
                    r"several|hundreds)\b", re.IGNORECASE)


def _counts_own_dead(text: str, start: int, end: int, subject_words: int) -> bool:
    """A clause with a killing verb after at least ``subject_words`` words, and a count ("gunmen
    killed five people in X", "a roadside bomb killed three soldiers near Y"): two of them joined
    by "and" are two incidents; "and killed five" shares the subject before it."""
    verb = _KILLING.search(text, start, end)
    return verb is not None and len(text[start : verb.start()].split()) >= subject_words and _COUNT.search(
        text, start, end) is not None


def _recall_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where a phrase about the place ("..., where ...", "..., site of ...") tells an event of
    its own date, in a sentence that has a date of its own before it."""
    out = []
    for m in _RECALL_BREAK.finditer(text, start, end):
        cut = m.start() if text[m.start()] == "," else m.start("cut")
        if _DATED.search(text, start, cut) and _DATED.search(text, m.end(), end):
            out.append((cut, m.end()))
    return out


def _inside(t: Toponym, spans: list[tuple[int, int]]) -> bool:
    return any(s <= t.start < e for s, e in spans)


def _usable(t: Toponym) -> bool:
    """A toponym that can be an event's place: resolved, a place (not a demonym), below country level."""
    if t.kind != "place" or t.place is None:
        return False
    if t.text.isupper() and len(t.text) <= 4 and fold(t.text) != fold(t.place.name):
        return False  # an acronym ("DRG") read as a place name it resembles
    return not t.place.feature_code.startswith("PCL")


def main_place(page: Page, actors: list[ActorMention] | None = None) -> Toponym | None:
    """The report's main place: the first usable place of its body in its main country that is
    not a named armed group read as a place ("an attack by Naxals"). Place-named actors stay
    places ("Mombasa demonstrators", "Turkana militia" say where)."""
    groups = [a for a in actors or [] if a.inter in (2, 3) and not a.name.startswith("Unidentified")]
    for t in page.toponyms:
        in_country = t.place is not None and (not page.country or t.place.country == page.country)
        in_body = _paragraph(page.body, t.start) is not None and not _inside(t, page.datelines)
        if in_country and in_body and _usable(t) and not _overlaps_actor(t, groups):
            return t
    return None


def _overlaps_actor(t: Toponym, actors: list[ActorMention]) -> bool:
    """'Hamas' or 'Al Shabaab' read as a place: a named actor's span is not a toponym."""
    return any(a.start < t.end and t.start < a.end and not a.implicit for a in actors)


_NEIGHBOUR = re.compile(
    r"\b(?:neighbou?ring|border(?:s|ing)?(?: with)?|near|from|into|to)\s+(?:the\s+)?$", re.IGNORECASE
)


def _main_country(toponyms: list[Toponym], text: str = "") -> str | None:
    """The country most of the report's places lie in. A demonym counts half ("Nigerien troops"
    tells the country; "pro-Palestinian protesters" in Philadelphia does not outweigh the city);
    a neighbour ("near the border with neighbouring Mali") counts a quarter; the first 300
    characters (headline and lead) count double."""
    counts: dict[str, float] = {}
    for t in toponyms:
        if t.place is None or not t.place.country or t.kind not in ("place", "demonym"):
            continue
        w = 1.0 if t.kind == "place" else 0.5
        if _NEIGHBOUR.search(text[max(0, t.start - 30) : t.start]):
            w *= 0.25
        if t.start < 300:
            w *= 2
        counts[t.place.country] = counts.get(t.place.country, 0) + w
    return max(counts, key=lambda c: counts[c]) if counts else None


def event_places(text: str, places: list[Toponym], trigger: Any = None) -> list[Toponym]:
    """The places a sentence says its event happened at: the best-scored place for the trigger
    (sitrep.gazetteer.event_place) with the list it belongs to, before or after it ("Yarmouk and
    the neighbourhoods of X and Y"); admin areas written after a place ("in Pirque (Cochabamba)",
    "Mayadeen, eastern Syria") are context, not further places."""
    from sitrep.gazetteer import event_place

    if not places:
        return []
    anchor = (trigger.start, trigger.end) if trigger is not None else None
    coded = next((t for t in places if _CODED_AS.search(text, max(0, t.start - 14), t.start)), None)
    if coded is not None:
        return [coded]  # a coder's note says where it coded the event: "(coded as Kelbo)"
    best = _finer_inside(text, places, event_place(text, places, anchor) or places[0], anchor)
    i = places.index(best)
    while i > 0 and _listed(text, places[i - 1], places[i]):
        i -= 1  # the list the best place belongs to starts earlier
    chosen = [places[i]]
    if _BORDER.search(text, max(0, places[i].start - 30), places[i].start):
        return chosen  # "along the border of X and Y districts": one place on the line between them
    for t in places[i + 1 :]:
        plural = _PLURAL_AREA.match(text, t.end)  # "in Idlib and Aleppo provinces": areas of one list
        gapped = _GAPPED_PLACE.fullmatch(text, chosen[-1].end, t.start)  # "three in X, and seven in Y"
        if not (_listed(text, chosen[-1], t) or gapped) or (_is_context(chosen[0], t) and not (plural or gapped)):
            break
        chosen.append(t)
    return chosen


# the next place of a count whose verb a coordinated clause leaves out: "... in Kafranbel, and seven
# including a girl in the town of Tal Hawash"
_GAPPED_PLACE = re.compile(
    r",?\s+and\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens)\s+"
    rf"(?:(?:others?|more)\s+)?{INCLUDING}{PLACE_PREP}\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|adjacent)\s+)?"
    r"(?:(?:town|village|city|province)\s+of\s+)?",
    re.IGNORECASE,
)


_PLURAL_AREA = re.compile(r"(?:\s*,\s*(?:and\s+)?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?|,?\s+and\s+[A-Z][\w'’-]*"
                          r"(?:\s[A-Z][\w'’-]*)?)*\s+(?:provinces|governorates|states|regions|districts|counties|oblasts)\b")
_BORDER = re.compile(r"\bborders?\s+(?:of|between)\s+(?:the\s+)?$", re.IGNORECASE)
_IN_TOWN = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?$", re.IGNORECASE)
# what follows "a day after", "weeks since" is the recalled event: its dates and places are not this one's
_RECALLED = re.compile(r"\b(?:days?|weeks?|months?)\s+(?:after|since)\b", re.IGNORECASE)
_HOURS_AFTER = re.compile(r"\bhours\s+after\b", re.IGNORECASE)
_PHRASE_END = re.compile(r"[,;:(]|\s[-–—]\s")


def _recalled(text: str, s: int, e: int, trigs: list[Trigger]) -> tuple[int, int] | None:
    """The words of clause text[s:e] that tell an earlier event it is dated against, or None.

    After the news ("The attack came a day after air strikes killed 26", "19 were killed ... hours after a
    gas attack in Khan Sheikhun"): the rest of the clause. Before it ("Two days after the truce collapsed,
    gunmen killed 5"): the phrase up to its comma. With no news outside, the whole phrase is recalled
    ("The reports come a day after 100 were killed")."""
    recall = _RECALLED.search(text, s, e)
    hours = _HOURS_AFTER.search(text, s, e)
    if recall is None and hours is not None and any(t.start < hours.start() for t in trigs):
        recall = hours  # ("This comes hours after police used tear gas on ...": the recalled act is the news)
    if recall is None:
        return None
    if any(t.start < recall.start() for t in trigs):
        return recall.start(), e
    return recall.start(), _phrase_end(text, recall.end(), e)


def _phrase_end(text: str, start: int, end: int) -> int:
    """Where the phrase opened at ``start`` ends: the next comma, semicolon, colon or dash, else ``end``."""
    m = _PHRASE_END.search(text, start, end)
    return m.start() if m else end
_CODED_AS = re.compile(r"\bcoded\s+(?:as|at|in)\s+$", re.IGNORECASE)


def _finer_inside(text: str, places: list[Toponym], best: Toponym, anchor: tuple[int, int] | None) -> Toponym:
    """ACLED codes the most specific place: "protests in Thanjavur district of Tamil Nadu" or
    "clashes in Tamil Nadu, in Thanjavur" happened in the town, not the province. A province or
    district chosen as the event place gives way to a town the clause names inside it (not one
    that is only a start or end of a movement, "fled from X to Y", or named in passing, "Diyala
    province, of which Baquba is the capital")."""
    from sitrep.gazetteer.eventplace import cues, event_place_scores

    area = best.place
    if area is None or area.feature_class != "A" or area.feature_code.startswith("PCL"):
        return best

    def inside(t: Toponym) -> bool:
        p = t.place
        if t is best or p is None or p.feature_class != "P" or p.iso2 != area.iso2 or p.admin1 != area.admin1:
            return False
        return area.feature_code == "ADM1" or (bool(area.admin2) and p.admin2 == area.admin2)

    for t, _ in event_place_scores(text, places, anchor):
        cue = cues(text, t, places, anchor)
        if inside(t) and cue["locative"] and not cue["from_to"]:
            return t
        in_area = t.place is None or t.place.admin1 == area.admin1
        if t.unlisted and cue["of"] and area.feature_code == "ADM1" and in_area:
            return t  # "the Aleppo province village of Al-Tukhar": a village the gazetteer lacks, in the province
    return best


def _is_context(anchor: Toponym, t: Toponym) -> bool:
    """True when ``t`` names the admin area the anchor lies in."""
    if anchor.place is None or t.place is None or t.unlisted:
        return False  # a village the gazetteer lacks names no admin area
    name = t.place.name.casefold()
    return t.place.feature_class == "A" or name in (anchor.place.admin1.casefold(), anchor.place.admin2.casefold())


_DEFAULT: Extractor | None = None


def default_extractor() -> Extractor:
    """The process-wide extractor used by the convenience functions (loaded on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor().initialize()
    return _DEFAULT


def extract_article(article: Article) -> list[Event]:
    return default_extractor().extract_article(article)


def extract(text: str, published: Any = None, country: str | None = None) -> list[Event]:
    """Events reported in ``text``. Raises InputError for empty, binary or non-English text."""
    art = Article(id="text", text=text, published=as_date(published), country=country)
    return extract_article(art)
