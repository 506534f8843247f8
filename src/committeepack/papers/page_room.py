"""The data on a page's layout: its rows of tiles, the size of their big figures, and how
tall its chart may be, so that the page stays one page.

The chart is drawn before the page is laid out (in parallel with the other papers), so the
room it leaves is worked out from the text around it: the title, the period line, the
overview sentence and the chart's own caption, each wrapped at the face's measured widths in
the sizes of the default template, and (portrait) the tile rows under it. A long partnership
name, a wide or monospaced face or a long caption (the categories grouped as All other) at
14 pt would otherwise push the caption onto a second page.
"""

from __future__ import annotations

from docx.shared import Cm

from ..default_templates import TABLE_TEXT_MAX_PT, text_sizes
from ..word.text_measure import line_count

PAGE_TEXT_CM = {"landscape": 21.0 - 2 * 1.2, "portrait": 29.7 - 2 * 1.2}  # less the margins
PAGE_WIDTH_CM = {"landscape": 29.7 - 2 * 1.5, "portrait": 21.0 - 2 * 1.5}
LINE_EM = 1.17 * 1.15  # a line of the usual faces (ascent and descent) at 1.15 spacing
SPACE_AFTER_PT = {"Heading 1": 6, "Committee Name": 2, "Normal": 8, "Caption": 12}
TILE_MIN_CM = {"landscape": 4.5, "portrait": 3.8}
TILE_WIDTH_CM = {"landscape": 12.4, "portrait": 17.2}  # the grid of tiles, across
CELL_MARGINS_CM = 2 * 0.19  # a table cell's left and right margins
SLACK_CM = 0.8  # cell margins, rounding of the estimates
LEAST_CM = 5.0  # a chart no shorter than this, whatever the estimate
CM_PER_PT = 2.54 / 72


def text_cm(text: str, style: str, width_cm: float, face: str, body: float) -> float:
    """The height ``text`` takes in ``style`` (of the default template) wrapped in
    ``width_cm``, with the space after it."""
    size = text_sizes(body)[style]
    bold = style in ("Heading 1", "Committee Name")
    lines = line_count(text, int(Cm(width_cm).twips), size, bold, face)
    return (lines * size * LINE_EM + SPACE_AFTER_PT[style]) * CM_PER_PT


def tile_rows(tiles: int, widest: int) -> list[int]:
    """How many tiles each row holds: as few rows as ``widest`` allows, the fuller first, and
    no row with an empty cell (5 tiles three to a row: 3 then 2)."""
    rows = -(-tiles // widest)
    base, extra = divmod(tiles, rows)
    return [base + 1] * extra + [base] * (rows - extra)


def tile_texts(headlines, orientation: str) -> list[list[tuple[str, str, str]]]:
    """Each row of tiles: its tiles' label, big figure and sentence, from the headlines."""
    tiles = [(h.priority_name, h.big, h.sentence) for h in headlines]
    rows = []
    for count in tile_rows(len(tiles), 2 if orientation == "landscape" else 3):
        rows.append(tiles[:count])
        tiles = tiles[count:]
    return rows


def _inner_twips(orientation: str, row: list) -> int:
    """The width a tile of ``row`` gives its text, its cell margins aside."""
    return int(Cm(TILE_WIDTH_CM[orientation] / len(row) - CELL_MARGINS_CM).twips)


def big_figure_pt(
    orientation: str, face: str, body: float, rows: list[list[tuple[str, str, str]]]
) -> float:
    """The size of the tiles' big figures: twice the body size, or less (a point at a time,
    to the body size and 4 points) until every figure (``Down 20.9%``) fits on one line of
    its tile; a figure on two lines made the tiles of a 16 pt page too tall for the page."""
    size = 2 * body
    while size > body + 4 and any(
        line_count(big, _inner_twips(orientation, row), size, True, face) > 1
        for row in rows
        for _, big, _ in row
    ):
        size -= 1
    return size


def tile_rows_cm(
    orientation: str, face: str, body: float, rows: list[list[tuple[str, str, str]]]
) -> list[float]:
    """How tall each row of tiles prints: its tallest tile ((label, big figure, sentence),
    the figure at :func:`big_figure_pt`), or the rows' least height."""
    small = min(body - 1, TABLE_TEXT_MAX_PT)
    big_pt = big_figure_pt(orientation, face, body, rows)
    heights = []
    for row in rows:
        inner = _inner_twips(orientation, row)
        tallest = 0.0
        for label, big, sentence in row:
            points = (
                line_count(label, inner, small, True, face) * small * 1.17
                + line_count(big, inner, big_pt, True, face) * big_pt * 1.17
                + line_count(sentence, inner, small, False, face) * small * 1.17
                + 3 * 4  # each paragraph's space before and after
            )
            tallest = max(tallest, points * CM_PER_PT)
        heights.append(max(tallest, TILE_MIN_CM[orientation]))
    return heights


def chart_room_cm(
    orientation: str,
    face: str,
    body: float,
    texts: list[tuple[str, str]],
    caption: str,
    chart_width_cm: float,
    tile_rows: list[float],
) -> float:
    """The tallest the chart may be: the page's text height less ``texts`` ((text, style)
    across the page), the ``caption`` under the chart, a closing paragraph and, in portrait,
    the rows of tiles under the chart (``tile_rows``, their heights)."""
    width = PAGE_WIDTH_CM[orientation]
    used = sum(text_cm(text, style, width, face, body) for text, style in texts)
    used += text_cm(caption, "Caption", chart_width_cm, face, body)
    used += text_cm("", "Normal", width, face, body)  # the paragraph closing the page
    if orientation == "portrait":
        used += sum(tile_rows)
    return max(PAGE_TEXT_CM[orientation] - used - SLACK_CM, LEAST_CM)
