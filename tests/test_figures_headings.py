"""Headings as committeepack matches them: months however written, date cells as dates."""

import datetime as dt

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures.headings import heading_key, heading_text

from conftest import edit, replace_line, run

MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@given(st.integers(2000, 2099), st.integers(1, 12))
def test_a_month_is_one_heading_however_it_is_written(year, number):
    short = MONTH_NAMES[number - 1]
    long = dt.date(year, number, 1).strftime("%B")
    written = [
        f"{short}-{year % 100:02d}",
        f"{short} {year}",
        f"{long} {year}",
        f"{year}-{number:02d}",
        f"{year} {short.upper()}",
        f"01/{number:02d}/{year}",
        heading_text(dt.datetime(year, number, 1)),
    ]
    assert {heading_key(w) for w in written} == {f"{year}-{number:02d}"}


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.datetime(2024, 9, 1), "2024-09-01"),
        (dt.datetime(2024, 9, 1, 0, 0, 1), "2024-09-01T00:00:01"),
        (dt.date(2024, 9, 15), "2024-09-15"),
        (2024, "2024"),
        ("Sep-24", "Sep-24"),
    ],
)
def test_a_heading_cell_is_written_as_text(value, text):
    assert heading_text(value) == text


@pytest.mark.parametrize(
    "heading",
    ["2024-09-15", "Total 2024", "2024", "Sept total", "Mayfield 24", "2024-13"],
)
def test_text_that_is_not_a_month_is_matched_as_written(heading):
    assert heading_key(heading) == heading.casefold()


def dated_headings(figures, first: object, second: object) -> None:
    """The districts table as a workbook whose period headings are the cells given, shown
    as Sep-24 and Sep-25, and the periods named so in committeepack.toml."""
    rows = (figures / "inputs/districts.csv").read_text(encoding="utf-8").splitlines()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Districts"
    for row in rows:
        sheet.append([int(v) if v.isdigit() else v for v in row.split(",")])
    sheet["C1"], sheet["D1"] = first, second
    for cell in ("C1", "D1"):
        sheet[cell].number_format = "mmm-yy"
    workbook.save(figures / "inputs/county.xlsx")
    edit(
        figures / "committeepack.toml",
        'file = "inputs/districts.csv"',
        'workbook = "inputs/county.xlsx"\nsheet = "Districts"',
    )
    edit(
        figures / "committeepack.toml",
        'periods = ["2024", "2025"]',
        'periods = ["Sep-24", "Sep-25"]',
    )


def test_period_headings_excel_made_dates_are_found_by_the_month_shown(figures):
    dated_headings(figures, dt.datetime(2024, 9, 1), dt.datetime(2025, 9, 1))
    result = run(figures, "build")
    assert result.exit_code == 0, result.output


def test_a_date_heading_is_listed_as_a_date_when_another_is_missing(figures):
    dated_headings(figures, dt.datetime(2024, 9, 1), dt.datetime(2025, 9, 12))
    result = run(figures, "build")
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: inputs/county.xlsx [Districts]:1: no column 'Sep-25'; the columns are "
    )
    assert "'2025-09-12'" in result.output
    assert "00:00:00" not in result.output


@pytest.mark.parametrize(
    "written",
    [
        [
            "Oct 2024 - Sep 2025",
            "October 2024 to September 2025",
            "Oct24-Sep25",
            "oct 2024 \u2013 sep 2025",
            "Oct-24 - Sep-25",  # each month as Excel writes one into a cell
            "Oct 2024- Sep-25",  # "Oct 2024-" above "Sep-25", the rows' headings joined
            "Oct/2024 - Sep/2025",
            "Year ending Sep 2025",  # a rolling year, named by its last month
            "12 months to Sep-25",
            "YE September 2025 [note 2]",
        ],
        ["2023/24", "2023-24", "2023/2024", "2023 \u2013 24"],
        ["Apr 2023 to Mar 2024", "April 2023 - March 2024"],
    ],
)
def test_a_period_is_one_heading_however_its_range_is_written(written):
    assert len({heading_key(w) for w in written}) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("2023/24", "2023/25"),  # not one year: not a financial year
        ("2023/24", "2024/25"),
        ("Oct 2024 - Sep 2025", "Oct 2024 - Aug 2025"),
        ("2023/24", "Apr 2023 - Mar 2024"),  # a financial year is its months, as a range
        ("Year ending Sep 2025", "Oct 2023 - Sep 2025"),  # two years, not the year ending
        ("Year ending Sep 2025", "Year ending Aug 2025"),
        ("Year ending Mar 2024", "2023/24"),  # its months, as the financial year is
    ],
)
def test_different_periods_stay_different_headings(one, other):
    if (one, other) in {("2023/24", "Apr 2023 - Mar 2024"), ("Year ending Mar 2024", "2023/24")}:
        assert heading_key(one) == heading_key(other)
    else:
        assert heading_key(one) != heading_key(other)


