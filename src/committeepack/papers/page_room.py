"""The data on a page's layout: its rows of tiles, the size of their big figures, and how
tall its chart may be, so that the page stays one page.

The chart is drawn before the page is laid out (in parallel with the other papers), so the
room it leaves is worked out from its template, as the paper will use it (the project's own,
or the default): the text area its page and first-page header and footer leave, and each
paragraph of its body filled in (the title, the period line, the overview) in its own style,
wrapped at the face's measured widths, with its pictures; then the chart's own caption and,
in portrait, the tile rows under it. A long partnership name, a wide or monospaced face, a
logo in the header or a template's larger title would otherwise push the caption onto a
second page.
"""

from __future__ import annotations

import re

from docx.shared import Cm

from ..word.page_geometry import CM_PER_PT, PageGeometry, TextStyle, body_paragraphs
from ..word.text_measure import line_count

TILE_MIN_CM = {"landscape": 4.5, "portrait": 3.8}
# across, at full size: the chart, the tiles' cell and the tiles (in landscape the chart's cell
# is the chart and 0.4 cm; in portrait the chart and tiles share one cell, 17.4 cm)
CHART_WIDTH_CM = {"landscape": 13.0, "portrait": 17.0}
TILES_CELL_CM = {"landscape": 12.8, "portrait": 17.4}
TILE_WIDTH_CM = {"landscape": 12.4, "portrait": 17.2}
GRID_WIDTH_CM = {"landscape": 13.4 + 12.8, "portrait": 17.4}
LEAST_SCALE = 0.5  # narrower, a tile's big figure no longer fits its line
CELL_MARGINS_CM = 2 * 0.19  # a table cell's left and right margins
SLACK_CM = 0.8  # cell margins, rounding of the estimates
LEAST_CM = 5.0  # a chart no shorter than this, whatever the estimate
STYLES = ("Caption", "Table Text")  # the styles the page's generated text is in


def grid_scale(orientation: str, text_width_cm: float) -> float:
    """The share of its full width the grid of chart and tiles is laid out at: all of it, or
    less, all its parts alike, so that it stays inside the text of a template with wider
    margins (a grid running into the margin keeps the page count, so laying the page out
    would not catch it)."""
    return max(min(1.0, text_width_cm / GRID_WIDTH_CM[orientation]), LEAST_SCALE)


def chart_width_cm(orientation: str, scale: float) -> float:
    """How wide the data on a page's chart is, the grid at ``scale`` (:func:`grid_scale`)."""
    return CHART_WIDTH_CM[orientation] * scale


def text_cm(
    text: str, style: TextStyle, width_cm: float, face: str, picture_cm: float = 0.0
) -> float:
    """The height a paragraph of ``text`` in ``style`` takes wrapped in ``width_cm`` (or its
    picture, where taller), with the space before and after it."""
    lines = line_count(text, int(Cm(width_cm).twips), style.size_pt, style.bold, face)
    tallest = max(lines * style.line_pt() * CM_PER_PT, picture_cm)
    return tallest + (style.space_before_pt + style.space_after_pt) * CM_PER_PT


_CONTROL_ONLY = re.compile(r"\s*(\{%[^%]*%\}\s*)*")  # a paragraph of tags docxtpl removes
_TAG = re.compile(r"\{\{\s*([A-Za-z_]\w*)[^}]*\}\}")


def filled_paragraphs(document, values: dict, block: str) -> list[tuple[str, TextStyle, float]]:
    """The paragraphs of a template's body as they will print, each (text, style, picture
    height): each ``{{ name }}`` as ``values`` gives it; the paragraph of the ``block`` tag
    (the chart and tiles, measured apart) and those holding only ``{% %}`` tags (which are
    removed) left out."""
    return [
        (
            _TAG.sub(lambda tag: str(values.get(tag.group(1), tag.group())), paragraph.text),
            paragraph.style,
            paragraph.picture_cm,
        )
        for paragraph in body_paragraphs(document)
        if block.replace(" ", "") not in paragraph.text.replace(" ", "")
        and not _CONTROL_ONLY.fullmatch(paragraph.text)
    ]


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


