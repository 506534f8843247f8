"""Sentences that state figures: the direction word always matches the numbers."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures import sentences


@pytest.mark.parametrize(
    ("previous", "current", "text"),
    [
        (8640, 8277, "fell by 4.2% from 8,640 to 8,277"),
        (2400, 2700, "rose by 12.5% from 2,400 to 2,700"),
        (47, 47, "was unchanged at 47"),
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
    ],
)
def test_change_summary(previous, current, text):
    assert sentences.change_summary(previous, current) == text


def test_share():
    assert sentences.share_of(1744, 9178, "all crime") == "19% of all crime"
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
        assert text == f"was unchanged at {current:,}"
    if previous != current:
        assert text.endswith(f"from {previous:,} to {current:,}")
        match = re.search(r"by ([\d,.]+)%", text)
        if previous and match:
            exact = abs(current - previous) / previous * 100
            assert abs(float(match.group(1).replace(",", "")) - exact) <= 0.05 + 1e-9
