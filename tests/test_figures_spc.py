"""SPC (XmR) limits, each special-cause rule, point types as NHSRplotthedots gives them,
baselines, targets and assurance, in exact arithmetic so every boundary can be tested."""

import itertools
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures import spc, spc_text
from committeepack.figures.spc import LIMIT, SCREEN, Segment, SpcOptions, SpcResult

from conftest import built_with_monthly_option

STABLE = [10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11, 12]
WIDE = [5, 15] * 6 + [10]  # a baseline with mean 10 and wide limits (-15.5 to 35.5)
LABELS = [f"M{i}" for i in range(80)]


def analyse(values, **options):
    return spc.analyse(values, SpcOptions(**options))


def types(values, **options) -> list[str]:
    return [p.special_cause_type for p in analyse(values, **options).points]


def test_limits_follow_making_data_count_exactly():
    [segment] = analyse(STABLE).segments
    ranges = [abs(b - a) for a, b in itertools.pairwise(STABLE)]
    assert segment.mean == Fraction(sum(STABLE), 13)
    assert segment.mean_moving_range == Fraction(sum(ranges), 12)
    assert segment.upper == segment.mean + Fraction(266, 100) * Fraction(sum(ranges), 12)
    assert segment.lower_two_sigma == segment.mean - Fraction(2 * 266, 300) * Fraction(
        sum(ranges), 12
    )
    assert not segment.trial and not segment.fixed
    assert all(p.verdict == "common cause" for p in analyse(STABLE).points)


def screened_series(jump: Fraction) -> list[Fraction]:
    """Ten moving ranges of 1, then one of ``jump``."""
    return [Fraction(i % 2) for i in range(11)] + [Fraction(0) + jump]


def test_a_moving_range_of_exactly_3267_times_the_mean_is_screened():
    # R = 3.267 (10 + R) / 11  gives  R = 32.67 / 7.733
    boundary = Fraction(3267 * 10, 1000) / Fraction(7733, 1000)
    segment = analyse(screened_series(boundary)).segments[0]
    assert boundary == SCREEN * Fraction(10 + boundary, 11)
    assert segment.screened == 1 and segment.mean_moving_range == 1
    just_under = analyse(screened_series(boundary - Fraction(1, 10**9))).segments[0]
    assert just_under.screened == 0
    unscreened = analyse(screened_series(boundary), screen=False).segments[0]
    assert unscreened.screened == 0 and unscreened.mean_moving_range == Fraction(10 + boundary, 11)


def test_a_point_exactly_on_a_limit_is_inside_it():
    limits = analyse(STABLE).segments[0]
    on_upper = analyse([*STABLE, limits.upper], baseline=13).points[-1]
    assert "outside limits" not in on_upper.flags
    above = analyse([*STABLE, limits.upper + Fraction(1, 10**9)], baseline=13).points[-1]
    assert above.rule == "outside limits" and above.special_cause_type == "Above UCL"
    on_lower = analyse([*STABLE, limits.lower], baseline=13).points[-1]
    assert "outside limits" not in on_lower.flags
    below = analyse([*STABLE, limits.lower - Fraction(1, 10**9)], baseline=13).points[-1]
    assert below.special_cause_type == "Below LCL"


def test_point_outside_limits_is_judged_by_the_good_direction():
    values = [*STABLE, 30]
    assert analyse(values, improvement="down").points[-1].verdict == "concern"
    assert analyse(values, improvement="up").points[-1].verdict == "improvement"
    assert analyse(values, improvement="neutral").points[-1].verdict == "neutral"


# NHSRplotthedots' own vectors (tests/testthat/test-ptd_calculate_point_type.R), as lists
def test_shift_vectors():
    assert spc._shift([]) == []
    assert spc._shift([1] * 6) == [False] * 6
    assert spc._shift([1] * 6 + [-1]) == [False] * 7
    assert spc._shift([1] * 8 + [-1]) == [True] * 8 + [False]
    assert spc._shift([-1] * 8 + [1]) == [True] * 8 + [False]
    assert spc._shift([1, 1, 1, 0, 1, 1, 1, 1]) == [False] * 8  # a point on the mean breaks it
    assert spc._shift([0] * 9) == [False] * 9  # points on the mean are no shift
    assert spc._shift([1] * 6, run=6) == [True] * 6


