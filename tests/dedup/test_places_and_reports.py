"""Places of different precision, the report's own sentences, re-mentions inside a report, no chaining."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tests.store.factories import make_article, make_event

from sitrep.dedup import DedupConfig, cluster, context_of, deduplicate, record_of
from sitrep.dedup.names import fold
from sitrep.dedup.records import place_kind
from sitrep.dedup.run import dedup_full, dedup_incremental
from sitrep.dedup.score import geo_similarity
from sitrep.model.records import Event, Evidence
from sitrep.store import Store

CFG = DedupConfig()


def ev(geo_precision: int = 1, **kw: Any) -> Event:
    return replace(make_event(**kw), geo_precision=geo_precision)


@pytest.mark.parametrize(("kw", "kind"), [
    ({"location": "Ariha", "admin1": "Idleb"}, "point"),
    ({"location": "Ariha", "admin1": "Idleb", "geo_precision": 2}, "point"),
    ({"location": "Idlib", "admin1": "Idleb"}, "region"),  # a town named like its province
    ({"location": "Idleb", "admin1": "Idleb", "geo_precision": 3}, "region"),
    ({"location": "Syria", "lat": 35.0, "lon": 38.0, "geo_precision": 3}, "country"),
    ({"location": "Somewhere", "geo_precision": 3}, "country"),  # no admin1 to place it in
    ({"location": "Ariha", "lat": None, "lon": None}, "name"),
])
def test_place_kind(kw: dict, kind: str) -> None:
    assert place_kind(ev(**kw)) == kind


def test_fold_spelling_variants() -> None:
    assert fold("Khān Shaykhūn") == "khanshaykhun" and fold(" Ariha ") == "ariha"


@pytest.mark.parametrize(("a_kw", "b_kw", "expected"), [
    ({}, {"lat": 35.811, "lon": 36.611}, 1.0),  # the same town
    ({}, {"location": "Syria", "lat": 35.0, "lon": 38.0, "geo_precision": 3}, 0.1),  # country-wide
    ({}, {"location": "Idleb", "lat": 35.93, "lon": 36.63, "geo_precision": 3}, 0.3),  # its province
    ({}, {"location": "Aleppo", "admin1": "Aleppo", "lat": 36.2, "lon": 37.15, "geo_precision": 3}, 0.0),
    ({}, {"location": "Saraqib", "lat": 35.86, "lon": 36.80}, None),  # 18 km: some, less than the same town
    ({}, {"location": "Aleppo", "lat": 36.2, "lon": 37.15}, 0.0),  # 60 km
    ({"location": "Douma", "admin1": "Rif Dimashq", "lat": 33.57, "lon": 36.40},
     {"location": "Damascus", "admin1": "Damascus", "lat": 33.51, "lon": 36.29}, 0.3),  # a suburb over the line
    ({"location": "Eastern Ghouta", "admin1": "Rif Dimashq", "lat": 33.55, "lon": 36.45, "geo_precision": 3},
     {"location": "Damascus", "admin1": "Damascus", "lat": 33.51, "lon": 36.29}, 0.3),
    ({"location": "Hama", "admin1": "Hama", "lat": 35.13, "lon": 36.76, "geo_precision": 3},
     {"location": "Damascus", "admin1": "Damascus", "lat": 33.51, "lon": 36.29}, 0.0),  # another province, far
])
def test_geo_similarity_by_precision(a_kw: dict, b_kw: dict, expected: float | None) -> None:
    a = record_of(ev(**{"admin1": "Idleb", **a_kw}), "a", "r1")
    b = record_of(ev(**{"admin1": "Idleb", **b_kw}), "b", "r2")
    got = geo_similarity(a, b, CFG)
    assert got == geo_similarity(b, a, CFG)
    if expected is None:
        assert 0.0 < got < 1.0
    else:
        assert got == pytest.approx(expected)


def test_context_is_the_evidence_sentences_in_order() -> None:
    text = "Opening line. Shells hit the Ariha market on Monday. Unrelated talk. Nine people died."
    e = make_event()
    e.evidence = [Evidence("fatalities", "Nine", text.index("Nine"), text.index("Nine") + 4),
                  Evidence("location", "Ariha", text.index("Ariha"), text.index("Ariha") + 5)]
    assert context_of(e, text) == "Shells hit the Ariha market on Monday. Nine people died."
    assert context_of(e, "") == "" and context_of(e, text, limit=1) == "Shells hit the Ariha market on Monday."
    rec = record_of(e, "k", "r1", text=text, title="Market shelled")
    assert rec.notes.startswith("Market shelled ") and "Nine people died." in rec.notes


def test_the_title_is_the_text_of_events_told_in_the_lead_only() -> None:
    text = "Shells hit the Ariha market on Monday. " + "Background. " * 60 + "Gunmen killed two men in Sarmin."
    lead, later = make_event(notes=""), make_event(notes="")
    lead.evidence = [Evidence("location", "Ariha", text.index("Ariha"), text.index("Ariha") + 5)]
    later.evidence = [Evidence("location", "Sarmin", text.index("Sarmin"), text.index("Sarmin") + 6)]
    assert record_of(lead, "a", "r1", text=text, title="Market shelled").notes.startswith("Market shelled")
    assert "Market" not in record_of(later, "b", "r1", text=text, title="Market shelled").notes


def test_titles_and_sentences_bring_reports_together() -> None:
    """Without notes the two reports (town / province) fall short; their titles and sentences bring them together."""
    a = ev(notes="", admin1="Idleb", actor1="", actor2="")
    b = ev(notes="", location="Idleb", admin1="Idleb", lat=35.93, lon=36.63,
           geo_precision=3, actor1="", actor2="")
    others = [ev(notes=f"Shelling by Military Forces of Syria in {p}.", location=p, admin1="Idleb", lat=35.8 + k / 10,
                 lon=36.6, date=f"2024-04-{10 * k + 1:02d}") for k, p in enumerate(["Binnish", "Sarmin", "Taftanaz"])]
    texts = ["Shells struck the vegetable market of Ariha, killing a baker.", "A baker died when shells struck the "
             "vegetable market in the Ariha area of Idlib.", "", "", ""]
    titles = ["Ariha vegetable market shelled, baker killed", "Baker killed as shells hit Ariha vegetable market",
              "", "", ""]
    for e, t in zip([a, b], texts, strict=False):
        e.evidence = [Evidence("location", "Ariha", t.index("Ariha"), t.index("Ariha") + 5)]
    events = [a, b, *others]
    keys, docs = [f"k{i}" for i in range(5)], [f"d{i}" for i in range(5)]
    assert len(deduplicate(events, keys, docs)) == 5  # place, day and type alone: not enough
    merged = deduplicate(events, keys, docs, texts=texts, titles=titles)
    assert {frozenset(c.member_keys) for c in merged} >= {frozenset({"k0", "k1"})}


def test_country_wide_re_mention_joins_the_one_precise_event_of_its_report() -> None:
    precise = record_of(ev(sub="Air/drone strike"), "a1", "r1")
    vague = record_of(ev(location="Syria", lat=35.0, lon=38.0, geo_precision=3, sub="Air/drone strike"), "a2", "r1")
    other = record_of(ev(location="Homs", admin1="Homs", lat=34.73, lon=36.71, sub="Armed clash",
                         etype="Battles"), "a3", "r1")
    assert sorted(map(sorted, cluster([precise, vague]))) == [[0, 1]]
    # two precise candidates: the closer type (same sub-event type) wins
    assert sorted(map(sorted, cluster([precise, vague, other]))) == [[0, 1], [2]]
    twin = record_of(ev(sub="Air/drone strike", location="Homs", admin1="Homs", lat=34.73, lon=36.71), "a4", "r1")
    assert sorted(map(sorted, cluster([precise, vague, twin]))) == [[0], [1], [2]]  # ambiguous: left alone


def test_average_link_stops_a_chain_through_a_vague_report() -> None:
    """Two Ariha reports and a country-wide one agree; a Homs report that only the vague one resembles stays out."""
    words = "Shelling of the vegetable market in Ariha"
    recs = [record_of(ev(notes=words), "a1", "r1"), record_of(ev(notes=words, lat=35.812), "a2", "r2"),
            record_of(ev(notes=words, location="Syria", lat=35.0, lon=38.0, geo_precision=3), "v", "r3"),
            record_of(ev(notes=words.replace("Ariha", "Homs"), location="Homs", admin1="Homs", lat=34.73,
                         lon=36.71), "h", "r4")]
    assert sorted(map(sorted, cluster(recs, CFG))) == [[0, 1, 2], [3]]
    # Homs is ruled out by the Ariha reports (places apart): no threshold lets it in
    assert sorted(map(sorted, cluster(recs, replace(CFG, link_threshold=0.0)))) == [[0, 1, 2], [3]]


def test_incremental_joins_across_types_of_one_family(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 's.db'}").open() as store:
        store.add_document(make_article("a", "Report A.", "Outlet A"), [make_event()])
        store.add_document(make_article("b", "Report B.", "Outlet B"), [make_event()])
        store.add_document(make_article("x", "Report X.", "Outlet X"), [make_event(date="2024-06-01")])
        dedup_full(store)
        store.add_document(make_article("c", "Report C.", "Outlet C"),
                           [make_event(etype="Violence against civilians", sub="Attack")])
        summary = dedup_incremental(store)
        assert summary.mode == "incremental"
        assert store.stats()["canonical_events"] == 2


@pytest.mark.parametrize(("b_kw", "siblings"), [
    ({"date": "2024-03-02"}, True),  # the toll update's day, same town
    ({"date": "2024-03-03"}, True),  # still inside the date window
    ({"date": "2024-03-04"}, False),  # outside the window
    ({}, False),  # same day, equally precise: the unit rule split them on purpose
    ({"location": "Tell Ahmar", "geo_precision": 2}, True),  # a village the gazetteer lacks, put at the town
    ({"location": "Kafr Nabl", "lat": 35.61, "lon": 36.56}, False),  # another town of that day
    ({"location": "Idlib", "admin1": "Idleb", "lat": 35.93, "lon": 36.63}, True),  # same day, the province
    ({"date": "2024-03-02", "location": "Homs", "admin1": "Homs", "lat": 34.73, "lon": 36.71}, False),  # elsewhere
    ({"date": "2024-03-02", "sub": "Peaceful protest", "etype": "Protests"}, False),  # another family
])
def test_report_siblings(b_kw: dict, siblings: bool) -> None:
    from sitrep.dedup.cluster import report_siblings

    a = record_of(ev(admin1="Idleb"), "a1", "r1")
    b = record_of(ev(**{"admin1": "Idleb", **b_kw}), "a2", "r1")
    assert report_siblings(a, b, CFG) is siblings
    assert report_siblings(b, a, CFG) is siblings


def test_one_incident_told_twice_by_a_report_joins_one_cluster() -> None:
    """Report r1 gives the attack (1 March) and its toll update (2 March) as two events; r2 and r3
    report the same attack dated 1 and 2 March. All four are one incident; without report siblings
    r1's two events are held apart and split the others between them."""
    words = "Shelling of the vegetable market in Ariha kills nine"
    recs = [record_of(ev(notes=words), "a1", "r1"), record_of(ev(notes=words, date="2024-03-02"), "a2", "r1"),
            record_of(ev(notes=words, lat=35.812), "b", "r2"),
            record_of(ev(notes=words, date="2024-03-02", lat=35.813), "c", "r3")]
    assert sorted(map(sorted, cluster(recs, CFG))) == [[0, 1, 2, 3]]
    apart = cluster(recs, replace(CFG, report_siblings=False))
    assert len(apart) == 2 and all(len({recs[i].doc for i in g}) == len(g) for g in apart)


