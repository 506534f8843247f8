"""A typeface's files, found through fontconfig (``fc-match``), accepting the metric-compatible
substitutes that Linux machines carry for the usual Windows fonts; and how wide its characters
are, read from those files. The charts hand the files to matplotlib; the tables size their
columns from the widths."""

from __future__ import annotations

import functools
import shutil
import subprocess

# metric-compatible substitutes: same widths, so text lays out the same
SUBSTITUTES = {
    "arial": ("Liberation Sans", "fonts-liberation"),
    "helvetica": ("Liberation Sans", "fonts-liberation"),
    "times new roman": ("Liberation Serif", "fonts-liberation"),
    "courier new": ("Liberation Mono", "fonts-liberation"),
    "calibri": ("Carlito", "fonts-crosextra-carlito"),
    "cambria": ("Caladea", "fonts-crosextra-caladea"),
}


@functools.cache
def lookup(name: str) -> tuple[tuple[str, tuple[str, ...]] | None, str]:
    """((family, files), "") when ``name`` or its substitute is installed; else (None, why)."""
    substitute, package = SUBSTITUTES.get(name.casefold(), ("", ""))
    acceptable = {name.casefold(), substitute.casefold()} - {""}
    matched = fc_match(name)
    if matched is None:  # no fontconfig (Windows, macOS): matplotlib looks it up by name
        return None, ""
    family, regular = matched
    if family.casefold() in acceptable:
        bold = fc_match(f"{name}:bold")
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


def fc_match(pattern: str) -> tuple[str, str] | None:
    """(family, file) of the font fontconfig picks for ``pattern``; None without fontconfig."""
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


@functools.cache
def advances(path: str) -> dict[str, int] | None:
    """The advance widths, in thousandths of an em, of the characters U+0020 to U+024F the
    font file at ``path`` has; None when it cannot be read. fontTools reads only the tables
    needed (about 10 ms)."""
    try:
        from fontTools.ttLib import TTFont

        with TTFont(path, lazy=True, fontNumber=0) as font:
            per_em = font["head"].unitsPerEm
            metrics = font["hmtx"].metrics
            cmap = font.getBestCmap() or {}
            found = {
                chr(code): metrics[cmap[code]][0] * 1000 // per_em
                for code in range(0x20, 0x250)
                if code in cmap and cmap[code] in metrics
            }
    except Exception:  # fontTools raises many types for a damaged or foreign file
        return None
    return found if " " in found and len(found) > 1 else None


@functools.cache
def measured(name: str, bold: bool) -> dict[str, int] | None:
    """The advance widths of ``name`` (bold or regular) as installed here, or None when it is
    not installed (nor its metric-compatible substitute) or fontconfig is missing."""
    found, _problem = lookup(name)
    if found is None:
        return None
    files = found[1]
    return advances(files[1] if bold and len(files) > 1 else files[0])
