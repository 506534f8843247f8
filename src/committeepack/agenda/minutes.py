"""The minutes of the previous meeting: read from Markdown with front matter, written as Word
the way councils print them.

The file (``inputs/minutes.md`` unless ``[agenda] minutes`` says otherwise)::

    ---
    meeting_date: 2025-11-18
    present: [Brown, Clarke, Khan]
    chair: Clarke
    also_present: [Patel]
    apologies: [Evans]
    duration: 6.30 pm to 7.42 pm
    ---
    ## Apologies for absence

    Apologies were received from Councillor Evans.

    ## Strategic assessment

    RESOLVED: That

    1. the assessment be noted; and
    2. the plan be approved.

Each ``##`` heading is an item, numbered in order and printed in capitals; a paragraph that
starts ``RESOLVED:`` has the word in bold, and a numbered list after it holds the numbered
resolutions. "Duration of meeting" closes the minutes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import InputError, raise_all
from ..narrative import check_front_matter
from ..schema import Field

FRONT_MATTER = Field(
    "table",
    fields={
        "meeting_date": Field("date", required=True, example="2025-11-18"),
        "present": Field("texts", required=True, example="[Brown, Clarke, Khan]"),
        "chair": Field("text", example="Clarke"),
        "also_present": Field("texts"),
        "apologies": Field("texts"),
        "duration": Field("text", required=True, example="6.30 pm to 7.42 pm"),
    },
)
RESOLVED = re.compile(r"^(\s*)(?:\*\*)?RESOLVED:(?:\*\*)?", re.MULTILINE)


@dataclass(frozen=True)
class MinutesItem:
    """One numbered item: its title and the Markdown under it."""

    title: str
    body: list  # top-level syntax-tree nodes


@dataclass(frozen=True)
class Minutes:
    """The checked minutes of the previous meeting."""

    path: str
    meeting_date: object
    present: tuple[str, ...]
    chair: str
    also_present: tuple[str, ...]
    apologies: tuple[str, ...]
    duration: str
    items: tuple[MinutesItem, ...]
    body_line: int


ATTENDANCE = ("present", "also_present", "apologies")


def listed_again(lists: dict[str, list]) -> list[tuple[str, int, str, str]]:
    """Each name listed after its first time in ``lists`` (by key, in order; names compared
    whatever their capitals and spacing): its key, index and name, and the key it came first
    under."""
    first: dict[str, str] = {}
    again = []
    for key, names in lists.items():
        for index, name in enumerate(names):
            folded = " ".join(str(name).casefold().split())
            if folded in first:
                again.append((key, index, str(name), first[folded]))
            first.setdefault(folded, key)
    return again


def _named_twice(meta: dict, written: dict, shown_as: str) -> list[InputError]:
    """An error for each person listed under two of present, also present and apologies (or
    twice under one), at the later entry's line (``written``: the front matter as read)."""
    from ..frontmatter import line_of

    return [
        InputError(
            f"{key}: '{name}' is listed {'twice' if earlier == key else f'also under {earlier}'}"
            "; a person is present, also present or sends apologies, once",
            shown_as,
            line_of(written, (key, index)),
        )
        for key, index, name, earlier in listed_again({k: meta.get(k, []) for k in ATTENDANCE})
    ]