def test_report_siblings_do_not_join_two_strikes_of_one_day() -> None:
    """r1 reports strikes on Ariha and on Idlib city the same day; r2 reports both too: two clusters."""
    ariha = "Air strike on the vegetable market in Ariha"
    city = "Air strike on the bakery in Idlib city"
    recs = [record_of(ev(notes=ariha), "a1", "r1"),
            record_of(ev(notes=city, location="Idlib City", lat=35.93, lon=36.63), "a2", "r1"),
            record_of(ev(notes=ariha, lat=35.812), "b1", "r2"),
            record_of(ev(notes=city, location="Idlib City", lat=35.931, lon=36.631), "b2", "r2")]
    assert sorted(map(sorted, cluster(recs, CFG))) == [[0, 2], [1, 3]]


def test_a_vaguer_event_of_another_type_is_no_re_mention() -> None:
    precise = record_of(ev(sub="Non-state actor overtakes territory", etype="Battles"), "a1", "r1")
    vague = record_of(ev(location="Syria", lat=35.0, lon=38.0, geo_precision=3, sub="Attack",
                         etype="Violence against civilians"), "a2", "r1")
    assert sorted(map(sorted, cluster([precise, vague]))) == [[0], [1]]


def _dated(event: Event) -> Event:
    event.evidence.append(Evidence(field="event_date", quote="on Tuesday", start=0, end=10))
    return event


