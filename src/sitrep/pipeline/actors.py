"""Find the actors a text names and normalise them to ACLED-style names and inter codes.

Every alias in the knowledge files (``knowledge/actors/*.yaml``) compiles into two trie-shaped
regular expressions, one case-insensitive and one for exact-case acronyms ("IS", "HTS"), scanned
once over the text. The tokens found are then read left to right: a country word qualifies the
force noun after it ("Syrian regime forces"), an ethnic name makes the militia noun after it an
ethnic militia ("Pokot raiders"), a group joined to another by "or" becomes "A and/or B".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sitrep.errors import ResourceError
from sitrep.model import ActorMention
from sitrep.pipeline.actor_knowledge import GENERIC_KINDS, Knowledge, load_knowledge, shipped_paths
from sitrep.pipeline.actor_lexicon import Lexicon, build_lexicon, compile_aliases
from sitrep.pipeline.actor_naming import ReadContext
from sitrep.pipeline.actor_partisans import PartisanReader
from sitrep.pipeline.actor_reader import ActorReader, vote
from sitrep.pipeline.alias_trie import is_exact_case, norm_key, trie_pattern


class ActorRecognizer(ActorReader, PartisanReader):
    """Finds actors in text and names them as ACLED does.

    ``paths``: extra knowledge files (same schema) read after the shipped ones, so an analyst's
    file can add groups or override a country's periods. ``shipped=False`` reads only ``paths``.
    """

    def __init__(self, paths: Sequence[str | Path] | None = None, shipped: bool = True,
                 countries_tsv: str | Path | None = None) -> None:
        self.paths = [Path(p) for p in paths or ()]
        self.shipped = shipped
        self.countries_tsv = Path(countries_tsv) if countries_tsv else None
        self._k: Knowledge | None = None
        self._lex = Lexicon()
        self._folded: re.Pattern[str] | None = None
        self._exact: re.Pattern[str] | None = None
        self._loyal: re.Pattern[str] | None = None
        self._country_index: dict[str, str] = {}
        self._partisan: re.Pattern[str] | None = None
        self._partisan_acronym: frozenset[str] = frozenset()
        self._partisan_not_names: frozenset[str] = frozenset()

    # -- loading --------------------------------------------------------------------------------
    def initialize(self) -> ActorRecognizer:
        """Load and validate the knowledge files and compile the matchers."""
        paths = (shipped_paths() if self.shipped else []) + self.paths
        if not paths:
            raise ResourceError("no actor knowledge files given: pass paths= or keep shipped=True")
        k = load_knowledge(paths, self.countries_tsv)
        self._lex = build_lexicon(k)
        self._folded = compile_aliases(self._lex.folded_forms, ignore_case=True)
        self._exact = compile_aliases(self._lex.exact_forms, ignore_case=False)
        self._loyal = re.compile(r"\s+" + (k.loyal_to or "loyal to") + r"\s+", re.IGNORECASE)
        self._country_index = {norm_key(q): s.country for s in k.states.values()
                               for q in (s.country, *s.qualifiers, *s.places, *s.demonyms)}
        self._compile_partisans(k)
        self._k = k
        return self

    def guess_country(self, text: str, start: int = 0, end: int | None = None) -> str | None:
        """The country a text names most often (country names, demonyms, leaders); None when none."""
        return vote(text, self._tokens(text, start, len(text) if end is None else end))

    # -- finding --------------------------------------------------------------------------------
    def find(self, text: str, country: str | None = None, when: date | None = None, start: int = 0,
             end: int | None = None, implicit: bool = False) -> list[ActorMention]:
        """Actors named in ``text[start:end]`` (offsets into the whole text), in text order.

        ``country`` is the document's country (ACLED name or any alias); without it the country
        the slice names most often is used for unqualified mentions ("soldiers", "civilians").
        ``implicit=True`` also returns actors implied by event words ("protested").
        """
        end = len(text) if end is None else end
        tokens = self._tokens(text, start, end)
        doc_country = self.canonical_country(country) or country
        if doc_country is None:
            doc_country = vote(text, tokens)
        ctx = ReadContext(text, doc_country, when, implicit)
        self._read(ctx, tokens)
        self._partisans(ctx, tokens, start, end)
        found = [a for a in self._combine(ctx) if not _DRESS.match(text, a.end) and not _speaker(text, a)]
        return _named_next(text, found)


# "militants in military uniforms", "gunmen dressed in police fatigues": clothing, not an actor
_DRESS = re.compile(r"['’]?s?\s+(?:uniforms?|fatigues|clothes|clothing|attire|outfits?|gear)\b", re.IGNORECASE)
# who tells the news, not a side of it: "Afghan officials said", "a security official told AFP", "according to
# residents", "witnessed by journalists"
_SAYS_AFTER = re.compile(r"(?:\s+(?:in|from|of|at)(?:\s+[\w-]+){1,3}?)?\s+(?:(?:also|later|earlier)\s+)?"
                         r"(?:said|say|says|told|reported|added|confirmed|stated|blamed|accused)\b")
_SAYS_BEFORE = re.compile(r"\b(?:according\s+to|said|told|witnessed\s+by|quoted)\s+"
                          r"(?:an?\s+|the\s+|some\s+|several\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _speaker(text: str, a: ActorMention) -> bool:
    """A civilian noun that tells the news ("officials said", "according to residents") names no side of it."""
    return a.inter == 7 and not a.implicit and bool(
        _SAYS_AFTER.match(text, a.end) or _SAYS_BEFORE.search(text, max(0, a.start - 40), a.start))


_GENERIC_NAMES = ("Unidentified", "Civilians", "Protesters", "Rioters")
_NAMING_NEXT = re.compile(r"\s*\(\s*|\s+(?:of|from)\s+(?:the\s+)?")


def _named_next(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """An unidentified group the next words name is that group: "volunteer fighters (VDP)", "fighters of
    Faylaq al-Sham", "gunmen from the Taliban"."""
    out = []
    for i, a in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (a.name.startswith("Unidentified") and nxt is not None and not nxt.name.startswith(_GENERIC_NAMES)
                and nxt.start - a.end <= 10 and _NAMING_NEXT.fullmatch(text, a.end, nxt.start)):
            continue
        out.append(a)
    return out


__all__ = ["GENERIC_KINDS", "ActorRecognizer", "is_exact_case", "norm_key", "trie_pattern"]
