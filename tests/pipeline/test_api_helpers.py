import pytest

from sitrep.gazetteer import event_place
from sitrep.model import Place, Toponym
from sitrep.pipeline.api import clauses, event_places


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        ("Two died in Herat while in Farah three were killed.", ["Two died in Herat", "in Farah three were killed."]),
        ("He was killed while praying.", ["He was killed while praying."]),
        ("Troops shelled Idlib; rebels hit Hama.", ["Troops shelled Idlib", "rebels hit Hama."]),
        ("Jets killed 18 in Hais, while shelling left 35 others dead nearby.",
         ["Jets killed 18 in Hais", "shelling left 35 others dead nearby."]),
        ("Police killed two men, while others fled.", ["Police killed two men, while others fled."]),
        ("A jet hit Binnish on Saturday, where a car bomb killed nine on Tuesday.",
         ["A jet hit Binnish on Saturday", "a car bomb killed nine on Tuesday."]),
        ("A jet hit Binnish on Saturday, the site of a gas attack last week.",
         ["A jet hit Binnish on Saturday", "a gas attack last week."]),
        ("A jet hit Binnish on Saturday site of a gas attack last week.",
         ["A jet hit Binnish on Saturday", "a gas attack last week."]),
        ("Gunmen killed five people in Binnish and a roadside bomb killed three soldiers near Ariha.",
         ["Gunmen killed five people in Binnish", "a roadside bomb killed three soldiers near Ariha."]),
        ("Gunmen stormed Binnish and killed five people.", ["Gunmen stormed Binnish and killed five people."]),
        ("Two were killed and five wounded.", ["Two were killed and five wounded."]),
        ("A jet hit the market on Saturday, where nine people were killed.",
         ["A jet hit the market on Saturday, where nine people were killed."]),
        ("The blast came as rebels pressed on towards Binnish.", ["The blast", "rebels pressed on towards Binnish."]),
    ],
)
def test_clauses(sentence: str, parts: list[str]) -> None:
    assert [sentence[a:b] for a, b in clauses(sentence, 0, len(sentence))] == parts


def tops(text: str, *names: str) -> list[Toponym]:
    out = []
    for i, n in enumerate(names):
        s = text.index(n)
        out.append(Toponym(s, s + len(n), n, Place(n, 33.0 + i / 10, 36.0, "Syria", feature_class="P")))
    return out


def test_a_list_of_places_is_one_event_each() -> None:
    text = "Jets targeted the Yarmouk refugee camp and the neighbourhoods of Hajar al-Aswad and Qadam."
    found = event_places(text, tops(text, "Yarmouk", "Hajar al-Aswad", "Qadam"))
    assert [t.text for t in found] == ["Yarmouk", "Hajar al-Aswad", "Qadam"]


def test_admin_context_is_not_another_place() -> None:
    text = "Protesters gathered in Pirque (Cochabamba) on Monday."
    places = tops(text, "Pirque", "Cochabamba")
    places[1] = Toponym(
        places[1].start,
        places[1].end,
        "Cochabamba",
        Place("Cochabamba", 1, 1, "Bolivia", feature_class="A", feature_code="ADM1"),
    )
    assert [t.text for t in event_places(text, places)] == ["Pirque"]


def test_parallel_clauses_list_their_places() -> None:
    text = "Thirty were injured in Manikganj, 25 including police injured in Sirajganj."
    found = event_places(text, tops(text, "Manikganj", "Sirajganj"))
    assert [t.text for t in found] == ["Manikganj", "Sirajganj"]


def _area(t: Toponym, code: str) -> Toponym:
    return Toponym(t.start, t.end, t.text, Place(t.text, 1, 1, "India", iso2="IN", admin1=t.text,
                                                 feature_class="A", feature_code=code))


def _town(t: Toponym, admin1: str) -> Toponym:
    return Toponym(t.start, t.end, t.text, Place(t.text, 2, 2, "India", iso2="IN", admin1=admin1, feature_class="P"))


