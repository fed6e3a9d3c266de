from pathlib import Path

import pytest

from sitrep.errors import ResourceError
from sitrep.pipeline.triggers import TriggerFinder, load_families
from sitrep.vocab import SUB_EVENT_TYPES


def test_shipped_lexicon_is_valid() -> None:
    families = load_families()
    assert families
    for fam in families:
        assert set(fam.subtypes) <= set(SUB_EVENT_TYPES)


@pytest.mark.parametrize(
    ("sentence", "family"),
    [
        ("Government troops shelled the village overnight.", "shelling"),
        ("Regime aircraft bombed the town on Thursday.", "air"),
        ("A roadside bomb hit a minibus.", "ied"),
        ("Hundreds of students protested outside parliament.", "protest"),
        ("Gunmen abducted three aid workers.", "violence"),
        ("Rioters torched two police vehicles.", "violence"),
        ("Police arrested the local leader of the party.", "strategic"),
        ("The army and rebels clashed near the border.", "clash"),
        ("Rebels captured the town after a week.", "territory"),
        ("Rebels seized a border outpost on Monday.", "territory"),
        ("Former employees blocked avenues to demand their wages.", "protest"),
        ("Truck drivers blocked with their trucks the highway.", "protest"),
        ("Residents thronged the streets asking for his release.", "protest"),
        ("Police officers flogged voters at the station.", "violence"),
        ("Heavy gunfire erupted between the rebels and the army.", "clash"),
        ("Monitors observed 17 bursts of small-arms fire near the village.", "clash"),
        ("The army fired a 122 mm howitzer on the position.", "shelling"),
        ("Gunmen seized a truck loaded with supplies.", "strategic"),
        ("Drivers carried out a motorcade to demand better fees.", "protest"),
        ("Rivals came to blows during the party meeting.", "riot"),
        ("Fighters blew up a telecommunication tower at dawn.", "ied"),
        ("Soldiers fired into the air, torching the home of an officer.", "violence"),
        ("The clinic was burned by unknown gunmen.", "violence"),
        ("Pupils go on \"rampage\" over the new head teacher.", "riot"),
        ("Strikers blocked the gate by setting ablaze old pallets.", "riot"),
        ("Supporters forced their way into the tallying hall.", "riot"),
        ("Troops downed an enemy helicopter over the town.", "disrupted"),
        ("Soldiers were ransacking shops in the market.", "strategic"),
    ],
)
def test_finds_family(sentence: str, family: str) -> None:
    found = TriggerFinder().initialize().find(sentence)
    assert family in {t.family for t in found}
    for t in found:
        assert sentence[t.start : t.end] == t.text


def test_quiet_sentence_has_no_trigger() -> None:
    assert TriggerFinder().initialize().find("The minister visited the new hospital on Monday.") == []


def test_bad_lexicon_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "t.yaml"
    bad.write_text("families:\n  x:\n    subtypes: [Not a type]\n    patterns: [boom]\n")
    with pytest.raises(ResourceError, match="unknown sub-event"):
        load_families(bad)


def test_trials_are_no_events_whatever_they_recall() -> None:
    from sitrep.pipeline.triggers import load_nonevents

    ne = load_nonevents()
    s = "The attack suspects sit in the dock awaiting the verdict."
    assert ne.excludes(s, 0, len(s), {"clash"})
    s2 = "Floods and a bomb blast killed 6 people."
    assert not ne.excludes(s2, 0, len(s2), {"bombing"})


def test_nonevent_exceptions_name_real_families() -> None:
    from sitrep.pipeline.triggers import load_nonevents

    assert load_nonevents().unless <= {f.name for f in load_families()}


def test_a_party_named_league_is_no_sport() -> None:
    from sitrep.pipeline.triggers import load_nonevents

    ne = load_nonevents()
    s = "Gunmen killed two Workers League activists."
    assert not ne.excludes(s, 0, len(s), {"violence"})
    s2 = "Fans fought after the league match."
    assert ne.excludes(s2, 0, len(s2), {"violence"})


