"""Counts that are more likely a typing slip than a fact: a month ten times the series'
usual month (a digit typed twice), or a tenth of it (a month not yet complete). Warnings,
never errors: a real month like that is possible, and the SPC chart shows it as special
cause either way; the warning asks the author to look before the committee does."""

from __future__ import annotations

import statistics
from fractions import Fraction

from .sentences import number

SLIP = 10  # a month this many times the median, or this fraction of it, is questioned
LOW_FROM = 20  # a low month is only questioned where a usual month holds at least this many


def unusual_months(values: list[int | Fraction]) -> list[tuple[int, str]]:
    """The months of a series (by index) whose count is at least ``SLIP`` times the series'
    median, or at most its ``SLIP``-th part where the median is ``LOW_FROM`` or more, each with
    what to check."""
    if len(values) < 3:
        return []
    median = Fraction(statistics.median(Fraction(v) for v in values))
    if median <= 0:
        return []
    found = []
    for index, value in enumerate(values):
        if value >= SLIP * median:
            ratio = Fraction(value) / median
            times = f"{int(ratio):,}" if ratio.denominator == 1 else f"more than {int(ratio):,}"
            found.append(
                (
                    index,
                    f"{number(value)} is {times} times the series' usual month "
                    f"({number(median)}, its median); check it for a typing slip, such as a "
                    "digit typed twice",
                )
            )
        elif median >= LOW_FROM and value * SLIP <= median:
            found.append(
                (
                    index,
                    f"{number(value)} is a tenth or less of the series' usual month "
                    f"({number(median)}, its median); check whether the month is complete",
                )
            )
    return found
