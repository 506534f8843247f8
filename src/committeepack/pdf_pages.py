"""Pages of a tagged PDF copied out with their structure, and the named destinations of one.

The front sheet's own PDF is the pack's first pages: they are laid out once, with the page
ranges LibreOffice filled in. Copying pages with pypdf or pikepdf drops the structure tree
(the tags that carry headings, alternative text and table header rows), so the copy is made
by removing the other pages and pruning the tree to what the kept pages hold: every
structure element on a removed page goes, with its entries in the parent tree, and QPDF
writes only what is still reached. Hand-written, as neither library prunes a structure tree.
"""

from __future__ import annotations

import os
from pathlib import Path


def first_pages(source: Path, count: int, target: Path, title: str) -> None:
    """Write the first ``count`` pages of the tagged PDF ``source`` to ``target``, with their
    structure, the document title ``title`` and only the bookmarks that lead to them."""
    import pikepdf

    from .pdf_outline import bookmarks

    with pikepdf.open(source) as document:
        kept = {page.objgen for page in document.pages[:count]}
        headings = [entry for entry in bookmarks(document) if entry[1] < count]
        root = document.Root
        dropped = _drop_links_away(document.pages[:count], kept)
        tree = root.get("/StructTreeRoot")
        if tree is not None:
            _prune(tree, kept, dropped)
            _prune_parent_tree(tree, document.pages[:count])
        del document.pages[count:]
        document.remove_unreferenced_resources()  # the pages may share the pack's pictures
        for name in ("/Outlines", "/Names", "/Dests"):
            if name in root:
                del root[name]
        with document.open_outline() as outline:
            outline.root[:] = _nested(headings)
        document.docinfo["/Title"] = title
        with document.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
        partial = target.with_name(target.name + ".part")
        document.save(partial)
    os.replace(partial, target)


def _nested(headings: list[tuple[str, int, int]]) -> list:
    """Outline items from (title, page index, depth), nested by depth."""
    import pikepdf

    top: list = []
    stack: list = []
    for title, page, depth in headings:
        item = pikepdf.OutlineItem(title, page)
        stack = stack[:depth]
        (stack[-1].children if stack else top).append(item)
        stack.append(item)
    return top


def _drop_links_away(pages, kept: set) -> set:
    """Remove from ``pages`` every link that leads to a page not kept, or to a named
    destination (the copy has none); the objects of the links removed."""
    import pikepdf

    dropped: set = set()
    for page in pages:
        annotations = page.obj.get("/Annots")
        if annotations is None:
            continue
        left = pikepdf.Array()
        for annotation in annotations:
            target = annotation.get("/Dest")
            action = annotation.get("/A")
            if target is None and action is not None and action.get("/S") == "/GoTo":
                target = action.get("/D")
            away = target is not None and not (
                isinstance(target, pikepdf.Array)
                and len(target)
                and getattr(target[0], "objgen", None) in kept
            )
            if away:
                dropped.add(annotation.objgen)
            else:
                left.append(annotation)
        page.obj.Annots = left
    return dropped


def _page_of(element, kept: set) -> bool | None:
    """Whether ``element``'s own page (its ``/Pg``) is kept (None: it names none)."""
    page = element.get("/Pg")
    return None if page is None else page.objgen in kept


def _prune(element, kept: set, dropped: set) -> bool:
    """Drop from ``element`` every kid on a removed page; whether anything of it is left.
    A kid is a marked-content id (on the element's page), a marked-content or object
    reference (on its own page or the element's), or a structure element."""
    import pikepdf

    own = _page_of(element, kept)
    kids = element.get("/K")
    if kids is None:
        return own is not False
    single = not isinstance(kids, pikepdf.Array)
    left = []
    for kid in [kids] if single else list(kids):
        if isinstance(kid, int):
            keep = own is not False
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") in ("/MCR", "/OBJR"):
            on = _page_of(kid, kept)
            keep = (own is not False) if on is None else on
            target = kid.get("/Obj")
            keep = keep and getattr(target, "objgen", None) not in dropped
        elif isinstance(kid, pikepdf.Dictionary):
            keep = _prune(kid, kept, dropped)
        else:
            keep = True
        if keep:
            left.append(kid)
    if own is False:
        del element["/Pg"]  # else it would carry the removed page into the copy
    if not left:
        return False
    element["/K"] = left[0] if single else pikepdf.Array(left)
    return True


def _prune_parent_tree(tree, pages) -> None:
    """Keep the parent tree's entries for the kept pages and their annotations only."""
    import pikepdf

    parents = tree.get("/ParentTree")
    if parents is None:
        return
    wanted = set()
    for page in pages:
        if "/StructParents" in page.obj:
            wanted.add(int(page.obj.StructParents))
        for annotation in page.obj.get("/Annots", []):
            if "/StructParent" in annotation:
                wanted.add(int(annotation.StructParent))
    entries = pikepdf.NumberTree(parents)
    kept = sorted((key, entries[key]) for key in wanted if key in entries)
    flat = pikepdf.Array()
    for key, value in kept:
        flat.append(key)
        flat.append(value)
    tree.ParentTree = pikepdf.Dictionary(Nums=flat)
    if "/ParentTreeNextKey" in tree:
        tree.ParentTreeNextKey = max(wanted, default=-1) + 1


def destinations(pdf: Path, names: list[str]) -> dict[str, int]:
    """The page index each of the named destinations ``names`` leads to (those found)."""
    import pikepdf

    from .pdf_outline import destination_page

    with pikepdf.open(pdf) as document:
        index = {page.objgen: number for number, page in enumerate(document.pages)}
        pages = {name: destination_page(document, name, index) for name in names}
    return {name: page for name, page in pages.items() if page is not None}
