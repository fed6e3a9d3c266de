from datetime import date

import pytest

from sitrep.model import DateMention
from sitrep.pipeline.mentions import Mention, event_date, is_background, is_irrealis
from sitrep.pipeline.triggers import Trigger, TriggerFinder

PUB = date(2018, 4, 19)


def sentence_mention(sentence: str) -> Mention:
    """One sentence as a dated mention with a generic violence trigger."""
    return Mention(0, len(sentence), 0, [Trigger(0, 1, "x", "violence")], date=DateMention(0, 1, "x", date(2020, 1, 1)))


def trig(text: str, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in TriggerFinder().initialize().find(text) if t.text == word)


def dm(text: str, value: date, precision: int = 1) -> DateMention:
    return DateMention(0, len(text), text, value, precision)


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("The army threatened to storm the town.", "storm", False),
        ("Rebels vowed to attack the base.", "attack", True),
        ("Troops could launch an offensive soon.", "offensive", True),
        ("No one was killed in the blast.", "killed", True),
        ("Troops shelled the town.", "shelled", False),
        ("The opposition may protest next week.", "protest", True),
        ("Thousands staged a May Day protest in the capital.", "protest", False),
    ],
)
def test_irrealis(sentence: str, word: str, expected: bool) -> None:
    try:
        t = trig(sentence, word)
    except StopIteration:
        assert not expected
        return
    assert is_irrealis(sentence, t, 0) is expected


def test_pluperfect_is_background() -> None:
    s = "The camp had been captured by the group."
    assert is_background([], PUB, s, trig(s, "captured"), 0)


def test_old_dates_are_background() -> None:
    s = "The group captured the camp in 2015."
    assert is_background([dm("in 2015", date(2015, 1, 1), 4)], PUB, s, trig(s, "captured"), 0)


def test_the_when_clause_of_an_old_date_is_background() -> None:
    s = "On Wednesday a report said the war has raged since early 2011, when the army shelled the town."
    at = s.index("since early 2011")
    old = DateMention(at, at + 16, "since early 2011", date(2011, 1, 1), 4)
    fresh = DateMention(0, 12, "On Wednesday", date(2018, 4, 18), 1)
    assert is_background([fresh, old], PUB, s, trig(s, "shelled"), 0)
    assert not is_background([fresh], PUB, s, trig(s, "shelled"), 0)


def test_recent_date_is_news() -> None:
    s = "The group captured the camp on Wednesday."
    assert not is_background([dm("on Wednesday", date(2018, 4, 18))], PUB, s, trig(s, "captured"), 0)


def test_event_date_skips_month_and_future() -> None:
    dates = [
        dm("in March", date(2018, 3, 1), 3),
        dm("on 20 April", date(2018, 4, 20)),
        dm("Wednesday", date(2018, 4, 18)),
    ]
    chosen = event_date(dates, PUB)
    assert chosen is not None and chosen.value == date(2018, 4, 18)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("RFA called for comment on the attack.", True), ("Gunmen attacked a bus.", False),
     ("Saturday's blast hit a convoy.", True), ("Saturdays blast hit a convoy.", True)],  # apostrophe lost in a copy
)
def test_referential_triggers(sentence: str, expected: bool) -> None:
    from sitrep.pipeline.mentions import is_referential

    trigs = TriggerFinder().initialize().find(sentence)
    assert is_referential(sentence, trigs) is expected


def test_statement_date_is_not_the_event_date() -> None:
    s = "Twenty attackers were killed, the army said in a statement on Monday."
    d = DateMention(s.index("on Monday"), len(s) - 1, "on Monday", date(2018, 4, 16))
    assert event_date([d], PUB, s) is None
    assert event_date([d], PUB) == d


@pytest.mark.parametrize(("sentence", "expected"), [
    ("In another incident in the province, two police were killed.", True),
    ("Separately, gunmen killed a trader.", True),
    ("And in a separate attack, a bomb exploded.", True),
    ("a separate attack on a bus left one civilian dead.", True),
    ("In the deadliest attack, militants killed three people.", False),
])
def test_separate_incidents(sentence: str, expected: bool) -> None:
    from sitrep.pipeline.mentions import is_separate

    assert is_separate(sentence, 0) is expected


