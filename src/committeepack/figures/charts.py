"""Charts in the house style, each with alt text generated from the same data.

Colours are the UK Government Analysis Function palette, which is safe for colour-blind
readers; nothing is shown by colour alone (bars carry their values, points their marker
shapes). Charts are drawn 16 cm wide at 200 dpi with text at body size, so they read the same
as the paper around them. matplotlib is imported only when a chart is drawn.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from .fonts import FALLBACK, ChartFont

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