def test_a_financial_year_heading_is_found_however_it_is_written(figures):
    path = figures / "inputs/districts.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",2024,2025", ",2023-24,2024/2025", 1),
        encoding="utf-8",
    )
    edit(
        figures / "committeepack.toml",
        'periods = ["2024", "2025"]',
        'periods = ["2023/24", "2024/25"]',
    )
    result = run(figures, "build")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("heading", "wanted"),
    [
        ("Apr 2023 to Mar 2024 [note 3]", "Apr 2023 - Mar 2024"),
        ("population [Note 12]", "population"),
        ("2024*", "2024"),
        ("Population *", "population"),  # the space before the mark goes with it
        ("2025\u00b9", "2025"),
        ("Current [x]", "current"),
    ],
)
def test_a_note_mark_after_a_heading_is_not_part_of_it(heading, wanted):
    assert heading_key(heading) == heading_key(wanted)


@pytest.mark.parametrize("heading", ["[note 3]", "*", "[x]"])
def test_a_heading_that_is_only_a_mark_stays_itself(heading):
    assert heading_key(heading) == heading.casefold()


def test_a_published_tables_marked_headings_are_found(figures):
    path = figures / "inputs/districts.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "district,population,2024,2025", "District [note 1],Population*,2024 [note 2],2025"
        ),
        encoding="utf-8",
    )
    result = run(figures, "build")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("periods", "problem"),
    [
        ('["2023/24", "2024/25"]', None),
        ('["2024/25", "2023/24"]', "(entry 2): '2023/24' does not begin after '2024/25', the"),
        ('["2023/24", "2023-24"]', "(entry 2): '2023-24' does not begin after '2023/24', the"),
    ],
)
def test_a_district_tables_periods_are_oldest_first(figures, periods, problem):
    path = figures / "inputs/districts.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",2024,2025", ",2023/24,2024/25", 1),
        encoding="utf-8",
    )
    edit(figures / "committeepack.toml", 'periods = ["2024", "2025"]', f"periods = {periods}")
    result = run(figures, "build")
    if problem is None:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1
        assert f".periods {problem} period before it; list the periods oldest first" in (
            result.output
        )
        assert result.output.startswith("Error: committeepack.toml:")


def crime_headings(figures, headings: str) -> None:
    """The crime table's heading row written as ``headings``."""
    replace_line(figures / "inputs/crime.csv", "category,parent,previous,current", headings)


def violent_crime(figures) -> tuple[int, int]:
    """Violent crime's previous and current counts as the build reads them."""
    from committeepack.config import load_config
    from committeepack.figures.tables import load_figures

    figure = load_figures(load_config(figures)).tables["crime"].tree["Violent crime"].figure
    return figure.previous, figure.current


