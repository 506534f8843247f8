"""The front sheet's PDF copied out of the pack (pdf_pages.py): the first pages with their
structure, nothing of the others, and the named destinations of the parts."""

import os

import pikepdf
import pytest

from committeepack import pdf_check
from committeepack.pdf_pages import destinations, first_pages


def tagged_pdf(path, pages: int = 4) -> None:
    """A tagged PDF as LibreOffice writes one: a Document element whose paragraphs name their
    page (/Pg) and marked content, a figure with alternative text on the last page, a table
    running over pages 2 and 3 (a marked-content reference for its second half), a link on
    page 1 to page 3 and one to a web page, a parent tree, bookmarks and named
    destinations."""
    document = pikepdf.new()
    for _ in range(pages):
        document.add_blank_page()
    page = [p.obj for p in document.pages]
    picture = document.make_stream(b"\x00" * 3000)  # on the last page only
    page[-1].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=picture))
    link_away = document.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Link,
            Rect=[0, 0, 10, 10],
            Dest=pikepdf.Array([page[2], pikepdf.Name.Fit]),
            StructParent=pages,
        )
    )
    web = document.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Link,
            Rect=[0, 20, 10, 30],
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://example.org")),
        )
    )
    page[0].Annots = pikepdf.Array([link_away, web])
    elements = []
    for number in range(pages):
        page[number].StructParents = number
        kind = pikepdf.Name.Figure if number == pages - 1 else pikepdf.Name.P
        element = document.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=kind, Pg=page[number], K=0)
        )
        if kind == pikepdf.Name.Figure:
            element.Alt = pikepdf.String("A chart of crime by type")
        elements.append(element)
    table = document.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem,
            S=pikepdf.Name.Table,
            Pg=page[1],
            K=pikepdf.Array([1, pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=page[2], MCID=1)]),
        )
    )
    link = document.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem,
            S=pikepdf.Name.Link,
            Pg=page[0],
            K=pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=link_away, Pg=page[0]),
        )
    )
    kids = [elements[0], link, elements[1], table, *elements[2:]]
    root_element = document.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, K=pikepdf.Array(kids)
        )
    )
    for kid in kids:
        kid.P = root_element
    nums = []
    for number in range(pages):
        on_page = [elements[number]] + ([table] if number in (1, 2) else [])
        nums += [number, pikepdf.Array(on_page)]
    nums += [pages, link]
    document.Root.StructTreeRoot = document.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.StructTreeRoot,
            K=root_element,
            ParentTree=pikepdf.Dictionary(Nums=pikepdf.Array(nums)),
            ParentTreeNextKey=pages + 1,
        )
    )
    root_element.P = document.Root.StructTreeRoot
    document.Root.Lang = pikepdf.String("en-GB")
    document.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    document.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    document.Root.Dests = pikepdf.Dictionary(
        cpPart0=pikepdf.Array([page[2], pikepdf.Name.Fit]),
        cpPart1=pikepdf.Array([page[3], pikepdf.Name.XYZ, 0, 0, 0]),
    )
    document.docinfo["/Title"] = "The whole pack"
    with document.open_outline() as outline:
        agenda = pikepdf.OutlineItem("Agenda", 0)
        agenda.children.append(pikepdf.OutlineItem("Information for the public", 1))
        outline.root[:] = [agenda, pikepdf.OutlineItem("Agenda Item 8", 2)]
    document.save(path)


def _structure(document) -> list[tuple[str, list[int]]]:
    index = {p.objgen: n for n, p in enumerate(document.pages)}
    found = []
    for kid in document.Root.StructTreeRoot.K.K:
        pages = [index[kid.Pg.objgen]] if "/Pg" in kid else []
        inner = kid.K if isinstance(kid.K, pikepdf.Array) else [kid.K]
        pages += [index[k.Pg.objgen] for k in inner if isinstance(k, pikepdf.Dictionary)]
        found.append((str(kid.S), pages))
    return found


def test_the_first_pages_keep_their_structure_and_nothing_of_the_others(tmp_path):
    pack, front = tmp_path / "pack.pdf", tmp_path / "front.pdf"
    tagged_pdf(pack)
    first_pages(pack, 2, front, "Agenda: Committee, Tuesday 2 June 2026")
    with pikepdf.open(front) as document:
        assert len(document.pages) == 2
        # the table running onto page 3 keeps only its half on page 2
        assert _structure(document) == [("/P", [0]), ("/P", [1]), ("/Table", [1])]
        assert sorted(pikepdf.NumberTree(document.Root.StructTreeRoot.ParentTree).keys()) == [
            0,
            1,
        ]
        # the link to a page left out goes, with its structure element; the web link stays
        [annotation] = document.pages[0].obj.Annots
        assert str(annotation.A.URI) == "https://example.org"
        assert str(document.docinfo.Title) == "Agenda: Committee, Tuesday 2 June 2026"
        assert "/Dests" not in document.Root
        with document.open_outline() as outline:
            assert [(str(i.title), [str(c.title) for c in i.children]) for i in outline.root] == [
                ("Agenda", ["Information for the public"])
            ]
        # what is reached: two pages and their own objects, not the pack's picture
        streams = [o for o in document.objects if isinstance(o, pikepdf.Stream)]
        assert all(len(stream.read_raw_bytes()) < 3000 for stream in streams)
    assert pdf_check.problems(front) == []
    assert os.path.getsize(front) < os.path.getsize(pack)


def test_every_page_copied_keeps_every_element(tmp_path):
    pack, copy = tmp_path / "pack.pdf", tmp_path / "copy.pdf"
    tagged_pdf(pack)
    first_pages(pack, 4, copy, "All of it")
    with pikepdf.open(copy) as document:
        assert [kind for kind, _ in _structure(document)] == [
            "/P",
            "/Link",
            "/P",
            "/Table",
            "/P",
            "/Figure",
        ]
        assert len(document.pages[0].obj.Annots) == 2
    assert pdf_check.problems(copy) == []


@pytest.mark.parametrize("count", [1, 3])
def test_a_page_boundary_anywhere_leaves_a_checked_pdf(tmp_path, count):
    pack, front = tmp_path / "pack.pdf", tmp_path / "front.pdf"
    tagged_pdf(pack)
    first_pages(pack, count, front, "Front")
    with pikepdf.open(front) as document:
        assert len(document.pages) == count
        for kind, pages in _structure(document):
            assert pages and all(p < count for p in pages), kind
    assert pdf_check.problems(front) == []


def test_named_destinations_give_their_page(tmp_path):
    pack = tmp_path / "pack.pdf"
    tagged_pdf(pack)
    assert destinations(pack, ["cpPart0", "cpPart1", "cpPart2"]) == {"cpPart0": 2, "cpPart1": 3}
