"""Rows a workbook hides (filtered out, hidden by hand, folded in a group) are read, and said."""

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures import hidden_rows as module
from committeepack.figures.hidden_rows import described, hidden_columns, hidden_rows

from conftest import run, use_crime_workbook


def _sheet(rows: dict[int, str]) -> bytes:
    body = "".join(
        f'<row r="{n}"{attributes}><c r="A{n}"/></row>' for n, attributes in rows.items()
    )
    return f"<worksheet><sheetData>{body}</sheetData></worksheet>".encode()


def test_rows_marked_hidden_are_found_whatever_their_attributes_order():
    xml = _sheet(
        {
            1: "",
            2: ' spans="1:4" hidden="1"',
            3: ' hidden="true" spans="1:4"',  # as LibreOffice may write it
            4: ' hidden="0"',
            5: ' customHeight="1" ht="0" hidden="1" outlineLevel="1"',  # folded in a group
            6: ' hiddenx="1"',
        }
    )
    assert hidden_rows(io.BytesIO(xml)) == [2, 3, 5]


@given(st.sets(st.integers(1, 3000), max_size=60), st.integers(50, 400))
def test_no_row_is_lost_or_counted_twice_where_the_stream_is_cut(hidden, chunk):
    xml = _sheet({n: ' hidden="1"' if n in hidden else "" for n in range(1, 3001)})
    original = module._CHUNK
    module._CHUNK = chunk  # cut inside tags, wherever the chunk ends
    try:
        assert hidden_rows(io.BytesIO(xml)) == sorted(hidden)
    finally:
        module._CHUNK = original


@pytest.mark.parametrize(
    ("rows", "text"),
    [
        ([7], "7"),
        ([3, 4], "3 and 4"),
        ([3, 4, 5], "3 to 5"),
        ([2, 5, 6, 7, 9], "2, 5 to 7 and 9"),
        ([1, 3, 5, 7, 9, 11], "1, 3, 5, 7, 9 and 1 more"),
        ([1, 3, 5, 7, 9, *range(20, 1020)], "1, 3, 5, 7, 9 and 1,000 more"),
        ([1001, 1002, 1003], "1,001 to 1,003"),
    ],
)
def test_hidden_rows_are_named_in_runs(rows, text):
    assert described(rows) == text


def test_a_workbooks_hidden_rows_are_read_and_a_warning_names_them(figures):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Crime"
    sheet.append(["category", "parent", "previous", "current"])
    for row in [
        ("All crime", "", 1000, 950),
        ("Violent crime", "All crime", 400, 420),
        ("Violence against the person", "Violent crime", 380, 400),
        ("Robbery", "Violent crime", 20, 20),
        ("Theft", "All crime", 600, 530),
    ]:
        sheet.append(list(row))
    sheet.auto_filter.ref = "A1:D6"
    for number in (3, 4, 50):  # 50 holds nothing: a sheet may hide every row below its table
        sheet.row_dimensions[number].hidden = True
    use_crime_workbook(figures, workbook)
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if "hidden" in line] == [
        "Warning: inputs/crime.xlsx [Crime]: rows 3 and 4 are hidden in Excel (filtered out, "
        "hidden or grouped), but committeepack reads every row of the sheet; delete the rows "
        "that are not part of the table (to keep only a filter's rows, copy them to a sheet of "
        "their own), or show them to check them"
    ]
    strict = run(figures, "build", "--strict")  # read again: rows read with a warning are
    assert strict.exit_code == 1  # not cached
    assert "Error: inputs/crime.xlsx [Crime]: rows 3 and 4 are hidden" in strict.output
    sheet.row_dimensions[3].hidden = sheet.row_dimensions[4].hidden = False
    workbook.save(figures / "inputs/crime.xlsx")
    assert "hidden" not in run(figures, "build").output


def _head(cols: str, rows: str = "") -> bytes:
    return f"<worksheet><cols>{cols}</cols><sheetData>{rows}</sheetData></worksheet>".encode()


def test_columns_marked_hidden_are_found_as_runs_before_the_rows():
    xml = _head(
        '<col min="2" max="2" width="0" hidden="1"/>'
        '<col min="3" max="3" width="9"/>'
        '<col hidden="true" max="9" min="5"/>'  # any order, as LibreOffice may write it
        '<col min="10" max="16384" hidden="0"/>',
        '<row r="1"><c r="A1"/></row><col min="12" max="12" hidden="1"/>',  # not a column
    )
    assert hidden_columns(io.BytesIO(xml)) == [(2, 2), (5, 9)]
    prefixed = b'<x:worksheet><x:cols><x:col min="4" max="4" hidden="1"/></x:cols></x:worksheet>'
    assert hidden_columns(io.BytesIO(prefixed)) == [(4, 4)]


def _crime_sheet():
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Crime"
    sheet.append(["category", "parent", "previous", "current", "working"])
    for row in [
        ("All crime", "", 1000, 950, 1),
        ("Violent crime", "All crime", 400, 420, 2),
        ("Theft", "All crime", 600, 530, 3),
    ]:
        sheet.append(list(row))
    return workbook, sheet


def test_a_hidden_column_the_table_reads_is_a_warning_and_others_are_not(figures):
    workbook, sheet = _crime_sheet()
    for letter in ("C", "E", "G"):  # previous; a working column; one right of the table
        sheet.column_dimensions[letter].hidden = True
    use_crime_workbook(figures, workbook)
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if "hidden" in line] == [
        "Warning: inputs/crime.xlsx [Crime]:1: column 'previous' is hidden in Excel, but "
        "committeepack reads it; show it in Excel to check the figures the papers will print "
        "(if another column should be read, name it in committeepack.toml with columns = "
        "{ ... })"
    ]
    sheet.column_dimensions["C"].hidden = False  # its neighbours D and B stay shown
    workbook.save(figures / "inputs/crime.xlsx")
    assert "hidden" not in run(figures, "build").output
