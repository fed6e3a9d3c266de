"""Name keys: exact keys fold spelling noise, skeletons join transliterations."""

from __future__ import annotations

import pytest

from sitrep.gazetteer.normalize import is_latin, norm, skeleton


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Deir ez-Zor", "deir ez zor"),
        ("Al-Mayādīn", "mayadin"),
        ("al Qadam", "qadam"),
        ("Côte d'Ivoire", "cote divoire"),
        ("Ma’rib", "marib"),
        ("  Kyiv ", "kyiv"),
        ("Al", "al"),
        ("St. Cloud", "st cloud"),
    ],
)
def test_norm(text: str, key: str) -> None:
    assert norm(text) == key


@pytest.mark.parametrize(
    ("a", "b"),
    [("Mayadeen", "Al Mayadin"), ("Deir ez-Zor", "Dayr az Zawr"), ("Kyiv", "Kiev"), ("Qadam", "Al Qadam"),
     ("El Fasher", "Al Fashir")],
)
def test_skeleton_joins_variants(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(("a", "b"), [("Homs", "Hama"), ("Aleppo", "Idlib")])
def test_skeleton_keeps_different_names_apart(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


@pytest.mark.parametrize(("text", "latin"), [("Dūmā", True), ("Дума", False), ("دوما", False)])
def test_is_latin(text: str, latin: bool) -> None:
    assert is_latin(text) is latin
