"""Row names as a published table writes them, checked for what means nothing in a paper.

Published tables mark a row's name with a note: "Violence against the person [note 3]",
"Theft offences*", "Stalking and harassment¹". Copied into committeepack, the mark would be
printed in the paper's tables, charts and sentences, pointing to a note the paper does not
have. Each such name of a printed table is a warning at its line; a name asked for that is
the start of one (the mark after it), or spelt nearly as one, is suggested.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..characters import composed, without_invisible
from ..errors import InputError

if TYPE_CHECKING:
    from .cells import Column
    from .load import Rows

NOTE_MARK = re.compile(
    r"(?:\s*\[(?:note\s*)?\d+\]|\s*\[[a-z]\]|\*+|[\u00b9\u00b2\u00b3\u2070-\u2079\u2020\u2021]+)$",
    re.IGNORECASE,
)


def name_key(name: str) -> str:
    """A row's name as it is matched: its capitals, spaces (a no-break space typed in Word, a
    double space, a line break), invisible characters copied from a web page and the way its
    accents were saved do not count."""
    return " ".join(without_invisible(composed(name)).split()).casefold()


def note_marks(rows: Rows, columns: list[Column]) -> list[InputError]:
    """A warning for each row name (a unique text column's cell) that ends with a note's
    mark."""
    names = [c.name for c in columns if c.unique and c.kind == "text"]
    problems = []
    for row, line in zip(rows.rows, rows.lines, strict=True):
        for name in names:
            value = row.get(name)
            mark = NOTE_MARK.search(value) if isinstance(value, str) else None
            if mark and mark.start() > 0:
                problems.append(
                    rows.error(
                        line,
                        f"column '{name}': '{value}' ends with the note mark "
                        f"'{mark.group().strip()}', which the paper would print with no note "
                        "to go to; take it off the name, and say what it meant in the "
                        "narrative if it matters",
                    )
                )
    return problems


def meant_row(key: str, names: list[str]) -> str | None:
    """The row a name that is none of them was perhaps meant to be: the one it is the start
    of (a published table's note mark after it: 'Robbery [note 3]'), or one spelt nearly
    the same; None in a table too long to compare (the message lists its first rows)."""
    folded = key.casefold()
    started = [n for n in names if n.casefold().startswith(folded) and len(n) - len(key) <= 12]
    if len(started) == 1:
        return started[0]
    if len(names) > 5000:
        return None
    import difflib

    close = difflib.get_close_matches(key, names, n=1, cutoff=0.85)
    return close[0] if close else None