def test_trend_vectors():
    assert spc._trend([]) == []
    assert spc._trend(list(range(1, 7))) == [False] * 6
    assert spc._trend([1, 2, 3, 3, 4, 5, 6]) == [False] * 7  # a tie breaks the trend
    assert spc._trend(list(range(1, 8))) == [True] * 7
    assert spc._trend([2, *range(1, 8), 3]) == [False] + [True] * 7 + [False]
    assert spc._trend(list(range(7, 0, -1))) == [True] * 7
    assert spc._trend([2, *range(7, 0, -1), 3]) == [False] + [True] * 7 + [False]
    assert spc._trend(list(range(1, 7)), run=6) == [True] * 6


def test_two_in_three_vectors():
    for near in ([1, 0, 1], [0, 1, 1], [1, 1, 0]):
        assert spc._two_in_three([bool(n) for n in near], [1, 1, 1]) == [bool(n) for n in near]
        assert spc._two_in_three([bool(n) for n in near], [1, -1, 1]) == [False] * 3
    near = [False, False, True, False, True, False, False]
    assert spc._two_in_three(near, [1] * 7) == near
    assert spc._two_in_three(near, [1, -1] * 3 + [1]) == [False] * 7
    assert spc._two_in_three([True, False, False, True], [1] * 4) == [False] * 4
    assert spc._two_in_three([True, False, False, True, True], [1] * 5) == [
        False,
        False,
        False,
        True,
        True,
    ]


def test_trend_points_are_judged_by_the_trend_not_the_side_of_the_mean():
    # a rising trend that starts below the mean: all improvement when higher is better
    values = [20, 21, 19, 20, 22, 19, 21, 20, 21, 17, 18, 19, 20, 21, 22, 23]
    rising = analyse(values, improvement="up").points[9:]
    assert [p.rule for p in rising] == ["trend"] * 7
    assert [p.side for p in rising] == [-1] * 4 + [1] * 3
    assert {p.verdict for p in rising} == {"improvement"}
    assert {p.special_cause_type for p in rising} == {"7 Point Trend (Increasing)"}
    assert {p.verdict for p in analyse(values, improvement="down").points[9:]} == {"concern"}
    assert {p.verdict for p in analyse(values, improvement="neutral").points[9:]} == {"neutral"}


def test_a_trend_point_on_the_mean_takes_the_trends_direction():
    values = [0, 1, 2, 3, 4, 5, 6]  # the mean is 3, the fourth point
    points = analyse(values, improvement="up").points
    assert points[3].side == 0 and points[3].verdict == "improvement"
    assert analyse(values, improvement="down").points[3].verdict == "concern"


def test_the_peak_between_two_trends_goes_with_the_one_after_it():
    # NHSRplotthedots: a point in a trend whose next point is in one too takes the next step
    values = [*WIDE, *range(7, 14), *range(12, 6, -1)]
    kinds = types(values, baseline=13)[13:]
    assert kinds[5] == "7 Point Trend (Increasing)"
    assert kinds[6] == "7 Point Trend (Decreasing)"  # the peak
    assert kinds[7:] == ["7 Point Trend (Decreasing)"] * 6
    text = spc_text.describe(analyse(values, baseline=13), LABELS, "Calls")
    assert "A trend, a concern: 7 months in a row steadily rising (M13 to M19)." in text
    assert "A trend, an improvement: 7 months in a row steadily falling (M19 to M25)." in text


def test_falling_and_rising_trends_are_named_as_they_go():
    falling = [*WIDE, 13, 12, 11, 10, 9, 8, 7]
    text = spc_text.describe(analyse(falling, baseline=13), LABELS, "Burglaries")
    assert "A trend, an improvement: 7 months in a row steadily falling (M13 to M19)." in text
    rising = [*WIDE, 7, 8, 9, 10, 11, 12, 13]
    text = spc_text.describe(analyse(rising, baseline=13), LABELS, "Burglaries")
    assert "A trend, a concern: 7 months in a row steadily rising (M13 to M19)." in text


