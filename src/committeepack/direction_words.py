"""Direction words typed into narrative that the figures beside them contradict.

"Drug offences {{ crime["Drug offences"].change }}. ... so the fall reflects fewer stop and
search operations" reads true while drug offences fall, and is wrong in the paper built after
the data refresh in which they rise: the figure says "rose by 10%" and the typed word still
says "fall". So in each paragraph that states how figures moved (an expression ending in
``.change``, ``.summary``, ``.percent_change`` or ``.difference``), a typed word that says a
direction (rise, fell, increase, decreased...) is a warning when not one of those figures
moved that way. A paragraph whose figures moved both ways is left alone: its words may be
about any of them. Words inside ``{{ }}`` and ``{% %}`` are not looked at.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .errors import InputError
from .figures.built import CountTable, CrimeTree
from .figures.district_rows import DistrictTable
from .figures.model import FigureError
from .frontmatter import JINJA_TAGS

# an expression of a figure's movement: crime["Drug offences"].change
MOVEMENT = re.compile(
    r"""(\w+)\s*\[\s*(["'])(.+?)\2\s*\]\s*\.\s*"""
    r"(change|summary|percent_change|difference|difference_text)\b"
)
UP = {"rise", "rises", "rising", "rose", "risen", "increase", "increases", "increased"}
UP |= {"increasing"}
DOWN = {"fall", "fell", "fallen", "falling", "decrease", "decreases", "decreased"}
DOWN |= {"decreasing", "drop", "drops", "dropped"}
# "falls within the plan", "the duty falls to the council": not a direction
NOT_A_MOVE = re.compile(r"\s+(?:within|under|to|into|on|outside|short)\b", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Movement:
    """A figure a paragraph states the movement of, and which way it moved."""

    expression: str  # as written: crime["Drug offences"].change
    row: str  # the row it names: Drug offences
    said: str  # how it moved: rose from 415 to 456
    up: bool


def movements(figures, text: str) -> list[Movement]:
    """The figures whose movement ``text`` states, each with its direction (a figure that did
    not move, or that no table holds, has none and is left out)."""
    found = []
    for tag in JINJA_TAGS.finditer(text):
        for match in MOVEMENT.finditer(tag.group()):
            counts = _counts(figures, match.group(1), match.group(3))
            if counts is None or counts[0] == counts[1]:
                continue
            up = counts[1] > counts[0]
            said = ("rose" if up else "fell") + f" from {counts[0]:,} to {counts[1]:,}"
            found.append(Movement(match.group(0), match.group(3), said, up))
    return found


def _counts(figures, table: str, row: str) -> tuple[int | float, int | float] | None:
    """The two periods' counts of ``row`` in the figure table ``table``, if it has them."""
    built = figures.tables.get(table)
    if isinstance(built, CrimeTree | CountTable):
        try:
            figure = built.table[row]  # found as the narrative finds it
        except FigureError:
            return None  # the narrative's own error says so
        return figure.previous, figure.current
    if isinstance(built, DistrictTable):
        district = next((d for d in built.rows if d.name.casefold() == row.casefold()), None)
        if district is not None and len(district.counts) > 1:
            return district.counts[-2], district.counts[-1]
    return None


def contradicted(path: str, body: str, first_line: int, figures) -> list[InputError]:
    """A warning for each direction word typed in a paragraph of ``body`` whose figures all
    moved the other way, in a sentence about them: one that states a movement, or names a
    figure whose movement the paragraph states ("We will increase patrols" is about no
    figure, and is left alone)."""
    problems = []
    for start, paragraph in _paragraphs(body):
        moved = movements(figures, paragraph)
        ways = {m.up for m in moved}
        if len(ways) != 1:
            continue  # no movement stated, or movements both ways
        up = ways.pop()
        typed = JINJA_TAGS.sub(lambda m: " " * len(m.group()), paragraph)
        names = {m.row.casefold() for m in moved}
        breaks = [i for i, c in enumerate(typed) if c == "\n"]  # where its lines end
        for begin, end in _sentences(typed):
            said = typed[begin:end].casefold()
            if not (movements(figures, paragraph[begin:end]) or any(n in said for n in names)):
                continue
            for match in WORD.finditer(typed, begin, end):
                word = match.group().casefold()
                if word not in (DOWN if up else UP) or NOT_A_MOVE.match(typed, match.end()):
                    continue
                first = moved[0]
                problems.append(
                    InputError(
                        f"'{match.group()}' is typed by hand, but the figures of this paragraph "
                        f"{'rose' if up else 'fell'} ({first.expression} {first.said}); reword "
                        "it, or let the figure say which way it moved, so that the words stay "
                        "true when the figures change",
                        path,
                        first_line + start + bisect.bisect_left(breaks, match.start()),
                    )
                )
                break  # one for the sentence: rewording it deals with the rest
    return problems


SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` begins and ends (after its full stop)."""
    spans, begin = [], 0
    for end in SENTENCE_END.finditer(text):
        spans.append((begin, end.end()))
        begin = end.end()
    if text[begin:].strip():
        spans.append((begin, len(text)))
    return spans


def _paragraphs(body: str) -> list[tuple[int, str]]:
    """The paragraphs of ``body`` (runs of lines between blank ones), each with the offset of
    its first line."""
    found: list[tuple[int, str]] = []
    lines: list[str] = []
    for offset, line in enumerate([*body.split("\n"), ""]):
        if line.strip():
            lines.append(line)
            continue
        if lines:
            found.append((offset - len(lines), "\n".join(lines)))
            lines = []
    return found
