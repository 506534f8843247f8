"""A part's pages in the agenda pack: numbered on from the pack's count and shown in its
footer, and its label ("Agenda Item 12") at the top of its first page, all set small and made
room for so that they never move the part's own text."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .fields import add_page_field
from .xml import copy_story


def prepare_part(document, label: str, restart: bool) -> None:
    """Number the part's pages on from the pack's count, show them, and put ``label`` at the
    top of its first page; a section without a header of its own gets an empty one, so that
    it does not show the previous part's."""
    for index, section in enumerate(document.sections):
        for numbering in section._sectPr.findall(qn("w:pgNumType")):
            section._sectPr.remove(numbering)
        if restart and index == 0:
            numbering = OxmlElement("w:pgNumType")
            numbering.set(qn("w:start"), "1")
            section._sectPr.append(numbering)
        if not section.header._has_definition:
            section.header.is_linked_to_previous = False
        if not _numbered(section.footer):
            section.footer.is_linked_to_previous = False
            paragraph = section.footer.paragraphs[0]
            _small(paragraph, "Footer", document)
            paragraph.add_run("Page ")
            add_page_field(paragraph.add_run())
            _room_for_a_line(section, "footer")
    first = document.sections[0]
    if not first.different_first_page_header_footer:
        first.different_first_page_header_footer = True
        copy_story(first.footer, first.first_page_footer)
    elif not _numbered(first.first_page_footer):
        copy_story(first.footer, first.first_page_footer)
    _label_first_page(first.first_page_header, label, document)
    _room_for_a_line(first, "header")


# a label or page number added to a part is set this small, and its margin made room for, so
# that it never pushes the part's text (a one-page summary would spill onto a second page)
ADDED_TEXT_PT = 9
LINE_CM = 0.55


def _small(paragraph, style: str, document) -> None:
    if style in [s.name for s in document.styles]:
        paragraph.style = document.styles[style]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    for run in paragraph.runs:
        run.font.size = Pt(ADDED_TEXT_PT)


def _room_for_a_line(section, where: str) -> None:
    """Move the header (or footer) nearer the page edge when its margin has no room for one
    line of added text."""
    margin = section.top_margin if where == "header" else section.bottom_margin
    distance = section.header_distance if where == "header" else section.footer_distance
    if margin is None or distance is None:
        return
    if margin - distance < Cm(LINE_CM):
        moved = max(margin - Cm(LINE_CM), Cm(0.3))
        setattr(section, f"{where}_distance", moved)


def _label_first_page(header, label: str, document) -> None:
    """``label`` alone in the first page's header, right-aligned and bold; a logo there stays,
    with the label beside it on the same line (so the header is no taller)."""
    header.is_linked_to_previous = False
    pictures = [p for p in header.paragraphs if p._p.xpath(".//w:drawing")]
    for paragraph in header.paragraphs:
        if paragraph not in pictures:
            paragraph._p.getparent().remove(paragraph._p)
    paragraph = pictures[0] if pictures else header.add_paragraph()
    if not pictures:
        _small(paragraph, "Header", document)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(f"{label}\t" if pictures else label)
    run.bold = True
    run.font.size = Pt(ADDED_TEXT_PT)
    paragraph._p.remove(run._r)
    first_run = paragraph._p.find(qn("w:r"))
    if first_run is None:
        paragraph._p.append(run._r)
    else:
        first_run.addprevious(run._r)


def _numbered(story) -> bool:
    """Whether a header or footer shows the page number."""
    if not story._has_definition:
        return False
    instructions = story._element.xpath(".//w:instrText/text() | .//w:fldSimple/@w:instr")
    return any(text.split()[:1] == ["PAGE"] for text in instructions)
