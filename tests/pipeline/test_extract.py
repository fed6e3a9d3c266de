"""End to end: short reports written for these tests, through the real models."""

from datetime import date

import pytest

import sitrep
from sitrep.errors import InputError

pytestmark = pytest.mark.slow

TWO_INCIDENTS = (
    "Militants kill soldiers in northern Mali\n\n"
    "Suspected jihadists attacked an army post in Boni on Tuesday, killing four soldiers, the army said.\n\n"
    "In a separate incident on Monday, a roadside bomb hit a bus near Douentza, killing two civilians "
    "and wounding six others.\n\n"
    "The region has been hit by repeated attacks since 2012."
)


@pytest.fixture(scope="module")
def events() -> list[sitrep.Event]:
    return sitrep.extract(TWO_INCIDENTS, published="2023-03-15", country="Mali")


def test_one_event_per_incident(events: list[sitrep.Event]) -> None:
    assert len(events) == 2


def test_relative_dates_resolve_against_publication(events: list[sitrep.Event]) -> None:
    assert sorted(e.event_date for e in events) == ["2023-03-13", "2023-03-14"]


def test_fatalities_exclude_injuries(events: list[sitrep.Event]) -> None:
    by_date = {e.event_date: e for e in events}
    assert by_date["2023-03-14"].fatalities == 4
    assert by_date["2023-03-13"].fatalities == 2


def test_types_follow_the_method(events: list[sitrep.Event]) -> None:
    by_date = {e.event_date: e for e in events}
    assert by_date["2023-03-13"].sub_event_type == "Remote explosive/landmine/IED"
    assert by_date["2023-03-14"].event_type in ("Battles", "Violence against civilians")


def test_places_resolve_in_the_country(events: list[sitrep.Event]) -> None:
    for e in events:
        assert e.country == "Mali" and e.latitude is not None and e.iso == 466


def test_evidence_offsets_slice_back(events: list[sitrep.Event]) -> None:
    for e in events:
        assert e.evidence
        for ev in e.evidence:
            assert TWO_INCIDENTS[ev.start : ev.end] == ev.quote


def test_to_dict_uses_acled_names(events: list[sitrep.Event]) -> None:
    row = events[0].to_dict()
    for key in ("event_date", "sub_event_type", "actor1", "inter1", "admin1", "geo_precision", "fatalities"):
        assert key in row


@pytest.mark.parametrize(
    "text",
    [
        "Floods killed 60 people in the south of the country on Monday after days of heavy rain.",
        "The foreign ministers met in Geneva on Tuesday to discuss trade and climate policy.",
        "The striker scored twice as the home side beat their rivals 3-1 on Saturday.",
        "A fire at a market in the capital killed four traders on Monday.",
    ],
)
def test_no_codable_event(text: str) -> None:
    assert sitrep.extract(text, published="2023-03-15") == []


def test_background_is_not_coded() -> None:
    text = "Rebels captured the town of Kidal in 2012. The town has been calm since then, residents say."
    assert sitrep.extract(text, published="2023-03-15", country="Mali") == []


def test_protest_actor_is_protesters() -> None:
    text = "Hundreds of teachers protested peacefully in Nairobi on Monday to demand higher pay."
    (e,) = sitrep.extract(text, published="2023-03-15")
    assert e.sub_event_type == "Peaceful protest"
    assert e.actor1 == "Protesters (Kenya)" and e.inter1 == 6


@pytest.mark.parametrize("bad", ["", "   \n ", "\x00\x01\x02binary\x00"])
def test_bad_input_is_a_clear_error(bad: str) -> None:
    with pytest.raises(InputError):
        sitrep.extract(bad)


def test_published_must_be_a_date() -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        sitrep.extract("Troops shelled the town.", published="last Tuesday")


def test_never_dated_after_publication() -> None:
    text = "Gunmen killed three villagers in Djibo on Sunday."
    for e in sitrep.extract(text, published="2023-03-15", country="Burkina Faso"):
        assert date.fromisoformat(e.event_date) <= date(2023, 3, 15)


