"""Row names as a published table writes them, checked for what means nothing in a paper.

Published tables mark a row's name with a note: "Violence against the person [note 3]",
"Theft offences*", "Stalking and harassment¹". Copied into committeepack, the mark would be
printed in the paper's tables, charts and sentences, pointing to a note the paper does not
have. Each such name of a printed table is a warning at its line.
"""

from __future__ import annotations

import re

from ..errors import InputError
from .cells import Column
from .load import Rows

NOTE_MARK = re.compile(
    r"(?:\s*\[(?:note\s*)?\d+\]|\s*\[[a-z]\]|\*+|[\u00b9\u00b2\u00b3\u2070-\u2079\u2020\u2021]+)$",
    re.IGNORECASE,
)


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
