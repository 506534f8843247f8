"""Statistical process control (XmR) charts of monthly counts, the "Making Data Count" way.

Centre line: the mean. Moving ranges: absolute differences of consecutive points; by default
those at or above 3.267 times their mean are screened out and the mean moving range worked out
once more. Process limits: mean +/- 2.66 x mean moving range; two-sigma lines at
mean +/- 1.7733 x mean moving range. Each rebase starts a segment with its own mean and limits.

Special-cause rules, checked per point in this order (the first that applies names the point):
1. the point is strictly outside the process limits;
2. it is part of a trend: 7 points with 6 consecutive steps strictly up (or down);
3. it is one of two (or three) of three consecutive points beyond a two-sigma line, inside the
   limits, with all three points on the same side of the mean;
4. it is part of a shift: 7 consecutive points on the same side of the mean (a point on the
   mean breaks the run).
A special-cause point is an improvement when it lies on the side of the mean the measure wants
(below it, for most crime counts), a concern on the other side, or neutral.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from statistics import fmean

from .sentences import mid_sentence

LIMIT = 2.66
TWO_SIGMA = 2 * LIMIT / 3  # 1.7733...
SCREEN = 3.267
RUN = 7
MINIMUM_POINTS = 13  # fewer points than this give trial limits

RULES = ("outside limits", "trend", "two in three", "shift")


@dataclass
class Segment:
    """One stretch of the series between rebases, with its own centre line and limits."""

    start: int  # index of its first point
    values: list[float]
    mean: float
    mean_moving_range: float
    screened: int  # moving ranges screened out

    @property
    def upper(self) -> float:
        """Upper process limit."""
        return self.mean + LIMIT * self.mean_moving_range

    @property
    def lower(self) -> float:
        """Lower process limit."""
        return self.mean - LIMIT * self.mean_moving_range

    @property
    def upper_two_sigma(self) -> float:
        """Upper two-sigma line."""
        return self.mean + TWO_SIGMA * self.mean_moving_range

    @property
    def lower_two_sigma(self) -> float:
        """Lower two-sigma line."""
        return self.mean - TWO_SIGMA * self.mean_moving_range

    @property
    def trial(self) -> bool:
        """True when the segment is too short for settled limits."""
        return len(self.values) < MINIMUM_POINTS


@dataclass
class Point:
    """A point of the chart and what the rules say of it."""

    index: int
    value: float
    rule: str | None = None  # one of RULES, or None for common cause
    side: int = 0  # +1 above the mean, -1 below, 0 on it
    verdict: str = "common cause"  # improvement, concern, neutral or common cause
    flags: tuple[str, ...] = ()  # every rule that flags the point, in rule order


@dataclass
class SpcResult:
    """The segments, the points and their signals."""

    segments: list[Segment]
    points: list[Point] = field(default_factory=list)

    def segment_of(self, index: int) -> Segment:
        """The segment a point belongs to."""
        return next(s for s in reversed(self.segments) if s.start <= index)


def analyse(
    values: list[float],
    improvement: str = "down",
    rebase: list[int] | None = None,
    screen: bool = True,
) -> SpcResult:
    """Work out limits and signals for ``values``.

    ``improvement`` is ``up``, ``down`` or ``neutral``; ``rebase`` lists the indexes at which a
    new segment starts; ``screen`` turns the moving-range screening on (the default) or off.
    """
    if improvement not in ("up", "down", "neutral"):
        raise ValueError(f"improvement must be up, down or neutral, not {improvement!r}")
    starts = sorted({0, *(rebase or [])})
    if any(not 0 <= s < len(values) for s in starts) or len(values) < 2:
        raise ValueError("a series needs at least two points and rebases inside it")
    bounds = [*starts, len(values)]
    result = SpcResult([])
    for start, end in itertools.pairwise(bounds):
        segment = _segment(start, [float(v) for v in values[start:end]], screen)
        result.segments.append(segment)
        result.points.extend(_points(segment, improvement))
    return result


def _segment(start: int, values: list[float], screen: bool) -> Segment:
    mean = fmean(values)
    ranges = [abs(b - a) for a, b in itertools.pairwise(values)]
    mean_range = fmean(ranges) if ranges else 0.0
    screened = 0
    if screen and ranges:
        kept = [r for r in ranges if r < SCREEN * mean_range]
        screened = len(ranges) - len(kept)
        mean_range = fmean(kept) if kept else 0.0
    return Segment(start, values, mean, mean_range, screened)


def _points(segment: Segment, improvement: str) -> list[Point]:
    values = segment.values
    sides = [(v > segment.mean) - (v < segment.mean) for v in values]
    outside = [v > segment.upper or v < segment.lower for v in values]
    near = [
        not out and (v > segment.upper_two_sigma or v < segment.lower_two_sigma)
        for v, out in zip(values, outside, strict=True)
    ]
    flags = {
        "outside limits": outside,
        "trend": _trend(values),
        "two in three": _two_in_three(near, sides),
        "shift": _shift(sides),
    }
    wanted = {"up": 1, "down": -1, "neutral": 0}[improvement]
    points = []
    for i, value in enumerate(values):
        point = Point(segment.start + i, value, side=sides[i])
        point.flags = tuple(rule for rule in RULES if flags[rule][i])
        point.rule = point.flags[0] if point.flags else None
        if point.rule is not None:
            if wanted == 0:
                point.verdict = "neutral"
            else:
                point.verdict = "improvement" if sides[i] == wanted else "concern"
        points.append(point)
    return points


def _mark_runs(ends: list[bool], length: int) -> list[bool]:
    """Mark every point of each run of ``length`` that ends at a flagged index."""
    marked = [False] * len(ends)
    for i, end in enumerate(ends):
        if end:
            for j in range(i - length + 1, i + 1):
                marked[j] = True
    return marked


def _shift(sides: list[int]) -> list[bool]:
    ends = [
        i >= RUN - 1 and sides[i] != 0 and all(s == sides[i] for s in sides[i - RUN + 1 : i])
        for i in range(len(sides))
    ]
    return _mark_runs(ends, RUN)


def _trend(values: list[float]) -> list[bool]:
    steps = [(b > a) - (b < a) for a, b in itertools.pairwise(values)]
    ends = [False] * len(values)
    for i in range(RUN - 1, len(values)):
        window = steps[i - RUN + 1 : i]
        ends[i] = window[0] != 0 and all(step == window[0] for step in window)
    return _mark_runs(ends, RUN)


def _two_in_three(near: list[bool], sides: list[int]) -> list[bool]:
    flagged = [False] * len(near)
    for start in range(len(near) - 2):
        window = range(start, start + 3)
        same_side = sides[start] != 0 and all(sides[i] == sides[start] for i in window)
        if same_side and sum(near[i] for i in window) >= 2:
            for i in window:
                flagged[i] = flagged[i] or near[i]
    return flagged


def describe(
    result: SpcResult, labels: list[str], measure: str, improvement: str = "down"
) -> list[str]:
    """Plain-English sentences on the limits and signals of ``result``.

    ``labels`` names each point (``Sep 2025``). Each pattern is described once, as a whole:
    a shift or trend by its first and last month, points outside the limits by month.
    """
    sentences = []
    for number, segment in enumerate(result.segments):
        lead = ""
        if len(result.segments) > 1:
            end = labels[segment.start + len(segment.values) - 1]
            lead = f"From {labels[segment.start]} to {end}, "
        name = mid_sentence(measure) if lead else measure
        lead += (
            f"{name} averaged {segment.mean:,.1f} a month, with process limits of "
            f"{max(segment.lower, 0):,.1f} and {segment.upper:,.1f}"
        )
        sentences.append((lead[0].upper() + lead[1:]) + ".")
        if segment.trial:
            sentences.append(
                f"These are trial limits: the {'segment' if number else 'series'} "
                f"has {len(segment.values)} points, fewer than {MINIMUM_POINTS}."
            )
    found = False
    for rule in RULES:
        for points in _runs(result.points, rule):
            found = True
            sentences.append(_pattern(rule, points, labels, improvement))
    if not found:
        sentences.append(
            "Every month lies within the limits with no special-cause pattern: "
            "the variation is common cause."
        )
    return sentences


def _pattern(rule: str, points: list[Point], labels: list[str], improvement: str) -> str:
    first, last = labels[points[0].index], labels[points[-1].index]
    months = first if len(points) == 1 else f"{first} to {last}"
    if rule == "trend":
        rising = points[-1].value > points[0].value
        text = (
            f"{len(points)} months in a row steadily {'rising' if rising else 'falling'} ({months})"
        )
        side = 1 if rising else -1
    elif rule == "shift":
        side = points[0].side
        text = (
            f"{len(points)} months in a row {'above' if side > 0 else 'below'} "
            f"the average ({months})"
        )
    else:
        side = points[0].side
        where = "above the upper" if side > 0 else "below the lower"
        count = "one month" if len(points) == 1 else f"{len(points)} months"
        if rule == "outside limits":
            text = f"{count} {where} process limit ({months})"
        else:
            text = f"{count} close to the {where.split()[-1]} process limit ({months})"
    wanted = {"up": 1, "down": -1, "neutral": 0}[improvement]
    verdict = "worth noting" if wanted == 0 else "an improvement" if side == wanted else "a concern"
    kind = {
        "outside limits": "Outside the limits",
        "trend": "A trend",
        "two in three": "Close to a limit",
        "shift": "A shift",
    }[rule]
    return f"{kind}, {verdict}: {text}."


def _runs(points: list[Point], rule: str) -> list[list[Point]]:
    """Maximal runs of consecutive points that ``rule`` flags, on the same side."""
    runs: list[list[Point]] = []
    for point in points:
        if rule not in point.flags:
            continue
        last = runs[-1] if runs else None
        if (
            last
            and last[-1].index == point.index - 1
            and (rule == "trend" or last[-1].side == point.side)
        ):
            last.append(point)
        else:
            runs.append([point])
    return runs