@pytest.mark.parametrize(("b_kw", "apart"), [
    ({"date": "2024-03-02", "dated": True}, True),  # both name the town and the day: another day, another event
    ({"date": "2024-03-02", "dated": False}, False),  # r2's day is only its publication: the window holds
    ({"date": "2024-03-02", "dated": True, "location": "Idlib", "admin1": "Idleb", "lat": 35.93, "lon": 36.63,
      "geo_precision": 3}, False),  # r2 knows only the province: a night apart, it may be Ariha's incident
    ({"date": "2024-03-03", "dated": True, "location": "Idlib", "admin1": "Idleb", "lat": 35.93, "lon": 36.63},
     True),  # two stated days apart: more than a night between them
    ({"dated": True}, False),  # the same day
    ({"date": "2024-03-02", "dated": True, "location": "Kafr Zorvak", "geo_precision": 2}, True),  # another village
    ({"date": "2024-03-02", "dated": True, "geo_precision": 2}, False),  # Ariha again, only near: a night apart
    ({"date": "2024-03-02", "dated": True, "location": "Idlib", "admin1": "Idleb", "lat": 35.93, "lon": 36.63},
     True),  # the city named like the province, another day: another place's event
])
def test_two_reports_naming_the_town_and_other_days_are_told_apart(b_kw: dict, apart: bool) -> None:
    from sitrep.dedup.score import pair_score, told_apart

    dated = b_kw.pop("dated")
    a = record_of(_dated(ev(admin1="Idleb")), "a", "r1")
    b_event = ev(**{"admin1": "Idleb", **b_kw})
    b = record_of(_dated(b_event) if dated else b_event, "b", "r2")
    assert (bool(a.day != b.day) and told_apart(a, b)) is apart
    assert (pair_score(a, b, CFG) == 0.0) is apart