@pytest.mark.parametrize(
    ("periods", "headings"),
    [
        (("2024", "2025"), "category,parent,2024,2025"),
        (("2024", "2025"), "Category,Parent,2024 [note 1],2025*"),
        (
            ("Oct 2023 - Sep 2024", "Oct 2024 - Sep 2025"),
            "category,parent,October 2023 to September 2024,Oct 2024 \u2013 Sep 2025",
        ),
        (("2023/24", "2024/25"), "category,parent,2022/23,2023-24,2024/2025"),
    ],
)
def test_columns_headed_with_their_periods_names_are_the_periods_figures(
    figures, periods, headings
):
    edit(figures / "committeepack.toml", 'previous = "2024"', f'previous = "{periods[0]}"')
    edit(figures / "committeepack.toml", 'current = "2025"', f'current = "{periods[1]}"')
    if headings.count(",") == 4:  # a third, older period first: not read
        path = figures / "inputs/crime.csv"
        lines = path.read_text(encoding="utf-8").splitlines()
        lines = [lines[0]] + [
            ",".join([*line.split(",")[:2], "1", *line.split(",")[2:]]) for line in lines[1:]
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    crime_headings(figures, headings)
    assert violent_crime(figures) == (400, 420)
    assert run(figures, "build").exit_code == 0


def test_a_column_named_previous_is_read_before_one_headed_with_the_period(figures):
    path = figures / "inputs/crime.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",2025"] + [line + ",7" for line in lines[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert violent_crime(figures) == (400, 420)


def test_a_mapped_column_is_looked_for_only_under_its_mapping(figures):
    crime_headings(figures, "category,parent,2024,recorded")
    edit(
        figures / "committeepack.toml",
        'file = "inputs/crime.csv"',
        'file = "inputs/crime.csv"\ncolumns = { previous = "before" }',
    )
    result = run(figures, "build")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: inputs/crime.csv:1: no column 'before'; the columns are 'category', 'parent', "
        "'2024', 'recorded'. Rename the column, or map it in committeepack.toml with "
        'columns = { previous = "..." }',
        "Error: inputs/crime.csv:1: no column 'current' or '2025' (its period); the columns are "
        "'category', 'parent', '2024', 'recorded'. Rename the column, or map it in "
        'committeepack.toml with columns = { current = "..." }',
    ]


def test_period_headings_under_a_title_are_found_there(figures):
    path = figures / "inputs/crime.csv"
    text = path.read_text(encoding="utf-8").replace("previous,current", "2024,2025", 1)
    path.write_text("Table 1: crime by type\n\n" + text, encoding="utf-8")
    assert violent_crime(figures) == (400, 420)


def test_period_headings_under_a_title_of_two_cells_are_found_there(figures):
    path = figures / "inputs/crime.csv"
    text = path.read_text(encoding="utf-8").replace("previous,current", "2024,2025", 1)
    path.write_text("Table 1:,crime by type,,\n" + text, encoding="utf-8")
    assert violent_crime(figures) == (400, 420)  # the row under the title names every column


MONTHS_ACROSS = (
    "Error: inputs/monthly.csv:1: the months run across the heading row ('{first}' to '{last}', "
    "{count} of them), where committeepack reads a month to a row; turn the table round (in "
    "Excel, copy it, then Paste Special, Transpose) so that the months run down a column headed "
    "'month' and the counts down one headed 'count'"
)


def test_a_monthly_table_with_its_months_across_the_heading_row_says_to_turn_it_round(figures):
    monthly = figures / "inputs/monthly.csv"
    monthly.write_text("Measure,Jan-24,Feb-24,Mar-24\nASB incidents,50,52,49\n", encoding="utf-8")
    result = run(figures, "build")
    assert result.exit_code == 1
    expected = MONTHS_ACROSS.format(first="Jan-24", last="Mar-24", count=3)
    assert [line for line in result.output.splitlines() if "monthly.csv" in line] == [expected]
    # boundary: two months across are not told from two columns misnamed
    monthly.write_text("Measure,Jan-24,Feb-24\nASB incidents,50,52\n", encoding="utf-8")
    result = run(figures, "build")
    assert result.exit_code == 1
    assert "no column 'month'" in result.output
    assert "run across" not in result.output


