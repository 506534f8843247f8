"""Figure arithmetic against hand-worked values, and its properties."""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures import compute
from committeepack.figures.cells import _number


@pytest.mark.parametrize(
    ("previous", "current", "text"),
    [
        (8640, 8277, "-4.2%"),
        (2400, 2700, "+12.5%"),
        (47, 47, "0.0%"),
        (0, 5, "[z]"),
        (0, 0, "[z]"),
        (400, 401, "+0.3%"),  # 0.25 rounds half up, where Python's round() gives 0.2
        (400, 399, "-0.3%"),  # halves round away from zero, as Excel's ROUND does
        (8000, 8001, "0.0%"),  # +0.0125% shows as 0.0%, without a sign
        (60, 81, "+35.0%"),
        (9410, 9178, "-2.5%"),
    ],
)
def test_percent_change_text(previous, current, text):
    assert compute.percent_change_text(previous, current) == text


def test_round_half_up_is_not_bankers_rounding():
    assert compute.round_half_up(Fraction(5, 2), 0) == 3
    assert compute.round_half_up(Fraction(-5, 2), 0) == -3
    assert compute.round_half_up(Fraction(125, 1000), 2) == Fraction(13, 100)
    assert round(2.5) == 2  # what the council's figures must not do


def test_rate_per_1000_and_share():
    assert compute.format_fixed(compute.rate_per_1000(9178, 176200), 1) == "52.1"
    assert compute.rate_per_1000(5, 0) is None
    assert compute.format_fixed(compute.share(1744, 9178), 0) == "19"
    assert compute.share(1, 0) is None


def test_signed_number():
    assert [compute.signed_number(v) for v in (26, -107, 0, 1234)] == ["+26", "-107", "0", "+1,234"]


def test_rank_ties_print_with_equals_sign():
    ranked = compute.rank([("A", 14.3), ("B", 12.1), ("C", 14.3), ("D", 9.0), ("E", 20)])
    assert [(r.key, r.label) for r in ranked] == [
        ("D", "1"),
        ("B", "2"),
        ("A", "3="),
        ("C", "3="),
        ("E", "5"),
    ]


def test_rank_compares_values_as_printed():
    # 14.34 and 14.26 both print as 14.3, so they share a rank
    ranked = {r.key: r.label for r in compute.rank([("A", 14.34), ("B", 14.26), ("C", 1)])}
    assert ranked == {"C": "1", "A": "2=", "B": "2="}


def test_rank_highest_first():
    ranked = compute.rank([("a", 80), ("b", 60), ("c", 60)], lowest_first=False)
    assert [(r.key, r.label) for r in ranked] == [("a", "1"), ("b", "2="), ("c", "2=")]


COUNTS = st.integers(min_value=0, max_value=10_000_000)


@given(COUNTS, COUNTS)
def test_difference_is_current_minus_previous(previous, current):
    assert compute.difference(previous, current) == current - previous
    text = compute.percent_change_text(previous, current)
    if previous == 0:
        assert text == "[z]"
    elif current > previous and text != "0.0%":
        assert text.startswith("+")
    elif current < previous and text != "0.0%":
        assert text.startswith("-")


@given(
    st.lists(
        st.tuples(st.text(min_size=1, max_size=5), COUNTS),
        min_size=1,
        max_size=12,
        unique_by=lambda item: item[0],
    ),
    st.randoms(),
)
def test_row_order_changes_neither_totals_nor_ranks(rows, random):
    shuffled = list(rows)
    random.shuffle(shuffled)
    assert compute.total([v for _, v in rows]) == compute.total([v for _, v in shuffled])
    first = {r.key: r.label for r in compute.rank(rows)}
    second = {r.key: r.label for r in compute.rank(shuffled)}
    assert first == second


@given(st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=15))
def test_rank_properties(values):
    ranked = compute.rank([(str(i), v) for i, v in enumerate(values)], places=None)
    ranks = [r.rank for r in ranked]
    assert ranks[0] == 1 and ranks == sorted(ranks)
    for item in ranked:
        smaller = sum(1 for v in values if v < item.value)
        assert item.rank == smaller + 1  # standard competition ranking
        assert item.tied == (values.count(item.value) > 1)


@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=99),
)
def test_a_decimal_in_a_table_rounds_half_up_exactly_as_written(whole, hundredths):
    from committeepack.figures.cells import _number
    from committeepack.figures.sentences import number

    text = f"{whole}.{hundredths:02d}"
    tenths, rest = divmod(hundredths, 10)
    expected_whole, expected_tenths = (whole, tenths + 1) if rest >= 5 else (whole, tenths)
    if expected_tenths == 10:
        expected_whole, expected_tenths = expected_whole + 1, 0
    if hundredths == 0:  # a whole number, written with decimals, prints as a whole number
        assert number(_number(text)) == f"{whole:,}"
    else:
        assert number(_number(text)) == f"{expected_whole:,}.{expected_tenths}"


def test_the_published_awkward_decimals_round_as_written():
    from committeepack.figures.cells import _number
    from committeepack.figures.sentences import number

    assert [number(_number(t)) for t in ("0.15", "1.45", "2.25", "1,234.05")] == [
        "0.2",
        "1.5",
        "2.3",
        "1,234.1",
    ]
    assert number(_number(0.15)) == "0.2"  # a float from Excel: its shortest decimal form


@given(
    st.integers(0, 10**7),
    st.integers(1, 6),
    st.integers(0, 3),
    st.booleans(),
)
def test_any_decimal_in_a_cell_rounds_half_up_exactly_as_written(digits, scale, places, excel):
    """A decimal read from a CSV cell (text) or an Excel cell (a float) is the number as
    written, so it rounds half up as written: 0.15 to 0.2, 1.45 to 1.5, 2.675 to 2.68."""
    text = str(Decimal(digits).scaleb(-scale))
    if "E" in text:
        text = f"{Decimal(digits).scaleb(-scale):f}"
    value = _number(float(text) if excel else text)
    expected = Decimal(text).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    assert compute.format_fixed(Fraction(value), places) == f"{expected:,f}"
