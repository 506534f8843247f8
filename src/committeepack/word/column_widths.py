"""How wide a table's columns are: each at least its longest word, the rest of the page's width
shared by how much each column has to say (text measured by :mod:`.text_measure`)."""

from __future__ import annotations

import re

from .text_measure import text_width_twips

CELL_PADDING_TWIPS = 230  # the two cell margins (108 twips each) and a hair


def _words(text: str) -> list[str]:
    """The words a line may break between: parted by spaces and line ends, not by no-break
    spaces (which ``str.split`` would part at)."""
    return [word for word in re.split(r"[ \t\n]+", text) if word]


def _cell_twips(text: str, bold: bool, size_pt: float, face: str | None) -> int:
    return text_width_twips(text, size_pt, bold, face) + CELL_PADDING_TWIPS


def least_widths(
    cells: list[list[tuple[str, bool]]], size_pt: float, face: str | None = None
) -> list[int]:
    """Each column's narrowest width: its longest word, ``cells`` being (text, bold)."""
    least = [0] * (len(cells[0]) if cells else 0)
    for row in cells:
        for col, (text, bold) in enumerate(row):
            for word in _words(text):
                least[col] = max(least[col], _cell_twips(word, bold, size_pt, face))
    return least


def fitted_widths(
    cells: list[list[tuple[str, bool]]],
    total_twips: int,
    size_pt: float,
    face: str | None = None,
    preferred: list[int] | None = None,
) -> list[int]:
    """Column widths from the content, ``cells`` being (text, bold): each column at least as
    wide as its longest word (so no word breaks mid-way when the page allows), then the rest
    of the width shared as ``preferred`` asks (or by the length of each column's longest
    line)."""
    columns = len(cells[0])

    def twips(text: str, bold: bool) -> int:
        return _cell_twips(text, bold, size_pt, face)

    least = [0] * columns  # the longest word
    figures = [0] * columns  # the longest figure: never broken
    wanted = [0] * columns
    for row in cells:
        for col, (text, bold) in enumerate(row):
            for word in _words(text):
                width = twips(word, bold)
                least[col] = max(least[col], width)
                if any(ch.isdigit() for ch in word):
                    figures[col] = max(figures[col], width)
            wanted[col] = max(wanted[col], max(twips(line, bold) for line in text.split("\n")))
    if sum(least) >= total_twips:  # too narrow for whole words
        return _narrowed(least, figures, total_twips)
    shares = [max((preferred[c] if preferred else wanted[c]) - least[c], 0) for c in range(columns)]
    if not any(shares):
        shares = [1] * columns
    spare = total_twips - sum(least)
    widths = [least[c] + spare * shares[c] // sum(shares) for c in range(columns)]
    widths[0] += total_twips - sum(widths)
    return widths


def _narrowed(least: list[int], figures: list[int], total_twips: int) -> list[int]:
    """Widths for columns whose longest words do not fit side by side: figures kept whole
    where they fit, then only the longest words broken, each column cut down to one cap
    (the widest that fits), so that a column of short words keeps them whole beside one
    holding a long address, rather than every column shrinking by the same share."""
    least = [max(width, CELL_PADDING_TWIPS) for width in least]  # an empty column shows
    floor = figures if sum(figures) < total_twips else [0] * len(least)
    low, high = 0, max(least)
    while low < high:  # the widest cap at which the columns still fit
        cap = (low + high + 1) // 2
        if sum(max(f, min(w, cap)) for f, w in zip(floor, least, strict=True)) <= total_twips:
            low = cap
        else:
            high = cap - 1
    widths = [max(f, min(w, low)) for f, w in zip(floor, least, strict=True)]
    if not any(widths):  # nothing fits at all: each column an equal share
        return [max(total_twips // len(least), 1)] * len(least)
    widths[widths.index(max(widths))] += total_twips - sum(widths)
    return widths


def broken_words(
    cells: list[list[tuple[str, bool]]],
    widths: list[int],
    size_pt: float,
    face: str | None = None,
) -> list[str]:
    """The words of ``cells`` too wide for their column's width, which Word breaks mid-way."""
    return [
        word
        for row in cells
        for (text, bold), width in zip(row, widths, strict=True)
        for word in _words(text)
        if _cell_twips(word, bold, size_pt, face) > width
    ]
