"""Figure tables: every problem names the file, the row and the column."""

import datetime as dt
import shutil

import docx
import pandas as pd
import pytest

from conftest import edit, replace_line, run, use_crime_workbook

CRIME = "inputs/crime.csv"


def error_lines(project, *args):
    result = run(project, "build", *args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output.splitlines()


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            CRIME,
            "Robbery,Violent crime,20,20",
            "Robbery,Violent crime,20,2O",
            "inputs/crime.csv:5: column 'current': '2O' has the letter O among its digits; write 20",
        ),
        (
            CRIME,
            "Robbery,Violent crime,20,20",
            "Robbery,Violent crime,20,-4",
            "inputs/crime.csv:5: column 'current': '-4' is negative; counts cannot be below 0",
        ),
        (
            CRIME,
            "Robbery,Violent crime,20,20",
            "Robbery,Violent crime,20,",
            "inputs/crime.csv:5: column 'current': is empty; every row needs a value here",
        ),
        (
            CRIME,
            "Robbery,Violent crime,20,20",
            "Theft,Violent crime,20,20",
            "inputs/crime.csv:6: column 'category': 'Theft' is already on row 5; each appears once",
        ),
        (
            CRIME,
            "Theft,All crime,600,530",
            "Theft,All crimes,600,530",
            "inputs/crime.csv:6: column 'parent': 'All crimes' is not a category of this table; "
            "did you mean 'All crime'?",
        ),
        (
            CRIME,
            "category,parent,previous,current",
            "type,parent,previous,current",
            "inputs/crime.csv:1: no column 'category'; the columns are 'type', 'parent', 'previous', "
            "'current'. Rename the column, or map it in committeepack.toml with columns = { category "
            '= "..." }',
        ),
        (
            "inputs/actions.csv",
            "asb,Run youth clubs,Delivered,Two clubs open.",
            "asb,Run youth clubs,Done,Two clubs open.",
            "inputs/actions.csv:3: column 'status': 'Done' is not a status; use one of: Delivered, "
            "Complete, Ongoing, On hold, Not started",
        ),
        (
            "inputs/actions.csv",
            "asb,Run youth clubs,Delivered,Two clubs open.",
            "asbo,Run youth clubs,Delivered,Two clubs open.",
            "inputs/actions.csv:3: column 'priority': 'asbo' is not a priority of committeepack.toml; "
            "use one of: violence, asb",
        ),
        (
            "inputs/monthly.csv",
            "2024-05,49",
            "2024-13,49",
            "inputs/monthly.csv:6: column 'month': '2024-13' is not a month; write it as YYYY-MM, e.g. "
            "2025-09 (or Sep 2025)",
        ),
        (
            "inputs/actions.csv",
            "asb,Run youth clubs,Delivered,Two clubs open.",
            "asb,Run youth clubs,Delivered,Two clubs, both open.",
            "inputs/actions.csv:3: this row has 5 values but the heading row has 4; put text that "
            "contains a comma in double quotes",
        ),
    ],
)
def test_bad_cell_names_file_row_and_column(figures, file, old, new, message):
    replace_line(figures / file, old, new)
    assert error_lines(figures) == [f"Error: {message}"]


def test_missing_column_lists_the_headings_as_written(figures):
    """A repeated heading is listed as the file writes it (not numbered 'previous.1' as it is
    read) and an empty one by its place."""
    replace_line(
        figures / CRIME, "category,parent,previous,current", "category, ,previous,previous"
    )
    assert error_lines(figures) == [
        "Error: inputs/crime.csv:1: 2 columns are headed 'previous' (columns 3 and 4); "
        "committeepack cannot tell which holds the figures; keep one and rename or delete the rest",
        "Error: inputs/crime.csv:1: no column 'current' or '2025' (its period); the columns are "
        "'category', '(column 2)', 'previous', 'previous'. Rename the column, or map it in "
        'committeepack.toml with columns = { current = "..." }',
    ]


def test_columns_headed_alike_but_written_apart_are_listed_as_written(figures):
    replace_line(
        figures / CRIME,
        "category,parent,previous,current",
        "category,parent,previous,Current [r],current",
    )
    lines = (figures / CRIME).read_text(encoding="utf-8").splitlines()
    (figures / CRIME).write_text(
        "\n".join([lines[0], *(line + ",1" for line in lines[1:])]) + "\n", encoding="utf-8"
    )
    assert error_lines(figures) == [
        "Error: inputs/crime.csv:1: 2 columns are headed 'current' (columns 4 and 5: "
        "'Current [r]', 'current'); committeepack cannot tell which holds the figures; keep one "
        "and rename or delete the rest"
    ]


def test_missing_month_breaks_the_spc_series(figures):
    path = figures / "inputs/monthly.csv"
    path.write_text(path.read_text().replace("2024-05,49\n", ""))
    assert error_lines(figures) == [
        "Error: inputs/monthly.csv:6: column 'month': May 2024 is missing before this row; an "
        "SPC chart needs every month"
    ]


def test_sum_mismatch_is_a_warning_and_strict_makes_it_an_error(figures):
    replace_line(figures / CRIME, "Robbery,Violent crime,20,20", "Robbery,Violent crime,20,21")
    result = run(figures, "build")
    assert result.exit_code == 0
    warning = "inputs/crime.csv:3: Violent crime (current): 420 declared, parts sum to 421"
    assert f"Warning: {warning}" in result.output
    assert error_lines(figures, "--strict", "--force") == [f"Error: {warning}"]


