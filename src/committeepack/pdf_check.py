"""An accessibility check of a PDF, with pikepdf: what a screen reader and a council's
accessibility statement need (tags, language, title shown, figures with alternative text)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def problems(path: Path) -> list[str]:
    """What the PDF lacks, one sentence each; empty when it passes."""
    import pikepdf

    with pikepdf.open(path) as document:
        root = document.Root
        found = []
        if "/StructTreeRoot" not in root:
            found.append("not tagged (no structure tree); export it as tagged PDF")
        if not str(root.get("/Lang", "")).strip():
            found.append("no document language (/Lang)")
        if not _flag(root.get("/MarkInfo"), "/Marked"):
            found.append("not marked as tagged (/MarkInfo)")
        if not str(document.docinfo.get("/Title", "")).strip():
            found.append("no document title")
        if not _flag(root.get("/ViewerPreferences"), "/DisplayDocTitle"):
            found.append("the window shows the file name, not the title (DisplayDocTitle)")
        if "/StructTreeRoot" in root:
            missing = [f for f in figures(root.StructTreeRoot) if not str(f.get("/Alt", ""))]
            if missing:
                found.append(f"{len(missing)} figure(s) without alternative text")
        return found


def _flag(dictionary: Any, key: str) -> bool:
    return dictionary is not None and bool(dictionary.get(key, False))


def figures(element: Any) -> list:
    """Every /Figure structure element under ``element`` (a pikepdf object)."""
    import pikepdf

    seen: set = set()
    found = []
    stack = [element]
    while stack:
        node = stack.pop()
        if getattr(node, "is_indirect", False):  # (a marked-content id is a plain int)
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        if isinstance(node, pikepdf.Array):
            stack.extend(node)
        elif isinstance(node, pikepdf.Dictionary):
            if node.get("/S") == "/Figure":
                found.append(node)
            kids = node.get("/K")
            if kids is not None:
                stack.append(kids)
    return found
