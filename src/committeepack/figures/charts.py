"""Charts in the house style, each with alt text generated from the same data.

Colours are the UK Government Analysis Function palette, which is safe for colour-blind
readers; nothing is shown by colour alone (bars carry their values, points their marker
shapes). Charts are drawn 16 cm wide at 200 dpi with text at body size, so they read the same
as the paper around them. matplotlib is imported only when a chart is drawn.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from . import chart_layout as layout
from . import compute
from .fonts import ChartFont
from .sentences import listed, mid_sentence
from .top import largest_and_other, rows_in

DEFAULT_FONT = ChartFont("Arial", 12.0)

PALETTE = ("#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1")
DARK_BLUE, TURQUOISE, DARK_PINK, ORANGE, DARK_GREY, PLUM = PALETTE
LIGHT_GREY = "#BFBFBF"
WIDTH_CM = 16.0
DPI = 200
MAX_BARS = 25  # more categories than this: the largest, and the rest as one "All other" bar
MAX_HEIGHT_CM = 24.0  # no chart taller than an A4 page's text (so at most 1,890 pixels)


@dataclass
class Chart:
    """A drawn chart: PNG bytes, alt text and a caption, and the characters of its text
    that its font could not draw (shown as empty boxes), if any."""

    png: bytes
    alt_text: str
    caption: str
    missing: str = ""
    drawn_in: str = ""  # the font used instead of the one asked for, which matplotlib lacked


def _pyplot(font: ChartFont = DEFAULT_FONT):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    family = font.family
    if font.files:  # registered by file: matplotlib's own font cache cannot be stale
        from matplotlib import font_manager

        for path in font.files:
            if path not in _REGISTERED:
                font_manager.fontManager.addfont(path)
                _REGISTERED.add(path)
        family = font_manager.FontProperties(fname=font.files[0]).get_name()
    plt.rcParams.update(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [family, FALLBACK],
            "font.size": font.size,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.edgecolor": DARK_GREY,
            "axes.labelcolor": DARK_GREY,
            "xtick.color": DARK_GREY,
            "ytick.color": DARK_GREY,
            "svg.hashsalt": "committeepack",
            # every chart text comes from the figures and is shown as written: "$" is a
            # dollar sign, never the start of mathematical notation (which may not parse)
            "text.parse_math": False,
            # ticks as the labels and tables write a negative number (-25), not with the
            # typographic minus matplotlib uses by default (−25)
            "axes.unicode_minus": False,
        }
    )
    return plt


_REGISTERED: set[str] = set()
FALLBACK = "DejaVu Sans"  # matplotlib's own font, drawn in when the branding font is not found


def warm_up() -> None:
    """Import matplotlib now (in a drawing process, before its first chart)."""
    _pyplot()


def grouped_ticks(axis) -> None:
    """Label ``axis``'s ticks with their thousands separated (2,000), as the bars' labels and
    the tables write numbers."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(grouped))


def grouped(value: float, _position: object = None) -> str:
    """A tick's value with its thousands separated, and no decimals when it is whole."""
    rounded = round(value, 6) + 0.0  # + 0.0: -0.0 is written 0
    return f"{int(rounded):,}" if rounded == int(rounded) else f"{rounded:,}"


def _figure(plt, height_cm: float, width_cm: float = WIDTH_CM):
    return plt.figure(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=DPI)


def _height(font: ChartFont, text_lines: int, labels: list[str], bar_cm: float) -> float:
    """A bar chart's height: room for ``text_lines`` lines of axis text at the font's size,
    and per bar ``bar_cm`` at 12 pt, more at a larger size or when its name wraps."""
    line_cm = font.size * 1.25 / 72 * 2.54
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    row = max(bar_cm * max(font.size / 12, 1), lines * line_cm + 0.1)
    return 0.3 + text_lines * font.size * 1.4 / 72 * 2.54 + len(labels) * row


# the share of a chart's width its category names may take: about half at first, more when
# names wrapped onto two lines run into each other on a chart of fixed height
NAME_SHARES = (0.48, 0.62, 0.76)