def test_same_fact_with_two_values_is_reported(figures):
    replace_line(
        figures / "inputs/districts.csv", "Testshire,50000,1000,950", "Testshire,50000,1000,951"
    )
    result = run(figures, "build")
    assert result.exit_code == 0
    assert (
        "Warning: inputs/crime.csv:2: All crime for Testshire (2025) is 950 here but 951 in "
        "inputs/districts.csv (line 2); correct one of them"
    ) in result.output


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        ("Violent crim", "did you mean 'Violent crime'?"),  # spelt nearly the same
        ("Violent", "did you mean 'Violent crime'?"),  # the start of one name
        (
            "Violence",  # the start of a name much longer: not guessed
            "its rows are: 'All crime', 'Violent crime', 'Violence against the person', "
            "'Robbery', 'Theft'",
        ),
        (
            "Arson",
            "its rows are: 'All crime', 'Violent crime', 'Violence against the person', "
            "'Robbery', 'Theft'",
        ),
    ],
)
def test_unknown_figure_in_narrative_names_the_line(figures, asked, said):
    edit(
        figures / "inputs/strategic-assessment.md",
        'crime["Violent crime"]',
        f'crime["{asked}"]',
    )
    assert error_lines(figures) == [
        f"Error: inputs/strategic-assessment.md:27: table 'crime' has no row '{asked}'; {said}"
    ]


def test_missing_table_file(figures):
    (figures / "inputs/districts.csv").unlink()
    assert error_lines(figures) == [
        "Error: committeepack.toml:57: tables.districts.file: no file 'inputs/districts.csv'; "
        "check the name (it is relative to the project folder)"
    ]


def test_a_folder_named_as_a_table_file(figures):
    (figures / "inputs/districts.csv").unlink()
    (figures / "inputs/districts.csv").mkdir()
    assert error_lines(figures) == [
        "Error: committeepack.toml:57: tables.districts.file: 'inputs/districts.csv' is a folder, "
        "not a file; name the table's file in it"
    ]


def test_a_table_file_named_nearly_right_is_suggested(figures):
    edit(figures / "committeepack.toml", 'file = "inputs/crime.csv"', 'file = "inputs/crimes.csv"')
    assert error_lines(figures) == [
        "Error: committeepack.toml:52: tables.crime.file: no file 'inputs/crimes.csv'; did you "
        "mean 'inputs/crime.csv'?"
    ]


def test_headline_naming_a_missing_row(figures):
    edit(
        figures / "committeepack.toml",
        'figure = "crime:Violent crime"',
        'figure = "crime:Violence"',
    )
    [line] = error_lines(figures)
    assert line.startswith("Error: committeepack.toml:")
    assert "headlines (entry 1): table 'crime' has no row 'Violence'" in line


def test_unknown_table_kind(figures):
    edit(figures / "committeepack.toml", 'kind = "actions"', 'kind = "action_plan"')
    [line] = error_lines(figures)
    assert line.endswith(
        "tables.actions.kind: 'action_plan' is not one of: crime_by_type, districts, wards, "
        "monthly, actions, activity, reasons, morile, survey"
    )


def excel_project(figures):
    path = figures / "inputs/county.xlsx"
    frame = pd.read_csv(figures / "inputs/districts.csv")
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="Districts", index=False)
    edit(
        figures / "committeepack.toml",
        'file = "inputs/districts.csv"',
        'workbook = "inputs/county.xlsx"\nsheet = "Districts"',
    )
    return path


def test_excel_sheet_is_read(figures):
    excel_project(figures)
    (figures / "inputs/districts.csv").unlink()
    assert run(figures, "build").exit_code == 0
    text = "\n".join(
        p.text for p in docx.Document(str(figures / "out/strategic-assessment.docx")).paragraphs
    )
    assert "Testshire recorded 19.0 offences per 1,000 residents in 2025" in text


def test_excel_errors_name_the_sheet(figures):
    path = excel_project(figures)
    frame = pd.read_excel(path, sheet_name="Districts", dtype=object)
    frame.loc[1, "population"] = "forty thousand"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="Districts", index=False)
    assert error_lines(figures) == [
        "Error: inputs/county.xlsx [Districts]:3: column 'population': 'forty thousand' is not a "
        "number; write digits only, e.g. 8640"
    ]
    edit(figures / "committeepack.toml", 'sheet = "Districts"', 'sheet = "Distrcts"')
    assert error_lines(figures) == [
        "Error: inputs/county.xlsx: the workbook has no sheet called 'Distrcts'; its sheets are "
        "'Districts': check the sheet name in committeepack.toml"
    ]


def test_empty_table_file(figures):
    (figures / CRIME).write_text("", encoding="utf-8")
    assert error_lines(figures) == [
        "Error: inputs/crime.csv: the file is empty; it needs a heading row, then one row per "
        "line of the table"
    ]


def test_headings_only_table(figures):
    (figures / CRIME).write_text("category,parent,previous,current\n", encoding="utf-8")
    assert error_lines(figures) == ["Error: inputs/crime.csv: the table has no rows"]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "baseline = 6",
            "committeepack.toml:69: tables.monthly.baseline: must be a whole number, 12 or more; "
            "for example  baseline = 12",
        ),
        (
            "run_length = 5",
            "committeepack.toml:69: tables.monthly.run_length: 5 is not one of: 6, 7",
        ),
        (
            'baseline_until = ["2030-01"]',
            "committeepack.toml:69: tables.monthly.baseline_until: 2030-01 is not a month of the "
            "table; use one from 2024-01 to 2025-02",
        ),
        (
            'baseline = 12\nbaseline_until = ["2024-12"]',
            "committeepack.toml:69: tables.monthly.baseline: give baseline (a number of months) or "
            "baseline_until, not both",
        ),
    ],
)
def test_bad_spc_settings_are_named(figures, setting, message):
    edit(
        figures / "committeepack.toml",
        'measure = "ASB incidents"\n',
        f'measure = "ASB incidents"\n{setting}\n',
    )
    assert error_lines(figures) == [f"Error: {message}"]


