"""What an SPC analysis says, in plain English: the limits, each special-cause pattern, the
assurance against a target, and the method the assessment states."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .compute import format_fixed
from .sentences import mid_sentence, number
from .spc import LIMIT, MINIMUM_POINTS, RULES, SCREEN, Point, SpcOptions, SpcResult

VERDICT_WORDS = {
    "improvement": "an improvement",
    "concern": "a concern",
    "neutral": "neither an improvement nor a concern",
}
KINDS = {
    "outside limits": "Outside the limits",
    "trend": "A trend",
    "two in three": "Close to a limit",
    "shift": "A shift",
}
ASSURANCE_WORDS = {
    "consistently passing": "the process limits lie on the right side of the target, so "
    "the target will be met month after month unless the process changes",
    "consistently failing": "the process limits lie on the wrong side of the target, so "
    "the target will be missed month after month unless the process changes",
    "inconsistent": "the process limits straddle the target, so whether it is met will vary "
    "from month to month",
}


def one_place(value: Fraction) -> str:
    """A figure to one decimal place with thousands separators (``1,204.5``)."""
    return format_fixed(value, 1)


def describe(result: SpcResult, labels: list[str], measure: str) -> list[str]:
    """Plain-English sentences on the limits, signals and assurance of ``result``.

    ``labels`` names each point (``Sep 2025``). Each pattern is described once, as a whole:
    a shift or trend by its first and last month, points outside the limits by month.
    """
    sentences = []
    for number_, segment in enumerate(result.segments):
        lead = ""
        end = segment.start + len(segment.values) - 1
        if len(result.segments) > 1:
            lead = f"From {labels[segment.start]} to {labels[end]}, "
        name = mid_sentence(measure) if lead else measure
        lead += (
            f"{name} averaged {one_place(segment.mean)} a month, with process limits of "
            f"{one_place(max(segment.lower, Fraction(0)))} and {one_place(segment.upper)}"
        )
        sentences.append((lead[0].upper() + lead[1:]) + ".")
        if segment.fixed:
            last = labels[segment.start + segment.baseline - 1]
            sentences.append(
                f"The limits were set from the {segment.baseline} months "
                f"{labels[segment.start]} to {last} and later months are judged against them."
            )
        if segment.trial:
            whole = "segment" if number_ else "series"
            what = "baseline" if segment.fixed else whole
            sentences.append(
                f"These are trial limits: the {what} has {segment.baseline} points, "
                f"fewer than {MINIMUM_POINTS}."
            )
    found = False
    for rule in RULES:
        for points in _runs(result, rule):
            found = True
            sentences.append(_pattern(rule, points, labels))
    if not found:
        sentences.append(
            "Every month lies within the limits with no special-cause pattern: "
            "the variation is common cause."
        )
    if result.assurance is not None and result.options.target is not None:
        sentences.append(
            f"Against the target of {number(result.options.target)}, "
            f"{ASSURANCE_WORDS[result.assurance]}."
        )
    return sentences


def _pattern(rule: str, points: list[Point], labels: list[str]) -> str:
    first, last = labels[points[0].index], labels[points[-1].index]
    months = first if len(points) == 1 else f"{first} to {last}"
    direction = points[0].direction
    if rule == "trend":
        rising = points[-1].value > points[0].value
        direction = 1 if rising else -1
        text = (
            f"{len(points)} months in a row steadily {'rising' if rising else 'falling'} ({months})"
        )
    elif rule == "shift":
        text = (
            f"{len(points)} months in a row {'above' if direction > 0 else 'below'} "
            f"the average ({months})"
        )
    else:
        where = "above the upper" if direction > 0 else "below the lower"
        count = "one month" if len(points) == 1 else f"{len(points)} months"
        if rule == "outside limits":
            text = f"{count} {where} process limit ({months})"
        else:
            text = f"{count} close to the {where.split()[-1]} process limit ({months})"
    verdict = _verdict(direction, points[0].verdict, points[0].direction)
    return f"{KINDS[rule]}, {VERDICT_WORDS[verdict]}: {text}."


def _verdict(direction: int, verdict: str, point_direction: int) -> str:
    """The verdict of a pattern going ``direction``, from one of its points' verdicts."""
    if verdict == "neutral" or direction == point_direction:
        return verdict
    return "concern" if verdict == "improvement" else "improvement"


