"""docxtpl, imported with a fix for a known bug that corrupts document properties.

docxtpl's subdocuments import docxcompose, whose ``utils`` module rebinds python-docx's
process-wide ``nsmap["cp"]`` from the core-properties namespace to the custom-properties one.
After that, setting a core property (title, author, ...) appends a second element in the wrong
namespace, and Word reports the file as corrupt (docxtpl issue #471, docxcompose issue #101).
Restoring the mapping is safe: docxcompose keeps its own copy of the namespaces it needs.
"""

from docx.oxml.ns import nsmap
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc

CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
nsmap["cp"] = CORE_PROPERTIES

__all__ = ["DocxTemplate", "Subdoc"]
