"""The agenda item: the council's committee report for one item.

This module declares what the report's narrative file holds and assembles the template
context; its default template is built in :mod:`.agenda_item_template`. It does no I/O of
its own beyond reading its inputs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import implications
from ..config import Config
from ..config_checks import OUTSIDE
from ..errors import InputError
from ..facts import Facts
from ..file_names import name_problem, shortened
from ..markdown_docx import MarkdownWriter, Numberer
from ..narrative import Narrative, Section
from ..render import long_date
from ..schema import TITLE_LONGEST, Field
from ..word import xml as wordxml
from ..word.docxtpl_compat import new_subdoc
from ..word.styles import NUMBER_INDENT
from .agenda_item_checks import check_front_matter
from .agenda_item_template import make_template as make_template
from .base import Rendering

NAME = "agenda-item"
TEMPLATE = "agenda-item.docx"
OUTPUT = "agenda-item.docx"
NARRATIVE = "agenda-item.md"
DESCRIPTION = "the committee report, with its cross-cutting implications table"
BLOCKS = (  # where the template puts the narrative and the timetable
    "{{p executive_summary }}",
    "{{p recommendations }}",
    "{{p body }}",
    "{%tr for row in timetable %}",
)

FRONT_MATTER = Field(
    "table",
    fields={
        "title": Field(
            "text",
            required=True,
            example="The 2026/27 Strategic Assessment and Community Safety Plan",
            longest=TITLE_LONGEST,
        ),
        "decision_maker": Field("text", required=True, example="Council"),
        "lead_head_of_service": Field(
            "text", required=True, example="head_of_housing (a key of [people])"
        ),
        "report_author": Field(
            "text", required=True, example="community_protection_manager (a key of [people])"
        ),
        "classification": Field(
            "choice", required=True, choices=("public", "exempt"), example="public"
        ),
        "exempt_paragraph": Field("integer"),
        "wards": Field("text_or_texts", required=True, example="All"),
        "purpose": Field(
            "choice",
            required=True,
            choices=("decision", "noting", "information"),
            example="decision",
        ),
        "recommendations": Field("texts", required=True, example="[That the Committee notes ...]"),
        "timetable": Field(
            "array",
            item=Field(
                "table",
                fields={
                    "meeting": Field("text", required=True),
                    "date": Field("date", required=True),
                },
            ),
        ),
        "appendices": Field("texts"),
        "background_papers": Field("texts"),
        "implications": Field("text"),
    },
)

SECTIONS = [
    Section("executive_summary", "Executive Summary", ("Summary",)),
    Section("introduction", "Introduction and Background", ("Introduction", "Background")),
    Section("options", "Available Options", ("Options",)),
    Section(
        "preferred_option",
        "Preferred Option and Reasons for Recommendations",
        ("Preferred Option",),
    ),
    Section("risk", "Risk", ("Risks",)),
    Section(
        "consultation", "Consultation Results and Previous Committee Feedback", ("Consultation",)
    ),
    Section(
        "next_steps",
        "Next Steps: Communication and Implementation of the Decision",
        ("Next Steps",),
    ),
]


def sections(config: Config) -> list[Section]:
    """The sections the narrative holds (the same for every council)."""
    return SECTIONS


# The numbered body of the report, in the council's order: (number, heading, source)
BODY = [
    (1, "Cross-cutting issues and implications", "implications"),
    (2, "Introduction and background", "introduction"),
    (3, "Available options", "options"),
    (4, "Preferred option and reasons for recommendations", "preferred_option"),
    (5, "Risk", "risk"),
    (6, "Consultation results and previous committee feedback", "consultation"),
    (7, "Next steps: communication and implementation of the decision", "next_steps"),
    (8, "Report appendices", "appendices"),
    (9, "Background papers", "background_papers"),
]


@dataclass
class Inputs:
    """Everything the agenda item is made from."""

    narrative: Narrative
    implications: implications.Implications
    appendices: list[str]


def load(facts: Facts) -> Inputs:
    """Check the agenda item's narrative against the configuration; read its implications."""
    narrative = facts.narratives[NAME]
    check_front_matter(narrative, facts.config)
    project = facts.project
    written = narrative.meta.get("implications", "implications.md")
    problem = name_problem(written)
    if problem:
        raise InputError(
            f"implications: {shortened(written)!r} {problem}",
            narrative.path,
            narrative.source.meta.lines.get("implications"),
        )
    table_path = project.input(written)
    if not facts.config.allows(table_path):
        raise InputError(
            f"implications: {written!r} {OUTSIDE}",
            narrative.path,
            narrative.source.meta.lines.get("implications"),
        )
    table = implications.load_implications(
        table_path, project.shown(table_path), facts.config, facts.names
    )
    return Inputs(narrative, table, _appendices(facts, narrative.meta.get("appendices", [])))


