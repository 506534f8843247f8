"""Sentences that state figures, generated from the figures so words and numbers agree.

``change(8640, 8277)`` gives ``fell by 4.2% from 8,640 to 8,277``: the direction word comes
from the same two numbers as the percentage, so a fall can never be written as a rise.
"""

from __future__ import annotations

from fractions import Fraction

from .compute import format_fixed, percent_change, round_half_up, share


def number(value: int | float | Fraction) -> str:
    """A count with thousands separators (``8,640``); other values to 1 decimal place."""
    if isinstance(value, bool):
        raise TypeError("a yes/no value is not a number")
    if isinstance(value, int) or (isinstance(value, float | Fraction) and value == int(value)):
        return f"{int(value):,}"
    return format_fixed(Fraction(value), 1)


def mid_sentence(name: str) -> str:
    """A name as it reads inside a sentence: ``Violent crime`` becomes ``violent crime``, but
    an acronym (``ASB incidents``) keeps its capitals."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def percent(value: Fraction | None, places: int = 1) -> str:
    """A percentage for a sentence: ``4.2%`` (no sign); ``[z]`` when there is none."""
    return "[z]" if value is None else f"{format_fixed(value, places)}%"


def bounded_percent(value: Fraction | None, places: int = 1, whole: bool = False) -> str:
    """A percentage that never rounds something to nothing, nor a part of a whole (``whole``)
    to all of it: ``less than 0.1%`` for a value above 0 that would print as 0.0%, and
    ``more than 99.9%`` for a share below 100 that would print as 100.0%; ``[z]`` for none."""
    if value is None:
        return percent(value, places)
    unit = Fraction(1, 10**places)
    shown = round_half_up(value, places)
    if value > 0 and shown == 0:
        return f"less than {format_fixed(unit, places)}%"
    if whole and value < 100 and shown == 100:
        return f"more than {format_fixed(100 - unit, places)}%"
    return percent(value, places)


def change(previous, current, places: int = 1) -> str:
    """How a figure moved: ``rose by 12.5% from 2,400 to 2,700``, ``stayed at 47``. Its verbs
    agree with a subject in the singular or the plural ("Robbery", "Drug offences"), which
    "was unchanged" did not."""
    previous, current = _pair(previous, current)
    if previous == current:
        return f"stayed at {number(current)}"
    verb = "rose" if current > previous else "fell"
    pct = percent_change(previous, current)
    if pct is None:
        return f"{verb} from {number(previous)} to {number(current)}"
    shown = bounded_percent(abs(pct), places)
    return f"{verb} by {shown} from {number(previous)} to {number(current)}"


def change_summary(previous, current, places: int = 0) -> str:
    """The data-on-a-page form: ``fell from 110 to 87, a decrease of 21%``."""
    previous, current = _pair(previous, current)
    if previous == current:
        return f"stayed at {number(current)}"
    verb, noun = ("rose", "an increase") if current > previous else ("fell", "a decrease")
    pct = percent_change(previous, current)
    base = f"{verb} from {number(previous)} to {number(current)}"
    if pct is None:
        return base
    return f"{base}, {noun} of {bounded_percent(abs(pct), places)}"  # never "of 0%"


def share_of(part, whole, of: str, places: int = 0) -> str:
    """A part of a whole: ``19% of all crime``."""
    part, whole = _pair(part, whole)
    value = share(part, whole)
    if value is None:
        raise ValueError(f"the share of {of} cannot be worked out: the total is 0")
    return f"{bounded_percent(value, places, whole=True)} of {of}"


def _pair(first, second) -> tuple:
    for value in (first, second):
        if isinstance(value, bool) or not isinstance(value, int | float | Fraction):
            raise TypeError(f"{value!r} is not a number")
    return first, second


def period_heading(label: str) -> str:
    """A period as a column heading, broken after its dash (``Oct 2023 -`` over ``Sep 2024``)
    so that a narrow column does not wrap it as ``Oct 2023 / - Sep / 2024``."""
    for dash in (" - ", " – "):
        if dash in label:
            start, end = label.split(dash, 1)
            return f"{start}{dash.rstrip()}\n{end}"
    return label


LISTED_IN_FULL = 4  # names a sentence lists before it counts the rest


def listed(names: list[str], others: str) -> str:
    """Names as a sentence lists them: ``A``, ``A and B``, ``A, B and C``; past four, the
    first three and how many ``others`` (a plural noun) besides: ``A, B, C and 5 other
    wards``."""
    if len(names) > LISTED_IN_FULL:
        return f"{', '.join(names[:3])} and {len(names) - 3:,} other {others}"
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(month: str) -> str:
    """``2025-09`` as ``Sep 2025``."""
    year, number = month.split("-")
    return f"{MONTHS[int(number) - 1]} {year}"
