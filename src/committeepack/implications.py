"""The cross-cutting issues and implications table, a part every committee report includes.

Input: a Markdown file with one ``#`` section per row (the implications, as Markdown) and an
optional ``sign_off`` mapping in its front matter for rows whose sign-off differs from the
council's default. Output: a three-column table (Issue | Implications | Sign-off) with the rows
in the council's configured order, whatever order the file uses.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from docx.shared import Cm

from .config import Config
from .errors import CommitteePackError, InputError, raise_all
from .frontmatter import read_markdown
from .markdown_docx import MarkdownWriter
from .narrative import Section, check_front_matter, normalise_title, split_sections
from .render import render_narrative
from .schema import Field
from .word import tables as tablexml
from .word import xml as wordxml
from .word.column_widths import fitted_widths
from .word.page_geometry import content_width_cm
from .word.styles import HEADER_FILL, style_font

HEADERS = ("Issue", "Implications", "Sign-off")
WIDTHS_CM = (3.8, 9.2, 3.0)


@dataclass
class ImplicationsRow:
    """One row, ready to write: the issue, its Markdown nodes and who signs it off."""

    issue: str
    nodes: list
    sign_off: str


@dataclass
class Implications:
    """All the council's rows, in its order, read from one file."""

    path: str
    first_line: int
    rows: list[ImplicationsRow]


def load_implications(path: Path, shown_as: str, config: Config, context: dict) -> Implications:
    """Read the implications file and check it against the council's configured rows."""
    source = read_markdown(path, shown_as)
    errors: list[CommitteePackError] = []
    sign_offs = _sign_offs(source, config, errors)
    sections = [Section(normalise_title(row.issue), row.issue) for row in config.implications]
    body = render_narrative(source.body, context, shown_as, source.body_line)
    found, _ = split_sections(
        body,
        sections,
        shown_as,
        source.body_line,
        errors,
        source=source.body,
        unknown_hint="it is not one of the council's rows in committeepack.toml "
        "[[implications]]; add it there or correct the heading",
        empty_hint="write its implications, or 'No implications.' if there are none",
    )
    raise_all(errors)
    rows = [
        ImplicationsRow(
            row.issue,
            found[normalise_title(row.issue)],
            sign_offs.get(normalise_title(row.issue), row.sign_off),
        )
        for row in config.implications
    ]
    return Implications(shown_as, source.body_line, rows)


FRONT_MATTER = Field(
    "table",
    fields={
        "sign_off": Field(
            "map",
            item=Field("text", example="Head of Legal Partnership"),
            hint="write one 'Issue: role' line under it for each row signed off by someone "
            "other than committeepack.toml says, for example  Legal: Head of Legal Partnership",
        )
    },
)


def _sign_offs(source, config: Config, errors: list) -> dict[str, str]:
    checked = check_front_matter(source.meta, FRONT_MATTER, source.path, errors)
    table = checked.get("sign_off", {})
    known = {normalise_title(row.issue) for row in config.implications}
    result = {}
    for issue, role in table.items():
        line = table.lines.get(issue) if hasattr(table, "lines") else None
        if normalise_title(str(issue)) not in known:
            rows = [row.issue for row in config.implications]
            close = difflib.get_close_matches(str(issue), rows, n=1, cutoff=0.75)
            hint = f"; did you mean '{close[0]}'?" if close else f"; use one of: {', '.join(rows)}"
            errors.append(
                InputError(
                    f"sign_off names '{issue}', which is not one of the council's rows in "
                    f"committeepack.toml{hint}",
                    source.path,
                    line,
                )
            )
        else:
            result[normalise_title(str(issue))] = str(role).strip()
    return result


def write_table(container, implications: Implications, writer: MarkdownWriter) -> None:
    """Add the implications table to ``container`` (a document or subdocument)."""
    table = container.add_table(rows=1 + len(implications.rows), cols=3)
    table.style = writer.styles.table
    tablexml.set_table_look(table)
    for cell, text in zip(table.rows[0].cells, HEADERS, strict=True):
        paragraph = cell.paragraphs[0]
        wordxml.set_style(paragraph, writer.styles.table_text)
        paragraph.add_run(text).bold = True
        tablexml.shade_cell(cell, HEADER_FILL)
    tablexml.mark_header_row(table.rows[0])
    for row, item in zip(table.rows[1:], implications.rows, strict=True):
        issue, body, sign_off = row.cells
        wordxml.set_style(issue.paragraphs[0], writer.styles.table_text)
        issue.paragraphs[0].add_run(item.issue).bold = True
        writer.write(body, item.nodes, in_cell=True)
        wordxml.set_style(sign_off.paragraphs[0], writer.styles.table_text)
        sign_off.paragraphs[0].add_run(item.sign_off)
    # each column at least its longest word (a long role, "Biodiversity", at 14 pt in a wide
    # face would break mid-word in a fixed 3 cm), the rest shared as WIDTHS_CM shares it
    preferred = [int(Cm(w).twips) for w in WIDTHS_CM]
    face, size = style_font(table.part.document, writer.styles.table_text)
    texts = [
        [(cell.text, index == 0 or number == 0) for index, cell in enumerate(row.cells)]
        for number, row in enumerate(table.rows)
    ]
    room = int(Cm(content_width_cm(table.part.document)).twips)
    widths = fitted_widths(texts, min(sum(preferred), room), size, face, preferred)
    tablexml.set_table_width(table, widths)
