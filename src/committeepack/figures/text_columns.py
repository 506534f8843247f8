"""A CSV table's cells checked a column at a time, for speed on large extracts.

:func:`.load.check_rows` checks and words every problem cell by cell; at 400,000 rows that
took seconds. A CSV is read as text, so most of its cells can be vouched for a whole column at
once with string methods that run in C: a column with no control character anywhere, whole
numbers of ASCII digits, months written YYYY-MM. A cell this cannot vouch for is
:data:`UNCHECKED` and goes to the cell-by-cell check, which gives the same value or words the
error; ``tests/test_figures_load.py`` checks that the two agree on every cell they both pass.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..characters import CONTROL, INVISIBLE
from .cells import NAME_MAX, indent_width
from .months import MONTH

if TYPE_CHECKING:
    from .cells import Column
    from .raw_table import RawTable

UNCHECKED = object()
# in a name: two spaces together, or a space other than " " (a line break, a tab, a no-break
# space), which check_cell makes one space, or an invisible character, which it drops
SPACED = re.compile(r"\s\s|[^\S ]|" + INVISIBLE.pattern)
WHOLE_DIGITS = 15  # a figure's most (cells.FIGURE_DIGITS); longer goes to the cell check


class CheckedColumns:
    """The declared columns of a CSV's table, each checked whole."""

    def __init__(
        self, table: RawTable, columns: list[Column], located: dict[str, str | None]
    ) -> None:
        raw = table.cells
        stripped = {name: list(map(str.strip, cells)) for name, cells in raw.items()}
        self.count = len(table)
        self.blank = [not any(cells) for cells in zip(*stripped.values(), strict=True)]
        self.columns = columns
        self.values: dict[str, list | None] = {
            c.name: checked_column(raw[header], stripped[header], c)
            if (header := located[c.name]) is not None
            else None
            for c in columns
        }

    def all_good(self) -> bool:
        """Whether every cell was vouched for, no row is blank and every unique column is."""
        if self.count == 0 or any(self.blank):
            return False
        for column in self.columns:
            values = self.values[column.name]
            if values is None or UNCHECKED in values:  # in C: identity is tried first
                return False
            if column.unique:
                present = [str(v).casefold() for v in values if v is not None]
                if len(set(present)) != len(present):
                    return False
        return True

    def by_column(self) -> dict[str, list]:
        """Each column's values (when :meth:`all_good`)."""
        return {c.name: self.values[c.name] or [] for c in self.columns}

    def lines(self, first: int) -> list[int]:
        """Each row's line, the first being ``first``."""
        return list(range(first, first + self.count))


def checked_column(raw: list[str], stripped: list[str], column: Column) -> list:
    """A column's values where the check is certain to agree with the cell-by-cell one
    (:func:`.cells.check_cell`), :data:`UNCHECKED` elsewhere."""
    filled = all(stripped)  # no empty cell
    if column.kind == "text":
        clean = CONTROL.search("\n".join(raw)) is None  # one search of the whole column
        short = not column.unique or max(map(len, stripped), default=0) <= NAME_MAX
        # a name with a line break or a run of spaces in it is made one line by check_cell
        plain = not column.unique or SPACED.search("|".join(stripped)) is None
        if clean and filled and short and plain:
            return list(stripped)
        values = [
            s
            if s
            and (short or len(s) <= NAME_MAX)
            and (clean or CONTROL.search(r) is None)
            and (plain or SPACED.search(s) is None)
            else UNCHECKED
            for r, s in zip(raw, stripped, strict=True)
        ]
    elif column.kind in ("count", "number"):
        joined = "".join(stripped)
        if (
            filled
            and joined.isascii()
            and joined.isdigit()
            and max(map(len, stripped)) <= WHOLE_DIGITS
        ):
            return list(map(int, stripped))  # every cell a plain whole number: converted in C
        values = [
            int(s) if s.isascii() and s.isdigit() and len(s) <= WHOLE_DIGITS else UNCHECKED
            for s in stripped
        ]
    elif column.kind == "month":
        values = [s if MONTH.fullmatch(s) else UNCHECKED for s in stripped]
    elif column.kind == "indent":
        return [indent_width(r) if s else None for r, s in zip(raw, stripped, strict=True)]
    elif column.kind == "published":
        return [s or None for s in stripped]
    else:
        return [UNCHECKED] * len(raw)
    if not column.required:  # an empty cell is None
        values = [None if not s else v for s, v in zip(stripped, values, strict=True)]
    return values
