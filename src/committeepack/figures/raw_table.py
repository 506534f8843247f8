"""A figure table's file read as it stands: its headings and its cells, column by column.

CSV files are read with the standard library's ``csv`` module and workbooks with openpyxl:
pandas took a third of a second to import on every build that reads a table, to build a
frame the checks turned straight back into lists, and its parser's errors had to be parsed
in turn to name the row. Here each failure is worded where it is met, with its line.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from itertools import chain, repeat
from operator import itemgetter
from pathlib import Path

from ..characters import composed
from ..errors import InputError
from ..file_kinds import wrong_kind
from .cells import quoted_cell
from .csv_text import windows_text

MAX_TABLE_BYTES = 120_000_000  # measured: a 100 MB table builds in about 750-800 MB of memory
EMPTY = "{} is empty; it needs a heading row, then one row per line of the table"


@dataclass
class RawTable:
    """The headings (as in the file; an empty heading is named ``Unnamed: N`` and a repeated
    one ``NAME.1``) and each column's cells, every column as long as the table. A CSV's cells
    are text ("" when empty); a workbook's are what Excel holds (text, whole or decimal
    numbers, dates, True or False) or None."""

    columns: list[str]
    cells: dict[str, list]
    written: list[str] | None = None  # the headings as the file writes them (the columns')
    heading_line: int = 1  # the headings' row: below a title and notes in a published table
    above: tuple[str, ...] = ()  # the rows above the headings, each its one cell's text or ""
    hidden: frozenset[str] = frozenset()  # the columns a workbook's sheet hides

    def headed(self) -> list[str]:
        """Each column's heading as written in the file, spaces around it taken off."""
        return [name.strip() for name in (self.written or self.columns)]

    def shown(self) -> list[str]:
        """The headings as a message lists them: as written (a repeated one repeated, not
        numbered), an empty one as its column's place in the table, e.g. ``(column 3)``."""
        return [
            written or f"(column {int(UNNAMED.fullmatch(name)[1]) + 1:,})"  # type: ignore[index]
            for name, written in zip(self.columns, self.headed(), strict=True)
        ]

    def __len__(self) -> int:
        return len(self.cells[self.columns[0]]) if self.columns else 0


class TableFileMissing(InputError):
    """A table's file is not there (named again at its line of the configuration)."""


def read_table(path: Path, shown: str, sheet: str | None = None) -> RawTable:
    """The table in the CSV file or workbook ``path`` (``shown`` names it in messages; ``sheet``
    is the workbook's sheet, the first when None)."""
    if not path.is_file():
        raise TableFileMissing(
            "file not found; check the file name in committeepack.toml [tables]", shown
        )
    size = path.stat().st_size
    if size > MAX_TABLE_BYTES:
        raise InputError(
            f"is {size / 1e6:,.0f} MB; committeepack reads figure tables of up to "
            f"{MAX_TABLE_BYTES / 1e6:,.0f} MB (a build stays within 1 GB of memory). Summarise "
            "the extract first: one row per category, ward or month",
            shown,
        )
    problem = wrong_kind(path, is_workbook(path))
    if problem is not None:
        raise InputError(problem, shown)
    if is_workbook(path):
        from .workbook_table import read_workbook  # openpyxl, only for a workbook

        return read_workbook(path, shown, sheet)
    return _read_csv(path, shown)


def is_workbook(path: Path) -> bool:
    """Whether ``path`` is an Excel workbook (by its name)."""
    return path.suffix.lower() in (".xlsx", ".xlsm")