def test_a_town_inside_the_chosen_province_is_the_event_place() -> None:
    text = "Workers staged protests at the depots of Kerala State Transport Corporation (KSTC) in Kollam district."
    a, b = tops(text, "Kerala", "Kollam")
    places = [_area(a, "ADM1"), _town(b, "Kerala")]
    trigger = Toponym(text.index("protests"), text.index("protests") + 8, "protests")
    assert event_place(text, places, (trigger.start, trigger.end)) is places[0]  # the scores alone
    assert [t.text for t in event_places(text, places, trigger)] == ["Kollam"]


def test_a_town_named_in_passing_does_not_replace_the_province() -> None:
    text = "In another incident in Diyala province, of which Baquba is the capital, two police were killed."
    a, b = tops(text, "Diyala", "Baquba")
    found = event_places(text, [_area(a, "ADM1"), _town(b, "Diyala")], None)
    assert [t.text for t in found] == ["Diyala"]


def test_a_coders_coded_as_names_the_event_place() -> None:
    text = "Gunmen ambushed a man on the axis Batie-Kpuere (coded as Kpuere at geoprecision 2)."
    places = tops(text, "Batie", "Kpuere")
    places[1] = Toponym(text.rindex("Kpuere"), text.rindex("Kpuere") + 6, "Kpuere", places[1].place)
    assert [t.start for t in event_places(text, places, None)] == [text.rindex("Kpuere")]


def test_a_page_stamp_before_the_metadata_date_is_the_publication() -> None:
    from datetime import date

    from sitrep.pipeline.api import _published

    assert _published(date(2017, 9, 1), date(2017, 4, 4)) == date(2017, 4, 4)  # metadata = crawl day
    assert _published(date(2017, 4, 4), date(2017, 4, 6)) == date(2017, 4, 4)   # a later stamp is an update
    assert _published(None, date(2017, 4, 4)) == date(2017, 4, 4)


def test_a_clause_after_a_comma_is_no_parallel_list_without_its_own_count() -> None:
    text = "Five soldiers from the Corps, Sahelia, were killed after rebels ambushed a patrol in Dorra area."
    places = tops(text, "Sahelia", "Dorra")
    assert [t.text for t in event_places(text, places, None)] in (["Sahelia"], ["Dorra"])
    text2 = "30 were injured in Manikganj, 25 injured in Sirajganj."
    found = event_places(text2, tops(text2, "Manikganj", "Sirajganj"), None)
    assert [t.text for t in found] == ["Manikganj", "Sirajganj"]


def test_a_risen_toll_dates_its_event_the_day_before() -> None:
    from datetime import date

    from sitrep.pipeline.api import _TOLL_UPDATE, _toll_update_day

    text = "The death toll following a suicide explosion in the coastal town of Marka has increased to 20."
    found = _toll_update_day(_TOLL_UPDATE.search(text), date(2022, 7, 28))
    assert found is not None and found.value == date(2022, 7, 27)
    assert _toll_update_day(_TOLL_UPDATE.search("Gunmen killed 20 people."), date(2022, 7, 28)) is None


def test_a_border_between_two_places_is_one_place() -> None:
    text = "The clash broke out in a forest on the border of Rafah and Khan Younis districts."
    assert [t.text for t in event_places(text, tops(text, "Rafah", "Khan Younis"))] == ["Rafah"]


@pytest.mark.parametrize(("sentence", "before"), [
    ("Hours earlier, police had used tear gas to disperse the protesters.", True),
    ("Protesters had torched a bus on the main road.", True),
    ("Residents who had blocked the road were dispersed by police.", False),
    ("Soldiers attacked the post, but police had already left it.", False),
])
def test_an_undated_pluperfect_event_is_the_day_before(sentence: str, before: bool) -> None:
    from datetime import date

    from sitrep.pipeline.api import _pluperfect_day
    from sitrep.pipeline.triggers import TriggerFinder

    trigs = TriggerFinder().initialize().find(sentence)
    day = _pluperfect_day(sentence, (0, len(sentence)), date(2022, 4, 1), [], trigs)
    assert (day is not None and day.value == date(2022, 3, 31)) is before
