import pytest

from sitrep.pipeline.furniture import body_spans, headline_span, is_hard_wrapped, split_blocks, unwrap

PAGE = """Rebels seize border town

Rebels seize border town
3 min read
Last updated 4 May 2021 10:05 GMT
Rebels took control of the border town of Kaleb on Monday, residents said.
Fighters on a pickup truck outside Kaleb [AFP]

Related: Talks stall in the capital
The army said it would respond."""


def texts(page: str, spans: list[tuple[int, int]]) -> list[str]:
    return [page[s:e] for s, e in spans]


def test_body_keeps_sentences_and_drops_furniture() -> None:
    body = texts(PAGE, body_spans(PAGE))
    assert body == [
        "Rebels took control of the border town of Kaleb on Monday, residents said.",
        "The army said it would respond.",
    ]


def test_headline_is_the_first_label_line() -> None:
    span = headline_span(PAGE)
    assert span is not None and PAGE[span[0] : span[1]] == "Rebels seize border town"


def test_repeated_headline_is_not_a_second_headline() -> None:
    assert sum(b.headline for b in split_blocks(PAGE)) == 1


@pytest.mark.parametrize(
    "line",
    ["2 min read", "Updated: 3 December 2017", "By Jane Doe", "Read more: earlier attacks", "Photo: a burned car"],
)
def test_furniture_lines(line: str) -> None:
    text = f"{line}\nSoldiers clashed with rebels near the town on Sunday."
    assert texts(text, body_spans(text)) == ["Soldiers clashed with rebels near the town on Sunday."]


def test_plain_note_is_all_body() -> None:
    note = "On 3 May 2020, police arrested two men in the town. [size=no report]"
    assert body_spans(note) == [(0, len(note))]


WIRE = (
    "Rockets fired by rebel fighters\nkilled 14 civilians, most of them children, as fighting\n"
    "intensified for control of the city, residents\nsaid on Monday, adding that the attacks\n"
    "continued through the night and into the\nmorning, when markets stayed closed.\n\nA second paragraph here."
)


def test_hard_wrapped_wire_copy_is_unwrapped_in_place() -> None:
    assert is_hard_wrapped(WIRE)
    flat = unwrap(WIRE)
    assert len(flat) == len(WIRE)
    assert "fighters killed" in flat and "\n\nA second" in flat


def test_ordinary_page_is_not_hard_wrapped() -> None:
    assert not is_hard_wrapped(PAGE)


def test_a_wire_dateline_with_its_date_is_no_event_place() -> None:
    from sitrep.pipeline.furniture import dateline_spans

    text = "SANAA Aug 24 Rockets fired by militiamen killed 14 civilians in Taiz."
    assert [text[a:b] for a, b in dateline_spans(text)] == ["SANAA"]
    assert dateline_spans("The UN Aug 24 report said nothing.") == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("A hospital in Binnish after the raid. (Press Agencies) Jets hit the town on Saturday. Two died.",
         [" Jets hit the town on Saturday. Two died."]),
        ("A soldier walks past ruins in Binnish on Monday (AFP photo) BEIRUT Nine people died on Friday.",
         [" BEIRUT Nine people died on Friday."]),
        ("Nine people died in Binnish on Friday, police said. (AFP)",
         ["Nine people died in Binnish on Friday, police said. (AFP)"]),
        ("Men search a hospital in Meles, Syria August 6 2016. (Reuters) Jets hit Binnish on Monday.",
         [" Jets hit Binnish on Monday."]),
        ("Jets hit Binnish. Tags Syria Idlib airstrike Homs At least two died.",  # a keyword list run into the text
         ["Jets hit Binnish. ", "At least two died."]),
        ("Jets hit Binnish. Tags Syria Idlib airstrike Homs", ["Jets hit Binnish. Tags Syria Idlib airstrike Homs"]),
        ("Jets hit Binnish, the monitor said. Related News Toll rises to 70 as bombs rain on the south Aid "
         "agencies warn of exodus", ["Jets hit Binnish, the monitor said. "]),  # links to other stories
        ("Officials said related news reports were wrong. Two died.",
         ["Officials said related news reports were wrong. Two died."]),
    ],
)
def test_a_caption_inside_a_line_ends_with_its_credit(text: str, body: list[str]) -> None:
    assert [text[a:b] for a, b in body_spans(text)] == body
