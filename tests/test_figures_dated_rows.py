"""A monthly series given a row a day or a week: one line saying to add each month up."""

import datetime as dt

import pytest

from committeepack.figures.cells import Column
from committeepack.figures.dated_rows import dated_rows
from committeepack.figures.raw_table import RawTable

from conftest import run

COLUMNS = [Column("month", "month", unique=True), Column("count", "number")]


def _told(cells: list) -> str:
    table = RawTable(["month", "count"], {"month": cells, "count": ["1"] * len(cells)})
    return dated_rows(table, COLUMNS, {"month": "month", "count": "count"})


@pytest.mark.parametrize(
    "cells",
    [
        ["2024-04-01", "2024-04-08"],  # a week apart
        [dt.datetime(2024, 4, 1), dt.datetime(2024, 4, 2)],  # a workbook's dates, a day apart
        ["01/04/2024", "15/04/2024"],  # written day first
        ["2024-03", "2024-04-01", "2024-04-30"],
    ],
)
def test_two_days_of_one_month_are_told(cells):
    assert _told(cells).startswith("column 'month' holds dates of days, several in a month (")


@pytest.mark.parametrize(
    "cells",
    [
        ["2024-04-01", "2024-05-01", "2024-06-01"],  # the first of each month
        [dt.datetime(2024, 4, 30), dt.datetime(2024, 5, 31)],  # month ends, one a month
        ["2024-04", "2024-05"],
        ["2024-04-01", "2024-04-01"],  # the same day twice: told as a month repeated
        ["2024-02-30", "2024-02-01"],  # not a date: told as not a month
        ["", None, "2024-04-01"],
    ],
)
def test_one_day_a_month_or_no_days_is_not(cells):
    assert _told(cells) == ""


def test_the_first_crowded_month_is_shown_with_three_of_its_days():
    days = [f"2024-0{m}-{d:02d}" for m in (5, 4) for d in (1, 8, 15, 22)]
    assert "(2024-04-01, 2024-04-08, 2024-04-15 ...)" in _told(days)


def test_a_weekly_series_is_one_line_saying_to_add_each_month_up(figures):
    weeks = [dt.date(2024, 1, 1) + dt.timedelta(days=7 * n) for n in range(30)]
    (figures / "inputs/monthly.csv").write_text(
        "month,count\n" + "".join(f"{w.isoformat()},{40 + n % 3}\n" for n, w in enumerate(weeks)),
        encoding="utf-8",
    )
    result = run(figures, "build")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "monthly.csv" in line] == [
        "Error: inputs/monthly.csv:1: column 'month' holds dates of days, several in a month "
        "(2024-01-01, 2024-01-08, 2024-01-15 ...), where committeepack reads one count for each "
        "month; add each month's counts up (in Excel, a PivotTable with the dates in Rows, "
        "grouped by Months and Years, and the counts in Values), one row a month"
    ]
