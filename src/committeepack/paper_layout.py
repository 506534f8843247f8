"""Laying papers out with LibreOffice: how many pages each prints on, and where its headings
fall, for the contents' page numbers and the one-page check (:mod:`.contents_pages`).

Where the LibreOffice started ahead can be asked through ``uno``
(:meth:`.libreoffice.Office.layout`), it fills each paper's contents in from its own layout;
else the papers are converted to PDF and the text of each page read with poppler's
``pdftotext``. Either way LibreOffice is given copies whose pictures are one pixel each: only
where the text falls is read.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import libreoffice
from .errors import CommitteePackError
from .pdf_outline import pdftotext_pages
from .word.fields import for_layout


def available(setting: str | None = None) -> bool:
    """Whether LibreOffice (found as :func:`.libreoffice.locate` finds it) and pdftotext are
    installed here."""
    return bool(libreoffice.locate(setting) and shutil.which("pdftotext"))


MISSING = (
    "LibreOffice is not installed, so the contents pages carry no page numbers (Word fills "
    "them in when the paper is opened); install the packages libreoffice-writer-nogui and "
    "poppler-utils, or build with --no-page-numbers"
)


def tools(setting: str | None = None) -> tuple[str, str]:
    """The LibreOffice and pdftotext commands, or an error saying what to install."""
    soffice = libreoffice.locate(setting)
    pdftotext = shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        raise CommitteePackError(
            "--page-numbers needs LibreOffice and pdftotext (packages libreoffice-writer-nogui "
            "and poppler-utils); install them, or build without --page-numbers"
        )
    return soffice, pdftotext


@dataclass
class LaidOut:
    """A paper as LibreOffice laid it out: the pages it prints on, and where its headings fall,
    told either by each page's text (read from its PDF) or by its contents as LibreOffice
    fills them in (each entry's text and the page it gives)."""

    pages: int
    texts: list[str] | None = None
    entries: list[tuple[str, str]] | None = None


def lay_out(
    papers: dict[str, bytes], office: libreoffice.Office | None = None
) -> dict[str, LaidOut]:
    """Each paper as ``office`` (else a LibreOffice started for it) lays it out, in one run:
    asked through ``uno`` where it can be (:meth:`.libreoffice.Office.layout`), else
    converted to PDF and the PDF's text read."""
    if office is None:
        with libreoffice.Office(tools()[0]) as own:
            own.start()
            return lay_out(papers, own)
    with tempfile.TemporaryDirectory() as tmp:
        files = _copies(papers, Path(tmp))
        try:
            answers = office.layout(list(files.values()))
        except libreoffice.LayoutFailed:
            answers = None  # converted to PDF instead, by a LibreOffice of its own
        if answers is not None:
            return {
                name: LaidOut(answer["pages"], entries=_entries(answer["contents"]))
                for name, answer in zip(papers, answers, strict=True)
            }
        texts = _pdf_texts(files, office)
    return {name: LaidOut(len(pages), texts=pages) for name, pages in texts.items()}


def page_texts_of(
    papers: dict[str, bytes], office: libreoffice.Office | None = None
) -> dict[str, list[str]]:
    """The text of each page of each paper, as LibreOffice lays them out and prints them to
    PDF, in one run (by ``office`` when given, else by a LibreOffice started for it)."""
    if office is None:
        with libreoffice.Office(tools()[0]) as own:
            return page_texts_of(papers, own)
    with tempfile.TemporaryDirectory() as tmp:
        return _pdf_texts(_copies(papers, Path(tmp)), office)


def _copies(papers: dict[str, bytes], folder: Path) -> dict[str, Path]:
    """Each paper written into ``folder`` for LibreOffice, its pictures one pixel each (only
    where its text falls is read)."""
    files = {}
    for number, (name, data) in enumerate(papers.items()):
        files[name] = folder / f"paper{number}.docx"
        files[name].write_bytes(for_layout(data))
    return files


def _pdf_texts(files: dict[str, Path], office: libreoffice.Office) -> dict[str, list[str]]:
    """Each page's text of each file converted to PDF by ``office`` (next to the file)."""
    _, pdftotext = tools(office.soffice)
    try:
        office.convert(list(files.values()), next(iter(files.values())).parent)
    except libreoffice.NotConverted as exc:  # named by the papers, not the copies' names
        by_copy = {path.name: name for name, path in files.items()}
        raise libreoffice.NotConverted([by_copy.get(n, n) for n in exc.names]) from None
    return {
        name: [
            " ".join(page.split()) for page in pdftotext_pages(pdftotext, path.with_suffix(".pdf"))
        ]
        for name, path in files.items()
    }


def _entries(contents: list[str]) -> list[tuple[str, str]]:
    """Each entry of the contents LibreOffice filled in (its text, then a tab and the page):
    the entry's text with its spaces made single, and the page as printed."""
    found = []
    for text in contents:
        for line in text.splitlines():
            title, tab, page = line.rpartition("\t")
            if tab and page.strip() and " " not in page.strip():
                found.append((" ".join(title.split()), page.strip()))
    return found
