"""The pack's bookmarks (pdf_outline.py): parts at the top, the papers' own headings nested
beneath the part whose pages hold them, whichever way a bookmark names its page."""

import pikepdf
import pytest

from committeepack import pdf_outline
from committeepack.pdf_outline import page_count, set_outline


def pdf_with_headings(path, pages: int = 4):
    """A PDF of blank pages whose bookmarks are headings as LibreOffice writes them (an
    explicit page), one named destination and one go-to action."""
    document = pikepdf.new()
    for _ in range(pages):
        document.add_blank_page()
    page = document.pages
    document.Root.Names = pikepdf.Dictionary(
        Dests=pikepdf.Dictionary(
            Names=pikepdf.Array([pikepdf.String("risks"), pikepdf.Array([page[3].obj, "/Fit"])])
        )
    )
    with document.open_outline() as outline:
        intro = pikepdf.OutlineItem("Introduction", 1)
        intro.children.append(pikepdf.OutlineItem("Background", 1))
        named = pikepdf.OutlineItem("Risks")
        named.destination = pikepdf.String("risks")
        action = pikepdf.OutlineItem("Actions")
        action.action = pikepdf.Dictionary(
            S=pikepdf.Name.GoTo, D=pikepdf.Array([page[2].obj, pikepdf.Name.Fit])
        )
        outline.root[:] = [intro, action, named]
    document.save(path)


def tree(path) -> list:
    with pikepdf.open(path) as document, document.open_outline() as outline:
        index = {page.objgen: n for n, page in enumerate(document.pages)}

        def walk(items):
            return [
                (str(item.title), index[item.destination[0].objgen], walk(item.children))
                for item in items
            ]

        return walk(outline.root)


def test_headings_are_nested_under_the_part_that_holds_their_page(tmp_path):
    path = tmp_path / "pack.pdf"
    pdf_with_headings(path)
    set_outline(path, [("Agenda", 0), ("Agenda Item 4: Plan", 1), ("Appendix 1: Data", 3)])
    assert tree(path) == [
        ("Agenda", 0, []),
        (
            "Agenda Item 4: Plan",
            1,
            [("Introduction", 1, [("Background", 1, [])]), ("Actions", 2, [])],
        ),
        ("Appendix 1: Data", 3, [("Risks", 3, [])]),
    ]
    assert page_count(path) == 4
    assert not path.with_suffix(".outline.tmp").exists()


def test_a_heading_before_the_first_part_is_left_out(tmp_path):
    path = tmp_path / "pack.pdf"
    pdf_with_headings(path)
    set_outline(path, [("Agenda Item 4: Plan", 2)])
    assert tree(path) == [("Agenda Item 4: Plan", 2, [("Actions", 2, []), ("Risks", 3, [])])]


def pdf_with_text(path, pages: list[list[str]]) -> None:
    """A PDF whose pages show ``pages``' lines, in Helvetica (a font every reader knows)."""
    document = pikepdf.new()
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1)
    font.BaseFont = pikepdf.Name.Helvetica
    for lines in pages:
        drawn = "".join(
            f"BT /F1 12 Tf 72 {700 - 20 * n} Td ({line}) Tj ET\n" for n, line in enumerate(lines)
        )
        page = pikepdf.Page(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Page,
                MediaBox=[0, 0, 595, 842],
                Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                Contents=document.make_stream(drawn.encode()),
            )
        )
        document.pages.append(page)
    document.save(path)


PAGES = [["Agenda", "12. Safer Brackenford 3 - 36"], ["Agenda Item 12", "Purpose"], ["Appendix 1"]]


def lines_of(texts) -> list[list[str]]:
    return [[line.strip() for line in text.splitlines() if line.strip()] for text in texts]


def test_page_texts_read_whole_by_pdftotext_or_page_by_page_by_pypdf_agree(tmp_path, monkeypatch):
    path = tmp_path / "pack.pdf"
    pdf_with_text(path, PAGES)
    whole = pdf_outline.PageTexts(path)  # CI installs poppler-utils: pdftotext reads it
    assert whole._pages is None
    monkeypatch.setattr(pdf_outline, "_pdftotext", lambda pdf: None)
    by_page = pdf_outline.PageTexts(path)
    assert by_page._pages is not None
    for texts in (whole, by_page):
        assert len(texts) == 3
        assert lines_of(texts) == PAGES
        assert lines_of([texts[-1]]) == [PAGES[-1]]
        assert lines_of(texts[:2]) == PAGES[:2]
        with pytest.raises(IndexError):
            texts[3]
