"""A paper's document properties are the paper's own, not its template's: whatever a council's
template carried (keywords, a description, its company and manager, a sensitivity label or a
SharePoint document id among its custom properties, a thumbnail of its first page) is left
out, so that a public paper neither claims the template's labels nor shows its picture."""

import re

# package relationships of what a template holds about itself
CUSTOM_PROPERTIES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
EXTENDED_PROPERTIES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
)
# elements of docProps/app.xml that describe the template's owner rather than the paper
OWNER_ELEMENTS = ("Company", "Manager", "HyperlinkBase")
TEMPLATE_ELEMENT = re.compile(rb"<Template>[^<]*</Template>")
NORMAL_TEMPLATE = b"<Template>Normal.dotm</Template>"


PROPERTY_MAX = 255  # Word's limit for a document property (python-docx enforces it)


def property_text(text: str) -> str:
    """``text`` as a document property holds it: whole, or, past Word's 255 characters, cut
    at a word and ended with an ellipsis (the paper itself shows the whole text)."""
    if len(text) <= PROPERTY_MAX:
        return text
    cut = text[: PROPERTY_MAX - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip() + "\u2026"


def set_title(document, title: str) -> None:
    """Give the python-docx ``document`` its title property (:func:`property_text`: a
    committee's long name made the agenda's title too long, and python-docx raised)."""
    document.core_properties.title = property_text(title)


def drop_template_properties(document) -> None:
    """Clear the python-docx ``document``'s properties that came from its template: the core
    properties committeepack does not set, the custom properties and the thumbnail, and the
    extended properties naming the template's company, manager and template file."""
    core = document.core_properties
    for name in ("keywords", "comments", "category", "content_status", "version"):
        if getattr(core, name):
            setattr(core, name, "")
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype in (CUSTOM_PROPERTIES, THUMBNAIL):
            package.rels.pop(rel_id)
        elif rel.reltype == EXTENDED_PROPERTIES and not rel.is_external:
            _clear_owner(rel.target_part)


def _clear_owner(part) -> None:
    """Empty the owner's elements of docProps/app.xml (a part python-docx keeps as bytes)."""
    blob = part.blob
    cleared = blob
    for name in OWNER_ELEMENTS:
        tag = name.encode()
        cleared = re.sub(rb"<%s>[^<]*</%s>" % (tag, tag), b"<%s/>" % tag, cleared)
    cleared = TEMPLATE_ELEMENT.sub(NORMAL_TEMPLATE, cleared)
    if cleared != blob:
        part._blob = cleared  # python-docx has no setter for a part it does not model
