"""Which of a published table's headings name its % change and its difference: told by what
they say, with words describing the comparison after them, not only from a list."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures.headings import heading_key
from committeepack.figures.published_headings import (
    DIFFERENCE,
    PERCENT,
    comparison_kind,
    described,
)

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
