"""The agenda in order, and the pack made of it: which parts go in, where each starts and ends.

:func:`plan_agenda` numbers the agenda (the standard items, the minutes, then each report
followed by its appendices) and lists the documents of the pack. The pages each item takes
are first predicted from the parts' own PDFs, then read back from the pack's PDF
(:func:`located_ranges`: each part's first page carries its label); the front sheet prints
what the PDF shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..config import Config
from ..errors import CommitteePackError
from .front_sheet import AgendaLine, page_range
from .minutes import Minutes, minutes_title
from .settings import MINUTES_ITEM, AgendaSettings

MINUTES_OUTPUT = "minutes.docx"


@dataclass(frozen=True)
class PackPart:
    """One document of the pack: its label, its bookmark's title, its .docx, the agenda item
    it belongs to, and whether that item is exempt (part II)."""

    label: str
    title: str
    docx: Path
    item: int
    exempt: bool


@dataclass(frozen=True)
class Agenda:
    """The numbered agenda and the parts of the pack, in order."""

    lines: list[AgendaLine]
    parts: list[PackPart]

    def parts_for(self, restricted: bool) -> list[PackPart]:
        """The parts of the public pack (no exempt item), or of the restricted one (all)."""
        return [part for part in self.parts if restricted or not part.exempt]

    @property
    def has_exempt(self) -> bool:
        """Whether any item is exempt, so a restricted pack is needed."""
        return any(part.exempt for part in self.parts)

    def with_pages(self, ranges: dict[int, tuple[int, int]]) -> Agenda:
        """The agenda with each item's pages, ``ranges`` by item number."""
        return self.with_pages_shown({n: page_range(*pages) for n, pages in ranges.items()})

    def with_pages_shown(self, shown: dict[int, str]) -> Agenda:
        """The agenda with each item's pages as ``shown`` (by item number) prints them."""
        lines = [
            replace(line, pages=shown[line.number]) if line.number in shown else line
            for line in self.lines
        ]
        return Agenda(lines, self.parts)

    def page_fields(self, restricted: bool) -> dict[int, tuple[int, int]]:
        """For each item with pages in the pack, the numbers (from 0) of its first and last
        parts there: its pages run from the one's start to the other's end."""
        found: dict[int, tuple[int, int]] = {}
        for number, part in enumerate(self.parts_for(restricted)):
            found[part.item] = (found.get(part.item, (number, number))[0], number)
        return found


def plan_agenda(
    config: Config, settings: AgendaSettings, minutes: Minutes | None, out_dir: Path
) -> Agenda:
    """The agenda of the meeting and the parts of its pack, from the papers in ``out_dir``."""
    from ..papers import agenda_item

    lines: list[AgendaLine] = []
    parts: list[PackPart] = []
    for text in settings.standard_items:
        if text == MINUTES_ITEM and minutes is None:
            continue  # no minutes to approve: the item is left out rather than left empty
        number = len(lines) + 1
        if text == MINUTES_ITEM:
            assert minutes is not None
            title = minutes_title(minutes)
            lines.append(AgendaLine(number, title))
            parts.append(
                PackPart(f"Agenda Item {number}", title, out_dir / MINUTES_OUTPUT, number, False)
            )
        else:
            lines.append(AgendaLine(number, text))
    for report in settings.reports:
        number = len(lines) + 1
        if report.paper is not None:
            main = out_dir / agenda_item.OUTPUT
            title, exempt, appendices = _agenda_item(config, out_dir)
        else:
            assert report.file is not None
            main, title, exempt = report.file, report.title, report.exempt_paragraph
            appendices = [
                (f"Appendix {n}", path, _title_of(path) or f"Appendix {n}")
                for n, path in enumerate(report.appendices, 1)
            ]
        lines.append(AgendaLine(number, title, exempt_paragraph=exempt))
        parts.append(PackPart(f"Agenda Item {number}", title, main, number, exempt is not None))
        for label, path, appendix_title in appendices:
            parts.append(
                PackPart(label, f"{label}: {appendix_title}", path, number, exempt is not None)
            )
    return Agenda(lines, parts)


