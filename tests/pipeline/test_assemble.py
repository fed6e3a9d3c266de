import pytest

from sitrep.model import ActorMention, Event, Evidence
from sitrep.pipeline.assemble import (
    base_by_actor,
    choose_type,
    correct_for_targets,
    demonstration_by_conduct,
    describe,
    excessive_force,
    localise,
    merge_restatements,
    prevented_blast,
    raid_on_post,
    riot_by_actor,
    sexual_violence_by_act,
    territory_by_actor,
    territory_needs_transfer,
)
from sitrep.pipeline.roles import Roles
from sitrep.vocab import SUB_EVENT_TYPES

UNIFORM = {s: 1 / len(SUB_EVENT_TYPES) for s in SUB_EVENT_TYPES}


def actor(name: str, inter: int, implicit: bool = False) -> ActorMention:
    return ActorMention(0, 1, "x", name, inter, implicit=implicit)


def test_weapon_prior_settles_the_type() -> None:
    proba = dict(UNIFORM, **{"Remote explosive/landmine/IED": 0.5, "Shelling/artillery/missile attack": 0.05})
    sub, _ = choose_type(proba, {"Shelling/artillery/missile attack"})
    assert sub == "Shelling/artillery/missile attack"


def test_a_named_weapon_outweighs_a_confident_typer() -> None:
    proba = dict(UNIFORM, **{"Attack": 0.6, "Air/drone strike": 0.004})
    assert choose_type(proba, {"Air/drone strike"})[0] == "Air/drone strike"


def test_no_prior_keeps_the_typer() -> None:
    proba = dict(UNIFORM, **{"Attack": 0.6})
    assert choose_type(proba, set())[0] == "Attack"


@pytest.mark.parametrize(
    ("sub", "actors", "sides", "expected"),
    [
        ("Attack", [actor("Military Forces of Syria (2000-2024)", 1)], {"state"}, "Armed clash"),
        ("Attack", [actor("Military Forces of Syria (2000-2024)", 1)], {"civilians"}, "Attack"),
        ("Armed clash", [], {"civilians"}, "Attack"),
        ("Armed clash", [actor("Taliban", 2)], {"civilians"}, "Armed clash"),
    ],
)
def test_targets_decide_attack_or_clash(sub: str, actors: list[ActorMention], sides: set[str], expected: str) -> None:
    assert correct_for_targets(sub, actors, sides) == expected


@pytest.mark.parametrize(
    ("families", "expected"),
    [
        ({"protest", "riot"}, "Violent demonstration"),
        ({"protest", "intervention"}, "Protest with intervention"),
        ({"protest"}, "Peaceful protest"),
    ],
)
def test_demonstration_by_conduct(families: set[str], expected: str) -> None:
    assert demonstration_by_conduct("Peaceful protest", families) == expected


@pytest.mark.parametrize(
    ("inter1", "expected"), [(1, "Government regains territory"), (2, "Non-state actor overtakes territory")]
)
def test_territory_by_who_took_it(inter1: int, expected: str) -> None:
    assert territory_by_actor("Non-state actor overtakes territory", Roles("a", inter1)) == expected


def test_generic_actors_take_the_event_country() -> None:
    a = localise(actor("Civilians (Palestine)", 7), "Syria")
    assert a.name == "Civilians (Syria)"
    assert localise(actor("Hamas Movement", 2), "Syria").name == "Hamas Movement"


def ev(date: str, fatalities: int, precision: int, dated: bool = True, conf: float = 0.5) -> Event:
    evidence = [Evidence("event_date", "x", 0, 1)] if dated else []
    return Event(
        date,
        "Battles",
        "Armed clash",
        fatalities=fatalities,
        geo_precision=precision,
        confidence=conf,
        country="Niger",
        evidence=evidence,
    )


def test_restated_toll_merges_into_the_finer_place() -> None:
    kept = merge_restatements([ev("2023-02-10", 10, 3), ev("2023-02-10", 10, 1)])
    assert [e.geo_precision for e in kept] == [1]


