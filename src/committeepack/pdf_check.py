"""An accessibility check of a PDF, with pypdf: what a screen reader and a council's
accessibility statement need (tags, language, title shown, figures with alternative text)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def problems(path: Path) -> list[str]:
    """What the PDF lacks, one sentence each; empty when it passes."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    root: Any = reader.trailer["/Root"]  # a dictionary object, as pypdf reads it
    found = []
    if "/StructTreeRoot" not in root:
        found.append("not tagged (no structure tree); export it as tagged PDF")
    if not str(root.get("/Lang", "")).strip():
        found.append("no document language (/Lang)")
    if not (root.get("/MarkInfo") or {}).get("/Marked"):
        found.append("not marked as tagged (/MarkInfo)")
    title = reader.metadata.title if reader.metadata else None
    if not title:
        found.append("no document title")
    if not (root.get("/ViewerPreferences") or {}).get("/DisplayDocTitle"):
        found.append("the window shows the file name, not the title (DisplayDocTitle)")
    if "/StructTreeRoot" in root:
        missing = [f for f in figures(root["/StructTreeRoot"]) if not str(f.get("/Alt", ""))]
        if missing:
            found.append(f"{len(missing)} figure(s) without alternative text")
    return found


def figures(element, seen: set | None = None) -> list:
    """Every /Figure structure element under ``element``."""
    seen = set() if seen is None else seen
    found = []
    stack = [element]
    while stack:
        node = stack.pop()
        if hasattr(node, "get_object"):
            node = node.get_object()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, list):
            stack.extend(node)
        elif hasattr(node, "get"):
            if node.get("/S") == "/Figure":
                found.append(node)
            kids = node.get("/K")
            if kids is not None:
                stack.append(kids)
    return found
