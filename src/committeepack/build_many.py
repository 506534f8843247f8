"""Several projects built in one process: a county's districts in one command.

Each project goes through the stages of :func:`.build.build` in turn, sharing what can be
shared: the imports, the drawing processes and the charts already drawn
(:class:`.figures.drawer.DrawingProcesses`), and one LibreOffice run that numbers the contents
of every project's papers (LibreOffice takes about a second to start, each time). A project
that fails is reported with its own error and does not stop the others::

    from committeepack.build import BuildOptions
    from committeepack.build_many import build_many

    for project, outcome in build_many([Path("ashby"), Path("brent")], BuildOptions()).items():
        print(project, outcome if isinstance(outcome, Exception) else outcome.summary())
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from .build import BuildOptions, Prepared, Progress, finish, prepare
from .build_result import BuildResult
from .contents_pages import number_contents
from .errors import CommitteePackError
from .figures.drawer import DrawingProcesses
from .libreoffice import Offices


def build_many(
    projects: list[Path],
    options: BuildOptions,
    progress: Progress = None,
    offices: Offices | None = None,
) -> dict[Path, BuildResult | CommitteePackError]:
    """Build every project of ``projects`` with ``options``: each project's result, or the
    error that stopped it, in the order given. ``offices`` as for :func:`.build.build`."""
    outcomes: dict[Path, BuildResult | CommitteePackError] = {}
    ready: list[tuple[Path, Prepared]] = []
    with nullcontext(offices) if offices else Offices() as run_offices:
        with DrawingProcesses() as shared:
            for project in projects:
                try:
                    prepared = prepare(project, options, run_offices, progress, shared)
                    ready.append((project, prepared))
                except CommitteePackError as error:
                    outcomes[project] = error
        try:
            number_contents([prepared for _, prepared in ready])
        except BaseException:
            for _, prepared in ready:
                prepared.release()
            raise
    for project, prepared in ready:
        try:
            outcomes[project] = finish(prepared)
        except CommitteePackError as error:
            outcomes[project] = error
    return {project: outcomes[project] for project in projects}