@pytest.mark.parametrize(("sentence", "places", "expected"), [
    ("Attacks in two neighbouring provinces killed five policemen.", False, True),
    ("Bomb and gun attacks across Iraq on Sunday killed six people.", False, True),
    ("Bomb and gun attacks across Iraq on Sunday killed six people.", True, False),  # it names its place
    ("Police killed 12 protesters at two locations in Lagos.", True, True),
    ("A sixth policeman died in a gunbattle in another province.", False, True),
    ("A bomb killed five policemen in the city.", False, False),
])
def test_sentence_over_several_incidents(sentence: str, places: bool, expected: bool) -> None:
    from sitrep.model import Place, Toponym
    from sitrep.pipeline.mentions import is_spread

    m = sentence_mention(sentence)
    if places:
        m.places = [Toponym(0, 1, "X", Place("X", 1, 1, "Iraq"))]
    assert is_spread(sentence, m) is expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The group claimed to have conducted 24 attacks from April 7 to April 13, killing 31.", True),
    ("Overnight between 24 and 25 March, militiamen abducted a man.", False),
    ("Militants attacked a post on 7 April, killing 2.", False),
    ("Jets conducted 5 air raids on the district on Monday.", False),
    ("More than 2,000 people have been killed in the region since 2015.", True),
    ("Since January, gunmen killed 40 people in the county.", True),
    ("A group protested outside the court for the leader, arrested for the third time since November.", False),
    ("A mob stoned the office over a power cut since three days.", False),
    ("Rebel bombardment of the city killed 84 people in three days, the army said.", True),
    ("Militants carried out the second attack in two days in the town, killing one.", False),
])
def test_totals_over_days_are_summaries(sentence: str, expected: bool) -> None:
    from sitrep.pipeline.mentions import is_summary

    m = sentence_mention(sentence)
    m.date = None  # undated: only the sentence's words decide
    assert is_summary(sentence, m) is expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Some 120 fighters were killed in a series of air strikes over the past 24 hours, the ministry said.", True),
    ("At least 79 civilians were killed in the province over the last 48 hours by air strikes.", True),
    ("Jets carried out 468 sorties against targets in six provinces during past week, a source said.", True),
    ("Over 500 civilians were killed in one week of bombing on the city, the monitor said.", True),
    ("Jets killed 12 people in the town on Monday, the deadliest raid in the past week.", False),
])
def test_a_count_over_a_period_up_to_the_report_is_a_summary_even_when_dated(sentence: str, expected: bool) -> None:
    from sitrep.pipeline.mentions import is_summary

    assert is_summary(sentence, sentence_mention(sentence)) is expected


def test_a_sentence_dated_to_its_day_is_news_whatever_period_it_mentions() -> None:
    from sitrep.pipeline.mentions import is_summary

    sentence = "On 2 May 2022, disabled persons staged a protest demanding a pension of Rs 10,000 per month."
    assert not is_summary(sentence, sentence_mention(sentence))
    span = "The group claimed 24 attacks from April 7 to April 13."
    assert is_summary(span, sentence_mention(span))


@pytest.mark.parametrize(("sentence", "dated"), [
    ("The army said on Monday that rebels were killed.", False),   # the day of the statement
    ("The militia said the Sunday air raid lasted an hour.", True),  # the day of the raid
    ("Officials said that on Sunday gunmen attacked a bus.", True),
])
def test_a_date_after_a_speech_verb(sentence: str, dated: bool) -> None:
    word = "Monday" if "Monday" in sentence else "Sunday"
    i = sentence.index(word)
    d = DateMention(i, i + len(word), word, date(2018, 4, 16), relative=True)
    assert (event_date([d], PUB, sentence) is not None) is dated


@pytest.mark.parametrize(("sentence", "adds"), [
    ("At least ten troops were killed and more than a dozen others were injured.", False),
    ("Thirteen fighters were also killed.", True),
    ("Another five people died in the blast.", True),
    ("Two other soldiers were killed.", True),
    ("An earlier death toll reported 15 people killed but three more died of their wounds.", False),
])
def test_a_count_adds_only_when_its_own_words_say_so(sentence: str, adds: bool) -> None:
    from sitrep.pipeline.fatalities import find_casualties
    from sitrep.pipeline.mentions import says_also

    m = sentence_mention(sentence)
    m.casualties = find_casualties(sentence, 0, len(sentence))
    assert says_also(sentence, m) is adds


def test_a_definite_subject_with_its_own_death_count_tells_news() -> None:
    from sitrep.pipeline.mentions import is_referential

    text = "The attackers killed five civilians."
    trig = Trigger(text.index("killed"), text.index("killed") + 6, "killed", "violence")
    assert is_referential(text, [trig])
    assert not is_referential(text, [trig], counted=True)


def test_statement_date_is_the_day_the_source_spoke() -> None:
    from sitrep.pipeline.mentions import statement_date

    s = "The agency said on Monday that it killed four fighters."
    d = DateMention(s.index("on Monday"), s.index(" that"), "on Monday", date(2018, 4, 16))
    assert statement_date([d], PUB, s) == d
    news = "Gunmen killed four fighters on Monday."
    own = DateMention(news.index("on Monday"), len(news) - 1, "on Monday", date(2018, 4, 16))
    assert statement_date([own], PUB, news) is None


def test_over_the_weekend_dates_the_event_but_last_weekend_points_back() -> None:
    from sitrep.pipeline.dates import find_dates
    from sitrep.pipeline.mentions import event_date

    wed = date(2024, 3, 6)
    over = "Gunmen raided two villages over the weekend."
    last = "The ceasefire last weekend held."
    assert event_date(find_dates(over, wed), wed, over) is not None
    assert event_date(find_dates(last, wed), wed, last) is None
