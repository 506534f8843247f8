"""The pack's bookmarks: one per agenda item and appendix, with the papers' own headings
nested beneath the part they belong to.

LibreOffice makes a bookmark of every heading, all at the top level. The PDF is reopened with
pypdf, cloned whole (so its structure tree, language and title stay), and given an outline
built from the parts' first pages.
"""

from __future__ import annotations

import os
from pathlib import Path


def pages_text(pdf: Path) -> list[str]:
    """The text of each page of ``pdf``."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def page_count(pdf: Path) -> int:
    """How many pages ``pdf`` has."""
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def set_outline(pdf: Path, entries: list[tuple[str, int]]) -> None:
    """Replace ``pdf``'s outline with ``entries`` (title, first page index, in page order),
    nesting LibreOffice's heading bookmarks, as they were nested, under the entry whose pages
    hold them."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(pdf)
    old = _flatten(reader, reader.outline, 0)
    writer = PdfWriter(clone_from=reader)
    root = writer._root_object
    if "/Outlines" in root:
        del root["/Outlines"]
    made = [writer.add_outline_item(title=title, page_number=page) for title, page in entries]
    stack: list = []
    current = None
    for title, page, depth in old:
        owner = max((i for i, (_, start) in enumerate(entries) if start <= page), default=None)
        if owner is None:
            continue
        if owner != current:
            stack, current = [], owner
        stack = stack[:depth]
        stack.append(
            writer.add_outline_item(
                title=title, page_number=page, parent=stack[-1] if stack else made[owner]
            )
        )
    temporary = pdf.with_suffix(".outline.tmp")
    with open(temporary, "wb") as handle:
        writer.write(handle)
    os.replace(temporary, pdf)


def _flatten(reader, outline, depth: int) -> list[tuple[str, int, int]]:
    """(title, page index, depth) of every bookmark, in order."""
    found: list[tuple[str, int, int]] = []
    for entry in outline:
        if isinstance(entry, list):
            found.extend(_flatten(reader, entry, depth + 1))
        else:
            page = reader.get_destination_page_number(entry)
            found.append((str(entry.title), page, depth))
    return found
