"""A figure table's file read as it stands: its headings and its cells, column by column.

CSV files are read with the standard library's ``csv`` module and workbooks with openpyxl:
pandas took a third of a second to import on every build that reads a table, to build a
frame the checks turned straight back into lists, and its parser's errors had to be parsed
in turn to name the row. Here each failure is worded where it is met, with its line.
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from pathlib import Path

from ..errors import InputError
from .cells import ExcelError, UnsavedFormula

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
    if is_workbook(path):
        return _read_workbook(path, shown, sheet)
    return _read_csv(path, shown)


def is_workbook(path: Path) -> bool:
    """Whether ``path`` is an Excel workbook (by its name)."""
    return path.suffix.lower() in (".xlsx", ".xlsm")


def _read_csv(path: Path, shown: str) -> RawTable:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} cannot be read); in Excel, save "
            "it with Save As and the type 'CSV UTF-8 (Comma delimited)'",
            shown,
            first_undecodable_line(path),
        ) from None
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
    columns = headings(lines[0].split(","))
    width, rows = len(columns), len(lines) - 1
    cells = ",".join(lines[1:]).split(",") if rows else []
    lines.clear()
    return RawTable(columns, {name: cells[i::width] for i, name in enumerate(columns)})


def _parsed(text: str, shown: str) -> RawTable:
    """Any CSV, read row by row with the csv module."""
    csv.field_size_limit(MAX_TABLE_BYTES)  # a cell may be as large as the file
    rows: list[list[str]] = []
    line = 1  # where the row being read starts
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise InputError(EMPTY.format("the file"), shown)
        if not any(h.strip() for h in header):
            if any(any(cell.strip() for cell in row) for row in reader):
                raise InputError(
                    "the first line is empty; the heading row must be the first line of the file",
                    shown,
                    1,
                )
            raise InputError(EMPTY.format("the file"), shown)
        width = len(header)
        line = reader.line_num + 1
        for row in reader:
            if len(row) != width:
                if len(row) > width and any(cell.strip() for cell in row[width:]):
                    raise InputError(
                        f"this row has {len(row)} values but the heading row has "
                        f"{width}; put text that contains a comma in double quotes",
                        shown,
                        reader.line_num,
                    )
                row = (row + [""] * width)[:width]  # short, blank, or empty cells over
            rows.append(row)
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(_csv_problem(str(exc)), shown, line) from None
    return _by_column(headings(header), rows)


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


def _import_openpyxl() -> None:
    """Import openpyxl without numpy, unless numpy is loaded already. openpyxl imports numpy
    only to accept its numbers written into cells, which reading never does, and that import
    more than doubles openpyxl's (about 0.2 s more, in a build process that draws its charts
    elsewhere and so has no other use for numpy)."""
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # "import numpy" raises ImportError
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]  # numpy itself stays importable, for matplotlib


def _read_workbook(path: Path, shown: str, sheet: str | None) -> RawTable:
    _import_openpyxl()
    from openpyxl import load_workbook
    from openpyxl.cell.read_only import EmptyCell

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged or foreign files
        raise InputError(
            f"cannot be read as a table ({exc.__class__.__name__}); save it again from Excel",
            shown,
        ) from None
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise InputError(
                f"the workbook has no sheet called '{sheet}'; check the sheet name in "
                "committeepack.toml",
                shown,
            )
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()  # the size a file declares may be wrong: read it all
        rows = [_trimmed([_value(c, EmptyCell) for c in row]) for row in worksheet.iter_rows()]
    except InputError:
        raise
    except Exception as exc:
        raise InputError(
            f"cannot be read as a table ({exc.__class__.__name__}); save it again from Excel",
            shown,
        ) from None
    finally:
        workbook.close()
    if any(value is STORED_EMPTY for row in rows for value in row):
        rows = _with_unsaved_formulas(rows, formulas(path, sheet))
    while rows and all(value is None for value in rows[-1]):
        rows.pop()  # formatted but empty rows at the end
    if not rows:
        raise InputError(EMPTY.format(f"the sheet '{worksheet.title}'"), shown)
    # every column up to the last heading, and beyond it only those that hold something: a
    # stray cell in the sheet's last column (XFD) adds one column, not 16,000, to every row
    top = rows[0]
    beyond = {
        i for row in rows for i, value in enumerate(row) if i >= len(top) and value is not None
    }
    used = [*range(len(top)), *sorted(beyond)]
    names = ["" if i >= len(top) or top[i] is None else str(top[i]) for i in used]
    return RawTable(
        (columns := headings(names, used)),
        {
            name: [row[i] if i < len(row) else None for row in rows[1:]]
            for name, i in zip(columns, used, strict=True)
        },
    )


def _trimmed(values: list) -> tuple:
    """A row's values without the empty cells at its end (one shared empty tuple for an
    empty row: a sheet may have a million of them before a stray cell)."""
    end = len(values)
    while end and values[end - 1] is None:
        end -= 1
    return tuple(values[:end]) if end else ()


STORED_EMPTY = object()  # a cell the sheet stores with no value: a formula never worked out?


def _with_unsaved_formulas(rows: list, found: dict[tuple[int, int], str]) -> list:
    """``rows`` with each stored but empty cell that holds a formula as
    :class:`UnsavedFormula`, and the others empty."""
    return [
        [
            (UnsavedFormula(found[line, column]) if (line, column) in found else None)
            if value is STORED_EMPTY
            else value
            for column, value in enumerate(row, 1)
        ]
        for line, row in enumerate(rows, 1)
    ]


def formulas(path: Path, sheet: str | None) -> dict[tuple[int, int], str]:
    """The formulas of a worksheet by (line, column), both counted from 1. Read again only
    when a cell came out empty, which may be a formula whose value was never saved (a
    workbook written by a program rather than Excel)."""
    _import_openpyxl()
    from openpyxl import load_workbook

    found = {}
    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()
        for line, row in enumerate(worksheet.iter_rows(values_only=True), 1):
            for column, value in enumerate(row, 1):
                if isinstance(value, str) and value.startswith("="):
                    found[line, column] = value
    finally:
        workbook.close()
    return found


def _by_column(columns: list[str], rows: list[list]) -> RawTable:
    """The table of ``rows`` (each as long as ``columns``), column by column."""
    return RawTable(
        columns, {name: list(map(itemgetter(i), rows)) for i, name in enumerate(columns)}
    )


def _value(cell, empty_cell: type):
    """A workbook cell's value: an Excel error (#N/A) is kept as one; a whole number is an
    int; a cell the sheet stores without a value (formatted, or a formula whose value was
    never saved) is :data:`STORED_EMPTY`, told apart once the sheet is read; text indented
    with Excel's Increase Indent starts with four spaces a step."""
    value = cell.value
    if value is None:
        return None if isinstance(cell, empty_cell) else STORED_EMPTY
    if getattr(cell, "data_type", None) == "e":
        return ExcelError(value)
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and getattr(cell, "has_style", False):
        # Excel's Increase Indent, as leading spaces: a crime table's tree may be shown so
        indent = int(getattr(cell.alignment, "indent", 0) or 0)
        return " " * (4 * indent) + value if indent > 0 else value
    return value


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


def first_undecodable_line(path: Path) -> int | None:
    """The first line of ``path`` that is not UTF-8 (counted from 1), or None."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return None
