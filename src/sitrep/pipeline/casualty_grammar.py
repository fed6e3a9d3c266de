"""The casualty grammar: trigger words, sides and the left/right context patterns, compiled once.

The trigger and side lexicons come from ``knowledge/casualty_terms.yaml``, the number words from
``knowledge/numbers.yaml`` (:class:`~sitrep.pipeline.number_rules.NumberRules`); both are read on first
use, not at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml

from sitrep.paths import knowledge_file
from sitrep.pipeline.number_rules import NumberRules, alt, trie

Side = Literal["civilians", "state", "armed", "unknown"]

_MONTH_NAMES = (
    *[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    *["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"],
)
# what a number must not be followed by: "5 years", "10 km", "3 pm" are no counts
_UNITS = (
    r"(?:years?|days?|weeks?|months?|hours?|minutes?|times|km|kilomet\w+|miles?|metres?|meters?"
    r"|percent|per\s+cent|am|pm|a\.m|p\.m|o'clock|GMT)"
)
# an aside between a list of counts and its verb: ", including two children,", ", most of them women,"
_APPOSITION = (
    r"(?:\s*,\s*(?:including|among\s+(?:them|whom|which)|(?:one|two|some|most|many|all)\s+of\s+(?:them|whom)"
    r"|most(?:ly)?|many|mainly|all|suspected|believed|said|reportedly|aged)\b[^,;.]{0,60},"
    r"|\s+(?:including|among\s+them)\s+[^,;.]{1,50}?)?"
)


@dataclass(slots=True)
class Terms:
    """Trigger and side lexicons from ``knowledge/casualty_terms.yaml``, compiled."""

    passive: re.Pattern[str]
    active: re.Pattern[str]
    passive_lower: re.Pattern[str]  # the same, case-sensitive, for scanning lower-cased text (faster)
    active_lower: re.Pattern[str]
    passive_kind: list[tuple[re.Pattern[str], str]]
    active_kind: list[tuple[re.Pattern[str], str]]
    sides: list[tuple[Side, re.Pattern[str]]]
    civilian_context: re.Pattern[str]
    stop_words: frozenset[str]
    aux_words: tuple[str, ...]


def load_terms(path: Path | None = None) -> Terms:
    """Compile the casualty trigger words and the side lexicon."""
    data = yaml.safe_load((path or knowledge_file("casualty_terms.yaml")).read_text("utf-8"))
    passive_kind = [(re.compile(rf"{alt(v)}\Z", re.I), k) for k, v in data["passive"].items()]
    active_kind = [(re.compile(rf"{alt(v)}\Z", re.I), k) for k, v in data["active"].items()]
    all_passive = [w for v in data["passive"].values() for w in v]
    all_active = [w for v in data["active"].values() for w in v]
    sides: list[tuple[Side, re.Pattern[str]]] = [
        (side, re.compile(rf"\b{alt(data['sides'][side])}\b", re.I)) for side in ("armed", "state", "civilians")
    ]
    return Terms(
        passive=re.compile(rf"\b{alt(all_passive)}\b", re.I),
        active=re.compile(rf"\b{alt(all_active)}\b", re.I),
        passive_lower=re.compile(rf"\b{alt(all_passive)}\b"),
        active_lower=re.compile(rf"\b{alt(all_active)}\b"),
        passive_kind=passive_kind,
        active_kind=active_kind,
        sides=sides,
        civilian_context=re.compile(rf"\b{alt(data['civilian_context'])}\b", re.I),
        stop_words=frozenset(data["np_stop_words"].split()),
        aux_words=tuple(data["aux_words"].split()),
    )


@dataclass(slots=True)
class Grammar:
    """The compiled patterns built from the rules and terms."""

    rules: NumberRules
    terms: Terms
    left: re.Pattern[str]
    left_bare: re.Pattern[str]
    left_zero: re.Pattern[str]
    right: re.Pattern[str]
    right_more: re.Pattern[str]
    right_bare: re.Pattern[str]
    toll: re.Pattern[str]
    coded: re.Pattern[str]
    numnp: re.Pattern[str]


def build_grammar(rules: NumberRules, terms: Terms) -> Grammar:
    """Compile the left/right context grammars."""
    np = _np_pattern(rules, terms)
    num, qual = rules.number_re, rules.qualifier_re
    numnp = _numnp_pattern(num, qual, np)
    numnp_nc = re.sub(r"\(\?P<\w+>", "(?:", numnp)
    lst = rf"{numnp_nc}(?:(?:\s*,\s*{numnp_nc})*\s*,?\s+and\s+(?:{numnp_nc}|{np}))?"
    aux = rf"(?P<aux>(?:\s+(?:{trie(terms.aux_words)}|[a-z]+ed\s+and|[a-z]{{3,}}ly)){{0,4}})"
    return Grammar(
        rules=rules,
        terms=terms,
        left=re.compile(rf"(?P<list>{lst}){_APPOSITION}{aux}\s*\Z", re.I),
        left_bare=re.compile(
            rf"(?:(?:(?<![\w-])(?:the|these|those|several|other)\s+)?(?P<np>{np})|(?<![\w-])(?P<pro>he|she)){aux}\s*\Z",
            re.I,
        ),
        left_zero=re.compile(r"(?<![\w-])no\s+(?:\w+\s+(?:or|and)\s+)?\Z", re.I),
        right=re.compile(rf"\A\s+{numnp}", re.I),
        right_more=re.compile(rf"(?:\s+(?:in|at|near|from|of)\s+{np})?\s*,?\s+and\s+{numnp}", re.I),
        right_bare=re.compile(rf"\A\s+(?:(?:the|several|other)\s+)?(?P<np>{np})(?!\s+(?:who|which|that)\b)", re.I),
        toll=_toll_pattern(num, qual),
        coded=_coded_pattern(num),
        numnp=re.compile(numnp, re.I),
    )


def _np_pattern(rules: NumberRules, terms: Terms) -> str:
    """A noun phrase of up to six words, none of them a stop word, number word or trigger word."""
    stop = set(terms.stop_words) | set(rules.units) | set(rules.tens) | set(rules.scales)
    stop |= {w for w in re.findall(r"[a-z]+", terms.passive.pattern) if len(w) > 3}
    stop -= {"members", "forces", "police", "security", "people", "civilians", "soldiers", "bodies"}
    forms = stop | {w.capitalize() for w in stop} | {w.upper() for w in stop if len(w) > 3}
    stop_re = "(?-i:" + trie(forms) + ")"
    npword = (
        rf"(?:\([^()]{{1,30}}\)|\d+[\s-]years?[\s-]old|of\s+(?:whom|them|those|which)"
        rf"|(?<![\w'’-])[\"“]?(?!{stop_re}\b|[a-z]+ly\b)(?=[\w'’\-]*[A-Za-z])[A-Za-z0-9][\w'’\-]*[\"”]?)"
    )
    return rf"(?:{npword}(?:\s+{npword}){{0,5}})"


def _numnp_pattern(num: str, qual: str, np: str) -> str:
    """A number with its qualifier and noun phrase ("at least 25 regime forces"), not after a month name."""
    months = "".join(f"(?<!{m} )" for m in _MONTH_NAMES)
    return rf"(?<![\w-]){months}(?:{qual}\s+)?(?P<num>{num})(?!\s*%|\s+{_UNITS}\b)(?:\s+(?P<np>{np}))?"


def _toll_pattern(num: str, qual: str) -> re.Pattern[str]:
    """A stated toll: "the death toll rose to 12"."""
    return re.compile(
        rf"\b(?:death|casualty|fatality)\s+(?:toll|total|count)\b(?:[^.;|\n]{{0,140}}?)\b(?:rose|risen|rising|"
        rf"climbed|increased|reached|jumped|hit|stands|stood|stand|is|was|has\s+been|of|at|to|raised|revised|"
        rf"went\s+up)\s+(?:(?:up|upwards?|downwards?)\s+)?(?:from\s+[\w,]+\s+)?(?:to\s+|at\s+)?(?:{qual}\s+)?(?P<num>{num})",
        re.I,
    )


def _coded_pattern(num: str) -> re.Pattern[str]:
    """A coder's note: "fatalities coded as 3", "fatalities: 3", "fatalities split across two events (4)"."""
    return re.compile(
        rf"\bfatalit(?:y|ies)\b[^.;()\[\]]{{0,40}}?\b(?:coded|estimated|recorded)\s+(?:as|to|at)\s+"
        rf"(?:(?P<num>{num})(?![\w-])|(?P<elsewhere>(?:the\s+)?[A-Z]))"
        rf"|\bfatalit(?:y|ies)\s*[:=]\s*(?P<num3>{num})(?![\w-])"
        rf"|\bfatalities\s+(?:are\s+|were\s+)?split\s+(?:across|over|between|among)\s+\w+\s+"
        rf"(?:events|locations)\s*\((?P<num2>\d+)\)",
        re.I,
    )


@lru_cache(maxsize=4)
def grammar(path: Path | None = None) -> Grammar:
    """The default grammar, built once on first use (not at import)."""
    return build_grammar(NumberRules.load(path), load_terms())


def who_side(who: str) -> Side:
    """The side of the people counted: civilians, state forces, armed groups, or unknown."""
    terms = grammar().terms
    if terms.civilian_context.search(who):
        return "civilians"
    for side, pattern in terms.sides:
        if pattern.search(who):
            return side
    return "unknown"
