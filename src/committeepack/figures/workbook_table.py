"""A figure table's sheet of an Excel workbook, read as Excel holds it (openpyxl, read-only):
numbers, dates, text, Excel's errors, formulas whose values were never saved; only the
columns that hold something, so a stray cell in the sheet's last column adds one column."""

from __future__ import annotations

import functools
import math
import re
import sys
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path

from ..characters import composed
from ..errors import InputError, warn
from .cells import ExcelError, UnsavedFormula
from .headings import heading_text
from .hidden_rows import hidden_columns, hidden_message, hidden_rows
from .raw_table import (
    EMPTY,
    TITLE_ROWS,
    RawTable,
    filled_cells,
    headings,
    only_cell,
    title_rows,
)
from .row_names import name_key


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


def read_workbook(path: Path, shown: str, sheet: str | None) -> RawTable:
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
        real = _sheet_named(workbook.sheetnames, sheet)
        if sheet is not None and real is None:
            sheets = ", ".join(f"'{name}'" for name in workbook.sheetnames[:12])
            raise InputError(
                f"the workbook has no sheet called '{sheet}'; its sheets are {sheets}: check "
                "the sheet name in committeepack.toml",
                shown,
            )
        worksheet = workbook[real] if real is not None else workbook.worksheets[0]
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()  # the size a file declares may be wrong: read it all
        rows = [_trimmed([_value(c, EmptyCell) for c in row]) for row in worksheet.iter_rows()]
        hidden = [n for n in _hidden(worksheet, hidden_rows) if n <= len(rows) and rows[n - 1]]
        columns_hidden = _hidden(worksheet, hidden_columns)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(
            f"cannot be read as a table ({exc.__class__.__name__}); save it again from Excel",
            shown,
        ) from None
    finally:
        workbook.close()
    if hidden:  # rows that hold something: a sheet may hide every unused row below a table
        warn(InputError(hidden_message(hidden), f"{shown} [{worksheet.title}]"))
    if any(value is STORED_EMPTY for row in rows for value in row):
        rows = _with_unsaved_formulas(rows, formulas(path, sheet))
    while rows and all(value is None for value in rows[-1]):
        rows.pop()  # formatted but empty rows at the end
    if not rows:
        raise InputError(EMPTY.format(f"the sheet '{worksheet.title}'"), shown)
    start = title_rows([filled_cells(row) for row in rows[: TITLE_ROWS + 1]])
    above = tuple(only_cell(row) for row in rows[:start])
    rows = rows[start:]  # a title and notes above the headings, as published sheets have
    # every column up to the last heading, and beyond it only those that hold something: a
    # stray cell in the sheet's last column (XFD) adds one column, not 16,000, to every row
    top = rows[0]
    beyond = {
        i for row in rows for i, value in enumerate(row) if i >= len(top) and value is not None
    }
    used = [*range(len(top)), *sorted(beyond)]
    names = ["" if i >= len(top) or top[i] is None else heading_text(top[i]) for i in used]
    return RawTable(
        (columns := headings(names, used)),
        {
            name: [row[i] if i < len(row) else None for row in rows[1:]]
            for name, i in zip(columns, used, strict=True)
        },
        names,
        start + 1,
        above,
        frozenset(
            name
            for name, i in zip(columns, used, strict=True)
            if any(first <= i + 1 <= last for first, last in columns_hidden)
        ),
    )


def _hidden(worksheet, scan):
    """What ``scan`` (:mod:`.hidden_rows`) finds hidden in the read-only ``worksheet``'s XML;
    nothing where this openpyxl keeps its sheets otherwise."""
    source = getattr(worksheet, "_get_source", None)
    if source is None:
        return []
    with source() as sheet_xml:
        return scan(sheet_xml)


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


def _sheet_named(names: list[str], sheet: str | None) -> str | None:
    """The sheet ``sheet`` names, as the workbook spells it: Excel tells sheet names apart
    whatever their capitals, so "All Crime" is the sheet "All crime" (spaces around it
    aside)."""
    if sheet is None or sheet in names:
        return sheet
    folded = sheet.strip().casefold()
    found = next((name for name in names if name.strip().casefold() == folded), None)
    if found is None:  # one that looks the same: a no-break space, an accent saved apart
        found = next((name for name in names if name_key(name) == name_key(sheet)), None)
    return found


def formulas(path: Path, sheet: str | None) -> dict[tuple[int, int], str]:
    """The formulas of a worksheet by (line, column), both counted from 1. Read again only
    when a cell came out empty, which may be a formula whose value was never saved (a
    workbook written by a program rather than Excel)."""
    _import_openpyxl()
    from openpyxl import load_workbook

    found = {}
    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        real = _sheet_named(workbook.sheetnames, sheet)
        worksheet = workbook[real] if real is not None else workbook.worksheets[0]
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()
        for line, row in enumerate(worksheet.iter_rows(values_only=True), 1):
            for column, value in enumerate(row, 1):
                if isinstance(value, str) and value.startswith("="):
                    found[line, column] = value
    finally:
        workbook.close()
    return found


def _value(cell, empty_cell: type):
    """A workbook cell's value: an Excel error (#N/A) is kept as one; a whole number is an
    int; a cell the sheet stores without a value (formatted, or a formula whose value was
    never saved) is :data:`STORED_EMPTY`, told apart once the sheet is read; text indented
    with Excel's Increase Indent starts with four spaces a step; a fraction formatted as a
    percentage is text, as the sheet shows it (``-2.5%``)."""
    value = cell.value
    if value is None:
        return None if isinstance(cell, empty_cell) else STORED_EMPTY
    if getattr(cell, "data_type", None) == "e":
        return ExcelError(value)
    if value == "":
        return None
    if isinstance(value, str):
        value = composed(value)
    elif isinstance(value, float) and not value.is_integer() and math.isfinite(value):
        # a fraction formatted as a percentage (a published % change) reads as shown; a
        # whole number so formatted keeps its value: a count whose cell format slipped
        places = percent_places(getattr(cell, "number_format", None) or "General")
        if places is not None:
            return percent_shown(value, places)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and getattr(cell, "has_style", False):
        # Excel's Increase Indent, as leading spaces: a crime table's tree may be shown so
        indent = int(getattr(cell.alignment, "indent", 0) or 0)
        return " " * (4 * indent) + value if indent > 0 else value
    return value


# what a number format shows as is, not as digits: quoted text, [colours] and \-escapes
_LITERAL = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


@functools.lru_cache(maxsize=256)
def percent_places(number_format: str) -> int | None:
    """The decimal places a percentage format shows (``0.0%``: 1; ``#,##0%``: 0), from its
    section for positive numbers; None for a format that is not a percentage."""
    section = _LITERAL.sub("", number_format.split(";")[0])
    if "%" not in section:
        return None
    decimals = re.search(r"\.([0#?]*)", section)
    return len(decimals.group(1)) if decimals else 0


def percent_shown(value: float, places: int) -> str:
    """A cell's number as its percentage format shows it (-0.025 at one place: -2.5%),
    worked out exactly from the decimal the cell holds and rounded half away from zero, as
    Excel rounds: a published % change is then quoted and compared as printed."""
    exact = Decimal(repr(value)).scaleb(2)
    with localcontext() as context:  # every digit of a huge number, not an error
        context.prec = max(context.prec, exact.adjusted() + places + 2)
        return f"{exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)}%"
