"""Aliases compiled into one prefix-tree regex, and the lookup key of a matched alias.

A plain alternation of thousands of aliases makes the regex engine try each one at every position;
the same aliases shaped as a prefix tree share their prefixes, so a scan costs about one pass.
Spaces and hyphens match any run of spaces or hyphens, apostrophes and dots are optional.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_PUNCT = re.compile(r"['’.]")
_SPACE = re.compile(r"[\s\-]+")


def norm_key(text: str, keep_case: bool = False) -> str:
    """The lookup key of an alias or a matched text: no apostrophes or dots, spaces and hyphens as one space."""
    key = _SPACE.sub(" ", _PUNCT.sub("", text)).strip()
    return key if keep_case else key.casefold()


def is_exact_case(alias: str) -> bool:
    """Acronym-like aliases ("IS", "LeT", "KDF") are matched with their exact case."""
    return " " not in alias and sum(c.isupper() for c in alias) >= 2


def _atom(char: str) -> str:
    if char in "'’":
        return "['’]?"
    if char == ".":
        return r"\.?"
    if char in " -":
        return r"[\s\-]+"
    return re.escape(char)


def _atoms(alias: str) -> tuple[str, ...]:
    atoms: list[str] = []
    for char in alias.strip():
        atom = _atom(char)
        if not (atoms and atom == atoms[-1] == r"[\s\-]+"):
            atoms.append(atom)
    return tuple(atoms)


def trie_pattern(aliases: Iterable[str]) -> str:
    """One regex alternation shaped as a prefix tree: fast to scan, longest alias wins."""
    root: dict[str, dict] = {}
    for alias in aliases:
        node = root
        for atom in _atoms(alias):
            node = node.setdefault(atom, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, dict]) -> str:
    end = "" in node
    branches = [atom + _emit(child) for atom, child in sorted(node.items()) if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body