def test_the_assessment_states_the_spc_method_and_target(figures):
    edit(
        figures / "committeepack.toml",
        'measure = "ASB incidents"\n',
        'measure = "ASB incidents"\nrun_length = 6\nscreen = false\ntarget = 45.5\n',
    )
    assert run(figures, "build").exit_code == 0
    text = "\n".join(
        p.text for p in docx.Document(figures / "out/strategic-assessment.docx").paragraphs
    )
    assert "part of a run of 6 months on one side of the average" in text
    assert "leaving out moving ranges" not in text
    assert "Against the target of 45.5, the process limits" in text


@pytest.mark.parametrize("name", ["Total", "All wards", "GRAND TOTAL"])
def test_a_total_row_of_the_wards_is_checked_not_charted(example, name):
    import csv

    wards = example / "inputs/figures/wards.csv"
    rows = list(csv.reader(wards.read_text(encoding="utf-8").splitlines()))[1:]
    previous = sum(int(r[1]) for r in rows)
    current = sum(int(r[2]) for r in rows)
    line = len(rows) + 2
    with open(wards, "a", encoding="utf-8") as handle:
        handle.write(f"{name},{previous},{current + 1}\n")
    result = run(example, "build", "strategic-assessment")
    assert result.exit_code == 0
    assert (
        f"Warning: inputs/figures/wards.csv:{line}: {name} (current): {current + 1:,} "
        f"declared, rows sum to {current:,}"
    ) in result.output
    assert f"{name} (previous)" not in result.output  # it agrees
    paper = docx.Document(str(example / "out/strategic-assessment.docx"))
    [table] = [t for t in paper.tables if t.rows[0].cells[0].text == "Ward"]
    names = [row.cells[0].text for row in table.rows[1:]]
    assert len(names) == len(rows) + ("Total" in names)  # the wards, and the paper's own total
    assert name not in names[: len(rows)]


@pytest.mark.parametrize(("title_rows", "found"), [(1, True), (10, True), (11, False)])
def test_headings_under_a_title_and_notes_are_found_there(figures, title_rows, found):
    crime = figures / "inputs/crime.csv"
    above = "Table 1: Recorded crime by type,,,\n" + "Note: as recorded,,,\n" * (title_rows - 1)
    crime.write_text(above + crime.read_text(encoding="utf-8"), encoding="utf-8")
    replace_line(crime, "Violent crime,All crime,400,420", "Violent crime,All crime,400,lots")
    result = run(figures, "build")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "inputs/crime.csv" in line]
    if found:  # on one of the first eleven rows: read from there, lines counted as in the file
        assert lines == [
            f"Error: inputs/crime.csv:{title_rows + 3}: column 'current': 'lots' is not a number; "
            "write digits only, e.g. 8640"
        ]
    else:
        assert lines[0].startswith("Error: inputs/crime.csv:1: no column 'category'")


def test_a_heading_row_of_one_heading_is_named_as_the_heading_row(figures):
    """``category,,,``: one cell, so taken for a title; but it is a heading of this table, and
    the row read as the headings has none: one error, at the heading row."""
    replace_line(figures / "inputs/crime.csv", "category,parent,previous,current", "category,,,")
    lines = [line for line in error_lines(figures) if "inputs/crime.csv" in line]
    assert lines == [
        "Error: inputs/crime.csv:1: holds only 'category', a heading of this table, so it looks "
        "like the heading row with its other headings left empty: give each column a heading "
        "(this table needs 'category', 'previous', 'current')"
    ]


def _crime_errors(figures, above: str, old: str, new: str) -> list[str]:
    """The build's errors for the crime table with ``above`` over it and ``old`` written
    ``new``."""
    crime = figures / "inputs/crime.csv"
    text = crime.read_text(encoding="utf-8").replace(old, new)
    crime.write_text(above + text, encoding="utf-8")
    return [line for line in error_lines(figures) if "inputs/crime.csv" in line]


def test_a_heading_row_of_one_heading_under_a_title_is_named_at_its_line(figures):
    headings = "category,parent,previous,current"
    lines = _crime_errors(figures, "Table 1: Recorded crime\n", headings, "category")
    assert len(lines) == 1 and lines[0].startswith(
        "Error: inputs/crime.csv:2: holds only 'category'"
    )


def test_a_title_that_is_a_heading_over_headings_with_a_slip_names_the_slip(figures):
    """The boundary: the row read as the headings has this table's headings, so a one-cell
    row above it is a title, whatever it says, and the slip below is what is named."""
    lines = _crime_errors(figures, "Category\n", "previous,current", "prevous,current")
    assert len(lines) == 1 and lines[0].startswith(
        "Error: inputs/crime.csv:2: no column 'previous'"
    )
    crime = figures / "inputs/crime.csv"
    text = crime.read_text(encoding="utf-8")
    crime.write_text(text.replace("prevous", "previous"), encoding="utf-8")
    assert run(figures, "build").exit_code == 0  # a title that is a heading: read as a title