def test_a_lead_over_several_incidents_is_not_another_event() -> None:
    text = (
        "Attacks in two neighbouring provinces killed five policemen on Tuesday, officials said.\n\n"
        "In Herat province, two police officers died when a roadside bomb hit their patrol.\n\n"
        "In Farah province, three officers were killed when gunmen stormed their checkpoint."
    )
    events = sitrep.extract(text, published="2023-03-15", country="Afghanistan")
    assert sorted(e.admin1 for e in events) == ["Farah", "Herat"]
    assert sum(e.fatalities for e in events) == 5


def test_a_trial_report_codes_no_recalled_attack() -> None:
    text = (
        "Court finds 3 men guilty of 2015 university attack\n\n"
        "A court found three men guilty on Wednesday of aiding gunmen in the 2015 attack.\n\n"
        "The charges stem from a coordinated attack by five masked gunmen on the university that left "
        "almost 150 people killed."
    )
    assert sitrep.extract(text, published="2019-06-19", country="Kenya") == []


def test_an_event_the_news_came_after_does_not_date_it() -> None:
    text = (
        "Air strikes killed at least 46 people at a market in Khartoum on Sunday, activists said.\n\n"
        "The bombing came about a week after another air strike killed 20 civilians on Sept 2."
    )
    events = sitrep.extract(text, published="2023-09-11", country="Sudan")
    assert [e.event_date for e in events] == ["2023-09-10"]


def test_villages_missing_from_the_gazetteer_are_events_of_their_own() -> None:
    text = (
        "At least eight civilians were killed in an attack by ADF rebels near Beni, a local official said on "
        "Saturday.\n\n"
        "The overnight attack took place in several villages, including Zorvaka, Kelimubu and Tandarovi.\n\n"
        "At Zorvaka, the attackers killed five civilians while in Kelimubu, two people were killed.\n\n"
        "In another incident, a motorcyclist was shot dead in Tandarovi."
    )
    events = sitrep.extract(text, published="2021-10-30", country="Democratic Republic of Congo")
    # the lead's eight are the five, the two and the one: no fourth event, no double count
    assert sorted((e.location, e.fatalities) for e in events) == [("Kelimubu", 2), ("Tandarovi", 1), ("Zorvaka", 5)]
    assert all(e.geo_precision == 2 for e in events)


def test_a_toll_in_another_town_is_not_added_to_the_incident_before() -> None:
    text = (
        "In a separate incident six people were killed in an explosion in the town of Afgoye on Wednesday.\n\n"
        "In the capital Mogadishu, security officials said two al-Shabab fighters died when their explosives "
        "went off before they could carry out an attack."
    )
    events = sitrep.extract(text, published="2022-07-28", country="Somalia")
    assert {e.location: e.fatalities for e in events}.get("Afgooye") == 6


def test_a_disguise_is_not_an_actor() -> None:
    text = "Gunmen in military uniforms killed three people in a car at a fake checkpoint in Baquba on Sunday."
    events = sitrep.extract(text, published="2011-08-28", country="Iraq")
    assert [e.sub_event_type for e in events] == ["Attack"]


def test_a_place_the_news_came_after_is_not_its_place() -> None:
    text = (
        "A roadside bomb killed four soldiers in Gao region on Monday, the army said.\n\n"
        "The bombing killing the four came a day after a clash near Timbuktu."
    )
    events = sitrep.extract(text, published="2023-03-14", country="Mali")
    assert len(events) == 1 and events[0].admin1 == "Gao"


def test_the_sentence_telling_how_they_died_types_a_vague_attack() -> None:
    text = (
        "Six soldiers were killed in an attack by militants in Gao on Monday.\n\n"
        "Six soldiers lost their lives when their truck was blown up by militants in an IED blast."
    )
    events = sitrep.extract(text, published="2023-03-14", country="Mali")
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]


