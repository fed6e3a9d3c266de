from datetime import date

from sitrep.model import Casualty, DateMention, Place, Toponym
from sitrep.pipeline.incidents import Incident, group
from sitrep.pipeline.mentions import Mention
from sitrep.pipeline.triggers import Trigger

PUB = date(2018, 4, 19)


def top(name: str, lat: float, lon: float, fclass: str = "P", pop: int = 1000) -> Toponym:
    return Toponym(0, len(name), name, Place(name, lat, lon, "Syria", feature_class=fclass, population=pop))


def mention(start: int, para: int, family: str = "strike", day: date | None = None) -> Mention:
    d = DateMention(start, start + 1, "x", day) if day else None
    return Mention(start, start + 10, para, [Trigger(start, start + 1, "x", family)], date=d)


YARMOUK = top("Yarmouk", 33.47, 36.30)
QADAM = top("Qadam", 33.476, 36.287)
DAMASCUS = top("Damascus", 33.51, 36.29, pop=1_500_000)
MAYADIN = top("Mayadin", 35.02, 40.45)


def test_list_of_places_gives_one_incident_each() -> None:
    m = mention(0, 0, day=PUB)
    incs = group([m], {0: [YARMOUK, QADAM]}, PUB)
    assert [i.place.text for i in incs if i.place] == ["Yarmouk", "Qadam"]


def test_anaphoric_sentence_joins_previous_incident() -> None:
    a, b = mention(0, 0, "clash", day=date(2018, 4, 18)), mention(20, 1, "violence")
    incs = group([a, b], {0: [MAYADIN]}, PUB)
    assert len(incs) == 1 and incs[0].mentions == [a, b]


def test_city_mention_folds_into_neighbourhood() -> None:
    a, b = mention(0, 0, day=PUB), mention(20, 1, day=PUB)
    incs = group([a, b], {0: [DAMASCUS], 20: [YARMOUK]}, PUB)
    assert len(incs) == 1 and incs[0].place is YARMOUK and len(incs[0].mentions) == 2


def test_different_days_are_different_incidents() -> None:
    a, b = mention(0, 0, day=PUB), mention(20, 1, day=date(2018, 4, 18))
    assert len(group([a, b], {0: [YARMOUK], 20: [YARMOUK]}, PUB)) == 2


def test_another_incident_never_joins_the_one_before() -> None:
    a, b = mention(0, 0, "clash", day=date(2018, 4, 18)), mention(20, 1, "violence")
    b.separate = True  # "In another incident, ..."
    assert len(group([a, b], {0: [MAYADIN]}, PUB)) == 2
    c = mention(40, 2, day=PUB)
    c.separate = True
    incs = group([mention(0, 0, day=PUB), c], {0: [YARMOUK], 40: [DAMASCUS]}, PUB)
    assert len(incs) == 2  # the city-level incident is not folded into the neighbourhood


def _area(name: str, code: str, admin1: str, lat: float, lon: float, precision: int = 1) -> Toponym:
    fclass = "A" if code.startswith("ADM") else "P"
    place = Place(name, lat, lon, "Afghanistan", iso2="AF", admin1=admin1, feature_class=fclass, feature_code=code)
    return Toponym(0, len(name), name, place, precision=precision)


def test_a_town_named_like_its_province_is_the_same_place() -> None:
    from sitrep.pipeline.incidents import same_place

    assert same_place(_area("Herat", "ADM1", "Herat", 34.5, 62.5, 3), _area("Herāt", "PPLA", "Herat", 34.34, 62.2))
    assert not same_place(_area("Herat", "ADM1", "Herat", 34.5, 62.5, 3), _area("Farah", "PPLA", "Farah", 32.4, 62.1))


def test_the_bomb_there_refines_the_province_incident_it_refers_to() -> None:
    herat = _area("Herat", "ADM1", "Herat", 34.5, 62.5, 3)
    farah = _area("Farah", "ADM1", "Farah", 32.4, 62.1, 3)
    ghoryan = _area("Ghoryan", "PPLA2", "Herat", 34.34, 61.49, 2)
    a, b = mention(0, 0, "bombing"), mention(20, 0, "bombing")
    c = mention(40, 1, "violence")  # "the spokesman in Herat said ... the two who died in the attack there"
    d = mention(60, 2, "bombing", day=PUB)  # "... in Ghoryan district when the bomb exploded on Tuesday"
    d.referential = True
    incs = group([a, b, c, d], {0: [herat], 20: [farah], 40: [herat], 60: [ghoryan]}, PUB)
    assert len(incs) == 2
    assert incs[0].place is ghoryan and incs[0].mentions == [a, c, d]