def test_a_workbook_heading_row_of_one_heading_is_named_as_the_heading_row(figures):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    rows = [
        line.split(",")
        for line in (figures / "inputs/crime.csv").read_text(encoding="utf-8").splitlines()
    ]
    sheet.append(["category"])  # its other headings left empty
    for row in rows[1:]:
        sheet.append([int(v) if v.isdigit() else v or None for v in row])
    workbook.save(figures / "inputs/crime.xlsx")
    config = figures / "committeepack.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('file = "inputs/crime.csv"', 'workbook = "inputs/crime.xlsx"'))
    lines = [line for line in error_lines(figures) if "inputs/crime.xlsx" in line]
    assert len(lines) == 1 and lines[0].startswith(
        "Error: inputs/crime.xlsx:1: holds only 'category', a heading of this table"
    ), lines


def test_headings_under_a_title_of_two_cells_are_read_with_lines_as_in_the_file(figures):
    crime = figures / "inputs/crime.csv"
    above = "Table 1:,Recorded crime by type,,\n"
    crime.write_text(above + crime.read_text(encoding="utf-8"), encoding="utf-8")
    replace_line(crime, "Violent crime,All crime,400,420", "Violent crime,All crime,400,lots")
    result = run(figures, "build")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "inputs/crime.csv" in line] == [
        "Error: inputs/crime.csv:4: column 'current': 'lots' is not a number; write digits "
        "only, e.g. 8640"
    ]


def test_headings_under_two_title_rows_of_two_cells_are_named_in_one_line(figures):
    crime = figures / "inputs/crime.csv"
    above = "Table 1:,Recorded crime by type,,\nBrackenford,2025,,\n"
    crime.write_text(above + crime.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(figures, "build")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "inputs/crime.csv" in line] == [
        "Error: inputs/crime.csv:3: the headings are on row 3, under a title; delete the rows "
        "above them, so that the headings are the first row"
    ]


def crime_rows_built(figures) -> list[str]:
    """The crime types the strategic assessment's table prints, in order."""
    from docx import Document

    document = Document(str(figures / "out/strategic-assessment.docx"))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Crime type")
    return [row.cells[0].text for row in table.rows[1:]]


@pytest.mark.parametrize(
    "notes",
    [
        [",,,", "Source: Westshire Police,,,", "Note 1: as recorded,,,"],  # set apart
        ["", "", "Figures as recorded on 3 October"],  # blank lines, rows not padded
        ["Source: Westshire Police,,,"],  # directly under, beginning as a source does
        ["Notes,,,", "1. As recorded,,,", "[x] not available,,,"],
        ["* provisional,,,"],
    ],
)
def test_notes_under_a_table_set_apart_or_begun_as_notes_are_passed_over(figures, notes):
    crime = figures / "inputs/crime.csv"
    rows = crime.read_text(encoding="utf-8").splitlines()
    assert run(figures, "build").exit_code == 0
    printed = crime_rows_built(figures)
    shutil.rmtree(figures / "out")
    crime.write_text("\n".join([*rows, *notes]) + "\n", encoding="utf-8")
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    assert crime_rows_built(figures) == printed


def crime_workbook(figures):
    """A workbook holding the crime table on its sheet "Crime", and that sheet."""
    import csv

    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Crime"
    with (figures / "inputs/crime.csv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle):
            sheet.append([int(v) if v.isdigit() else v for v in row])
    return workbook, sheet


def test_notes_under_a_sheet_set_apart_are_passed_over(figures):
    workbook, sheet = crime_workbook(figures)
    assert run(figures, "build").exit_code == 0
    printed = crime_rows_built(figures)
    shutil.rmtree(figures / "out")
    sheet.append([])
    sheet.append(["Source: Westshire Police"])
    sheet.append(["Rates per 1,000 residents"])
    use_crime_workbook(figures, workbook)
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    assert crime_rows_built(figures) == printed


@pytest.mark.parametrize("text", ["Kingsmead", "Notting Hill", "Figures as recorded"])
def test_a_name_under_the_last_row_of_figures_is_not_taken_for_a_note(figures, text):
    crime = figures / "inputs/crime.csv"
    rows = crime.read_text(encoding="utf-8").splitlines()
    crime.write_text("\n".join([*rows, f"{text},,,"]) + "\n", encoding="utf-8")
    result = run(figures, "build")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "crime.csv" in line] == [
        f"Error: inputs/crime.csv:{len(rows) + 1}: holds only '{text}', like a note below the "
        "table; delete the notes below it, or set them apart with a blank row (say where the "
        'figures come from with source = "..." in committeepack.toml), or fill in the row'
    ]


def test_a_stray_cell_in_the_last_cell_of_a_sheet_is_one_error(figures):
    workbook, sheet = crime_workbook(figures)
    sheet["XFD1048576"] = "x"  # Excel's last cell: a sheet of 16,384 columns by 1,048,576 rows
    use_crime_workbook(figures, workbook)
    result = run(figures, "build")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "crime.xlsx" in line] == [
        "Error: inputs/crime.xlsx [Crime]:1048576: holds only 'x' in column 16,384, which has "
        "no heading, like a note below the table; delete the notes below it (say where the "
        'figures come from with source = "..." in committeepack.toml), or fill in the row'
    ]


