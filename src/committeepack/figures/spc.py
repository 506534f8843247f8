"""Statistical process control (XmR) charts of monthly counts, to the "Making Data Count"
standard as NHSRplotthedots computes it, in exact arithmetic.

Centre line: the mean of the baseline (every point of the segment unless limits are fixed
after N points). Moving ranges: absolute differences of consecutive baseline points; with
screening on (the default) those at or above 3.267 times their mean are left out and the mean
worked out once more. Process limits: mean +/- 2.66 x mean moving range; two-sigma lines at
mean +/- (2/3 x 2.66) x mean moving range. Each rebase starts a segment with its own baseline.

Special-cause rules, checked per point in this order (the first that applies names the point):
1. the point is strictly outside the process limits;
2. it is part of a trend: ``run`` points (7 by default, or 6) each strictly higher (or lower)
   than the one before;
3. it is one of two (or three) of three consecutive points beyond a two-sigma line, inside the
   limits, with all three on the same side of the mean;
4. it is part of a shift: ``run`` consecutive points on the same side of the mean (a point on
   the mean breaks the run).
A special cause has a direction: up or down. For a trend point it is the trend's direction
(the step after the point, or before it at the trend's end), wherever the point lies; for the
other rules it is the side of the mean. An upward signal is an improvement when higher is
better, a concern when lower is better, and neutral (neither) when the measure has no good
direction.

Assurance (whether a target will be met), from the last segment's limits: a target beyond the
limits on the bad side is consistently passed, on the good side consistently failed; a target
between the limits (or on one) will be hit and missed by chance.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from fractions import Fraction

LIMIT = Fraction(266, 100)
TWO_SIGMA = 2 * LIMIT / 3
SCREEN = Fraction(3267, 1000)
RUN = 7
MINIMUM_POINTS = 13  # a baseline shorter than this gives trial limits (as NHSRplotthedots warns)
RULES = ("outside limits", "trend", "two in three", "shift")
DIRECTIONS = {"up": 1, "down": -1, "neutral": 0}
VERDICTS = ("improvement", "concern", "neutral", "common cause")
ASSURANCES = ("consistently passing", "consistently failing", "inconsistent")


@dataclass(frozen=True)
class SpcOptions:
    """How a series is analysed: its good direction, rebases, baseline, run length, target."""

    improvement: str = "down"
    rebase: tuple[int, ...] = ()  # indexes at which a new segment starts
    screen: bool = True
    run: int = RUN  # points in a shift or a trend: 7 (NHSRplotthedots) or 6
    baseline: int | None = None  # limits from the first N points of each segment
    baseline_ends: tuple[int, ...] = ()  # or: the last baseline point of a segment
    target: Fraction | None = None

    def check(self, length: int) -> None:
        """Raise ValueError when the options cannot apply to a series of ``length`` points."""
        if self.improvement not in DIRECTIONS:
            raise ValueError(f"improvement must be up, down or neutral, not {self.improvement!r}")
        if length < 2 or any(not 0 <= s < length for s in self.rebase):
            raise ValueError("a series needs at least two points and rebases inside it")
        if self.run not in (6, 7):
            raise ValueError("a run is 6 or 7 points")
        if self.baseline is not None and self.baseline < 2:
            raise ValueError("a baseline needs at least two points")
        if any(not 0 < e < length for e in self.baseline_ends):
            raise ValueError("a baseline ends at a point after the first")


@dataclass
class Segment:
    """One stretch of the series between rebases, with its own centre line and limits."""

    start: int  # index of its first point
    values: list[Fraction]
    baseline: int  # how many of its first points set the limits
    mean: Fraction
    mean_moving_range: Fraction
    screened: int  # moving ranges screened out

    @property
    def upper(self) -> Fraction:
        """Upper process limit."""
        return self.mean + LIMIT * self.mean_moving_range

    @property
    def lower(self) -> Fraction:
        """Lower process limit."""
        return self.mean - LIMIT * self.mean_moving_range

    @property
    def upper_two_sigma(self) -> Fraction:
        """Upper two-sigma line."""
        return self.mean + TWO_SIGMA * self.mean_moving_range

    @property
    def lower_two_sigma(self) -> Fraction:
        """Lower two-sigma line."""
        return self.mean - TWO_SIGMA * self.mean_moving_range

    @property
    def fixed(self) -> bool:
        """True when later points are judged against limits set by the first ones."""
        return self.baseline < len(self.values)

    @property
    def trial(self) -> bool:
        """True when the baseline is too short for settled limits."""
        return self.baseline < MINIMUM_POINTS


@dataclass
class Point:
    """A point of the chart and what the rules say of it."""

    index: int
    value: Fraction
    rule: str | None = None  # one of RULES, or None for common cause
    side: int = 0  # +1 above the mean, -1 below, 0 on it
    direction: int = 0  # of the special cause: +1 up, -1 down, 0 for common cause
    verdict: str = "common cause"  # one of VERDICTS
    flags: tuple[str, ...] = ()  # every rule that flags the point, in rule order

    @property
    def special_cause_type(self) -> str:
        """NHSRplotthedots' name for the point's signal (``7 Point Trend (Increasing)``)."""
        above = "Above" if self.side > 0 else "Below"
        if self.rule == "outside limits":
            return "Above UCL" if self.side == 1 else "Below LCL"
        if self.rule == "trend":
            return f"7 Point Trend ({'In' if self.direction == 1 else 'De'}creasing)"
        if self.rule == "two in three":
            return f"2 in 3 {above} CL"
        if self.rule == "shift":
            return f"7 Points {above} CL"
        return "Common Cause"


@dataclass
class SpcResult:
    """The segments, the points and their signals, and the assurance against a target."""

    segments: list[Segment]
    options: SpcOptions = field(default_factory=SpcOptions)
    points: list[Point] = field(default_factory=list)

    def segment_of(self, index: int) -> Segment:
        """The segment a point belongs to."""
        return next(s for s in reversed(self.segments) if s.start <= index)

    @property
    def assurance(self) -> str | None:
        """One of ASSURANCES from the last segment's limits; None with no target or no
        good direction."""
        target, wanted = self.options.target, DIRECTIONS[self.options.improvement]
        if target is None or wanted == 0:
            return None
        last = self.segments[-1]
        if target > last.upper:
            return "consistently failing" if wanted > 0 else "consistently passing"
        if target < last.lower:
            return "consistently passing" if wanted > 0 else "consistently failing"
        return "inconsistent"


def analyse(values: list, options: SpcOptions | None = None) -> SpcResult:
    """Work out limits, signals and assurance for ``values`` (exact: ints or Fractions)."""
    options = options or SpcOptions()
    options.check(len(values))
    starts = sorted({0, *options.rebase})
    result = SpcResult([], options)
    for start, end in itertools.pairwise([*starts, len(values)]):
        points = [Fraction(v) for v in values[start:end]]
        segment = _segment(start, points, _baseline(start, end, options), options.screen)
        result.segments.append(segment)
        result.points.extend(_points(segment, options))
    return result


def _baseline(start: int, end: int, options: SpcOptions) -> int:
    ends = [e for e in options.baseline_ends if start < e < end]
    if ends:
        return min(ends) - start + 1
    if options.baseline is not None:
        return min(options.baseline, end - start)
    return end - start


def _segment(start: int, values: list[Fraction], baseline: int, screen: bool) -> Segment:
    fixed = values[:baseline]
    mean = sum(fixed, Fraction(0)) / len(fixed)
    ranges = [abs(b - a) for a, b in itertools.pairwise(fixed)]
    mean_range = _mean(ranges)
    screened = 0
    if screen and ranges:
        kept = [r for r in ranges if r < SCREEN * mean_range]
        screened = len(ranges) - len(kept)
        mean_range = _mean(kept)
    return Segment(start, values, baseline, mean, mean_range, screened)


def _mean(values: list[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values) if values else Fraction(0)


def _points(segment: Segment, options: SpcOptions) -> list[Point]:
    values = segment.values
    sides = [(v > segment.mean) - (v < segment.mean) for v in values]
    outside = [v > segment.upper or v < segment.lower for v in values]
    near = [
        not out and (v > segment.upper_two_sigma or v < segment.lower_two_sigma)
        for v, out in zip(values, outside, strict=True)
    ]
    trend = _trend(values, options.run)
    flags = {
        "outside limits": outside,
        "trend": trend,
        "two in three": _two_in_three(near, sides),
        "shift": _shift(sides, options.run),
    }
    steps = _trend_steps(values, trend)
    wanted = DIRECTIONS[options.improvement]
    points = []
    for i, value in enumerate(values):
        point = Point(segment.start + i, value, side=sides[i])
        point.flags = tuple(rule for rule in RULES if flags[rule][i])
        point.rule = point.flags[0] if point.flags else None
        if point.rule is not None:
            point.direction = steps[i] if point.rule == "trend" else (1 if sides[i] > 0 else -1)
            point.verdict = (
                "neutral"
                if wanted == 0
                else "improvement"
                if point.direction == wanted
                else "concern"
            )
        points.append(point)
    return points


def _trend_steps(values: list[Fraction], trend: list[bool]) -> list[int]:
    """Each trend point's direction as NHSRplotthedots gives it: the step after the point when
    the next point is in a trend too, otherwise the step before it (no rise counts as down)."""
    steps = [0] * len(values)
    for i in range(len(values)):
        if i + 1 < len(values) and trend[i] and trend[i + 1]:
            step = values[i + 1] - values[i]
        else:
            step = values[i] - values[i - 1] if i else Fraction(0)
        steps[i] = 1 if step > 0 else -1
    return steps


def _mark_runs(ends: list[bool], length: int) -> list[bool]:
    """Mark every point of each run of ``length`` that ends at a flagged index."""
    marked = [False] * len(ends)
    for i, end in enumerate(ends):
        if end:
            for j in range(i - length + 1, i + 1):
                marked[j] = True
    return marked


def _shift(sides: list[int], run: int = RUN) -> list[bool]:
    ends = [
        i >= run - 1 and sides[i] != 0 and all(s == sides[i] for s in sides[i - run + 1 : i])
        for i in range(len(sides))
    ]
    return _mark_runs(ends, run)


def _trend(values: list, run: int = RUN) -> list[bool]:
    steps = [(b > a) - (b < a) for a, b in itertools.pairwise(values)]
    ends = [False] * len(values)
    for i in range(run - 1, len(values)):
        window = steps[i - run + 1 : i]
        ends[i] = window[0] != 0 and all(step == window[0] for step in window)
    return _mark_runs(ends, run)


def _two_in_three(near: list[bool], sides: list[int]) -> list[bool]:
    flagged = [False] * len(near)
    for start in range(len(near) - 2):
        window = range(start, start + 3)
        same_side = sides[start] != 0 and all(sides[i] == sides[start] for i in window)
        if same_side and sum(near[i] for i in window) >= 2:
            for i in window:
                flagged[i] = flagged[i] or near[i]
    return flagged