def test_a_lead_referring_to_the_attack_joins_the_incident_a_later_sentence_dates() -> None:
    text = ("The attack in Idlib province claimed the lives of at least 27 children, the agency said on "
            "Thursday. On Tuesday, rescuers said some 80 people were killed in a chemical weapon attack in "
            "Idlib province.")
    events = sitrep.extract(text, published="2017-04-06", country="Syria")
    assert [(e.event_date, e.sub_event_type) for e in events] == [("2017-04-04", "Chemical weapon")]


@pytest.mark.parametrize(("city", "country"), [("Sanaa", "Yemen"), ("Goma", "Democratic Republic of Congo"),
                                               ("Bamako", "Mali"), ("Quetta", "Pakistan")])
def test_a_city_written_where_places_go_is_placed_whatever_the_tagger_calls_it(city: str, country: str) -> None:
    events = sitrep.extract(f"Fighting killed five people in {city} on Monday.", published="2024-03-06")
    assert events and events[0].location and events[0].country == country


def test_the_town_an_attack_is_aimed_at_is_its_place() -> None:
    events = sitrep.extract("Russian forces shelled Kherson on Monday, killing two civilians.", published="2024-03-06")
    assert [(e.location, e.country) for e in events] == [("Kherson", "Ukraine")]


@pytest.mark.parametrize("update", ["The death toll rose to 25, officials said.",
                                    "The death toll rose to 25 on Tuesday, officials said."])
def test_a_risen_toll_revises_the_incident_before_it(update: str) -> None:
    text = f"Gunmen attacked the town of Djibo on Monday, killing ten. {update}"
    events = sitrep.extract(text, published="2024-03-06", country="Burkina Faso")
    assert [(e.event_date, e.fatalities) for e in events] == [("2024-03-04", 25)]


def test_a_toll_over_a_list_of_provinces_is_split_between_them() -> None:
    events = sitrep.extract("Air strikes killed 12 people in Idlib and Hama provinces on Monday.",
                            published="2024-03-06")
    assert [(e.admin1, e.fatalities, e.geo_precision) for e in events] == [("Idleb", 6, 3), ("Hama", 6, 3)]


def test_a_sentence_run_on_from_a_caption_still_tells_its_event() -> None:
    text = ("A hospital in Ariha after an earlier raid. (Press Agencies) Air strikes hit Saraqib on Saturday, "
            "killing 12 people, a monitor said.")
    events = sitrep.extract(text, "2017-04-09", "Syria")
    assert [(e.location, e.event_date, e.fatalities) for e in events] == [("Sarāqib", "2017-04-08", 12)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Air strikes killed 12 people in Saraqib and five in Binnish on Monday.", [("Sarāqib", 12), ("Binnish", 5)]),
    ("Strikes on Saraqib and Binnish killed 7 people on Monday.", [("Sarāqib", 4), ("Binnish", 3)]),  # ACLED's split
])
def test_each_place_keeps_the_count_the_sentence_gives_it(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(e.location, e.fatalities) for e in sitrep.extract(text, "2019-04-27", "Syria")] == expected


def test_a_lead_toll_told_again_place_by_place_is_a_summary() -> None:
    text = ("Air strikes killed 10 civilians in Syria's Idlib province on Friday, a monitor said.\n\n"
            "The monitor said those killed included two children. The raids took the lives of three civilians "
            "on the outskirts of the town of Saraqib, and seven in the town of Binnish, the monitor said.")
    events = sitrep.extract(text, "2019-04-27", "Syria")
    assert [(e.sub_event_type, e.location, e.fatalities) for e in events] == [
        ("Air/drone strike", "Sarāqib", 3), ("Air/drone strike", "Binnish", 7)]


@pytest.mark.parametrize("text", [
    "An air strike hit a clinic in a village near Syrias second city Aleppo late Tuesday, killing five medics.",
    "Over 50 Fighters Killed in Clashes with Syrian Army. Fighters attacked army posts in Aleppo on Sunday.",
])
def test_possessives_and_event_words_are_no_villages(text: str) -> None:
    assert {e.location for e in sitrep.extract(text, "2016-10-31", "Syria")} <= {"Aleppo"}


