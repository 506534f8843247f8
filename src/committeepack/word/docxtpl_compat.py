"""docxtpl, imported with a fix for a known bug that corrupts document properties, and a
cheaper way to start a subdocument.

docxtpl's subdocuments import docxcompose, whose ``utils`` module rebinds python-docx's
process-wide ``nsmap["cp"]`` from the core-properties namespace to the custom-properties one.
After that, setting a core property (title, author, ...) appends a second element in the wrong
namespace, and Word reports the file as corrupt (docxtpl issue #471, docxcompose issue #101).
Restoring the mapping is safe: docxcompose keeps its own copy of the namespaces it needs.
"""

from __future__ import annotations

import functools

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsmap
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc
from lxml import etree

CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
nsmap["cp"] = CORE_PROPERTIES

__all__ = ["DocxTemplate", "Subdoc", "new_subdoc"]


@functools.cache
def _blank_body() -> bytes:
    """The document part of python-docx's default template, the body a subdocument starts
    from, read once."""
    return etree.tostring(docx.Document().element)


def new_subdoc(tpl: DocxTemplate) -> Subdoc:
    """What ``tpl.new_subdoc()`` makes, without opening python-docx's default template for
    each: a new subdocument uses only that template's body, its parts (styles, numbering,
    pictures) being ``tpl``'s own, so opening the whole package (a dozen XML parts parsed)
    every time cost a build 40 ms for nothing."""
    tpl.init_docx()
    subdoc = Subdoc.__new__(Subdoc)
    subdoc.tpl = tpl
    subdoc.docx = tpl.get_docx()
    subdoc.subdocx = Document(parse_xml(_blank_body()), subdoc.docx.part)
    return subdoc
