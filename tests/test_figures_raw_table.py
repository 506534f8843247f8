"""A table's file read as it stands (figures/raw_table.py): CSV as officers save it, and
workbooks as Excel leaves them, each failure named with its line."""

import csv
import datetime
import io
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from committeepack.errors import InputError
from committeepack.figures.raw_table import headings, read_table, title_rows


def read_csv(tmp_path, text: str):
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8", newline="")
    return read_table(path, "inputs/t.csv")


def csv_error(tmp_path, text: str) -> str:
    with pytest.raises(InputError) as raised:
        read_csv(tmp_path, text)
    return str(raised.value)


def test_cells_are_read_by_column_short_and_blank_rows_filled_in(tmp_path):
    table = read_csv(tmp_path, 'name,count\nTheft,"1,200"\n\nBurglary\n"Two\nlines",3\n')
    assert table.columns == ["name", "count"]
    assert table.cells == {
        "name": ["Theft", "", "Burglary", "Two\nlines"],
        "count": ["1,200", "", "", "3"],
    }
    assert len(table) == 4


def test_trailing_commas_do_not_move_the_cells(tmp_path):
    # pandas took the first column for an index here and shifted every value one column left
    table = read_csv(tmp_path, "name,count\nTheft,530,\nBurglary,210,,\n")
    assert table.cells == {"name": ["Theft", "Burglary"], "count": ["530", "210"]}


def test_a_value_beyond_the_headings_is_an_error_on_its_line(tmp_path):
    assert csv_error(tmp_path, "name,count\nTheft,530\nVehicle, crime,40\n") == (
        "inputs/t.csv:3: this row has 3 values but the heading row has 2; put text that "
        "contains a comma in double quotes"
    )


@pytest.mark.parametrize(
    ("above", "line"),
    [
        ("", 1),
        ("Table 4: Recorded crime\n", 2),
        ("Table 4: Recorded crime,,\n", 2),  # padded to the table's width, as Excel saves it
        ("Table 4: Recorded crime\n\n", 3),
        ('"Table 4: Recorded crime, by offence"\n\nSource: police\n', 4),
        ("\n", 2),  # a blank first line
        ("T\n" + "\n" * 9, 11),  # the last line a title's rows may reach
    ],
)
def test_a_title_and_notes_above_the_headings_are_passed_over(tmp_path, above, line):
    text = above + "name,count,rate\nTheft,530,1.2\n"
    for quoted in (False, True):  # read in C, and by the csv module
        table = read_csv(tmp_path, text + ('"Burglary",210,0.5\n' if quoted else ""))
        assert table.columns == ["name", "count", "rate"]
        assert table.cells["name"][0] == "Theft"
        assert table.heading_line == line


def test_a_title_far_above_the_headings_is_taken_for_them(tmp_path):
    # eleven lines of a title and blanks: the first line is the headings, and the wider
    # row below them a comma to quote (as in a table of one column)
    assert csv_error(tmp_path, "T\n" + "\n" * 10 + "name,count\nTheft,530\n") == (
        "inputs/t.csv:12: this row has 2 values but the heading row has 1; put text that "
        "contains a comma in double quotes"
    )


def test_a_row_of_two_cells_is_headings_not_a_title(tmp_path):
    table = read_csv(tmp_path, "Table 4:,Recorded crime,\nname,count,rate\nTheft,530,1.2\n")
    assert table.heading_line == 1
    assert table.columns == ["Table 4:", "Recorded crime", "Unnamed: 2"]


def test_lines_below_a_title_are_counted_as_the_file_counts_them(tmp_path):
    assert csv_error(tmp_path, 'Title\n\nname,count\nTheft,530\n"Vehicle,crime",1,2\n') == (
        "inputs/t.csv:5: this row has 3 values but the heading row has 2; put text that "
        "contains a comma in double quotes"
    )
    assert csv_error(tmp_path, 'Title\n\nname,count\nTheft,530\n"Vehicle\n') == (
        "inputs/t.csv:5: a double quote opens a cell here and is never closed; close it, or "
        'write a quote inside a cell as two ("")'
    )


def test_a_wide_row_far_below_a_one_cell_heading_is_a_comma_to_quote(tmp_path):
    text = "name\n" + "Theft\n" * 10 + "Vehicle, crime\n"
    assert csv_error(tmp_path, text) == (
        "inputs/t.csv:12: this row has 2 values but the heading row has 1; put text that "
        "contains a comma in double quotes"
    )


