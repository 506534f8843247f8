"""Page numbers for the table of contents, measured by laying the paper out with LibreOffice.

Word refreshes the contents field when a paper is opened, but a PDF made without Word shows
the entries without page numbers. With ``build --page-numbers``, each paper with a contents
field is converted once by LibreOffice; the page on which each heading first appears is read
from the PDF's text and written into the field's entries. The contents sit on pages of their
own, so adding the numbers cannot move anything else.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx

from .errors import CommitteePackError
from .word.fields import append_page_number, contents_entries


def tools() -> tuple[str, str]:
    """The LibreOffice and pdftotext commands, or an error saying what to install."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        raise CommitteePackError(
            "--page-numbers needs LibreOffice and pdftotext (packages libreoffice-writer-nogui "
            "and poppler-utils); install them, or build without --page-numbers"
        )
    return soffice, pdftotext


def page_texts(data: bytes) -> list[str]:
    """The text of each page of the paper, as LibreOffice lays it out."""
    soffice, pdftotext = tools()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "paper.docx").write_bytes(data)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{folder / 'profile'}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(folder / "paper.docx"),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        text = subprocess.run(
            [pdftotext, str(folder / "paper.pdf"), "-"], check=True, capture_output=True, text=True
        ).stdout
    return [" ".join(page.split()) for page in text.split("\f")]


def add_page_numbers(data: bytes) -> bytes:
    """The paper with the page of each heading written after its contents entry."""
    document = docx.Document(io.BytesIO(data))
    entries = contents_entries(document)
    if not entries:
        return data
    pages = page_texts(data)
    first, last = (" ".join(e.text.split()) for e in (entries[0], entries[-1]))
    toc_start = next(i for i, text in enumerate(pages) if first in text)
    toc_end = next(i for i in range(toc_start, len(pages)) if last in pages[i])
    page = toc_end + 1  # headings are looked for after the contents
    for entry in entries:
        title = " ".join(entry.text.split())
        found = next((i for i in range(page, len(pages)) if title in pages[i]), None)
        if found is None:
            continue  # leave the entry without a number rather than guess
        page = found
        append_page_number(entry, str(found + 1))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
