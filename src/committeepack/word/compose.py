"""One document out of many: the agenda pack's front sheet, minutes, reports and appendices.

docxcompose carries styles, numbering, pictures and footnotes across, but keeps only the
first document's section: the papers' own orientation, headers and footers would be lost.
So each part's last section is turned into a section break of its own before it is added,
and its headers and footers are copied across with their pictures. In the pack:

- the front sheet is a section without page numbers;
- every later page is numbered on from 1, continuously (each part's restarts removed), and
  shows its number: a part without a numbered footer gets ``Page N``;
- each part's first page carries its label ("Agenda Item 12", "Appendix 1") in its header,
  where it cannot move the part's text;
- a part placed by reference (its first page unknown) is bookmarked where it starts
  (:func:`part_start`) and ends (:func:`part_end`), and its contents refer to bookmarks on
  its headings, so that LibreOffice prints the pages it lays them out on; the front sheet's
  markers (``fields``) become references to those bookmarks.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docxcompose.composer import Composer
from docxcompose.image import ImageWrapper

from .fields import shift_contents_numbers
from .page_references import (
    Bookmarks,
    contents_as_references,
    replace_markers,
    unwrap_contents,
)
from .paper_properties import set_title
from .part_pages import prepare_part
from .text import plain_text
from .xml import set_document_language


class ContentsNotFound(Exception):
    """A part's contents lists a heading the part does not have, so its page numbers cannot
    refer to it: the pack must be placed from the parts' lengths instead."""


def part_start(number: int) -> str:
    """The bookmark where the pack's part ``number`` (from 0) starts (letters and digits
    only: LibreOffice spells other characters out in the PDF's destination names)."""
    return f"cpPart{number}"


def part_end(number: int) -> str:
    """The bookmark where the pack's part ``number`` ends."""
    return f"cpPart{number}End"


@dataclass(frozen=True)
class PackPart:
    """One part of the pack: its .docx, the label on its first page, and the page of the pack
    it starts on (its contents' page numbers are moved on to match); None: placed by
    reference, its pages printed by the layout."""

    data: bytes
    label: str
    first_page: int | None = 1


class _PackComposer(Composer):
    """docxcompose, keeping each appended part's sections with their headers and footers."""

    def __init__(self, doc):
        super().__init__(doc)
        # docxcompose 2.2 "restarts" a part's first list by numbering the first paragraph of
        # the first element with a style, which for a table holding a list is its header
        # cell ("a) Issue"); each of our lists has a numbering of its own, so none is needed
        self.restart_numbering = False

    def insert(self, index, doc, remove_property_fields=True) -> None:
        self._styles_added: dict[str, str | None] = {}  # a part's style id: the pack's
        super().insert(index, doc, remove_property_fields)

    def add_styles(self, doc, element) -> None:
        # docxcompose lists every style of the pack for each element it adds (a third of a
        # second for the example's pack); once an element's styles have all been added for
        # this part, what is left to do is to give them the pack's ids
        references = element.xpath(".//w:tblStyle|.//w:pStyle|.//w:rStyle")
        used = {reference.val for reference in references}
        if used <= self._styles_added.keys():
            for reference in references:
                ours = self._styles_added[reference.val]
                if ours is not None and ours != reference.val:
                    reference.val = ours
            return
        super().add_styles(doc, element)
        for style_id in used:
            self._styles_added[style_id] = self.mapped_style_id(style_id)

    def remove_header_and_footer_references(self, doc, element) -> None:
        for ref in element.xpath(".//w:headerReference | .//w:footerReference"):
            ref.set(qn("r:id"), self._copy_story(doc, ref.get(qn("r:id"))))

    def fix_section_types(self, doc) -> None:  # each part keeps its own section breaks
        return

    def fix_header_and_footers(self, doc) -> None:  # and its own headers and footers
        return

    def _copy_story(self, doc, rid: str) -> str:
        rel = doc.part.rels[rid]
        source = rel.target_part
        kind = "header" if rel.reltype == RT.HEADER else "footer"
        partname = self.pkg.next_partname(f"/word/{kind}%d.xml")
        copied = XmlPart(partname, source.content_type, parse_xml(source.blob), self.pkg)
        for inner_rid, inner in source.rels.items():
            if inner.is_external:
                copied.rels.add_relationship(inner.reltype, inner.target_ref, inner_rid, True)
            elif inner.reltype == RT.IMAGE:
                image = self.pkg.image_parts._get_by_sha1(inner.target_part.sha1)
                if image is None:
                    image = self.pkg.image_parts._add_image_part(ImageWrapper(inner.target_part))
                copied.rels.add_relationship(RT.IMAGE, image, inner_rid)
        return self.doc.part.relate_to(copied, rel.reltype)


