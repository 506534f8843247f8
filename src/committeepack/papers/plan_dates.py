"""Where an update stands in a community safety plan: its year, in numbers and words, worked
out from the plan's dates so that no paper states it by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import InputError
from ..render import long_date

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


@dataclass(frozen=True)
class PlanYears:
    """Where the update stands in the plan, for every paper's narrative (``plan.year``...),
    so that no paper states the plan's year by hand."""

    year: int
    years: int
    label: str  # "2025-2028"

    @property
    def year_word(self) -> str:
        """``second``: the year as a word."""
        return ORDINALS[self.year - 1] if self.year <= len(ORDINALS) else f"{self.year}th"

    @property
    def is_final_year(self) -> bool:
        """Whether the update is for the plan's last year."""
        return self.year == self.years

    @property
    def years_left(self) -> int:
        """Years of the plan after this one."""
        return self.years - self.year


def plan_years(meta: dict) -> PlanYears | None:
    """The plan's years from its front matter, or None when they cannot be worked out (the
    plan's own checks then say why)."""
    try:
        year = plan_year(meta["starts"], meta["years"], meta["update"])
    except (KeyError, TypeError, ValueError):
        return None
    return PlanYears(year, meta["years"], labels(meta)[0])


def check_plan_years(front) -> PlanYears:
    """The plan's years, or an error at the ``update`` line saying why they do not work out
    (checked before any narrative that names them is rendered)."""
    meta = front.meta
    try:
        year = plan_year(meta["starts"], meta["years"], meta["update"])
    except ValueError as exc:
        key = str(exc).partition(":")[0]  # the message starts with the key it is about
        raise InputError(str(exc), front.path, front.source.meta.lines.get(key)) from None
    return PlanYears(year, meta["years"], labels(meta)[0])


MAX_YEARS = 10  # community safety plans run three to five years; more is a typing slip


def plan_year(starts: dt.date, years: int, update: dt.date) -> int:
    """The year of the plan an update belongs to: 1 + whole years from the start to the update.

    A plan starting 1 April 2025 is in year 1 until 31 March 2026; an update dated May 2026
    is the year 2 update. An update before the start or after the end is an error.
    """
    if years < 1:
        raise ValueError("years: a plan lasts at least one year")
    if years > MAX_YEARS:
        raise ValueError(f"years: a plan lasts at most {MAX_YEARS} years; check the number")
    if update < starts:
        raise ValueError(
            f"update: {long_date(update)} is before the plan starts ({long_date(starts)})"
        )
    months = (update.year - starts.year) * 12 + update.month - starts.month
    if update.day < starts.day:
        months -= 1
    year = months // 12 + 1
    if year > years:
        raise ValueError(f"update: {long_date(update)} is after the plan's {years} years end")
    return year


def labels(meta: dict) -> tuple[str, str]:
    """("2025-2028", "May 2026 update") from the plan's dates."""
    starts, years, update = meta["starts"], meta["years"], meta["update"]
    return f"{starts.year}-{starts.year + years}", f"{update:%B %Y} update"
