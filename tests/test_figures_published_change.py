"""A published table's own % change column, checked against the change its counts give."""

from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from committeepack.figures.compute import format_fixed, percent_change
from committeepack.figures.published_change import agrees, written_percent

from conftest import run


@pytest.mark.parametrize(
    ("text", "value", "half"),
    [
        ("-2.5%", Fraction(-5, 2), Fraction(1, 20)),
        ("+12.7", Fraction(127, 10), Fraction(1, 20)),
        ("\u22122.5 %", Fraction(-5, 2), Fraction(1, 20)),  # a typographic minus
        ("3%", Fraction(3), Fraction(1, 2)),
        ("0.125", Fraction(1, 8), Fraction(1, 2000)),
    ],
)
def test_a_published_percentage_is_read_exactly_with_its_rounding(text, value, half):
    assert written_percent(text) == (value, half)


def test_a_fraction_written_with_an_exponent_is_read_exactly():
    assert written_percent("9.99e-05") == (Fraction(999, 10**7), Fraction(1, 2 * 10**7))
    assert written_percent("-2.5E-1") == (Fraction(-1, 4), Fraction(1, 200))


@pytest.mark.parametrize(
    "text", ["[z]", "..", "n/a", "New", "-", "x", "", "1,000%", "2.5.1", "e-5", "1e", "1e-5000"]
)
def test_a_symbol_is_not_read_and_never_disagrees(text):
    assert written_percent(text) is None
    assert agrees(text, 100, 50) is None


@given(
    st.integers(1, 10**7),
    st.integers(0, 10**7),
    st.integers(0, 3),
)
@example(3, 2650351, 0)  # a fraction of 883,449.33: the float's last digit is 10**-10 off
@example(9718058, 9719029, 0)  # a fraction under 0.0001, which Python writes 9.99e-05
def test_the_change_rounded_half_up_to_any_places_agrees(previous, current, places):
    change = percent_change(previous, current)
    assert change is not None
    written = format_fixed(change, places).replace(",", "")
    assert agrees(written + "%", previous, current) is True
    assert agrees(str(float(change / 100)), previous, current) is True  # a workbook's fraction


@given(st.integers(1, 10**6), st.integers(0, 10**6), st.integers(0, 2))
def test_a_change_one_unit_of_its_last_place_away_disagrees(previous, current, places):
    change = percent_change(previous, current)
    assert change is not None
    unit = Fraction(1, 10**places)
    for wrong in (change + 2 * unit, change - 2 * unit):  # past half a unit whatever the rounding
        written = format_fixed(wrong, places).replace(",", "")
        if places and written.endswith("0"):
            continue  # 12.70 is read as 12.7 padded (below): a place less
        fraction_too = abs(Fraction(written) * 100 - change) <= unit * 50
        assert agrees(written, previous, current) is fraction_too


def test_trailing_zeros_are_padding_as_excel_shows_a_percentage():
    # the 2015 Maidstone table: 26 of 8,457 is 0.307%, printed 0.30% (0.3, shown with two
    # places); 333 of 2,612 is 12.749%, printed 12.70%
    assert written_percent("0.30%") == (Fraction(3, 10), Fraction(1, 20))
    assert agrees("0.30%", 8457, 8483) is True
    assert agrees("12.70%", 2612, 2945) is True
    assert agrees("12.80%", 2612, 2945) is False


def test_no_previous_count_cannot_be_told():
    assert agrees("+100%", 0, 5) is None


def test_a_row_whose_published_change_disagrees_is_a_warning_at_its_line(figures):
    crime = figures / "inputs/crime.csv"
    crime.write_text(
        "category,parent,previous,current,% change\n"
        "All crime,,1000,950,-5.0%\n"
        "Violent crime,All crime,400,420,+5.0%\n"
        "Violence against the person,Violent crime,380,400,+5.3%\n"
        "Robbery,Violent crime,20,20,[x]\n"
        "Theft,All crime,600,530,-12.2%\n",
        encoding="utf-8",
    )
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if line.startswith("Warning")] == [
        "Warning: inputs/crime.csv:6: the published % change for Theft, -12.2%, is not that of "
        "600 to 530 (-11.7%); check the row's figures against the published table"
    ]
    strict = run(figures, "build", "--strict")
    assert strict.exit_code == 1
    assert "Error: inputs/crime.csv:6: the published % change for Theft" in strict.output