def test_months_across_a_workbook_as_excel_dates_are_named_as_they_are_read(figures):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Measure", *(dt.datetime(2024, m, 1) for m in range(1, 13))])
    sheet.append(["ASB incidents", *range(50, 62)])
    workbook.save(figures / "inputs/monthly.xlsx")
    edit(
        figures / "committeepack.toml",
        'file = "inputs/monthly.csv"',
        'workbook = "inputs/monthly.xlsx"',
    )
    result = run(figures, "build")
    assert result.exit_code == 1
    expected = MONTHS_ACROSS.format(first="2024-01-01", last="2024-12-01", count=12)
    assert expected.replace("monthly.csv", "monthly.xlsx") in result.output


def test_a_rolling_years_heading_is_found_by_the_months_it_covers(figures):
    path = figures / "inputs/crime.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "category,parent,previous,current",
            "category,parent,Year ending Dec 2024,12 months to Dec 25",
        ),
        encoding="utf-8",
    )
    edit(
        figures / "committeepack.toml",
        'previous = "2024"\ncurrent = "2025"',
        'previous = "Jan 2024 - Dec 2024"\ncurrent = "Jan 2025 - Dec 2025"',
    )
    edit(
        figures / "committeepack.toml",
        'periods = ["2024", "2025"]',
        'periods = ["Jan 2024 - Dec 2024", "Jan 2025 - Dec 2025"]',
    )
    result = run(figures, "build")  # the crime table's headings are found, the districts' not
    assert result.exit_code == 1
    assert "inputs/districts.csv:1: no column" in result.output
    assert "crime.csv" not in result.output
    (figures / "inputs/districts.csv").write_text(
        (figures / "inputs/districts.csv")
        .read_text(encoding="utf-8")
        .replace(",2024,2025", ",Year ending Dec 2024,Year ending Dec 2025", 1),
        encoding="utf-8",
    )
    result = run(figures, "build")
    assert result.exit_code == 0, result.output


LONG_TABLE = (
    "Error: inputs/crime.csv:1: has a row for each period, the periods running down the column "
    "'{down}' (a long table, as open data is published), where committeepack reads a row for "
    "each of the categories with a column for each period; in Excel, make a PivotTable of it "
    "(Insert, PivotTable) with the categories in Rows, '{down}' in Columns and {counts} in "
    "Values (filtered to your area), and copy it as values to a sheet of its own, each period's "
    "column headed as [periods] names it"
)


def long_table(
    years: list[str], headings: str = "Financial Year,CSP Name,Offence,Number of Offences"
):
    rows = [
        f"{year},Testshire,{offence},{count}"
        for year in years
        for offence, count in (("Burglary", 10), ("Robbery", 4))
    ]
    return "\n".join([headings, *rows]) + "\n"


@pytest.mark.parametrize(
    ("headings", "down", "counts"),
    [
        (
            "Financial Year,CSP Name,Offence,Number of Offences",
            "Financial Year",
            "'Number of Offences'",
        ),
        ("Month,Force,Crime type,Crime ID", "Month", "the counts"),  # a row for each crime
        ("Time period,CSP Name,Offence,Value", "Time period", "'Value'"),
    ],
)
def test_a_long_table_says_how_to_make_a_table_of_it(figures, headings, down, counts):
    (figures / "inputs/crime.csv").write_text(
        long_table(["2023/24", "2024/25"], headings), encoding="utf-8"
    )
    result = run(figures, "build")
    assert result.exit_code == 1
    wanted = LONG_TABLE.format(down=down, counts=counts)
    assert [line for line in result.output.splitlines() if "crime.csv" in line] == [wanted]


def test_a_long_table_of_one_row_for_each_period_is_told_by_its_names_repeating(figures):
    # one ward: each period once, the ward's name twice
    (figures / "inputs/crime.csv").write_text(
        "Financial Year,Offence,Number of Offences\n2023/24,Burglary,10\n2024/25,Burglary,12\n",
        encoding="utf-8",
    )
    result = run(figures, "build")
    wanted = LONG_TABLE.format(down="Financial Year", counts="'Number of Offences'")
    assert [line for line in result.output.splitlines() if "crime.csv" in line] == [wanted]


