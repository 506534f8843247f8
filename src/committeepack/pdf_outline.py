"""The pack's bookmarks: one per agenda item and appendix, with the papers' own headings
nested beneath the part they belong to.

LibreOffice makes a bookmark of every heading, all at the top level. The PDF is given an
outline built from the parts' first pages by pypdf as an incremental update, so everything
else in it (structure tree, language, title) stays byte for byte.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


class PageTexts(Sequence[str]):
    """The text of each page of a PDF, extracted when first asked for (most pages never are)."""

    def __init__(self, pdf: Path):
        from pypdf import PdfReader

        self._pages = PdfReader(pdf).pages
        self._texts: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._pages)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index not in self._texts:
            self._texts[index] = self._pages[index].extract_text() or ""
        return self._texts[index]


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
    writer = PdfWriter(pdf, incremental=True)  # appends the new outline; the rest is kept
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
