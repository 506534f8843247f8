"""A table with rows for several areas (a national or county table, as published) is told as
one line naming the column that holds the areas, not a line for every repeated name."""

import csv

import pytest

from committeepack.figures import load
from committeepack.figures.kind_columns import COLUMNS
from committeepack.figures.raw_table import RawTable
from committeepack.figures.several_areas import several_areas

HEADINGS = ["CSP code", "CSP name", "Offence", "previous", "current"]
ONS = [
    ["E22000001", "Brackenford", "Robbery", "60", "78"],
    ["E22000001", "Brackenford", "Burglary", "468", "361"],
    ["E22000002", "Westcombe", "Robbery", "30", "35"],
    ["E22000002", "Westcombe", "Burglary", "300", "280"],
    ["E22000003", "Eastmarsh", "Robbery", "3", "5"],
    ["E22000004", "Kingsfold", "Robbery", "4", "6"],
    ["E22000005", "Saltbridge", "Robbery", "7", "2"],
]


def _errors(tmp_path, headings, rows) -> list[str]:
    path = tmp_path / "crime.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([headings, *rows])
    errors: list = []
    load.check_rows(load.Source(path, "crime.csv"), COLUMNS["crime_by_type"], {}, {}, errors)
    return [str(e) for e in errors]


def test_a_table_of_every_partnership_is_one_line_naming_the_column_of_areas(tmp_path):
    assert _errors(tmp_path, HEADINGS, ONS) == [
        "crime.csv:1: the table has rows for 5 areas, told apart by column 'CSP name' "
        "('Brackenford', 'Westcombe', 'Eastmarsh' and 2 more), so each name in column "
        "'Offence' repeats; keep only your area's rows (in Excel: Data, Filter, choose your "
        "area in 'CSP name', then copy the rows left to a sheet or file of their own)"
    ]


def test_a_table_of_your_area_alone_reads(tmp_path):
    assert _errors(tmp_path, HEADINGS, [row for row in ONS if row[1] == "Brackenford"]) == []


def test_a_name_typed_twice_in_one_area_is_still_told_row_by_row(tmp_path):
    rows = [*ONS[:2], ["E22000001", "Brackenford", "robbery", "1", "2"]]  # the same area
    assert _errors(tmp_path, HEADINGS, rows) == [
        "crime.csv:4: column 'Offence': 'robbery' is already on row 2; each appears once"
    ]


def test_repeated_names_are_told_at_most_twenty_times(tmp_path):
    rows = [["E1", "Brackenford", "Robbery", str(n), str(n)] for n in range(40)]
    errors = _errors(tmp_path, HEADINGS, rows)
    assert len(errors) == 21 and errors[-1].endswith(
        "more problems from here on; fix the ones above first"
    )


def test_a_symbol_in_another_areas_row_is_told_once_the_table_is_filtered(tmp_path):
    """The ONS's tables hold [x] and [c] in some areas' rows: keeping your area's rows comes
    first, and the symbols in them are told then."""
    rows = [*ONS[:3], ["E22000002", "Westcombe", "Burglary", "[x]", "280"]]
    errors = _errors(tmp_path, HEADINGS, rows)
    assert len(errors) == 1 and "the table has rows for 2 areas" in errors[0]
    mine = [["E22000001", "Brackenford", "Robbery", "[x]", "78"], ONS[1]]
    assert _errors(tmp_path, HEADINGS, mine) == [
        "crime.csv:2: column 'previous': '[x]' is how published tables mark a figure that is "
        "withheld or not available, not a figure; write the figure itself (ask whoever "
        "publishes it), or leave the row out"
    ]


def _table(columns: dict[str, list]) -> RawTable:
    return RawTable(list(columns), columns)


NAMES = ["Robbery", "Burglary", "Robbery", "Burglary"]


@pytest.mark.parametrize(
    ("others", "told"),
    [
        ({"Area": ["A", "A", "B", "B"]}, "Area"),
        ({"Code": ["E1", "E1", "E2", "E2"], "Area": ["A", "A", "B", "B"]}, "Area"),  # names first
        ({"Code": ["E1", "E1", "E2", "E2"]}, "Code"),  # codes where there are no names
        ({"Year": ["2023", "2023", "2024", "2024"]}, ""),  # figures, not areas
        ({"Area": ["A", "", "B", "B"]}, ""),  # a row without its area
        ({"Area": ["A", "A", "A", "A"]}, ""),  # one area: the names truly repeat
        ({"Note": ["a", "b", "c", "d"]}, ""),  # as many values as rows: not areas
        ({"Area": ["A", "B", "A", "B"]}, ""),  # Robbery twice in area A
    ],
)
def test_the_column_of_areas_is_one_that_tells_every_repeated_name_apart(others, told):
    advice = several_areas(_table({"Offence": NAMES, **others}), "Offence", {"Offence"})
    assert (f"told apart by column '{told}'" in advice) if told else advice == ""


def test_a_column_committeepack_reads_is_never_the_areas():
    table = _table({"Offence": NAMES, "Area": ["A", "A", "B", "B"]})
    assert several_areas(table, "Offence", {"Offence", "Area"}) == ""


def test_a_table_of_areas_whose_first_rows_hold_twenty_problems_is_still_told_as_one(tmp_path):
    offences = [f"Offence {n}" for n in range(25)]
    rows = [
        [code, area, offence, "[x]" if area == "Brackenford" else "5", "6"]
        for code, area in (("E1", "Brackenford"), ("E2", "Westcombe"))
        for offence in offences
    ]
    errors = _errors(tmp_path, HEADINGS, rows)
    assert len(errors) == 1 and "the table has rows for 2 areas" in errors[0]
