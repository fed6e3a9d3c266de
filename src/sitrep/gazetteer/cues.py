"""Cues in the words around a name: where places are written, parts of towns, streets, institutions,
and ACLED's geo_precision that follows from them."""

from __future__ import annotations

import re

from sitrep.gazetteer.index import Entry
from sitrep.gazetteer.recognize import Span

_NEAR_BEFORE = re.compile(
    r"(?:\bnear|\boutside|\boutskirts of|\bnorth of|\bsouth of|\beast of|\bwest of|\bnortheast of|"
    r"\bnorthwest of|\bsoutheast of|\bsouthwest of|\baround|\bclose to|\bvicinity of|\bkm of|"
    r"\bmiles of|\bcountryside of|\bdistrict of|\barea of|\bsuburbs? of|\bedge of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DISTANCE_BEFORE = re.compile(r"\b(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+)?(?:of|from)\s+$", re.I)
_AREA_AFTER = re.compile(r"^\s+(?:districts?|area|regions?|countryside|suburbs?|outskirts|environs|vicinity|"
                         r"neighbou?rhood|provinces?|governorates?|count(?:y|ies))\b", re.I)
# a capital or country as the subject of a verb of speech, stance or policy: "Moscow vetoed",
# "Washington has blamed", "Ankara is also seeking"
_AUXILIARIES = (r"(?:(?:has|have|had|is|was|are|were|been|will|would|also|then|later|now|again|itself|repeatedly)"
                r"\s+){0,3}")
_STANCE_VERBS = (
    r"said|says|say|announced|announces|accused|accuses|denied|denies|warned|warns|claimed|claims|condemned|"
    r"condemns|urged|urges|rejected|rejects|insists|insisted|demanded|demands|responded|blamed|blames|vetoed|"
    r"vetoes|regards|regarded|considers|considered|called|calls|threatened|threatens|vowed|vows|backed|backs|"
    r"supports|supported|recognized|recognised|approved|imposed|stressed|believes|believed|agreed|argued|hopes|"
    r"wants|fears|feared|seeking|sought|seeks|leading|leads|led|extended|massed|ordered|sent|deployed|pledged|"
    r"promised|expressed|reiterated|maintains|maintained|confirmed|acknowledged|admitted|suspects|suspected|"
    r"views|viewed|described|dismissed|welcomed|criticized|criticised|sanctioned|expelled|summoned"
)
# a capital or country opening a clause as the agent of a military act: "Moscow has been staging air strikes"
# ("teachers in Ouagadougou staged a protest" is a place: the name does not open the clause)
METONYM_ACT_AFTER = re.compile(rf"^\s+{_AUXILIARIES}(?:staging|staged|launching|launched|conducting|conducted|"
                               r"carrying\s+out|carried\s+out)\s+(?:\w+\s+){0,2}(?:strikes|raids|attacks|bombing|"
                               r"operations?|offensives?|campaigns?)\b", re.I)
CLAUSE_OPEN_BEFORE = re.compile(r"(?:^|[.;:!?]\s*|\b(?:and|but|while|as|since|because|after|when|that)\s+)$")
METONYM_AFTER = re.compile(rf"^['’]?s?\s+{_AUXILIARIES}(?:{_STANCE_VERBS})\b"
                           # the agent of an act told in the infinitive: "leading Damascus to bomb Kurdish positions"
                           r"|^\s+to\s+(?:bomb|strike|attack|launch|send|deploy|retaliate|intervene|target|shell)\b")
# a name used as a modifier of another word: "London-based", "Iran-backed", "US-led"
ATTRIBUTIVE_AFTER = re.compile(r"^-(?:based|backed|led|supported|funded|brokered|sponsored|allied|aligned|"
                               r"headquartered|registered|born|made)\b", re.I)
# a capital or country as the agent or addressee of an act: "carried out by Washington",
# "calling on Moscow to", "prompted Washington to"
METONYM_AGENT_BEFORE = re.compile(r"\b(?:by|calling on|called on|calls on|urged|urging|prompted|pressed|"
                                  r"pressing|told|asked|warned)\s+$", re.I)
# the seat of power standing for the government: "the regime in Damascus", "its Kabul ally"
METONYM_BEFORE = re.compile(r"\b(?:regime|government|authorities|leadership|rulers?)\s+(?:in|of)\s+$"
                            r"|\b(?:its|their|his|her|key|main|close)\s+(?:allies|ally|backers?|patrons?|partners?)\s+$",
                            re.I)  # "in support of its ally Damascus"
METONYM_NOUN_AFTER = re.compile(r"^\s+(?:ally|allies|regime|government|authorities|leadership|rulers?)\b", re.I)
LOCATIVE_BEFORE = re.compile(  # "in X", "in western X", "parts of X"
    r"\b(?:in|near|at|on|outside|around|towards?|from|village of|town of|city of|district of|parts of|outskirts of)"
    r"\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?\s+|central\s+|rural\s+)?$", re.I
)
_STREET_AFTER = re.compile(r"^\s+(?:St|Street|Rd|Road|Ave|Avenue|Dr|Drive|Ln|Lane|Blvd|Boulevard|Way|Court|Ct|"
                           r"Circle|Trail|Pike|Parkway|Highway|Hwy|Place|Terrace|Square|Plaza|"
                           r"Bridge|Park|Hall|Theat(?:er|re))\b")  # sites named after people as often as towns
_STREET_AFTER_LOWER = re.compile(r"^\s+(?:street|avenue|boulevard|lane|square|park|bridge|hall|theat(?:er|re))\b")
_REGION_CODES = frozenset({"ADM1", "ADM2X", "PCLI", "RGN", "DSRT", "CONT", "OCN", "SEA", "GULF", "ISL", "AREA"})


def geo_precision(text: str, span: Span, e: Entry) -> int:
    """ACLED geo_precision: 3 for a province or country, 2 for 'near X' / 'X district', else 1."""
    if e.fcode in _REGION_CODES:
        return 3
    before = text[max(0, span.start - 40) : span.start]
    if _NEAR_BEFORE.search(before) or _DISTANCE_BEFORE.search(before):
        return 2
    if _AREA_AFTER.match(text[span.end : span.end + 25]):
        return 2
    return 2 if e.fcode == "ADM2" else 1


_LOCAL_AFTER = re.compile(r"^\s+(?:neighbou?rhoods?|community|communities|quarter|ward|sector|barrio|colonia|"
                          r"district of the city|suburb|settlement|avenue|street|square|park|favelas?|slums?|"
                          r"shanty ?town|township of the city|(?:slums?|favela|housing) complex)\b", re.I)
_LOCAL_BEFORE = re.compile(r"\b(?:colonia|barrio|neighbou?rhood of|bairro|ward of|quarter of|favela(?: of)?|"
                           r"slums? of|complexo(?: d[aeo])?)\s+$", re.I)


# "a (residential) neighbourhood of Aleppo": one of the town's parts, the town named; "the neighbourhood of X" names X
_PART_OF_TOWN = re.compile(r"\b(?:an?|one|another)\s+(?:[\w-]+\s+){0,2}(?:neighbou?rhood|ward|quarter)\s+of\s+$", re.I)


def is_local(text: str, span: Span) -> bool:
    """A part of a town: 'X neighborhood', 'Colonia X', 'X community' (not 'a neighbourhood of X': X is the town)."""
    before = text[max(0, span.start - 45) : span.start]
    return bool(_LOCAL_AFTER.match(text[span.end : span.end + 30])
                or (_LOCAL_BEFORE.search(before[-25:]) and not _PART_OF_TOWN.search(before))
                or span.text.lower().startswith(("colonia ", "barrio ", "bairro ")))


_INSTITUTION = re.compile(r"\b(?:University|College|School|Institute|Hospital|Church|Mosque|Company|Bank|Airlines?|"
                          r"Stadium|Foundation|Party|Movement|Club|Council|Association|Union)\b")


def names_institution(text: str, span: Span, named: list[tuple[int, int]]) -> bool:
    """'San Agustin National University': a place name that only starts an institution's name."""
    return any(s <= span.start and span.end <= e and _INSTITUTION.search(text[span.end : e]) for s, e in named)


_DWELLERS_OF = re.compile(r"\b(?:residents|citizens|inhabitants|people|villagers|natives|dwellers|locals|"
                          r"populations?)\s+of\s+(?:the\s+)?$", re.I)


def names_dwellers(text: str, span: Span, named: list[tuple[int, int]]) -> bool:
    """'Residents of X', which a tagger may take for an organisation's name: X is the place they live in."""
    return any(s <= span.start and span.end <= e and _DWELLERS_OF.search(text[s : span.start]) for s, e in named)


def is_street(text: str, span: Span) -> bool:
    """'Main St.', 'Dublin Road', 'Della Commenda street', 'Roosevelt Bridge', 'Willard Park': a street or
    a site named after a place or a person, not the place (an airport or stadium stays: "Kisumu Airport"
    is in Kisumu)."""
    after = text[span.end : span.end + 12]
    return bool(_STREET_AFTER.match(after) or _STREET_AFTER_LOWER.match(after))