def test_a_summary_sentence_dates_the_story_without_an_incident_of_its_own() -> None:
    lead = mention(0, 0)  # "Eight civilians were killed in the latest attack, an official said Saturday."
    summary = mention(20, 1, day=date(2018, 4, 18))  # "The overnight attack hit several villages."
    summary.summary = True
    detail = mention(40, 2)  # "At Kazarahoyo, the attackers killed five civilians."
    incs = group([lead, summary, detail], {0: [YARMOUK], 40: [QADAM]}, PUB)
    assert summary not in [m for i in incs for m in i.mentions]
    assert [i.day(PUB) for i in incs if i.place is QADAM] == [date(2018, 4, 18)]


def test_the_attacks_carried_out_in_x_replace_a_province_framing() -> None:
    idlib = _area("Idlib", "ADM1", "Idlib", 35.9, 36.6, 3)
    hama = _area("Hama", "PPLA", "Hama", 35.13, 36.75, 3)  # "Masasna, a village in Hama province"
    lead, where = mention(0, 0, day=PUB), mention(20, 1)
    where.referential = True  # "The attacks ... were carried out against positions in Masasna"
    incs = group([lead, where], {0: [idlib], 20: [hama]}, PUB)
    assert len(incs) == 1 and incs[0].place is hama


def test_a_referential_sentence_that_counts_dead_in_another_town_is_its_own_incident() -> None:
    from sitrep.pipeline.incidents import _fits

    town = Toponym(0, 6, "Afgoye", Place("Afgoye", 2.14, 45.12, "Somalia", feature_class="P"))
    other = Toponym(50, 59, "Mogadishu", Place("Mogadishu", 2.04, 45.34, "Somalia", feature_class="P"))
    inc = Incident([], town, None)
    counting = Mention(40, 90, 1, [], casualties=[Casualty(60, 70, "two died", 2)])
    silent = Mention(40, 90, 1, [])
    assert not _fits(inc, counting, [other])
    assert _fits(inc, silent, [other])


def test_an_incident_known_by_its_province_takes_the_one_town_named_in_it() -> None:
    from sitrep.pipeline.incidents import settle_areas

    state = Place("Guanajuato", 21.0, -101.25, "Mexico", admin1="Guanajuato", feature_class="P",
                  feature_code="PPLA", geonameid=1)
    town = Place("Jaral del Progreso", 20.37, -101.06, "Mexico", admin1="Guanajuato", feature_class="P",
                 feature_code="PPL", geonameid=2)
    other = Place("Celaya", 20.52, -100.81, "Mexico", admin1="Guanajuato", feature_class="P",
                  feature_code="PPL", geonameid=3)
    inc = Incident([Mention(0, 10, 0, [])], Toponym(2, 12, "Guanajuato", state), None)
    settle_areas([inc], [Toponym(50, 68, "Jaral del Progreso", town)])
    assert inc.place is not None and inc.place.text == "Jaral del Progreso"
    two = Incident([Mention(0, 10, 0, [])], Toponym(2, 12, "Guanajuato", state), None)
    settle_areas([two], [Toponym(50, 68, "Jaral del Progreso", town), Toponym(80, 86, "Celaya", other)])
    assert two.place is not None and two.place.text == "Guanajuato"


def test_a_big_town_of_another_district_told_apart_is_no_summary_of_a_small_one() -> None:
    from sitrep.pipeline.incidents import fold_containers

    day = DateMention(0, 1, "x", date(2022, 3, 31))
    big = Place("Colombo", 6.93, 79.85, "Sri Lanka", admin2="Colombo", feature_class="P", population=600_000)
    small = Place("Kelaniya", 6.95, 79.92, "Sri Lanka", admin2="Gampaha", feature_class="P", population=10_000)
    same = Place("Borella", 6.91, 79.88, "Sri Lanka", admin2="Colombo", feature_class="P", population=10_000)

    def inc(place: Place, start: int) -> Incident:
        m = Mention(start, start + 20, 0, [Trigger(start, start + 1, "x", "protest")])
        return Incident([m], Toponym(start, start + 5, place.name, place), day, families={"protest"})

    assert len(fold_containers([inc(big, 0), inc(small, 50)], date(2022, 4, 1))) == 2
    assert len(fold_containers([inc(big, 0), inc(same, 50)], date(2022, 4, 1))) == 1


def test_a_statement_day_dates_a_new_place_rather_than_the_story_day() -> None:
    before = mention(0, 0, "clash", day=date(2018, 4, 16))  # "... clashes in Mayadin on Monday evening"
    later = mention(20, 0, "strike")  # "The agency said on Wednesday that it struck Yarmouk."
    later.said = DateMention(21, 22, "on Wednesday", date(2018, 4, 18))
    incs = group([before, later], {0: [MAYADIN], 20: [YARMOUK]}, PUB)
    assert [i.day(PUB) for i in incs] == [date(2018, 4, 16), date(2018, 4, 18)]


def test_a_statement_day_alone_leaves_the_incident_undated() -> None:
    lead = mention(0, 0)  # "Six died in a clash in Yarmouk, the army said on Thursday."
    lead.said = DateMention(1, 2, "on Thursday", PUB)
    assert group([lead], {0: [YARMOUK]}, PUB)[0].date is None