def test_undated_restatement_yields_to_the_dated_event() -> None:
    kept = merge_restatements([ev("2023-02-12", 10, 2, dated=False), ev("2023-02-10", 10, 2)])
    assert [e.event_date for e in kept] == ["2023-02-10"]


def test_different_tolls_stay_apart() -> None:
    assert len(merge_restatements([ev("2023-02-10", 10, 1), ev("2023-02-10", 3, 1)])) == 2


def test_notes_read_like_a_sentence() -> None:
    e = Event(
        "2018-04-18",
        "Battles",
        "Armed clash",
        actor1="A",
        actor2="B",
        location="Al Mayadin",
        country="Syria",
        fatalities=38,
    )
    assert describe(e) == "On 2018-04-18, armed clash by A against B in Al Mayadin, Syria; 38 reported fatalities."


@pytest.mark.parametrize(("share", "counts"), [(None, [7]), ((0, 3), [3]), ((1, 3), [2]), ((2, 3), [2])])
def test_a_shared_toll_is_split_between_places(share: tuple[int, int] | None, counts: list[int]) -> None:
    from sitrep.model import Casualty
    from sitrep.pipeline.assemble import shared_counts

    assert [c.count for c in shared_counts([Casualty(0, 1, "x", 7)], share)] == counts


def _at(text: str, word: str, name: str, inter: int) -> ActorMention:
    i = text.index(word)
    return ActorMention(i, i + len(word), word, name, inter)


@pytest.mark.parametrize(("text", "sub", "expected"), [
    ("XYZ men clashed with police in the town.", "Armed clash", "Violent demonstration"),
    ("XYZ men attacked ABC activists in the town.", "Attack", "Mob violence"),
    ("Gunmen and XYZ men attacked police in the town.", "Armed clash", "Armed clash"),  # an armed group acts
    ("Police attacked XYZ men in the town.", "Attack", "Attack"),                         # the rioters suffer it
])
def test_rioters_who_fight_make_a_riot(text: str, sub: str, expected: str) -> None:
    actors = [_at(text, "XYZ men", "Rioters (Ghana)", 5)]
    if "Gunmen" in text:
        actors.append(_at(text, "Gunmen", "Unidentified Armed Group (Ghana)", 3))
    if "olice" in text:
        actors.append(_at(text, "olice", "Police Forces of Ghana", 1))
    if "ABC" in text:
        actors.append(_at(text, "ABC activists", "Rioters (Ghana)", 5))
    trigger = text.index("attacked") if "attacked" in text else text.index("clashed")
    assert riot_by_actor(sub, sorted(actors, key=lambda a: a.start), text, trigger) == expected


def test_a_passive_verb_of_a_joined_clause_leaves_the_agent() -> None:
    from sitrep.pipeline.roles import split_roles

    text = "One man was killed as XYZ men clashed with police."
    agents, _ = split_roles([_at(text, "XYZ men", "Rioters (Ghana)", 5)], text, text.index("clashed"))
    assert [a.text for a in agents] == ["XYZ men"]
    text2 = "The post was attacked by XYZ men."
    agents2, _ = split_roles([_at(text2, "XYZ men", "Rioters (Ghana)", 5)], text2, text2.index("attacked"))
    assert [a.text for a in agents2] == ["XYZ men"]  # the 'by' agent of a passive


@pytest.mark.parametrize(
    ("sub", "families", "expected"),
    [
        ("Excessive force against protesters", {"protest", "riot"}, "Violent demonstration"),
        ("Protest with intervention", {"protest", "riot", "intervention"}, "Violent demonstration"),
        ("Excessive force against protesters", {"protest"}, "Excessive force against protesters"),
    ],
)
def test_rioting_demonstrators_make_a_riot_whatever_met_them(sub: str, families: set[str], expected: str) -> None:
    assert demonstration_by_conduct(sub, families) == expected


