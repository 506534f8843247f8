"""The agenda pack: stages 4 to 6 of :mod:`.publishing`.

The pack is composed before any part's length is known: the front sheet's page ranges and
each paper's contents refer to bookmarks in the parts, and LibreOffice prints the pages it
lays them out on, so the pack is converted while the papers are. Each item is then found in
the pack's PDF (by its bookmark, then its label) and the front sheet's text is checked to
print those pages; when it does not (an item of one page prints "5 - 5"; a contents entry
without its heading), the pages found are printed as text and the pack made again. The
front sheet's own PDF is the pack's first pages, copied with their structure; the pack gets
its bookmarks last.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import CommitteePackError
from .publish import convert

if TYPE_CHECKING:
    from .agenda.pack import Layout
    from .libreoffice import Office
    from .publishing import Publishing

PACK, RESTRICTED = "agenda-pack.pdf", "agenda-pack-restricted.pdf"
FRONT_PDF = "pdf/agenda.pdf"


def make_pack(job: Publishing, counts: Callable[[], dict], office: Office | None = None) -> None:
    """Stages 4 to 6: the front sheet and the pack (and the restricted pack), made until
    their page ranges are the ones the PDF shows; converted by ``office`` (the job's
    LibreOffice when None). ``counts`` gives each part's length from its own PDF, asked for
    only when the pack cannot be placed by reference."""
    from .agenda import front_sheet
    from .agenda.pack import predicted_layout
    from .publishing import key_of
    from .word.compose import ContentsNotFound

    project, agenda, record, result = job.project, job.agenda, job.record, job.result
    office = office or job.office
    packs = [False, True] if agenda.has_exempt else [False]
    plans: dict[bool, Layout | None] = dict.fromkeys(packs)  # None: placed by reference
    out = project.out_dir
    targets = [out / FRONT_PDF, out / PACK] + ([out / RESTRICTED] if agenda.has_exempt else [])
    job.folder.check([front_sheet.OUTPUT], job.force)
    for _attempt in range(2):
        try:
            documents = {r: _pack_document(job, plans[r], r) for r in packs}
        except ContentsNotFound:
            lengths = counts()
            plans = {r: predicted_layout(agenda, lengths, r) for r in packs}
            documents = {r: _pack_document(job, plans[r], r) for r in packs}
        digest = hashlib.sha256(b"".join(data for data, _ in documents.values())).hexdigest()
        if (
            record.get("pack") == digest
            and all(t.is_file() for t in targets)
            and (out / front_sheet.OUTPUT).is_file()
        ):
            result.unchanged += [key_of(project)(t) for t in targets]
            return
        if job.progress:
            job.progress("making the agenda pack")
        found, settled = _convert_packs(job, documents, office, targets, plans)
        if all(settled.values()):
            front, _ = _front_sheet(job, found[False], restricted=False)
            job.folder.write(front_sheet.OUTPUT, front, job.force)
            record["pack"] = digest
            result.converted += [key_of(project)(t) for t in targets]
            return
        plans = dict(found)  # the PDF does not print what it holds: print what it shows
    raise CommitteePackError(
        "the agenda pack's page ranges would not settle; publish again, and report it if it "
        "happens twice"
    )


def _front_sheet(job: Publishing, layout: Layout | None, restricted: bool):
    """The front sheet as .docx bytes and its title: with each item's pages from ``layout``,
    or (None) with a marker where they go, and the fields each marker stands for."""
    from .agenda import front_sheet

    project, agenda = job.project, job.agenda
    config = project.config
    fields: dict[str, list[tuple[str, str]]] = {}
    if layout is None:
        from .word.compose import part_end, part_start

        shown = {}
        for item, (first, last) in agenda.page_fields(restricted).items():
            marker = shown[item] = f"[[committeepack-pages-{item}]]"
            fields[marker] = [
                ("page", part_start(first)),
                ("text", " - "),
                ("page", part_end(last)),
            ]
        numbered = agenda.with_pages_shown(shown)
    else:
        numbered = agenda.with_pages(layout.ranges(agenda, restricted))
    tpl, _ = project.template_named(
        front_sheet.TEMPLATE, front_sheet.make_template, front_sheet.BLOCKS
    )
    names = front_sheet.context(config, job.settings, numbered.lines, restricted)
    title = f"Agenda: {config.committee}, {names['date']}"
    if restricted:
        title += " (restricted: part II)"
    return front_sheet.render(tpl, names, title, config), (title, fields)


def _pack_document(job: Publishing, layout: Layout | None, restricted: bool) -> tuple[bytes, str]:
    """The composed pack as .docx bytes, and its title: its parts placed by reference
    (``layout`` None) or where ``layout`` starts them."""
    from .output import stable_zip
    from .word.compose import PackPart, compose

    agenda = job.agenda
    front, (title, fields) = _front_sheet(job, layout, restricted)
    parts = agenda.parts_for(restricted)
    starts = [None] * len(parts) if layout is None else list(layout.starts)
    packed = [
        PackPart(p.docx.read_bytes(), p.label, first)
        for p, first in zip(parts, starts, strict=True)
    ]
    language = job.project.config.language
    return stable_zip(compose(front, packed, title, language, fields)), title


def _convert_packs(
    job: Publishing, documents: dict, office: Office, targets: list[Path], plans: dict
):
    """Convert the pack(s) in one run; move them into place with their bookmarks, and the
    front sheet's PDF made of the public pack's first pages. The layout each pack's PDF
    shows, and whether it is settled: the parts lie where ``plans`` put them, or (placed by
    reference) the front sheet prints their pages."""
    from .agenda.pack import located_layout, shows_ranges
    from .libreoffice import TAGGED_PDF_WITH_DESTINATIONS
    from .pdf_outline import PageTexts, set_outline
    from .pdf_pages import destinations, first_pages
    from .word.compose import part_start

    project, agenda = job.project, job.agenda
    found, settled = {}, {}
    with tempfile.TemporaryDirectory(dir=project.out_dir) as tmp:
        folder = Path(tmp)
        files = []
        for restricted, (pack, _) in documents.items():
            path = folder / ("restricted.docx" if restricted else "pack.docx")
            path.write_bytes(pack)
            files.append(path)
        convert(office, files, folder, TAGGED_PDF_WITH_DESTINATIONS, pack=True)
        for restricted in documents:
            pdf = folder / ("restricted.pdf" if restricted else "pack.pdf")
            parts = agenda.parts_for(restricted)
            names = [part_start(number) for number in range(len(parts))]
            starts = destinations(pdf, names)
            texts = PageTexts(pdf)
            guess = [starts[name] for name in names if name in starts]
            layout = found[restricted] = located_layout(texts, agenda, restricted, guess)
            front = len(texts) - layout.pages
            # printed as text, the ranges are right when the parts lie where they were put (a
            # restyled front sheet may not print them); as references, they must be seen
            settled[restricted] = layout == plans[restricted] or (
                plans[restricted] is None
                and shows_ranges("\n".join(texts[:front]), agenda, layout, restricted)
            )
            if not restricted:
                first_pages(pdf, front, folder / "agenda.pdf", documents[False][1])
            entries = [("Agenda", 0)] + [
                (_bookmark(part), front + start - 1)
                for part, start in zip(parts, layout.starts, strict=True)
            ]
            set_outline(pdf, entries)
        if all(settled.values()):
            (project.out_dir / "pdf").mkdir(exist_ok=True)
            made = [folder / "agenda.pdf", folder / "pack.pdf", folder / "restricted.pdf"]
            for pdf, target in zip(made[: len(targets)], targets, strict=True):
                os.replace(pdf, target)
    return found, settled


def _bookmark(part) -> str:
    return part.title if part.label.startswith("Appendix") else f"{part.label}: {part.title}"