def test_a_placeless_sentence_dates_the_undated_incident_before_it() -> None:
    lead = mention(0, 0, "violence")  # "Stones were hurled at a march in Yarmouk, officials said."
    later = mention(20, 1, "violence", day=date(2018, 4, 15))  # "The stoning took place on Sunday."
    incs = group([lead, later], {0: [YARMOUK]}, PUB)
    assert len(incs) == 1 and incs[0].day(PUB) == date(2018, 4, 15)
    other = mention(20, 1, "violence", day=date(2018, 4, 15))
    other.separate = True  # "In another attack on Sunday, ..."
    assert len(group([mention(0, 0, "violence"), other], {0: [YARMOUK]}, PUB)) == 2


def test_a_city_incident_with_a_toll_told_after_the_town_is_not_folded_into_it() -> None:
    lead = mention(0, 0, day=PUB)  # "Drones attacked Damascus overnight."
    town = mention(20, 1, day=PUB)  # "In Yarmouk a drone set a building on fire."
    later = mention(40, 2, day=PUB)  # "A missile also hit Damascus airport, killing one."
    later.casualties = [Casualty(45, 50, "killing one", 1)]
    incs = group([lead, town, later], {0: [DAMASCUS], 20: [YARMOUK], 40: [DAMASCUS]}, PUB)
    assert [i.place.text for i in incs if i.place] == ["Damascus", "Yarmouk"]


def test_an_undated_pluperfect_sentence_dates_its_incident_the_day_before() -> None:
    told = mention(0, 0, "protest")  # "Police had used tear gas on protesters in Yarmouk."
    told.before = DateMention(1, 2, "had used", date(2018, 4, 18))
    assert group([told], {0: [YARMOUK]}, PUB)[0].day(PUB) == date(2018, 4, 18)
    dated = mention(0, 0, "protest", day=date(2018, 4, 17))
    later = mention(20, 0, "protest")
    later.before = DateMention(21, 22, "had used", date(2018, 4, 18))
    assert [i.day(PUB) for i in group([dated, later], {0: [YARMOUK], 20: [QADAM]}, PUB)][-1] == date(2018, 4, 17)


def test_a_province_toll_told_after_its_town_is_the_towns_incident() -> None:
    lead = mention(0, 0, day=PUB)  # "Jets struck Idlib province on Wednesday."
    town = mention(20, 1, day=PUB)  # "Six strikes hit the village of Hass."
    later = mention(40, 2, day=PUB)  # "The strikes on Idlib province killed 26 civilians."
    later.casualties = [Casualty(45, 50, "killed 26", 26)]
    idlib = top("Idlib", 35.9, 36.6, fclass="A", pop=1_500_000)
    incs = group([lead, town, later], {0: [idlib], 20: [top("Hass", 35.8, 36.6)], 40: [idlib]}, PUB)
    assert len(incs) == 1 and len(incs[0].mentions) == 3


def test_two_incidents_that_contain_each_other_keep_one() -> None:
    m = mention(0, 0, day=PUB)  # "Troops fired on vehicles in the Chagai and Nokkundi areas."
    a, b = top("Chagai", 29.3, 64.7, fclass="A"), top("Nokkundi", 29.35, 64.75, fclass="A")
    incs = group([m], {0: [a, b]}, PUB)
    assert len(incs) == 1


def test_two_spellings_of_an_unlisted_village_are_one_place() -> None:
    from sitrep.pipeline.incidents import same_place

    def village(name: str) -> Toponym:
        return Toponym(0, len(name), name, None, precision=2, unlisted=True)

    assert same_place(village("Urom al-Joz"), village("Urum al-Joz"))
    assert not same_place(village("Urum al-Joz"), village("Kafr Awid"))
    assert not same_place(village("Bina"), village("Bini"))  # short names: one letter is another village


def test_a_summary_does_not_fold_into_an_incident_told_after_other_news() -> None:
    from sitrep.pipeline.incidents import fold_containers

    day = DateMention(0, 1, "x", PUB)
    province = Place("Aleppo", 36.2, 37.15, "Syria", admin1="Aleppo", feature_class="A", feature_code="ADM1")
    far = Place("Manbij", 36.53, 37.95, "Syria", admin1="Aleppo", feature_class="P", population=100_000)
    near = Place("Haritan", 36.25, 37.1, "Syria", admin1="Aleppo", feature_class="P", population=10_000)

    def inc(place: Place, start: int) -> Incident:
        m = Mention(start, start + 20, 0, [Trigger(start, start + 1, "x", "clash")])
        return Incident([m], Toponym(start, start + 5, place.name, place), day, families={"clash"})

    # "strikes in Aleppo province ... In Manbij, ... Clashes erupted around Haritan": other news in between
    assert len(fold_containers([inc(province, 0), inc(far, 50), inc(near, 100)], PUB)) == 3
    assert len(fold_containers([inc(province, 0), inc(near, 100)], PUB)) == 1  # its detail, told next
