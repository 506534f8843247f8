"""The community safety plan update: the partnership's multi-year plan, refreshed each year.

The priorities (names, order, objectives, sub-groups) come from ``committeepack.toml``, the
same as in every other paper; the words from ``inputs/plan.md``. "Year N" is worked out from
the plan's start and the update's date, never typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import default_templates
from ..config import Config
from ..errors import InputError, raise_all
from ..facts import Facts
from ..glossary import document_text, used_terms
from ..markdown_docx import MarkdownWriter
from ..narrative import Narrative, Section, normalise_title, priority_sections
from ..schema import TITLE_LONGEST, Field
from ..word import xml as wordxml
from ..word.blocks import add_table_of_contents, data_table
from ..word.docxtpl_compat import new_subdoc
from ..word.fields import update_fields_on_open
from ..word.styles import Styles
from .base import Rendering
from .plan_dates import labels, plan_year

NAME = "plan"
TEMPLATE = "plan.docx"
OUTPUT = "community-safety-plan.docx"
NARRATIVE = "plan.md"
DESCRIPTION = "the community safety plan update, with its priorities and action lists"
BLOCKS = ("{{p body }}",)  # where the template puts the plan's sections

FRONT_MATTER = Field(
    "table",
    fields={
        "title": Field(
            "text", required=True, example="Community Safety Plan", longest=TITLE_LONGEST
        ),
        "starts": Field("date", required=True, example="2025-04-01"),
        "years": Field("integer", required=True, example="3"),
        "update": Field("date", required=True, example="2026-05-01"),
        "strapline": Field("text"),
        "welcome_by": Field("text", required=True, example="council_leader (a key of [people])"),
        "foreword_by": Field("texts", required=True, example="[co_chair_council, co_chair_police]"),
    },
)
FIXED = [
    Section("welcome", "Welcome"),
    Section("foreword", "Foreword"),
    Section("introduction", "Introduction"),
    Section("data", "What Data We Used and What It Told Us", ("What the Data Told Us",)),
    Section("people", "What People Told Us"),
    Section("local", "Local Considerations"),
    Section("update", "This Year's Update", ("This Years Update",)),
    Section("governance", "Governance"),
    Section("partners", "Partner Priorities"),
    Section("structure", "Partnership Structure"),
]
PARTS = {"why is this important": "why", "what is our focus": "focus", "what will we do": "do"}


def sections(config: Config) -> list[Section]:
    """The plan's sections: the fixed ones around one section per priority."""
    return FIXED[:8] + priority_sections(config) + FIXED[8:]


@dataclass
class Inputs:
    """The checked narrative, the plan year and the split of each priority's section."""

    narrative: Narrative
    year: int
    parts: dict[str, dict[str, list]]


def load(facts: Facts) -> Inputs:
    """Check the plan's narrative; work out the year of the plan."""
    config = facts.config
    narrative = facts.narratives[NAME]
    meta, lines = narrative.meta, narrative.source.meta.lines
    errors = []
    try:
        year = plan_year(meta["starts"], meta["years"], meta["update"])
    except ValueError as exc:
        errors.append(InputError(str(exc), narrative.path, lines.get("update")))
        year = 1
    for key in ("welcome_by", "foreword_by"):
        names = meta[key] if isinstance(meta[key], list) else [meta[key]]
        for name in names:
            if name not in config.people:
                errors.append(
                    InputError(
                        f"{key}: '{name}' is not in [people] of committeepack.toml; use one of: "
                        f"{', '.join(config.people)}",
                        narrative.path,
                        lines.get(key),
                    )
                )
    for priority in config.priorities:
        if not priority.objective:
            errors.append(
                InputError(
                    f"priority '{priority.key}' has no objective; add "
                    'objective = "..." to its [[priorities]] entry',
                    "committeepack.toml",
                )
            )
    parts = {p.key: _parts(narrative, p.key, p.short_name, errors) for p in config.priorities}
    raise_all(errors)
    return Inputs(narrative, year, parts)


def _parts(narrative: Narrative, key: str, name: str, errors: list) -> dict[str, list]:
    """A priority's section split at its ``##`` headings into why / focus / do."""
    nodes = narrative.sections[f"priority:{key}"]
    found: dict[str, list] = {}
    current = None
    for node in nodes:
        if node.type == "heading" and node.tag == "h2":
            title = normalise_title(node.children[0].content)
            title = title.removeprefix("year ").lstrip("0123456789 ")
            current = PARTS.get(title)
            if current is None:
                errors.append(
                    InputError(
                        f"'## {node.children[0].content}' is not a part of a priority; use "
                        "## Why is this important?, ## What is our focus? and ## What will we do?",
                        narrative.path,
                        narrative.source.body_line + node.map[0] if node.map else None,
                    )
                )
            if current is not None:
                found.setdefault(current, [])
        elif current is not None:
            found[current].append(node)
    for part, heading in (
        ("why", "Why is this important?"),
        ("focus", "What is our focus?"),
        ("do", "What will we do?"),
    ):
        if not found.get(part):
            errors.append(
                InputError(
                    f"section '# {name}' has no '## {heading}' with text under it; add it",
                    narrative.path,
                    narrative.section_lines[f"priority:{key}"],
                )
            )
    return found


