"""The pack placed by reference (word/page_references.py, word/compose.py): bookmarks where
each part starts and ends, contents entries and the front sheet's ranges as PAGEREF fields,
read back from the saved document with python-docx."""

import io

import docx
import pytest
from docx.oxml.ns import qn

from committeepack.word.compose import ContentsNotFound, PackPart, compose, part_end, part_start
from committeepack.word.fields import (
    append_page_number,
    begin_contents,
    contents_entries,
    end_field,
)

MARKER = "[[committeepack-pages-12]]"


def _saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _front() -> bytes:
    document = docx.Document()
    document.add_paragraph("Agenda")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "12. The assessment"
    run = table.rows[0].cells[1].paragraphs[0].add_run(f"pages {MARKER} in the pack")
    run.bold = True
    return _saved(document)


def _paper(headings: list[str], contents: list[str] | None = None, table_last=False) -> bytes:
    """A paper whose contents (a TOC field, entries with numbers) lists ``contents``."""
    document = docx.Document()
    listed = headings if contents is None else contents
    for number, heading in enumerate(listed):
        entry = document.add_paragraph(style="TOC 1" if "TOC 1" in _names(document) else None)
        if number == 0:
            begin_contents(entry)
        entry.add_run(heading)
        append_page_number(entry, str(number + 2))
        if number == len(listed) - 1:
            end_field(entry)
    for heading in headings:
        document.add_heading(heading, level=1)
        document.add_paragraph(f"About {heading.lower()}.")
    if table_last:
        document.add_table(rows=1, cols=1).rows[0].cells[0].text = "Last cell"
    return _saved(document)


def _names(document) -> set:
    return {style.name for style in document.styles}


@pytest.fixture(autouse=True)
def contents_style(monkeypatch):
    """python-docx's default template has no "TOC 1" style: add one to every new document."""
    original = docx.Document

    def with_contents_style(*args, **kwargs):
        document = original(*args, **kwargs)
        if not args and "TOC 1" not in _names(document):
            from docx.enum.style import WD_STYLE_TYPE

            document.styles.add_style("TOC 1", WD_STYLE_TYPE.PARAGRAPH)
        return document

    monkeypatch.setattr(docx, "Document", with_contents_style)


def _pack(parts, fields=None) -> docx.document.Document:
    data = compose(_front(), parts, "Agenda", "en-GB", fields)
    return docx.Document(io.BytesIO(data))


def _bookmarks(document) -> dict[str, str]:
    """Each bookmark's name and the text of the paragraph it is in."""
    found = {}
    for start in document.element.body.iter(qn("w:bookmarkStart")):
        paragraph = start.getparent()
        found[start.get(qn("w:name"))] = _text(paragraph)
    return found


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _instructions(element) -> list[str]:
    return [" ".join(t.text.split()) for t in element.iter(qn("w:instrText"))]


def test_parts_placed_by_reference_are_bookmarked_where_they_start_and_end():
    first = _paper(["Aim", "Method"])
    second = _paper(["Summary"], table_last=True)
    pack = _pack([PackPart(first, "Agenda Item 12", None), PackPart(second, "Appendix 1", None)])
    marks = _bookmarks(pack)
    assert marks[part_start(0)].startswith("Aim")  # the contents' first entry
    assert marks[part_start(1)].startswith("Summary")
    assert part_end(0) in marks
    # the last part ends in a table: its end is in the table's last cell, which LibreOffice
    # keeps (it drops an empty paragraph after a table that ends a document)
    assert marks[part_end(1)] == "Last cell"
    ids = [s.get(qn("w:id")) for s in pack.element.body.iter(qn("w:bookmarkStart"))]
    assert len(ids) == len(set(ids))


def test_contents_refer_to_their_headings_and_are_no_longer_a_field():
    pack = _pack([PackPart(_paper(["Aim", "Method", "Aim"]), "Agenda Item 12", None)])
    entries = contents_entries(pack)
    assert [_instructions(entry._p) for entry in entries] == [
        ["PAGEREF cpPart0Heading1"],
        ["PAGEREF cpPart0Heading2"],
        ["PAGEREF cpPart0Heading3"],
    ]
    marks = _bookmarks(pack)
    assert [marks[f"cpPart0Heading{n}"] for n in (1, 2, 3)] == ["Aim", "Method", "Aim"]
    headings = [p for p in pack.paragraphs if p.style.name == "Heading 1"]
    assert [h._p.find(qn("w:bookmarkStart")) is not None for h in headings] == [True] * 3
    assert not any("TOC" in i for i in _instructions(pack.element.body))
    # each entry shows its old number until LibreOffice lays the pack out
    assert [e.text.split("\t")[-1] for e in entries] == ["2", "3", "4"]


def test_a_contents_entry_without_its_heading_cannot_be_placed_by_reference():
    paper = _paper(["Aim"], contents=["Aim", "A heading since removed"])
    with pytest.raises(ContentsNotFound):
        _pack([PackPart(paper, "Agenda Item 12", None)])
    # placed where its first page is known, it is shifted instead
    pack = _pack([PackPart(paper, "Agenda Item 12", 5)])
    assert [e.text.split("\t")[-1] for e in contents_entries(pack)] == ["6", "7"]
    assert "PAGEREF" not in " ".join(_instructions(pack.element.body))


def test_the_front_sheet_marker_becomes_its_range_keeping_the_words_around_it():
    fields = {MARKER: [("page", part_start(0)), ("text", " - "), ("page", part_end(1))]}
    parts = [
        PackPart(_paper(["Aim"]), "Agenda Item 12", None),
        PackPart(_paper(["Data"]), "Appendix 1", None),
    ]
    pack = _pack(parts, fields)
    cell = pack.tables[0].rows[0].cells[1].paragraphs[0]
    assert _instructions(cell._p) == ["PAGEREF cpPart0", "PAGEREF cpPart1End"]
    assert cell.text == "pages 0 - 0 in the pack"
    assert all(run.bold for run in cell.runs if run.text.strip())
    assert MARKER not in _text(pack.element.body)


def test_parts_with_known_pages_get_no_bookmarks():
    pack = _pack([PackPart(_paper(["Aim"]), "Agenda Item 12", 3)])
    assert not any(name.startswith("cpPart") for name in _bookmarks(pack))
