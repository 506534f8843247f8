"""What a Word document reaches outside itself for: pictures, objects and text it links to
rather than holds, which LibreOffice reads (from disk or the network) as it lays the document
out, and the template Word attaches it to, whose path names a council's own server."""

import io
import re
import zipfile
from dataclasses import dataclass

from docx.oxml.ns import qn

RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# a link followed only when a reader clicks it
HYPERLINK = RELATIONSHIPS + "hyperlink"
# read by Word alone, for the macros and building blocks of the template a document was made
# from; LibreOffice never opens it (the path is removed from the papers: drop_attached_template)
ATTACHED_TEMPLATE = RELATIONSHIPS + "attachedTemplate"
KINDS = {
    "image": "a picture",
    "oleObject": "an object",
    "subDocument": "a subdocument",
    "frame": "a frame",
    "mailMergeSource": "a mail merge's data",
    "recipientData": "a mail merge's data",
}
# fields whose result is read from another file, or another program (DDE), when they update
FIELDS = re.compile(r"\s*(INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|DDEAUTO|DDE|IMPORT)\b", re.I)
CODE_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml")


@dataclass(frozen=True)
class OutsideLink:
    """One thing a document links to outside itself: what it is and where it points."""

    kind: str  # "a picture", "a field INCLUDETEXT"
    target: str

    def described(self) -> str:
        """``a picture (file:///S:/Logos/crest.png)``, its target cut to a readable length."""
        target = self.target if len(self.target) <= 70 else self.target[:67] + "..."
        return f"{self.kind} ({target})"


def outside_links(data: bytes) -> list[OutsideLink]:
    """Everything the Word document ``data`` (a .docx's bytes) would have LibreOffice read
    from outside it: relationships to an external target other than hyperlinks and the
    attached template, and fields that include or link another file. A file that is not a
    readable zip has none (opening it says what is wrong)."""
    from lxml import etree

    found: list[OutsideLink] = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for name in sorted(package.namelist()):
                if name.endswith(".rels"):
                    found += _external(etree.fromstring(package.read(name), parser))
                elif CODE_PARTS.fullmatch(name):
                    found += _fields(package.read(name))
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError):
        return found
    return found


ADVICE = {
    "a picture": "in Word, choose File, Info, Edit Links to Files, tick 'Save picture in "
    "document' and click Break Link",
    "a field": "in Word, click in the field and press Ctrl+Shift+F9 to keep its text without "
    "the link",
    "a mail merge's data": "in Word, choose Mailings, Start Mail Merge, Normal Word Document",
}
OTHER_ADVICE = "in Word, choose File, Info, Edit Links to Files and click Break Link"


def links_problem(links: list[OutsideLink]) -> str | None:
    """What is wrong with a document that has ``links`` and what to do in Word (a sentence
    to follow its name, for the caller to end with saving), or None when it has none."""
    if not links:
        return None
    shown = ", ".join(link.described() for link in links[:2])
    more = f" and {len(links) - 2} more" if len(links) > 2 else ""
    advice = []
    for link in links:
        kind = "a field" if link.kind.startswith("a field") else link.kind
        step = ADVICE.get(kind, OTHER_ADVICE)
        if step not in advice:
            advice.append(step)
    what = "a file outside itself," if len(links) == 1 else f"{len(links)} files outside itself:"
    return (
        f"links to {what} {shown}{more}, which LibreOffice would read into the PDF as it "
        f"lays the document out; {'; '.join(advice)}"
    )


def _external(rels) -> list[OutsideLink]:
    found = []
    for rel in rels:
        kind = rel.get("Type", "")
        if rel.get("TargetMode") != "External" or kind in (HYPERLINK, ATTACHED_TEMPLATE):
            continue
        found.append(
            OutsideLink(KINDS.get(kind.rsplit("/", 1)[-1], "a part"), rel.get("Target", ""))
        )
    return found


def _fields(xml: bytes) -> list[OutsideLink]:
    """The including fields of one part: simple fields, and complex fields whose code may be
    split over several runs between its begin and separate marks (nested fields each have
    their own code)."""
    from lxml import etree

    found = []
    codes: list[list[str]] = []
    events = etree.iterparse(io.BytesIO(xml), events=("end",), resolve_entities=False)
    for _, element in events:
        if element.tag == qn("w:fldSimple"):
            found += _included(element.get(qn("w:instr"), ""))
        elif element.tag == qn("w:fldChar"):
            mark = element.get(qn("w:fldCharType"))
            if mark == "begin":
                codes.append([])
            elif codes and mark in ("separate", "end"):
                found += _included("".join(codes.pop()))
                if mark == "separate":
                    codes.append(["\0"])  # its result follows: no code (\0 matches none)
        elif element.tag == qn("w:instrText") and codes:
            codes[-1].append(element.text or "")
    return found


def _included(code: str) -> list[OutsideLink]:
    match = FIELDS.match(code)
    if match is None:
        return []
    rest = code[match.end() :].strip()
    target = rest.split('"')[1] if rest.startswith('"') and rest.count('"') >= 2 else rest
    return [OutsideLink(f"a field {match.group(1).upper()}", target.split(" \\", 1)[0])]


def drop_attached_template(document) -> None:
    """Remove from the python-docx ``document`` the template Word attached it to (its path,
    often on a council's own server, is of no use to a reader and names that server)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    settings = document.settings.element
    attached = settings.find(qn("w:attachedTemplate"))
    if attached is None:
        return
    rel_id = attached.get(qn("r:id"))
    settings.remove(attached)
    if rel_id:
        document.part.part_related_by(RT.SETTINGS).drop_rel(rel_id)