def test_a_row_of_text_only_above_the_last_row_of_figures_is_not_a_note(figures):
    crime = figures / "inputs/crime.csv"
    rows = crime.read_text(encoding="utf-8").splitlines()
    crime.write_text("\n".join([*rows[:-1], "Half a row,,,", rows[-1]]) + "\n", encoding="utf-8")
    result = run(figures, "build")
    assert result.exit_code == 1
    assert "like a note" not in result.output
    assert f"inputs/crime.csv:{len(rows)}: column 'previous': is empty" in result.output


@pytest.mark.parametrize("name", ["Total", "Grand total"])
def test_a_total_row_below_a_crime_table_is_checked_not_printed(figures, name):
    crime = figures / "inputs/crime.csv"
    rows = crime.read_text(encoding="utf-8").splitlines()
    crime.write_text("\n".join([*rows, f"{name},,1000,951"]) + "\n", encoding="utf-8")
    result = run(figures, "build", "strategic-assessment")
    assert result.exit_code == 0
    assert (
        f"Warning: inputs/crime.csv:{len(rows) + 1}: {name} (current): 951 declared, the rows "
        "above it sum to 950"
    ) in result.output
    assert f"{name} (previous)" not in result.output
    paper = docx.Document(str(figures / "out/strategic-assessment.docx"))
    names = [row.cells[0].text for table in paper.tables for row in table.rows]
    assert "All crime" in names and name not in names


def test_a_second_top_row_that_is_not_a_total_stays(figures):
    crime = figures / "inputs/crime.csv"
    rows = crime.read_text(encoding="utf-8").splitlines()
    crime.write_text("\n".join([*rows, "Fraud,,10,12"]) + "\n", encoding="utf-8")
    result = run(figures, "build", "strategic-assessment")
    assert result.exit_code == 0
    paper = docx.Document(str(figures / "out/strategic-assessment.docx"))
    assert "Fraud" in [row.cells[0].text for table in paper.tables for row in table.rows]


@pytest.mark.parametrize(
    ("mark", "name"), [(";", "semicolons"), ("\t", "tabs"), ("|", "vertical bars")]
)
def test_a_csv_separated_by_other_marks_is_one_line(figures, mark, name):
    crime = figures / CRIME
    crime.write_text(crime.read_text(encoding="utf-8").replace(",", mark), encoding="utf-8")
    assert [line for line in error_lines(figures) if CRIME in line] == [
        f"Error: {CRIME}:1: the columns are separated by {name}, not commas; in Excel, save it "
        "with Save As and the type 'CSV UTF-8 (Comma delimited)'"
    ]


def test_a_single_heading_without_other_marks_is_a_missing_column(figures):
    crime = figures / CRIME
    crime.write_text("category\nAll crime\n", encoding="utf-8")
    lines = [line for line in error_lines(figures) if CRIME in line]
    assert lines[0].startswith(
        f"Error: {CRIME}:1: no column 'previous' or '2024' (its period); the columns are 'category'"
    )


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        (  # a category its own parent
            [("Robbery,Violent crime,20,20", "Robbery,Robbery,20,20")],
            "5: 'Robbery' is under itself (Robbery under Robbery)",
        ),
        (  # two categories each other's parent, one with a part below it
            [
                ("Violent crime,All crime,400,420", "Violent crime,Robbery,400,420"),
            ],
            "3: 'Violent crime' is under itself (Violent crime under Robbery under Violent crime)",
        ),
    ],
)
def test_a_loop_in_the_parent_column_is_named_once(figures, edits, message):
    for old, new in edits:
        replace_line(figures / CRIME, old, new)
    lines = [line for line in error_lines(figures) if "under itself" in line]
    assert lines == [f"Error: {CRIME}:{message}; fix the parent column"]


def _set_cell(path, row, column, value):
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    workbook["Districts"].cell(row, column).value = value
    workbook.save(path)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "#DIV/0!",
            "holds Excel's error #DIV/0!; correct the formula in the workbook, or type the value",
        ),
        (
            "#N/A",
            "holds Excel's error #N/A; correct the formula in the workbook, or type the value",
        ),
        (  # openpyxl saves a formula without its value, as a program writing a workbook may
            "=40000+1",
            "holds the formula =40000+1 but not its value; open the workbook in Excel and save "
            "it (a program that wrote it left the values out), or type the value",
        ),
        (  # the cell above holds a figure: perhaps the two were merged
            None,
            "is empty; every row needs a value here (if it is merged with the cell above, "
            "unmerge the cells and fill in each row)",
        ),
        (
            dt.datetime(1904, 10, 27),  # 1,762 in a cell formatted as a date
            "holds the date 27/10/1904, not a number: the cell is formatted as a date; in "
            "Excel, format it as a number (Home > Number) and check the figure",
        ),
        (True, "holds TRUE (a yes/no cell), not a number; type the figure in the workbook"),
    ],
)
def test_an_excel_cell_without_a_figure_says_why(figures, value, message):
    path = excel_project(figures)
    _set_cell(path, 3, 3, value)  # the second district's 2024 count
    assert error_lines(figures) == [
        f"Error: inputs/county.xlsx [Districts]:3: column '2024': {message}"
    ]


def test_a_merged_cell_is_named_as_perhaps_merged_and_a_first_row_is_not(figures):
    import openpyxl

    path = excel_project(figures)
    workbook = openpyxl.load_workbook(path)
    workbook["Districts"].merge_cells("A3:A4")  # the second district's name over two rows
    workbook["Districts"].cell(2, 3).value = None  # the first row: nothing above it
    workbook.save(path)
    assert error_lines(figures) == [
        "Error: inputs/county.xlsx [Districts]:2: column '2024': is empty; every row needs a "
        "value here",
        "Error: inputs/county.xlsx [Districts]:4: column 'district': is empty; every row needs a "
        "value here (if it is merged with the cell above, unmerge the cells and fill in each row)",
    ]


