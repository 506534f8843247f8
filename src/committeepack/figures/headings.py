"""A table's headings as committeepack matches and names them: the column wanted found
whatever case, spaces or dash it is written with, the columns under one heading counted, and
headings listed in messages and as keys of committeepack.toml."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING

from ..file_names import quoted_list, shortened
from .months import MONTH, month
from .periods import period_key
from .raw_table import RawTable
from .row_names import NOTE_MARK, name_key

if TYPE_CHECKING:
    from .cells import Column

LISTED_MAX = 12  # headings a message lists: a sheet may have thousands


def listed(headings: list[str]) -> str:
    """A table's headings as a message lists them (:func:`.file_names.quoted_list`)."""
    return quoted_list(headings, LISTED_MAX)


def toml_key(name: str) -> str:
    """``name`` as a key of committeepack.toml is written: bare when TOML allows it, else in
    double quotes."""
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name, ensure_ascii=False)


DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))


def heading_key(heading: str) -> str:
    """A heading as it is matched: folded, its spaces (no-break ones too) single and none
    around it, every kind of dash a hyphen ("Oct 2024 \u2013 Sep 2025", typed or pasted from
    a PDF, is the column "Oct 2024 - Sep 2025"), and a month or a period however it is
    written: "Sep-24", "September 2024" and a date cell of 1 September 2024 are the column
    "2024-09"; "October 2024 to September 2025" is "Oct 2024 - Sep 2025"; "2023-24" is
    "2023/24" (:func:`.periods.period_key`). A published table's note mark after a heading
    (``[note 3]``, ``*``, ``¹``) is not part of it."""
    key = name_key(heading.translate(DASHES))
    mark = NOTE_MARK.search(key)
    if mark and mark.start() > 0:  # "Apr 2023 to Mar 2024 [note 3]", as the ONS heads columns
        key = key[: mark.start()].rstrip()
    as_month = month(key)
    return as_month if MONTH.fullmatch(as_month) else period_key(key)  # 2023-24: a year


def heading_text(value: object) -> str:
    """A heading cell's value as text: a date (which Excel makes of a heading typed "Sep-24")
    as YYYY-MM-DD, without the time of day when it has none."""
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def heading_places(table: RawTable) -> dict[str, list[int]]:
    """Each heading as written (as :func:`heading_key` matches it) with the places of the
    columns under it, counted from 1."""
    places: dict[str, list[int]] = {}
    for place, name in enumerate(table.headed(), 1):
        places.setdefault(heading_key(name), []).append(place)
    return places


def month_headings(table: RawTable) -> list[str]:
    """``table``'s headings that are months (``Apr-24``, ``2024-04``, a date cell), in order."""
    return [h for h in table.headed() if MONTH.fullmatch(month(heading_text(h)))]


def months_across(table: RawTable, month_heading: str, count_heading: str) -> str:
    """What to do when three or more of ``table``'s headings are months (``Apr-24``,
    ``2024-04``): a monthly table published with its months across the heading row; else ""."""
    found = month_headings(table)
    if len(found) < 3:
        return ""
    return (
        f"the months run across the heading row ('{found[0]}' to '{found[-1]}', {len(found)} of "
        "them), where committeepack reads a month to a row; turn the table round (in Excel, "
        "copy it, then Paste Special, Transpose) so that the months run down a column headed "
        f"'{month_heading}' and the counts down one headed '{count_heading}'"
    )


def months_for_periods(table: RawTable, periods: list[str]) -> str:
    """What to do when a table that committeepack reads a column a period from (``periods``,
    as they are headed) has a column for each month instead (three or more): add the months
    up into each period; else ""."""
    found = month_headings(table)
    if len(found) < 3 or not periods:
        return ""
    wanted = " and ".join(f"one headed '{shortened(p)}'" for p in periods)
    return (
        f"has a column for each month ('{shortened(found[0])}' to '{shortened(found[-1])}', "
        f"{len(found)} of them), where committeepack reads a column for each period; add each "
        f"period's months up into a column of their own (in Excel, =SUM of them): {wanted}"
    )


def row_per_event(table: RawTable, month_heading: str, count_heading: str) -> str:
    """What to do when a monthly table without counts lists a row for each crime or incident
    (as police.uk's downloads do), its month repeating down the column headed
    ``month_heading``; else ""."""
    under = [
        (column, heading)
        for column, heading in zip(table.columns, table.headed(), strict=True)
        if heading_key(heading) == heading_key(month_heading)
    ]
    if len(under) != 1:
        return ""
    [(column, written)] = under
    cells = [month(heading_text(c)) for c in table.cells[column] if c not in ("", None)]
    if not cells or not all(MONTH.fullmatch(c) for c in cells) or not _repeats(cells):
        return ""
    most = max(sorted(set(cells)), key=cells.count)
    written = shortened(written)
    return (
        f"has a row for each crime or incident, each month on several rows ({most} on "
        f"{cells.count(most):,}), where committeepack reads a row for each month with its "
        f"count; in Excel, make a PivotTable of it (Insert, PivotTable) with '{written}' in "
        f"Rows and the count of '{written}' in Values (filtered to what the series counts: its "
        f"crime type, your area), and copy it as values to a sheet of its own, headed "
        f"'{month_heading}' and '{count_heading}'"
    )