def _wrapped(
    names: list[str], font: ChartFont, width_cm: float, share: float = NAME_SHARES[0]
) -> list[str]:
    """Category names wrapped so that they take at most ``share`` of the chart's width at
    the font's size (a character is about 0.55 em), leaving the bars the rest."""
    import textwrap

    width = max(int(share * width_cm / 2.54 * 72 / (0.55 * font.size)), 10)
    return ["\n".join(textwrap.wrap(name, width)) or name for name in names]


def _png(plt, figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(
        buffer,
        format="png",
        dpi=DPI,
        metadata={"Software": None},
        pil_kwargs={"compress_level": 3},  # as small as level 6 for flat charts, and faster
    )
    plt.close(figure)
    return buffer.getvalue()


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
) -> Chart:
    """Diverging bars of % change by crime type (rises right, falls left), labelled;
    ``subject`` says what the bars are, for the caption and alt text. More than ``max_bars``
    categories are shown as the largest and one "All other" bar, and the caption says so.

    The names may take more of the width than half when that keeps them on fewer lines
    and so keeps the bars within the height (``height_cm``, ``max_height_cm``, at most 24 cm);
    otherwise the chart shows fewer bars. As drawn, names that run into one another mean
    fewer bars; names that run into the values beside the bars mean less of the width."""
    total = sum(rows_in(name) for name, _, _ in items)  # the table's "All other" counted in
    given = list(items)
    lowest = min(max_bars, 2)
    room = min(height_cm or max_height_cm or MAX_HEIGHT_CM, MAX_HEIGHT_CM)
    shares: tuple[float, ...] = NAME_SHARES
    for limit in range(max_bars, lowest - 1, -1):  # fewer while names overflow
        items, grouped = largest_and_other(given, limit)
        changes = [(name, compute.percent_change(a, b)) for name, a, b in items]
        shown = sorted([(n, c) for n, c in changes if c is not None], key=lambda x: x[1])
        names = [n for n, _ in shown]
        while True:
            fits = [
                s
                for s in shares
                if _height(font, 4, _wrapped(names, font, width_cm, s), 0.62) <= room
            ]
            if not fits and limit > lowest:
                break  # too tall however wide the names: fewer bars
            share = fits[0] if fits else shares[0]
            tick_names = _wrapped(names, font, width_cm, share)
            natural = min(_height(font, 4, tick_names, 0.62), MAX_HEIGHT_CM)
            height = height_cm or (min(natural, max_height_cm) if max_height_cm else natural)
            plt = _pyplot(font)
            figure = _change_axes(plt, shown, tick_names, height, width_cm, current, previous)
            axes = figure.axes[0]
            crowded = not (layout.texts_apart(figure) and layout.settled(figure, axes, axes.texts))
            if crowded and limit > lowest and not layout.labels_apart(figure, axes.yaxis):
                plt.close(figure)
                break  # names into names: fewer bars
            if crowded and share > shares[0]:
                plt.close(figure)
                shares = tuple(s for s in shares if s < share)  # names into values: narrower
                continue
            alt, caption = _change_words(shown, subject, current, previous, bool(grouped))
            if grouped:
                note = (
                    f"the {total - grouped:,} largest of {total:,} categories, and the "
                    f"other {grouped:,} together as All other"
                )
                caption += f" ({note})"
                alt = alt[:-1] + f". The bars show {note}."
            skipped = [n for n, c in changes if c is None]
            if skipped:
                caption += f" (not shown, no crimes in {previous}: {', '.join(skipped)})"
            return Chart(_png(plt, figure), alt, caption)
    raise AssertionError("not reached: the fewest bars are always drawn")  # pragma: no cover


def _change_axes(
    plt,
    shown: list,
    tick_names: list[str],
    height: float,
    width_cm: float,
    current: str,
    previous: str,
):
    """The % change bars drawn and laid out, as a figure."""
    figure = _figure(plt, height, width_cm)
    axes = figure.add_subplot()
    values = [float(v) for _, v in shown]
    colours = [ORANGE if v > 0 else DARK_BLUE for v in values]
    axes.barh(range(len(shown)), values, color=colours, height=0.65)
    axes.set_yticks(range(len(shown)), tick_names)
    axes.axvline(0, color=DARK_GREY, linewidth=0.8)
    span = max((abs(v) for v in values), default=1) or 1
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
    grouped_ticks(axes.xaxis)  # 40,000 as the labels write it, when a change is that large
    layout.keep_inside(figure, axes, labels)
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
