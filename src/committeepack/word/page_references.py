"""Page numbers that the layout fills in: bookmarks, and ``PAGEREF`` fields that print the
page a bookmark is on.

The agenda pack uses them so that it can be converted before any part's length is known:
the front sheet's "Page No." column and each paper's contents refer to bookmarks placed in
the parts, and LibreOffice prints the pages it lays them out on. LibreOffice leaves the
entries of a table-of-contents field as they were written (a ``PAGEREF`` inside one keeps its
old result), so the pack's contents are plain paragraphs (:func:`unwrap_contents`).
"""

from __future__ import annotations

import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from .fields import contents_entries

BOOKMARK_ID_BASE = 900_000  # clear of the ids Word and docxcompose give bookmarks


class Bookmarks:
    """Adds bookmarks to one document, each with an id of its own."""

    def __init__(self) -> None:
        self._next = BOOKMARK_ID_BASE

    def add(self, paragraph, name: str) -> None:
        """Bookmark the paragraph element ``paragraph`` (a ``w:p``) as ``name``."""
        self._next += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._next))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self._next))
        properties = paragraph.find(qn("w:pPr"))
        if properties is None:
            paragraph.insert(0, start)
        else:
            properties.addnext(start)
        paragraph.append(end)


def page_reference_runs(name: str, shown: str, properties=None) -> list:
    """The runs of a ``PAGEREF name`` field, showing ``shown`` until it is updated; each run
    formatted with a copy of ``properties`` (a ``w:rPr``) when given."""
    runs = []
    for kind, text in (("begin", None), (None, f" PAGEREF {name} "), ("separate", None)):
        runs.append(_run(properties, kind, instruction=text))
    runs.append(_run(properties, None, text=shown))
    runs.append(_run(properties, "end"))
    return runs


def _run(properties, kind: str | None, instruction: str | None = None, text: str | None = None):
    run = OxmlElement("w:r")
    if properties is not None:
        run.append(copy.deepcopy(properties))
    if kind is not None:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run.append(char)
    if instruction is not None:
        element = OxmlElement("w:instrText")
        element.set(qn("xml:space"), "preserve")
        element.text = instruction
        run.append(element)
    if text is not None:
        element = OxmlElement("w:t")
        element.set(qn("xml:space"), "preserve")
        element.text = text
        run.append(element)
    return run


def replace_markers(element, fields: dict[str, list[tuple[str, str]]]) -> None:
    """Replace each marker (a key of ``fields``) found in a text of ``element`` by its pieces:
    ``("text", words)`` or ``("page", bookmark)``, the latter a ``PAGEREF`` field. The text
    around a marker stays in its run, and the pieces take the run's formatting."""
    for text in list(element.iter(qn("w:t"))):
        marker = next((m for m in fields if text.text and m in text.text), None)
        if marker is None:
            continue
        run = text.getparent()
        properties = run.find(qn("w:rPr"))
        before, after = text.text.split(marker, 1)
        text.text = before
        text.set(qn("xml:space"), "preserve")
        at = run
        for kind, value in fields[marker]:
            made = (
                page_reference_runs(value, "0", properties)
                if kind == "page"
                else [_run(properties, None, text=value)]
            )
            for piece in made:
                at.addnext(piece)
                at = piece
        if after:
            tail = _run(properties, None, text=after)
            at.addnext(tail)


def unwrap_contents(document) -> None:
    """Turn every table-of-contents field into the plain paragraphs of its entries (its field
    marks and instruction removed), so that fields inside the entries are updated."""
    body = document.element.body
    open_fields: list[dict] = []
    remove = []
    for element in body.iter(qn("w:fldChar"), qn("w:instrText")):
        if element.tag == qn("w:instrText"):
            if open_fields:
                open_fields[-1]["instruction"] += element.text or ""
                open_fields[-1]["runs"].append(element.getparent())
            continue
        kind = element.get(qn("w:fldCharType"))
        if kind == "begin":
            open_fields.append({"instruction": "", "runs": [element.getparent()]})
        elif kind == "separate" and open_fields:
            open_fields[-1]["runs"].append(element.getparent())
        elif kind == "end" and open_fields:
            field = open_fields.pop()
            field["runs"].append(element.getparent())
            if field["instruction"].split()[:1] == ["TOC"]:
                remove += field["runs"]
    for run in remove:
        if run.getparent() is not None:
            run.getparent().remove(run)


def contents_as_references(document, prefix: str, bookmarks: Bookmarks) -> int:
    """Make the page number of each contents entry a ``PAGEREF`` to a bookmark (``prefix``
    and a count) on the heading it names: the first Heading 1 or 2 after the previous one
    found whose text is the entry's. An entry that refers to its page already (Word's own
    contents) is left alone. The number of entries with a page number whose heading was not
    found (they keep their number)."""
    ids = {style.style_id for style in document.styles if style.name in ("Heading 1", "Heading 2")}
    entries = contents_entries(document)
    in_contents = {id(entry._p) for entry in entries}
    headings = [p for p in document.paragraphs if p._p.style in ids and id(p._p) not in in_contents]
    changed, at, missing = 0, 0, 0
    for entry in entries:
        texts = entry._p.findall(f"{qn('w:r')}/{qn('w:t')}")
        if not texts or not (texts[-1].text or "").strip().isdigit():
            continue
        if any("PAGEREF" in (i.text or "") for i in entry._p.iter(qn("w:instrText"))):
            continue
        wanted = _entry_title(entry)
        index = next(
            (i for i in range(at, len(headings)) if " ".join(headings[i].text.split()) == wanted),
            None,
        )
        if index is None:
            missing += 1
            continue
        at = index + 1
        changed += 1
        name = f"{prefix}{changed}"
        bookmarks.add(headings[index]._p, name)
        number = texts[-1]
        run = number.getparent()
        shown = number.text.strip()
        run.remove(number)
        place = run
        for piece in page_reference_runs(name, shown, run.find(qn("w:rPr"))):
            place.addnext(piece)
            place = piece
    return missing


def _entry_title(entry) -> str:
    """A contents entry's words, without its page number."""
    text = entry.text
    words = text.rsplit("\t", 1)[0] if "\t" in text else text.rstrip("0123456789")
    return " ".join(words.split())
