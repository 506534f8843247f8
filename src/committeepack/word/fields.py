"""Word fields: the table of contents, page numbers, and asking Word to refresh them."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

TOC_INSTRUCTION = ' TOC \\o "1-2" \\h \\z \\u '


def field_char(paragraph, kind: str, dirty: bool = False) -> None:
    """Append a field mark (``begin``, ``separate`` or ``end``) in a run of its own."""
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    run.append(char)
    paragraph._p.append(run)


def instruction(paragraph, text: str) -> None:
    """Append a field's instruction (`` TOC ... ``) in a run of its own."""
    run = OxmlElement("w:r")
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    run.append(element)
    paragraph._p.append(run)


def begin_contents(paragraph) -> None:
    """Open a TOC field over Heading 1-2 in ``paragraph`` (marked for Word to refresh); the
    entries written after it, up to :func:`end_field`, are its result."""
    field_char(paragraph, "begin", dirty=True)
    instruction(paragraph, TOC_INSTRUCTION)
    field_char(paragraph, "separate")


def end_field(paragraph) -> None:
    """Close the field opened earlier."""
    field_char(paragraph, "end")


def add_page_field(run, shown: str = "1") -> None:
    """A PAGE field inside ``run``: the page's number, ``shown`` until Word refreshes it."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, shown)):
        _append_to_run(run, kind, text)
    _append_to_run(run, "end", None)


def _append_to_run(run, kind: str | None, text: str | None) -> None:
    if kind:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
    elif text is not None and text.strip() == "PAGE":
        element = OxmlElement("w:instrText")
        element.set(qn("xml:space"), "preserve")
        element.text = text
    else:
        element = OxmlElement("w:t")
        element.text = text
    run._r.append(element)


def update_fields_on_open(document) -> None:
    """Ask Word to refresh fields (the table of contents) when the document opens."""
    settings = document.settings.element
    existing = settings.find(qn("w:updateFields"))
    if existing is None:
        existing = OxmlElement("w:updateFields")
        settings.append(existing)
    existing.set(qn("w:val"), "true")


def contents_entries(document) -> list:
    """The paragraphs of the contents (styles TOC 1 and TOC 2), in order."""
    # the styles' ids looked up once: python-docx resolving each paragraph's style by name
    # took a tenth of a second on the assessment
    ids = {
        style.style_id
        for style in document.styles
        if style.name and style.name.startswith("TOC ") and style.name != "TOC Heading"
    }
    return [paragraph for paragraph in document.paragraphs if paragraph._p.style in ids]


def append_page_number(paragraph, number: str) -> None:
    """Put ``<tab>number`` at the end of a contents entry, before the field's end mark if the
    entry holds it."""
    run = paragraph.add_run(f"\t{number}")
    end = next(
        (
            r
            for r in paragraph._p.findall(qn("w:r"))
            if r.find(qn("w:fldChar")) is not None
            and r.find(qn("w:fldChar")).get(qn("w:fldCharType")) == "end"
        ),
        None,
    )
    if end is not None:
        end.addprevious(run._r)


def shift_contents_numbers(document, offset: int) -> None:
    """Add ``offset`` to the page number at the end of every contents entry (a paper placed
    after ``offset`` pages of a longer document)."""
    for entry in contents_entries(document):
        texts = entry._p.findall(f"{qn('w:r')}/{qn('w:t')}")
        if texts and texts[-1].text and texts[-1].text.strip().isdigit():
            texts[-1].text = str(int(texts[-1].text) + offset)


def _one_pixel_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1 x 1, 8-bit RGB
    pixel = chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + pixel + chunk(b"IEND", b"")


def for_layout(data: bytes) -> bytes:
    """The paper with every PNG picture's data replaced by one white pixel, for laying it out
    to find its pages: each picture keeps its size on the page (set in the document, not taken
    from the image), so the pages are the same, and LibreOffice spends no time compressing
    pictures into a PDF that is only read for its text (a third less time for the assessment)."""
    pixel = _one_pixel_png()
    result = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(result, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.startswith("word/media/") and item.filename.lower().endswith(".png"):
                content = pixel
            target.writestr(item, content)
    return result.getvalue()
