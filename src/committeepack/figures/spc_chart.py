"""The SPC (XmR) chart: points coloured by what the rules say of them, the centre line and
process limits labelled at their ends, the baseline shaded, the target drawn, and month labels
that never touch, laid out from measured text like the other charts of :mod:`.charts`."""

from __future__ import annotations

import itertools

from . import chart_layout
from . import charts as base
from .charts import (
    DARK_BLUE,
    DARK_GREY,
    DARK_PINK,
    DEFAULT_FONT,
    LIGHT_GREY,
    ORANGE,
    PLUM,
    WIDTH_CM,
    Chart,
)
from .compute import format_fixed
from .fonts import ChartFont
from .sentences import MONTHS, mid_sentence, number

SPC_STYLES = {  # verdict: colour, marker, legend label (the MDC colours' meaning, our palette)
    "common cause": (LIGHT_GREY, "o", "Common cause"),
    "improvement": (DARK_BLUE, "s", "Special cause: improvement"),
    "concern": (ORANGE, "D", "Special cause: concern"),
    "neutral": (PLUM, "^", "Special cause: neither improvement nor concern"),
}


def spc_chart(series, font: ChartFont = DEFAULT_FONT, width_cm: float = WIDTH_CM) -> Chart:
    """An XmR chart, ``width_cm`` wide: points, centre line, process limits, the baseline
    that set them, the target, and special causes by colour and marker shape."""
    import textwrap

    from matplotlib.patches import Patch

    plt = base._pyplot(font)
    analysis = series.analysis
    target = analysis.options.target
    present = [v for v in SPC_STYLES if any(p.verdict == v for p in analysis.points)]
    fixed = any(segment.fixed for segment in analysis.segments)
    line_cm = font.size * 1.3 / 72 * 2.54
    title = textwrap.fill(series.measure, max(int(width_cm / 2.54 * 72 / (0.6 * font.size)), 20))
    height = 6.0 + (title.count("\n") + 1 + 2) * line_cm
    figure = base._figure(plt, height, width_cm)
    axes = figure.add_subplot()
    values = [float(v) for v in series.values]
    x = list(range(len(values)))
    base.grouped_ticks(axes.yaxis)
    axes.plot(x, values, color=LIGHT_GREY, linewidth=1.2, zorder=1)
    handles = []
    for segment in analysis.segments:
        span = [segment.start - 0.3, segment.start + len(segment.values) - 0.7]
        axes.plot(span, [float(segment.mean)] * 2, color=DARK_GREY, linewidth=1.2)
        for limit in (segment.upper, max(segment.lower, 0)):
            axes.plot(span, [float(limit)] * 2, color=DARK_GREY, linewidth=1, linestyle="--")
        if segment.fixed:
            axes.axvspan(
                segment.start - 0.5,
                segment.start + segment.baseline - 0.5,
                color="#EEEEEE",
                zorder=0,
                linewidth=0,
            )
    if fixed:
        handles.append(Patch(color="#EEEEEE", label="Baseline: the months that set the limits"))
    if target is not None:
        axes.axhline(float(target), color=DARK_PINK, linewidth=1.2, linestyle=":")
        handles.append(
            axes.plot([], [], color=DARK_PINK, linestyle=":", label=f"Target ({number(target)})")[0]
        )
    for verdict in present:
        colour, marker, label = SPC_STYLES[verdict]
        points = [p for p in analysis.points if p.verdict == verdict]
        handles.append(
            axes.scatter(
                [p.index for p in points],
                [float(p.value) for p in points],
                color=colour,
                marker=marker,
                s=28,
                zorder=3,
                label=label,
            )
        )
    # the measure reads across the top: a long name would not fit rotated up the side
    axes.set_title(title, loc="left", fontsize="medium", color=DARK_GREY)
    _fit_title(figure, axes, series.measure, title)
    axes.set_ylim(bottom=0)
    handles.sort(key=lambda h: h.get_label() != "Common cause")
    bottom = _legend_below(figure, handles)
    direct = _limit_labels(axes, analysis.segments[-1], target)
    _month_ticks(figure, axes, series.months, font.size, bottom)
    for _ in range(2):  # the layout moves the lines a little: spread the labels again
        _spread(figure, axes, direct)
        chart_layout.tight(figure, rect=(0, bottom, 1, 1))
    # the layout moved the axes (and the title with them) right of wide tick labels
    if _fit_title(figure, axes, series.measure, axes.get_title(loc="left")):
        _spread(figure, axes, direct)
        chart_layout.tight(figure, rect=(0, bottom, 1, 1))
    labels = series.labels
    return Chart(base._png(plt, figure), _spc_alt(series, labels), _spc_caption(series, labels))