def test_an_unsaved_formula_in_an_optional_column_is_not_taken_for_empty(figures):
    path = excel_project(figures)
    _set_cell(path, 3, 2, "=40000+1")  # a population: a district may lack one
    assert error_lines(figures) == [
        "Error: inputs/county.xlsx [Districts]:3: column 'population': holds the formula "
        "=40000+1 but not its value; open the workbook in Excel and save it (a program that "
        "wrote it left the values out), or type the value"
    ]


@pytest.mark.parametrize("character", ["\ufffe", "\uffff"])
def test_a_noncharacter_in_a_cell_is_refused(figures, character):
    replace_line(
        figures / CRIME, "Robbery,Violent crime,20,20", f"Rob{character}bery,Violent crime,20,20"
    )
    assert error_lines(figures) == [
        f"Error: inputs/crime.csv:5: column 'category': holds U+{ord(character):04X}, which is "
        "not a character (a file damaged, or saved in another encoding); delete it"
    ]


def test_an_invisible_direction_mark_in_a_cell_is_refused(figures):
    replace_line(
        figures / CRIME, "Robbery,Violent crime,20,20", "Rob\u202ebery,Violent crime,20,20"
    )
    assert error_lines(figures) == [
        "Error: inputs/crime.csv:5: column 'category': holds an invisible direction mark "
        "(U+202E) that makes the text around it read in another order than it is written; "
        "delete it"
    ]


def _crime_tree(project):
    from pathlib import Path

    from committeepack.config import load_config
    from committeepack.figures.built import CrimeTree
    from committeepack.figures.tables import load_figures

    figures = load_figures(load_config(Path(project)))
    [(_, tree)] = figures.of_kind("crime_by_type", CrimeTree)
    return tree


FLAT = ["All crime,1000,950", "Violent crime,400,420", "Theft,600,530"]


@pytest.mark.parametrize("order", [FLAT, [*FLAT[1:], FLAT[0]]])
def test_a_flat_table_takes_its_total_row_as_the_parent(figures, order):
    (figures / CRIME).write_text("category,previous,current\n" + "\n".join(order) + "\n")
    tree = _crime_tree(figures)
    assert tree.roots == ["All crime"]
    assert tree.tree["All crime"].children == ["Violent crime", "Theft"]
    assert {tree.tree[n].depth for n in ("Violent crime", "Theft")} == {1}
    result = run(figures, "build", "strategic-assessment")
    assert result.exit_code == 0, result.output
    paper = docx.Document(str(figures / "out/strategic-assessment.docx"))
    [table] = [t for t in paper.tables if t.rows[0].cells[0].text == "Crime type"]
    names = [row.cells[0].text.strip() for row in table.rows[1:]]
    assert names == ["Violent crime", "Theft", "All crime"]  # the total below its parts


@pytest.mark.parametrize(
    "rows",
    [
        ["All crime,1000,950", "Theft,1000,950"],  # two rows: one cannot be the other's total
        ["All crime,1000,950", "Violent crime,1000,950", "Theft,0,0"],  # one row with counts
        ["Violent crime,400,420", "All crime,1000,950", "Theft,600,530"],  # not first or last
        ["All crime,1000,951", "Violent crime,400,420", "Theft,600,530"],  # one short
    ],
)
def test_a_flat_table_without_a_total_row_stays_flat(figures, rows):
    (figures / CRIME).write_text("category,previous,current\n" + "\n".join(rows) + "\n")
    tree = _crime_tree(figures)
    assert len(tree.roots) == len(rows)
    assert not any(node.children for node in tree.tree.values())


def test_a_flat_table_whose_total_is_not_the_sum_is_a_warning(figures):
    rows = ["All crime,1000,951", "Violent crime,400,420", "Theft,600,530"]
    (figures / CRIME).write_text("category,previous,current\n" + "\n".join(rows) + "\n")
    result = run(figures, "build", "strategic-assessment")
    assert (
        "Warning: inputs/crime.csv:2: 'All crime' looks like the total of the other rows but "
        "is not their sum (951 against 950 for the current period, 1,000 against 1,000 for "
        "the previous); give each row its parent in a parent column, or correct the figures"
    ) in result.output


def _paper_text(project):
    paper = docx.Document(str(project / "out/strategic-assessment.docx"))
    cells = [cell.text for table in paper.tables for row in table.rows for cell in row.cells]
    return [p.text for p in paper.paragraphs], cells


@pytest.mark.parametrize("step", ["  ", "\t", "\u00a0\u00a0\u00a0"])
def test_a_table_indented_instead_of_a_parent_column_builds_the_same_paper(figures, step):
    assert run(figures, "build", "strategic-assessment").exit_code == 0
    with_parents = _paper_text(figures)
    indented = [
        "category,previous,current",
        "All crime,1000,950",
        f"{step}Violent crime,400,420",
        f"{step * 2}Violence against the person,380,400",
        f"{step * 2}Robbery,20,20",
        f"{step}Theft,600,530",
    ]
    (figures / CRIME).write_text("\n".join(indented) + "\n", encoding="utf-8")
    result = run(figures, "build", "strategic-assessment")
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.output
    assert _paper_text(figures) == with_parents