@pytest.mark.parametrize(("b_precision", "apart"), [(1, True), (2, False)])
def test_the_city_named_like_its_province_on_other_stated_days_is_two_events(b_precision: int, apart: bool) -> None:
    from sitrep.dedup.score import told_apart

    city = {"location": "Idlib", "admin1": "Idleb", "lat": 35.93, "lon": 36.63}
    a = record_of(_dated(ev(**city)), "a", "r1")
    b = record_of(_dated(ev(**city, date="2024-03-02", geo_precision=b_precision)), "b", "r2")
    assert a.kind == b.kind == "region"  # the kind that once kept every Aleppo or Idlib city pair in one window
    assert told_apart(a, b) is apart


def test_a_pair_ruled_out_keeps_two_clusters_apart_whatever_the_average() -> None:
    """r1 and r2 name Ariha on 1 and 2 March: two events. A province-wide r3 resembles both; it may join one
    of them, but the two never end in one cluster through it."""
    words = "Barrel bombs on the vegetable market in Ariha kill nine"
    recs = [record_of(_dated(ev(notes=words)), "a", "r1"),
            record_of(_dated(ev(notes=words, date="2024-03-02", lat=35.812)), "b", "r2"),
            record_of(ev(notes=words, location="Idlib", admin1="Idleb", lat=35.93, lon=36.63, geo_precision=3),
                      "c", "r3")]
    groups = cluster(recs, replace(CFG, link_threshold=0.0))
    assert not any({0, 1} <= set(g) for g in groups)


def test_two_days_a_report_states_are_no_siblings() -> None:
    """"Ten died in Ariha on Tuesday ... 26 were also killed there yesterday": the report tells two incidents."""
    from sitrep.dedup.cluster import report_siblings

    a = record_of(_dated(ev(admin1="Idleb")), "a1", "r1")
    b = record_of(_dated(ev(admin1="Idleb", date="2024-03-02")), "a2", "r1")
    assert not report_siblings(a, b, CFG)
    assert report_siblings(a, record_of(ev(admin1="Idleb", date="2024-03-02"), "a3", "r1"), CFG)  # inferred day


@pytest.mark.parametrize(("tolls", "apart"), [
    ((15, 3), True), ((2, 10), True),
    ((1, 4), False),  # small counts: one report may count only the children
    ((58, 100), False), ((75, 22), False),  # a toll that grew between reports
    ((0, 12), False),  # one report gives no toll
])
def test_tolls_far_apart_weigh_against_one_incident(tolls: tuple[int, int], apart: bool) -> None:
    from sitrep.dedup.score import pair_score, tolls_apart

    a = record_of(ev(fatalities=tolls[0]), "a", "r1")
    b = record_of(ev(fatalities=tolls[1]), "b", "r2")
    assert tolls_apart(a, b) is apart
    same = record_of(ev(fatalities=tolls[0]), "c", "r3")
    assert (pair_score(a, b, CFG) < pair_score(a, same, CFG)) is apart


