"""Sentences that state figures: the direction word always matches the numbers."""

import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures import sentences


@pytest.mark.parametrize(
    ("previous", "current", "text"),
    [
        (8640, 8277, "fell by 4.2% from 8,640 to 8,277"),
        (2400, 2700, "rose by 12.5% from 2,400 to 2,700"),
        (47, 47, "stayed at 47"),
        (0, 12, "rose from 0 to 12"),
        (12, 0, "fell by 100.0% from 12 to 0"),
        (10000, 10001, "rose by less than 0.1% from 10,000 to 10,001"),
        (1234567, 2345678, "rose by 90.0% from 1,234,567 to 2,345,678"),
    ],
)
def test_change(previous, current, text):
    assert sentences.change(previous, current) == text


@pytest.mark.parametrize(
    ("previous", "current", "text"),
    [
        (110, 87, "fell from 110 to 87, a decrease of 21%"),
        (415, 502, "rose from 415 to 502, an increase of 21%"),
        (0, 3, "rose from 0 to 3"),
        (5, 5, "stayed at 5"),
        (1000, 1004, "rose from 1,000 to 1,004, an increase of less than 1%"),  # 0.4%
        (1000, 1005, "rose from 1,000 to 1,005, an increase of 1%"),  # 0.5%: half up
        (1005, 1000, "fell from 1,005 to 1,000, a decrease of less than 1%"),  # 0.497%
    ],
)
def test_change_summary(previous, current, text):
    assert sentences.change_summary(previous, current) == text


def test_share():
    assert sentences.share_of(1744, 9178, "all crime") == "19% of all crime"
    assert sentences.share_of(0, 9178, "all crime") == "0% of all crime"
    assert sentences.share_of(45, 9178, "all crime") == "less than 1% of all crime"  # 0.49%
    assert sentences.share_of(46, 9178, "all crime") == "1% of all crime"  # 0.501%
    assert sentences.share_of(9132, 9178, "all crime") == "99% of all crime"  # 99.499%
    assert sentences.share_of(9133, 9178, "all crime") == "more than 99% of all crime"
    assert sentences.share_of(9178, 9178, "all crime") == "100% of all crime"
    with pytest.raises(ValueError, match="the total is 0"):
        sentences.share_of(1, 0, "all crime")


def test_text_is_not_a_number():
    with pytest.raises(TypeError):
        sentences.change("12", 14)


@given(st.integers(0, 10**7), st.integers(0, 10**7))
def test_direction_word_agrees_with_the_numbers(previous, current):
    text = sentences.change(previous, current)
    if current > previous:
        assert text.startswith("rose")
    elif current < previous:
        assert text.startswith("fell")
    else:
        assert text == f"stayed at {current:,}"
    if previous != current:
        assert text.endswith(f"from {previous:,} to {current:,}")
        match = re.search(r"by ([\d,.]+)%", text)
        if previous and match:
            exact = abs(current - previous) / previous * 100
            assert abs(float(match.group(1).replace(",", "")) - exact) <= 0.05 + 1e-9


@pytest.mark.parametrize(
    ("value", "places", "whole", "text"),
    [
        (Fraction(0), 1, False, "0.0%"),
        (Fraction(1, 20), 1, False, "0.1%"),  # 0.05 rounds half up
        (Fraction(1, 21), 1, False, "less than 0.1%"),
        (Fraction(9999, 100), 0, True, "more than 99%"),
        (Fraction(9999, 100), 0, False, "100%"),  # a change may be 100% and more
        (Fraction(100), 0, True, "100%"),
        (Fraction(250), 1, False, "250.0%"),
    ],
)
def test_a_percentage_never_rounds_something_to_nothing_or_a_part_to_all(
    value, places, whole, text
):
    assert sentences.bounded_percent(value, places, whole) == text


@given(st.integers(1, 10**6), st.integers(0, 10**6))
def test_a_shares_words_and_number_agree(whole, part):
    part = min(part, whole)
    text = sentences.share_of(part, whole, "x")
    if 0 < part < whole:
        assert not text.startswith(("0%", "100%"))
    else:
        assert text.startswith("0%" if part == 0 else "100%")