MONTH_STEPS = (1, 2, 3, 4, 6, 12)


def _fit_title(figure, axes, text: str, wrapped: str) -> bool:
    """Wrap the title shorter until it fits the picture as measured (wide letters need it);
    whether it had to be."""
    import textwrap

    width = max(len(line) for line in wrapped.split("\n"))
    for attempt in range(8):
        figure.draw_without_rendering()
        box = axes.title.get_window_extent(figure.canvas.get_renderer())
        left = axes._left_title.get_window_extent(figure.canvas.get_renderer())
        if max(box.x1, left.x1) <= figure.bbox.width * 0.97 or width <= 8:
            return attempt > 0
        width = max(int(width * 0.8), 8)
        axes.set_title(
            textwrap.fill(text, width, break_long_words=True),
            loc="left",
            fontsize="medium",
            color=DARK_GREY,
        )
    return True


def _limit_labels(axes, segment, target) -> list:
    """Names at the right-hand end of the lines in force: limits, average and target."""
    marks = [("Upper limit", segment.upper), ("Average", segment.mean)]
    if segment.lower > 0:
        marks.append(("Lower limit", segment.lower))
    if target is not None:
        marks.append(("Target", target))
    return [
        axes.text(
            1.01,
            float(value),
            name,
            transform=axes.get_yaxis_transform(),
            va="center",
            color=DARK_PINK if name == "Target" else DARK_GREY,
            fontsize="small",
            clip_on=False,
        )
        for name, value in marks
    ]


def _spread(figure, axes, labels: list) -> None:
    """Move labels apart up and down, as measured, so that none touches another; each stays
    as near its line as it can."""
    figure.draw_without_rendering()
    renderer = figure.canvas.get_renderer()
    to_data = axes.transData.inverted()
    boxes = sorted(
        ((label, label.get_window_extent(renderer)) for label in labels),
        key=lambda item: axes.transData.transform((0, item[0].get_position()[1]))[1],
    )
    previous_top = None
    for label, box in boxes:
        centre = axes.transData.transform((0, label.get_position()[1]))[1]
        if previous_top is not None:
            centre = max(centre, previous_top + box.height / 2 + 1)
        label.set_y(to_data.transform((0, centre))[1])
        previous_top = centre + box.height / 2


def _legend_below(figure, handles: list) -> float:
    """A legend across the foot of the figure, in two columns when they fit its width as
    measured, else one, its labels wrapped when even one column does not fit (a wide font at
    a large size); the figure grows to hold it. Returns the share of the figure's height it
    takes, for the layout of the rest."""
    import textwrap

    room = figure.bbox.width * 0.96
    labels = [handle.get_label() for handle in handles]
    legend, box = _legend(figure, handles, 2 if len(handles) > 1 else 1, None)
    if box.width > room and len(handles) > 1:
        legend, box = _legend(figure, handles, 1, legend)
    characters = max(len(label) for label in labels)
    while box.width > room and characters > 12:
        characters = int(characters * 0.85)
        for handle, label in zip(handles, labels, strict=True):
            handle.set_label(textwrap.fill(label, characters))
        legend, box = _legend(figure, handles, 1, legend)
    height = box.height / figure.dpi + 0.05
    figure.set_size_inches(figure.get_figwidth(), figure.get_figheight() + height)
    return height / figure.get_figheight()


