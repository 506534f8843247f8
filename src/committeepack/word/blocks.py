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
from .column_widths import fitted_widths
from .header_breaks import fitted_headings, joined
from .page_geometry import content_width_cm
from .styles import HEADER_FILL, TOTAL_FILL, Styles, style_font

KEEP_ROWS = 2  # a table's first rows stay on the page of its header (and heading)


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
    widths_cm: list[float] | None = None,  # preferred widths; None: from the content
    numeric: set[int] | None = None,
    total_rows: set[int] | None = None,
):
    """A table with a header row; ``numeric`` columns right-aligned; total rows shaded bold.
    It is as wide as ``widths_cm`` add up to, or the template's text (:func:`content_width_cm`),
    whichever is narrower."""
    numeric = numeric or set()
    total_rows = total_rows or set()
    table = container.add_table(rows=0, cols=len(headers))
    table.style = styles.table
    tablexml.set_table_look(table)
    preferred = [int(Cm(w).twips) for w in widths_cm] if widths_cm else None
    room = content_width_cm(table.part.document)
    total = int(Cm(min(sum(widths_cm), room) if widths_cm else room).twips)
    body = [[value if isinstance(value, Cell) else Cell(str(value)) for value in r] for r in rows]
    face, size = style_font(table.part.document, styles.table_text)
    rows_text = [[(c.text, c.bold or i in total_rows) for c in r] for i, r in enumerate(body)]
    headers = fitted_headings(headers, rows_text, total, size, face)  # periods kept whole
    texts = [[(h, True) for h in headers], *rows_text]
    widths = fitted_widths(texts, total, size, face, preferred)
    tablexml.set_table_width(table, widths)
    tablexml.keep_previous_with_table(table)
    style_id = wordxml.style_id(table.part, styles.table_text)
    header = [(text, True, 0) for text in headers]
    tablexml.append_row(
        table, header, widths, style_id, numeric, HEADER_FILL, header=True, keep_with_next=True
    )
    for index, cells in enumerate(body):
        shaded = index in total_rows
        row = [(c.text, c.bold or shaded, int(Cm(0.4 * c.indent).twips)) for c in cells]
        tablexml.append_row(
            table,
            row,
            widths,
            style_id,
            numeric,
            TOTAL_FILL if shaded else None,
            # the first rows stay with the header, and the last row is never alone overleaf
            keep_with_next=index < min(KEEP_ROWS, len(body) - 1) or index == len(body) - 2,
        )
    spacer = wordxml.add_paragraph(container, style=styles.body)
    spacer.paragraph_format.space_after = Twips(0)
    return table


def add_chart(container, number: int, styles: Styles) -> Callable[[object], None]:
    """Room for a chart (as wide as the template's text, :func:`content_width_cm`, which it is
    drawn for) and its numbered caption under it; returns the function that puts the drawn
    chart there, with its alt text, so the rest of the document can be written while the
    chart is still being drawn."""
    picture = wordxml.add_paragraph(container, style=styles.body)
    picture.paragraph_format.keep_with_next = True
    caption = wordxml.add_paragraph(container, style="Caption")

    def place(chart) -> None:
        width = Cm(content_width_cm(picture.part.document))
        shape = picture.add_run().add_picture(io.BytesIO(chart.png), width=width)
        wordxml.set_picture_description(shape, chart.alt_text, title=chart.caption)
        caption.add_run(joined(f"Figure {number}: {chart.caption}"))  # "Oct 2023" whole

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


def note_after(table, text: str, style: str):
    """A short note paragraph straight after ``table`` (what its symbols mean)."""
    from docx.text.paragraph import Paragraph

    last_row = table.rows[-1]
    for cell in last_row.cells:  # the note stays on the page of the table's end
        for cell_paragraph in cell.paragraphs:
            cell_paragraph.paragraph_format.keep_with_next = True
    element = wordxml.new_paragraph_element()
    table._tbl.addnext(element)
    paragraph = Paragraph(element, table._parent)
    wordxml.set_style(paragraph, style)
    paragraph.add_run(text)
    return paragraph
