"""Tests for sitrep.pipeline.number_rules: number words and the shipped numbers.yaml."""

from __future__ import annotations

import pytest
import yaml

from sitrep.paths import knowledge_file
from sitrep.pipeline.number_rules import NumberRules


def test_numbers_yaml_schema() -> None:
    data = yaml.safe_load(knowledge_file("numbers.yaml").read_text("utf-8"))
    for key in ("units", "tens", "scales", "phrases", "vague"):
        assert data[key] and all(isinstance(k, str) and isinstance(v, int) and v >= 0 for k, v in data[key].items())
    assert set(data["unnumbered"]) == {"limited", "significant", "singular"}
    assert set(data["qualifiers"].values()) <= {"low", "high", "approx"}
    assert data["vague"]["tens"] == 10 and data["vague"]["dozens"] == 12 and data["vague"]["hundreds"] == 100
    assert data["unnumbered"]["limited"] == 3 and data["unnumbered"]["significant"] == 10


@pytest.mark.parametrize(
    ("words", "value"),
    [("twenty-five", 25), ("one hundred and two", 102), ("two thousand", 2000), ("a hundred", 100), ("seven", 7)],
)
def test_number_words(words: str, value: int) -> None:
    assert NumberRules.load().words_value(words) == value
