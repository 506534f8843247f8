"""``committeepack publish``: the papers, the minutes, the front sheet and the agenda pack as
accessible PDFs. Its stages, in order:

1. build whatever is out of date (:func:`.build.build`; LibreOffice and the minutes are
   looked for first);
2. write the minutes of the previous meeting (``out/minutes.docx``) from their Markdown;
3. convert every paper and the minutes that changed into ``out/pdf/``, in one LibreOffice run,
   while (in a second, side by side) stages 4 to 6 make the pack (:mod:`.publishing_pack`):
4. number the agenda, fill in the front sheet with references to the pages where each item
   starts and ends, and compose the pack: the front sheet, then every part, in one document;
5. convert it; find each item in the pack's PDF and check that the front sheet prints its
   pages (else print them as text and convert again); the front sheet's PDF is the pack's
   first pages; write ``out/agenda.docx`` with the pages found; give the pack its bookmarks;
6. (the restricted pack likewise, in the same run);
7. check every PDF (:mod:`.pdf_check`).

:func:`publish_many` publishes several projects: built together, the papers of them all
converted in one LibreOffice run, then each project's pack.

Exempt (part II) items go only into ``out/agenda-pack-restricted.pdf``. Nothing is converted
whose source did not change; each file is written beside its final name and renamed into
place, so a failed run leaves the last good one.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import libreoffice
from .build import BuildOptions, Progress, build
from .build_result import BuildResult
from .errors import CommitteePackError
from .figures.drawer import DrawingProcesses
from .libreoffice import Office, Offices
from .output import OutputFolder, sha256
from .pdf_outline import page_count
from .project import Project
from .project_lock import locked
from .publish import (
    Published,
    convert_stale,
    convert_stale_many,
    find_soffice,
    read_record,
    write_record,
)
from .publish_checks import check_final
from .publishing_pack import PACK, make_pack

if TYPE_CHECKING:
    from .agenda.pack import Agenda
    from .agenda.settings import AgendaSettings


@dataclass
class Publishing:
    """One project's publish between its build and its PDFs: what to convert, and where."""

    project: Project
    settings: AgendaSettings
    agenda: Agenda
    folder: OutputFolder
    record: dict
    jobs: list[tuple[Path, Path]]  # (.docx, .pdf) for every paper and part
    office: Office
    result: Published
    force: bool
    progress: Progress

    @property
    def pdf_of(self) -> dict[Path, Path]:
        """Each part's PDF."""
        return dict(self.jobs)

    def lengths(self) -> dict[Path, int]:
        """Each part's length in pages, from its own PDF (converted by now)."""
        return {part.docx: page_count(self.pdf_of[part.docx]) for part in self.agenda.parts}


def publish(
    start: Path,
    papers: list[str] | None = None,
    force: bool = False,
    strict: bool = False,
    progress: Progress = None,
    shared: DrawingProcesses | None = None,
) -> Published:
    """Build, then make every PDF of the agenda pack that is out of date (see the module);
    ``shared`` as for :func:`.build.build`; :func:`publish_many` publishes several projects
    with one LibreOffice run for all their papers."""
    from .config import find_project_root

    project = Project.open(find_project_root(start))
    # the project's lock, held by its build, is held until its PDFs and pack are made too
    with locked(project.cache_dir, progress), Offices() as offices:
        office, minutes = _before_build(project, offices)
        pack_office = offices.get(office.soffice, "pack")
        if not (project.out_dir / PACK).is_file():
            pack_office.start()  # the pack will be made: its LibreOffice starts up meanwhile
        built = build(
            start,
            papers,
            force=force,
            strict=strict,
            progress=progress,
            shared=shared,
            offices=offices,
        )
        if built.written:
            pack_office.start()
        job = _begin(project, office, minutes, built, force, progress)
        # the pack refers to its parts' pages rather than needing their lengths, so it is
        # made while the papers are converted: two LibreOffice runs side by side, as one
        # takes one piece of work at a time; the pool is left first, so that its conversion
        # ends before its LibreOffice is closed
        with ThreadPoolExecutor(max_workers=1) as pool:
            papers_done = pool.submit(convert_stale, office, job.jobs, job.record, key_of(project))

            def lengths() -> dict[Path, int]:
                papers_done.result()
                return job.lengths()

            make_pack(job, lengths, pack_office)
            made, kept = papers_done.result()
        return _end(job, made, kept)


def publish_many(
    starts: list[Path], options: BuildOptions, progress: Progress = None
) -> dict[Path, Published | CommitteePackError]:
    """Publish each project of ``starts``: built together (:func:`.build_many.build_many`),
    then every project's papers converted in one LibreOffice run (one per ``[publish]
    soffice``), then each project's pack. Each project's result, or the error that stopped
    it, in the order given."""
    with Offices() as offices, ExitStack() as locks:
        return _publish_many(starts, options, progress, offices, locks)


