"""The agenda pack made from its parts' lengths: stages 4 to 6 of :mod:`.publishing`.

The front sheet is filled in with each item's predicted pages and composed with every part
into one document, converted (with the front sheet's own PDF) in one LibreOffice run; each
item is then found in the pack's PDF, and when the prediction was wrong the true ranges are
printed and the pack made again. The pack gets its bookmarks last.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import CommitteePackError
from .publish import convert

if TYPE_CHECKING:
    from .libreoffice import Office
    from .publishing import Publishing

PACK, RESTRICTED = "agenda-pack.pdf", "agenda-pack-restricted.pdf"


def make_pack(job: Publishing, counts: dict, office: Office | None = None) -> None:
    """Stages 4 to 6: the front sheet and the pack (and the restricted pack), from each part's
    length in ``counts``, made until their page ranges are the ones the PDF shows; converted
    by ``office`` (the job's LibreOffice when None)."""
    project, settings, agenda, record = job.project, job.settings, job.agenda, job.record
    folder, force, result, progress = job.folder, job.force, job.result, job.progress
    office = office or job.office
    from .agenda import front_sheet
    from .agenda.pack import predicted_layout
    from .publishing import key_of

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
            result.unchanged += [key_of(project)(t) for t in targets]
            return
        if progress:
            progress("making the agenda pack")
        found = _convert_packs(project, documents, agenda, layouts, office, targets)
        if found == layouts:
            record["pack"] = digest
            result.converted += [key_of(project)(t) for t in targets]
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


def _convert_packs(project, documents, agenda, layouts, office, targets) -> dict:
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
        convert(office, files, folder)
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
