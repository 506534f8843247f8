"""SPC (XmR) limits and each special-cause rule, on small constructed series."""

import itertools
from statistics import fmean

import pytest

from committeepack.figures import spc

STABLE = [10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11, 12]


def test_limits_follow_making_data_count():
    result = spc.analyse(STABLE)
    [segment] = result.segments
    ranges = [abs(b - a) for a, b in itertools.pairwise(STABLE)]
    assert segment.mean == pytest.approx(fmean(STABLE))
    assert segment.mean_moving_range == pytest.approx(sum(ranges) / 12)
    assert segment.upper == pytest.approx(segment.mean + 2.66 * sum(ranges) / 12)
    assert segment.lower == pytest.approx(segment.mean - 2.66 * sum(ranges) / 12)
    assert segment.upper_two_sigma == pytest.approx(
        segment.mean + 1.7733 * sum(ranges) / 12, abs=1e-3
    )
    assert not segment.trial
    assert all(p.verdict == "common cause" for p in result.points)


def test_large_moving_ranges_are_screened_once_unless_turned_off():
    values = [10] * 7 + [40] + [10] * 5
    screened = spc.analyse(values).segments[0]
    assert screened.screened == 2 and screened.mean_moving_range == 0
    unscreened = spc.analyse(values, screen=False).segments[0]
    assert unscreened.screened == 0 and unscreened.mean_moving_range == pytest.approx(5)


def test_point_outside_limits_is_a_concern_when_lower_is_better():
    values = [*STABLE, 30]
    point = spc.analyse(values, improvement="down").points[-1]
    assert (point.rule, point.verdict) == ("outside limits", "concern")
    point = spc.analyse(values, improvement="up").points[-1]
    assert point.verdict == "improvement"
    assert spc.analyse(values, improvement="neutral").points[-1].verdict == "neutral"


def test_trend_needs_six_strict_steps():
    assert spc._trend([1, 2, 3, 4, 5, 6, 7]) == [True] * 7
    assert spc._trend([1, 2, 3, 4, 5, 6]) == [False] * 6
    assert spc._trend([1, 2, 3, 3, 4, 5, 6, 7]) == [False] * 8  # a tie breaks the run
    assert spc._trend([9, 1, 2, 3, 4, 5, 6, 7]) == [False] + [True] * 7
    assert spc._trend([7, 6, 5, 4, 3, 2, 1]) == [True] * 7


def test_shift_needs_seven_on_one_side_and_the_mean_breaks_it():
    assert spc._shift([1] * 7) == [True] * 7
    assert spc._shift([1] * 6 + [-1]) == [False] * 7
    assert spc._shift([1, 1, 1, 0, 1, 1, 1, 1]) == [False] * 8
    assert spc._shift([-1] * 8) == [True] * 8


def test_two_in_three_flags_only_the_points_beyond_two_sigma():
    near = [False, True, False, True, False]
    assert spc._two_in_three(near, [1, 1, 1, 1, 1]) == near
    # the three points are not all on one side of the mean: no signal
    assert spc._two_in_three([True, False, True], [1, -1, 1]) == [False] * 3
    assert spc._two_in_three([True, False, False, True], [1, 1, 1, 1]) == [False] * 4


def test_rules_are_checked_in_order_on_a_whole_series():
    values = [50, 52, 48, 51, 49, 53, 47, 50, 51, 49, 45, 44, 43, 42, 41, 40, 39, 30]
    result = spc.analyse(values, "down")
    by_index = {p.index: p for p in result.points}
    assert by_index[17].rule == "outside limits"  # also part of the trend and the shift
    assert {"outside limits", "trend", "shift"} <= set(by_index[17].flags)
    assert by_index[11].rule == "trend" and by_index[11].verdict == "improvement"


def test_rebase_gives_each_segment_its_own_limits():
    values = [20, 21, 19, 20, 22, 21, 20, 10, 11, 9, 10, 12, 11, 10]
    result = spc.analyse(values, rebase=[7])
    first, second = result.segments
    assert first.mean == pytest.approx(fmean(values[:7]))
    assert second.mean == pytest.approx(fmean(values[7:]))
    assert second.start == 7
    assert result.segment_of(9) is second
    assert all(p.rule is None for p in result.points)  # no shift across the rebase


def test_short_series_gives_trial_limits_and_says_so():
    result = spc.analyse(STABLE[:8])
    assert result.segments[0].trial
    labels = [f"M{i}" for i in range(8)]
    text = spc.describe(result, labels, "ASB incidents")
    assert text[1] == "These are trial limits: the series has 8 points, fewer than 13."


def test_description_names_each_pattern_once():
    values = [*STABLE, 30]
    labels = [f"Month {i}" for i in range(len(values))]
    text = spc.describe(spc.analyse(values, "down"), labels, "Burglaries", "down")
    assert text[-1] == (
        "Outside the limits, a concern: one month above the upper process limit (Month 13)."
    )


def test_bad_arguments():
    with pytest.raises(ValueError):
        spc.analyse([1, 2, 3], improvement="sideways")
    with pytest.raises(ValueError):
        spc.analyse([1])
