from sitrep.model import Casualty, Place, Toponym
from sitrep.pipeline.incidents import Incident
from sitrep.pipeline.mentions import Mention
from sitrep.pipeline.summaries import drop_summary_tolls
from sitrep.pipeline.triggers import Trigger

TEXT = "x" * 400


def side(who: str) -> str:
    return "civilians" if "civilian" in who else "unknown"


def incident(name: str, paragraph: int, *counts: int) -> Incident:
    place = Toponym(0, len(name), name, Place(name, 0.0, 29.0, "Democratic Republic of Congo", feature_class="P"))
    start = 40 * paragraph
    casualties = [Casualty(start + i, start + i + 1, "k", n, "killed", "civilians") for i, n in enumerate(counts)]
    m = Mention(start, start + 30, paragraph, [Trigger(start, start + 1, "k", "violence")], casualties=casualties)
    return Incident([m], place, None)


def test_a_lead_toll_that_adds_up_the_incidents_after_it_is_no_event_of_its_own() -> None:
    lead, a, b, c = incident("Beni", 0, 8), incident("Alpha", 1, 5), incident("Beta", 2, 2), incident("Gamma", 3, 1)
    kept = drop_summary_tolls([lead, a, b, c], 0, TEXT, None, side)
    assert [i.place.text for i in kept if i.place] == ["Alpha", "Beta", "Gamma"]


def test_a_lead_toll_that_adds_up_to_nothing_stays() -> None:
    lead, a, b = incident("Beni", 0, 9), incident("Alpha", 1, 5), incident("Beta", 2, 2)
    kept = drop_summary_tolls([lead, a, b], 0, TEXT, None, side)
    assert len(kept) == 3 and lead.mentions[0].casualties[0].count == 9


def test_a_later_paragraph_is_no_lead() -> None:
    a, b, late = incident("Alpha", 0, 5), incident("Beta", 1, 2), incident("Beni", 5, 7)
    assert len(drop_summary_tolls([a, b, late], 0, TEXT, None, side)) == 3