def test_a_parent_column_wins_over_indentation(figures):
    rows = (figures / CRIME).read_text(encoding="utf-8").splitlines()
    rows[2] = "    " + rows[2]  # indented under nothing in particular: the column decides
    (figures / CRIME).write_text("\n".join(rows) + "\n", encoding="utf-8")
    tree = _crime_tree(figures)
    assert tree.tree["Violent crime"].parent == "All crime"
    assert tree.tree["Robbery"].parent == "Violent crime"


def test_a_workbook_may_show_the_tree_with_excels_indent(figures):
    import openpyxl
    from openpyxl.styles import Alignment

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Crime"
    sheet.append(["category", "previous", "current"])
    for name, level, previous, current in [
        ("All crime", 0, 1000, 950),
        ("Violent crime", 1, 400, 420),
        ("Violence against the person", 2, 380, 400),
        ("Robbery", 2, 20, 20),
        ("Theft", 1, 600, 530),
    ]:
        sheet.append([name, previous, current])
        sheet.cell(sheet.max_row, 1).alignment = Alignment(indent=level)
    use_crime_workbook(figures, workbook)
    tree = _crime_tree(figures)
    assert tree.roots == ["All crime"]
    assert tree.tree["Robbery"].parent == "Violent crime"
    assert tree.tree["Theft"].parent == "All crime"
    assert "Robbery" in tree.table.figures  # the name as typed, without the indent


def test_a_parent_written_in_other_capitals_or_spacing_is_the_same_category(figures):
    replace_line(figures / CRIME, "Robbery,Violent crime,20,20", "Robbery,violent  Crime,20,20")
    tree = _crime_tree(figures)
    assert tree.tree["Robbery"].parent == "Violent crime"
    assert tree.tree["Violent crime"].children == ["Violence against the person", "Robbery"]


def test_a_stray_indent_is_named_in_the_sum_warning(figures):
    rows = ["category,previous,current", "All crime,1000,950", " Violent crime,400,420"]
    rows += ["Theft,600,530"]  # not indented: a top row beside All crime, which now has one part
    (figures / CRIME).write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run(figures, "build", "strategic-assessment")
    assert (
        "Warning: inputs/crime.csv:2: All crime (current): 950 declared, parts sum to 420 (its "
        "parts are the rows indented under it: check the indentation)"
    ) in result.output


def test_top_cuts_an_indented_table_within_each_parent(figures):
    indented = [
        "category,previous,current",
        "All crime,1000,950",
        "  Violent crime,400,420",
        "    Violence against the person,380,400",
        "    Robbery,20,20",
        "  Theft,300,280",
        "  Fraud,200,150",
        "  Arson,100,100",
    ]
    (figures / CRIME).write_text("\n".join(indented) + "\n", encoding="utf-8")
    edit(
        figures / "committeepack.toml",
        'file = "inputs/crime.csv"',
        'file = "inputs/crime.csv"\ntop = 1',
    )
    tree = _crime_tree(figures)
    assert tree.tree["All crime"].children == ["Violent crime", "Theft", "All other (2)"]
    assert tree.tree["Violent crime"].children == ["Violence against the person", "Robbery"]
    result = run(figures, "build", "strategic-assessment")
    assert result.exit_code == 0, result.output
    assert "parts sum to" not in result.output  # every parent still adds up


def test_another_tables_file_is_not_suggested(figures):
    edit(
        figures / "committeepack.toml",
        'file = "inputs/districts.csv"',
        'file = "inputs/crimes.csv"',
    )
    assert error_lines(figures) == [
        "Error: committeepack.toml:57: tables.districts.file: no file 'inputs/crimes.csv'; "
        "check the name (it is relative to the project folder)"
    ]


def test_a_missing_period_column_is_named_with_a_mapping_toml_can_read(figures):
    edit(
        figures / "committeepack.toml",
        'periods = ["2024", "2025"]',
        'periods = ["2024/25", "2025"]',
    )
    lines = error_lines(figures)
    assert lines == [
        "Error: inputs/districts.csv:1: no column '2024/25'; the columns are 'district', "
        "'population', '2024', '2025'. Rename the column, or map it in committeepack.toml with "
        'columns = { "2024/25" = "..." }'
    ]
    mapping = lines[0].split("with ")[-1]
    edit(
        figures / "committeepack.toml",
        'measure = "All crime"',
        f'measure = "All crime"\n{mapping}'.replace('"..."', '"2024"'),
    )
    assert run(figures, "build").exit_code == 0


@pytest.mark.parametrize(("extra", "more"), [(8, ""), (9, " and 1 more"), (30, " and 22 more")])
def test_a_sheet_of_many_long_headings_lists_the_first_shortened(figures, extra, more):
    path = figures / "inputs/districts.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    headings = [f"{'Note ' * 20}{n}" for n in range(extra)]
    path.write_text(
        "\n".join(
            [rows[0].replace("district", "area") + "," + ",".join(headings)]
            + [row + "," * extra for row in rows[1:]]
        )
        + "\n",
        encoding="utf-8",
    )
    shown = ", ".join(
        ["'area'", "'population'", "'2024'", "'2025'"] + [f"'{'Note ' * 8}...'"] * min(extra, 8)
    )
    assert error_lines(figures) == [
        f"Error: inputs/districts.csv:1: no column 'district'; the columns are {shown}{more}. "
        "Rename the column, or map it in committeepack.toml with columns = { district = "
        '"..." }'
    ]


