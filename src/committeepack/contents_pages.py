"""Page numbers for the table of contents, measured by laying the papers out with LibreOffice.

Word refreshes the contents field when a paper is opened, but a PDF made without Word shows
the entries without page numbers. So every build whose papers have a contents page lays them
all out in one LibreOffice run (:mod:`.paper_layout`): LibreOffice fills each paper's contents
in from its layout, or else each heading is looked for in the text of the PDF's pages; the
page is written into the field's entries. The contents sit on pages of their own, so adding
the numbers cannot move anything else. Where LibreOffice is missing, the build says so and
leaves the field for Word to fill in.

The same run lays out each paper that must print on one page (the data on a page), and warns
when it runs on: its chart is sized from an estimate of the text around it, which a council's
own template or an unusual face can still outgrow.
"""

from __future__ import annotations

import io
import subprocess
import time
from typing import TYPE_CHECKING

import docx

from . import libreoffice
from .errors import CommitteePackError, collect_warnings, warn
from .output import stable_zip
from .paper_layout import LaidOut, lay_out, page_texts_of
from .word.fields import append_page_number, contents_entries

if TYPE_CHECKING:
    from .build import Prepared
    from .libreoffice import Office


def number_contents(builds: list[Prepared]) -> None:
    """Number the contents of every paper of ``builds`` that has one, in one LibreOffice run
    (one per ``[publish] soffice`` setting), replacing their rendered bytes; a paper that must
    print on one page and does not is a warning of its own build only."""
    by_office: dict[Office, list[Prepared]] = {}
    for prepared in builds:
        if prepared.office is not None and prepared.rendered:
            by_office.setdefault(prepared.office, []).append(prepared)
    for office, group in by_office.items():
        began = time.perf_counter()
        papers = {
            f"{index}/{name}": data
            for index, prepared in enumerate(group)
            for name, data in prepared.rendered.items()
        }
        one_page = {
            f"{index}/{item.paper.name}": f"{prepared.folder.shown_as}/{item.paper.output}"
            for index, prepared in enumerate(group)
            for item in prepared.planned
            if item.paper.one_page and item.paper.name in prepared.rendered
        }
        contents = {
            f"{index}/{item.paper.name}"
            for index, prepared in enumerate(group)
            for item in prepared.planned
            if item.paper.has_contents and item.paper.name in prepared.rendered
        }
        with collect_warnings() as warnings:
            numbered = add_page_numbers_all(papers, office, one_page, contents)
        seconds = time.perf_counter() - began
        for index, prepared in enumerate(group):
            prepared.warnings.extend(
                warning
                for warning in warnings
                if not isinstance(warning, OnePageOverrun) or warning.of(index)
            )
            for name, data in prepared.rendered.items():
                done = numbered[f"{index}/{name}"]
                prepared.rendered[name] = stable_zip(done) if done is not data else data
            prepared.result.timings["page numbers"] = seconds


def add_page_numbers_all(
    papers: dict[str, bytes],
    office: libreoffice.Office | None,
    one_page: dict[str, str],
    contents: set[str],
) -> dict[str, bytes]:
    """Every paper with its contents numbered, from a single LibreOffice run (by ``office``
    when given) for all those that have a contents page (those named in ``contents``, which
    the build knows from each paper's kind); the others as they were. The papers named in
    ``one_page`` (as the warning shows each) are laid out in the same run, and each that
    prints on more than one page is a warning."""
    numbered = contents & papers.keys()
    laid_out = {name: data for name, data in papers.items() if name in numbered or name in one_page}
    if not laid_out:
        return papers
    try:
        laid = lay_out(laid_out, office)
        done = {name: _numbered(papers[name], laid[name]) for name in numbered}
        unmatched = {name: papers[name] for name, data in done.items() if data is None}
        if unmatched:  # LibreOffice's own contents differ: read where the PDF has them
            for name, pages in page_texts_of(unmatched, office).items():
                done[name] = _numbered(papers[name], LaidOut(len(pages), texts=pages))
    except (subprocess.SubprocessError, OSError) as exc:
        missed = ["the contents pages carry no page numbers this time (Word fills them in)"]
        missed = missed if numbered else []
        missed += [
            f"whether {shown} prints on one page is not known" for shown in one_page.values()
        ]
        warn(
            CommitteePackError(
                f"LibreOffice could not lay the papers out ({libreoffice.failure(exc)}), so "
                f"{' and '.join(missed)}; close any LibreOffice window and build again, or "
                "build with --no-page-numbers"
            )
        )
        return papers
    for name, shown in one_page.items():
        if name in laid and laid[name].pages > 1:
            warn(OnePageOverrun(laid[name].pages, shown, name))
    return {name: done.get(name) or data for name, data in papers.items()}


class OnePageOverrun(CommitteePackError):
    """A paper that must print on one page runs on, as LibreOffice lays it out."""

    def __init__(self, pages: int, shown: str, key: str = ""):
        self.key = key  # "INDEX/NAME": the build of a run of several that it belongs to
        super().__init__(
            f"prints on {pages} pages as LibreOffice lays it out, where the committee expects "
            "one; shorten the priorities' names or the partnership's name, show fewer "
            "headlines, or choose a smaller body_size or a narrower font in [branding] (or, in "
            "a template of your own, less above the grid, smaller text or smaller margins)",
            shown,
        )

    def of(self, index: int) -> bool:
        """Whether the paper is of the ``index``-th build of :func:`number_contents`'s run."""
        return self.key.startswith(f"{index}/")


def _numbered(data: bytes, laid: LaidOut) -> bytes | None:
    """The paper with each contents entry's page written in, from where LibreOffice laid its
    headings out; as it was if its contents list nothing, or are not found where LibreOffice
    laid them out. None where LibreOffice filled in contents that are not the paper's (for
    the caller to read the pages from a PDF instead)."""
    document = docx.Document(io.BytesIO(data))
    entries = contents_entries(document)
    if not entries:
        return data
    titles = [" ".join(entry.text.split()) for entry in entries]
    if laid.entries is not None:
        numbers = _from_entries(titles, laid.entries)
        if numbers is None:
            return None
    else:
        numbers = _from_texts(titles, laid.texts or [])
    if not any(numbers):
        return data
    for entry, number in zip(entries, numbers, strict=True):
        if number:
            append_page_number(entry, number)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _from_entries(titles: list[str], filled: list[tuple[str, str]]) -> list[str] | None:
    """The page of each title, from the contents LibreOffice filled in, matched in order; None
    unless every title is there."""
    numbers, place = [], 0
    for title in titles:
        found = next((i for i in range(place, len(filled)) if filled[i][0] == title), None)
        if found is None:
            return None
        numbers.append(filled[found][1])
        place = found + 1
    return numbers


def _from_texts(titles: list[str], pages: list[str]) -> list[str]:
    """The page of each title, the first after the contents whose text holds it ("" where
    none does, rather than a guess); all "" where the contents themselves are not found."""
    toc_start = next((i for i, text in enumerate(pages) if titles[0] in text), None)
    if toc_start is None:
        return [""] * len(titles)
    toc_end = next((i for i in range(toc_start, len(pages)) if titles[-1] in pages[i]), toc_start)
    numbers, page = [], toc_end + 1  # headings are looked for after the contents
    for title in titles:
        found = next((i for i in range(page, len(pages)) if title in pages[i]), None)
        numbers.append("" if found is None else str(found + 1))
        page = page if found is None else found
    return numbers
