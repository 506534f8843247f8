"""Columns found by what their headings say, as published tables word them: a % change and a
difference with words about the comparison after them, a population, a rate per 1,000."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures.described_headings import (
    DIFFERENCE,
    PERCENT,
    POPULATION,
    RATE,
    comparison_kind,
    described,
    heading_kind,
)
from committeepack.figures.headings import heading_key

from conftest import run

PERIODS = ["Oct 2023 - Sep 2024", "Oct 2024 - Sep 2025"]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("% change", PERCENT),
        ("% Change on previous year", PERCENT),
        ("Percentage change from previous year", PERCENT),
        ("% change 2023-24 to 2024-25", PERCENT),  # the periods' years, written short
        ("% change 23/24 v 24/25", PERCENT),
        ("Change (%)", PERCENT),
        ("Change %", PERCENT),
        ("Change on last year (%)", PERCENT),  # the % after the words
        ("Per cent change", PERCENT),
        ("Percent difference", PERCENT),
        ("Change", DIFFERENCE),
        ("Difference", DIFFERENCE),
        ("Change on last year", DIFFERENCE),
        ("Numeric change 2024 to 2025", DIFFERENCE),
        ("Actual change", DIFFERENCE),
        ("+/-", DIFFERENCE),
        ("Change: previous year", DIFFERENCE),
        ("% change since 2019/20", None),  # another period: not the change of these two
        ("% change over 5 years", None),
        ("Change in rate per 1,000", None),  # a rate's change, not the counts'
        ("% change in rate", None),
        ("Changes", None),  # not the word
        ("Changed by", None),
        ("Crime type", None),
        ("Oct 2024 - Sep 2025", None),
        ("", None),
    ],
)
def test_a_heading_is_told_by_what_it_says(heading, kind):
    assert comparison_kind(heading_key(heading), PERIODS) == kind


def test_without_periods_a_heading_naming_years_is_not_taken():
    assert comparison_kind(heading_key("% change 2023/24 to 2024/25"), []) is None
    assert comparison_kind(heading_key("% change on previous year"), []) == PERCENT


@pytest.mark.parametrize(
    ("headings", "percent", "difference"),
    [
        (["Ward", "Change", "% change on last year"], "% change on last year", "change"),
        # two of a kind: which one compares the two counts? neither
        (["% change on last year", "% change on previous year"], None, None),
        # the other compares another period, so the one left is taken
        (["% change on last year", "% change since 2019/20"], "% change on last year", None),
        (["Ward", "Previous", "Current"], None, None),
    ],
)
def test_one_heading_of_a_kind_is_taken_never_two(headings, percent, difference):
    keys = [heading_key(h) for h in headings]
    assert described(keys, PERCENT, PERIODS) == percent
    assert described(keys, DIFFERENCE, PERIODS) == difference


@given(st.text(max_size=30))
def test_any_heading_is_one_kind_or_none_and_never_an_error(text):
    assert comparison_kind(heading_key(text), PERIODS) in (PERCENT, DIFFERENCE, None)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Population", POPULATION),
        ("Population (mid-2023)", POPULATION),
        ("Mid-2023 population", POPULATION),
        ("Resident population 2023", POPULATION),
        ("Pop.", POPULATION),
        ("Population rank", None),  # a rank, not the residents
        ("Population estimate 2023", POPULATION),
        ("Usual resident population (Census 2021)", POPULATION),
        ("Population density", None),  # people per km2, not the residents
        ("Population aged 10-17", None),  # some of the residents
        ("Popular", None),
        ("Rate", RATE),
        ("Crime rate", RATE),
        ("Rate per 1,000", RATE),
        ("Rate per 1000 population", RATE),  # a rate, though it names the population
        ("Crimes per 1,000 population", RATE),
        ("Offences per thousand residents", RATE),
        ("Rate per 100,000 population", None),  # not per 1,000: never read as one
        ("Burglaries per 1,000 households", None),  # per households, not residents
        ("Violent crime rate per 1,000", None),  # words of its own: told, not taken
        ("Rate per 10,000", None),
        ("% change in rate", None),
        ("Change in rate per 1,000", None),
        ("Rate rank", None),
        ("Rate of change", None),
        ("% change", PERCENT),
    ],
)
def test_a_population_and_a_rate_are_told_by_what_their_headings_say(heading, kind):
    assert heading_kind(heading_key(heading), PERIODS) == kind


def _districts_headed(figures, population: str, extra: str = "", value: str = "") -> None:
    path = figures / "inputs/districts.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    heading = lines[0].replace("population", population) + (f",{extra}" if extra else "")
    rows = [line + (f",{value}" if extra else "") for line in lines[1:]]
    path.write_text("\n".join([heading, *rows]) + "\n", encoding="utf-8")


def _rate_heading(figures) -> list[str]:
    from docx import Document

    document = Document(str(figures / "out/strategic-assessment.docx"))
    return [
        cell.text
        for table in document.tables
        for cell in table.rows[0].cells
        if "per 1,000" in cell.text
    ]


def test_a_population_worded_as_published_gives_the_same_rates(figures):
    assert run(figures, "build", "--no-page-numbers").exit_code == 0
    expected = _rate_heading(figures)
    assert expected  # the rates the population gives
    _districts_headed(figures, "Population (mid-2023)")
    result = run(figures, "build", "--no-page-numbers", "--strict")
    assert result.exit_code == 0, result.output
    assert _rate_heading(figures) == expected


def test_a_rate_column_is_not_read_beside_a_population(figures):
    """Rates are worked out from the populations: a published rate column beside them is not
    read, so a symbol in it is no error."""
    _districts_headed(figures, "Population (mid-2023)", '"Crimes per 1,000 population"', "[x]")
    result = run(figures, "build", "--no-page-numbers", "--strict")
    assert result.exit_code == 0, result.output


def test_a_published_rate_worded_per_1000_is_printed_without_populations(figures):
    path = figures / "inputs/districts.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    rates = iter(["19.0", "25.0", "19.9", "17.5", "21.5", "30.0", "12.0", "16.0", "22.0", "20.1"])
    rows = [line.split(",") for line in lines[1:]]
    path.write_text(
        "\n".join(
            [lines[0].replace("population", '"Crimes per 1,000 population"')]
            + [",".join([row[0], next(rates), *row[2:]]) for row in rows]
        )
        + "\n",
        encoding="utf-8",
    )
    result = run(figures, "build", "--no-page-numbers", "--strict")
    assert result.exit_code == 0, result.output
    assert _rate_heading(figures)  # printed, from the rates as published
    path.write_text(path.read_text(encoding="utf-8").replace("per 1,000", "per 100,000"))
    result = run(figures, "build", "--no-page-numbers")
    assert result.exit_code == 0, result.output
    assert _rate_heading(figures) == []  # a rate per 100,000 is never read as one per 1,000
    assert [line for line in result.output.splitlines() if line.startswith("Warning")] == [
        "Warning: inputs/districts.csv:1: column 'Crimes per 100,000 population' is a rate per "
        "100,000, and committeepack's rates are per 1,000 residents, so the papers print none; "
        "give each district's population (a column 'population') for them to be worked out"
    ]
