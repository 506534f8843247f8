"""The text of a document, a table or a paragraph, read back from its WordprocessingML: for
the glossary's scan, the checks of what a paper says and the agenda pack's composer."""

from __future__ import annotations

from docx.oxml.ns import qn

_TEXT_TAGS = (qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:p"))


def plain_text(element) -> str:
    """The text under ``element`` (a body, table or row), a line per paragraph, tabs and breaks
    as spaces. Read from the XML directly: python-docx's paragraph and cell objects took most
    of the build's time on a long table (about 60 microseconds a cell)."""
    parts = []
    for node in element.iter(*_TEXT_TAGS):
        if node.tag == _TEXT_TAGS[0]:
            parts.append(node.text or "")
        elif node.tag == _TEXT_TAGS[3]:
            parts.append("\n")
        else:
            parts.append(" ")
    return "".join(parts)


def body_text(container) -> str:
    """:func:`plain_text` of a document or subdocument's body."""
    return plain_text(container.element.body)


def table_rows_text(table, skip: int = 0) -> str:
    """:func:`plain_text` of a table's rows after the first ``skip`` (its header rows)."""
    rows = list(table._tbl.iterchildren(qn("w:tr")))[skip:]
    return "\n".join(plain_text(row) for row in rows)
