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

import functools
import shutil
import subprocess
from dataclasses import dataclass

from ..errors import warn

# metric-compatible substitutes: same widths, so text lays out the same
SUBSTITUTES = {
    "arial": ("Liberation Sans", "fonts-liberation"),
    "helvetica": ("Liberation Sans", "fonts-liberation"),
    "times new roman": ("Liberation Serif", "fonts-liberation"),
    "courier new": ("Liberation Mono", "fonts-liberation"),
    "calibri": ("Carlito", "fonts-crosextra-carlito"),
    "cambria": ("Caladea", "fonts-crosextra-caladea"),
}


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
    found, problem = _lookup(name)
    if problem:
        warn(config.reader().error(("branding", "font"), problem))
    if found:
        return ChartFont(found[0], size, found[1])
    return ChartFont(name, size, by_name=not problem)


@functools.cache
def _lookup(name: str) -> tuple[tuple[str, tuple[str, ...]] | None, str]:
    """((family, files), "") when ``name`` or its substitute is installed; else (None, why)."""
    substitute, package = SUBSTITUTES.get(name.casefold(), ("", ""))
    acceptable = {name.casefold(), substitute.casefold()} - {""}
    matched = _fc_match(name)
    if matched is None:  # no fontconfig (Windows, macOS): matplotlib looks it up by name
        return None, ""
    family, regular = matched
    if family.casefold() in acceptable:
        bold = _fc_match(f"{name}:bold")
        files = (regular,) + ((bold[1],) if bold and bold[1] != regular else ())
        return (family, files), ""
    install = (
        f"install {name}, or its metric-compatible substitute {substitute} (Debian package "
        f"{package})"
        if substitute
        else f"install {name}, or choose an installed font"
    )
    return None, (
        f"{name} is not installed, so the charts would be drawn in {family}, unlike the text "
        f"around them; {install}"
    )


def _fc_match(pattern: str) -> tuple[str, str] | None:
    command = shutil.which("fc-match")
    if command is None:
        return None
    try:
        done = subprocess.run(
            [command, "-f", "%{family[0]}|%{file}", pattern],
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    family, _, path = done.stdout.partition("|")
    return (family.strip(), path.strip()) if path.strip() else None


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
