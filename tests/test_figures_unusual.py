"""Months a typing slip would make: ten times the usual month, or a tenth of it."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures.unusual import unusual_months

from conftest import edit, run


def flagged(values) -> list[int]:
    return [index for index, _ in unusual_months(values)]


@pytest.mark.parametrize(
    ("value", "found"),
    [(1999, False), (2000, True), (2001, True)],  # the median is 200: ten times is 2,000
)
def test_a_month_ten_times_the_median_is_questioned(value, found):
    assert flagged([200, 190, 210, value, 200]) == ([3] if found else [])


@pytest.mark.parametrize(("value", "found"), [(2, True), (3, False), (0, True)])
def test_a_month_a_tenth_of_the_median_is_questioned_from_a_median_of_20(value, found):
    assert flagged([20, 20, value, 20, 20]) == ([2] if found else [])


def test_small_series_are_not_questioned_for_low_months():
    assert flagged([19, 19, 0, 19, 19]) == []  # a median of 19: a quiet month is ordinary


@pytest.mark.parametrize("values", [[], [5], [1, 1000], [0, 0, 0, 50]])
def test_too_few_months_or_a_median_of_nothing_questions_nothing(values):
    assert flagged(values) == []


def test_the_message_says_how_many_times_and_the_median():
    [(_, text)] = unusual_months([200, 201, 2080, 199])
    assert text == (
        "2,080 is more than 10 times the series' usual month (200.5, its median); check it "
        "for a typing slip, such as a digit typed twice"
    )
    [(_, text)] = unusual_months([200, 200, 2000])
    assert text.startswith("2,000 is 10 times")
    [(_, text)] = unusual_months([Fraction(40), Fraction(40), Fraction(3)])
    assert text == (
        "3 is a tenth or less of the series' usual month (40, its median); check whether the "
        "month is complete"
    )


@given(st.integers(1, 10**6), st.integers(3, 40))
def test_a_steady_series_has_nothing_unusual(level, months):
    assert flagged([level] * months) == []


def high(values) -> list[int]:
    return [index for index, text in unusual_months(values) if " times " in text]


@given(st.lists(st.integers(0, 10**6), min_size=3, max_size=40), st.integers(1, 1000))
def test_a_month_too_high_is_so_at_any_scale(values, scale):
    assert high([v * scale for v in values]) == high(values)


def test_a_slip_in_a_monthly_table_is_a_warning_at_its_line(example):
    edit(example / "inputs/figures/asb-monthly.csv", "2023-01,208", "2023-01,2080")
    result = run(example, "build", "--no-page-numbers")
    assert result.exit_code == 0, result.output
    assert (
        "Warning: inputs/figures/asb-monthly.csv:5: column 'count': 2,080 is more than 10 "
        "times the series' usual month (191.5, its median); check it for a typing slip, such "
        "as a digit typed twice"
    ) in result.output.splitlines()
    assert run(example, "build", "--no-page-numbers", "--strict").exit_code == 1
