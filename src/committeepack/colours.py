"""Colour contrast as WCAG 2 measures it, for text on a fill: the data on a page's tiles and
the headings of the default templates on the white page."""

from __future__ import annotations

WHITE = "FFFFFF"
READABLE = 4.5  # WCAG 2 AA for text of body size: headings in bold at 12 pt are not "large"


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``RRGGBB`` colours (1 to 21)."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