def test_victims_named_before_the_verb_are_not_its_agents() -> None:
    from sitrep.pipeline.roles import split_roles

    text = "Two police officers died in a roadside bombing."
    victims = _at(text, "police officers", "Police Forces of Ghana", 1)
    agents, patients = split_roles([victims], text, text.index("bombing"))
    assert agents == [] and patients == [victims]


def test_a_fight_between_two_sides_stays_a_clash_whoever_died() -> None:
    assert correct_for_targets("Armed clash", [], {"civilians"}, two_sided=True) == "Armed clash"


def test_words_that_name_an_agreement_settle_the_type() -> None:
    proba = dict(UNIFORM, Other=0.5, Agreement=0.02)
    assert choose_type(proba, {"Agreement"})[0] == "Agreement"


def test_the_main_group_stands_in_only_once_the_report_has_named_it() -> None:
    from sitrep.pipeline.assemble import _named_before
    from sitrep.pipeline.incidents import Incident
    from sitrep.pipeline.mentions import Mention
    from sitrep.pipeline.triggers import Trigger

    inc = Incident([Mention(100, 160, 1, [Trigger(110, 116, "bombed", "bombing")])], None, None)
    early = ActorMention(10, 18, "Al Qaeda", "Al Qaeda", 2)
    late = ActorMention(900, 908, "Al Qaeda", "Al Qaeda", 2)
    assert _named_before(early, inc) is early
    assert _named_before(late, inc) is None


def test_an_air_strike_is_flown_by_the_state_named_with_it() -> None:
    from sitrep.pipeline.roles import air_owner

    text = "The truce followed Ruritania's intense airstrikes on the capital."
    roles = Roles("Hezbollah", 2, "", 0)
    country_of = {"Ruritania": "Ruritania"}.get
    out = air_owner(roles, [], text, text.index("airstrikes"), country_of,
                    lambda c: (f"Military Forces of {c}", 1), "Lebanon")
    assert (out.actor1, out.inter1, out.actor2) == ("Military Forces of Ruritania", 8, "Hezbollah")
    kept = air_owner(Roles("Military Forces of Syria", 1, "", 0), [], text, 0, country_of,
                     lambda c: ("x", 1), "Syria")
    assert kept.actor1 == "Military Forces of Syria"


def test_violence_done_to_demonstrators_is_excessive_force() -> None:
    from sitrep.pipeline.assemble import force_on_protesters

    text = "Two demonstrators were killed by army fire in the city."
    demo = _at(text, "demonstrators", "Protesters (Sudan)", 6)
    assert force_on_protesters("Attack", [demo], text, text.index("killed")) == "Excessive force against protesters"
    text2 = "Gunmen killed two villagers in the city."
    vill = _at(text2, "villagers", "Civilians (Sudan)", 7)
    assert force_on_protesters("Attack", [vill], text2, text2.index("killed")) == "Attack"


@pytest.mark.parametrize(("sentence", "arrests"), [
    ("Police detained the opposition leader at the rally.", True),
    ("Twenty protesters were arrested outside parliament.", True),
    ("They demanded the release of arrested journalists.", False),
    ("No arrests were reported.", False),
])
def test_arrests_at_a_protest(sentence: str, arrests: bool) -> None:
    from sitrep.pipeline.assemble import _ARRESTS

    assert bool(_ARRESTS.search(sentence)) is arrests


@pytest.mark.parametrize(
    ("sub", "text", "expected"),
    [
        ("Attack", "Gunmen raped and killed a woman near the farm.", "Sexual violence"),
        ("Attack", "Soldiers beat residents and raped two women.", "Sexual violence"),
        ("Attack", "Gunmen shot dead a farmer near the well.", "Attack"),
        ("Sexual violence", "Villagers blocked the road demanding the arrest of the suspected rapist.",
         "Peaceful protest"),
        ("Sexual violence", "Residents beat a man accused of rape.", "Peaceful protest"),
        ("Sexual violence", "Two soldiers sexually assaulted a girl at the market.", "Sexual violence"),
    ],
)
def test_sexual_violence_is_an_act_done(sub: str, text: str, expected: str) -> None:
    proba = dict(UNIFORM, **{"Peaceful protest": 0.3, "Sexual violence": 0.4})
    assert sexual_violence_by_act(sub, text, proba) == expected


