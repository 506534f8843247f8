"""An optional column a table seems to hold under a heading of its own is named in a warning,
with how to map it, rather than left out of the papers unsaid."""

import pytest

from committeepack.figures.cells import Column
from committeepack.figures.near_misses import near_misses
from committeepack.figures.raw_table import RawTable

from conftest import run

SURVEY = [Column("measure", "text"), Column("count", "count"), Column("base", "count", False)]
DISTRICTS = [
    Column("district", "text"),
    Column("division", "text", False),
    Column("population", "count", False),
    Column("rate", "number", False),
    Column("2025", "count"),
]


def _table(headings: list[str]) -> RawTable:
    return RawTable(list(headings), {h: ["1"] for h in headings})


def _located(headings: list[str], columns: list[Column]) -> dict:
    return {c.name: (c.name if c.name in headings else None) for c in columns}


@pytest.mark.parametrize(
    ("headings", "columns", "told"),
    [
        (["measure", "count", "Base (all respondents)"], SURVEY, ["Base (all respondents)"]),
        (["measure", "count", "base"], SURVEY, []),  # its own heading: read
        (["measure", "count"], SURVEY, []),  # nothing like it
        (["measure", "count", "Base (weighted)", "Base (unweighted)"], SURVEY, []),  # which?
        (["measure", "count", "Database"], SURVEY, []),  # a word, not part of one
        (["district", "2025", "Police division"], DISTRICTS, ["Police division"]),
        (["district", "2025", "Population rank"], DISTRICTS, []),  # a rank: not the residents
        (["district", "2025", "Change in rate"], DISTRICTS, []),  # a change: not the rate
        (["district", "2025", "Population (mid-2023)"], DISTRICTS, ["Population (mid-2023)"]),
        (["district", "2025", "Population density"], DISTRICTS, ["Population density"]),
        (
            ["district", "2025", "Burglaries per 1,000 households"],
            DISTRICTS,
            ["Burglaries per 1,000 households"],
        ),
        (
            ["district", "2025", "Violent crime rate per 1,000"],
            DISTRICTS,
            ["Violent crime rate per 1,000"],
        ),
    ],
)
def test_a_heading_with_an_optional_columns_name_is_told(headings, columns, told):
    messages = near_misses(_table(headings), columns, _located(headings, columns))
    assert [m.split("'")[1] for m in messages] == told


def test_the_message_says_what_the_column_holds_and_how_to_map_it():
    headings = ["measure", "count", "Base (all respondents)"]
    assert near_misses(_table(headings), SURVEY, _located(headings, SURVEY)) == [
        "column 'Base (all respondents)' is not read as 'base' (the number each answer is a "
        "share of); if it holds that, rename it 'base' or map it in committeepack.toml with "
        'columns = { base = "Base (all respondents)" }'
    ]


@pytest.mark.parametrize(
    ("headings", "told"),
    [
        (["district", "2025", "Rate per 100,000"], True),
        (["district", "2025", "Crimes per 10000 residents"], True),
        (["district", "2025", "population", "Rate per 100,000"], False),  # worked out instead
        (["district", "2025", "Rate per 1,000"], False),
    ],
)
def test_a_rate_per_another_number_of_residents_is_told(headings, told):
    messages = near_misses(_table(headings), DISTRICTS, _located(headings, DISTRICTS))
    assert any("committeepack's rates are per 1,000 residents" in m for m in messages) is told


def test_a_warning_that_explains_an_error_is_shown_with_it(example):
    survey = example / "inputs/figures/survey.csv"
    survey.write_text(
        survey.read_text(encoding="utf-8").replace("base", "Base (all respondents)", 1),
        encoding="utf-8",
    )
    result = run(example, "build", "--no-page-numbers")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 2, result.output
    assert lines[0].startswith(
        "Warning: inputs/figures/survey.csv:1: column 'Base (all respondents)' is not read as "
        "'base'"
    )
    assert lines[1].startswith("Error: inputs/plan.md:")
    assert "has no base to take a share of" in lines[1]
