"""Characters a Word document cannot carry, or should not: found in any text a user gives
(figures, narrative, front matter, committeepack.toml) before it reaches a paper."""

from __future__ import annotations

import re
import unicodedata

# characters XML (so Word) cannot hold: every control character but tab and line ends, and
# the two noncharacters U+FFFE and U+FFFF; and the invisible marks that reverse or isolate
# the direction of the text around them (text would read otherwise than written)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")

# invisible characters that web pages and PDFs leave in text copied from them: the soft
# hyphen, the zero-width space, the word joiner and the zero-width no-break space (a byte order
# mark inside a line). A name holding one looks like, but is not, the name typed elsewhere
INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def without_invisible(text: str) -> str:
    """``text`` without the :data:`INVISIBLE` characters (names are matched and printed so)."""
    return INVISIBLE.sub("", text) if INVISIBLE.search(text) else text


def control_problem(character: str) -> str:
    """What is wrong with a character :data:`CONTROL` found, and what to do."""
    if ord(character) >= 0xFFFE:  # "noncharacters", which XML (so Word) refuses
        return (
            f"holds U+{ord(character):04X}, which is not a character (a file damaged, or "
            "saved in another encoding); delete it"
        )
    if ord(character) >= 0x202A:
        return (
            f"holds an invisible direction mark (U+{ord(character):04X}) that makes the text "
            "around it read in another order than it is written; delete it"
        )
    return (
        f"holds a control character (code {ord(character):#04x}) that a Word document "
        "cannot carry; delete it (it is often pasted in from another program)"
    )


def composed(text: str) -> str:
    """``text`` with each accented letter as one character (Unicode NFC): a file saved on a Mac
    may write "ŷ" as "y" and a combining circumflex, which looks the same but is not the same
    name as the "ŷ" typed elsewhere, so a lookup would fail naming a row that looks identical."""
    return unicodedata.normalize("NFC", text)
