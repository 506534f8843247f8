"""The arithmetic of crime and disorder figures, exact and rounded the way councils print it.

Percentages are computed exactly (with fractions) and rounded half away from zero, as Excel's
ROUND does, never with Python's round-half-to-even. A change from zero has no percentage: it is
shown as ``[z]``, the Government Statistical Service symbol, never as infinity.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

ZERO_BASE = "[z]"


def round_half_up(value: Fraction | int | float, places: int = 1) -> Fraction:
    """``value`` rounded to ``places`` decimal places, halves away from zero."""
    value = Fraction(value)
    scale = 10**places
    magnitude = Fraction(math.floor(abs(value) * scale + Fraction(1, 2)), scale)
    return magnitude if value >= 0 else -magnitude


def format_fixed(value: Fraction, places: int = 1) -> str:
    """A rounded fraction as text with exactly ``places`` decimals (``-4.2``, ``12.5``)."""
    rounded = round_half_up(value, places)
    sign = "-" if rounded < 0 else ""
    scaled = abs(rounded) * 10**places
    whole, part = divmod(int(scaled), 10**places)
    return f"{sign}{whole:,}.{part:0{places}d}" if places else f"{sign}{whole:,}"


def difference(previous: int | float, current: int | float) -> int | float:
    """Current minus previous."""
    return current - previous


def percent_change(previous, current) -> Fraction | None:
    """Exact % change from ``previous`` to ``current``; None when ``previous`` is zero."""
    if previous == 0:
        return None
    return Fraction(current - previous) / Fraction(previous) * 100


def percent_change_text(previous, current, places: int = 1, signed: bool = True) -> str:
    """% change as printed in tables: ``+12.7%``, ``-4.2%``, ``0.0%`` or ``[z]``."""
    change = percent_change(previous, current)
    if change is None:
        return ZERO_BASE
    text = format_fixed(change, places)
    if signed and round_half_up(change, places) > 0:
        text = "+" + text
    return text + "%"


def share(part, whole) -> Fraction | None:
    """``part`` as a percentage of ``whole``; None when ``whole`` is zero."""
    if whole == 0:
        return None
    return Fraction(part) / Fraction(whole) * 100


def rate_per_1000(count, population) -> Fraction | None:
    """Rate per 1,000 population, exact; None when the population is zero."""
    if population == 0:
        return None
    return Fraction(count) / Fraction(population) * 1000


def signed_number(value: int | float) -> str:
    """A difference as printed in tables: ``+26``, ``-107``, ``0``."""
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"
    return f"+{text}" if value > 0 else text


@dataclass(frozen=True)
class Ranked:
    """A ranked item: its position (1 = first) and how it is printed (``5=`` for a tie)."""

    key: str
    value: Fraction
    rank: int
    tied: bool

    @property
    def label(self) -> str:
        """The rank as councils print it: ``3`` or ``5=``."""
        return f"{self.rank}=" if self.tied else str(self.rank)


def rank(
    values: Iterable[tuple[str, Fraction | float | int]],
    lowest_first: bool = True,
    places: int | None = 1,
) -> list[Ranked]:
    """Standard competition ranking (1, 2, 2, 4) of ``(key, value)`` pairs.

    Values are compared as printed (rounded to ``places``) so that two districts shown with the
    same rate share a rank. ``lowest_first`` makes 1 the lowest value (the lowest crime rate).
    """
    items = [(key, Fraction(value)) for key, value in values]
    shown = {
        key: round_half_up(value, places) if places is not None else value for key, value in items
    }
    ordered = sorted(items, key=lambda item: shown[item[0]], reverse=not lowest_first)
    counts: dict[Fraction, int] = {}
    for key, _ in items:
        counts[shown[key]] = counts.get(shown[key], 0) + 1
    result = []
    previous_value, previous_rank = None, 0
    for position, (key, value) in enumerate(ordered, 1):
        current_rank = previous_rank if shown[key] == previous_value else position
        result.append(Ranked(key, value, current_rank, counts[shown[key]] > 1))
        previous_value, previous_rank = shown[key], current_rank
    return result


def total(values: Sequence[int | float]) -> int | float:
    """The sum of a column (a totals row)."""
    return sum(values)
