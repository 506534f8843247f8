"""The changes document: what each rebuild changed, for democratic services.

For every paper whose last rebuild replaced an earlier version, the paragraphs and table cells
whose text differs are listed with removed words as Word tracked deletions and new words as
tracked insertions, so reviewers can read (and accept) them in Word's Review pane.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import itertools
import re
from dataclasses import dataclass

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from .config import Config
from .default_templates import base_document
from .output import OutputFolder
from .word.revisions import add_revision

TOKENS = re.compile(r"\s+|\d[\d,.]*\d|\w+|[^\w\s]")  # a number is one token
NUMBERED = re.compile(r"^(\d+\.\d+)\t")
AUTHOR = "committeepack"
CHANGES = "changes.docx"


@dataclass(frozen=True)
class Block:
    """A paragraph or table cell: where it is, and its text."""

    label: str
    text: str


@dataclass(frozen=True)
class Change:
    """One changed block: its label, the old text and the new."""

    label: str
    old: str
    new: str


def blocks(document) -> list[Block]:
    """Every paragraph and table cell of ``document`` with a label a reader can find, its
    no-break spaces read as spaces: where a table heading may break is chosen by the width
    its columns have, and a heading that reads the same is not a change."""
    found: list[Block] = []
    state = {"heading": "the start", "count": 0, "tables": 0}
    _walk(document, found, state)
    return [Block(b.label, b.text.replace("\u00a0", " ")) for b in found]


def _walk(container, found: list[Block], state: dict) -> None:
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if not text or (item.style is not None and item.style.name.startswith("TOC ")):
                continue  # the contents follow the headings: a changed heading is listed once
            if item.style is not None and item.style.name.startswith("Heading"):
                state["heading"], state["count"] = text, 0
                found.append(Block(f"Heading '{_short(text)}'", text))
                continue
            state["count"] += 1
            number = NUMBERED.match(item.text)
            label = (
                f"Paragraph {number.group(1)}"
                if number
                else f"Under '{_short(state['heading'])}', paragraph {state['count']}"
            )
            found.append(Block(label, text))
        elif isinstance(item, Table):
            state["tables"] += 1
            _table(item, state["tables"], found, state)


def _table(table: Table, number: int, found: list[Block], state: dict) -> None:
    rows = table.rows
    headers = [cell.text.strip() for cell in rows[0].cells]
    for index, row in enumerate(rows):
        cells = row.cells
        key = cells[0].text.strip() or str(index + 1)
        for col, cell in enumerate(cells):
            text = "\n".join(p.text for p in cell.paragraphs if p.text.strip())
            header = headers[col] if col < len(headers) else str(col + 1)
            if text:
                found.append(
                    Block(f"Table {number}, row '{_short(key)}', column '{_short(header)}'", text)
                )
            for inner in cell.tables:
                state["tables"] += 1
                _table(inner, state["tables"], found, state)


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def compare(old: list[Block], new: list[Block]) -> list[Change]:
    """The blocks whose text changed, was added or was removed, in reading order."""
    matcher = difflib.SequenceMatcher(
        a=[b.text for b in old], b=[b.text for b in new], autojunk=False
    )
    changes = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before, after = old[a1:a2], new[b1:b2]
        labels = {b.label: b for b in before}
        for block in after:
            match = labels.pop(block.label, None)
            if match is None and before and len(before) == len(after):
                match = before[after.index(block)]
                labels.pop(match.label, None)
            changes.append(Change(block.label, match.text if match else "", block.text))
        changes.extend(Change(b.label, b.text, "") for b in labels.values())
    return changes


def make_changes(
    config: Config, folder: OutputFolder, papers: list, when: dt.datetime
) -> tuple[bytes, int]:
    """The changes document for ``papers`` and the number of changes in it."""
    document = base_document(config.branding, "Changes since the previous build")
    document.add_paragraph(f"Changes to the {config.partnership} papers", style="Title")
    document.add_paragraph(
        f"Made by committeepack on {when:%d %B %Y at %H:%M}. Removed text is shown as a "
        "tracked deletion and new text as a tracked insertion.",
        style="Normal",
    )
    total = 0
    ids = itertools.count(1)
    for paper in papers:
        document.add_paragraph(paper.output, style="Heading 1")
        previous, current = folder.previous(paper.output), folder.folder / paper.output
        if previous is None or not current.exists():
            document.add_paragraph("No earlier version to compare with.", style="Normal")
            continue
        if folder.edited(paper.output):
            document.add_paragraph(
                f"{paper.output} was changed by hand after committeepack wrote it: the changes "
                "below include those edits.",
                style="Normal",
            )
        changes = compare(
            blocks(docx.Document(io.BytesIO(previous))), blocks(docx.Document(str(current)))
        )
        total += len(changes)
        if not changes:
            document.add_paragraph("No text changed.", style="Normal")
        for change in changes:
            label = document.add_paragraph(style="Heading 3")
            label.add_run(change.label)
            _tracked(document.add_paragraph(style="Normal"), change.old, change.new, when, ids)
    document.core_properties.title = "Changes since the previous build"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), total


def _tracked(paragraph, old: str, new: str, when: dt.datetime, ids) -> None:
    """Word-level tracked changes from ``old`` to ``new`` in ``paragraph``."""
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            paragraph.add_run("".join(a[a1:a2]))
            continue
        if a2 > a1:
            add_revision(paragraph, False, "".join(a[a1:a2]), when, next(ids), AUTHOR)
        if b2 > b1:
            add_revision(paragraph, True, "".join(b[b1:b2]), when, next(ids), AUTHOR)


def write_changes(project, folder: OutputFolder, papers: list) -> tuple[str, int]:
    """Write ``changes.docx`` into the output folder for ``papers``; its name and the number
    of changes listed."""
    from .output import stable_zip

    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    data, count = make_changes(project.config, folder, papers, now)
    folder.write(CHANGES, stable_zip(data))
    return f"{project.config.output_dir}/{CHANGES}", count


def changes_document(start, papers: list[str] | None = None) -> tuple[str, int]:
    """Write ``changes.docx`` to the output folder for ``papers`` (default: the project's)."""
    from .papers import select_papers
    from .project import Project

    project = Project.open(start)
    folder = OutputFolder(project.out_dir, project.config.output_dir)
    return write_changes(project, folder, select_papers(papers or project.config.papers))
