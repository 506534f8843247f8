"""Table XML that python-docx has no API for: header rows, shading, borders, fixed widths,
and rows built directly as XML (much faster than python-docx for large tables)."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips
from lxml.etree import SubElement


def mark_header_row(row) -> None:
    """Repeat ``row`` at the top of each page and mark it as the table's header for readers."""
    trpr = row._tr.get_or_add_trPr()
    for existing in trpr.findall(qn("w:tblHeader")):
        trpr.remove(existing)
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    trpr.insert(0, cant_split)


def remove_borders(table, inside_colour: str | None = None, width: int = 8) -> None:
    """No borders on ``table`` (a layout grid); optionally ``inside_colour`` lines between
    cells, ``width`` in eighths of a point."""
    tblpr = table._tbl.tblPr
    for existing in tblpr.findall(qn("w:tblBorders")):
        tblpr.remove(existing)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        if inside_colour and side.startswith("inside"):
            border.set(qn("w:val"), "single")
            border.set(qn("w:sz"), str(width))
            border.set(qn("w:color"), inside_colour)
        else:
            border.set(qn("w:val"), "nil")
        borders.append(border)
    tblpr.append(borders)


def append_row(
    table,
    cells: list[tuple[str, bool, int]],
    widths_twips: list[int],
    style_id: str | None,
    right: set[int],
    fill: str | None = None,
    header: bool = False,
    keep_with_next: bool = False,
) -> None:
    """Add a row of one-paragraph cells to ``table``, built directly as XML: python-docx
    inserts each element in schema order by searching its siblings, which dominates the time
    of a large table. ``cells`` are (text, bold, left indent in twips); rows never split
    across pages; a ``header`` row repeats on each page; ``keep_with_next`` keeps the row on
    the page of the next one."""
    tr = SubElement(table._tbl, qn("w:tr"))
    tr_pr = SubElement(tr, qn("w:trPr"))
    SubElement(tr_pr, qn("w:cantSplit"))
    if header:
        SubElement(tr_pr, qn("w:tblHeader"), {qn("w:val"): "true"})
    for col, ((text, bold, indent), width) in enumerate(zip(cells, widths_twips, strict=True)):
        tc = SubElement(tr, qn("w:tc"))
        tc_pr = SubElement(tc, qn("w:tcPr"))
        SubElement(tc_pr, qn("w:tcW"), {qn("w:type"): "dxa", qn("w:w"): str(width)})
        if fill:
            shading = {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill}
            SubElement(tc_pr, qn("w:shd"), shading)
        p_pr = SubElement(SubElement(tc, qn("w:p")), qn("w:pPr"))
        if style_id:
            SubElement(p_pr, qn("w:pStyle"), {qn("w:val"): style_id})
        if keep_with_next:
            SubElement(p_pr, qn("w:keepNext"))
        if indent:
            SubElement(p_pr, qn("w:ind"), {qn("w:left"): str(indent)})
        if col in right:
            SubElement(p_pr, qn("w:jc"), {qn("w:val"): "right"})
        run = SubElement(p_pr.getparent(), qn("w:r"))
        if bold:
            SubElement(SubElement(run, qn("w:rPr")), qn("w:b"))
        _run_text(run, text)


def _run_text(run, text: str) -> None:
    """Text into a ``w:r`` as python-docx writes it: tabs and line breaks as elements."""
    for index, line in enumerate(text.split("\n")):
        if index:
            SubElement(run, qn("w:br"))
        for position, piece in enumerate(line.split("\t")):
            if position:
                SubElement(run, qn("w:tab"))
            if piece:
                element = SubElement(run, qn("w:t"))
                element.text = piece
                if piece != piece.strip():
                    element.set(qn("xml:space"), "preserve")


def keep_row_together(row) -> None:
    """Never split this table row across two pages."""
    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.insert(0, OxmlElement("w:cantSplit"))


def shade_cell(cell, hex_fill: str) -> None:
    """Fill a table cell with a solid colour (``RRGGBB``)."""
    tcpr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_fill)
    tcpr.append(shading)


def set_table_look(table, first_row: bool = True, first_column: bool = False) -> None:
    """Tell Word which parts of the table style apply (header row, first column)."""
    tblpr = table._tbl.tblPr
    for existing in tblpr.findall(qn("w:tblLook")):
        tblpr.remove(existing)
    look = OxmlElement("w:tblLook")
    # the legacy bitmask must agree with the attributes: LibreOffice reads only the bitmask
    mask = 0x0200 | 0x0400 | (0x0020 if first_row else 0) | (0x0080 if first_column else 0)
    look.set(qn("w:val"), f"{mask:04X}")
    look.set(qn("w:firstRow"), "1" if first_row else "0")
    look.set(qn("w:lastRow"), "0")
    look.set(qn("w:firstColumn"), "1" if first_column else "0")
    look.set(qn("w:lastColumn"), "0")
    look.set(qn("w:noHBand"), "1")
    look.set(qn("w:noVBand"), "1")
    tblpr.append(look)


def set_table_width(table, widths_twips: list[int]) -> None:
    """Fix the table's column widths (Word and LibreOffice both honour the grid and cells)."""
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_twips, strict=False):
            cell.width = Twips(width)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_twips, strict=False):
        col.set(qn("w:w"), str(width))


def grid_widths(table) -> list[int]:
    """The table's column widths in twips, as its grid sets them."""
    return [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def keep_previous_with_table(table) -> None:
    """Keep the paragraph just before ``table`` (its heading or the sentence introducing it)
    on the page of the table's first rows."""
    previous = table._tbl.getprevious()
    if previous is not None and previous.tag == qn("w:p"):
        p_pr = previous.find(qn("w:pPr"))
        if p_pr is None:
            p_pr = SubElement(previous, qn("w:pPr"))
            previous.remove(p_pr)
            previous.insert(0, p_pr)
        if p_pr.find(qn("w:keepNext")) is None:
            keep = OxmlElement("w:keepNext")
            style = p_pr.find(qn("w:pStyle"))
            p_pr.insert(1 if style is not None else 0, keep)