FINDER = TriggerFinder().initialize()


@pytest.mark.parametrize(
    ("sentence", "family", "found"),
    [
        # demonstrators' own violence is a riot; riot gear is not
        ("Police in riot gear cleared the camp.", "riot", False),
        ("Anti-riot police dispersed the crowd.", "riot", False),
        ("Youths rioted after the match was cancelled.", "riot", True),
        ("Protesters burnt tyres and two police vehicles.", "riot", True),
        ("The protest turned violent in the afternoon.", "riot", True),
        ("Students protested and stoned a building used by security officials.", "riot", True),
        ("Some protesters set his motorbike alight.", "riot", True),
        ("Demonstrators damaged cars along the avenue.", "riot", True),
        # weapons made safe
        ("An army team destroyed an IED planted on the road.", "disrupted", True),
        ("Police deactivated an explosive device in a restaurant.", "disrupted", True),
        ("The bomb squad found and removed a grenade.", "disrupted", True),
        ("A roadside bomb destroyed a truck.", "disrupted", False),
        # a weapon strike is no labour strike; "demonstrating goodwill" is no protest
        ("A missile strike on a vessel killed one sailor.", "protest", False),
        ("The strike killed five people.", "protest", False),
        ("Teachers went on strike over pay.", "protest", True),
        ("Workers launched a strike at the port.", "protest", True),
        ("We encourage the group to continue demonstrating that goodwill.", "protest", False),
        ("Students demonstrated outside the ministry.", "protest", True),
        # handovers and truces
        ("The rebels handed over the town to a regional force.", "territory", True),
        ("The handover was witnessed by journalists on Friday.", "handover", True),
        ("The handover of the suspects took place at the border.", "handover", False),
        ("The ceasefire between the army and the rebels took effect early on Wednesday.", "agreement", True),
        # South Asian press: soldiers "martyred" were killed
        ("Five soldiers were martyred in the attack.", "violence", True),
        # the month is no march
        ("On 12 March 2021, troops regained all rebel territory in the valley.", "protest", False),
        ("The offensive began in March.", "protest", False),
        ("Nurses marched to the ministry.", "protest", True),
        ("Villagers blocked Jinja Road for hours.", "protest", True),
        ("Youths barricaded roads with stones.", "riot", True),
        ("Protesters lit bonfires along the main street.", "riot", True),
        # a change of control is told; an aim or a seized car is none
        ("Troops regained ground lost to the rebels.", "territory", True),
        ("The militants overtook two checkpoints.", "territory", True),
        ("The rebels gained control over the district centre.", "territory", True),
        ("Soldiers battled to regain control of the hotel.", "territory", False),
        ("Gang members took over four patrol cars.", "territory", False),
        ("The colonel took over as commander.", "territory", False),
        # a base established
        ("The militia set up a base in the forest.", "base", True),
        ("Fighters have set base on the island.", "base", True),
        ("The rebels established a new headquarters in the hills.", "base", True),
        ("Protesters set up a camp outside parliament.", "base", False),
        # air strikes that back a battle are not the event
        ("Troops, supported by coalition air strikes, retook the town.", "air", False),
        ("Troops with the support of fighter jets retook the town.", "air", False),
        ("Coalition air strikes hit the town.", "air", True),
        # strikes of an air coalition; a stockpile of chemical weapons is no attack
        ("US-led strikes killed 12 civilians.", "air", True),
        ("The US strikes a deal with the rebels.", "air", False),
        ("Children were killed in strikes by a US-led coalition.", "air", True),
        ("A resolution set terms for the destruction of its chemical weapons.", "chemical", False),
        ("Russia proposed that Syria hand over its chemical weapons.", "chemical", False),
        ("A team of chemical weapons experts arrived three days ago.", "chemical", False),
        ("A chemical weapons attack killed 80 people.", "chemical", True),
        ("Government forces used chemical weapons on the suburb.", "chemical", True),
        # force used on demonstrators
        ("Police intervened and the crowd left.", "intervention", True),
        ("Police assaulted protesters at the sit-in.", "intervention", True),
    ],
)
def test_words_that_do_or_do_not_report_an_event(sentence: str, family: str, found: bool) -> None:
    assert (family in {t.family for t in FINDER.find(sentence)}) is found


