"""Ranked bars: areas (districts, wards) from highest to lowest by a rate or count, the
council's own area highlighted, in the house style of :mod:`.charts` and laid out from
measured text as they are."""

from __future__ import annotations

from fractions import Fraction

from . import chart_layout as layout
from . import charts as base
from .charts import (
    DARK_BLUE,
    DARK_GREY,
    DEFAULT_FONT,
    MAX_BARS,
    MAX_HEIGHT_CM,
    ORANGE,
    WIDTH_CM,
    Chart,
)
from .compute import format_fixed
from .fonts import ChartFont
from .sentences import listed

Value = int | Fraction | float  # a count, or an exact rate (a float only from a caller's own)


def ranked_bars(
    items: list[tuple[str, Value]],
    highlight: str,
    value_label: str,
    subject: str,
    font: ChartFont = DEFAULT_FONT,
    average: Value | None = None,
    max_bars: int = MAX_BARS,
    width_cm: float = WIDTH_CM,
) -> Chart:
    """Horizontal bars, ``width_cm`` wide, highest first, the council's own area highlighted
    and labelled. More than ``max_bars`` areas: the highest (and the council's own) are
    shown, and the caption says how many are left out (rates and rankings cannot be added
    up into "All other").
    Whole counts (every value an ``int``) are labelled as counts; rates (exact fractions) to
    one decimal place, rounded as the paper's tables round them, so a label and its table
    agree."""
    total = len(items)
    # lowest first, as the bars are drawn from the bottom; equal values keep their order
    # from the top, as the table lists them
    every = [items[i] for i in sorted(range(total), key=lambda i: (items[i][1], -i))]
    for limit in range(max_bars, min(max_bars, 2) - 1, -1):  # fewer while names overflow
        ordered = every
        if total > limit:
            top = every[-(limit - 1) :]
            own = [i for i in every[: -(limit - 1)] if i[0].casefold() == highlight.casefold()]
            ordered = own + top
        names = [n for n, _ in ordered]
        wrapped = base._wrapped(names, font, width_cm)
        if base._height(font, 4, wrapped, 0.55) <= MAX_HEIGHT_CM:
            break
    plt = base._pyplot(font)
    height = min(base._height(font, 4, wrapped, 0.55), MAX_HEIGHT_CM)
    figure = base._figure(plt, height, width_cm)
    axes = figure.add_subplot()
    values = [float(v) for _, v in ordered]
    places = _places(items)
    colours = [ORANGE if n.casefold() == highlight.casefold() else DARK_BLUE for n in names]
    axes.barh(range(len(names)), values, color=colours, height=0.65)
    axes.set_yticks(range(len(names)), wrapped)
    peak = max(values, default=1) or 1
    labels = []
    for y, value in enumerate(values):
        labels.append(
            axes.text(
                value + 0.01 * peak,
                y,
                shown_value(ordered[y][1], places),
                va="center",
                ha="left",
                color=DARK_GREY,
                zorder=3,  # over the average line, on white, so a label it crosses stays legible
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},
            )
        )
    for tick, name in zip(axes.get_yticklabels(), names, strict=True):
        if name.casefold() == highlight.casefold():
            tick.set_fontweight("bold")
    if average is not None:
        axes.axvline(float(average), color=DARK_GREY, linestyle="--", linewidth=1)
        labels.append(
            axes.text(
                float(average),
                len(values) - 0.4,
                f" average {shown_value(average, 1)}",
                color=DARK_GREY,
                va="bottom",
            )
        )
    axes.set_xlim(0, peak * 1.18)
    base.grouped_ticks(axes.xaxis)
    axes.set_xlabel(value_label, loc="right")
    axes.spines["left"].set_visible(False)
    axes.tick_params(axis="y", length=0)
    layout.keep_inside(figure, axes, labels)
    alt = f"Bar chart of {subject}: {_extremes(every)}"  # of every area, shown or not
    caption = subject[0].upper() + subject[1:]
    if any(n.casefold() == highlight.casefold() for n in names):
        alt += f"; {highlight} is {_rank(items, highlight)} highest of {total}"
    if total > limit:
        shown_top = min(total, limit - 1)
        and_own = f", and {highlight}" if len(ordered) > shown_top else ""
        caption += f" (the {shown_top:,} highest of {total:,} shown{and_own})"
        alt += f". The bars show the {shown_top:,} highest of {total:,}{and_own}"
    return Chart(base._png(plt, figure), alt + ".", caption)


def _extremes(ordered: list[tuple[str, Value]]) -> str:
    """The highest and the lowest of the bars (``ordered`` lowest first), every bar tied on
    its label named."""
    places = _places(ordered)
    high, low = shown_value(ordered[-1][1], places), shown_value(ordered[0][1], places)
    highest = [n for n, v in reversed(ordered) if shown_value(v, places) == high]
    lowest = [n for n, v in reversed(ordered) if shown_value(v, places) == low]
    if len(ordered) == 1:
        return f"{highest[0]} ({high})"
    if len(highest) == len(ordered):
        return f"all {len(ordered):,} at {high}"
    each = (" each" if len(highest) > 1 else "", " each" if len(lowest) > 1 else "")
    return (
        f"{listed(highest, 'areas')} highest ({high}{each[0]}), "
        f"{listed(lowest, 'areas')} lowest ({low}{each[1]})"
    )


def _rank(items: list[tuple[str, Value]], name: str) -> str:
    """Where ``name`` ranks among every area (shown or not), highest first, ties on the
    printed value sharing a rank: ``7th``, ``joint 3rd``."""

    places = _places(items)

    def printed(value: Value) -> Fraction:
        return Fraction(shown_value(value, places).replace(",", ""))

    own = printed(next(v for n, v in items if n.casefold() == name.casefold()))
    above = sum(1 for _, v in items if printed(v) > own)
    joint = sum(1 for _, v in items if printed(v) == own) > 1
    return ("joint " if joint else "") + _ordinal(above + 1)


def _places(items: list[tuple[str, Value]]) -> int:
    """Decimal places of the bars' labels: none for counts (every value an ``int``), else one
    for every bar (rates: 25.0 beside 24.7)."""
    return 0 if all(isinstance(v, int) for _, v in items) else 1


def shown_value(value: Value, places: int) -> str:
    """A bar's value as its label and the alt text say it, to ``places`` decimals with the
    thousands separated, halves rounded up as the tables round them."""
    return format_fixed(Fraction(value), places)


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"
