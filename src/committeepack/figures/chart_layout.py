"""Chart layout from measured text: value limits solved so that every label beside a bar lies
inside the axes, value ticks thinned until their labels stand apart, axes narrowed until
every text is inside the picture, and a check that category labels do not run into one
another. Each works on a drawn matplotlib figure and draws it again as it changes it."""

from __future__ import annotations

import itertools


def tight(figure, rect: tuple | None = None) -> None:
    """Matplotlib's tight layout, without its warning when the picture is too narrow for it
    (a large font on a narrow template): the steps here then fit the texts as measured, and
    the warning would reach the user's terminal as a Python warning about nothing they did."""
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Tight layout not applied", UserWarning)
        if rect is None:
            figure.tight_layout()
        else:
            figure.tight_layout(rect=rect)


def keep_inside(figure, axes, labels: list) -> None:
    """Widen the value axis until every label drawn beside a bar lies inside the axes, as
    measured with the font in use (a wider font or a larger size needs more room), then lay
    the figure out again. Each round solves for the limits that fit the labels as measured;
    a few rounds settle the layout, whose tick labels change with the limits."""
    tight(figure)
    for _ in range(6):  # the limits, the ticks and the canvas settle one another
        fit_axis_label(figure, axes)  # laid out again by the next step
        fit_limits(figure, axes, labels, relayout=True)
        thin_ticks(figure, axes)
        within_canvas(figure, axes)
        fit_limits(figure, axes, labels, relayout=False)
        # the limits and the axes' width have moved since the ticks were thinned: again
        thin_ticks(figure, axes)
        if settled(figure, axes, labels):
            return


def fit_axis_label(figure, axes) -> bool:
    """Wrap the value axis's label, each of its lines on its own, shorter until it lies
    inside the picture as drawn (it runs left from the axes' right end: a narrow template or
    a wide font leaves it less room); whether it had to be. A label already wrapped is
    wrapped again from its own words, so that rounds of layout converge."""
    import textwrap

    label = axes.xaxis.label
    lines = getattr(label, "_committeepack_lines", None) or label.get_text().split("\n")
    label._committeepack_lines = lines
    before = label.get_text()
    width = max((len(line) for line in before.split("\n")), default=0)
    for _ in range(8):
        figure.draw_without_rendering()
        box = label.get_window_extent(figure.canvas.get_renderer())
        if (box.x0 >= 0.5 and box.x1 <= figure.bbox.width - 0.5) or width <= 10:
            break
        width = max(int(width * 0.8), 10)
        label.set_text("\n".join(textwrap.fill(line, width) for line in lines))
    added = label.get_text().count("\n") - before.count("\n")
    if added:  # the picture grows by the lines the label gained, as the legend's does
        inches = added * label.get_fontsize() * 1.25 / 72
        figure.set_size_inches(figure.get_figwidth(), figure.get_figheight() + inches)
    return label.get_text() != before


MIN_AXES = 0.15  # of the picture's width: narrower, the labels cannot fit and the solving stops
MAX_GROWTH = 20  # limits beyond this many times the farthest label: the solving stops


def fit_limits(figure, axes, labels: list, relayout: bool) -> None:
    """Solve the value axis's limits so that each label beside a bar lies inside the axes.
    Axes too narrow for that (a large font on a narrow chart) are left as they are: solving
    would grow the limits without end (to numbers FreeType cannot draw at)."""
    for _ in range(6):
        if relayout:
            tight(figure)
        figure.draw_without_rendering()
        renderer = figure.canvas.get_renderer()
        box = axes.get_window_extent(renderer)
        if box.width < MIN_AXES * figure.bbox.width:
            return
        low, high = axes.get_xlim()
        width = max(box.width, 1)
        new_low, new_high = low, high
        for label in labels:
            extent = label.get_window_extent(renderer)
            share = min((extent.width + 6) / width, 0.9)  # of the axes the label needs
            x = label.get_position()[0]
            if extent.x1 > box.x1 - 1:  # drawn to the right of x
                new_high = max(new_high, low + (x - low) / (1 - share))
            if extent.x0 < box.x0 + 1:  # drawn to the left of x
                new_low = min(new_low, (x - high * share) / (1 - share))
        if (new_low, new_high) == (low, high):
            return
        reach = max((abs(label.get_position()[0]) for label in labels), default=1) or 1
        if max(-new_low, new_high) > MAX_GROWTH * reach:
            return  # the labels need more room than limits can give: leave them
        axes.set_xlim(new_low, new_high)


def thin_ticks(figure, axes) -> None:
    """As few value ticks as keep their labels apart, as measured."""
    from matplotlib.ticker import FixedLocator, MaxNLocator

    for bins in (None, 6, 5, 4, 3, 2):
        if bins is not None:  # the ticks as they stand (just drawn) first
            axes.xaxis.set_major_locator(MaxNLocator(nbins=bins))
            figure.draw_without_rendering()
        if ticks_apart(figure, axes):
            return
    # even two labels touch (a narrow chart in a wide font): the bars carry their values, so
    # the axis keeps its zero alone
    low, high = axes.get_xlim()
    if low <= 0 <= high:
        axes.xaxis.set_major_locator(FixedLocator([0]))
        figure.draw_without_rendering()


TICK_GAP = 6  # pixels between value tick labels, at least