def title(facts: Facts) -> str:
    """Title for the document properties."""
    meta = facts.front_matter[NAME].meta
    years, update = labels(meta)
    return f"{meta['title']} {years}, {update}"


def context(rendering: Rendering) -> dict:
    """The names the plan template uses."""
    tpl, inputs, facts = rendering.tpl, rendering.inputs, rendering.facts
    config = facts.config
    narrative = inputs.narrative
    meta = narrative.meta
    writer = facts.writer(
        narrative,
        wordxml.Numbering(tpl.get_docx().part),
        Styles(headings={2: "Heading 2", 3: "Heading 3"}),
    )
    body = new_subdoc(tpl)
    headings: list[tuple[int, str]] = []

    def heading(level: int, text: str) -> None:
        wordxml.add_paragraph(body, text, style=f"Heading {level}")
        if level <= 2:
            headings.append((level, text))

    years, update = labels(meta)
    heading(1, f"Welcome from the {config.people[meta['welcome_by']].title}")
    writer.write(body, narrative.sections["welcome"])
    _signatures(body, [config.people[meta["welcome_by"]]])
    heading(1, f"Foreword by the co-chairs of the {config.partnership}")
    writer.write(body, narrative.sections["foreword"])
    _signatures(body, [config.people[key] for key in meta["foreword_by"]])
    heading(1, "Introduction")
    writer.write(body, narrative.sections["introduction"])
    heading(1, "How we set our priorities")
    for key, title in (
        ("data", "What data we used and what it told us"),
        ("people", "What people told us"),
        ("local", "Local considerations"),
        ("update", f"The {update}"),
    ):
        heading(2, title)
        writer.write(body, narrative.sections[key])
    wordxml.add_paragraph(
        body, f"The priorities for year {inputs.year} of the plan are:", style=writer.styles.body
    )
    writer.plain_list(body, [p.name for p in config.priorities], "decimal")
    heading(1, "Governance")
    writer.write(body, narrative.sections["governance"])
    heading(1, "Our priorities")
    sub = Styles(headings={2: "Heading 3", 3: "Heading 4"})
    for priority in config.priorities:
        parts = inputs.parts[priority.key]
        heading(2, priority.name)
        heading(3, "Why is this important?")
        _write(writer, body, parts["why"], sub)
        objective = wordxml.add_paragraph(body, style=writer.styles.body)
        objective.add_run("Our objective: ").bold = True
        objective.add_run(priority.objective)
        heading(3, "What is our focus?")
        _write(writer, body, parts["focus"], sub)
        heading(3, f"Year {inputs.year}: what will we do?")
        _write(writer, body, parts["do"], sub)
    heading(1, "Appendix 1: Priorities of our county and police partners")
    writer.write(body, narrative.sections["partners"])
    heading(1, "Appendix 2: Partnership structure")
    writer.write(body, narrative.sections["structure"])
    heading(1, "Appendix 3: The groups that deliver each priority")
    data_table(
        body,
        ["Priority", "Sub-groups and working groups delivering the action plans"],
        [[p.name, "; ".join(p.sub_groups) or "To be agreed"] for p in config.priorities],
        writer.styles,
        [6.5, 9.5],
    )
    heading(1, "Appendix 4: Glossary of terms and acronyms")
    terms = used_terms(document_text(body), config, NAME)
    if terms:
        data_table(body, ["Term", "Meaning"], [list(t) for t in terms], writer.styles, [4, 12])
    else:
        wordxml.add_paragraph(body, "This plan uses no acronyms.", style=writer.styles.body)
    contents = new_subdoc(tpl)
    add_table_of_contents(contents, headings, writer.styles)
    update_fields_on_open(tpl.get_docx())
    return {
        **config.as_context(),
        "title": meta["title"],
        "years": years,
        "update": update,
        "strapline": meta.get("strapline", ""),
        "contents": contents,
        "body": body,
    }


def _write(writer: MarkdownWriter, body, nodes, styles: Styles) -> None:
    saved, writer.styles = writer.styles, styles
    try:
        writer.write(body, nodes)
    finally:
        writer.styles = saved


def _signatures(body, people) -> None:
    for person in people:
        paragraph = wordxml.add_paragraph(body, style="Normal")
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run(person.name).bold = True
        paragraph.add_run().add_break()
        paragraph.add_run(person.title)


def make_template(config: Config):
    """The default template: title page, contents, then the generated body."""
    return default_templates.book_template(
        config.branding,
        "Community safety plan",
        "{{ partnership }}: {{ title }} {{ years }}",
        [
            ("{{ partnership }}", "Subtitle"),
            ("{{ title }} {{ years }}", "Title"),
            ("{{ update }}", "Subtitle"),
            ("{{ strapline }}", "Committee Name"),
            ("{{ council }}", "Normal"),
        ],
    )
