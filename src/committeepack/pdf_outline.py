"""The pack's bookmarks: one per agenda item and appendix, with the papers' own headings
nested beneath the part they belong to.

LibreOffice makes a bookmark of every heading, all at the top level. The PDF is given an
outline built from the parts' first pages with pikepdf (QPDF), which keeps every other object
(structure tree, language, title) as it was and rewrites a pack in a tenth of the time pypdf's
incremental update took. The pages' text is read with pdftotext, or pypdf without it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


class PageTexts(Sequence[str]):
    """The text of each page of a PDF: all at once with poppler's ``pdftotext`` where it is
    installed (a tenth of a second faster on a pack than pypdf, whose import alone takes
    half of that), else each page with pypdf when first asked for."""

    def __init__(self, pdf: Path):
        self._texts: dict[int, str] = {}
        self._pages = None
        whole = _pdftotext(pdf)
        if whole is not None:
            self._texts = dict(enumerate(whole))
            self._count = len(whole)
        else:
            from pypdf import PdfReader

            self._pages = PdfReader(pdf).pages
            self._count = len(self._pages)

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if not -self._count <= index < self._count:
            raise IndexError(index)
        index %= self._count
        if index not in self._texts:
            assert self._pages is not None  # read whole by pdftotext, else page by page
            self._texts[index] = self._pages[index].extract_text() or ""
        return self._texts[index]


def _pdftotext(pdf: Path) -> list[str] | None:
    """Each page's text by :func:`pdftotext_pages` in the order the page draws it (a table
    row by row, as pypdf reads it), or None where pdftotext is not installed or fails."""
    import shutil
    import subprocess

    command = shutil.which("pdftotext")
    if command is None:
        return None
    try:
        return pdftotext_pages(command, pdf, raw=True)
    except (subprocess.SubprocessError, OSError):
        return None


def pdftotext_pages(command: str, pdf: Path, raw: bool = False) -> list[str]:
    """Each page's text by poppler's ``pdftotext`` at ``command`` (``raw``: in the order the
    page draws it, else as laid out), read as UTF-8 whatever the machine's locale; raises
    :class:`subprocess.SubprocessError` or :class:`OSError` where it fails."""
    import subprocess

    text = subprocess.run(
        [command, *(["-raw"] if raw else []), "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        timeout=300,
    ).stdout.decode("utf-8", errors="replace")
    pages = text.split("\f")  # each page ends with a form feed
    return pages[:-1] if pages and pages[-1] == "" else pages


def page_count(pdf: Path) -> int:
    """How many pages ``pdf`` has."""
    import pikepdf

    with pikepdf.open(pdf) as document:
        return len(document.pages)


def set_outline(pdf: Path, entries: list[tuple[str, int]]) -> None:
    """Replace ``pdf``'s outline with ``entries`` (title, first page index, in page order),
    nesting LibreOffice's heading bookmarks, as they were nested, under the entry whose pages
    hold them."""
    import pikepdf

    temporary = pdf.with_suffix(".outline.tmp")
    with pikepdf.open(pdf) as document:
        index = {page.objgen: number for number, page in enumerate(document.pages)}
        with document.open_outline() as outline:
            old = _flatten(document, outline.root, index, 0)
            made = [pikepdf.OutlineItem(title, page) for title, page in entries]
            stack: list = []
            current = None
            for title, page, depth in old:
                owner = max(
                    (i for i, (_, start) in enumerate(entries) if start <= page), default=None
                )
                if owner is None:
                    continue
                if owner != current:
                    stack, current = [], owner
                stack = stack[:depth]
                item = pikepdf.OutlineItem(title, page)
                (stack[-1] if stack else made[owner]).children.append(item)
                stack.append(item)
            outline.root[:] = made
        document.save(temporary)
    os.replace(temporary, pdf)


def bookmarks(document) -> list[tuple[str, int, int]]:
    """(title, page index, depth) of every bookmark of the open pikepdf ``document`` that
    leads to a page, in order."""
    index = {page.objgen: number for number, page in enumerate(document.pages)}
    with document.open_outline() as outline:
        return _flatten(document, outline.root, index, 0)


def _flatten(document, items, index: dict, depth: int) -> list[tuple[str, int, int]]:
    """(title, page index, depth) of every bookmark that leads to a page, in order."""
    found: list[tuple[str, int, int]] = []
    for item in items:
        page = _target(document, item, index)
        if page is not None:
            found.append((str(item.title), page, depth))
        found.extend(_flatten(document, item.children, index, depth + 1))
    return found


def _target(document, item, index: dict) -> int | None:
    """The page index a bookmark leads to: its destination, or its go-to action's (None when
    it leads nowhere)."""
    destination = item.destination
    if destination is None and item.action is not None:
        destination = item.action.get("/D")
    return destination_page(document, destination, index)


def destination_page(document, destination, index: dict) -> int | None:
    """The page index (by ``index``: page object id to index) ``destination`` leads to: an
    explicit [page ...] array, or a name looked up in the name tree of destinations or the
    older /Dests dictionary, which LibreOffice writes (None when it leads nowhere)."""
    import pikepdf

    if isinstance(destination, (pikepdf.Name, pikepdf.String, str)):
        name = str(destination).removeprefix("/")
        root = document.Root
        tree = root.Names.get("/Dests") if "/Names" in root else None
        found = None
        if tree is not None:
            found = pikepdf.NameTree(tree).get(name)
        if found is None and "/Dests" in root:
            found = root.Dests.get("/" + name)
        destination = found.get("/D") if isinstance(found, pikepdf.Dictionary) else found
    if (
        isinstance(destination, pikepdf.Array)
        and len(destination)
        and hasattr(destination[0], "objgen")
    ):
        return index.get(destination[0].objgen)
    return None
