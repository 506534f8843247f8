"""Several projects built in one process: a county's districts in one command.

Each project goes through the stages of :func:`.build.build` in turn, sharing what can be
shared: the imports, the drawing processes and the charts already drawn
(:class:`.figures.drawer.DrawingProcesses`), and one LibreOffice run that numbers the contents
of every project's papers (LibreOffice takes about a second to start, each time). A project
that fails is reported with its own error and does not stop the others::

    from committeepack.build import BuildOptions
    from committeepack.build_many import build_many

    for outcome in build_many([Path("ashby"), Path("brent")], BuildOptions()):
        print(outcome.project, outcome.error or outcome.result.summary())
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .build import BuildOptions, Prepared, Progress, finish, number_contents, prepare
from .build_result import BuildResult
from .errors import CommitteePackError
from .figures.drawer import DrawingProcesses


@dataclass
class Outcome:
    """One project's build: its result, or the error that stopped it."""

    project: Path
    result: BuildResult | None = None
    error: CommitteePackError | None = None


def build_many(
    projects: list[Path], options: BuildOptions, progress: Progress = None
) -> list[Outcome]:
    """Build every project of ``projects`` with ``options``; one outcome each, in order."""
    outcomes = {project: Outcome(project) for project in projects}
    with DrawingProcesses() as shared:
        ready: list[tuple[Path, Prepared]] = []
        for project in projects:
            try:
                ready.append((project, prepare(project, options, progress, shared)))
            except CommitteePackError as error:
                outcomes[project].error = error
    number_contents([prepared for _, prepared in ready])
    for project, prepared in ready:
        try:
            outcomes[project].result = finish(prepared)
        except CommitteePackError as error:
            outcomes[project].error = error
    return [outcomes[project] for project in projects]