def test_shift_and_two_in_three_names():
    shift = [*WIDE, 11, 11, 11, 11, 11, 11, 11, 9, 9, 9, 9, 9, 9, 9]
    kinds = types(shift, baseline=13)[13:]
    assert kinds[:7] == ["7 Points Above CL"] * 7 and kinds[7:] == ["7 Points Below CL"] * 7
    assert types(shift, baseline=13, run=6)[13:] == kinds
    six = [*WIDE, 11, 11, 11, 11, 11, 11, 9]
    assert "7 Points Above CL" not in types(six, baseline=13)
    assert types(six, baseline=13, run=6)[13:19] == ["7 Points Above CL"] * 6
    near = [*WIDE, 30, 12, 30]  # 30 is beyond two sigma (27.0), inside the limit (35.5)
    assert types(near, baseline=13)[13:] == ["2 in 3 Above CL", "Common Cause", "2 in 3 Above CL"]


def test_rules_are_checked_in_order_on_a_whole_series():
    values = [50, 52, 48, 51, 49, 53, 47, 50, 51, 49, 45, 44, 43, 42, 41, 40, 39, 30]
    by_index = {p.index: p for p in analyse(values).points}
    assert by_index[17].rule == "outside limits"  # also part of the trend and the shift
    assert {"outside limits", "trend", "shift"} <= set(by_index[17].flags)
    assert by_index[11].rule == "trend" and by_index[11].verdict == "improvement"


def test_rebase_gives_each_segment_its_own_limits():
    values = [20, 21, 19, 20, 22, 21, 20, 10, 11, 9, 10, 12, 11, 10]
    result = analyse(values, rebase=(7,))
    first, second = result.segments
    assert first.mean == Fraction(sum(values[:7]), 7)
    assert second.mean == Fraction(sum(values[7:]), 7) and second.start == 7
    assert result.segment_of(9) is second
    assert all(p.rule is None for p in result.points)  # no shift across the rebase


def test_a_baseline_fixes_the_limits_and_later_points_are_judged_against_them():
    values = [*WIDE, 8, 8, 8, 8, 8, 8, 8]
    fixed = analyse(values, baseline=13)
    [segment] = fixed.segments
    assert segment.mean == 10 and segment.fixed
    assert [p.rule for p in fixed.points[13:]] == ["shift"] * 7
    assert analyse(values).segments[0].mean != segment.mean
    text = spc_text.describe(fixed, LABELS, "Calls")
    assert (
        text[1]
        == "The limits were set from the 13 months M0 to M12 and later months are judged against them."
    )
    until = analyse(values, baseline_ends=(12,))
    assert until.segments[0].baseline == 13


def test_a_baseline_applies_to_each_segment():
    values = [*STABLE, *[v + 40 for v in STABLE], 60]
    result = analyse(values, rebase=(13,), baseline=12)
    assert [s.baseline for s in result.segments] == [12, 12]
    assert result.segments[1].mean == Fraction(sum(STABLE[:12]) + 40 * 12, 12)
    short = analyse(values, rebase=(13,), baseline_ends=(20,))
    assert [s.baseline for s in short.segments] == [13, 8]
    assert "These are trial limits: the baseline has 8 points, fewer than 13." in spc_text.describe(
        short, LABELS, "Calls"
    )


def limits(lower: int, mean: int, upper: int) -> Segment:
    spread = Fraction(upper - mean) / LIMIT
    assert mean - LIMIT * spread == lower
    return Segment(0, [Fraction(mean)] * 2, 2, Fraction(mean), spread, 0)


@pytest.mark.parametrize(
    ("segment", "up", "down"),
    [  # NHSRplotthedots' assurance vectors: target 4
        (limits(1, 2, 3), "consistently failing", "consistently passing"),
        (limits(5, 6, 7), "consistently passing", "consistently failing"),
        (limits(1, 3, 5), "inconsistent", "inconsistent"),
        (limits(2, 3, 4), "inconsistent", "inconsistent"),  # the target on a limit
        (limits(4, 5, 6), "inconsistent", "inconsistent"),
    ],
)
def test_assurance(segment, up, down):
    target = Fraction(4)
    assert SpcResult([segment], SpcOptions("up", target=target)).assurance == up
    assert SpcResult([segment], SpcOptions("down", target=target)).assurance == down
    assert SpcResult([segment], SpcOptions("neutral", target=target)).assurance is None
    assert SpcResult([segment], SpcOptions("up")).assurance is None