def ticks_apart(figure, axes) -> bool:
    """Whether the value axis's tick labels (as last drawn) stand apart."""
    renderer = figure.canvas.get_renderer()
    boxes = sorted(
        (t.get_window_extent(renderer) for t in tick_labels(axes.xaxis)), key=lambda b: b.x0
    )
    return all(b.x0 - a.x1 >= TICK_GAP for a, b in itertools.pairwise(boxes))


def tick_labels(axis) -> list:
    low, high = sorted(axis.get_view_interval())
    return [
        tick.label1
        for tick in axis.get_major_ticks()
        if low <= tick.get_loc() <= high and tick.label1.get_text().strip()
    ]


def settled(figure, axes, labels: list) -> bool:
    """Every label inside the axes, every text inside the picture and the value ticks'
    labels apart (as last drawn)."""
    renderer = figure.canvas.get_renderer()
    box = axes.get_window_extent(renderer)
    width = figure.bbox.width
    inside = all(
        box.x0 - 1 <= e.x0 and e.x1 <= box.x1 + 1
        for e in (label.get_window_extent(renderer) for label in labels)
    )
    boxes = [t.get_window_extent(renderer) for t in texts(figure)]
    return (
        inside
        and all(b.x0 >= -0.5 and b.x1 <= width + 0.5 for b in boxes)
        and ticks_apart(figure, axes)
    )


def within_canvas(figure, axes) -> None:
    """Narrow the axes until every text of the figure, as drawn, lies inside the picture (the
    layout above can leave a label a pixel or two past the edge; a layout Matplotlib could not
    make, on a narrow picture in a large font, leaves the axis label below its foot)."""
    for attempt in range(6):
        if attempt:  # the figure was drawn by the step before; again after each change
            figure.draw_without_rendering()
        renderer = figure.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for t in texts(figure) if t.get_visible()]
        width, height = figure.bbox.width, figure.bbox.height
        left = max((-b.x0 for b in boxes), default=0)
        right = max((b.x1 - width for b in boxes), default=0)
        below = max((-b.y0 for b in boxes), default=0)
        above = max((b.y1 - height for b in boxes), default=0)
        if max(left, right, below, above) <= -1:
            return
        # a label moves less than the axes shrink (it sits inside them): overshoot a little
        left, right = (1.5 * (over + 3) if over > -1 else 0 for over in (left, right))
        # texts below or above the axes move with them
        below, above = ((over + 2) / height if over > -1 else 0 for over in (below, above))
        position = axes.get_position()
        x0, narrower = position.x0 + left / width, position.width - (left + right) / width
        y0, lower = position.y0 + below, position.height - below - above
        if narrower < MIN_AXES:  # no room left across: the chart keeps its width
            x0, narrower = position.x0, position.width
        if lower < MIN_AXES:
            y0, lower = position.y0, position.height
        if (x0, y0, narrower, lower) == (position.x0, position.y0, position.width, position.height):
            return  # no room left: the chart is redrawn with fewer or narrower names
        axes.set_position([x0, y0, narrower, lower])


def texts(figure) -> list:
    """Every text a figure shows: its own, its axes' texts, titles, labels and tick labels."""
    found = list(figure.texts)
    for axes in figure.axes:
        found += [*axes.texts, axes.title, axes._left_title, axes._right_title]
        for axis in (axes.xaxis, axes.yaxis):
            found.append(axis.label)
            low, high = sorted(axis.get_view_interval())
            # matplotlib keeps labels for ticks beyond the limits, which it does not draw
            found += [
                tick.label1 for tick in axis.get_major_ticks() if low <= tick.get_loc() <= high
            ]
    return [t for t in found if t.get_text().strip()]


def texts_apart(figure) -> bool:
    """Whether no text of ``figure`` (as last drawn) runs into another: category names into
    their neighbours or into the values beside the bars (by more than a pixel)."""
    renderer = figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in texts(figure) if t.get_visible()]
    for first, second in itertools.combinations(boxes, 2):
        if first.overlaps(second):
            both = first.intersection(first, second)
            if both.width > 1 and both.height > 1:
                return False
    return True


def labels_apart(figure, axis) -> bool:
    """Whether the category labels of ``axis`` (as last drawn) stand apart, each clear of
    the next."""
    renderer = figure.canvas.get_renderer()
    boxes = sorted((t.get_window_extent(renderer) for t in tick_labels(axis)), key=lambda b: b.y0)
    return all(b.y0 - a.y1 >= 0 for a, b in itertools.pairwise(boxes))


def bars_share(axes, values: list[float]) -> float:
    """The share of the value axis the bars span, from 0 (or the lowest) to the highest."""
    low, high = axes.get_xlim()
    reach = max(max(values, default=0), 0) - min(min(values, default=0), 0)
    return reach / (high - low) if reach and high > low else 1.0  # no bars: nothing to gain


def keep_beside(figure, axes, labels: list) -> None:
    """Lay out a figure whose ``labels`` stand in a column beside its axes: the axis label's
    right end under the column's, every text inside the picture, the value ticks apart."""
    tight(figure)
    for _ in range(6):
        if fit_axis_label(figure, axes):
            tight(figure)
        figure.draw_without_rendering()
        renderer = figure.canvas.get_renderer()
        box = axes.get_window_extent(renderer)
        right = max((label.get_window_extent(renderer).x1 for label in labels), default=box.x1)
        axes.xaxis.label.set_x((right - box.x0) / max(box.width, 1))
        figure.draw_without_rendering()  # within_canvas measures the figure as last drawn
        within_canvas(figure, axes)
        thin_ticks(figure, axes)
        if settled(figure, axes, []):
            return
