"""Warnings about the charts' font: characters it cannot draw, or the font not found at all
(the charts then drawn in another, unlike the text around them). Both point at
``[branding] font`` in ``committeepack.toml``."""

from __future__ import annotations

from .errors import CommitteePackError
from .project import Project


def chart_font_warnings(
    project: Project, missing: dict[str, str], drawn_in: str
) -> list[CommitteePackError]:
    """A warning per chart whose font lacks some of its characters (``missing``: caption to
    characters), and one when the charts were drawn in ``drawn_in`` instead of their font."""
    reader = project.config.reader()
    warnings: list[CommitteePackError] = []
    for caption, characters in missing.items():
        listed = ", ".join(f"'{c}'" for c in characters[:8]) + (
            ", ..." if len(characters) > 8 else ""
        )
        warnings.append(
            reader.error(
                ("branding", "font"),
                f"the charts' font cannot draw {listed} in the chart '{caption}', which shows "
                "them as empty boxes; choose a font that has them, or write the names without "
                "them",
            )
        )
    if drawn_in:
        name = project.config.branding.font
        warnings.append(
            reader.error(
                ("branding", "font"),
                f"matplotlib cannot find {name}, so the charts were drawn in {drawn_in}, unlike "
                f"the text around them; install {name} (then delete matplotlib's font cache, "
                "fontlist-*.json in its cache folder, so that it looks again), or choose an "
                "installed font",
            )
        )
    return warnings
