"""The data on a page's grid: its chart and a tile per headline, as a borderless table, so
that the reading order is the visual order. The tiles take the branding's heading colour,
with white or near-black text, whichever contrasts more."""

from __future__ import annotations

import io

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Cm, Pt, RGBColor

from ..colours import WHITE, contrast
from ..config import Config
from ..figures.headlines import Headline
from ..word import tables as tablexml
from ..word import xml as wordxml
from ..word.header_breaks import joined
from .page_room import (
    TILE_WIDTH_CM,
    TILES_CELL_CM,
    big_figure_pt,
    chart_width_cm,
    tile_texts,
)

TEXT_DARK = "0B0C0C"


def tile_colours(branding) -> tuple[str, str]:
    """(fill, text) for the tiles: the heading colour, with white or near-black text,
    whichever contrasts more (every colour reaches 4.5:1 with one of them)."""
    fill = branding.heading_colour.lstrip("#").upper()
    return fill, max((WHITE, TEXT_DARK), key=lambda text: contrast(fill, text))


def fill_grid(
    grid, chart, headlines, config: Config, landscape: bool, scale: float, least: float
) -> None:
    """The chart (with its caption) and a tile per headline in ``grid``, as a borderless
    table: beside each other (``landscape``) or the tiles under the chart, at ``scale`` of
    their full width (:func:`~.page_room.grid_scale`); each row of tiles at least ``least``
    cm tall."""
    fill, text = tile_colours(config.branding)
    orientation = "landscape" if landscape else "portrait"
    chart_width = chart_width_cm(orientation, scale)
    tiles_width = int(Cm(TILES_CELL_CM[orientation] * scale).twips)
    if landscape:
        outer = grid.add_table(rows=1, cols=2)
        chart_cell, tiles_cell = outer.rows[0].cells
        tablexml.set_table_width(outer, [int(Cm(chart_width + 0.4 * scale).twips), tiles_width])
    else:
        outer = grid.add_table(rows=2, cols=1)
        chart_cell, tiles_cell = outer.rows[0].cells[0], outer.rows[1].cells[0]
        tablexml.set_table_width(outer, [tiles_width])
    tablexml.remove_borders(outer)
    if chart is not None:
        paragraph = chart_cell.paragraphs[0]
        shape = paragraph.add_run().add_picture(io.BytesIO(chart.png), width=Cm(chart_width))
        wordxml.set_picture_description(shape, chart.alt_text, title=chart.caption)
        wordxml.add_paragraph(chart_cell, joined(chart.caption), style="Caption")
    texts = tile_texts(headlines, orientation)
    layout = [len(row) for row in texts]
    tiles = tiles_cell.add_table(rows=len(layout), cols=GRID)
    tablexml.remove_borders(tiles, inside_colour=WHITE, width=24)
    total = TILE_WIDTH_CM[orientation] * scale
    tablexml.set_table_width(tiles, [int(Cm(total / GRID).twips)] * GRID)
    height = Cm(least)
    cells = []
    for row, count in zip(tiles.rows, layout, strict=True):
        row.height, row.height_rule = height, WD_ROW_HEIGHT_RULE.AT_LEAST
        tablexml.keep_row_together(row)
        span = GRID // count
        for start in range(0, GRID, span):
            cell = (
                row.cells[start].merge(row.cells[start + span - 1])
                if span > 1
                else row.cells[start]
            )
            tablexml.shade_cell(cell, fill)
            cells.append(cell)
    branding = config.branding
    big = big_figure_pt(orientation, branding.font, branding.body_size, texts, scale)
    for cell, headline in zip(cells, headlines, strict=True):
        _tile(cell, headline, text, big)
    tiles_cell.paragraphs[0].paragraph_format.space_after = Pt(0)


GRID = 6  # columns of the tile grid: rows of 1, 2 or 3 tiles span it evenly


def _tile(cell, headline: Headline, text: str, big_pt: float) -> None:
    colour = RGBColor.from_string(text)
    label = cell.paragraphs[0]
    wordxml.set_style(label, "Table Text")
    run = label.add_run(headline.priority_name)
    run.bold, run.font.color.rgb = True, colour
    big = wordxml.add_paragraph(cell, style="Table Text")
    run = big.add_run(headline.big)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(big_pt), colour
    big.paragraph_format.space_after = Pt(0)
    sentence = wordxml.add_paragraph(cell, style="Table Text")
    sentence.add_run(headline.sentence).font.color.rgb = colour
