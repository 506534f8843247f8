"""The build: the stages that turn a project's inputs into papers, called in order.

:func:`build` is what ``committeepack build`` runs, and the library's entry point::

    from pathlib import Path
    from committeepack.build import build

    if __name__ == "__main__":
        result = build(Path("my-project"), ["agenda-item"], strict=True)
        print(result.summary())

The stages, each a function that takes what it needs and returns what it made:

1. open the project: ``committeepack.toml`` checked whole (:mod:`.config`);
2. plan: which papers' inputs changed since they were written (:mod:`.fingerprint`);
3. read: every narrative file's front matter and every figure table (:mod:`.reading`);
4. compute: figures, headlines, then each narrative's body (:mod:`.facts`), and each paper's
   own checks (:func:`.rendering.load_papers`);
5. draw: the charts the papers show, from the cache or drawn (:mod:`.figures.drawer`);
6. render: each paper's template filled in, in memory (:mod:`.rendering`), then the
   contents' page numbers from one LibreOffice run (:mod:`.contents_pages`);
7. write: every paper atomically, with the manifest (:mod:`.output`).

:func:`prepare` runs stages 1 to 6 up to the page numbers,
:func:`.contents_pages.number_contents` numbers the contents of several builds in one
LibreOffice run, :func:`finish` writes: :func:`build` calls the three for one project,
:func:`.build_many.build_many` for several.

Problems in the inputs stop the build before anything is drawn; a failed build writes
nothing, so the papers of the last good build stay as they were. Warnings are collected
from the ``committeepack`` logger (:func:`.errors.collect_warnings`); ``strict`` makes them
errors.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from . import libreoffice
from .build_result import BuildOptions, BuildResult, Prepared
from .chart_font_warnings import chart_font_warnings
from .errors import (
    CommitteePackError,
    ErrorList,
    OutputConflict,
    collect_warnings,
    raise_all,
    warn,
)
from .figures.chart_cache import ChartCache
from .figures.drawer import ChartDrawer, DrawingProcesses
from .filehash import FileHashes
from .fingerprint import Planned, plan_rebuild
from .libreoffice import Offices
from .output import OutputFolder, Written
from .project import Project
from .project_lock import ProjectLock, empty_cache

Progress = Callable[[str], None] | None


def build(
    start: Path,
    papers: list[str] | None = None,
    force: bool = False,
    progress: Progress = None,
    strict: bool = False,
    clean: bool = False,
    page_numbers: bool | None = None,
    changes: bool = False,
    shared: DrawingProcesses | None = None,
    offices: Offices | None = None,
) -> BuildResult:
    """Build ``papers`` (every paper of the project when None) of the project at ``start``.

    Papers whose inputs are unchanged since they were written are skipped, unless ``clean``
    (which also empties the caches). Warnings (figures that do not add up, an acronym missing
    from the glossary) are returned; with ``strict`` they are errors and nothing is written.
    ``page_numbers`` fills in the contents' page numbers by laying the papers out with
    LibreOffice, and warns when the data on a page prints on more than one: None (the
    default) does so when LibreOffice is installed, and says so when it is not. ``changes``
    also writes the changes document for the rewritten papers.
    ``shared`` keeps drawing processes and drawn charts between the builds of several
    projects (:class:`.figures.drawer.DrawingProcesses`); :func:`.build_many.build_many`
    builds several projects with one LibreOffice run. ``offices`` keeps LibreOffice running
    for a caller that converts more afterwards (``publish``); else it is stopped before the
    papers are written.
    """
    options = BuildOptions(papers, force, strict, clean, page_numbers, changes)
    with nullcontext(offices) if offices else Offices() as run_offices:
        prepared = prepare(start, options, run_offices, progress, shared)
        from .contents_pages import number_contents

        try:
            number_contents([prepared])
        except BaseException:
            prepared.release()
            raise
    return finish(prepared)


def prepare(
    start: Path,
    options: BuildOptions,
    offices: Offices,
    progress: Progress = None,
    shared: DrawingProcesses | None = None,
) -> Prepared:
    """Stages 1 to 6 of :func:`build`: the planned papers rendered in memory. The
    LibreOffice of ``offices`` that will number their contents is started before they are
    read, so that its start-up overlaps the rest."""
    began = time.perf_counter()
    timings: dict[str, float] = {}
    with _timed(timings, "configuration"):
        project = _open(start)
    lock = ProjectLock(project.cache_dir)  # before the record of what was written is read
    lock.acquire(progress)
    try:
        return _prepare(project, options, offices, progress, shared, lock, began, timings)
    except BaseException:
        lock.release()
        raise


def _prepare(
    project: Project,
    options: BuildOptions,
    offices: Offices,
    progress: Progress,
    shared: DrawingProcesses | None,
    lock: ProjectLock,
    began: float,
    timings: dict[str, float],
) -> Prepared:
    """:func:`prepare` once the project is open and its lock held."""
    if options.clean:
        empty_cache(project.cache_dir)
    soffice = libreoffice.configured(project.config)
    page_numbers = options.page_numbers
    if page_numbers is None:
        from .paper_layout import available

        page_numbers = available(soffice)
        missing_libreoffice = not page_numbers
    else:
        missing_libreoffice = False
    result = BuildResult(timings=timings)
    cache = ChartCache(project.cache_dir / "charts")
    with ChartDrawer(cache, shared=shared) as drawer, collect_warnings() as warnings:
        if cache.is_new():
            drawer.prepare()  # a first build draws every chart: start while the rest loads
        from .papers import select_papers  # the papers import docxtpl: not for --help

        selected = select_papers(options.papers or project.config.papers)
        folder = OutputFolder(project.out_dir, project.config.output_dir)
        hashes = FileHashes(project.cache_dir)  # each input file read at most once
        planned, skipped = plan_rebuild(
            project, selected, folder, _rebuild_all(options), page_numbers, hashes
        )
        if not any(item.paper.draws_charts for item in planned):
            drawer.stop_processes()  # nothing to draw: stop what prepare started
        folder.check([item.paper.output for item in planned], options.force)
        if planned:
            folder.writable()
        for paper in skipped:
            if folder.edited(paper.output):
                warn(
                    OutputConflict(
                        "changed since committeepack wrote it (edited by hand?); its inputs "
                        "are unchanged, so it is left as it is, but a change to them will "
                        "need --force to replace it",
                        f"{folder.shown_as}/{paper.output}",
                    )
                )
        office = None
        if page_numbers and planned:
            from .paper_layout import tools

            command, _ = tools(soffice)  # say now, not after rendering, if it is missing
            if any(item.paper.laid_out for item in planned):
                office = offices.get(command)
                office.start()
        rendered = _make(project, planned, drawer, progress, result, hashes)
        hashes.save()
        for problem in chart_font_warnings(project, drawer.missing, drawer.drawn_in):
            warn(problem)
        if missing_libreoffice and any(item.paper.has_contents for item in planned):
            from .paper_layout import MISSING

            warn(CommitteePackError(MISSING))
    return Prepared(
        project,
        folder,
        selected,
        skipped,
        planned,
        rendered,
        result,
        warnings,
        options,
        office,
        began,
        lock,
    )


def _rebuild_all(options: BuildOptions) -> str:
    """Why every paper is rebuilt, inputs changed or not ("" when only changed ones are)."""
    if options.clean:
        return "--clean was given"
    if options.strict:
        return "--strict checks every paper"
    return ""


def finish(prepared: Prepared) -> BuildResult:
    """Stage 7 of :func:`build`: write the papers (unless ``strict`` and warned)."""
    try:
        return _write(prepared)
    finally:
        prepared.release()


def _write(prepared: Prepared) -> BuildResult:
    """:func:`finish`, the project's lock held."""
    result, folder, options = prepared.result, prepared.folder, prepared.options
    warnings = prepared.warnings
    result.warnings = list(dict.fromkeys(str(w) for w in warnings))
    if options.strict and warnings:
        raise ErrorList(warnings)
    with _timed(result.timings, "write"):
        done = {}
        for item in prepared.planned:
            data = prepared.rendered[item.paper.name]
            written = folder.write(item.paper.output, data, options.force, inputs=item.prints)
            written.reasons = item.reasons
            done[item.paper.name] = written
        result.written = [
            done.get(p.name) or Written(p.output, "skipped")
            for p in prepared.selected
            if p.name in done or p in prepared.skipped
        ]
    rewritten = [item.paper for item in prepared.planned if done[item.paper.name].rewrote]
    if options.changes and rewritten:
        from .changes import write_changes

        result.changes = write_changes(prepared.project, folder, rewritten)
    result.seconds = time.perf_counter() - prepared.began
    return result