@pytest.mark.parametrize("text", [
    "US-led strikes killed 40 civilians in the town of Tabqa on Monday, a monitor said.",
    "At least 40 civilians were killed in strikes by a US-led coalition near Tabqa on Monday, a monitor said.",
])
def test_strikes_of_an_air_coalition_are_its_air_strikes(text: str) -> None:
    events = sitrep.extract(text, published="2017-03-21", country="Syria")
    first = [(e.sub_event_type, e.actor1) for e in events][:1]
    assert first == [("Air/drone strike", "Global Coalition Against Daesh")]


@pytest.mark.parametrize(("text", "toll"), [
    # a headline run into its lead: one figure told twice
    ("Strikes kill 40 civilians in Syria Monitor AFP At least 40 civilians were killed in air strikes "
     "near Tabqa on Monday a monitor said.", 40),
    # a toll the report says was replaced is not the total
    ("At least 53 civilians died on Sunday when air strikes hit residential buildings in Saraqib. "
     "The monitor had initially given a death toll of 34 civilians but the number rose as bodies were found.", 53),
])
def test_one_toll_told_twice_or_revised_is_counted_once(text: str, toll: int) -> None:
    events = sitrep.extract(text, published="2017-11-27", country="Syria")
    assert [e.fatalities for e in events] == [toll]


def test_a_headline_list_of_counts_and_a_recalled_attack_leave_the_incident_alone() -> None:
    text = ("2 Killed 10 Injured in Shelling in Kharab Neighborhood\n\n"
            "Two people were killed and 10 others were injured in shelling of a neighborhood of Aleppo on Saturday. "
            "The area was the scene of the October 13 mortar attack near a school which killed four children.")
    events = sitrep.extract(text, published="2016-11-12", country="Syria")
    assert (events[0].event_date, events[0].fatalities) == ("2016-11-12", 2)


def test_a_later_sentence_places_an_incident_its_lead_left_unplaced() -> None:
    text = ("Children were among at least 56 civilians killed in strikes by a US-led coalition early on Tuesday "
            "near a village held by the Islamic State group, a monitor said. The monitor said the civilians were "
            "hit as they fled fighting in the Aleppo province village of Kharab Tahtani.")
    events = sitrep.extract(text, published="2016-07-19", country="Syria")
    assert [(e.location, e.geo_precision, e.fatalities) for e in events] == [("Kharab Tahtani", 2, 56)]


def test_what_happened_hours_before_the_news_is_not_its_place_nor_its_type() -> None:
    text = ("At least 19 people were killed in Douma on Tuesday, including six children, just hours "
            "after a suspected gas attack left dozens dead in Khan Sheikhun.")
    events = sitrep.extract(text, published="2017-04-04", country="Syria")
    assert [(e.location, e.sub_event_type, e.fatalities) for e in events] == [("Dūmā", "Attack", 19)]


def test_what_a_day_before_the_news_killed_is_not_its_toll() -> None:
    text = ("A suicide bomber killed 15 people at a bus station in Ariha on Monday. The attack in Ariha came a day "
            "after heavy air strikes by government warplanes killed 26 people in the province.")
    events = sitrep.extract(text, published="2016-07-19", country="Syria")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Suicide bomb", 15)]


def test_a_sentence_that_only_recalls_the_day_before_adds_nothing() -> None:
    text = ("Aerial bombardment on a neighbourhood of Aleppo killed at least five civilians on Sunday. The reports "
            "come just a day after more than 100 civilians were killed in bombardment on Idlib and Aleppo.")
    events = sitrep.extract(text, published="2016-09-11", country="Syria")
    assert [(e.location, e.fatalities) for e in events] == [("Aleppo", 5)]