def _legend(figure, handles: list, columns: int, previous):
    """The legend of ``handles`` in ``columns`` at the foot of the figure (replacing
    ``previous``), and its measured box."""
    if previous is not None:
        previous.remove()
    legend = figure.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=columns,
        frameon=False,
        labelcolor=DARK_GREY,
    )
    figure.draw_without_rendering()
    return legend, legend.get_window_extent(figure.canvas.get_renderer())


def _month_ticks(figure, axes, months: list[str], size: float, bottom: float) -> None:
    """Label months on the calendar (every month, quarter, half year or year, the fewest
    steps whose labels do not touch as measured), with the year under the first label and
    under each label where the year changes; where even a label a year touches the next (a
    narrow chart in a large font), the years alone, every year or every few."""
    # no more than about a dozen labels to start with: fewer draws to find the step
    first = next(i for i, step in enumerate(MONTH_STEPS) if len(months) / step <= 13 or step == 12)
    for step in MONTH_STEPS[first:]:
        ticks, texts, year = [], [], None
        for index, month in enumerate(months):
            number = int(month[5:7])
            if (number - 1) % step:
                continue
            name = MONTHS[number - 1]
            texts.append(name if month[:4] == year else f"{name}\n{month[:4]}")
            ticks.append(index)
            year = month[:4]
        if not ticks:  # a short series with no month on the step: label its first month
            ticks, texts = [0], [f"{MONTHS[int(months[0][5:7]) - 1]}\n{months[0][:4]}"]
        if _ticks_apart(figure, axes, months, ticks, texts, size, bottom):
            return
    januaries = [i for i, month in enumerate(months) if month[5:7] == "01"] or [0]
    for every in YEAR_STEPS:
        ticks = januaries[::every]
        texts = [months[i][:4] for i in ticks]
        if _ticks_apart(figure, axes, months, ticks, texts, size, bottom):
            return


YEAR_STEPS = (1, 2, 3, 5, 10)


def _ticks_apart(figure, axes, months, ticks, texts, size: float, bottom: float) -> bool:
    """Set the month axis's ``ticks`` and ``texts``, lay the figure out, and say whether the
    labels stand half an em apart, as measured."""
    axes.set_xticks(ticks, texts)
    axes.set_xlim(-0.6, len(months) - 0.4)
    chart_layout.tight(figure, rect=(0, bottom, 1, 1))
    figure.draw_without_rendering()
    renderer = figure.canvas.get_renderer()
    boxes = [label.get_window_extent(renderer) for label in axes.get_xticklabels()]
    gap = 0.5 * size * figure.dpi / 72  # half an em between labels
    return all(b.x0 - a.x1 >= gap for a, b in itertools.pairwise(boxes))


def _spc_alt(series, labels: list[str]) -> str:
    analysis = series.analysis
    last = analysis.segments[-1]
    alt = (
        f"SPC chart of {mid_sentence(series.measure)} by month, {labels[0]} to {labels[-1]}: "
        f"average {format_fixed(last.mean, 0)}, limits {format_fixed(max(last.lower, 0), 0)} "
        f"to {format_fixed(last.upper, 0)}"
    )
    if any(segment.fixed for segment in analysis.segments):
        alt += " (set from a baseline)"
    counts = {v: sum(p.verdict == v for p in analysis.points) for v in SPC_STYLES}
    said = [
        f"{counts[v]} {'month' if counts[v] == 1 else 'months'} of special-cause {v}"
        for v in ("improvement", "concern")
        if counts[v]
    ]
    if counts["neutral"]:
        said.append(
            f"{counts['neutral']} special-cause {'month' if counts['neutral'] == 1 else 'months'}"
            ", neither improvement nor concern"
        )
    alt += "; " + " and ".join(said) if said else "; no special-cause variation"
    if analysis.options.target is not None:
        alt += f"; target {number(analysis.options.target)}"
    return alt + "."


def _spc_caption(series, labels: list[str]) -> str:
    return f"{series.measure} by month, {labels[0]} to {labels[-1]} (XmR chart)"