def read_minutes(path: Path, shown_as: str, meeting: dt.date | None = None) -> Minutes:
    """The minutes at ``path``, of a meeting before ``meeting`` (this agenda's, when
    given); every problem in them reported together."""
    from ..frontmatter import read_markdown
    from ..markdown_parse import parse

    source = read_markdown(path, shown_as)
    errors: list = []
    meta = check_front_matter(source.meta, FRONT_MATTER, shown_as, errors)
    chair = meta.get("chair", "")
    if chair and chair not in meta.get("present", []):
        errors.append(
            InputError(
                f"chair: '{chair}' is not among those present; add them to present",
                shown_as,
                source.meta.lines.get("chair"),
            )
        )
    errors += _named_twice(meta, source.meta, shown_as)
    held = meta.get("meeting_date")
    if meeting is not None and isinstance(held, dt.date) and held >= meeting:
        errors.append(
            InputError(
                f"meeting_date: {weekday_date(held)} is not before this meeting, on "
                f"{weekday_date(meeting)}; these are the minutes of the meeting before it",
                shown_as,
                source.meta.lines.get("meeting_date"),
            )
        )
    body = RESOLVED.sub(r"\1**RESOLVED:**", source.body)
    tree = parse(body, path=shown_as, first_line=source.body_line)
    items: list[MinutesItem] = []
    for node in tree.children:
        if node.type == "heading" and node.tag == "h2":
            title = node.children[0].content.strip()
            problem = _heading_problem(node.children[0])
            if problem:
                line = source.body_line + (node.map[0] if node.map else 0)
                errors.append(InputError(problem, shown_as, line))
            items.append(MinutesItem(title, []))
        elif not items:
            line = source.body_line + (node.map[0] if node.map else 0)
            errors.append(
                InputError(
                    "the minutes start with text outside an item; begin each item with a "
                    "'## ' heading, for example  ## Apologies for absence",
                    shown_as,
                    line,
                )
            )
            break
        elif node.type == "heading":
            line = source.body_line + (node.map[0] if node.map else 0)
            errors.append(
                InputError(
                    "each item of the minutes is a '## ' heading; write this one as '## ' or "
                    "as bold text",
                    shown_as,
                    line,
                )
            )
        else:
            items[-1].body.append(node)
    if not items and not errors:
        errors.append(
            InputError("the minutes hold no items; write each as a '## ' heading", shown_as, 1)
        )
    raise_all(errors)
    return Minutes(
        path=shown_as,
        meeting_date=meta["meeting_date"],
        present=tuple(meta["present"]),
        chair=chair,
        also_present=tuple(meta.get("also_present", ())),
        apologies=tuple(meta.get("apologies", ())),
        duration=meta["duration"],
        items=tuple(items),
        body_line=source.body_line,
    )


def councillors(names: tuple[str, ...], chair: str = "", vice_chair: str = "") -> str:
    """``Councillors Brown, Clarke (Chair) and Khan``, as minutes and front sheets list them."""
    roles = {chair: " (Chair)", vice_chair: " (Vice-Chair)"}
    shown = [name + roles.get(name, "") if name else name for name in names]
    if not shown:
        return ""
    if len(shown) == 1:
        return f"Councillor {shown[0]}"
    return f"Councillors {', '.join(shown[:-1])} and {shown[-1]}"


def minutes_title(minutes: Minutes) -> str:
    """``Minutes of the Meeting held on Tuesday 18 November 2025``."""
    return f"Minutes of the Meeting held on {weekday_date(minutes.meeting_date)}"


def weekday_date(value) -> str:
    """``Tuesday 18 November 2025``."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def write_minutes(minutes: Minutes, config: Config) -> bytes:
    """The minutes as a .docx in the house style, titled and in the project's language."""
    from ..default_templates import base_document
    from ..markdown_docx import MarkdownWriter
    from ..output import stable_zip
    from ..word import xml as wordxml
    from ..word.paper_properties import set_title
    from ..word.styles import Styles

    title = minutes_title(minutes)
    document = base_document(config.branding, title)
    wordxml.set_document_language(document, config.language)
    document.add_paragraph(config.council, style="Title")
    committee = config.committee
    if config.committee_acting_as:
        committee += f" acting as the {config.committee_acting_as}"
    document.add_paragraph(committee, style="Heading 1")
    document.add_paragraph(title.upper(), style="Heading 2")
    for label, names in (
        ("Present", councillors(minutes.present, minutes.chair)),
        ("Also Present", councillors(minutes.also_present)),
        ("Apologies", councillors(minutes.apologies)),
    ):
        if names:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(names)
    writer = MarkdownWriter(
        wordxml.Numbering(document.part),
        minutes.path,
        minutes.body_line,
        (config.root / minutes.path).parent,  # pictures beside the minutes, not the shell's
        styles=Styles(headings={3: "Heading 4"}),
        allows=config.allows,  # and never from outside the project
    )
    items = [*minutes.items, MinutesItem("Duration of meeting", [])]
    for number, item in enumerate(items, 1):
        document.add_paragraph(f"{number}. {item.title.upper()}", style="Heading 3")
        writer.write(document, item.body)
    document.add_paragraph(minutes.duration)
    set_title(document, title)
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue())


def _heading_problem(inline) -> str | None:
    """Why an item's heading, printed as typed in capitals, cannot be: formatting, or half a
    pair of marks (``**``, ``{{``); None when it is plain text."""
    from ..markdown_parse import leftover_problem

    if any(child.type not in ("text", "softbreak") for child in inline.children):
        return (
            "an item's heading is printed in plain capitals; write it without formatting or links"
        )
    return leftover_problem("".join(child.content for child in inline.children))