def test_a_quote_never_closed_is_named_where_it_opens(tmp_path):
    assert csv_error(tmp_path, 'name,count\nTheft,530\n"Burglary,210\nRobbery,4\n') == (
        "inputs/t.csv:3: a double quote opens a cell here and is never closed; close it, or "
        'write a quote inside a cell as two ("")'
    )


def test_text_after_a_closing_quote_is_an_error(tmp_path):
    assert csv_error(tmp_path, 'name,count\n"Theft" of cycles,530\n') == (
        "inputs/t.csv:2: text follows a closing double quote; put the whole cell in double "
        'quotes and write a quote inside it as two ("")'
    )


def test_an_empty_file_and_a_blank_first_line(tmp_path):
    empty = (
        "inputs/t.csv: the file is empty; it needs a heading row, then one row per line of "
        "the table"
    )
    assert csv_error(tmp_path, "") == empty
    assert csv_error(tmp_path, "\n\n") == empty
    # a line of one cell after blank ones, and a table only beyond the eleventh line
    assert csv_error(tmp_path, "\n" * 11 + "name,count\nTheft,530\n") == (
        "inputs/t.csv:1: the first line is empty; the heading row must be the first line of "
        "the file"
    )


def test_headings_empty_and_repeated_are_named_apart():
    assert headings(["a", "", "a", " ", "a"]) == ["a", "Unnamed: 1", "a.1", "Unnamed: 3", "a.2"]
    assert headings(["a.1", "a", "a"]) == ["a.1", "a", "a.2"]


cells = st.text(alphabet=string.ascii_letters + string.digits + ' ,"\n\r£é-', max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 4).flatmap(lambda w: st.lists(st.lists(cells, min_size=w, max_size=w))))
def test_any_table_written_as_csv_reads_back_cell_for_cell(tmp_path_factory, rows):
    width = len(rows[0]) if rows else 1
    header = [f"h{i}" for i in range(width)]
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([header, *rows])
    table = read_csv(tmp_path_factory.mktemp("csv"), buffer.getvalue())
    assert table.columns == header
    assert [list(row) for row in zip(*table.cells.values(), strict=True)] == rows


def workbook(tmp_path, rows, sheet="Districts", build=None):
    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    if build:
        build(book.active)
    path = tmp_path / "figures.xlsx"
    book.save(path)
    return path


def test_a_workbook_sheet_is_read_as_excel_holds_it(tmp_path):
    path = workbook(
        tmp_path,
        [
            ["Area", "Rate", None, "Area"],
            ["Ashby", 61.5, None, "x"],
            [None, 12.0, None, None],
            ["Brent", datetime.datetime(2025, 9, 1), None, None],
        ],
        build=lambda sheet: sheet.cell(row=30, column=9).__setattr__("number_format", "0.00"),
    )
    table = read_table(path, "inputs/figures.xlsx", "Districts")
    # the empty column keeps its place; formatted empty rows and columns at the end do not
    assert table.columns == ["Area", "Rate", "Unnamed: 2", "Area.1"]
    assert table.cells["Rate"] == [61.5, 12, datetime.datetime(2025, 9, 1)]
    assert type(table.cells["Rate"][1]) is int  # a whole number stored as 12.0
    assert table.cells["Area"] == ["Ashby", None, "Brent"]
    assert table.cells["Unnamed: 2"] == [None, None, None]
    # a message lists the headings as the sheet writes them, an empty one by its place
    assert table.shown() == ["Area", "Rate", "(column 3)", "Area"]


@pytest.mark.parametrize(("cell", "rows"), [("XFD1048576", 1_048_575), ("F3", 2), ("E3", 2)])
def test_a_stray_cell_far_from_the_table_adds_one_column_not_thousands(tmp_path, cell, rows):
    """The sheet's last cell (XFD1048576) once made a table of 16,384 columns by a million
    rows, which the build was killed for; the columns between are left out."""
    path = workbook(
        tmp_path,
        [["Area", "Rate"], ["Ashby", 61.5]],
        build=lambda sheet: sheet[cell].__setattr__("value", "x"),
    )
    table = read_table(path, "inputs/figures.xlsx", "Districts")
    column = {"XFD1048576": 16383, "F3": 5, "E3": 4}[cell]
    assert table.columns == ["Area", "Rate", f"Unnamed: {column}"]
    assert len(table) == rows
    assert table.cells[f"Unnamed: {column}"][-1] == "x"
    assert table.cells["Area"][0] == "Ashby"
    # the stray cell's column is named by its place in the sheet, not in the table read
    assert table.shown() == ["Area", "Rate", f"(column {column + 1:,})"]