def _publish_many(
    starts: list[Path],
    options: BuildOptions,
    progress: Progress,
    offices: Offices,
    locks: ExitStack,
) -> dict[Path, Published | CommitteePackError]:
    from .build_many import build_many
    from .config import find_project_root

    outcomes: dict[Path, Published | CommitteePackError] = {}
    before = {}
    for start in starts:
        try:
            project = Project.open(find_project_root(start))
            locks.enter_context(locked(project.cache_dir, progress))
            before[start] = (project, *_before_build(project, offices))
        except CommitteePackError as error:
            outcomes[start] = error
    jobs: dict[Path, Publishing] = {}
    for start, built in build_many(list(before), options, progress, offices).items():
        try:
            if isinstance(built, CommitteePackError):
                raise built
            project, office, minutes = before[start]
            jobs[start] = _begin(project, office, minutes, built, options.force, progress)
        except CommitteePackError as error:
            outcomes[start] = error
    by_office: dict[Office, list[Path]] = {}
    for start, job in jobs.items():
        by_office.setdefault(job.office, []).append(start)
    for office, group in by_office.items():
        try:
            done = convert_stale_many(
                office, [(jobs[s].jobs, jobs[s].record, key_of(jobs[s].project)) for s in group]
            )
        except CommitteePackError as error:
            outcomes.update(dict.fromkeys(group, error))
            continue
        for start, (made, kept) in zip(group, done, strict=True):
            try:
                job = jobs[start]
                make_pack(job, job.lengths)
                outcomes[start] = _end(job, made, kept)
            except CommitteePackError as error:
                outcomes[start] = error
    return {start: outcomes[start] for start in starts}


def _before_build(project: Project, offices: Offices):
    """LibreOffice and the minutes of the previous meeting, found and checked before anything
    is built (a missing LibreOffice or bad minutes stop it first). LibreOffice is started,
    to be ready when the build has laid out its papers."""
    from .agenda.minutes import read_minutes
    from .agenda.settings import agenda_settings

    office = offices.get(find_soffice(libreoffice.configured(project.config)))
    settings = agenda_settings(project.config)
    minutes = None
    if settings.minutes is not None:
        minutes = read_minutes(
            settings.minutes, project.shown(settings.minutes), project.config.meeting.date
        )
    office.start()
    return office, minutes


def _begin(
    project: Project, office: Office, minutes, built: BuildResult, force: bool, progress
) -> Publishing:
    """Stages 2 and 3 up to the conversion: the minutes written, the agenda planned and the
    papers to convert listed."""
    from .agenda.minutes import write_minutes
    from .agenda.pack import MINUTES_OUTPUT, plan_agenda
    from .agenda.settings import DEFAULT_MINUTES, MINUTES_ITEM, agenda_settings

    config = project.config
    settings = agenda_settings(config)
    result = Published(build=built)
    if minutes is None and MINUTES_ITEM in settings.standard_items:
        result.problems.append(
            f"{DEFAULT_MINUTES}: not found, so the agenda leaves out the minutes of the "
            "previous meeting (and the items after it move up); write them there, or take "
            "'{minutes}' out of [agenda] standard_items"
        )
    folder = OutputFolder(project.out_dir, config.output_dir)
    if minutes is not None:
        folder.check([MINUTES_OUTPUT], force)
        folder.write(MINUTES_OUTPUT, write_minutes(minutes, config), force)
    agenda = plan_agenda(config, settings, minutes, project.out_dir)
    check_final(project, [part.docx for part in agenda.parts])
    pdf_dir = project.out_dir / "pdf"
    own = [p.docx for p in agenda.parts if p.docx.parent == project.out_dir]
    written = [project.out_dir / w.name for w in built.written]
    loose = list(dict.fromkeys([*written, *own]))
    jobs = [(docx, pdf_dir / docx.with_suffix(".pdf").name) for docx in loose]
    pages_dir = project.cache_dir / "pages"
    jobs += [
        (p.docx, pages_dir / f"{sha256(str(p.docx).encode())[:16]}.pdf")
        for p in agenda.parts
        if p.docx not in loose
    ]
    if progress:
        progress("converting the papers to PDF")
    return Publishing(
        project,
        settings,
        agenda,
        folder,
        read_record(pdf_dir),
        jobs,
        office,
        result,
        force,
        progress,
    )


def _end(job: Publishing, made: list[Path], kept: list[Path]) -> Published:
    """Stage 7, once the papers are converted and the pack made: the record and the
    checks."""
    _made(job.result, made, kept, job.project)
    _check(job.project, job.result, job.record)
    write_record(job.project.out_dir / "pdf", job.record)
    return job.result


def key_of(project: Project):
    """How a PDF of ``project`` is named in the record and the summary: relative to out/."""
    return lambda pdf: os.path.relpath(pdf, project.out_dir).replace(os.sep, "/")


def _made(result: Published, made: list[Path], kept: list[Path], project: Project) -> None:
    shown = key_of(project)
    result.converted += [shown(p) for p in made if p.is_relative_to(project.out_dir)]
    result.unchanged += [shown(p) for p in kept if p.is_relative_to(project.out_dir)]


def _check(project: Project, result: Published, record: dict) -> None:
    """Check every PDF; a PDF whose bytes were checked before is not read again."""
    from .pdf_check import problems

    out = project.out_dir
    checked = record.setdefault("checks", {})
    for name in [*result.converted, *result.unchanged]:
        pdf = out / name
        if pdf.suffix != ".pdf" or not pdf.is_file():
            continue
        digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
        if checked.get(name, {}).get("sha256") != digest:
            checked[name] = {"sha256": digest, "problems": problems(pdf)}
        shown = f"{project.config.output_dir}/{name}"
        result.problems += [f"{shown}: {problem}" for problem in checked[name]["problems"]]
