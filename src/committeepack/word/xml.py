"""Small pieces of WordprocessingML that python-docx has no API for.

This module and :mod:`.tablexml` are the only ones that build raw XML (:mod:`.text` reads
text back out of it). Everything above them talks in paragraphs, runs, tables and lists.
"""

from __future__ import annotations

import weakref

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

# How a list of each kind is numbered: (w:numFmt, text of level 1..3)
LIST_FORMATS = {
    "bullet": ("bullet", ["\u2022", "\u2013", "\u25e6"]),
    "decimal": ("decimal", ["%1.", "%2.", "%3."]),
    "lowerLetter": ("lowerLetter", ["%1)", "%2)", "%3)"]),
    "upperLetter": ("upperLetter", ["%1)", "%2)", "%3)"]),
    "lowerRoman": ("lowerRoman", ["(%1)", "(%2)", "(%3)"]),
}
LIST_STEP = 425  # twips: indent per list level (0.75 cm)
HANGING = 425


class Numbering:
    """Creates list numbering in a document: one definition per kind, a fresh instance per list.

    A fresh ``w:num`` with a start override per list makes every list restart at 1 (or a),
    which is what a reader expects of separate lists in a report.
    """

    def __init__(self, document_part):
        self.numbering = document_part.numbering_part.element
        self._abstract: dict[tuple[str, int], int] = {}

    def _next_id(self, tag: str, attr: str) -> int:
        ids = [int(el.get(qn(attr))) for el in self.numbering.findall(qn(tag))]
        return max(ids, default=0) + 1

    def _abstract_id(self, kind: str, indent: int) -> int:
        key = (kind, indent)
        if key in self._abstract:
            return self._abstract[key]
        fmt, texts = LIST_FORMATS[kind]
        abstract_id = self._next_id("w:abstractNum", "w:abstractNumId")
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        multi = OxmlElement("w:multiLevelType")
        multi.set(qn("w:val"), "hybridMultilevel")
        abstract.append(multi)
        for level, text in enumerate(texts):
            abstract.append(_level(level, fmt, text, indent + LIST_STEP * (level + 1)))
        # abstractNum elements must come before every num element
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.numbering.append(abstract)
        self._abstract[key] = abstract_id
        return abstract_id

    def new_list(self, kind: str, indent: int = 0) -> int:
        """A new list instance of ``kind`` whose numbering starts again; returns its numId."""
        abstract_id = self._abstract_id(kind, indent)
        num_id = self._next_id("w:num", "w:numId")
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(abstract_id))
        num.append(ref)
        for level in range(3):
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), str(level))
            start = OxmlElement("w:startOverride")
            start.set(qn("w:val"), "1")
            override.append(start)
            num.append(override)
        self.numbering.append(num)
        return num_id


def _level(level: int, fmt: str, text: str, left: int):
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), str(level))
    for tag, value in (
        ("w:start", "1"),
        ("w:numFmt", fmt),
        ("w:lvlText", text),
        ("w:lvlJc", "left"),
    ):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        lvl.append(child)
    ppr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:hanging"), str(HANGING))
    ppr.append(ind)
    lvl.append(ppr)
    # no font of its own: a bullet is drawn in its paragraph's font, the house one
    return lvl


def set_list(paragraph, num_id: int, level: int) -> None:
    """Make ``paragraph`` an item of list ``num_id`` at ``level`` (0-based)."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


def set_left_indent(paragraph, twips: int) -> None:
    """Indent a paragraph (a list item's second paragraph, text under a numbered paragraph)."""
    paragraph.paragraph_format.left_indent = Twips(twips)
    paragraph.paragraph_format.first_line_indent = Twips(0)


def rule_below(paragraph, colour: str, eighths_of_a_point: int = 18) -> None:
    """A coloured line under ``paragraph`` (a paragraph border, so it moves with the text)."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (
        ("w:val", "single"),
        ("w:sz", str(eighths_of_a_point)),
        ("w:space", "8"),
        ("w:color", colour.lstrip("#")),
    ):
        bottom.set(qn(key), value)
    borders.append(bottom)
    later = next((child for child in p_pr if child.tag in _AFTER_BORDERS), None)
    if later is None:
        p_pr.append(borders)
    else:  # Word reads pPr's children only in the schema's order
        later.addprevious(borders)


_AFTER_BORDERS = {
    qn(f"w:{name}")
    for name in [
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
}


def add_hyperlink(paragraph, url: str):
    """Append an external hyperlink to ``paragraph`` and return the element to fill with runs."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    return link


_STYLE_IDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def style_id(part, name: str | None) -> str | None:
    """The id of paragraph style ``name`` in the document of ``part`` (None: the default).

    python-docx resolves a style name by searching every style, twice, each time a paragraph
    is styled; papers style hundreds of paragraphs in a few styles, so each name is looked
    up once per document."""
    ids = _STYLE_IDS.setdefault(part, {})
    if name not in ids:
        ids[name] = part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)
    return ids[name]


def add_paragraph(container, text: str = "", style: str | None = None):
    """A new paragraph at the end of ``container`` (a document, cell or sub-document)."""
    paragraph = container.add_paragraph(text)
    set_style(paragraph, style)
    return paragraph


def set_style(paragraph, style: str | None) -> None:
    """Give ``paragraph`` the paragraph style named ``style``."""
    paragraph._p.style = style_id(paragraph.part, style)


def set_picture_description(inline_shape, description: str, title: str = "") -> None:
    """Set an image's alt text (what screen readers say), which python-docx leaves empty."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("descr", description)
    if title:
        doc_pr.set("title", title)


def set_document_language(document, language: str) -> None:
    """Set the default proofing language of the document's styles (e.g. ``en-GB``)."""
    styles = document.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = OxmlElement("w:docDefaults")
        styles.insert(0, doc_defaults)
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        doc_defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), "ar-SA")
    document.core_properties.language = language


def document_language(document) -> str | None:
    """The default language of the document's styles, or None."""
    lang = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    return lang.get(qn("w:val")) if lang is not None else None


def copy_story(source, target) -> None:
    """Make ``target`` (a header or footer) a copy of ``source``'s paragraphs and tables."""
    import copy

    element = target._element
    for child in list(element):
        element.remove(child)
    for child in source._element:
        element.append(copy.deepcopy(child))


def drop_trailing_blank(container) -> None:
    """Remove an empty paragraph at the very end of ``container`` (a table's spacer): where
    the document ends, LibreOffice can push it, alone, onto a page of its own."""
    body = container._element.body if hasattr(container._element, "body") else container._element
    last = body[-1] if len(body) else None
    if last is not None and last.tag == qn("w:sectPr"):
        last = last.getprevious()
    if last is None or last.tag != qn("w:p"):
        return
    if not "".join(last.itertext()).strip() and last.find(f".//{qn('w:drawing')}") is None:
        last.getparent().remove(last)


def new_paragraph_element():
    """An empty ``w:p``, to place where python-docx's API cannot (after a table)."""
    return OxmlElement("w:p")
