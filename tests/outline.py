"""Read a generated paper back as text and structure, in reading order.

Used by the golden tests, which compare what a reader meets (styles, text, table cells, list
levels) rather than zip bytes.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def outline(document) -> list[str]:
    """One line per paragraph or table row: ``[style] text``, ``[list n] text``, ``| a | b |``;
    a no-break space is shown as ``⍽``."""
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            line = _paragraph(block)
            if line:
                lines.append(line)
        elif isinstance(block, Table):
            lines.extend(_table(block))
    return lines


NO_BREAK_SHOWN = "\u237d"  # a no-break space, shown as the sign for one so a diff sees it


def _paragraph(paragraph: Paragraph) -> str:
    text = paragraph.text.strip().replace("\u00a0", NO_BREAK_SHOWN)
    if not text:
        return ""
    numpr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    if numpr is not None and numpr.ilvl is not None:
        return f"[list {numpr.ilvl.val}] {text}"
    return f"[{paragraph.style.name}] {text}"


def _table(table: Table) -> list[str]:
    style = table.style.name if table.style is not None else "no style"
    lines = [f"<table {style}>"]
    for row in table.rows:
        header = row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
        cells = [
            " / ".join(
                _paragraph(p).removeprefix("[Table Text] ")
                for p in cell.paragraphs
                if p.text.strip()
            )
            for cell in row.cells
        ]
        lines.append(("H " if header else "  ") + "| " + " | ".join(cells) + " |")
    lines.append("</table>")
    return lines


def images(document) -> list[dict]:
    """Every inline image with its alt text (``descr``) and name."""
    found = []
    for doc_pr in document.element.body.iter(qn("wp:docPr")):
        found.append({"name": doc_pr.get("name"), "descr": doc_pr.get("descr", "")})
    return found