@pytest.mark.parametrize(
    ("sub", "text", "families", "expected"),
    [
        ("Protest with intervention", "Police dispersed the march with live ammunition; one protester was killed.",
         {"protest", "intervention"}, "Excessive force against protesters"),
        ("Protest with intervention", "Soldiers fired rifles and tear gas to disperse the crowd.",
         {"protest", "intervention"}, "Excessive force against protesters"),
        ("Protest with intervention", "Police fired tear gas to disperse the crowd.", {"protest", "intervention"},
         "Protest with intervention"),
        ("Protest with intervention", "Police fired shots in the air to disperse the crowd.",
         {"protest", "intervention"}, "Protest with intervention"),
        ("Violent demonstration", "Troops fire gunshots to disperse the crowd. One person dead.",
         {"protest", "intervention"}, "Excessive force against protesters"),
        ("Violent demonstration", "Youths burned tyres; police used live bullets.", {"protest", "riot"},
         "Violent demonstration"),
    ],
)
def test_lethal_force_on_demonstrators_is_excessive(sub: str, text: str, families: set[str], expected: str) -> None:
    assert excessive_force(sub, text, families) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers shot and killed a suicide bomber before he could detonate his vest.", "Armed clash"),
        ("A suicide bomber was arrested at the gate.", "Armed clash"),
        ("A suicide bomber blew himself up at the gate, killing seven.", "Suicide bomb"),
        ("A suicide bomber detonated at a hotel; seven were killed including the suicide bomber.", "Suicide bomb"),
    ],
)
def test_a_bomber_stopped_before_the_blast_is_no_suicide_bombing(text: str, expected: str) -> None:
    proba = dict(UNIFORM, **{"Armed clash": 0.2, "Disrupted weapons use": 0.1})
    assert prevented_blast("Suicide bomb", text, proba) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants attacked the army barracks, the army position was overrun, and they seized vehicles, "
         "arms and ammunition.", "Armed clash"),
        ("Militants took control of the military post and set two trucks ablaze.", "Armed clash"),
        ("Militants overran three checkpoints and took control of the district.",
         "Non-state actor overtakes territory"),
        ("Rebels captured the town after heavy fighting.", "Non-state actor overtakes territory"),
    ],
)
def test_a_raided_post_is_a_clash_a_held_town_a_conquest(text: str, expected: str) -> None:
    assert raid_on_post("Non-state actor overtakes territory", text) == expected


def test_a_territory_battle_needs_a_change_of_control() -> None:
    assert territory_needs_transfer("Non-state actor overtakes territory", {"clash"}) == "Armed clash"
    assert territory_needs_transfer("Government regains territory", {"clash", "territory"}) == (
        "Government regains territory")
    assert territory_needs_transfer("Attack", {"clash"}) == "Attack"


def test_words_that_define_a_base_settle_the_type_however_rare() -> None:
    proba = dict(UNIFORM, Attack=0.6, **{"Headquarters or base established": 0.0001})
    assert choose_type(proba, {"Headquarters or base established"})[0] == "Headquarters or base established"


def test_a_handover_of_ground_settles_a_non_violent_transfer() -> None:
    proba = dict(UNIFORM, Other=0.5, **{"Non-violent transfer of territory": 0.001})
    assert choose_type(proba, {"Non-violent transfer of territory"})[0] == "Non-violent transfer of territory"
    # state forces that receive or give up ground still transfer it: no deployment
    assert base_by_actor("Non-violent transfer of territory", Roles("a", 1)) == "Non-violent transfer of territory"


