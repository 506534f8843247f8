"""One cell of a figure table checked against what its column holds, exactly.

Each kind of column (:class:`Column`) takes its own values: text without control characters,
whole counts, exact numbers (a decimal never passes through a binary float), months written
YYYY-MM, a status or a priority of the project. A bad cell raises ``ValueError`` with what is
wrong and how to write it, which :func:`.load.check_rows` puts with the file, row and column.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from fractions import Fraction

from ..characters import CONTROL, control_problem, without_invisible
from ..file_names import shortened
from .months import MONTH, month
from .row_names import name_key

NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


@dataclass(frozen=True)
class Column:
    """A column a kind of table needs: its name, what it holds, whether it may be blank."""

    name: str
    kind: str  # text, count (whole number >= 0), number (>= 0), month (YYYY-MM), status,
    # priority, indent (how far the text of the column ``of`` is indented), or published (a
    # published figure committeepack works out itself, kept as written to be compared)
    required: bool = True
    unique: bool = False
    of: str = ""  # for an indent: the column whose cells' indentation it holds


# a figure's whole part has at most 15 digits (a trillion times any real count): every such
# number is exact as a chart's float, and a longer one is a cell pasted into the wrong place
FIGURE_DIGITS = 15
NAME_MAX = 200  # characters in a row's name (a ward, category or measure): longer is no name


class ExcelError(str):
    """A workbook cell that holds one of Excel's errors (``#DIV/0!``, ``#N/A``)."""


class UnsavedFormula(str):
    """A workbook cell that holds a formula but not its value (never calculated and saved)."""


def blank(value) -> bool:
    """Whether a cell is empty (nothing, NaN or spaces)."""
    return (
        value is None or (isinstance(value, float) and value != value) or str(value).strip() == ""
    )


def indent_width(text: str) -> int:
    """How far ``text`` is indented: a space (or no-break space) 1, a tab 4."""
    width = 0
    for character in text:
        if character in " \u00a0":
            width += 1
        elif character == "\t":
            width += 4
        else:
            break
    return width


def check_cell(column: Column, value, context: dict):
    """The value of one cell as its column holds it; ``ValueError`` saying what is wrong."""
    if column.kind == "indent":  # never wrong: a measure of another column's cell
        return indent_width(value) if isinstance(value, str) and value.strip() else None
    if column.kind == "published":  # never wrong: a published figure, only compared
        written = None if isinstance(value, (ExcelError, UnsavedFormula)) else value
        return None if blank(written) else str(written).strip()
    if isinstance(value, ExcelError):
        raise ValueError(
            f"holds Excel's error {value}; correct the formula in the workbook, or type the value"
        )
    if isinstance(value, UnsavedFormula):
        raise ValueError(
            f"holds the formula {value[:40]} but not its value; open the workbook in Excel "
            "and save it (a program that wrote it left the values out), or type the value"
        )
    if blank(value):
        if column.required:
            raise ValueError("is empty; every row needs a value here")
        return None
    kind = column.kind
    if kind == "text":
        bad = CONTROL.search(str(value))
        if bad is not None and ord(bad.group()) >= 0x202A:
            raise ValueError(control_problem(bad.group()))
        if bad is not None:
            raise ValueError("holds a control character a Word document cannot carry; delete it")
        text = str(value).strip()
        if column.unique:  # a name, said in sentences: a line break in it (Alt+Enter) is a
            # space, and a character copied in from a web page that shows nothing is dropped
            text = " ".join(without_invisible(text).split())
            if not text:
                raise ValueError("holds only characters that show nothing; type the name")
        if column.unique and len(text) > NAME_MAX:
            raise ValueError(
                f"is {len(text):,} characters long; a name here is at most {NAME_MAX} (is a "
                "sentence pasted into it?); shorten it"
            )
        return text
    if kind in ("count", "number"):
        number = _number(value)
        if number < 0:
            raise ValueError(f"{quoted_cell(value)} is negative; counts cannot be below 0")
        if kind == "count":
            if number != int(number):
                raise ValueError(f"{quoted_cell(value)} is not a whole number")
            return int(number)
        return number
    if kind == "month":
        text = str(value).strip()[:7] if not isinstance(value, str) else month(value)
        if not MONTH.fullmatch(text):
            raise ValueError(_not_a_month(value))
        return text
    if kind == "status":
        allowed = context["statuses"]
        text = name_key(str(value))  # "Not\u00a0started", typed in Word, is "Not started"
        match = next((s for s in allowed if name_key(s) == text), None)
        if match is None:
            raise ValueError(
                f"{quoted_cell(value)} is not a status; use one of: {', '.join(allowed)}"
            )
        return match
    if kind == "priority":
        keys = context["priorities"]
        text = str(value).strip()
        if text not in keys:
            raise ValueError(
                f"{quoted_cell(value)} is not a priority of committeepack.toml; use one "
                f"of: {', '.join(keys)}"
            )
        return text
    raise AssertionError(kind)  # pragma: no cover


def _number(value) -> int | Fraction:
    """The number a cell holds, exactly: a decimal never goes through a binary float (0.15 is
    3/20, so it rounds half-up to 0.2 as written)."""
    if isinstance(value, bool):
        raise ValueError(
            f"holds {str(value).upper()} (a yes/no cell), not a number; type the figure in the "
            "workbook"
        )
    if isinstance(value, dt.date):  # a datetime too: Excel shows the cell formatted as a date
        raise ValueError(
            f"holds the date {value:%d/%m/%Y}, not a number: the cell is formatted as a date; "
            "in Excel, format it as a number (Home > Number) and check the figure"
        )
    if isinstance(value, int):
        return _not_too_large(value, value)
    if isinstance(value, float):  # from Excel: its shortest decimal form is what was typed
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{quoted_cell(value)} is not a number")
        exact = _not_too_large(Fraction(repr(value)), value)
        return int(exact) if exact.denominator == 1 else exact
    text = str(value).strip()
    match = NUMBER.match(text)
    if not match:
        raise ValueError(_not_a_number(text))
    if len(match.group(1).replace(",", "").lstrip("0")) > FIGURE_DIGITS:
        _not_too_large(10**FIGURE_DIGITS, value)  # not converted: it may be 5,000 digits long
    exact = Fraction(text.replace(",", ""))
    return int(exact) if exact.denominator == 1 and "." not in text else exact