def _read_csv(path: Path, shown: str) -> RawTable:
    data = path.read_bytes()
    try:
        text = composed(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        text = composed(windows_text(data, shown, exc))
    del data
    if '"' not in text:  # nothing quoted: split in C, as the csv module would read it
        plain = _plain_lines(text)
        if plain is not None:
            del text
            return _split_columns(plain)
    return _parsed(text, shown)


def _plain_lines(text: str) -> list[str] | None:
    """The lines of a CSV without quotes whose every row has as many cells as its heading row
    (None for any other: :func:`_parsed` reads it, and words what is wrong)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the newline ending the last row
    if not lines or not lines[0].strip(", \t"):
        return None
    commas = lines[0].count(",")
    if set(map(str.count, lines, repeat(",", len(lines)))) != {commas}:
        return None
    return lines


def _split_columns(lines: list[str]) -> RawTable:
    start = title_rows([filled_cells(line.split(",")) for line in lines[: TITLE_ROWS + 1]])
    above = tuple(only_cell(line.split(",")) for line in lines[:start])
    written = lines[start].split(",")
    columns = headings(written)
    width, rows = len(columns), len(lines) - start - 1
    cells = ",".join(lines[start + 1 :]).split(",") if rows else []
    lines.clear()
    return RawTable(
        columns,
        {name: cells[i::width] for i, name in enumerate(columns)},
        written,
        start + 1,
        above,
    )


def filled_cells(row) -> int:
    """How many cells of a row hold something."""
    return sum(1 for value in row if value is not None and str(value).strip())


def only_cell(row) -> str:
    """The text of a row above the headings (one cell or none): its filled cell, or ""."""
    return next(
        (str(value).strip() for value in row if value is not None and str(value).strip()), ""
    )


def title_rows(filled: list[int]) -> int:
    """How many rows a title and its notes take above a table's headings, from how many cells
    each of the first rows fills: the rows of one cell or none (a title, a line of notes, a
    blank line) before the first of two or more, when it comes within the first
    ``TITLE_ROWS + 1``, as published tables set out a sheet; else 0 (the first row is the
    headings, and the checks say what is wrong with it)."""
    for index, count in enumerate(filled[: TITLE_ROWS + 1]):
        if count >= 2:
            return index
    return 0


def _parsed(text: str, shown: str) -> RawTable:
    """Any CSV, read row by row with the csv module."""
    csv.field_size_limit(MAX_TABLE_BYTES)  # a cell may be as large as the file
    rows: list[list[str]] = []
    line = 1  # where the row being read starts
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        leading: list[tuple[int, list[str]]] = []  # the first rows, with their lines
        for row in reader:
            leading.append((line, row))
            line = reader.line_num + 1
            if len(leading) > TITLE_ROWS:
                break
        if not leading:
            raise InputError(EMPTY.format("the file"), shown)
        start = title_rows([filled_cells(row) for _, row in leading])
        heading_line, header = leading[start]
        if not any(h.strip() for h in header):
            rest = (row for _, row in leading[start + 1 :])
            if any(any(cell.strip() for cell in row) for row in chain(rest, reader)):
                raise InputError(
                    "the first line is empty; the heading row must be the first line of the file",
                    shown,
                    1,
                )
            raise InputError(EMPTY.format("the file"), shown)
        width = len(header)
        read = iter(leading[start + 1 :])
        while True:  # the rows read already, then the rest, each with the line it starts on
            if (item := next(read, None)) is not None:
                row_line, row = item
            elif (row := next(reader, _END)) is not _END:
                row_line, line = line, reader.line_num + 1
            else:
                break
            if len(row) != width:
                if len(row) > width and any(cell.strip() for cell in row[width:]):
                    raise InputError(_wider_row(header, row, row_line), shown, row_line)
                row = (row + [""] * width)[:width]  # short, blank, or empty cells over
            rows.append(row)
    except csv.Error as exc:
        raise InputError(_csv_problem(str(exc)), shown, line) from None
    table = _by_column(headings(header), rows, header)
    table.heading_line = heading_line
    table.above = tuple(only_cell(row) for _, row in leading[:start])
    return table


TITLE_ROWS = 10  # rows a title and its notes may take above a table's headings
UNDER_A_TITLE = "delete the rows above them, so that the headings are the first row"


def _wider_row(header: list[str], row: list[str], line: int) -> str:
    """Why a row has more values than the heading row: a title above the headings (a first
    line of one cell, as a program that does not pad rows to the table's width saves it), or
    a comma in a cell that is not quoted."""
    filled = [cell for cell in header if cell.strip()]
    if len(filled) == 1 and line <= TITLE_ROWS + 1:
        return (
            f"the headings seem to be on row {line}, under a title ({quoted_cell(filled[0])} on row "
            f"1); {UNDER_A_TITLE}"
        )
    return (
        f"this row has {len(row)} values but the heading row has {len(header)}; put text that "
        "contains a comma in double quotes"
    )


def _csv_problem(error: str) -> str:
    """What the csv module's error means, and what to do."""
    if "end of data" in error:
        return (
            "a double quote opens a cell here and is never closed; close it, or write a quote "
            'inside a cell as two ("")'
        )
    if "expected after" in error:
        return (
            "text follows a closing double quote; put the whole cell in double quotes and write "
            'a quote inside it as two ("")'
        )
    return f"cannot be read as CSV ({error}); save it again as CSV UTF-8 from Excel"


_END: list[str] = []  # no more rows (a blank line is read as another empty list)


def _by_column(columns: list[str], rows: list[list], written: list[str]) -> RawTable:
    """The table of ``rows`` (each as long as ``columns``), column by column."""
    return RawTable(
        columns,
        {name: list(map(itemgetter(i), rows)) for i, name in enumerate(columns)},
        written,
    )


UNNAMED = re.compile(r"Unnamed: (\d+)")  # what :func:`headings` calls an empty heading


def headings(names: list[str], places: list[int] | None = None) -> list[str]:
    """The column names: an empty heading named by its place (counted from 0, the columns'
    ``places`` in the file when some were left out), a repeated one numbered."""
    columns: list[str] = []
    seen: dict[str, int] = {}
    for index, name in zip(places or range(len(names)), names, strict=True):
        name = name if name.strip() else f"Unnamed: {index}"
        unique = name
        while unique in seen:
            seen[name] += 1
            unique = f"{name}.{seen[name]}"
        seen.setdefault(unique, 0)
        columns.append(unique)
    return columns