def test_news_after_a_recalled_phrase_keeps_its_place_and_day() -> None:
    text = "Two days after the truce, gunmen killed 5 people in Ariha on Monday."
    events = sitrep.extract(text, published="2016-07-19", country="Syria")
    assert [(e.event_date, e.fatalities) for e in events] == [("2016-07-18", 5)]
    assert events[0].location.startswith("Ar")


def test_the_agent_after_by_flies_the_strike_the_trigger_word_names() -> None:
    text = "Airstrikes by the US-led coalition killed 21 civilians in Manbij on Monday."
    events = sitrep.extract(text, published="2016-07-19", country="Syria")
    assert [(e.actor1, e.actor2) for e in events] == [("Global Coalition Against Daesh", "Civilians (Syria)")]


@pytest.mark.parametrize(("note", "roles"), [
    # a coder's label opens the note: the side named before the verb is the agent, not a target
    ("Property destruction: On 13 January 2022, Israeli military forces razed farmland near Hebron.",
     ("Military Forces of Israel (2021-2022)", "Civilians (Palestine)")),
    # no target named: ACLED codes the owners, civilians
    ("On 7 July 2020, suspected JNIM militants burned a shop in Djibo.",
     ("JNIM: Group for Support of Islam and Muslims", "Civilians (Burkina Faso)")),
])
def test_property_destruction_roles(note: str, roles: tuple[str, str]) -> None:
    events = sitrep.extract(note, country="Palestine" if "Hebron" in note else "Burkina Faso")
    assert [(e.actor1, e.actor2) for e in events] == [roles]


@pytest.mark.parametrize(("note", "roles"), [
    ("On 5 September 2021, in Amarapura township, a military truck hit landmines and two soldiers were injured.",
     ("Unidentified Armed Group (Myanmar)", "Military Forces of Myanmar (2021-)")),  # the side the mine struck
    ("On 2 May 2021, the military planted landmines near the village of Kyee Kone.",
     ("Military Forces of Myanmar (2021-)", "")),
])
def test_the_side_a_mine_strikes_is_its_target(note: str, roles: tuple[str, str]) -> None:
    events = sitrep.extract(note, country="Myanmar")
    assert [(e.actor1, e.actor2) for e in events] == [roles]


def test_a_count_for_a_neighbouring_province_is_its_own_event() -> None:
    text = "Air strikes killed 45 civilians in Aleppo and 22 in neighbouring Idlib province on Sunday, a monitor said."
    events = sitrep.extract(text, published="2016-08-15", country="Syria")
    assert sorted((e.admin1, e.fatalities) for e in events) == [("Aleppo", 45), ("Idleb", 22)]


def test_a_background_line_far_below_does_not_place_an_unplaced_lead() -> None:
    filler = "The monitor relies on a network of sources on the ground and reports daily. " * 4
    text = ("At least 53 civilians died on Sunday when air strikes hit residential buildings in a village. "
            "The strikes hit a village in Idlib province, the monitor said. "
            + filler + "The government has regained control of major cities including Homs.")
    events = sitrep.extract(text, published="2017-11-27", country="Syria")
    assert events and all(e.location != "Homs" or e.sub_event_type != "Air/drone strike" for e in events)


@pytest.mark.parametrize(("note", "actor1"), [
    ("Four civilians were killed on Monday as gunmen shelled the Salah Eddin quarter of Aleppo city.",
     "Unidentified Armed Group (Syria)"),  # the deaths told first, then the act and its subject
    ("Six civilians were killed in rebel shelling of western Aleppo on Monday.",
     "Unidentified Armed Group (Syria)"),  # the side that modifies the act's word
    ("On 2 May 2016, a man was killed when soldiers repelled their attack near Aleppo.",
     "Unidentified Armed Group (Syria)"),  # the side that repelled it is no attacker
])
def test_the_act_after_the_deaths_names_its_agent(note: str, actor1: str) -> None:
    events = sitrep.extract(note, published="2016-05-03", country="Syria")
    assert [e.actor1 for e in events][:1] == [actor1]


