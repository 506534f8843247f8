"""Laying the papers out: which are laid out, and the warning for a one-page paper that runs
on (LibreOffice stood in for by the pages it would give; the real run is in
test_libreoffice.py)."""

import io

import docx
import pytest

from committeepack import contents_pages, paper_layout
from committeepack.contents_pages import add_page_numbers_all
from committeepack.errors import collect_warnings
from committeepack.paper_layout import LaidOut

WARNING = (
    "out/data-on-a-page.docx: prints on {pages} pages as LibreOffice lays it out, where the "
    "committee expects one; shorten the priorities' names or the partnership's name, show "
    "fewer headlines, or choose a smaller body_size or a narrower font in [branding] (or, in a "
    "template of your own, less above the grid, smaller text or smaller margins)"
)


def _plain_docx() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("A paper without a contents page.")
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def laid_out(monkeypatch):
    """The names each (stood-in) LibreOffice run was given; every paper prints on as many
    pages as ``laid_out.pages`` says."""

    class Runs(list):
        pages = 1

    runs = Runs()

    def lay_out(papers, office=None):
        runs.append(sorted(papers))
        return {
            name: LaidOut(runs.pages, texts=[f"page {n}" for n in range(runs.pages)])
            for name in papers
        }

    monkeypatch.setattr(contents_pages, "lay_out", lay_out)
    return runs


@pytest.mark.parametrize(("pages", "warned"), [(1, False), (2, True), (3, True)])
def test_a_one_page_paper_is_a_warning_only_when_it_prints_on_more_than_one(
    laid_out, pages, warned
):
    laid_out.pages = pages
    data = _plain_docx()
    papers = {"0/data-on-a-page": data, "0/agenda-item": data}
    with collect_warnings() as warnings:
        result = add_page_numbers_all(
            papers, None, {"0/data-on-a-page": "out/data-on-a-page.docx"}, set()
        )
    assert result == papers  # nothing to number: the bytes as they were
    assert [str(w) for w in warnings] == ([WARNING.format(pages=pages)] if warned else [])
    # the agenda item has no contents and need not be one page: it is not laid out
    assert laid_out == [["0/data-on-a-page"]]


def test_without_a_one_page_paper_or_a_contents_page_nothing_is_laid_out(laid_out):
    laid_out.pages = 5
    papers = {"0/agenda-item": _plain_docx()}
    with collect_warnings() as warnings:
        assert add_page_numbers_all(papers, None, {}, set()) == papers
    assert laid_out == [] and warnings == []


def test_only_the_data_on_a_page_must_be_one_page():
    from committeepack.papers import PAPERS

    assert {name for name, paper in PAPERS.items() if paper.one_page} == {"data-on-a-page"}
    assert {name for name, paper in PAPERS.items() if paper.laid_out} == {
        "data-on-a-page",
        "strategic-assessment",
        "plan",
    }


def _contents_docx(headings: list[str]) -> bytes:
    """A paper with a contents page listing ``headings``, as the build writes one."""
    from docx.enum.style import WD_STYLE_TYPE

    from committeepack.word.blocks import add_table_of_contents
    from committeepack.word.styles import Styles

    document = docx.Document()
    document.styles.add_style("TOC 1", WD_STYLE_TYPE.PARAGRAPH)
    add_table_of_contents(document, [(1, h) for h in headings], Styles())
    for heading in headings:
        document.add_heading(heading, 1)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_papers_the_build_names_as_having_contents_are_numbered_without_opening_others(
    monkeypatch,
):
    """The build says which papers have a contents page (their kind knows); the others are
    not opened to look, and a name it gives for a paper not built is passed over."""
    paper = _contents_docx(["Aim", "Background"])
    pages = {"0/sa": LaidOut(3, texts=["Contents Aim Background", "Aim", "Background"])}
    monkeypatch.setattr(contents_pages, "lay_out", lambda papers, office=None: pages)
    plain = _plain_docx()
    opened = []
    reader = contents_pages.docx.Document

    def read(stream):
        opened.append(stream.getvalue())
        return reader(stream)

    monkeypatch.setattr(contents_pages.docx, "Document", read)
    result = add_page_numbers_all(
        {"0/sa": paper, "0/agenda-item": plain}, None, {}, {"0/sa", "1/x"}
    )
    assert opened == [paper]  # only the paper with contents, to number them
    assert result["0/agenda-item"] is plain
    entries = [p.text for p in docx.Document(io.BytesIO(result["0/sa"])).paragraphs[:2]]
    assert [e.split()[-1] for e in entries] == ["2", "3"]  # each heading's page written in


