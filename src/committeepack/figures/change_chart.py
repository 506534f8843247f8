"""% change bars: a category's change between two periods, rises to the right and falls to
the left, in the house style of :mod:`.charts` and laid out from measured text; each bar's
value stands at its end, or in a column beside the axes when at the ends the values would leave
the bars too little of the width (a wide font on a narrow chart)."""

from __future__ import annotations

from collections.abc import Sequence

from . import chart_layout as layout
from . import charts as base
from . import compute
from .charts import (
    DARK_BLUE,
    DARK_GREY,
    DEFAULT_FONT,
    MAX_BARS,
    MAX_HEIGHT_CM,
    NAME_SHARES,
    ORANGE,
    WIDTH_CM,
    Chart,
)
from .fonts import ChartFont
from .sentences import listed, mid_sentence
from .top import largest_and_other, rows_in


def percent_change_bars(
    items: list[tuple[str, int, int]],
    previous: str,
    current: str,
    font: ChartFont = DEFAULT_FONT,
    width_cm: float = WIDTH_CM,
    height_cm: float | None = None,
    subject: str = "recorded crime by type",
    max_height_cm: float | None = None,
    max_bars: int = MAX_BARS,
    grouped_height_cm: float | None = None,
) -> Chart:
    """Diverging bars of % change by crime type (rises right, falls left), labelled;
    ``subject`` says what the bars are, for the caption and alt text. More than ``max_bars``
    categories are shown as the largest and one "All other" bar, and the caption says so.

    The names may take more of the width than half when that keeps them on fewer lines
    and so keeps the bars within the height (``height_cm``, ``max_height_cm``, at most 24 cm);
    otherwise the chart shows fewer bars. As drawn, names that run into one another mean
    fewer bars; names that run into the values beside the bars mean less of the width.
    ``grouped_height_cm`` is the most it may take when it groups categories as All other (its
    caption, which says so, then taking more of the page)."""
    total = sum(rows_in(name) for name, _, _ in items)  # the table's "All other" counted in
    given = list(items)
    lowest = min(max_bars, 2)
    shares: tuple[float, ...] = NAME_SHARES
    for limit in range(max_bars, lowest - 1, -1):  # fewer while names overflow
        items, grouped = largest_and_other(given, limit)
        most = (grouped_height_cm if grouped and grouped_height_cm else None) or max_height_cm
        room = min(height_cm or most or MAX_HEIGHT_CM, MAX_HEIGHT_CM)
        changes = [(name, compute.percent_change(a, b)) for name, a, b in items]
        shown = sorted([(n, c) for n, c in changes if c is not None], key=lambda x: x[1])
        names = [n for n, _ in shown]
        while True:
            fits = [
                s
                for s in shares
                if base._height(font, 4, base._wrapped(names, font, width_cm, s), 0.62) <= room
            ]
            if not fits and limit > lowest:
                break  # too tall however wide the names: fewer bars
            share = fits[0] if fits else shares[0]
            tick_names = base._wrapped(names, font, width_cm, share)
            natural = min(base._height(font, 4, tick_names, 0.62), MAX_HEIGHT_CM)
            height = height_cm or (min(natural, most) if most else natural)
            plt = base._pyplot(font)
            figure = _change_axes(plt, shown, tick_names, height, width_cm, current, previous)
            axes = figure.axes[0]
            labels = axes.texts
            if layout.bars_share(axes, [float(c) for _, c in shown]) < MIN_BARS_SHARE:
                # the labels at the bars' ends leave the bars too little of the axes: the
                # labels in a column of their own beside the axes instead
                plt.close(figure)
                figure = _change_axes(
                    plt, shown, tick_names, height, width_cm, current, previous, column=True
                )
                axes = figure.axes[0]
                labels = []
            crowded = not (layout.texts_apart(figure) and layout.settled(figure, axes, labels))
            if crowded and limit > lowest and not layout.labels_apart(figure, axes.yaxis):
                plt.close(figure)
                break  # names into names: fewer bars
            if crowded and share > shares[0]:
                plt.close(figure)
                shares = tuple(s for s in shares if s < share)  # names into values: narrower
                continue
            alt, _ = _change_words(shown, subject, current, previous, bool(grouped))
            if grouped:
                alt = alt[:-1] + f". The bars show {_grouped_note(total, grouped)}."
            skipped = [n for n, c in changes if c is None]
            caption = change_caption(subject, current, previous, total, grouped, skipped)
            return Chart(base._png(plt, figure), alt, caption)
    raise AssertionError("not reached: the fewest bars are always drawn")  # pragma: no cover