def test_assurance_in_words():
    result = analyse(STABLE, improvement="down", target=Fraction(30))
    assert spc_text.describe(result, LABELS, "Calls")[-1] == (
        "Against the target of 30, the process limits lie on the right side of the target, "
        "so the target will be met month after month unless the process changes."
    )
    straddled = analyse(STABLE, improvement="down", target=Fraction(23, 2))
    assert "straddle the target" in spc_text.describe(straddled, LABELS, "Calls")[-1]


def test_neutral_signals_are_described_as_neither():
    text = spc_text.describe(analyse([*STABLE, 30], improvement="neutral"), LABELS, "Calls")
    assert text[-1] == (
        "Outside the limits, neither an improvement nor a concern: one month above the upper "
        "process limit (M13)."
    )


def test_short_series_gives_trial_limits_and_says_so():
    result = analyse(STABLE[:8])
    assert result.segments[0].trial
    text = spc_text.describe(result, LABELS, "ASB incidents")
    assert text[1] == "These are trial limits: the series has 8 points, fewer than 13."
    assert not analyse(STABLE[:13]).segments[0].trial


def test_the_method_states_the_options():
    default = spc_text.method(SpcOptions())
    assert "leaving out moving ranges of 3.267 times" in default and "run of 7 months" in default
    other = spc_text.method(SpcOptions(screen=False, run=6, baseline=12))
    assert "leaving out" not in other and "run of 6 months" in other
    assert "first 12 months" in other


def test_bad_arguments():
    for options in (
        SpcOptions(improvement="sideways"),
        SpcOptions(run=5),
        SpcOptions(baseline=1),
        SpcOptions(baseline_ends=(0,)),
        SpcOptions(rebase=(3,)),
    ):
        with pytest.raises(ValueError):
            spc.analyse([1, 2, 3], options)
    with pytest.raises(ValueError):
        spc.analyse([1])


SERIES = st.lists(st.integers(0, 60), min_size=2, max_size=48)


@given(SERIES, st.sampled_from(["up", "down", "neutral"]), st.sampled_from([6, 7]))
def test_every_signal_has_a_direction_and_a_verdict_that_agree(values, improvement, run):
    wanted = spc.DIRECTIONS[improvement]
    for point in analyse(values, improvement=improvement, run=run).points:
        if point.rule is None:
            assert point.verdict == "common cause" and point.direction == 0
            continue
        assert point.direction in (1, -1)
        if point.rule != "trend":
            assert point.direction == point.side
        expected = (
            "neutral" if wanted == 0 else "improvement" if point.direction == wanted else "concern"
        )
        assert point.verdict == expected


@given(SERIES)
def test_the_description_names_every_signal_once(values):
    result = analyse(values)
    text = spc_text.describe(result, LABELS, "Calls")
    signals = [p for p in result.points if p.rule]
    assert bool(signals) != any("common cause" in t for t in text)


# NHSRplotthedots' expected values (tests/testthat/_snaps/ptd_spc_standard.md and ptd_spc.md):
# set.seed(123); y <- rnorm(20), as R prints them
RNORM = [
    Fraction(v)
    for v in [
        "-0.56047565",
        "-0.23017749",
        "1.55870831",
        "0.07050839",
        "0.12928774",
        "1.71506499",
        "0.46091621",
        "-1.26506123",
        "-0.68685285",
        "-0.44566197",
        "1.22408180",
        "0.35981383",
        "0.40077145",
        "0.11068272",
        "-0.55584113",
        "1.78691314",
        "0.49785048",
        "-1.96661716",
        "0.70135590",
        "-0.47279141",
    ]
]
OUTLIER = [*RNORM[:14], Fraction(10), *RNORM[15:]]


