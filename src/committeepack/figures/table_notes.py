"""Notes typed under a published table (its source, footnotes, what its symbols mean): found
at the end of the table, and passed over when they are set apart from its figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .cells import blank
from .raw_table import UNNAMED, RawTable

# how a note under a table begins, when no blank row sets it apart: "Source: ...", "Notes",
# "Note 1 ...", "* provisional", "[x] not available", "1. Figures are ..."
NOTE_START = re.compile(r"(sources?|notes?|footnotes?)\b|[*†‡\[(]|\d{1,2}[.)]\s", re.IGNORECASE)


@dataclass
class NoteBelow:
    """The first of the rows ending a table that hold one value only."""

    index: int  # its row under the headings, counted from 0
    line: int  # its line in the file
    text: str
    place: int  # its column, counted from 1
    stray: bool  # one of the rows holds its value in a column with no heading

    def set_apart(self, table: RawTable) -> bool:
        """Whether the rows are notes to pass over: each in the first column, and either
        below a blank row or the first beginning as a note does. A single name under the last
        row of figures is not passed over: it may be a row whose figures are missing."""
        if self.stray:
            return False
        if self.index > 0 and all(blank(c[self.index - 1]) for c in table.cells.values()):
            return True
        return NOTE_START.match(self.text) is not None


def note_below(table: RawTable) -> NoteBelow | None:
    """The first of the rows at the end of ``table`` that hold text in their first cell only
    (a source or a footnote typed under the table), or one value in a column with no heading
    (a stray cell); None when the table ends with a row of figures. Only the end of the table
    is looked at."""
    columns = list(table.cells.values())
    if len(columns) < 2:
        return None
    places = [UNNAMED.fullmatch(name) for name in table.columns]  # headings left empty
    # the table's first column: a sheet's table may start right of an empty column A
    first = next((i for i, c in enumerate(columns) if not all(map(blank, c))), 0)
    note, stray = None, False
    for index in range(len(columns[0]) - 1, -1, -1):
        values = [column[index] for column in columns]
        filled = [i for i, value in enumerate(values) if not blank(value)]
        if not filled:
            continue
        line = index + table.heading_line + 1
        if filled == [first] and isinstance(values[first], str):
            note = NoteBelow(index, line, values[first].strip(), first + 1, stray)
            continue
        unnamed = places[filled[0]] if len(filled) == 1 else None
        if unnamed is None:
            break
        stray = True
        note = NoteBelow(index, line, f"{values[filled[0]]}", int(unnamed.group(1)) + 1, stray)
    if note is not None:
        note.stray = stray
    return note


def without_notes(table: RawTable, note: NoteBelow) -> RawTable:
    """``table`` ending at the row before ``note`` (and any blank rows above it)."""
    end = note.index
    columns = list(table.cells.values())
    while end > 0 and all(blank(column[end - 1]) for column in columns):
        end -= 1
    return replace(table, cells={name: cells[:end] for name, cells in table.cells.items()})