def _agenda_item(config: Config, out_dir: Path) -> tuple[str, int | None, list]:
    """committeepack's agenda item: its title, exempt paragraph, and the papers its front
    matter names as appendices (numbered as its appendix list numbers them)."""
    from ..frontmatter import read_markdown
    from ..papers import PAPERS, agenda_item
    from ..project import INPUTS

    shown = f"{INPUTS}/{agenda_item.NARRATIVE}"
    source = read_markdown(config.root / shown, shown)
    meta = source.meta
    exempt = None
    if str(meta.get("classification", "public")).strip().casefold() == "exempt":
        exempt = meta.get("exempt_paragraph") or 0
    appendices = []
    for number, name in enumerate(meta.get("appendices") or [], 1):
        paper = PAPERS.get(str(name))
        if paper is None or paper.name == agenda_item.NAME:
            continue  # a line of text, not a paper committeepack makes
        path = out_dir / paper.output
        if not path.is_file():
            raise CommitteePackError(
                f"the agenda item names {name} as Appendix {number}, but it has not been built; "
                f"build it (add it to [document] papers) or remove it from the appendices",
                shown,
                meta.lines.get("appendices"),
            )
        label = f"Appendix {number}"
        appendices.append((label, path, _title_of(path) or paper.name))
    return _title_of(out_dir / agenda_item.OUTPUT), exempt, appendices


def _title_of(path: Path) -> str:
    """The document title a .docx carries (committeepack sets it on every paper)."""
    import docx

    return (docx.Document(str(path)).core_properties.title or "").strip()


@dataclass(frozen=True)
class Layout:
    """Where each part of a pack starts (page 1 being the first page after the front sheet)
    and how many numbered pages there are."""

    starts: tuple[int, ...]
    pages: int

    def ranges(self, agenda: Agenda, restricted: bool) -> dict[int, tuple[int, int]]:
        """Each item's first and last page, by item number."""
        ranges: dict[int, tuple[int, int]] = {}
        parts = agenda.parts_for(restricted)
        ends = [*(start - 1 for start in self.starts[1:]), self.pages]
        for part, first, last in zip(parts, self.starts, ends, strict=True):
            ranges[part.item] = (ranges.get(part.item, (first, last))[0], last)
        return ranges


def predicted_layout(agenda: Agenda, counts: dict[Path, int], restricted: bool) -> Layout:
    """The pack's layout if each part takes as many pages as in its own PDF."""
    starts, page = [], 1
    for part in agenda.parts_for(restricted):
        starts.append(page)
        page += counts[part.docx]
    return Layout(tuple(starts), page - 1)


def located_layout(
    page_texts: Sequence[str], agenda: Agenda, restricted: bool, guess: Sequence[int] = ()
) -> Layout:
    """The pack's layout as its PDF shows it: a part starts on the first page after the
    previous part's whose text has the part's label as a line of its own. ``page_texts`` may
    read pages lazily: the pages in ``guess`` (where the parts should start) are looked at
    first, and the others only when the label is not there."""
    parts = agenda.parts_for(restricted)
    found: list[int] = []
    page = 0
    for number, part in enumerate(parts):
        hint = guess[number] if number < len(guess) else None
        candidates = [hint] if hint is not None and hint >= page else []
        index = next(
            (
                i
                for i in [*candidates, *range(page, len(page_texts))]
                if i < len(page_texts) and _labelled(page_texts[i], part.label)
            ),
            None,
        )
        if index is None:
            raise CommitteePackError(
                f"the pack's PDF has no page labelled '{part.label}' ({part.title}); "
                "publish again, and report it if it happens twice"
            )
        found.append(index)
        page = index + 1
    front = found[0] if found else len(page_texts)
    return Layout(tuple(i - front + 1 for i in found), len(page_texts) - front)


def _labelled(text: str, label: str) -> bool:
    return label in (line.strip() for line in text.splitlines())


def shows_ranges(front_text: str, agenda: Agenda, layout: Layout, restricted: bool) -> bool:
    """Whether the front sheet's text (its pages' text, in order) prints every item's pages
    as ``layout`` has them, each after its item's title, in the agenda's order: "3 - 36"
    stands alone, and "28" is neither half of "28 - 28" nor an item's number."""
    import re

    text = " ".join(front_text.split())
    titles = {line.number: " ".join(line.title.split()) for line in agenda.lines}
    at = 0
    for item, (first, last) in layout.ranges(agenda, restricted).items():
        title = text.find(titles[item], at)
        at = title + len(titles[item]) if title >= 0 else at
        shown = re.escape(page_range(first, last))
        found = re.compile(rf"(?<![\d.])(?<!- ){shown}(?![\d.])(?! - \d)").search(text, at)
        if found is None:
            return False
        at = found.end()
    return True