def test_a_column_of_another_measure_is_a_few_warnings_then_one_for_the_rest(figures):
    districts = figures / "inputs/districts.csv"
    lines = districts.read_text(encoding="utf-8").splitlines()
    names = ["Testshire", *(f"Place {n}" for n in range(2, 10))]
    rows = [f"{name},1000,{1000 + n},{1000 + 2 * n}" for n, name in enumerate(names, 1)]
    districts.write_text(
        "\n".join([lines[0] + ",Percentage change"] + [f"{row},50.0" for row in rows]) + "\n",
        encoding="utf-8",
    )
    result = run(figures, "build", "--strict")
    found = [line for line in result.output.splitlines() if "published % change" in line]
    assert len(found) == 6
    assert found[0] == (
        "Error: inputs/districts.csv:2: the published % change for Testshire, 50.0, is not that "
        "of 1,001 to 1,002 (+0.1%); check the row's figures against the published table"
    )
    assert found[-1] == (
        "Error: inputs/districts.csv: 4 more rows' published % change is not that of their "
        "counts; is it the change of another measure (a rate)? committeepack works the change "
        "out from the counts, so the column may be deleted"
    )


def test_two_published_change_columns_are_not_compared_nor_an_error(figures):
    crime = figures / "inputs/crime.csv"
    lines = crime.read_text(encoding="utf-8").splitlines()
    crime.write_text(
        "\n".join([lines[0] + ",% change,% Change"] + [f"{row},1,2" for row in lines[1:]]) + "\n",
        encoding="utf-8",
    )
    result = run(figures, "build", "--strict")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("number_format", "places"),
    [
        ("0.0%", 1),
        ("0%", 0),
        ("#,##0.00%", 2),
        ("0.0%;[Red]-0.0%", 1),  # the positive section's places
        ("[Blue]0.0%", 1),
        ("0.00_)%", 2),
        ('"%"0.0', None),  # a quoted % is text: the number is not a percentage
        ("0.0\\%", None),  # so is an escaped one
        ("0.0", None),
        ("General", None),
    ],
)
def test_a_cells_percentage_format_is_told_with_its_places(number_format, places):
    from committeepack.figures.workbook_table import percent_places

    assert percent_places(number_format) == places


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (-0.025, 1, "-2.5%"),
        (0.0030743762563556817, 1, "0.3%"),  # a formula's value, as the sheet shows it
        (0.125, 0, "13%"),  # half rounds away from zero, as Excel rounds
        (-0.125, 0, "-13%"),
        (0.12449, 1, "12.4%"),  # the boundary: under the half
        (0.1245, 1, "12.5%"),
        (0, 1, "0.0%"),
        (1, 0, "100%"),
        (1e30, 1, "100000000000000000000000000000000.0%"),  # every digit, not an error
    ],
)
def test_a_percentage_cell_reads_as_the_sheet_shows_it(value, places, shown):
    from committeepack.figures.workbook_table import percent_shown

    assert percent_shown(value, places) == shown


def test_a_workbooks_percentage_column_is_quoted_as_the_sheet_shows_it(figures):
    """A published % change in a workbook is a fraction formatted as a percentage: the
    warning quotes it as the sheet shows it (50.0%), not as 0.5, and rows that agree as
    shown are not warned about."""
    from openpyxl import Workbook

    from conftest import use_crime_workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Crime"
    sheet.append(["category", "parent", "previous", "current", "% change"])
    rows = [
        ("All crime", "", 1000, 950, (950 - 1000) / 1000),
        ("Violent crime", "All crime", 400, 420, 0.5),  # typed in the wrong row
        ("Violence against the person", "Violent crime", 380, 400, (400 - 380) / 380),
        ("Robbery", "Violent crime", 20, 20, 0),
        ("Theft", "All crime", 600, 530, (530 - 600) / 600),
    ]
    for row in rows:
        sheet.append(list(row))
        sheet.cell(row=sheet.max_row, column=5).number_format = "0.0%"
    use_crime_workbook(figures, workbook)
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if line.startswith("Warning")] == [
        "Warning: inputs/crime.xlsx [Crime]:3: the published % change for Violent crime, 50.0%, "
        "is not that of 400 to 420 (+5.0%); check the row's figures against the published table"
    ]


