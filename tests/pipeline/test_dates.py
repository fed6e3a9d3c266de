"""Tests for sitrep.pipeline.dates: explicit and relative dates, publication stamps."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.pipeline.dates import find_dates, publication_date

THU = date(2017, 12, 7)  # a Thursday


def _first(text: str, published: date | None = THU) -> tuple[str, int, bool]:
    got = find_dates(text, published)
    assert got, text
    return got[0].value.isoformat(), got[0].precision, got[0].relative


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Fighting broke out on 3 Dec 2017 in the town.", "2017-12-03", 1),
        ("It happened on December 3, 2017.", "2017-12-03", 1),
        ("Logged 2017-12-03 by the monitor.", "2017-12-03", 1),
        ("On 4 February 2022, protesters gathered.", "2022-02-04", 1),
        ("On 12/03/2021 a bomb exploded.", "2021-03-12", 1),
        ("Around 12 April 2022 (as reported), a man was shot.", "2022-04-12", 2),
        ("On or around 5 May 2022, clashes erupted.", "2022-05-05", 2),
        ("On or before 9 June 2021, a body was found.", "2021-06-09", 2),
        ("Between 1 and 3 March 2022, raids continued.", "2022-03-01", 2),
        ("In March 2011 protests began.", "2011-03-15", 3),
        ("IS took the camp in 2015.", "2015-01-01", 4),
        ("Date of publication 9 August 2016 Five died.", "2016-08-09", 1),
    ],
)
def test_explicit(text: str, value: str, precision: int) -> None:
    got = _first(text)
    assert got[:2] == (value, precision)
    assert got[2] is False


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Clashes erupted on 3 December in the north.", "2017-12-03", 1),
        ("He died on the 27th of March.", "2017-03-27", 1),
        ("Rebels attacked on Thursday.", "2017-12-07", 1),
        ("Shelling resumed Thursday evening.", "2017-12-07", 1),
        ("The raid came late Tuesday.", "2017-12-05", 1),
        ("The bombing last Friday killed two.", "2017-12-01", 1),
        ("The bombing last Thursday killed two.", "2017-11-30", 1),
        ("Air strikes overnight hit the port.", "2017-12-06", 1),
        ("Gunmen attacked the village yesterday.", "2017-12-06", 1),
        ("Troops entered the town today.", "2017-12-07", 1),
        ("Protesters marched this morning.", "2017-12-07", 1),
        ("A car bomb exploded two days ago.", "2017-12-05", 1),
        ("He was arrested the previous day.", "2017-12-06", 1),
        ("A mortar hit the school last week.", "2017-11-29", 2),
        ("Gunmen raided two villages over the weekend.", "2017-12-02", 2),
        ("Talks failed earlier this month.", "2017-12-07", 3),
        ("The siege began six months ago.", "2017-06-15", 3),
        ("The ceasefire last month held.", "2017-11-15", 3),
        ("Raids in February and March this year.", "2017-02-15", 3),
    ],
)
def test_relative(text: str, value: str, precision: int) -> None:
    assert _first(text) == (value, precision, True)


def test_february_and_march_this_year_gives_both_months() -> None:
    got = find_dates("Raids in February and March this year.", THU)
    assert [(d.value.isoformat(), d.precision) for d in got] == [("2017-02-15", 3), ("2017-03-15", 3)]


def test_weekday_of_publication_is_that_day_and_never_later() -> None:
    for offset in range(7):
        pub = THU + timedelta(days=offset)
        [d] = find_dates("The attack came on Thursday.", pub)
        assert d.value <= pub and d.value.weekday() == 3 and (pub - d.value).days < 7


def test_a_weekday_possessive_without_its_apostrophe_is_that_day() -> None:
    got = find_dates("Saturdays convoy attack killed 12.", THU)
    assert [d.value.weekday() for d in got] == [5]
    assert find_dates("The market opens on Saturdays only.", THU) == []  # every week, no day


def test_weekday_inside_explicit_date_is_one_mention() -> None:
    got = find_dates("Saturday, 6 Feb 2020 was calm.", THU)
    assert [(d.text, d.value.isoformat()) for d in got] == [("Saturday, 6 Feb 2020", "2020-02-06")]


def test_overnight_after_weekday_is_the_weekday() -> None:
    got = find_dates("Strikes hit Tuesday overnight.", THU)
    assert [d.value.isoformat() for d in got] == ["2017-12-05"]


def test_overnight_before_explicit_date_is_the_date() -> None:
    got = find_dates("Overnight between 24 and 25 March 2020, gunmen attacked.", THU)
    assert [(d.value.isoformat(), d.precision) for d in got] == [("2020-03-24", 2)]


def test_plans_are_not_dates() -> None:
    got = find_dates("Talks resume next Monday after clashes on Monday.", THU)
    assert [(d.text, d.value.isoformat()) for d in got] == [("on Monday", "2017-12-04")]


@pytest.mark.parametrize(
    ("text", "value"),
    [("since mid-November.", "2017-11-15"), ("on Dec. 3 there", "2017-12-03"), ("Sept. 4, 2019", "2019-09-04")],
)
def test_month_forms(text: str, value: str) -> None:
    got = find_dates(text, THU)
    assert got[0].value.isoformat() == value
    assert not got[0].text.endswith(".") or got[0].text.endswith("Sept.") or got[0].text.endswith("Dec.")


def test_relative_needs_publication_date() -> None:
    assert find_dates("Rebels attacked on Thursday, yesterday and last week.", None) == []
    assert [d.value for d in find_dates("Rebels attacked on 3 Dec 2017.", None)] == [date(2017, 12, 3)]


@pytest.mark.parametrize("text", ["may attack", "They march to the square.", "a 2 min read", "He is 25 years old."])
def test_not_dates(text: str) -> None:
    assert find_dates(text, THU) == []


def test_window_offsets() -> None:
    text = "On 1 May 2020 x. On 2 May 2020 y."
    got = find_dates(text, THU, start=16)
    assert [d.value for d in got] == [date(2020, 5, 2)]
    assert text[got[0].start : got[0].end] == got[0].text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("19 April, 2018\nRebels attacked", "2018-04-19"),
        ("Published: 2022-04-22\nText", "2022-04-22"),
        ("Last updated 3 Dec 2017 10:05 GMT\nText", "2017-12-03"),
        ("Updated: December 3, 2017\nText", "2017-12-03"),
        ("Monday 25, December 2017 in 9:49 PM\nText", "2017-12-25"),
        ("Posted 2017\nKABUL, Dec 3 (Reuters) - Taliban fighters", "2017-12-03"),
        ("Last updated at Jun 182016 BEIRUT At least seven people died", "2016-06-18"),  # comma and space lost
        ("01.02.2015 A bus blast in the city centre killed six", "2015-02-01"),  # dotted dates are day first
    ],
)
def test_publication_date(text: str, value: str) -> None:
    got = publication_date(text)
    assert got is not None and got.value.isoformat() == value
    assert text[got.start : got.end] == got.text


@pytest.mark.parametrize("text", ["2 min read\nRebels attacked a town.", "No date here at all.",
                                  "In March 2019 the army"])
def test_no_publication_date(text: str) -> None:
    assert publication_date(text) is None


_PHRASES = [
    "on Monday",
    "late Tuesday",
    "Wednesday night",
    "last Friday",
    "overnight",
    "yesterday",
    "today",
    "last week",
    "earlier this month",
    "six months ago",
    "two days ago",
    "the previous day",
    "on 3 December",
    "last month",
    "in March",
]


@settings(max_examples=80, deadline=None)
@given(
    pub=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    phrase=st.sampled_from(_PHRASES),
    before=st.text(alphabet=st.sampled_from(list("abc xyz,.\n")), max_size=20),
)
def test_property_relative_never_after_publication(pub: date, phrase: str, before: str) -> None:
    text = f"{before} Rebels attacked {phrase}. "
    got = find_dates(text, pub)
    assert got
    for d in got:
        assert text[d.start : d.end] == d.text
        if d.relative:
            assert d.value <= pub


_TOKENS = ["on ", "Monday ", "3 ", "March ", "2019 ", "overnight ", "last week ", "in ", "yesterday ", ", ", ". "]


@settings(max_examples=80, deadline=None)
@given(words=st.lists(st.sampled_from(_TOKENS), max_size=25), lo=st.integers(0, 20), width=st.integers(0, 120))
def test_property_dates_stay_in_window(words: list[str], lo: int, width: int) -> None:
    text = "".join(words)
    for d in find_dates(text, THU, lo, lo + width):
        assert lo <= d.start <= d.end <= lo + width
        assert text[d.start : d.end] == d.text
        assert not d.relative or d.value <= THU


def test_on_is_a_word_of_its_own() -> None:
    [d] = find_dates("Date of publication 9 August 2016 Five died.", THU)
    assert d.text == "9 August 2016"