def _runs(result: SpcResult, rule: str) -> list[list[Point]]:
    """Maximal runs of consecutive points that ``rule`` flags, within a segment and going the
    same way: for a trend, points that rise (or fall) one after another (a peak between a
    rising and a falling trend belongs to both); for the other rules, points on the same side
    of the mean."""
    runs: list[list[Point]] = []
    for point in result.points:
        if rule not in point.flags:
            continue
        last = runs[-1] if runs else None
        if (
            last is None
            or last[-1].index != point.index - 1
            or result.segment_of(point.index) is not result.segment_of(last[-1].index)
        ):
            runs.append([point])
        elif (
            rule == "trend"
            and len(last) >= 2
            and _rises(last[-2], last[-1]) != _rises(last[-1], point)
        ):
            runs.append([last[-1], point])
        elif rule != "trend" and last[-1].side != point.side:
            runs.append([point])
        else:
            last.append(point)
    return runs


def _rises(before: Point, after: Point) -> bool:
    return after.value > before.value


def method(options: SpcOptions) -> str:
    """The method as the assessment states it, from the options in force."""
    limits = f"Process limits are the average plus and minus {float(LIMIT):g} times the average "
    limits += "moving range (the month-to-month change)"
    if options.screen:
        limits += (
            f", after leaving out moving ranges of {float(SCREEN):g} times that average or more"
        )
    text = limits + ". "
    if options.baseline is not None:
        text += (
            f"The limits are set from the first {options.baseline} months of each period and "
            "held for later months. "
        )
    text += (
        "A month is special cause when it lies outside the limits; when it is one of two in "
        "three months beyond two-thirds of the way to a limit on the same side; or when it is "
        f"part of a run of {options.run} months on one side of the average or of {options.run} "
        "months each higher (or lower) than the one before."
    )
    return text


VARIATION_WORDS = {
    "common cause": "common cause: no sign of real change",
    "improvement": "special cause: improvement",
    "concern": "special cause: concern",
    "neutral": "special cause: neither improvement nor concern",
}
ASSURANCE_SHORT = {
    "consistently passing": "consistently passing the target",
    "consistently failing": "consistently failing the target",
    "inconsistent": "hitting and missing the target by chance",
}


@dataclass(frozen=True)
class SpcSummary:
    """A measure's state at a glance, as the MDC summary of icons gives it: the latest month,
    the average it is judged against, its variation and its assurance, in words."""

    measure: str
    month: str  # the latest month, as ``Sep 2025``
    latest: Fraction
    mean: Fraction
    variation: str  # a verdict of VERDICTS, for the latest month
    direction: int  # of that month's special cause: +1 higher, -1 lower, 0 none
    assurance: str | None  # one of ASSURANCES, or None with no target (or no good direction)
    target: Fraction | None

    @property
    def variation_text(self) -> str:
        """``Special cause: concern (higher)``."""
        text = VARIATION_WORDS[self.variation]
        if self.direction:
            text += " (higher)" if self.direction > 0 else " (lower)"
        return text[0].upper() + text[1:]

    @property
    def assurance_text(self) -> str:
        """``Hitting and missing the target (170) by chance``; ``No target`` without one."""
        if self.target is None:
            return "No target"
        if self.assurance is None:
            return f"Target {number(self.target)}: not judged (no good direction)"
        text = ASSURANCE_SHORT[self.assurance].replace("target", f"target ({number(self.target)})")
        return text[0].upper() + text[1:]

    @property
    def sentence(self) -> str:
        """One sentence for the narrative: the latest month against the average, its
        variation and its assurance."""
        text = (
            f"In {self.month} there were {number(self.latest)} {mid_sentence(self.measure)}, "
            f"against a monthly average of {one_place(self.mean)}; "
            f"{SENTENCE_VARIATION[self.variation]}"
        )
        if self.assurance is not None and self.target is not None:
            text += (
                f"; against the target of {number(self.target)}, {ASSURANCE_WORDS[self.assurance]}"
            )
        return text + "."


SENTENCE_VARIATION = {
    "common cause": "the variation is common cause, with no sign of real change",
    "improvement": "that month is special-cause variation, an improvement",
    "concern": "that month is special-cause variation, a concern",
    "neutral": "that month is special-cause variation, neither an improvement nor a concern",
}


def summarise(result: SpcResult, labels: list[str], measure: str) -> SpcSummary:
    """The summary of ``result``, from its last point and last segment (the limits in force)."""
    last = result.points[-1]
    return SpcSummary(
        measure,
        labels[last.index],
        last.value,
        result.segments[-1].mean,
        last.verdict,
        last.direction,
        result.assurance,
        result.options.target,
    )