def test_one_row_for_each_period_is_not_a_long_table(figures):
    # boundary: a column named like a period holding no period twice, and a heading that is a
    # period of its own, are not the periods running down a column
    path = figures / "inputs/crime.csv"
    path.write_text(
        "Offence,Year,2023 count,2024 count\nBurglary,2023,10,12\nRobbery,2024,4,5\n",
        encoding="utf-8",
    )
    result = run(figures, "build")
    assert result.exit_code == 1
    assert "no column 'previous'" in result.output
    assert "long table" not in result.output
    path.write_text(
        "Offence,Year ending Mar 2024,Year ending Mar 2025\nBurglary,10,12\nRobbery,10,5\n",
        encoding="utf-8",
    )
    result = run(figures, "build")
    assert "no column 'previous'" in result.output
    assert "long table" not in result.output
    # a column named like a period holding something else: the day the table was extracted
    path.write_text(
        "Offence,Date extracted,2023 count,2024 count\n"
        "Burglary,13/11/2025,10,12\nRobbery,13/11/2025,4,5\n",
        encoding="utf-8",
    )
    result = run(figures, "build")
    assert "no column 'previous'" in result.output
    assert "long table" not in result.output


def test_a_monthly_table_of_one_row_per_crime_says_to_count_them(figures):
    """police.uk's downloads list each crime on its row, with its month: the months repeat
    and there is no count."""
    monthly = figures / "inputs/monthly.csv"
    monthly.write_text(
        "Crime ID,Month,Crime type\n"
        ",2024-09,Anti-social behaviour\n"
        ",2024-10,Anti-social behaviour\n"
        "a1,2024-10,Anti-social behaviour\n"
        "b2,2024-09,Shoplifting\n"
        "c3,2024-10,Shoplifting\n",
        encoding="utf-8",
    )
    result = run(figures, "build")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "monthly.csv" in line] == [
        "Error: inputs/monthly.csv:1: has a row for each crime or incident, each month on "
        "several rows (2024-10 on 3), where committeepack reads a row for each month with its "
        "count; in Excel, make a PivotTable of it (Insert, PivotTable) with 'Month' in Rows and "
        "the count of 'Month' in Values (filtered to what the series counts: its crime type, "
        "your area), and copy it as values to a sheet of its own, headed 'month' and 'count'"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Crime ID,Month\na,2024-09\nb,2024-10\n",  # each month once: a count is just missing
        "Crime ID,Month\na,2024-09\nb,soon\nc,2024-09\n",  # not every cell a month
        "Crime ID,Month,Month\na,2024-09,2024-09\nb,2024-09,2024-09\n",  # which month column?
    ],
)
def test_a_monthly_table_not_of_one_row_per_crime_is_told_its_count_is_missing(figures, text):
    monthly = figures / "inputs/monthly.csv"
    monthly.write_text(text, encoding="utf-8")
    result = run(figures, "build")
    assert result.exit_code == 1
    assert "a row for each crime" not in result.output
    assert "inputs/monthly.csv:1:" in result.output


def test_a_table_of_months_where_the_periods_go_says_to_add_them_up(figures):
    """A crime table with a column for each month, where committeepack reads the two periods'
    columns: one line saying to add each period's months up, not one a period saying to map
    a month to it (which would be wrong)."""
    months = [f"{year}-{month:02d}" for year in (2024, 2025) for month in range(1, 13)]
    crime = figures / "inputs/crime.csv"
    crime.write_text(
        "category,parent," + ",".join(months) + "\nAll crime,," + ",".join(["80"] * 24) + "\n",
        encoding="utf-8",
    )
    result = run(figures, "build")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "crime.csv" in line] == [
        "Error: inputs/crime.csv:1: has a column for each month ('2024-01' to '2025-12', 24 of "
        "them), where committeepack reads a column for each period; add each period's months "
        "up into a column of their own (in Excel, =SUM of them): one headed '2024' and one "
        "headed '2025'"
    ]
    # boundary: two months are not told from two columns misnamed
    crime.write_text("category,parent,2024-01,2024-02\nAll crime,,80,80\n", encoding="utf-8")
    result = run(figures, "build")
    assert result.exit_code == 1
    assert "a column for each month" not in result.output
    assert "no column 'previous' or '2024' (its period)" in result.output
