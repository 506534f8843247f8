"""The build's first stage: read and check every input before anything is computed.

Every narrative file's front matter and every declared figure table are read here, and all
their problems are reported together (the configuration was checked whole when the project
was opened). Nothing here draws, renders or writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .config_checks import OUTSIDE, config_warnings
from .errors import CommitteePackError, InputError, raise_all, warn

if TYPE_CHECKING:
    from .figures.load import Rows
    from .figures.tables import TableSpec
    from .filehash import FileHashes
    from .narrative import FrontMatter
    from .papers.base import Paper
    from .project import Project


@dataclass(frozen=True)
class Sources:
    """Every input read and checked: front matter by paper name, tables by declared name."""

    front_matter: dict[str, FrontMatter] = field(default_factory=dict)
    specs: dict[str, TableSpec] = field(default_factory=dict)
    rows: dict[str, Rows] = field(default_factory=dict)
    every_table: bool = True  # every declared table was read (not only those papers need)


def papers_quoted(project: Project, papers: list[Paper]) -> list[Paper]:
    """``papers`` and every other paper of the project, whose titles they may quote."""
    from .papers import PAPERS

    names = project.config.papers or list(PAPERS)
    extra = [PAPERS[name] for name in names if name in PAPERS and PAPERS[name] not in papers]
    return list(papers) + extra


def read_inputs(project: Project, papers: list[Paper], hashes: FileHashes | None = None) -> Sources:
    """Read the front matter of each paper's narrative and the declared figure tables the
    papers need (:mod:`.table_use`); raise every problem found in any of them together."""
    from .figures.tables import declared_tables, read_tables
    from .narrative import read_front_matter
    from .table_use import tables_for

    for found in config_warnings(project.config.reader()):
        warn(found)
    errors: list[CommitteePackError] = []
    front_matter = {}
    for paper in papers_quoted(project, papers):
        if paper.narrative is None:
            continue
        path = project.input(paper.narrative.file)
        if not project.config.allows(path):
            errors.append(InputError(f"is a link to a file that {OUTSIDE}", project.shown(path)))
            continue
        try:
            front_matter[paper.name] = read_front_matter(
                path, project.shown(path), paper.narrative.front_matter
            )
        except CommitteePackError as error:
            errors.extend(getattr(error, "errors", [error]))
    specs, rows, every = {}, {}, True
    try:
        declared = declared_tables(project.config)
        needed = tables_for(project, papers, list(declared))
        specs = {name: declared[name] for name in needed}
        every = len(specs) == len(declared)
        rows = read_tables(
            project.config, specs, project.cache_dir / "tables", every=every, hashes=hashes
        )
    except CommitteePackError as error:
        errors.extend(getattr(error, "errors", [error]))
    raise_all(errors)
    return Sources(front_matter, specs, rows, every)


def narrative_problems(root: Path) -> list[CommitteePackError]:
    """The problems in the front matter of every paper's narrative file under ``root`` that
    exists: reported with the configuration's, when that is wrong too, so one run shows all."""
    from .errors import relative
    from .narrative import read_front_matter
    from .papers import PAPERS
    from .project import INPUTS

    problems: list[CommitteePackError] = []
    for paper in PAPERS.values():
        if paper.narrative is None:
            continue
        path = root / INPUTS / paper.narrative.file
        if path.is_file():
            try:
                read_front_matter(path, relative(path, root), paper.narrative.front_matter)
            except CommitteePackError as error:
                problems.extend(getattr(error, "errors", [error]))
    return problems
