"""The typeface of the charts: the branding font, found through fontconfig, never silently
swapped.

matplotlib looks fonts up in a cache of its own, built once; a font installed later, or absent,
is replaced without a word by DejaVu Sans, which is wider, so fixed-size charts clip and the
charts no longer match the text around them. Here the font is found with ``fc-match``
(accepting the metric-compatible substitutes that Linux machines carry for the usual Windows
fonts), and its files are handed to matplotlib explicitly. A font that cannot be found is a
warning naming the package to install; ``--strict`` makes it an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import warn
from ..font_files import lookup


@dataclass(frozen=True)
class ChartFont:
    """The charts' typeface: its family, the body size, and the files to register."""

    family: str
    size: float
    files: tuple[str, ...] = ()  # regular, then bold
    by_name: bool = False  # no fontconfig: matplotlib looks the family up in its own cache


def chart_font(config) -> ChartFont:
    """The branding font for charts, found on this machine (with a warning when it is not)."""
    name, size = config.branding.font, config.branding.body_size
    found, problem = lookup(name)
    if problem:
        warn(config.reader().error(("branding", "font"), problem))
    if found:
        return ChartFont(found[0], size, found[1])
    return ChartFont(name, size, by_name=not problem)


FALLBACK = "DejaVu Sans"  # matplotlib's own font, drawn in when the branding font is not found


def substitute_for(font: ChartFont) -> str:
    """The font matplotlib draws in instead of ``font`` when it cannot find it, or "". Only
    for a font looked up by name, where there is no fontconfig (Windows, macOS), in
    matplotlib's own cache, which lacks a font installed after it was built; elsewhere
    :func:`chart_font` finds the font's files, or warns that it is not installed."""
    if not font.by_name:
        return ""
    from matplotlib import font_manager

    try:
        font_manager.findfont(
            font_manager.FontProperties(family=font.family), fallback_to_default=False
        )
    except ValueError:
        return FALLBACK
    return ""
