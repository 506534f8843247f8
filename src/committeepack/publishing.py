"""``committeepack publish``: the papers, the minutes, the front sheet and the agenda pack as
accessible PDFs. Its stages, in order:

1. build whatever is out of date (:func:`.build.build`);
2. write the minutes of the previous meeting (``out/minutes.docx``) from their Markdown;
3. convert every paper and the minutes that changed into ``out/pdf/``, in one LibreOffice run;
4. number the agenda and predict each item's pages from those PDFs;
5. fill in the front sheet (``out/agenda.docx``) and compose the pack: the front sheet, then
   every part, in one document, converted together with the front sheet in a second run;
6. read each item's pages back from the pack's PDF; if the prediction was wrong, fill in the
   true ones and convert again; then give the pack its bookmarks;
7. check every PDF (:mod:`.pdf_check`).

Exempt (part II) items go only into ``out/agenda-pack-restricted.pdf``. Nothing is converted
whose source did not change; each file is written beside its final name and renamed into
place, so a failed run leaves the last good one.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import libreoffice
from .build import Progress, build
from .errors import CommitteePackError
from .figures.drawer import DrawingProcesses
from .output import OutputFolder, sha256
from .pdf_outline import page_count
from .project import Project
from .publish import Published, convert, convert_stale, find_soffice, read_record, write_record

PACK, RESTRICTED = "agenda-pack.pdf", "agenda-pack-restricted.pdf"


def publish(
    start: Path,
    papers: list[str] | None = None,
    force: bool = False,
    strict: bool = False,
    progress: Progress = None,
    shared: DrawingProcesses | None = None,
) -> Published:
    """Build, then make every PDF of the agenda pack that is out of date (see the module);
    ``shared`` as for :func:`.build.build`."""
    from .agenda.minutes import read_minutes, write_minutes
    from .agenda.pack import MINUTES_OUTPUT, plan_agenda
    from .agenda.settings import DEFAULT_MINUTES, MINUTES_ITEM, agenda_settings
    from .config import find_project_root

    root = find_project_root(start)
    project = Project.open(root)
    config = project.config
    soffice = find_soffice(libreoffice.configured(config))
    settings = agenda_settings(config)
    minutes = None
    if settings.minutes is not None:
        minutes = read_minutes(settings.minutes, project.shown(settings.minutes))
    result = Published(
        build=build(start, papers, force=force, strict=strict, progress=progress, shared=shared)
    )
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
    pdf_dir = project.out_dir / "pdf"
    record = read_record(pdf_dir)
    own = [p.docx for p in agenda.parts if p.docx.parent == project.out_dir]
    built = [project.out_dir / w.name for w in result.build.written]
    loose = list(dict.fromkeys([*built, *own]))
    jobs = [(docx, pdf_dir / docx.with_suffix(".pdf").name) for docx in loose]
    pages_dir = project.cache_dir / "pages"
    jobs += [
        (p.docx, pages_dir / f"{sha256(str(p.docx).encode())[:16]}.pdf")
        for p in agenda.parts
        if p.docx not in loose
    ]
    if progress:
        progress("converting the papers to PDF")
    key = _key(project)
    pdf_of = {docx: pdf for docx, pdf in jobs}
    known = record.setdefault("pages", {})
    guess = {part.docx: known.get(key(pdf_of[part.docx])) for part in agenda.parts}

    def pack(counts: dict) -> None:
        _pack(project, settings, agenda, counts, soffice, record, folder, force, result, progress)

    if all(guess.values()):
        # every part's length is known from the last publish: the pack is made while the
        # papers are converted (two LibreOffice runs side by side); its ranges are checked
        # against its own PDF, so a paper that changed length costs only the pack again
        with ThreadPoolExecutor(max_workers=1) as pool:
            papers_done = pool.submit(convert_stale, soffice, jobs, record, key)
            pack(guess)
            made, kept = papers_done.result()
    else:
        made, kept = convert_stale(soffice, jobs, record, key)
    counts = {part.docx: page_count(pdf_of[part.docx]) for part in agenda.parts}
    known.update({key(pdf_of[docx]): count for docx, count in counts.items()})
    if not all(guess.values()):
        pack(counts)
    _made(result, made, kept, project)
    _check(project, result, record)
    write_record(pdf_dir, record)
    return result


def _key(project: Project):
    return lambda pdf: os.path.relpath(pdf, project.out_dir).replace(os.sep, "/")


def _made(result: Published, made: list[Path], kept: list[Path], project: Project) -> None:
    shown = _key(project)
    result.converted += [shown(p) for p in made if p.is_relative_to(project.out_dir)]
    result.unchanged += [shown(p) for p in kept if p.is_relative_to(project.out_dir)]


def _pack(project, settings, agenda, counts, soffice, record, folder, force, result, progress):
    """Stages 4 to 6: the front sheet and the pack (and the restricted pack), from each part's
    length in ``counts``, made until their page ranges are the ones the PDF shows."""
    from .agenda import front_sheet
    from .agenda.pack import predicted_layout

    packs = [False, True] if agenda.has_exempt else [False]
    layouts = {restricted: predicted_layout(agenda, counts, restricted) for restricted in packs}
    for _attempt in range(2):
        documents = {r: _documents(project, settings, agenda, layouts[r], r) for r in packs}
        front = documents[False][0]
        digest = hashlib.sha256(b"".join(d[1] for d in documents.values())).hexdigest()
        targets = [project.out_dir / "pdf" / "agenda.pdf", project.out_dir / PACK]
        targets += [project.out_dir / RESTRICTED] if agenda.has_exempt else []
        folder.check([front_sheet.OUTPUT], force)
        folder.write(front_sheet.OUTPUT, front, force)
        if record.get("pack") == digest and all(t.is_file() for t in targets):
            result.unchanged += [_key(project)(t) for t in targets]
            return
        if progress:
            progress("making the agenda pack")
        found = _convert_packs(project, documents, agenda, layouts, soffice, targets)
        if found == layouts:
            record["pack"] = digest
            result.converted += [_key(project)(t) for t in targets]
            return
        layouts = found  # the parts laid out differently in the pack: print what it shows
    raise CommitteePackError(
        "the agenda pack's page ranges would not settle; publish again, and report it if it "
        "happens twice"
    )


def _documents(project, settings, agenda, layout, restricted: bool) -> tuple[bytes, bytes]:
    """The front sheet and the composed pack, as .docx bytes."""
    from .agenda import front_sheet
    from .output import stable_zip
    from .word.compose import PackPart, compose

    config = project.config
    numbered = agenda.with_pages(layout.ranges(agenda, restricted))
    tpl, _ = project.template_named(front_sheet.TEMPLATE, front_sheet.make_template)
    names = front_sheet.context(config, settings, numbered.lines, restricted)
    title = f"Agenda: {config.committee}, {names['date']}"
    if restricted:
        title += " (restricted: part II)"
    front = front_sheet.render(tpl, names, title, config)
    parts = [
        PackPart(p.docx.read_bytes(), p.label, first)
        for p, first in zip(agenda.parts_for(restricted), layout.starts, strict=True)
    ]
    return front, stable_zip(compose(front, parts, title, config.language))


def _convert_packs(project, documents, agenda, layouts, soffice, targets) -> dict:
    """Convert the front sheet and the pack(s) in one run; move them into place with their
    bookmarks; the page ranges each pack's PDF shows."""
    from .agenda.pack import located_layout
    from .pdf_outline import PageTexts, page_count, set_outline

    found = {}
    with tempfile.TemporaryDirectory(dir=project.out_dir) as tmp:
        folder = Path(tmp)
        files = [folder / "agenda.docx"]
        files[0].write_bytes(documents[False][0])
        for restricted, (_, pack) in documents.items():
            path = folder / ("restricted.docx" if restricted else "pack.docx")
            path.write_bytes(pack)
            files.append(path)
        convert(soffice, files, folder)
        front_pages = page_count(folder / "agenda.pdf")  # the pack opens with the same sheet
        for restricted in documents:
            pdf = folder / ("restricted.pdf" if restricted else "pack.pdf")
            texts = PageTexts(pdf)
            guess = [front_pages + start - 1 for start in layouts[restricted].starts]
            layout = found[restricted] = located_layout(texts, agenda, restricted, guess)
            front = len(texts) - layout.pages
            entries = [("Agenda", 0)] + [
                (_bookmark(part), front + start - 1)
                for part, start in zip(agenda.parts_for(restricted), layout.starts, strict=True)
            ]
            set_outline(pdf, entries)
        (project.out_dir / "pdf").mkdir(exist_ok=True)
        made = [folder / "agenda.pdf", folder / "pack.pdf", folder / "restricted.pdf"]
        for pdf, target in zip(made[: len(targets)], targets, strict=True):
            os.replace(pdf, target)
    return found


def _bookmark(part) -> str:
    return part.title if part.label.startswith("Appendix") else f"{part.label}: {part.title}"


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