def test_a_syrian_faction_named_after_the_levant_is_an_actor_not_damascus() -> None:
    note = "On 3 May 2016, fighters of Faylaq al-Sham attacked an army post near Aleppo, killing two soldiers."
    events = sitrep.extract(note, published="2016-05-04", country="Syria")
    assert [(e.actor1, e.location) for e in events] == [("Al Sham Corps", "Aleppo")]


def test_a_later_sentence_on_the_days_blast_dates_the_undated_lead() -> None:
    text = ("Nearly 70 children were among those killed when a car bomb tore through buses carrying evacuees near "
            "Aleppo, a monitor said on Sunday. Saturdays blast hit a convoy waiting at a transit point west of Aleppo.")
    events = sitrep.extract(text, published="2017-04-16", country="Syria")
    assert [e.event_date for e in events] == ["2017-04-15"]


@pytest.mark.parametrize(("note", "country", "actor1"), [
    ("On 26 November 2024, the truce followed Israel's intense airstrikes in Beirut that killed 12 people.",
     "Lebanon", "Military Forces of Israel (2022-)"),  # the strike word alone would be Lebanon's own air force
    ("On 30 October 2020, Burkinabe and French aircraft conducted airstrikes against ISGS positions near Markoye.",
     "Burkina Faso", "Military Forces of Burkina Faso (2015-2022)"),  # a joint strike stays the home state's
])
def test_the_country_written_before_the_strike_flies_it(note: str, country: str, actor1: str) -> None:
    events = sitrep.extract(note, country=country)
    assert [e.actor1 for e in events][:1] == [actor1]


@pytest.mark.parametrize(("note", "actor2"), [
    ("On 22 May 2021, in Hlaing township (Yangon Region), a bomb exploded in front of the ward administrator's "
     "house. A few houses were damaged. No casualties reported.", ""),  # nobody harmed: no civilian target
    ("On 22 May 2021, in Hlaing township (Yangon Region), a bomb exploded in front of the ward administrator's "
     "house, injuring a child.", "Civilians (Myanmar)"),
    ("On 24 May 2021, in Demoso township (Kayah State), military forces fired artillery at civilians in "
     "residential areas. Casualties unknown.", "Civilians (Myanmar)"),  # the civilians were the target
])
def test_a_blast_that_harmed_no_one_has_no_civilian_target(note: str, actor2: str) -> None:
    events = sitrep.extract(note, country="Myanmar")
    assert [e.actor2 for e in events][:1] == [actor2]


def test_forces_that_came_after_a_harmless_blast_are_not_its_target() -> None:
    note = ("On 24 May 2021, near a school in Kale town (Sagaing Region), a bomb explosion occurred. After the "
            "explosion, Myanmar military forces opened gunfire. Casualties unknown.")
    events = sitrep.extract(note, country="Myanmar")
    assert [(e.sub_event_type, e.actor2) for e in events][:1] == [("Remote explosive/landmine/IED", "")]


@pytest.mark.parametrize(("note", "country", "actor1"), [
    ("On 2 May 2022, in Macuspana, Tabasco, four people were shot dead by six armed individuals on motorcycles "
     "(drive-by incident).", "Mexico", "Unidentified Gang (Mexico)"),
    ("On 18 March 2022, in Cerete (Bolivar), unidentified armed individuals shot and killed two men in a drive-by "
     "shooting.", "Colombia", "Unidentified Armed Group (Colombia)"),  # ACLED keeps armed groups there
    ("On 2 May 2022, in Macuspana, Tabasco, armed men killed a local official.", "Mexico",
     "Unidentified Armed Group (Mexico)"),  # no sign of a gang-style killing
])
def test_a_gang_style_killing_is_a_gangs_where_acled_codes_it_so(note: str, country: str, actor1: str) -> None:
    events = sitrep.extract(note, country=country)
    assert [e.actor1 for e in events][:1] == [actor1]
