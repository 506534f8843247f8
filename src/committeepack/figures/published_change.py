"""A published table's own % change and difference columns, checked against its counts.

committeepack works every change out from the two counts, so a table's own column is never
printed; but a published column that disagrees with its counts means one of them was typed or
pasted wrong (a row out of line, a period swapped), and the paper would print figures the
published table contradicts. Each such row is a warning at its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..errors import InputError
from .cells import Column
from .compute import percent_change, percent_change_text
from .kind_columns import PUBLISHED_CHANGE, PUBLISHED_DIFFERENCE

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
    """Warnings for the rows of a table whose own % change or difference column (if it has
    one) is not the change its two counts give: ``previous`` to ``current``, or a county
    table's last two periods."""
    names = [column.name for column in columns]
    if "previous" in names and "current" in names:
        previous, current = "previous", "current"
    else:
        periods = [c.name for c in columns if c.kind == "count" and c.required]
        if len(periods) < 2:
            return []
        previous, current = periods[-2:]
    problems = []
    for check in CHECKS:
        if check.column in rows.names() and any(v is not None for v in rows.column(check.column)):
            problems += disagreements(rows, check, names[0], (previous, current))
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0))  # in the file's order


def agrees_difference(published: str, previous, current) -> bool | None:
    """Whether ``published`` is ``current`` less ``previous`` as rounded to its places (a
    difference written without a sign may be a fall: its size is compared); a percentage
    is compared as a % change (:func:`agrees`); None where it cannot be told (a symbol)."""
    text = published.strip().replace("\u2212", "-")
    if text.endswith("%"):
        return agrees(text, previous, current)
    if EXPONENT.fullmatch(text):
        text = format(Decimal(text), "f")
    found = DIFFERENCE.fullmatch(text)
    if found is None:
        return None
    sign, whole, decimals = found.groups()
    places = len(decimals or "")
    value = Fraction(int(whole.replace(",", "") + (decimals or "")), 10**places)
    exact = Fraction(current) - Fraction(previous)
    if not sign:
        exact = abs(exact)
    return abs((-value if sign == "-" else value) - exact) <= Fraction(
        1, 2 * 10**places
    ) + _float_slack(value)


# a difference as written: "-42", "+1,204", "12.5"
DIFFERENCE = re.compile(r"([+-]?)(\d{1,3}(?:,\d{3})+|\d{1,15})(?:\.(\d{1,20}))?")


@dataclass(frozen=True)
class Check:
    """One published column compared with its counts: what it is called in messages and how
    its change is written."""

    column: str
    called: str
    agrees: Callable[[str, object, object], bool | None]
    written: Callable[[Fraction, Fraction], str]


CHECKS = (
    Check(PUBLISHED_CHANGE, "% change", agrees, percent_change_text),
    Check(PUBLISHED_DIFFERENCE, "change", agrees_difference, lambda a, b: _signed(b - a)),
)


def disagreements(
    rows, check: Check, name_column: str, counts: tuple[str, str]
) -> list[InputError]:
    """A warning for each row (up to :data:`MAX_WARNINGS`, then one for the rest) whose
    published column of ``check`` is not the change its two ``counts`` give."""
    problems: list[InputError] = []
    wrong = 0
    changes = rows.column(check.column)
    befores, afters, names = (rows.column(c) for c in (*counts, name_column))
    for index, published in enumerate(changes):
        before, after = befores[index], afters[index]
        if published is None or before is None or after is None:
            continue
        if check.agrees(published, before, after) is not False:
            continue
        wrong += 1
        if wrong > MAX_WARNINGS:
            continue
        problems.append(
            InputError(
                f"the published {check.called} for {names[index]}, {published}, is not that "
                f"of {_shown(before)} to {_shown(after)} "
                f"({check.written(Fraction(before), Fraction(after))}); check the row's "
                "figures against the published table",
                rows.source.name(),
                rows.lines[index],
            )
        )
    if wrong > MAX_WARNINGS:
        problems.append(
            InputError(
                f"{wrong - MAX_WARNINGS:,} more rows' published {check.called} is not that of "
                "their counts; is it the change of another measure (a rate)? committeepack "
                "works the change out from the counts, so the column may be deleted",
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


def _signed(difference: Fraction) -> str:
    """A difference as tables print it: +26, -107, 0, +2.5."""
    return ("+" if difference > 0 else "-" if difference < 0 else "") + _shown(abs(difference))
