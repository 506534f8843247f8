"""Headings written over two rows, as published tables set out a period or a label."""

from docx import Document

from committeepack.figures.raw_table import RawTable
from committeepack.figures.two_row_headings import two_row_table

from conftest import run

PERIODS = [("2024",), ("2025",)]


def table_of(rows: list[list], heading_line: int = 1) -> RawTable:
    names = [str(cell) if cell else f"Unnamed: {i}" for i, cell in enumerate(rows[0])]
    return RawTable(
        names,
        {name: [row[i] for row in rows[1:]] for i, name in enumerate(names)},
        [str(cell) for cell in rows[0]],
        heading_line,
    )


def test_a_period_split_over_two_rows_is_read_as_one_heading():
    table = table_of(
        [
            ["", "Oct 2012-", "Oct 2013-", "Ranking"],
            ["Area", "Sep-13", "Sep-14", ""],
            ["Ashford", "3191", "1850", "1"],
        ],
        heading_line=3,  # under a title
    )
    wanted = [("district", "Area"), ("Oct 2012 - Sep 2013",), ("Oct 2013 - Sep 2014",)]
    joined = two_row_table(table, wanted, wanted)
    assert joined is not None
    assert joined.headed() == ["Area", "Oct 2012- Sep-13", "Oct 2013- Sep-14", "Ranking"]
    assert list(joined.cells.values()) == [["Ashford"], ["3191"], ["1850"], ["1"]]
    assert joined.heading_line == 4


def test_a_label_above_the_periods_leaves_the_periods_as_headings():
    table = table_of(
        [["district", "No. of offences", "", "Rank"], ["", 2024, 2025, ""], ["Upton", 9, 10, 1]]
    )
    joined = two_row_table(table, [("district",), *PERIODS], [("district",), *PERIODS])
    assert joined is not None
    assert joined.headed() == ["district", "2024", "2025", "Rank"]


def test_an_ordinary_table_or_one_still_missing_a_column_is_left_alone():
    missing = table_of([["district", "2024"], ["Upton", "900"], ["Downton", "1300"]])
    assert two_row_table(missing, [("district",), *PERIODS], []) is None
    one_row = table_of([["district", "2024", "2025"], ["Upton", "900", "1000"]])
    assert two_row_table(one_row, [("district",), *PERIODS], []) is None  # no row under it


def test_two_rows_naming_more_columns_than_the_first_are_read_together():
    # a slip in the second row: one period still missing, but the two rows name more
    slip = table_of(
        [["district", "Oct 2012-", "Oct 2013-"], ["", "Sep-13", "Sep-1x"], ["Upton", 9, 8]]
    )
    wanted = [("district",), ("Oct 2012- Sep-13",), ("Oct 2013- Sep-14",)]
    joined = two_row_table(slip, wanted, wanted)
    assert joined is not None
    assert joined.headed() == ["district", "Oct 2012- Sep-13", "Oct 2013- Sep-1x"]
    # boundary: the two rows name as many columns as the first alone, so the first stands
    level = table_of([["district", "2024", "2025x"], ["", "", "Sep"], ["Upton", 9, 8]])
    assert two_row_table(level, [("district",), *PERIODS], []) is None


def test_a_slip_in_a_two_row_heading_is_reported_over_both_rows(figures):
    districts = figures / "inputs/districts.csv"
    lines = districts.read_text(encoding="utf-8").splitlines()
    districts.write_text(
        "\n".join(
            [",,No. of offences,No. of offences", "district,population,2024,2O25", *lines[1:]]
        )
        + "\n",
        encoding="utf-8",
    )
    result = run(figures, "build")
    assert result.exit_code == 1
    assert (
        "Error: inputs/districts.csv:2: no column '2025'; the columns are 'district', "
        "'population', '2024', 'No. of offences 2O25' (headings read over rows 1 and 2, as "
        "one). Rename the "
        'column, or map it in committeepack.toml with columns = { 2025 = "..." }'
    ) in result.output


def test_a_county_table_headed_over_two_rows_builds_with_its_lines_counted(figures):
    districts = figures / "inputs/districts.csv"
    lines = districts.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "district,population,2024,2025"
    districts.write_text(
        "\n".join(
            [
                ",Residents,No. of offences,No. of offences",
                "district,population,2024,2025",
                *lines[1:],
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    document = Document(str(figures / "out/strategic-assessment.docx"))
    texts = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"Upton", "1,300", "1,140"} <= texts
    broken = lines[2].replace("900", "9x0")
    districts.write_text(
        "\n".join(
            [",Residents,No. of offences,No. of offences", lines[0], lines[1], broken, *lines[3:]]
        )
        + "\n",
        encoding="utf-8",
    )
    result = run(figures, "build")
    assert result.exit_code == 1
    assert "Error: inputs/districts.csv:4: column '2024': '9x0' is not a number" in result.output
