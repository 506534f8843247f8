"""Which figure tables a paper needs, so that a build reads, checks and fingerprints only those.

The strategic assessment and the data on a page print or chart every table (or every table of
a kind), so they need them all. Another paper needs a table only when something it renders
names it: an expression in its own narrative (``{{ measures["Youth offences"].current }}``) or
in another Markdown file of ``inputs/`` that is not a paper's narrative (the implications), in
any narrative's front matter (every paper's front matter is rendered, for the titles quoted),
in its project template, or a headline's ``figure`` and ``of``. So a one-word edit to the
agenda item's narrative does not read a 50 MB table that only the assessment uses.

Names are looked for inside ``{{ }}``, ``{% %}`` (and ``{# #}``) only, as whole identifiers: a table called
``incidents`` is not needed because the prose says "incidents". Looking for more than is used
is harmless (a table read that need not be); less would be an error, so the scan is generous.
"""

from __future__ import annotations

import re
import zipfile
from typing import TYPE_CHECKING

from .frontmatter import JINJA_TAGS, front_matter_text

if TYPE_CHECKING:
    from .papers.base import Paper
    from .project import Project

IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
XML_TAG = re.compile(r"<[^>]+>")


def names_in_expressions(text: str) -> set[str]:
    """Every identifier inside the Jinja expressions and statements of ``text``."""
    return {name for block in JINJA_TAGS.findall(text) for name in IDENTIFIER.findall(block)}


def tables_needed(project: Project, paper: Paper, tables: list[str]) -> list[str]:
    """The names among ``tables`` (the declared ones, in order) that ``paper`` needs."""
    if paper.every_table:
        return list(tables)
    from .papers import PAPERS

    named = _headline_tables(project)
    others = {
        project.input(other.narrative.file).resolve()
        for other in PAPERS.values()
        if other.narrative is not None and other is not paper
    }
    folder = project.input(".")
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        if not project.config.allows(path):
            continue  # a link out of the project is not read (a narrative's own check says so)
        text = _read(path)  # its own narrative, the implications, any other file it may read
        named |= names_in_expressions(front_matter_text(text) if path.resolve() in others else text)
    template = project.root / "templates" / paper.template
    if template.is_file() and project.config.allows(template):
        named |= names_in_expressions(_template_text(template))
    return [name for name in tables if name in named]


def tables_for(project: Project, papers: list[Paper], tables: list[str]) -> list[str]:
    """The names among ``tables`` that any of ``papers`` needs, in declaration order."""
    needed: set[str] = set()
    for paper in papers:
        needed.update(tables_needed(project, paper, tables))
        if len(needed) == len(tables):
            break
    return [name for name in tables if name in needed]


def _headline_tables(project: Project) -> set[str]:
    names = set()
    for entry in project.config.raw.get("headlines") or []:
        if isinstance(entry, dict):
            for key in ("figure", "of"):
                reference = entry.get(key)
                if isinstance(reference, str) and ":" in reference:
                    names.add(reference.split(":", 1)[0].strip())
    return names


def _read(path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""  # a missing narrative is reported by the build, not here


def _template_text(path) -> str:
    """The text of a template's Word parts, tags removed (a ``{{ }}`` split across runs is
    whole again)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = [n for n in archive.namelist() if n.startswith("word/") and n.endswith(".xml")]
            return "".join(
                XML_TAG.sub("", archive.read(n).decode("utf-8", "replace")) for n in parts
            )
    except (OSError, zipfile.BadZipFile, KeyError):
        return ""  # a damaged template is reported when it is opened
