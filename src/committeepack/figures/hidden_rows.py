"""Rows and columns of a worksheet that Excel hides: filtered out, hidden by hand or folded
into a group.

committeepack reads every row of a table's sheet, as the workbook holds it, so a row that the
sheet does not show is read all the same: a table filtered to one area still has every other
area's rows, and a row hidden to tidy the sheet is still a row of figures. Which rows are
hidden is said in one warning, so that what the papers print is never a surprise; so is a
hidden column that a table reads (last year's figures hidden to tidy the sheet), but not one
it leaves alone, as sheets hide working columns and every column right of the table.

openpyxl's read-only worksheets do not keep the rows' attributes, so the sheet's XML is
scanned for them here (a stream, a megabyte at a time, not parsed: a sheet may have hundreds
of thousands of rows).
"""

from __future__ import annotations

import re
from typing import BinaryIO

# a row element that is hidden: <row r="12" spans="1:4" hidden="1">, as Excel writes it
# ("true" as LibreOffice may); its attributes in any order
_HIDDEN_ROW = re.compile(rb'<row\b[^>]*?\shidden="(?:1|true)"[^>]*>')
_NUMBER = re.compile(rb'\sr="(\d+)"')
_CHUNK = 1 << 20
_LONGEST_TAG = 4096  # kept from one chunk to the next, so that no tag is cut in two
LISTED = 5  # runs of rows a message names before counting the rest
# a run of hidden columns, declared before the rows: <col min="3" max="4" hidden="1"/>
_HIDDEN_COLUMNS = re.compile(rb'<(?:\w+:)?col\b[^>]*?\shidden="(?:1|true)"[^>]*>')
_FIRST, _LAST = re.compile(rb'\smin="(\d+)"'), re.compile(rb'\smax="(\d+)"')
_ROWS_BEGIN = re.compile(rb"<(?:\w+:)?sheetData\b")


def hidden_rows(sheet_xml: BinaryIO) -> list[int]:
    """The numbers of the rows that a worksheet's XML marks hidden, in order."""
    found: list[int] = []
    tail = b""
    while True:
        chunk = sheet_xml.read(_CHUNK)
        data = tail + chunk
        end = 0
        for match in _HIDDEN_ROW.finditer(data):
            number = _NUMBER.search(match.group(0))
            if number is not None:
                found.append(int(number.group(1)))
            end = match.end()
        if not chunk:
            break
        tail = data[max(end, len(data) - _LONGEST_TAG) :]
    return sorted(set(found))


def hidden_columns(sheet_xml: BinaryIO) -> list[tuple[int, int]]:
    """The runs of columns (first and last, 1 for A) that a worksheet's XML marks hidden;
    only the sheet's head is read, as columns are declared before the rows."""
    head = b""
    while not _ROWS_BEGIN.search(head):
        chunk = sheet_xml.read(_CHUNK)
        if not chunk:
            break
        head += chunk
    head = head[: match.start()] if (match := _ROWS_BEGIN.search(head)) else head
    runs = []
    for tag in _HIDDEN_COLUMNS.finditer(head):
        first, last = _FIRST.search(tag.group(0)), _LAST.search(tag.group(0))
        if first is not None:
            runs.append((int(first.group(1)), int((last or first).group(1))))
    return runs


def hidden_columns_message(headings: list[str]) -> str:
    """The warning for a table that reads columns (by their ``headings``) the sheet hides."""
    named = ", ".join(f"'{heading}'" for heading in headings)
    which, it = (
        (f"column {named} is", "it") if len(headings) == 1 else (f"columns {named} are", "them")
    )
    return (
        f"{which} hidden in Excel, but committeepack reads {it}; show {it} in Excel to check "
        "the figures the papers will print (if another column should be read, name it in "
        "committeepack.toml with columns = { ... })"
    )


def described(rows: list[int]) -> str:
    """Rows as a message names them: runs joined ("5 to 9, 12 and 40"), the first few of
    them, then how many rows more."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    runs = [part for a, b in runs for part in ([[a, a], [b, b]] if b == a + 1 else [[a, b]])]
    named = [f"{a:,}" if a == b else f"{a:,} to {b:,}" for a, b in runs[:LISTED]]
    rest = sum(b - a + 1 for a, b in runs[LISTED:])
    if rest:
        return ", ".join(named) + f" and {rest:,} more"
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def hidden_message(rows: list[int]) -> str:
    """The warning for a table whose sheet hides ``rows``."""
    which = f"row {described(rows)} is" if len(rows) == 1 else f"rows {described(rows)} are"
    return (
        f"{which} hidden in Excel (filtered out, hidden or grouped), but committeepack reads "
        "every row of the sheet; delete the rows that are not part of the table (to keep only "
        "a filter's rows, copy them to a sheet of their own), or show them to check them"
    )