def _appendices(facts: Facts, items: list[str]) -> list[str]:
    """Appendix lines; a paper's name (strategic-assessment) becomes "Appendix N: its title"."""
    from . import PAPERS

    lines = []
    for number, item in enumerate(items, 1):
        paper = PAPERS.get(item)
        if paper is None or paper.name == NAME:
            lines.append(item)
            continue
        try:
            lines.append(f"Appendix {number}: {paper.title(facts)}")
        except KeyError:  # a paper this project does not make (its narrative was not read)
            lines.append(item)
    return lines


def title(facts: Facts) -> str:
    """The paper's title, for the document properties."""
    return str(facts.front_matter[NAME].meta["title"])


def context(rendering: Rendering) -> dict:
    """The names the agenda item template uses."""
    tpl, inputs, facts = rendering.tpl, rendering.inputs, rendering.facts
    config, meta = facts.config, inputs.narrative.meta
    numbering = wordxml.Numbering(tpl.get_docx().part)
    narrative = inputs.narrative
    writer = facts.writer(
        narrative,
        numbering,
    )

    summary = new_subdoc(tpl)
    writer.write(summary, narrative.sections["executive_summary"])

    recommendations = new_subdoc(tpl)
    num_id = numbering.new_list("decimal")
    for text in meta["recommendations"]:
        paragraph = wordxml.add_paragraph(recommendations, style=writer.styles.list)
        wordxml.set_list(paragraph, num_id, 0)
        paragraph.add_run(text)

    classification = "Public"
    if meta["classification"] == "exempt":
        classification = (
            f"Exempt (paragraph {meta['exempt_paragraph']} of Schedule 12A to the "
            "Local Government Act 1972)"
        )
    wards = meta["wards"]
    timetable = [{"meeting": config.committee, "date": long_date(config.meeting.date)}]
    timetable += [
        {"meeting": str(row["meeting"]), "date": _date_text(row["date"])}
        for row in meta.get("timetable", [])
    ]
    return {
        **config.as_context(),
        "title": meta["title"],
        "meeting_date": long_date(config.meeting.date),
        "decision_maker": meta["decision_maker"],
        "lead_head_of_service": str(config.people[meta["lead_head_of_service"]]),
        "report_author": str(config.people[meta["report_author"]]),
        "classification": classification,
        "wards": wards if isinstance(wards, str) else "; ".join(wards),
        "purpose": meta["purpose"].capitalize(),
        "executive_summary": summary,
        "recommendations": recommendations,
        "timetable": timetable,
        "body": _body(tpl, inputs, writer),
    }


def _date_text(value: dt.date) -> str:
    return long_date(value)


def _body(tpl, inputs: Inputs, writer: MarkdownWriter):
    body = new_subdoc(tpl)
    meta = inputs.narrative.meta
    for number, heading, source in BODY:
        wordxml.add_paragraph(body, f"{number}. {heading}", style="Heading 2")
        numberer = Numberer(number)
        if source == "implications":
            implications.write_table(body, inputs.implications, writer)
        elif source == "appendices":
            _numbered_text(
                body,
                numberer,
                writer,
                "The following documents are to be "
                "published with this report and form part of the report:"
                if inputs.appendices
                else "None.",
            )
            writer.plain_list(body, inputs.appendices, indent=NUMBER_INDENT)
        elif source == "background_papers":
            papers = meta.get("background_papers", [])
            _numbered_text(
                body,
                numberer,
                writer,
                "The following papers were relied on in writing this report:"
                if papers
                else "None.",
            )
            writer.plain_list(body, papers, indent=NUMBER_INDENT)
        else:
            writer.write(body, inputs.narrative.sections[source], numberer)
    return body


def _numbered_text(container, numberer: Numberer, writer: MarkdownWriter, text: str) -> None:
    wordxml.add_paragraph(container, f"{numberer.next()}\t{text}", style=writer.styles.numbered)
