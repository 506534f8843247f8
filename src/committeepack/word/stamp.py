"""The mark committeepack puts on a default template it writes into ``templates/``, so that a
template nobody has edited since is known for one, and follows ``[branding]`` when it changes.

The mark is the document's identifier property (``dc:identifier`` in ``docProps/core.xml``):
what the template was made from (a hash of the branding it was styled with) and a hash of
every other part of the file. Any save from Word rewrites those parts, so the second hash no
longer matches and the template is the user's from then on.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from lxml import etree

CORE = "docProps/core.xml"
DC = "http://purl.org/dc/elements/1.1/"
PREFIX = "committeepack default template"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def _content_hash(archive: zipfile.ZipFile) -> str:
    """A hash of every part but the core properties (which the mark itself is in)."""
    digest = hashlib.sha256()
    for name in sorted(archive.namelist()):
        if name != CORE:
            digest.update(name.encode() + b"\0" + archive.read(name) + b"\0")
    return digest.hexdigest()[:32]


def stamped(data: bytes, made_from: str) -> bytes:
    """The .docx ``data`` marked as committeepack's default template, styled from
    ``made_from`` (a hash of the branding); the other parts are copied byte for byte."""
    source = zipfile.ZipFile(io.BytesIO(data))
    core = etree.fromstring(source.read(CORE), PARSER)
    identifier = core.find(f"{{{DC}}}identifier")
    if identifier is None:
        identifier = etree.SubElement(core, f"{{{DC}}}identifier")
    identifier.text = f"{PREFIX} {made_from} {_content_hash(source)}"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == CORE:
                xml = etree.tostring(core, xml_declaration=True, encoding="UTF-8", standalone=True)
                target.writestr(info, xml)
            else:
                target.writestr(info, source.read(info.filename))
    return buffer.getvalue()


def made_from(path: Path, unless: str | None = None) -> str | None:
    """What the default template at ``path`` was styled from, when it is one committeepack
    wrote and nobody has changed since; None for any other file (or one that cannot be read:
    the template's own checks report it). A mark naming ``unless`` is returned without
    hashing the file's parts: a caller that treats that branding alike, edited or not, need
    not read the whole template to learn which."""
    try:
        with zipfile.ZipFile(path) as archive:
            core = etree.fromstring(archive.read(CORE), PARSER)
            identifier = core.find(f"{{{DC}}}identifier")
            text = identifier.text if identifier is not None else None
            if not text or not text.startswith(PREFIX + " "):
                return None
            made, _, content = text[len(PREFIX) + 1 :].rpartition(" ")
            if made and made == unless:
                return made
            return made if made and content == _content_hash(archive) else None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None
