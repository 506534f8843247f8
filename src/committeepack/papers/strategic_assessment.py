"""The strategic assessment: the partnership's annual analysis of crime and disorder.

Declares the narrative's sections and assembles the context: figure tables, charts, SPC
signals, one section per priority and the appendices. The figures come from the project's
tables (entered once); the words around them from ``inputs/strategic-assessment.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import default_templates
from ..config import Config
from ..facts import Facts
from ..narrative import Narrative, Section, priority_sections
from ..schema import TITLE_LONGEST, Field
from ..word import xml as wordxml
from ..word.blocks import add_table_of_contents
from ..word.docxtpl_compat import new_subdoc
from ..word.fields import update_fields_on_open
from ..word.styles import Styles
from . import sa_sections
from .base import Rendering

NAME = "strategic-assessment"
TEMPLATE = "strategic-assessment.docx"
OUTPUT = "strategic-assessment.docx"
NARRATIVE = "strategic-assessment.md"
DESCRIPTION = "the annual strategic assessment: figures, charts, SPC, priorities"
BLOCKS = ("{{p body }}",)  # where the template puts the assessment

FRONT_MATTER = Field(
    "table",
    fields={
        "title": Field(
            "text", required=True, example="Strategic Assessment", longest=TITLE_LONGEST
        ),
        "year": Field("text", required=True, example='"2026/27"'),
    },
)

FIXED_SECTIONS = [
    Section("aim", "Aim"),
    Section("background", "Background"),
    Section("methodology", "Methodology"),
    Section("executive_summary", "Executive Summary", ("Summary",)),
    Section("crime", "Total Recorded Crime", ("Recorded Crime",), required=False),
    Section("county", "Comparison with the County", ("County Comparison",), required=False),
    Section("wards", "Wards", required=False),
    Section("trends", "Trends Over Time", ("Trends",), required=False),
    Section("activity", "Community Protection Activity", ("Activity",), required=False),
    Section("conclusions", "Key Conclusions", ("Conclusions",)),
    Section("recommendations", "Recommended Priorities", ("Recommended Priorities for Next Year",)),
]


def chart_requests(facts: Facts) -> dict:
    """The charts this paper shows, drawn before any paper is rendered."""
    from . import sa_charts

    return sa_charts.requests(facts, facts.project.content_width_cm(TEMPLATE))


def sections(config: Config) -> list[Section]:
    """The fixed sections, with one (required) section per priority after the summary."""
    return FIXED_SECTIONS[:4] + priority_sections(config) + FIXED_SECTIONS[4:]


@dataclass
class Inputs:
    """The narrative, checked; the figures come from the project."""

    narrative: Narrative


def load(facts: Facts) -> Inputs:
    """The narrative, rendered over the figures."""
    return Inputs(facts.narratives[NAME])


def title(facts: Facts) -> str:
    """Title for the document properties."""
    meta = facts.front_matter[NAME].meta
    return f"{meta['title']} {meta['year']}"


def context(rendering: Rendering) -> dict:
    """The names the strategic assessment template uses."""
    tpl, inputs, facts = rendering.tpl, rendering.inputs, rendering.facts
    numbering = wordxml.Numbering(tpl.get_docx().part)
    narrative = inputs.narrative
    writer = facts.writer(
        narrative,
        numbering,
        Styles(headings={2: "Heading 2", 3: "Heading 3"}),
    )
    body = new_subdoc(tpl)
    builder = sa_sections.BodyBuilder(body, writer, narrative, facts, rendering.charts)
    headings = builder.build()
    contents = new_subdoc(tpl)
    add_table_of_contents(contents, headings, writer.styles)
    update_fields_on_open(tpl.get_docx())
    figures = facts.figures
    meta = narrative.meta
    return {
        **facts.config.as_context(),
        "title": meta["title"],
        "year": meta["year"],
        "period": f"{figures.current} compared with {figures.previous}",
        "contents": contents,
        "body": body,
    }


def make_template(config: Config):
    """The default template: title page, contents page, then the generated body."""
    return default_templates.book_template(
        config.branding,
        "Strategic assessment",
        "{{ partnership }}: {{ title }} {{ year }}",
        [
            ("{{ partnership }}", "Subtitle"),
            ("{{ title }} {{ year }}", "Title"),
            ("{{ period }}", "Subtitle"),
            ("{{ committee }}, {{ meeting.date|long_date }}", "Committee Name"),
            ("{{ council }}", "Committee Name"),
        ],
    )