@pytest.mark.parametrize(
    ("saved", "asked"),
    [
        ("All crime", "all CRIME"),
        ("All crime ", "All crime"),
        ("All\u00a0crime", "All crime"),
        ("T\u0177 Isaf", "Ty\u0302 Isaf"),  # the accent typed apart
    ],
)
def test_a_sheet_is_found_by_a_name_that_looks_the_same(tmp_path, saved, asked):
    path = workbook(tmp_path, [["Area"], ["Ashby"]], sheet=saved)
    assert read_table(path, "inputs/figures.xlsx", asked).cells["Area"] == ["Ashby"]


def test_of_two_sheets_that_look_alike_the_one_spelt_so_is_read(tmp_path):
    def second(sheet):
        other = sheet.parent.create_sheet("All  crime")
        other.append(["Area"])
        other.append(["Burton"])

    path = workbook(tmp_path, [["Area"], ["Ashby"]], sheet="All crime", build=second)
    assert read_table(path, "inputs/figures.xlsx", "All  crime").cells["Area"] == ["Burton"]
    assert read_table(path, "inputs/figures.xlsx", "all crime").cells["Area"] == ["Ashby"]


def test_a_missing_sheet_an_empty_sheet_and_a_damaged_workbook(tmp_path):
    path = workbook(tmp_path, [["Area"], ["Ashby"]])
    with pytest.raises(InputError, match="no sheet called 'Rates'; its sheets are 'Districts'"):
        read_table(path, "inputs/figures.xlsx", "Rates")
    empty = workbook(tmp_path, [], sheet="Rates")
    with pytest.raises(InputError, match="the sheet 'Rates' is empty; it needs a heading row"):
        read_table(empty, "inputs/figures.xlsx")
    empty.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InputError, match=r"cannot be read as a table \(\w+\); save it again"):
        read_table(empty, "inputs/figures.xlsx")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ,\n\r\t", max_size=40))
def test_splitting_a_plain_csv_agrees_with_the_csv_module(text):
    from committeepack.figures.raw_table import _parsed, _plain_lines, _split_columns

    lines = _plain_lines(text)
    if lines is None:
        return  # not a plain CSV: the csv module reads it
    assert _split_columns(lines) == _parsed(text, "t.csv")


def test_a_workbook_is_read_without_importing_numpy_which_stays_importable(tmp_path):
    """openpyxl would import numpy (about 0.2 s) for nothing reading needs; numpy must still
    import afterwards, for matplotlib in the same process. A fresh interpreter, since this
    one may have imported numpy already."""
    import subprocess
    import sys

    workbook = Workbook()
    workbook.active.append(["name", "count"])
    workbook.active.append(["Theft", 3])
    workbook.save(tmp_path / "t.xlsx")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from committeepack.figures.raw_table import read_table\n"
        f"table = read_table(Path({str(tmp_path / 't.xlsx')!r}), 't.xlsx')\n"
        "print(table.cells, 'numpy' in sys.modules)\n"
        "import numpy\n"
        "print(numpy.arange(3).sum())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["{'name': ['Theft'], 'count': [3]} False", "3"]