def test_a_whole_count_in_a_cell_formatted_as_a_percentage_keeps_its_value(figures):
    """The boundary: only a fraction so formatted reads as a percentage; a count whose cell
    format slipped is still its count, not an error."""
    from openpyxl import Workbook

    from conftest import use_crime_workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Crime"
    for line in (figures / "inputs/crime.csv").read_text(encoding="utf-8").splitlines():
        sheet.append([int(c) if c.isdigit() else c for c in line.split(",")])
    sheet["D6"].number_format = "0%"  # Theft's current count, 530
    use_crime_workbook(figures, workbook)
    result = run(figures, "build", "--strict", "strategic-assessment")
    assert result.exit_code == 0, result.output
    import docx

    text = "\n".join(
        c.text
        for t in docx.Document(str(figures / "out/strategic-assessment.docx")).tables
        for row in t.rows
        for c in row.cells
    )
    assert "530" in text


@pytest.mark.parametrize(
    ("published", "previous", "current", "agreed"),
    [
        ("-42", 1804, 1762, True),
        ("\u221242", 1804, 1762, True),  # a typographic minus
        ("-41", 1804, 1762, False),  # one off: a count typed wrong
        ("-43", 1804, 1762, False),
        ("+42", 1804, 1762, False),  # the wrong way
        ("42", 1804, 1762, True),  # no sign: a fall may be written by its size
        ("+1,204", 1000, 2204, True),
        ("1204", 1000, 2204, True),
        ("0", 7, 7, True),
        ("1", 7, 7, False),
        ("2.5", 10, 12.5, True),
        ("2.46", 10, 12.45, False),  # half of the last place away is the boundary:
        ("2.45", 10, 12.455, True),  # within it agrees
        ("2.4", 10, 12.45, True),
        ("2.4", 10, 12.451, False),
        ("-2.3%", 1804, 1762, True),  # a percentage under "Change": compared as a % change
        ("+50.0%", 1804, 1762, False),
        ("-4.2e1", 1804, 1762, True),  # a workbook's number written with an exponent
        ("[x]", 1804, 1762, None),
        ("n/a", 1804, 1762, None),
        ("1,00", 1804, 1762, None),  # not a number as tables write one
        ("", 1804, 1762, None),
    ],
)
def test_a_published_difference_is_its_counts_difference(published, previous, current, agreed):
    from decimal import Decimal

    from committeepack.figures.published_change import agrees_difference

    exact = [Fraction(Decimal(str(n))) for n in (previous, current)]
    assert agrees_difference(published, *exact) is agreed


@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_every_difference_written_as_tables_write_it_agrees(previous, current):
    from committeepack.figures.compute import signed_number
    from committeepack.figures.published_change import agrees_difference

    assert agrees_difference(signed_number(current - previous), previous, current) is True
    assert agrees_difference(signed_number(current - previous + 1), previous, current) is False


def test_a_row_whose_published_change_or_difference_disagrees_is_a_warning(figures):
    crime = figures / "inputs/crime.csv"
    crime.write_text(
        "category,parent,previous,current,Change,% change on previous year\n"
        "All crime,,1000,950,-50,-5.0%\n"
        "Violent crime,All crime,400,420,+20,+5.0%\n"
        "Violence against the person,Violent crime,380,400,+02,+5.3%\n"
        "Robbery,Violent crime,20,20,0,0.0%\n"
        "Theft,All crime,600,530,-70,-12.2%\n",
        encoding="utf-8",
    )
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if line.startswith("Warning")] == [
        "Warning: inputs/crime.csv:4: the published change for Violence against the person, "
        "+02, is not that of 380 to 400 (+20); check the row's figures against the published "
        "table",
        "Warning: inputs/crime.csv:6: the published % change for Theft, -12.2%, is not that of "
        "600 to 530 (-11.7%); check the row's figures against the published table",
    ]


def test_a_change_of_another_period_is_not_compared(figures):
    crime = figures / "inputs/crime.csv"
    lines = crime.read_text(encoding="utf-8").splitlines()
    crime.write_text(
        "\n".join(
            [lines[0] + ",% change since 2019/20,Change in rate per 1000"]
            + [f"{row},+99.9%,+99" for row in lines[1:]]
        )
        + "\n",
        encoding="utf-8",
    )
    result = run(figures, "build", "--strict")
    assert result.exit_code == 0, result.output
