"""Tracked changes (revisions): deleted and inserted text as Word's Review pane shows them."""

from __future__ import annotations

import datetime as dt

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def add_revision(
    paragraph, inserted: bool, text: str, when: dt.datetime, ident: int, author: str
) -> None:
    """Append ``text`` to ``paragraph`` as a tracked insertion (or deletion)."""
    revision = OxmlElement("w:ins" if inserted else "w:del")
    revision.set(qn("w:id"), str(ident))
    revision.set(qn("w:author"), author)
    revision.set(qn("w:date"), when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    run = OxmlElement("w:r")
    content = OxmlElement("w:t" if inserted else "w:delText")
    content.set(qn("xml:space"), "preserve")
    content.text = text
    run.append(content)
    revision.append(run)
    paragraph._p.append(revision)