def _open(start: Path) -> Project:
    """The project, or every problem in its configuration and in its narratives' front
    matter together."""
    from .config import find_project_root

    root = find_project_root(start)
    try:
        return Project.open(root)
    except CommitteePackError as problem:
        from .reading import narrative_problems

        raise_all([*getattr(problem, "errors", [problem]), *narrative_problems(root)])
        raise  # not reached: raise_all raised


def _make(
    project: Project,
    planned: list[Planned],
    drawer: ChartDrawer,
    progress: Progress,
    result: BuildResult,
    hashes: FileHashes,
) -> dict[str, bytes]:
    """Stages 3 to 6 for the planned papers: their rendered bytes, by paper name."""
    if not planned:
        return {}
    from .facts import compute_facts
    from .reading import read_inputs
    from .rendering import load_papers, render_paper

    papers = [item.paper for item in planned]
    timings = result.timings
    with _timed(timings, "read"):
        sources = read_inputs(project, papers, hashes)
    with _timed(timings, "compute"):
        facts = compute_facts(project, sources, papers)
        inputs = load_papers(facts, papers)
    with _timed(timings, "charts"):
        requests = {
            paper.name: list(paper.chart_requests(facts).values())
            for paper in papers
            if paper.chart_requests is not None
        }
        if requests and progress:
            progress("drawing charts")
        drawer.start(requests)
    rendered = {}
    with _timed(timings, "render"):
        # papers without charts first, while any drawing processes work
        for number, paper in enumerate(sorted(papers, key=lambda p: p.draws_charts), 1):
            if progress:
                progress(f"[{number}/{len(papers)}] {paper.name}")
            rendered[paper.name] = render_paper(project, paper, inputs[paper.name], facts, drawer)
    result.charts_drawn, result.charts_cached = drawer.drawn, drawer.hits
    return {paper.name: rendered[paper.name] for paper in papers}


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    began = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - began
