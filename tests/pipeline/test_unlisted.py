from sitrep.model import Place, Toponym
from sitrep.pipeline.unlisted import anchored, unlisted_names, unlisted_places

TOWN = Place("Beni", 0.49, 29.47, "Democratic Republic of Congo", feature_class="P")


def never_listed(names: set[str]) -> set[str]:
    return set()


def test_names_the_tagger_left_unresolved_are_unlisted() -> None:
    text = "Gunmen raided Zorvaka and Gaza."
    tops = [Toponym(14, 21, "Zorvaka"), Toponym(26, 30, "Gaza")]
    assert unlisted_names(text, tops, lambda names: names & {"Gaza"}) == {"Zorvaka"}


def test_grammar_names_places_the_tagger_missed() -> None:
    text = "Seven died in the town of Tal Zorvak. The attack hit several villages, including Kelim, Boru and Sato."
    assert unlisted_names(text, [], never_listed) == {"Tal Zorvak", "Kelim", "Boru", "Sato"}
    text = "Two bombs went off in Zafar and Shulu districts."
    assert unlisted_names(text, [], never_listed) == {"Zafar", "Shulu"}


def test_an_unlisted_name_after_a_preposition_places_its_clause() -> None:
    text = "Raids hit Zorvaka and Kelimu. At Zorvaka five died."
    clause = text.index("At Zorvaka")
    found = unlisted_places(text, clause, len(text), frozenset({"Zorvaka"}), [])
    assert [(t.start, t.unlisted, t.precision) for t in found] == [(clause + 3, True, 2)]


def test_an_unlisted_name_without_a_preposition_places_nothing() -> None:
    text = "Zorvaka residents said five died."
    assert unlisted_places(text, 0, len(text), frozenset({"Zorvaka"}), []) == []


def test_an_unlisted_place_stands_in_at_the_nearest_listed_place_of_its_clause() -> None:
    beni = Toponym(0, 4, "Beni", TOWN)
    village = Toponym(20, 27, "Zorvaka", None, precision=2, unlisted=True)
    out = anchored([beni, village], None)
    assert out[1].place == TOWN and out[1].unlisted and out[1].precision == 2


def test_an_unlisted_place_falls_back_to_the_main_place_or_is_dropped() -> None:
    village = Toponym(20, 27, "Zorvaka", None, precision=2, unlisted=True)
    assert anchored([village], Toponym(0, 4, "Beni", TOWN))[0].place == TOWN
    assert anchored([village], None) == []


def test_a_site_is_not_a_village() -> None:
    text = "Protesters gathered in Hazal Park and at Sikri School in Zorvaka."
    names = frozenset({"Hazal Park", "Sikri", "Zorvaka"})
    assert [t.text for t in unlisted_places(text, 0, len(text), names, [])] == ["Zorvaka"]


def test_a_name_continuing_a_list_of_places_is_placed_too() -> None:
    text = "Bombs hit cars in Zafar and Shulu districts."
    found = unlisted_places(text, 0, len(text), frozenset({"Zafar", "Shulu"}), [])
    assert [t.text for t in found] == ["Zafar", "Shulu"]


def test_an_arabic_article_continues_the_name() -> None:
    text = "Jets struck the village of Urum al-Joz and the town of al-Bureij."
    assert unlisted_names(text, [], never_listed) == {"Urum al-Joz", "al-Bureij"}


def test_the_town_of_x_is_a_place_after_any_word() -> None:
    text = "Jets struck the town of Zorvaka. The strike on the stronghold of Kelimu killed two."
    found = unlisted_places(text, 0, len(text), frozenset({"Zorvaka", "Kelimu"}), [])
    assert [t.text for t in found] == ["Zorvaka", "Kelimu"]
    text = "They fled their home area of Zorvaka."  # an area of one's home is no event place
    assert unlisted_places(text, 0, len(text), frozenset({"Zorvaka"}), []) == []


def test_an_unlisted_village_near_a_province_is_near_a_known_place() -> None:
    province = Place("Idleb", 35.9, 36.6, "Syria", feature_class="A", feature_code="ADM1")
    village = Toponym(20, 27, "Zorvaka", None, precision=2, unlisted=True)
    out = anchored([Toponym(0, 5, "Idlib", province, precision=3), village], None)
    assert out[1].place == province and out[1].precision == 2


def test_a_name_before_village_is_a_village() -> None:
    text = "A bomber blew himself up in Tall Zorvak village during a wedding."
    assert unlisted_names(text, [], never_listed) == {"Tall Zorvak"}


def test_a_word_the_report_writes_in_lower_case_is_no_village() -> None:
    text = "Five Killed in Shelling of Zorvaka. The shelling of the village of Zorvaka went on."
    tagged = [Toponym(15, 23, "Shelling")]  # a title-case headline's word the tagger took for a place
    assert unlisted_names(text, tagged, never_listed) == {"Zorvaka"}


def test_an_unlisted_place_stands_in_at_the_town_the_report_measures_it_from() -> None:
    text = "Strikes hit the Ituri province village of Zorvaka. Zorvaka lies 14 kilometres (nine miles) north of Beni."
    province = Place("Ituri", 1.5, 30.0, "Democratic Republic of Congo", feature_class="A", feature_code="ADM1")
    ituri = Toponym(16, 21, "Ituri", province)
    village = Toponym(42, 49, "Zorvaka", None, precision=2, unlisted=True)
    beni = Toponym(text.index("Beni"), text.index("Beni") + 4, "Beni", TOWN)
    assert anchored([ituri, village], None, text, [ituri, beni])[1].place == TOWN
    assert anchored([ituri, village], None)[1].place == province  # without the measure: the clause's place
