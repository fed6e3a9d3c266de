"""check_text: a one-line reason for what cannot be coded; short English notes pass."""

from __future__ import annotations

import pytest

from sitrep.ingest import check_text

ENGLISH = ("Government forces shelled the town of Ariha on Monday, killing five civilians and wounding "
           "a dozen others, according to a local monitor who said the attack hit the market.")


@pytest.mark.parametrize(("text", "reason"), [
    (ENGLISH, None),
    ("Shelling in Idlib.", None),
    ("Two killed in Aleppo blast", None),
    ("Clashes near Deir ez-Zor; 3 dead", None),
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("abc\x00def" * 10, "binary"),
    ("\x01\x02\x03\x04 text " * 40, "binary"),
    ("قتل خمسة مدنيين في قصف على مدينة أريحا صباح اليوم", "not English"),
    ("Die Regierung hat heute die neuen Gesetze verabschiedet und alle Parteien stimmten zu, was bei den "
     "Abgeordneten für große Freude sorgte, obwohl manche Kritiker warnten.", "not English"),
    ("Les forces armées ont bombardé la ville dans la nuit et les habitants sont partis pour le sud du pays "
     "avec leurs familles.", "not English"),
    ("Los manifestantes bloquearon la carretera para exigir el pago de los salarios atrasados de una empresa.",
     "not English"),
    ("25 Sep. Matatu drivers held demonstration in Kwale against private cars carrying passengers, blocking "
     "roads near Ukunda town centre.", None),
])
def test_check_text(text: str, reason: str | None) -> None:
    got = check_text(text)
    if reason is None:
        assert got is None
    else:
        assert got is not None and got.startswith(reason) and "\n" not in got


def test_too_large() -> None:
    reason = check_text(ENGLISH * 10, max_chars=100)
    assert reason is not None and reason.startswith("too large")