def _inner_twips(orientation: str, row: list, scale: float = 1.0) -> int:
    """The width a tile of ``row`` gives its text, its cell margins aside, the grid at
    ``scale`` (:func:`grid_scale`)."""
    return int(Cm(TILE_WIDTH_CM[orientation] * scale / len(row) - CELL_MARGINS_CM).twips)


def big_figure_pt(
    orientation: str,
    face: str,
    body: float,
    rows: list[list[tuple[str, str, str]]],
    scale: float = 1.0,
) -> float:
    """The size of the tiles' big figures: twice the body size, or less (a point at a time,
    to the body size and 4 points) until every figure (``Down 20.9%``) fits on one line of
    its tile; a figure on two lines made the tiles of a 16 pt page too tall for the page."""
    size = 2 * body
    while size > body + 4 and any(
        line_count(big, _inner_twips(orientation, row, scale), size, True, face) > 1
        for row in rows
        for _, big, _ in row
    ):
        size -= 1
    return size


def tile_least_cm(
    geometry: PageGeometry,
    orientation: str,
    face: str,
    paragraphs: list[tuple[str, TextStyle, float]],
    rows: int,
) -> float:
    """The least height of a row of tiles: in landscape, where the tiles stand beside the
    chart, no more than the rows' share of what the template's ``paragraphs`` leave of the
    page (a logo in the header, or a template's larger title, made three rows a page too
    tall); in portrait the chart makes the room."""
    if orientation == "portrait":
        return TILE_MIN_CM[orientation]
    left = geometry.height_cm - text_above_cm(geometry, face, paragraphs) - SLACK_CM
    return max(min(TILE_MIN_CM[orientation], left / rows), 0.5)


def text_above_cm(
    geometry: PageGeometry, face: str, paragraphs: list[tuple[str, TextStyle, float]]
) -> float:
    """The height of the template's ``paragraphs`` across the page, with the paragraph that
    closes the page."""
    width = geometry.width_cm
    used = sum(text_cm(text, style, width, face, picture) for text, style, picture in paragraphs)
    return used + text_cm("", geometry.style("Normal"), width, face)


def tile_rows_cm(
    orientation: str,
    face: str,
    body: float,
    rows: list[list[tuple[str, str, str]]],
    table_text: TextStyle,
    scale: float = 1.0,
) -> list[float]:
    """How tall each row of tiles prints: its tallest tile ((label, big figure, sentence)
    in ``table_text``, the figure at :func:`big_figure_pt`), or the rows' least height; the
    grid at ``scale``."""
    small = table_text.size_pt
    big_pt = big_figure_pt(orientation, face, body, rows, scale)
    spacing = 3 * (table_text.space_before_pt + table_text.space_after_pt)
    heights = []
    for row in rows:
        inner = _inner_twips(orientation, row, scale)
        tallest = 0.0
        for label, big, sentence in row:
            points = (
                line_count(label, inner, small, True, face) * table_text.line_pt()
                + line_count(big, inner, big_pt, True, face) * table_text.line_pt(big_pt)
                + line_count(sentence, inner, small, False, face) * table_text.line_pt()
                + spacing
            )
            tallest = max(tallest, points * CM_PER_PT)
        heights.append(max(tallest, TILE_MIN_CM[orientation]))
    return heights


def chart_room_cm(
    geometry: PageGeometry,
    face: str,
    paragraphs: list[tuple[str, TextStyle, float]],
    caption: str,
    chart_width_cm: float,
    tile_rows: list[float],
) -> float:
    """The tallest the chart may be: the template's text height less its ``paragraphs``
    ((text, style, picture height) across the page, the chart's own aside), the ``caption``
    under the chart, the paragraph closing the page and the rows of tiles under the chart
    (``tile_rows``, their heights: none in landscape, where they sit beside it)."""
    used = text_above_cm(geometry, face, paragraphs)
    used += text_cm(caption, geometry.style("Caption"), chart_width_cm, face)
    used += sum(tile_rows)
    return max(geometry.height_cm - used - SLACK_CM, LEAST_CM)