def _change_axes(
    plt,
    shown: list,
    tick_names: list[str],
    height: float,
    width_cm: float,
    current: str,
    previous: str,
    column: bool = False,
):
    """The % change bars drawn and laid out, as a figure: each bar's value at its end, or
    (``column``) in a column beside the axes, level with its bar."""
    figure = base._figure(plt, height, width_cm)
    axes = figure.add_subplot()
    values = [float(v) for _, v in shown]
    colours = [ORANGE if v > 0 else DARK_BLUE for v in values]
    axes.barh(range(len(shown)), values, color=colours, height=0.65)
    axes.set_yticks(range(len(shown)), tick_names)
    axes.axvline(0, color=DARK_GREY, linewidth=0.8)
    span = max((abs(v) for v in values), default=1) or 1
    if column:
        return _change_column(figure, axes, shown, values, span, current, previous)
    labels = []
    for y, (_, exact) in enumerate(shown):
        label = change_label(exact)
        value = float(exact)
        labels.append(
            axes.text(
                value + (0.02 * span if value >= 0 else -0.02 * span),
                y,
                label,
                va="center",
                ha="left" if value >= 0 else "right",
                color=DARK_GREY,
            )
        )
    low = min(values, default=0)
    high = max(values, default=0)
    # room beyond the longest bars for their labels
    axes.set_xlim(
        min(low, 0) - (0.75 * span if low < 0 else 0.1 * span),
        max(high, 0) + (0.75 * span if high > 0 else 0.1 * span),
    )
    # anchored at the right of the bars, the label reaches left under the names, not off
    # the picture
    axes.set_xlabel(f"% change, {current}\ncompared with {previous}", loc="right")
    axes.spines["left"].set_visible(False)
    axes.tick_params(axis="y", length=0)
    base.grouped_ticks(axes.xaxis)  # 40,000 as the labels write it, when a change is that large
    layout.keep_inside(figure, axes, labels)
    return figure


MIN_BARS_SHARE = 0.4  # of the axes' width, the bars' span at the least before labels move


def _change_column(figure, axes, shown, values, span, current, previous):
    """The bars' values in a column to the right of the axes, which the bars then fill."""
    from matplotlib.transforms import blended_transform_factory

    beside = blended_transform_factory(axes.transAxes, axes.transData)
    labels = [
        axes.text(
            1.03, y, change_label(c), va="center", ha="left", color=DARK_GREY, transform=beside
        )
        for y, (_, c) in enumerate(shown)
    ]
    low, high = min(values, default=0), max(values, default=0)
    axes.set_xlim(min(low, 0) - 0.06 * span, max(high, 0) + 0.06 * span)
    axes.set_xlabel(f"% change, {current}\ncompared with {previous}", loc="right")
    axes.spines["left"].set_visible(False)
    axes.tick_params(axis="y", length=0)
    base.grouped_ticks(axes.xaxis)
    layout.keep_beside(figure, axes, labels)
    return figure


def _change_words(
    shown: list, subject: str, current: str, previous: str, grouped: bool = False
) -> tuple[str, str]:
    """The alt text and caption of % change bars (before any note of what is ``grouped``:
    then what rose and fell most is said of the bars, a category in "All other" aside)."""
    alt = f"Bar chart of % change in {subject}, {current} vs {previous}"
    if shown:
        parts = []
        if compute.round_half_up(shown[-1][1], 1) > 0:
            parts.append(_most(shown, -1, "rose most"))
        if compute.round_half_up(shown[0][1], 1) < 0:
            parts.append(_most(shown, 0, "fell most"))
        if parts:
            alt += ": " + ("of the bars, " if grouped else "") + ", ".join(parts)
    return alt + ".", f"% change in {subject}, {current} compared with {previous}"


def change_caption(
    subject: str,
    current: str,
    previous: str,
    total: int = 0,
    grouped: int = 0,
    skipped: list[str] | None = None,
) -> str:
    """The caption of % change bars: what they show, how many of ``total`` categories are
    ``grouped`` as All other, and which ``skipped`` ones had no crimes to change from."""
    caption = f"% change in {subject}, {current} compared with {previous}"
    if grouped:
        caption += f" ({_grouped_note(total, grouped)})"
    if skipped:
        caption += f" (not shown, no crimes in {previous}: {', '.join(skipped)})"
    return caption


def possible_captions(
    items: Sequence[tuple[str, object, object]],
    subject: str,
    current: str,
    previous: str,
    max_bars: int = MAX_BARS,
) -> tuple[str, str]:
    """The caption of bars of ``items`` when every category is shown, and about the longest
    it can have when some are grouped as All other: for leaving it room before the chart is
    drawn."""
    total = sum(rows_in(name) for name, _, _ in items)
    skipped = [name for name, before, _ in items if not before]
    grouped = total - min(total, max_bars) + 1 if len(items) > 2 else 0
    every = change_caption(subject, current, previous, skipped=skipped)
    return every, change_caption(subject, current, previous, total, grouped, skipped)


def _grouped_note(total: int, grouped: int) -> str:
    return (
        f"the {total - grouped:,} largest of {total:,} categories, and the other {grouped:,} "
        "together as All other"
    )


def change_label(change) -> str:
    """A % change as its bar's label says it: ``+12.5%``, ``-4.2%``, ``0.0%``."""
    label = compute.format_fixed(change, 1) + "%"
    return "+" + label if compute.round_half_up(change, 1) > 0 else label


def _most(shown: list, end: int, verb: str) -> str:
    """The categories at one ``end`` of the bars (0 the lowest, -1 the highest), every one
    whose label is the same named, top of the chart first: ``robbery rose most (+30.0%)``."""
    label = change_label(shown[end][1])
    names = [mid_sentence(n) for n, c in reversed(shown) if change_label(c) == label]
    each = " each" if len(names) > 1 else ""
    return f"{listed(names, 'categories')} {verb} ({label}{each})"