@pytest.mark.parametrize(
    ("inter1", "expected"), [(3, "Headquarters or base established"), (1, "Change to group/activity")]
)
def test_a_base_is_a_non_state_groups(inter1: int, expected: str) -> None:
    assert base_by_actor("Headquarters or base established", Roles("a", inter1)) == expected


def test_demonstrators_detained_make_an_intervention() -> None:
    from sitrep.pipeline.assemble import _ARRESTS

    assert _ARRESTS.search("Police, however, detained the party president.")
    assert _ARRESTS.search("Several party members were detained by police during the sit-in.")
    assert not _ARRESTS.search("The march passed off peacefully.")


def test_a_written_part_of_a_split_province_gives_that_parts_seat() -> None:
    from sitrep.gazetteer import Gazetteer
    from sitrep.pipeline.assemble import _seat_of_province

    gaz = Gazetteer.open()
    shan = gaz.place(gaz.lookup(["shan"])["shan"][0])
    assert _seat_of_province(shan, gaz, "Shan-North state").admin1 == "Shan-North"
    assert _seat_of_province(shan, gaz, "Shan State").admin1 == _seat_of_province(shan, gaz).admin1


@pytest.mark.parametrize(
    ("text", "families", "expected"),
    [
        ("Youths threw stones at a religious procession and set shops ablaze.", {"riot"}, "Mob violence"),
        ("Two villages fought in a communal clash over a pasture.", {"riot", "clash"}, "Mob violence"),
        ("Protesters threw stones at the police during the procession.", {"riot", "protest"}, "Violent demonstration"),
        ("Rioters burned tyres and stoned police vehicles.", {"riot"}, "Violent demonstration"),
    ],
)
def test_a_riot_against_a_procession_is_mob_violence(text: str, families: set[str], expected: str) -> None:
    from sitrep.pipeline.assemble import mob_without_demonstration

    assert mob_without_demonstration("Violent demonstration", text, families) == expected
    assert mob_without_demonstration("Armed clash", text, families) == "Armed clash"


def test_an_encounter_is_two_sided() -> None:
    from sitrep.pipeline.assemble import _TWO_SIDED

    assert _TWO_SIDED.search("killed in an encounter")


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("The opposition leader was detained shortly after joining a rally downtown.", True),
        ("Two organisers were arrested during the march on Friday.", True),
        ("The suspect was arrested at his home after the rally.", False),
    ],
)
def test_a_leader_detained_at_the_rally_is_an_intervention(text: str, told: bool) -> None:
    from sitrep.pipeline.assemble import _ARRESTS

    assert bool(_ARRESTS.search(text)) is told


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels said they seized two posts, but soldiers pushed back the fighters and regained control.",
         "Armed clash"),
        ("Troops repelled the attack and retook the hill the same night.", "Armed clash"),
        ("Rebels took control of the town after the army withdrew.", "Non-state actor overtakes territory"),
    ],
)
def test_a_takeover_pushed_back_is_a_clash(text: str, expected: str) -> None:
    from sitrep.pipeline.assemble import repelled_takeover

    assert repelled_takeover("Non-state actor overtakes territory", text) == expected
    assert repelled_takeover("Attack", text) == "Attack"


def test_the_state_regains_ground_a_militia_withdrew_from() -> None:
    from sitrep.pipeline.assemble import regainer_first

    roles = Roles("Militia X", 3, "Military Forces of Y", 1)
    text = "The militia withdrew from the town as army troops recaptured it."
    got = regainer_first("Government regains territory", roles, text)
    assert (got.actor1, got.inter1, got.actor2, got.inter2) == ("Military Forces of Y", 1, "Militia X", 3)
    assert territory_by_actor("Government regains territory", got) == "Government regains territory"
    # no withdrawal told, or another type: the roles stand
    assert regainer_first("Government regains territory", roles, "Army troops recaptured the town.") == roles
    assert regainer_first("Armed clash", roles, text) == roles