def with_columns(figures, headings: list[str], cells: list[str]) -> None:
    """Add columns headed ``headings`` to the districts table, every row holding ``cells``."""
    path = figures / "inputs/districts.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    added = [",".join([rows[0], *headings])] + [",".join([row, *cells]) for row in rows[1:]]
    path.write_text("\n".join(added) + "\n", encoding="utf-8")


@pytest.mark.parametrize("second", ["2025", "2025 ", " 2025", "2025\u00a0"])
def test_two_columns_under_a_heading_committeepack_reads_are_one_error(figures, second):
    with_columns(figures, [second], ["1"])
    assert error_lines(figures) == [
        "Error: inputs/districts.csv:1: 2 columns are headed '2025' (columns 4 and 5); "
        "committeepack cannot tell which holds the figures; keep one and rename or delete the "
        "rest"
    ]


def test_three_columns_under_one_heading_in_a_workbook_are_counted(figures):
    path = excel_project(figures)
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Districts"]
    for place in (5, 7):
        sheet.cell(1, place).value = "Population"
    workbook.save(path)
    assert error_lines(figures) == [
        "Error: inputs/county.xlsx [Districts]:1: 3 columns are headed 'population' (columns "
        "2, 5 and 7: 'population', 'Population', 'Population'); committeepack cannot tell which "
        "holds the figures; keep one and rename or delete the rest"
    ]


@pytest.mark.parametrize("heading", ["notes", "2025.1", "2025 total"])
def test_a_repeated_or_similar_heading_committeepack_does_not_read_is_left_alone(figures, heading):
    with_columns(figures, [heading, heading], ["1", "2"])
    assert run(figures, "build").exit_code == 0


@pytest.mark.parametrize(
    ("heading", "written"),
    [
        ("2024 \u2013 25", "2024 - 25"),  # an en dash, as Word and PDFs write it
        ("2024\u00a0-\u00a025", "2024 - 25"),
        ("2024  -  25", "2024 - 25"),
        ("2024\u221225", "2024-25"),
    ],
)
def test_headings_match_whatever_dash_and_spaces_they_are_written_with(figures, heading, written):
    path = figures / "inputs/districts.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",2024,", f",{heading},", 1), encoding="utf-8"
    )
    edit(
        figures / "committeepack.toml",
        'periods = ["2024", "2025"]',
        f'periods = ["{written}", "2025"]',
    )
    assert run(figures, "build").exit_code == 0


def test_a_heading_that_differs_in_more_than_dashes_and_spaces_is_still_missing(figures):
    edit(
        figures / "committeepack.toml", 'periods = ["2024", "2025"]', 'periods = ["2024-5", "2025"]'
    )
    assert error_lines(figures)[0].startswith(
        "Error: inputs/districts.csv:1: no column '2024-5'; the columns are "
    )


def test_a_parent_no_row_is_named_once_with_its_rows(figures):
    crime = figures / CRIME
    rows = crime.read_text(encoding="utf-8").splitlines()
    crime.write_text(
        "\n".join([*rows, "Fraud,Economic crime,5,6", "Forgery,Economic crime,1,2"]) + "\n",
        encoding="utf-8",
    )
    lines = len(rows)
    assert error_lines(figures) == [
        f"Error: inputs/crime.csv:{lines + 1}: column 'parent': 'Economic crime' (the parent of 2 "
        "rows: Fraud and Forgery) is not a category of this table; add a row for it, with its "
        "own counts, or leave the parent empty"
    ]


@pytest.mark.parametrize(
    ("name", "mark"),
    [
        ("Theft [note 3]", "[note 3]"),
        ("Theft*", "*"),
        ("Theft¹", "¹"),
        ("Theft [2]", "[2]"),
        ("Theft (excluding shoplifting)", None),
        ("Section 136", None),
        ("Theft [x] more", None),
    ],
)
def test_a_printed_row_name_ending_with_a_note_mark_is_warned_of(figures, name, mark):
    replace_line(figures / CRIME, "Theft,All crime,600,530", f"{name},All crime,600,530")
    result = run(figures, "build")
    assert result.exit_code == 0
    warning = (
        f"Warning: inputs/crime.csv:6: column 'category': '{name}' ends with the note mark "
        f"'{mark}', which the paper would print with no note to go to; take it off the name, "
        "and say what it meant in the narrative if it matters"
    )
    assert (warning in result.output) is (mark is not None)
    assert ("ends with the note mark" in result.output) is (mark is not None)


@pytest.mark.parametrize(
    ("sheet", "found"),
    [("Districts", True), ("districts", True), (" DISTRICTS ", True), ("District", False)],
)
def test_a_sheet_is_found_whatever_its_capitals_as_excel_finds_it(figures, sheet, found):
    excel_project(figures)
    edit(figures / "committeepack.toml", 'sheet = "Districts"', f'sheet = "{sheet}"')
    if found:
        assert run(figures, "build").exit_code == 0
    else:
        assert error_lines(figures) == [
            f"Error: inputs/county.xlsx: the workbook has no sheet called '{sheet}'; its sheets "
            "are 'Districts': check the sheet name in committeepack.toml"
        ]


def test_names_copied_with_characters_that_show_nothing_match_and_print_without_them(figures):
    path = figures / "inputs/crime.csv"
    text = path.read_text(encoding="utf-8")
    text = text.replace("Robbery,Violent crime", "Rob\u00adbery\u200b,\ufeffViolent crime\u200b")
    path.write_text(text, encoding="utf-8")
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(figures / "out/strategic-assessment.docx"))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Robbery" in cells
    assert not any(ch in "".join(cells) for ch in "\u00ad\u200b\ufeff")
