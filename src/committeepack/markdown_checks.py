"""What narrative Markdown may not hold, checked where it is met: each check gives the
problem as the author reads it (the writer puts it at its line), or None. Links only a
published paper can open, with words to follow; images with alt text, inside the project;
no Markdown left as text, no footnotes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from markdown_it.tree import SyntaxTreeNode

from .config_checks import OUTSIDE
from .file_kinds import is_svg
from .file_names import name_problem, shortened
from .markdown_parse import leftover_problem

if TYPE_CHECKING:
    from .word.pictures import Picture

LINK_SCHEMES = ("http", "https", "mailto", "tel")  # what a link in a published paper can open


def link_problem(href: str, shown: str) -> str | None:
    """Why a link to ``href`` showing the words ``shown`` cannot be published, if it cannot."""
    if href.partition(":")[0].casefold() not in LINK_SCHEMES or ":" not in href:
        return (
            f"a link to '{href}' would not work in a published paper; link to a web address "
            "(https://...), an email address (mailto:...) or a telephone number (tel:...)"
        )
    if not shown.strip():  # a screen reader would read out the bare address
        return f"a link needs words to follow: write [what it leads to]({href})"
    return None


def image_problem(
    written: str, alt: str, source: Path, allows: Callable[[Path], bool] | None
) -> str | None:
    """Why the image written as ``written`` (found at ``source``), with alt text ``alt``,
    cannot go into the paper, if it cannot; ``allows`` says whether a file is one the
    project may read."""
    if not alt:
        return "an image needs alt text: write ![what the image shows](file)"
    problem = name_problem(written)
    if problem:
        return f"image {shortened(written)!r} {problem}"
    if WEB_ADDRESS.match(written):
        what = "a file address" if written.lower().startswith("file:") else "a web address"
        return (
            f"image {shortened(written)!r} is {what}; committeepack does not fetch "
            "pictures: save the picture in the project and write its file name"
        )
    if allows is not None and not allows(source):
        return f"image {written!r} {OUTSIDE}"
    if not source.is_file():
        return f"image {written!r} not found next to the narrative"
    return None


WEB_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def placed_picture(written: str, source: Path) -> Picture | str:
    """The picture at ``source`` as the paper places it (:mod:`.word.pictures`), or the
    problem that keeps it out (an SVG drawing, a PDF, text, a damaged or animated picture,
    or one so large that it would weigh the agenda pack down), as a message."""
    from .word.pictures import NOT_A_PICTURE, PictureProblem, placeable

    try:
        return placeable(source)
    except PictureProblem as problem:
        said = str(problem)
        if said == NOT_A_PICTURE and is_svg(source):
            said = "is an SVG drawing; save it as PNG (or JPEG for a photograph)"
        return f"image {written!r} {said}"


def text_problem(text: str) -> str | None:
    """Markdown left as text, which democratic services would send back (a ``**`` never
    closed), or a footnote reference, which committee papers do not use."""
    problem = leftover_problem(text)
    if problem:
        return problem
    at = text.find("[^")
    if at >= 0 and "]" in text[at:]:
        reference = text[at : text.index("]", at) + 1]
        return (
            f"footnotes ({reference}) are not used in committee papers; write the note into "
            "the text, or say where the figures come from in the table's source"
        )
    return None


def words(node: SyntaxTreeNode) -> str:
    """The text an inline node shows (its children's, at any depth)."""
    return "".join(
        child.content if child.type in ("text", "code_inline") else words(child)
        for child in node.children
    )