def compose(
    front: bytes,
    parts: list[PackPart],
    title: str,
    language: str,
    fields: dict[str, list[tuple[str, str]]] | None = None,
) -> bytes:
    """The front sheet followed by ``parts``, one section each (see the module's docstring);
    each marker of ``fields`` in the front sheet replaced as
    :func:`.page_references.replace_markers` replaces it. Raises :class:`ContentsNotFound`
    when a part placed by reference has a contents entry without its heading."""
    base = docx.Document(io.BytesIO(front))
    if fields:
        replace_markers(base.element.body, fields)
    _end_with_break(base)
    composer = _PackComposer(
        base
    )  # (docxcompose 2.2 preserve_styles renames every style of an element to one)
    bookmarks = Bookmarks()
    for number, part in enumerate(parts):
        document = docx.Document(io.BytesIO(part.data))
        prepare_part(document, part.label, restart=number == 0)
        _end_with_break(document)
        if part.first_page is None:
            _by_reference(document, number, part.label, bookmarks)
        else:
            shift_contents_numbers(document, part.first_page - 1)
        composer.append(document)
    body = base.element.body
    last = body.xpath("./w:p[w:pPr/w:sectPr]")[-1]
    body.append(last.pPr.find(qn("w:sectPr")))  # the last part's section closes the document
    _move_bookmarks(last)
    body.remove(last)
    set_document_language(base, language)
    set_title(base, title)
    buffer = io.BytesIO()
    base.save(buffer)
    return buffer.getvalue()


def _by_reference(document, number: int, label: str, bookmarks: Bookmarks) -> None:
    """Bookmark where part ``number`` starts and ends (its closing section break), and make
    its contents refer to its headings."""
    unwrap_contents(document)
    if contents_as_references(document, f"cpPart{number}Heading", bookmarks):
        raise ContentsNotFound(label)
    body = document.element.body
    bookmarks.add(next(body.iter(qn("w:p"))), part_start(number))
    bookmarks.add(body.findall(qn("w:p"))[-1], part_end(number))


def _move_bookmarks(paragraph) -> None:
    """Move the bookmarks of ``paragraph`` (about to be removed) into the last paragraph
    before it that LibreOffice keeps: it drops an empty one that follows a table at the end
    of a document."""
    marks = paragraph.findall(qn("w:bookmarkStart")) + paragraph.findall(qn("w:bookmarkEnd"))
    if not marks:
        return
    before = paragraph.getprevious()
    if before is not None and before.tag == qn("w:p") and not _has_content(before):
        table = before.getprevious()
        if table is not None and table.tag == qn("w:tbl"):
            before = table
    if before is None:
        return
    inside = [before] if before.tag == qn("w:p") else list(before.iter(qn("w:p")))
    if not inside:
        return
    target = inside[-1]
    for mark in marks:
        target.append(mark)


def _has_content(paragraph) -> bool:
    return bool(plain_text(paragraph).strip() or paragraph.xpath(".//w:drawing"))


def _end_with_break(document) -> None:
    """Move the document's closing section into a section break, so content can follow."""
    body = document.element.body
    sect_pr = body.find(qn("w:sectPr"))
    paragraph = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    paragraph.append(properties)
    properties.append(sect_pr)
    body.append(paragraph)
