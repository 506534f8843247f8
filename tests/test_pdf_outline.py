"""The pack's bookmarks (pdf_outline.py): parts at the top, the papers' own headings nested
beneath the part whose pages hold them, whichever way a bookmark names its page."""

import pikepdf

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
