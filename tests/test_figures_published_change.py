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


@pytest.mark.parametrize("text", ["[z]", "..", "n/a", "New", "-", "x", "", "1,000%", "2.5.1"])
def test_a_symbol_is_not_read_and_never_disagrees(text):
    assert written_percent(text) is None
    assert agrees(text, 100, 50) is None


@given(
    st.integers(1, 10**7),
    st.integers(0, 10**7),
    st.integers(0, 3),
)
@example(3, 2650351, 0)  # a fraction of 883,449.33: the float's last digit is 10**-10 off
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