def _not_too_large(number, value):
    """``number``, unless its whole part has more than :data:`FIGURE_DIGITS` digits."""
    if abs(number) >= 10**FIGURE_DIGITS:
        text = repr(value) if isinstance(value, float) else str(value).strip()
        shown = f"'{text[:6]}...'" if len(text) > 15 else quoted_cell(text)
        raise ValueError(
            f"{shown} is too large for a figure (its whole part has more than "
            f"{FIGURE_DIGITS} digits); check the cell: is something else pasted into it?"
        )
    return number


# what published statistics print in place of a figure: ".." or "x" not available, "c" or
# "*" withheld (too few to publish), "z" not applicable, "-" nil, "[low]", "<5" (ONS and
# government style, police and Home Office tables)
PUBLISHED_MARK = re.compile(
    r"^(\.\.?|:|[-\u2013\u2014~*]|[xcz]|n/?a|\[[a-z]{1,5}\]|[<>]\s?\d+)$", re.IGNORECASE
)
# a figure with a footnote or status mark after it: "1804*", "1804 [p]", "1804 (r)", "1804\u00b9";
# a bare letter only as provisional, revised or estimated ("2O" is a mistyped 20, not a mark)
MARKED_NUMBER = re.compile(
    r"^([+-]?[\d,]+(?:\.\d+)?)\s*(\*+|[\u2020\u2021\u00b9\u00b2\u00b3\u2070-\u2079]+|"
    r"\[[a-zA-Z]{1,5}\]|\([a-zA-Z]\)|[pre])$"
)
PERCENTAGE = re.compile(r"^(?=[^%]*\d)[+-]?(\d{1,3}(,\d{3})+|\d*)(\.\d+)?\s?%$")
# thousands set apart by a space, as some house styles and other languages write them
SPACED_THOUSANDS = re.compile(r"^\d{1,3}([ \u00a0\u202f]\d{3})+$")


def _not_a_number(text: str) -> str:
    """Why ``text`` is not a number, and how to write it."""
    shown = quoted_cell(text)
    if PUBLISHED_MARK.match(text):
        return (
            f"{shown} is how published tables mark a figure that is withheld or not "
            "available, not a figure; write the figure itself (ask whoever publishes it), "
            "or leave the row out"
        )
    marked = MARKED_NUMBER.match(text)
    if marked and NUMBER.match(marked.group(1)):
        return (
            f"{shown} has the note mark {marked.group(2)} after the figure; write the "
            f"figure alone, {marked.group(1)}, and say what the mark meant in the narrative"
        )
    if PERCENTAGE.match(text):
        return (
            f"{shown} is a percentage; committeepack works percentages out from the counts, "
            "so write the count (a rate or score without %)"
        )
    if SPACED_THOUSANDS.match(text):
        digits = "".join(c for c in text if c.isdigit())
        return f"{shown} sets its thousands apart with spaces; write {digits}"
    if text.strip()[:1] in "\u2212\u2013\u2014" and NUMBER.match(text.strip()[1:]):
        return f"{shown} is negative; counts cannot be below 0"  # a minus sign or a dash
    lookalike = LOOKALIKES.fullmatch(text.strip())
    if lookalike and any(c.isdigit() for c in text):
        letters = sorted({c for c in text if c in "OolI"})
        meant = text.strip().translate(LOOKS_LIKE_A_DIGIT)
        named = " and ".join(f"the letter {c}" for c in letters)
        return f"{shown} has {named} among its digits; write {meant}"
    return f"{shown} is not a number; write digits only, e.g. 8640"


# letters typed for the digits they look like: 2O for 20, 6l2 for 612
LOOKS_LIKE_A_DIGIT = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
LOOKALIKES = re.compile(r"[0-9OolI]+(?:[.,][0-9OolI]+)*")


SHOWN_MAX = 40  # characters of a cell a message quotes


def quoted_cell(value) -> str:
    """A cell's value as a message quotes it, on one line: line ends and other control
    characters written as escapes (\\n), a long value cut short."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = "".join(
        c if c.isprintable() or c == " " else repr(c)[1:-1] for c in str(value)[: SHOWN_MAX + 1]
    )
    return f"'{shortened(text, SHOWN_MAX)}'"


EXCEL_DAY_ZERO = dt.date(1899, 12, 30)  # Excel counts days from here (its 1900 leap-year bug)
EXCEL_DAYS = range(20_000, 80_000)  # 1954 to 2119: a count of days, not a year or a count


def _not_a_month(value: object) -> str:
    """Why ``value`` is not a month: a date Excel shows as its count of days (45383, when the
    cell lost its date format) is named as the date it is."""
    days = value if isinstance(value, int) else None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        days = int(value.strip())
    if days is not None and days in EXCEL_DAYS:
        date = EXCEL_DAY_ZERO + dt.timedelta(days=days)
        return (
            f"{quoted_cell(value)} is not a month but a date as Excel counts it "
            f"({date.day} {date:%B %Y}); "
            "in Excel, format the column as a date (Format Cells, Date) and save it again"
        )
    return f"{quoted_cell(value)} is not a month; write it as YYYY-MM, e.g. 2025-09 (or Sep 2025)"