@pytest.mark.parametrize(
    ("note", "family"),
    [
        ("Movement of forces: On 6 January 2022, a vessel carrying armoured vehicles arrived.", "coded_change"),
        ("Looting: Cattle rustlers took 300 livestock from the village.", "coded_looting"),
        ("Defusal: On 3 May, army engineers removed a bomb from the road.", "coded_disrupted"),
        ("Displacement: About 70 families left the vereda.", "coded_other"),
    ],
)
def test_a_coders_label_opening_a_note_names_its_type(note: str, family: str) -> None:
    finder = TriggerFinder().initialize()
    assert family in {t.family for t in finder.find(note, 0, len(note))}


def test_a_label_word_inside_a_sentence_is_no_coders_label() -> None:
    text = "Residents said the Looting: was over."
    finder = TriggerFinder().initialize()
    assert not any(t.family.startswith("coded_") for t in finder.find(text, 0, len(text)))


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Relatives of the bombing victims buried them on Friday.", False),
        ("Investigators reached the attack site.", False),
        ("The slain suspect was carrying a pistol.", True),
        ("Gunmen attacked the village on Friday.", True),
        ("Jets raided the gas attack town.", True),  # the raid, not the gas attack
        ("Jets raided the chemical attack town.", True),
        ("Gunmen attack village in the north.", True),
    ],
)
def test_a_trigger_noun_modifying_another_noun_tells_no_event(sentence: str, found: bool) -> None:
    assert bool(TriggerFinder().initialize().find(sentence)) is found


@pytest.mark.parametrize("sentence", ["Jets raided the gas attack town.", "Jets raided the chemical attack town."])
def test_the_kind_of_attack_naming_a_town_is_no_trigger(sentence: str) -> None:
    found = TriggerFinder().initialize().find(sentence)
    assert not [t for t in found if "attack" in t.text]


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels handed over their positions to the peacekeepers on Monday.",
        "Reporters watched the handover in the hill town.",
        "The militia agreed to hand over control of the district to the army.",
    ],
)
def test_a_handover_of_ground_is_its_own_family(sentence: str) -> None:
    assert "handover" in {t.family for t in TriggerFinder().initialize().find(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The handover of the suspects to the prosecutor took place on Monday.",
        "A handover of power to the new cabinet is planned.",
        "Police handed over the weapons to the court.",
    ],
)
def test_other_handovers_move_no_ground(sentence: str) -> None:
    assert "handover" not in {t.family for t in TriggerFinder().initialize().find(sentence)}


def test_tear_gas_shells_are_no_shelling() -> None:
    found = TriggerFinder().initialize().find("Police fired tear gas shells at the crowd.")
    assert "shelling" not in {t.family for t in found}
    assert "intervention" in {t.family for t in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "Three militants were killed in an encounter in the hills on Sunday.",
        "An encounter between security forces and insurgents lasted two hours.",
        "The encounter, which began at dawn, left two dead.",
        "More troops were rushed to the encounter site.",
    ],
)
def test_an_encounter_is_a_gunfight(sentence: str) -> None:
    assert "clash" in {t.family for t in TriggerFinder().initialize().find(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister described his encounter with students as warm.",
        "Hikers reported a chance encounter with a bear.",
        "The convoy encountered no resistance on the road.",
    ],
)
def test_other_encounters_are_no_fight(sentence: str) -> None:
    assert "clash" not in {t.family for t in TriggerFinder().initialize().find(sentence)}


@pytest.mark.parametrize("sentence", ["Police cited a bomb threat to clear the hall.", "A bomb scare shut the depot."])
def test_a_bomb_threat_is_no_bombing(sentence: str) -> None:
    assert "bombing" not in {t.family for t in TriggerFinder().initialize().find(sentence)}
