"""Invariants of extraction over reports composed from sentences written for these tests."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sitrep

pytestmark = pytest.mark.slow

SENTENCES = [
    "Gunmen killed three villagers in Djibo on Sunday.",
    "Troops shelled rebel positions near Idlib overnight, killing two fighters.",
    "Hundreds of students protested in Nairobi on Monday against fee increases.",
    "Police fired tear gas to disperse rioters who burned tyres in Kisumu.",
    "A roadside bomb struck a bus near Kandahar, killing five civilians and wounding eight.",
    "The group had captured the town in 2015.",
    "Floods killed 20 people in the south last week.",
    "Officials said talks would resume next month.",
    "Meanwhile in Mogadishu, al-Shabaab fighters attacked an army base on Tuesday.",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    picks=st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5),
    published=st.dates(min_value=date(2005, 1, 1), max_value=date(2025, 12, 31)),
    paragraphs=st.booleans(),
)
def test_evidence_slices_back_and_dates_never_follow_publication(
    picks: list[str], published: date, paragraphs: bool
) -> None:
    text = ("\n\n" if paragraphs else " ").join(picks)
    for e in sitrep.extract(text, published=published.isoformat()):
        for ev in e.evidence:
            assert text[ev.start : ev.end] == ev.quote
        assert date.fromisoformat(e.event_date) <= published
        assert date.fromisoformat(e.event_date) >= published - timedelta(days=31)
        assert 0.0 <= e.confidence <= 1.0
        assert e.fatalities >= 0 and e.fatalities_low <= e.fatalities <= max(e.fatalities_high, e.fatalities)