@pytest.mark.parametrize(
    ("values", "options", "expected"),
    [
        (RNORM, {}, [("0.1416238", "-3.01138", "3.294627")]),
        (OUTLIER, {}, [("0.6694159", "-2.383666", "3.722497")]),
        (OUTLIER, {"screen": False}, [("0.6694159", "-4.596625", "5.935457")]),
        # two facets of ten points each, as two segments
        (RNORM, {"rebase": (10,)}, [("0.0746", "-2.60", "2.75"), ("0.209", "-3.28", "3.70")]),
    ],
)
def test_means_and_limits_match_nhsrplotthedots(values, options, expected):
    segments = analyse(values, **options).segments
    assert len(segments) == len(expected)
    for segment, (mean, lower, upper) in zip(segments, expected, strict=True):
        for value, printed in (
            (segment.mean, mean),
            (segment.lower, lower),
            (segment.upper, upper),
        ):
            places = len(printed.split(".")[1])
            assert round(float(value), places) == float(printed), (value, printed)


def test_nhsrplotthedots_random_series_is_all_common_cause():
    assert {p.special_cause_type for p in analyse(RNORM, improvement="up").points} == {
        "Common Cause"
    }


def test_fixing_after_12_points_changes_the_limits_as_in_nhsrplotthedots():
    fixed = analyse(RNORM, baseline=12).segments[0]
    whole = analyse(RNORM).segments[0]
    assert fixed.lower != whole.lower and fixed.upper != whole.upper
    assert fixed.mean == sum(RNORM[:12], Fraction(0)) / 12


def test_two_points_close_to_opposite_limits_are_common_cause():
    # NHSRplotthedots: symmetrical data with 5.5 then -5.5 at the end
    values = [Fraction(v) for v in [1, -1] * 7 + [Fraction(11, 2), Fraction(-11, 2)]]
    assert [p.verdict for p in analyse(values, improvement="up").points[-2:]] == [
        "common cause",
        "common cause",
    ]


def slow_point_types(values: list[Fraction], run: int, screen: bool) -> list[str]:
    """A plain re-implementation of NHSRplotthedots' point types, one rule at a time, for a
    single segment: written from its R code, not from the module under test."""
    n = len(values)
    mean = sum(values, Fraction(0)) / n
    ranges = [abs(values[i] - values[i - 1]) for i in range(1, n)]
    average = sum(ranges, Fraction(0)) / len(ranges)
    if screen:
        kept = [r for r in ranges if r < Fraction(3267, 1000) * average]
        average = sum(kept, Fraction(0)) / len(kept) if kept else Fraction(0)
    upper, lower = mean + Fraction(266, 100) * average, mean - Fraction(266, 100) * average
    near_up = mean + Fraction(2, 3) * Fraction(266, 100) * average
    near_down = mean - Fraction(2, 3) * Fraction(266, 100) * average
    side = [1 if v > mean else -1 if v < mean else 0 for v in values]
    outside = [v > upper or v < lower for v in values]
    close = [not outside[i] and (values[i] > near_up or values[i] < near_down) for i in range(n)]
    trend_end = [0] * n
    for i in range(run - 1, n):
        diffs = [values[j] - values[j - 1] for j in range(i - run + 2, i + 1)]
        trend_end[i] = 1 if all(d > 0 for d in diffs) else -1 if all(d < 0 for d in diffs) else 0
    in_trend = [any(trend_end[j] for j in range(i, min(i + run, n))) for i in range(n)]
    shift_end = [
        i >= run - 1 and side[i] != 0 and len(set(side[i - run + 1 : i + 1])) == 1 for i in range(n)
    ]
    in_shift = [any(shift_end[j] for j in range(i, min(i + run, n))) for i in range(n)]
    in_two = [False] * n
    for i in range(n):
        for start in (i - 2, i - 1, i):
            window = [j for j in range(start, start + 3) if 0 <= j < n]
            two_close = len(window) == 3 and sum(close[j] for j in window) >= 2
            if two_close and abs(sum(side[j] for j in window)) == 3 and close[i]:
                in_two[i] = True
    kinds = []
    for i in range(n):
        above = "Above" if side[i] > 0 else "Below"
        if outside[i]:
            kinds.append("Above UCL" if side[i] == 1 else "Below LCL")
        elif in_trend[i]:
            if i + 1 < n and in_trend[i + 1]:
                step = values[i + 1] - values[i]
            else:
                step = values[i] - values[i - 1]
            kinds.append(f"7 Point Trend ({'In' if step > 0 else 'De'}creasing)")
        elif in_two[i]:
            kinds.append(f"2 in 3 {above} CL")
        elif in_shift[i]:
            kinds.append(f"7 Points {above} CL")
        else:
            kinds.append("Common Cause")
    return kinds


