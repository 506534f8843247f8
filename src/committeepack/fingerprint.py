"""What each paper is made from, fingerprinted, so regeneration can skip and explain.

A paper's fingerprint maps each input (a narrative file, a figure table, its template, a
section of ``committeepack.toml``) to a hash of its content. When every hash is the same as at
the last build, the paper is not rebuilt; when some differ, the build says which.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .codehash import package_hash
from .config import CONFIG_NAME
from .filehash import FileHashes, hash_bytes
from .project import INPUTS, TEMPLATES, Project

if TYPE_CHECKING:
    from .output import OutputFolder
    from .papers.base import Paper

TOOL = "committeepack"


def fingerprint(project: Project, paper: Paper, hashes: FileHashes | None = None) -> dict[str, str]:
    """Input name to content hash, for everything ``paper`` is made from (files hashed by
    ``hashes``, which reads each at most once)."""
    _hash_file = (hashes or FileHashes()).of
    prints: dict[str, str] = {TOOL: package_hash()}
    for key, value in sorted(project.config.raw.items()):
        text = json.dumps(value, sort_keys=True, default=str)
        prints[f"{CONFIG_NAME} [{key}]"] = hash_bytes(text.encode())
    template = project.root / TEMPLATES / paper.template
    prints[f"{TEMPLATES}/{paper.template}"] = (
        ("outside" if not project.config.allows(template) else _hash_file(template))
        if template.is_file()
        else "default"
    )
    logo = project.config.branding.logo
    if logo is not None:  # the default template carries it (and an unedited copy of one)
        prints[f"[branding] logo {project.shown(logo)}"] = _hash_file(logo)
    for name in paper.files_read(project):
        path = project.input(name)
        prints[f"{INPUTS}/{name}"] = _hash_file(path) if project.config.allows(path) else "outside"
    for spec in _tables(project, paper):
        prints[spec.source.name()] = _hash_file(spec.source.path)
    for image in _pictures(project, paper):
        prints[project.shown(image)] = _hash_file(image)
    return prints


# the pictures python-docx places, by their names' endings (a GIF was left out, so a
# changed one was "unchanged")
PICTURE_SUFFIXES = frozenset(
    (".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".gif", ".bmp", ".tif", ".tiff")
)
# an image a narrative names: ![alt](file), as written (one rendered by Jinja is found by its
# ending, under inputs/)
IMAGE_REFERENCE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")


def _pictures(project: Project, paper: Paper) -> list[Path]:
    """The pictures ``paper`` may include: every picture under ``inputs/``, and any other of
    the project that its narrative names. A picture outside the project is not read (the
    narrative naming it is told so by its own check)."""
    inputs = project.root / INPUTS
    found = set(inputs.rglob("*")) if inputs.is_dir() else set()
    found = {p for p in found if p.suffix.lower() in PICTURE_SUFFIXES}
    for name in paper.files_read(project):
        path = project.input(name)
        if path.suffix.lower() == ".md" and path.is_file() and project.config.allows(path):
            text = path.read_text(encoding="utf-8", errors="replace")
            found.update(
                Path(os.path.normpath(path.parent / written))  # "../pictures/x.png" named once
                for written in IMAGE_REFERENCE.findall(text)
            )
    return sorted(picture for picture in found if _readable(picture, project))


def _readable(picture: Path, project: Project) -> bool:
    """Whether ``picture`` is a file of the project (a name no system could hold is not: the
    narrative naming it is told so by its own check)."""
    try:
        return picture.is_file() and project.config.allows(picture)
    except OSError:
        return False


def _tables(project: Project, paper: Paper) -> list:
    """The declared tables ``paper`` needs (:mod:`.table_use`)."""
    from .figures.tables import declared_tables
    from .table_use import tables_needed

    try:
        declared = declared_tables(project.config)
    except Exception:  # a bad declaration is reported by the build itself, not here
        return []
    return [declared[name] for name in tables_needed(project, paper, list(declared))]


def reasons(previous: dict[str, str] | None, current: dict[str, str]) -> list[str]:
    """Why a paper is rebuilt: the inputs whose content changed, appeared or went."""
    if not previous:
        return ["new"]
    changed = [name for name in current if previous.get(name) != current[name]]
    gone = [name for name in previous if name not in current]
    if TOOL in changed:
        return ["committeepack's code changed"]
    return [f"{name} changed" for name in changed] + [f"{name} removed" for name in gone]


@dataclass
class Planned:
    """A paper to rebuild: its fingerprint and why it is rebuilt."""

    paper: Paper
    prints: dict[str, str]
    reasons: list[str] = field(default_factory=list)


def plan_rebuild(
    project: Project,
    papers: list[Paper],
    folder: OutputFolder,
    rebuild: str,
    pages: bool,
    hashes: FileHashes | None = None,
) -> tuple[list[Planned], list[Paper]]:
    """The papers to rebuild (with why), and those whose inputs are unchanged. ``rebuild``,
    when not empty, says why every paper is rebuilt (an option such as ``--clean``); it is the
    reason given for a paper whose inputs did not change."""
    planned, skipped = [], []
    for paper in papers:
        prints = fingerprint(project, paper, hashes)
        prints["option: page numbers in contents"] = str(pages)
        previous = folder.inputs(paper.output)
        exists = (folder.folder / paper.output).exists()
        if not rebuild and previous == prints and exists:
            skipped.append(paper)
            continue
        why = reasons(previous, prints) or [rebuild]
        if previous is None and exists:
            why = ["no record of what it was made from"]
        planned.append(Planned(paper, prints, why))
    return planned, skipped
