"""Reading numbers: digits, number words, vague quantities and ranges, from ``knowledge/numbers.yaml``.

    >>> rules = NumberRules.load()
    >>> rules.parse("between 10 and 15")
    (10, False, 10, 15)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sitrep.paths import knowledge_file


def alt(words: list[str]) -> str:
    """A regex alternation of fragments, longest first so multi-word forms win."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


def trie(words: Iterable[str]) -> str:
    """A regex matching any of the literal ``words``, built as a prefix tree (fast to test).

    Longer words are tried first at every branch, so the longest word matches.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        if len(branches) == 1 and not optional:
            return body
        return body + ("?" if optional else "")

    return "(?:" + emit(tree) + ")"


@dataclass(slots=True)
class NumberRules:
    """Number words, vague quantities and qualifiers from ``knowledge/numbers.yaml``."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    phrases: dict[str, int]
    vague: dict[str, int]
    unnumbered: dict[str, int]
    qualifiers: dict[str, str]
    number_re: str = field(default="", init=False)
    qualifier_re: str = field(default="", init=False)

    def __post_init__(self) -> None:
        """Build the number and qualifier regex fragments (cheap string work)."""
        word = trie([*self.units, *self.tens, *self.scales])
        scale = "|".join(f"(?<={s})" for s in self.scales)
        spelled = (
            rf"(?:an?\s+{alt(list(self.scales))}|{word})(?:[\s-]+{word})*"
            rf"(?:(?:{scale})\s+and\s+{word}(?:[\s-]+{word})*)?"
        )
        not_year = r"(?<![\d,.])(?!(?:19|20)\d\d\b)"
        digits = rf"{not_year}\d{{1,3}}(?:,\d{{3}})+(?!\d|,\d)|{not_year}\d+(?!\d|,\d|-year|\.\d)"
        rng = (
            rf"(?:between\s+(?:{digits}|{spelled})\s+and\s+(?:{digits}|{spelled}))"
            rf"|(?:{digits})\s*(?:-|–|to)\s*(?:{digits})"
        )
        multi = [re.escape(p).replace(r"\ ", r"\s+") for p in [*self.vague, *self.phrases]]
        zero = r"no\s+one|nobody|none|no|zero"
        dozen = rf"(?:{spelled}|{digits})\s+dozens?(?![\w-])"
        self.number_re = rf"(?:{rng}|{dozen}|{alt(multi)}(?![\w-])|{spelled}(?![\w-])|{digits}|{zero})"
        self.qualifier_re = alt([re.escape(q).replace(r"\ ", r"\s+") for q in self.qualifiers])

    @classmethod
    def load(cls, path: Path | None = None) -> NumberRules:
        """Read the rules from a YAML file (default: the shipped ``numbers.yaml``)."""
        data: dict[str, Any] = yaml.safe_load((path or knowledge_file("numbers.yaml")).read_text("utf-8"))
        return cls(
            units=data["units"],
            tens=data["tens"],
            scales=data["scales"],
            phrases=data["phrases"],
            vague=data["vague"],
            unnumbered=data["unnumbered"],
            qualifiers=data["qualifiers"],
        )

    def words_value(self, text: str) -> int | None:
        """The value of a spelled-out number ("twenty-five", "one hundred and two"), else None."""
        total, current = 0, 0
        tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
        if not tokens:
            return None
        for tok in tokens:
            if tok in ("a", "an"):
                current = max(current, 1)
            elif tok in self.units:
                current += self.units[tok]
            elif tok in self.tens:
                current += self.tens[tok]
            elif tok in self.scales:
                scale = self.scales[tok]
                if scale == 100:
                    current = max(current, 1) * 100
                else:
                    total += max(current, 1) * scale
                    current = 0
            else:
                return None
        return total + current

    def parse(self, text: str) -> tuple[int, bool, int | None, int | None] | None:
        """(count, vague, low, high) for a matched number expression, or None."""
        low_text = re.sub(r"\s+", " ", text.strip().lower())
        if low_text in ("no one", "nobody", "none", "no", "zero"):
            return 0, False, None, None
        if low_text in self.vague:
            return self.vague[low_text], True, None, None
        if low_text in self.phrases:
            return self.phrases[low_text], False, None, None
        m = re.fullmatch(r"between (.+) and (.+)", low_text) or re.fullmatch(
            r"([\d,]+)\s*(?:-|–|to)\s*([\d,]+)", low_text
        )
        if m:
            a, b = self._single(m.group(1)), self._single(m.group(2))
            if a is None or b is None:
                return None
            return min(a, b), False, min(a, b), max(a, b)
        dozen = re.fullmatch(r"(.+) dozens?", low_text)
        if dozen:  # "two dozen" -> 24
            n = self._single(dozen.group(1))
            return None if n is None else (n * 12, False, None, None)
        value = self._single(low_text)
        return None if value is None else (value, False, None, None)

    def _single(self, text: str) -> int | None:
        """A single number in digits or words."""
        if re.fullmatch(r"[\d,]+", text):
            return int(text.replace(",", ""))
        return self.words_value(text)
