"""Tracked changes (revisions): deleted and inserted text as Word's Review pane shows them."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass

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


# the marks of a review not yet finished: changes tracked and not accepted or rejected (text,
# moves, formatting), and comments
CHANGE_TAGS = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "tblPrChange")
REVIEWED_PARTS = (
    "word/document.xml",
    "word/header",
    "word/footer",
    "word/footnotes.xml",
    "word/endnotes.xml",
)


@dataclass(frozen=True)
class PendingReview:
    """How many tracked changes and comments a Word document still holds."""

    changes: int = 0
    comments: int = 0

    def __bool__(self) -> bool:
        return bool(self.changes or self.comments)

    def described(self) -> str:
        """``3 tracked changes not yet accepted or rejected and 1 comment``."""
        parts = []
        if self.changes:
            parts.append(f"{_count(self.changes, 'tracked change')} not yet accepted or rejected")
        if self.comments:
            parts.append(_count(self.comments, "comment"))
        return " and ".join(parts)

    def steps(self) -> str:
        """What to do in Word: ``accept or reject the changes and delete the comments``."""
        steps = ["accept or reject the changes"] if self.changes else []
        steps += ["delete the comments"] if self.comments else []
        return " and ".join(steps)


def pending_review(data: bytes) -> PendingReview:
    """The tracked changes and comments of the Word document ``data`` (a .docx's bytes), in
    its body, headers, footers and notes; a part that cannot be read counts nothing (the
    conversion says what is wrong with the file)."""
    from lxml import etree

    changes = comments = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for name in package.namelist():
                if name == "word/comments.xml":
                    root = etree.fromstring(package.read(name))
                    comments += len(root.findall(qn("w:comment")))
                elif name.startswith(REVIEWED_PARTS) and name.endswith(".xml"):
                    root = etree.fromstring(package.read(name))
                    changes += sum(1 for tag in CHANGE_TAGS for _ in root.iter(qn(f"w:{tag}")))
    except (zipfile.BadZipFile, etree.XMLSyntaxError):
        pass
    return PendingReview(changes, comments)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


# the parts of a document whose text is printed: body, headers, footers, notes
SHOWN_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")


def paragraph_texts(data: bytes) -> list[str]:
    """The text of each paragraph of the Word document ``data`` (a .docx's bytes), in its
    body and tables, then its headers, footers, footnotes and endnotes, as Word shows it
    (deleted text left out)."""
    from lxml import etree

    texts = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = sorted(name for name in package.namelist() if SHOWN_PARTS.fullmatch(name))
        for name in sorted(parts, key=lambda n: n != "word/document.xml"):
            root = etree.fromstring(package.read(name))
            texts += [
                "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in root.iter(qn("w:p"))
            ]
    return texts


def hidden_text(data: bytes) -> list[str]:
    """The runs of text the Word document ``data`` hides (formatted as Hidden: ``w:vanish``)
    in its body, headers, footers and notes, each as its text: kept in every copy, unseen in
    Word and the PDF unless hidden text is shown. A part that cannot be read hides nothing."""
    from lxml import etree

    found = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for name in sorted(n for n in package.namelist() if SHOWN_PARTS.fullmatch(n)):
                root = etree.fromstring(package.read(name))
                for run in root.iter(qn("w:r")):
                    vanish = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
                    if vanish is None or vanish.get(qn("w:val")) in ("0", "false", "off"):
                        continue
                    text = "".join(t.text or "" for t in run.iter(qn("w:t"))).strip()
                    if text:
                        found.append(text)
    except (zipfile.BadZipFile, etree.XMLSyntaxError):
        return found
    return found
