"""A published table's own % change column, checked against its counts.

committeepack works every % change out from the two counts, so a table's own column is never
printed; but a published column that disagrees with its counts means one of them was typed or
pasted wrong (a row out of line, a period swapped), and the paper would print figures the
published table contradicts. Each such row is a warning at its line.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from ..errors import InputError
from .cells import Column
from .compute import percent_change, percent_change_text
from .kind_columns import PUBLISHED_CHANGE

# a percentage as written: "-2.5%", "+12.7", "−2.5 %" (a typographic minus), "2.5%"
WRITTEN = re.compile(r"([+-]?)(\d{1,9})(?:\.(\d{1,20}))?\s*%?")
# a workbook's number as Python writes a small or large one: "9.99e-05" (a fraction of 0.01%)
EXPONENT = re.compile(r"[+-]?\d+(?:\.\d+)?[eE][+-]?\d{1,3}")
MAX_WARNINGS = 5  # per table: a column of another measure is a few lines, not one per row


def written_percent(text: str) -> tuple[Fraction, Fraction] | None:
    """A published % change as written, exactly, and how far its rounding may have moved it
    (half its last place); None for a symbol (``[z]``, ``..``, ``n/a``, ``New``)."""
    text = text.strip().replace("\u2212", "-")
    if EXPONENT.fullmatch(text):
        text = format(Decimal(text), "f")  # every digit, none lost to a binary float
    found = WRITTEN.fullmatch(text)
    if found is None:
        return None
    sign, whole, decimals = found.groups()
    # Excel's 0.00% pads: 12.70% is 12.7 rounded to a place, then shown with two
    places = len((decimals or "").rstrip("0"))
    decimals = (decimals or "")[:places]
    value = Fraction(int(whole + (decimals or "")), 10**places)
    return (-value if sign == "-" else value), Fraction(1, 2 * 10**places)


def agrees(published: str, previous, current) -> bool | None:
    """Whether ``published`` is the % change from ``previous`` to ``current`` as rounded to
    its places (or as a fraction, as a workbook's cell formatted as a percentage holds it:
    -0.025 for -2.5%); None where it cannot be told (a symbol, or no previous count)."""
    written = written_percent(published)
    if written is None or not previous:
        return None
    value, half = written
    exact = percent_change(Fraction(previous), Fraction(current))
    assert exact is not None  # previous is not 0
    as_written = abs(value - exact) <= half + _float_slack(value)
    return as_written or abs(value * 100 - exact) <= half * 100 + _float_slack(value * 100)


def _float_slack(value: Fraction) -> Fraction:
    """How far a workbook's binary number, written out in full, may stand from the decimal it
    holds: about a part in 10**16 of it (a float's precision), and no less than 10**-9."""
    return Fraction(1, 10**9) + abs(value) / 10**15


def published_changes(rows, columns: list[Column]) -> list[InputError]:
    """Warnings for the rows of a table whose own % change column (if it has one) is not the
    change its two counts give: ``previous`` to ``current``, or a county table's last two
    periods."""
    names = [column.name for column in columns]
    if PUBLISHED_CHANGE not in rows.names() or all(
        v is None for v in rows.column(PUBLISHED_CHANGE)
    ):
        return []  # no such column (read a column at a time: no row made a dictionary)
    if "previous" in names and "current" in names:
        previous, current = "previous", "current"
    else:
        periods = [c.name for c in columns if c.kind == "count" and c.required]
        if len(periods) < 2:
            return []
        previous, current = periods[-2:]
    return disagreements(rows, names[0], previous, current)


def disagreements(rows, name_column: str, previous: str, current: str) -> list[InputError]:
    """A warning for each row (up to :data:`MAX_WARNINGS`, then one for the rest) whose
    published % change is not the change its counts give."""
    problems: list[InputError] = []
    wrong = 0
    changes = rows.column(PUBLISHED_CHANGE)
    befores, afters, names = (rows.column(c) for c in (previous, current, name_column))
    for index, published in enumerate(changes):
        before, after = befores[index], afters[index]
        if published is None or agrees(published, before, after) is not False:
            continue
        wrong += 1
        if wrong > MAX_WARNINGS:
            continue
        problems.append(
            InputError(
                f"the published % change for {names[index]}, {published}, is not that of "
                f"{_shown(before)} to {_shown(after)} "
                f"({percent_change_text(Fraction(before), Fraction(after))}); check the row's "
                "figures against the published table",
                rows.source.name(),
                rows.lines[index],
            )
        )
    if wrong > MAX_WARNINGS:
        problems.append(
            InputError(
                f"{wrong - MAX_WARNINGS:,} more rows' published % change is not that of their "
                "counts; is it the change of another measure (a rate)? committeepack works the "
                "change out from the counts, so the column may be deleted",
                rows.source.name(),
            )
        )
    return problems


def _shown(number) -> str:
    """A count as tables print it (1,804), a decimal exactly as written (12.5)."""
    if isinstance(number, int) or Fraction(number).denominator == 1:
        return f"{int(number):,}"
    exact = Fraction(number)
    return f"{Decimal(exact.numerator) / Decimal(exact.denominator):,f}"
