"""Word blocks built from figures: data tables, charts with captions, a table of contents.

Every table gets the template's table style and a repeating header row; every picture gets its
alt text. Numbers are right-aligned so that columns of figures line up.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from docx.shared import Cm, Twips

from . import fields
from . import tables as tablexml
from . import xml as wordxml
from .styles import HEADER_FILL, TOTAL_FILL, Styles


@dataclass
class Cell:
    """A cell's text and how it is shown."""

    text: str
    bold: bool = False
    indent: int = 0  # levels of indentation, for sub-categories


def data_table(
    container,
    headers: list[str],
    rows: list[list],
    styles: Styles,
    widths_cm: list[float] | None = None,
    numeric: set[int] | None = None,
    total_rows: set[int] | None = None,
):
    """A table with a header row; ``numeric`` columns right-aligned; total rows shaded bold."""
    numeric = numeric or set()
    total_rows = total_rows or set()
    table = container.add_table(rows=0, cols=len(headers))
    table.style = styles.table
    tablexml.set_table_look(table)
    if widths_cm:
        widths = [int(Cm(w).twips) for w in widths_cm]
        tablexml.set_table_width(table, widths)
    else:
        widths = tablexml.grid_widths(table)
    style_id = wordxml.style_id(table.part, styles.table_text)
    header = [(text, True, 0) for text in headers]
    tablexml.append_row(table, header, widths, style_id, numeric, HEADER_FILL, header=True)
    for index, values in enumerate(rows):
        cells = [value if isinstance(value, Cell) else Cell(str(value)) for value in values]
        total = index in total_rows
        row = [(c.text, c.bold or total, int(Cm(0.4 * c.indent).twips)) for c in cells]
        tablexml.append_row(table, row, widths, style_id, numeric, TOTAL_FILL if total else None)
    spacer = wordxml.add_paragraph(container, style=styles.body)
    spacer.paragraph_format.space_after = Twips(0)
    return table


def add_chart(container, number: int, styles: Styles) -> Callable[[object], None]:
    """Room for a chart (16 cm wide) and its numbered caption under it; returns the function
    that puts the drawn chart there, with its alt text, so the rest of the document can be
    written while the chart is still being drawn."""
    picture = wordxml.add_paragraph(container, style=styles.body)
    picture.paragraph_format.keep_with_next = True
    caption = wordxml.add_paragraph(container, style="Caption")

    def place(chart) -> None:
        shape = picture.add_run().add_picture(io.BytesIO(chart.png), width=Cm(16))
        wordxml.set_picture_description(shape, chart.alt_text, title=chart.caption)
        caption.add_run(f"Figure {number}: {chart.caption}")

    return place


def add_table_of_contents(container, headings: list[tuple[int, str]], styles: Styles) -> None:
    """A real TOC field over Heading 1-2, pre-filled with the headings it will list.

    Word refreshes the page numbers when the document is opened (the settings ask it to);
    until then the entries read correctly, without page numbers.
    """
    first = wordxml.add_paragraph(container, style="TOC 1" if headings else styles.body)
    fields.begin_contents(first)
    paragraph = first
    for index, (level, text) in enumerate(headings):
        if index:
            paragraph = wordxml.add_paragraph(container, style=f"TOC {level}")
        paragraph.add_run(text)
    fields.end_field(paragraph)