@pytest.mark.parametrize(
    ("headings", "pages"),
    [
        ([], ["Contents"]),  # contents that list nothing
        (["Aim"], ["Something else entirely"]),  # contents not where LibreOffice laid them
    ],
)
def test_contents_that_cannot_be_numbered_leave_the_paper_as_it_was(monkeypatch, headings, pages):
    paper = _contents_docx(headings)
    laid = {"0/sa": LaidOut(len(pages), texts=pages)}
    monkeypatch.setattr(contents_pages, "lay_out", lambda papers, office=None: laid)
    assert add_page_numbers_all({"0/sa": paper}, None, {}, {"0/sa"}) == {"0/sa": paper}


def test_a_paper_libreoffice_cannot_read_is_named_by_the_paper_not_its_copy(monkeypatch):
    from committeepack import libreoffice

    class Refusing:
        soffice = "soffice"

        def convert(self, files, folder, export="pdf"):
            raise libreoffice.NotConverted([files[1].name])

    monkeypatch.setattr(paper_layout, "tools", lambda setting=None: ("soffice", "pdftotext"))
    papers = {"strategic-assessment": _plain_docx(), "plan": _plain_docx()}
    with pytest.raises(libreoffice.NotConverted) as raised:
        paper_layout.page_texts_of(papers, Refusing())
    assert raised.value.names == ["plan"]
    assert libreoffice.failure(raised.value) == "it made no PDF of plan"


def _numbers(data: bytes) -> list[str]:
    entries = docx.Document(io.BytesIO(data)).paragraphs
    return [p.text.rpartition("\t")[2] for p in entries if "\t" in p.text]


def test_the_pages_libreoffice_fills_its_own_contents_in_with_are_written_in(monkeypatch):
    """Asked through uno, LibreOffice fills in the contents from its layout: each entry's page
    is taken from the entry of the same text, in order, as printed (a template may number its
    pages in roman numerals)."""
    paper = _contents_docx(["Aim", "Background", "Aim"])
    filled = [("Contents", "i"), ("Aim", "3"), ("Background", "iv"), ("Aim", "12")]
    laid = {"0/sa": LaidOut(12, entries=filled)}
    monkeypatch.setattr(contents_pages, "lay_out", lambda papers, office=None: laid)
    monkeypatch.setattr(contents_pages, "page_texts_of", pytest.fail)  # no PDF needed
    result = add_page_numbers_all({"0/sa": paper}, None, {}, {"0/sa"})
    assert _numbers(result["0/sa"]) == ["3", "iv", "12"]


@pytest.mark.parametrize(
    "filled",
    [
        [("Aim", "3")],  # an entry of the paper's missing from LibreOffice's
        [("Background", "4"), ("Aim", "3")],  # out of order
        [("Aim:", "3"), ("Background", "4")],  # not the same text
        [],  # no contents filled in
    ],
)
def test_contents_libreoffice_fills_in_otherwise_are_numbered_from_the_pdf(monkeypatch, filled):
    paper = _contents_docx(["Aim", "Background"])
    laid = {"0/sa": LaidOut(4, entries=filled)}
    monkeypatch.setattr(contents_pages, "lay_out", lambda papers, office=None: laid)
    read = []

    def page_texts_of(papers, office=None):
        read.append(sorted(papers))
        return {"0/sa": ["Contents Aim Background", "", "Aim", "Background"]}

    monkeypatch.setattr(contents_pages, "page_texts_of", page_texts_of)
    result = add_page_numbers_all({"0/sa": paper, "0/plan": _plain_docx()}, None, {}, {"0/sa"})
    assert read == [["0/sa"]]
    assert _numbers(result["0/sa"]) == ["3", "4"]


def test_the_contents_libreoffice_fills_in_are_read_entry_by_entry():
    filled = "Aim of\u00a0this  assessment\t3\nNo page here\nBackground\t 12 \nWhat\tnext\t iv\n\t5"
    assert paper_layout._entries([filled, "Appendix\t20"]) == [
        ("Aim of this assessment", "3"),
        ("Background", "12"),
        ("What next", "iv"),
        ("", "5"),
        ("Appendix", "20"),
    ]
    assert paper_layout._entries([]) == []
    assert paper_layout._entries(["Aim\t1 2"]) == []  # not one page