def heading_row_above(
    table: RawTable, expected: set[str], required: list[tuple[str, ...]]
) -> tuple[int, str] | None:
    """The line and error for a row above the headings (taken for a title: one cell or none)
    whose one cell is a heading this table looks for (``expected``, by :func:`heading_key`),
    where the row taken for the headings has none of them: the heading row, its other
    headings left empty (``ward,,``); None if there is none."""
    if any(heading_key(heading) in expected for heading in table.headed()):
        return None  # the headings were found below it: a title, and a slip in the headings
    for number, text in enumerate(table.above, 1):
        if text and heading_key(text) in expected:
            return number, (
                f"holds only '{shortened(text)}', a heading of this table, so it looks like the "
                "heading row with its other headings left empty: give each column a heading "
                f"(this table needs {listed([names[0] for names in required])})"
            )
    return None


# words of a heading over a column that says which period each row is of, and of one that
# holds the counts, in a long table (as open data is published: a row per area, category and
# period); a heading with a digit ("Year ending Sep 2025") heads a period's own column instead
PERIOD_WORDS = frozenset({"year", "quarter", "period", "month", "date", "fy"})
COUNT_WORDS = frozenset({"number", "count", "offences", "crimes", "incidents", "value", "total"})


def periods_down(table: RawTable, first: Column) -> str:
    """What to do when ``table`` has a row for each period, the periods running down a column
    (``Financial Year``: a long table, as the ONS publishes its open data), where committeepack
    reads a row for each of its first column's names with a column for each period; else ""
    (also for a monthly table, read a month to a row)."""
    if first.kind == "month":
        return ""
    names = first.name[:-1] + "ies" if first.name.endswith("y") else first.name + "s"
    down = next(
        (
            (column, heading)
            for column, heading in zip(table.columns, table.headed(), strict=True)
            if _words(heading) & PERIOD_WORDS and not any(c.isdigit() for c in heading)
        ),
        None,
    )
    if down is None:
        return ""
    cells = _filled(table.cells[down[0]])
    if not all(map(_a_period, set(cells))):
        return ""  # the column holds something else: a date, such as the day of an extract
    others = [_filled(table.cells[c]) for c in table.columns if c != down[0]]
    if not _repeats(cells) and not any(_repeats(o) for o in others if not all_figures(o)):
        return ""  # no period, and no name, has two rows: each row is of one thing
    counts = next(
        (h for h in table.headed() if h != down[1] and _words(h) & COUNT_WORDS), "the counts"
    )
    counts = counts if counts == "the counts" else f"'{shortened(counts)}'"
    return (
        f"has a row for each period, the periods running down the column '{shortened(down[1])}' "
        f"(a long table, as open data is published), where committeepack reads a row for each "
        f"of the {names} with a column for each period; in Excel, make a PivotTable of it "
        f"(Insert, PivotTable) with the {names} in Rows, '{shortened(down[1])}' in Columns and "
        f"{counts} in Values (filtered to your area), and copy it as values to a sheet of its "
        "own, each period's column headed as [periods] names it"
    )


def _filled(cells: list) -> list[str]:
    return [str(c).strip() for c in cells if c not in ("", None)]


def _repeats(cells: list[str]) -> bool:
    return len(set(cells)) < len(cells)


FIGURE = re.compile(r"[+-]?[\d,]*\.?\d+%?")  # a count, a rate or a % change as written


def all_figures(cells: list[str]) -> bool:
    """Whether every one of ``cells`` (as text) is a figure: a column of counts, rates or
    changes, not of names."""
    return all(FIGURE.fullmatch(cell) for cell in cells)


def _a_period(text: str) -> bool:
    """Whether ``text`` names a period as a long table's period column does: a year, a
    financial year, a range of months, a month or a quarter."""
    return bool(
        re.fullmatch(r"(?:19|20)\d\d", text)
        or ".." in period_key(text)
        or MONTH.fullmatch(month(text))
        or re.search(r"\bq[1-4]\b|^[1-4]$", text.casefold())
    )


def _words(heading: str) -> set[str]:
    return set(re.findall(r"[a-z]+", heading.casefold()))