def test_an_air_strike_and_a_ground_clash_weigh_against_one_incident() -> None:
    from sitrep.dedup.score import pair_score

    strike = record_of(ev(sub="Air/drone strike"), "a", "r1")
    clash = record_of(ev(sub="Armed clash", etype="Battles"), "b", "r2")
    attack = record_of(ev(sub="Attack", etype="Violence against civilians"), "c", "r3")
    assert pair_score(strike, clash, CFG) < pair_score(strike, attack, CFG)


@pytest.mark.parametrize(("text", "compatible"), [
    ("Aleppo city was bombed on Monday.", False),  # the report means the city: Manbij, 80 km off, is elsewhere
    ("Jets hit neighbourhoods of Aleppo on Monday.", False),
    ("Aleppo was bombed on Monday.", True),  # a bare name may be the province, which holds Manbij
])
def test_a_city_named_like_its_province_is_the_city_when_the_report_says_so(text: str, compatible: bool) -> None:
    city = ev(location="Aleppo", admin1="Aleppo", lat=36.20, lon=37.16)
    city.evidence = [Evidence("location", "Aleppo", text.index("Aleppo"), text.index("Aleppo") + 6)]
    manbij = ev(location="Manbij", admin1="Aleppo", lat=36.53, lon=37.95)
    a, b = record_of(city, "a", "r1", text=text), record_of(manbij, "b", "r2")
    assert a.kind == "region" and a.town is not compatible
    assert (geo_similarity(a, b, CFG) > 0) is compatible


@pytest.mark.parametrize(("stated", "apart"), [("2024-03-03", True), ("2024-03-02", False), ("2024-02-29", False)])
def test_a_report_cannot_tell_an_incident_two_days_after_it_came_out(stated: str, apart: bool) -> None:
    from sitrep.dedup.score import told_before

    undated = record_of(ev(), "a", "r1")  # its day is the day it was published: 2024-03-01
    dated = record_of(_dated(ev(date=stated)), "b", "r2")
    assert told_before(undated, dated) is apart and told_before(dated, undated) is apart


@pytest.mark.parametrize(("b_kw", "apart"), [
    ({"sub": "Air/drone strike", "actor1": "Opposition Rebels (Syria)"}, True),  # another act by another side
    ({"sub": "Air/drone strike", "actor1": "Unidentified Armed Group (Syria)"}, False),  # an unnamed side
    ({"actor1": "Opposition Rebels (Syria)"}, False),  # the same act: one of the reports may name the wrong side
    ({"sub": "Air/drone strike", "actor1": "Civilians (Syria)", "actor2": "Military Forces of Syria (2000-2024)"},
     False),  # the army is in both events
])
def test_other_acts_by_other_named_sides_weigh_against_one_incident(b_kw: dict, apart: bool) -> None:
    from sitrep.dedup.score import other_attackers

    shelling = record_of(ev(), "a", "r1")  # the army's shelling (make_event's default actor1)
    other = record_of(ev(**b_kw), "b", "r2")
    assert other_attackers(shelling, other) is apart and other_attackers(other, shelling) is apart


@pytest.mark.parametrize(("a1", "b1", "apart"), [
    ("Military Forces of Russia (2000-)", "Global Coalition Against Daesh", True),  # two campaigns
    ("Military Forces of the United States (2017-2021)", "Global Coalition Against Daesh", False),  # one
    ("Military Forces of Russia (2000-)", "Military Forces of Syria (2000-2024)", False),  # often the default
])
def test_air_strikes_of_two_foreign_campaigns_are_two_strikes(a1: str, b1: str, apart: bool) -> None:
    from sitrep.dedup.score import pair_score, rival_air_forces

    a = record_of(ev(sub="Air/drone strike", actor1=a1), "a", "r1")
    b = record_of(ev(sub="Air/drone strike", actor1=b1), "b", "r2")
    assert rival_air_forces(a, b) is apart and rival_air_forces(b, a) is apart
    assert (pair_score(a, b, CFG) == 0.0) is apart