def docx_bytes() -> bytes:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def ods_bytes() -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("t.xls", OLE2, "is an Excel 97-2003 workbook (.xls), which committeepack does not read"),
        ("t.xlsx", OLE2, "is an Excel 97-2003 workbook (.xls), which committeepack does not"),
        ("t.csv", OLE2, "is an Excel 97-2003 workbook (.xls), which committeepack does not"),
        ("t.ods", ods_bytes(), "is an OpenDocument spreadsheet (.ods), which committeepack"),
        ("t.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF, which committeepack cannot take"),
        ("t.csv", docx_bytes(), "is a Word document, which committeepack cannot take figures"),
        ("t.csv", xlsx_bytes(), "is an Excel workbook, though its name does not end .xlsx;"),
        ("t.txt", xlsx_bytes(), "is an Excel workbook, though its name does not end .xlsx;"),
        ("t.xlsx", b"Area,Rate\nAshby,1\n", "is a text file (CSV?), though its name ends .xlsx;"),
        ("t.xlsm", b"", "is a text file (CSV?), though its name ends .xlsm;"),
        ("t.csv", "Area,Rate\n".encode("utf-16"), "is UTF-16 text (Excel's 'Unicode Text'), not"),
        ("t.csv", "\ufeffA\tB\n".encode("utf-16-be"), "is UTF-16 text (Excel's 'Unicode Text')"),
    ],
)
def test_a_file_of_another_kind_is_named_for_what_it_is(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        read_table(path, f"inputs/{name}")
    assert str(raised.value) == f"inputs/{name}: {message}" + str(raised.value).split(message)[1]
    assert str(raised.value).count("\n") == 0


PROTECTED = Path(__file__).parent / "fixtures" / "protected"  # Office files with a password


@pytest.mark.parametrize("name", ["figures.xlsx", "figures.csv"])
def test_a_workbook_saved_with_a_password_is_named_so(tmp_path, name):
    """Saved with a password, an .xlsx is an Office 97-2003 container: it is not an .xls."""
    path = tmp_path / name
    path.write_bytes((PROTECTED / "workbook.xlsx").read_bytes())
    with pytest.raises(InputError) as raised:
        read_table(path, f"inputs/{name}")
    assert str(raised.value) == (
        f"inputs/{name}: is protected by a password, which committeepack cannot open; in "
        "Excel, remove it (File > Info > Protect Workbook > Encrypt with Password, and clear "
        "the password) and save, or save the sheet as CSV UTF-8"
    )


def test_a_password_is_found_however_far_into_the_file_its_name_lies(tmp_path):
    from committeepack.file_kinds import ENCRYPTED, file_kind

    path = tmp_path / "t.xlsx"
    path.write_bytes(OLE2 + bytes(3_000_000) + ENCRYPTED + bytes(512))
    assert file_kind(path) == "encrypted"
    path.write_bytes(OLE2 + bytes(3_000_000))
    assert file_kind(path) == "xls"


@pytest.mark.parametrize(
    "start",
    [b"PK\x03\x04", b"%PDF", "\u00d0\u00cf\u0011\u00e0".encode()],  # a kind's first bytes, nearly
)
def test_text_that_starts_like_another_kind_is_still_read_as_csv(tmp_path, start):
    path = tmp_path / "t.csv"
    path.write_bytes(start + b",Rate\nAshby,1\n")
    table = read_table(path, "inputs/t.csv")
    assert table.columns[1] == "Rate"
    assert table.cells["Rate"] == ["1"]


def test_a_published_sheets_title_and_notes_are_passed_over(tmp_path):
    def merged_title(sheet):
        sheet.merge_cells("A1:C1")  # a title across the table, as published sheets set it

    path = workbook(
        tmp_path,
        [
            ["Table 3: Police recorded crime by district"],
            ["This worksheet contains one table. Some cells refer to notes."],
            [],
            ["Area", "2024 [note 1]", "2025"],
            ["Ashby", 610, 655],
        ],
        build=merged_title,
    )
    table = read_table(path, "inputs/figures.xlsx", "Districts")
    assert table.heading_line == 4
    assert table.columns == ["Area", "2024 [note 1]", "2025"]
    assert table.cells == {"Area": ["Ashby"], "2024 [note 1]": [610], "2025": [655]}


@given(
    st.lists(st.integers(0, 1), max_size=10),
    st.integers(2, 50),
    st.lists(st.integers(0, 50), max_size=5),
)
def test_the_heading_row_is_the_first_of_two_cells_or_more(above, heading, below):
    assert title_rows([*above, heading, *below]) == len(above)


@given(st.lists(st.integers(0, 1), max_size=30), st.lists(st.integers(0, 50), max_size=5))
def test_without_a_row_of_two_cells_in_reach_the_first_row_is_the_heading_row(rows, below):
    filled = [*rows, *below] if len(rows) > 10 else rows
    assert title_rows(filled) == 0
