"""A monthly series given a row a day or a week: its month column holds dates, several of them
in one month (2023-10-02, 2023-10-09, ...), where committeepack reads one count a month. Told
in one line saying to add each month's counts up, rather than a line for each date that falls
in a month already seen (a workbook's date is read as its month) or is not the first of one (a
CSV's)."""

from __future__ import annotations

import datetime as dt
import re

from .cells import Column, blank
from .raw_table import RawTable

ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?")
BRITISH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def dated_rows(table: RawTable, columns: list[Column], located: dict[str, str | None]) -> str:
    """What to do when ``table``'s month column holds two or more different days of one
    month; else ""."""
    column = next((c for c in columns if c.kind == "month"), None)
    heading = located.get(column.name) if column is not None else None
    if heading is None:
        return ""
    days = [d for d in map(_day, table.cells[heading]) if d is not None]
    by_month: dict[tuple[int, int], set[dt.date]] = {}
    for day in days:
        by_month.setdefault((day.year, day.month), set()).add(day)
    crowded = [sorted(found) for found in by_month.values() if len(found) > 1]
    if not crowded:
        return ""
    first = min(crowded)
    shown = ", ".join(d.isoformat() for d in first[:3])
    return (
        f"column '{heading}' holds dates of days, several in a month ({shown}"
        f"{' ...' if len(first) > 3 else ''}), where committeepack reads one count for each "
        "month; add each month's counts up (in Excel, a PivotTable with the dates in Rows, "
        "grouped by Months and Years, and the counts in Values), one row a month"
    )


def _day(value: object) -> dt.date | None:
    """A cell's date, from a workbook's date or a date written out (2023-10-02, 02/10/2023);
    None for anything else (a month, a blank)."""
    if blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if found := ISO_DATE.fullmatch(text):
            return dt.date(*map(int, found.groups()))
        if found := BRITISH_DATE.fullmatch(text):
            day, month, year = map(int, found.groups())
            return dt.date(year, month, day)
    except ValueError:  # 2024-02-30: not a date, told as not a month
        return None
    return None
