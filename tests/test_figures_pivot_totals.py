"""A table copied from a PivotTable with its subtotals and grand total: one line for them."""

import csv

import pytest

from committeepack.figures import load
from committeepack.figures.kind_columns import COLUMNS

HEADINGS = ["Offence group", "Offence", "previous", "current"]
ROWS = [
    ["Violence against the person", "Homicide", "2", "1"],
    ["Violence against the person", "Violence with injury", "400", "420"],
]


def _errors(tmp_path, rows, headings=HEADINGS, kind="crime_by_type") -> list[str]:
    path = tmp_path / "table.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([headings, *rows])
    errors: list = []
    load.check_rows(load.Source(path, "table.csv"), COLUMNS[kind], {}, {}, errors)
    return [str(e) for e in errors]


def test_a_pivottables_totals_are_one_line_saying_how_to_turn_them_off(tmp_path):
    rows = [
        *ROWS,
        ["Violence against the person Total", "", "402", "421"],
        ["Theft offences", "Shoplifting", "600", "530"],
        ["Theft offences Total", "", "600", "530"],
        ["Grand Total", "", "1002", "951"],
    ]
    assert _errors(tmp_path, rows) == [
        "table.csv:4: rows 4, 6 and 7 are a PivotTable's totals ('Violence against the person "
        "Total', 'Theft offences Total', 'Grand Total'), with no name in column 'Offence'; "
        "committeepack adds the rows up itself, so turn them off in the PivotTable (Design, "
        "Subtotals, Do Not Show Subtotals; Grand Totals, Off for Rows and Columns) and copy it "
        "again, or delete those rows"
    ]


def test_a_grand_total_alone_is_one_row(tmp_path):
    [error] = _errors(tmp_path, [*ROWS, ["grand  total", "", "402", "421"]])
    assert error.startswith("table.csv:4: row 4 is a PivotTable's totals ('grand  total')")


def test_many_totals_are_counted_after_the_first_three(tmp_path):
    rows = [[f"Group {n} Total", "", "1", "1"] for n in range(6)]
    [error] = _errors(tmp_path, [*ROWS, *rows])
    assert "rows 4, 5, 6 and 3 more are" in error
    assert "'Group 0 Total', 'Group 1 Total', 'Group 2 Total' and 3 more" in error


@pytest.mark.parametrize(
    "row",
    [
        ["Violence against the person", "", "402", "421"],  # no total label: a missing name
        ["Totally different", "", "402", "421"],
        ["", "", "402", "421"],
    ],
)
def test_a_row_without_a_name_and_no_total_label_is_told_as_before(tmp_path, row):
    [error] = _errors(tmp_path, [*ROWS, row])
    assert error == "table.csv:4: column 'Offence': is empty; every row needs a value here"


def test_a_total_row_with_its_name_is_not_a_pivottables(tmp_path):
    rows = [["Market Square", "1804", "1762"], ["Total", "1804", "1762"]]
    assert _errors(tmp_path, rows, ["ward", "previous", "current"], "wards") == []
