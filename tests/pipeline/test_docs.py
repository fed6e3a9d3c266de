from datetime import date

import pytest

from sitrep.errors import MalformedLine
from sitrep.pipeline.docs import parse_line


def test_parse_line_reads_the_documents_format() -> None:
    art = parse_line('{"id": 7, "text": "x", "published": "2020-01-02", "events": []}', "f:1")
    assert art.id == "7" and art.published == date(2020, 1, 2)


@pytest.mark.parametrize(
    ("line", "msg"),
    [
        ("{not json", "not JSON"),
        ('{"id": 1}', "'text'"),
        ('{"text": 3}', "string"),
        ('{"text": "a", "published": "May"}', "YYYY"),
    ],
)
def test_malformed_lines_name_the_line(line: str, msg: str) -> None:
    with pytest.raises(MalformedLine, match=f"f:9.*{msg}"):
        parse_line(line, "f:9")