@given(
    st.lists(st.integers(0, 30), min_size=2, max_size=40),
    st.sampled_from([6, 7]),
    st.booleans(),
)
def test_point_types_equal_a_slow_re_implementation(values, run, screen):
    fractions = [Fraction(v) for v in values]
    assert types(fractions, run=run, screen=screen) == slow_point_types(fractions, run, screen)


def test_a_point_exactly_on_the_two_sigma_line_is_not_close_to_the_limit():
    limits = analyse(WIDE).segments[0]
    on_line = [*WIDE, limits.upper_two_sigma, 12, limits.upper_two_sigma]
    assert "two in three" not in {r for p in analyse(on_line, baseline=13).points for r in p.flags}
    beyond = limits.upper_two_sigma + Fraction(1, 10**9)
    flagged = analyse([*WIDE, beyond, 12, beyond], baseline=13).points
    assert [p.rule for p in flagged[13:]] == ["two in three", None, "two in three"]
    low = limits.lower_two_sigma
    assert "two in three" not in {
        r for p in analyse([*WIDE, low, 8, low], baseline=13).points for r in p.flags
    }


def test_the_smallest_accepted_options():
    assert len(analyse([1, 2]).points) == 2
    assert analyse([1, 2, 3], baseline=2).segments[0].baseline == 2
    assert analyse([1, 2, 3], baseline_ends=(2,)).segments[0].baseline == 3
    assert analyse([1, 2, 3], baseline_ends=(1,)).segments[0].baseline == 2
    assert [s.start for s in analyse([1, 2, 3], rebase=(2,)).segments] == [0, 2]
    for bad in (SpcOptions(baseline_ends=(3,)), SpcOptions(rebase=(3,)), SpcOptions(rebase=(-1,))):
        with pytest.raises(ValueError):
            spc.analyse([1, 2, 3], bad)


def test_a_baseline_longer_than_its_segment_uses_the_whole_segment():
    result = analyse([*STABLE, *STABLE], rebase=(13,), baseline=20)
    assert [s.baseline for s in result.segments] == [13, 13]
    assert not any(s.fixed for s in result.segments)
    ended = analyse([*STABLE, *STABLE], rebase=(13,), baseline_ends=(13,))
    assert [s.baseline for s in ended.segments] == [13, 13]  # an end at a segment's start


def test_a_rebase_at_the_first_point_changes_nothing():
    assert [s.start for s in analyse(STABLE, rebase=(0,)).segments] == [0]
    assert analyse(STABLE, rebase=(0,)).segments[0].mean == analyse(STABLE).segments[0].mean


@pytest.mark.parametrize(
    ("rebase", "problem"),
    [
        ('["2024-03"]', None),  # two months before it
        ('["2025-01"]', None),  # two months from it to the end
        ('["2024-03", "2024-05"]', None),
        ('["2024-01"]', "2024-01 is the table's first month: a rebase there changes nothing"),
        ('["2024-02"]', "a rebase at 2024-02 leaves 2024-01 a segment of its own"),
        ('["2025-02"]', "a rebase at 2025-02 leaves 2025-02 a segment of its own"),
        ('["2024-06", "2024-07"]', "a rebase at 2024-07 leaves 2024-06 a segment of its own"),
        ('["2024-06", "2024-06"]', "2024-06 is given twice; give each month once"),
    ],
)
def test_a_rebase_leaves_every_segment_two_months_or_more(figures, rebase, problem):
    # a rebase at the last month drew "limits of 179.0 and 179.0" from one month
    said = built_with_monthly_option(figures, f"rebase = {rebase}")
    if problem is None:
        assert said is None, said
    else:
        assert said.startswith(f"Error: committeepack.toml:69: tables.monthly.rebase: {problem}")
