"""The agenda item's default template: the house styles and the report's skeleton of tags,
used when a project has no ``templates/agenda-item.docx`` of its own."""

from __future__ import annotations

from docx.shared import Cm

from .. import default_templates
from ..config import Config
from ..word import styles
from ..word import tables as tablexml


def make_template(config: Config):
    """The default agenda item template: house styles plus the report's skeleton of tags."""
    document = default_templates.base_document(config.branding, "Agenda item")
    document.sections[0].header.paragraphs[0].text = "{{ council }}"
    default_templates.add_page_number_footer(document)
    document.add_paragraph("{{ committee }}", style="Committee Name")
    document.add_paragraph("{{ meeting_date }}", style="Committee Name")
    document.add_paragraph("{{ title }}", style="Heading 1")
    default_templates.header_table(
        document,
        [
            ("Final Decision-Maker", "{{ decision_maker }}"),
            ("Lead Head of Service", "{{ lead_head_of_service }}"),
            ("Lead Officer and Report Author", "{{ report_author }}"),
            ("Classification", "{{ classification }}"),
            ("Wards affected", "{{ wards }}"),
        ],
    )
    document.add_paragraph("Executive Summary", style="Heading 2")
    document.add_paragraph("{{p executive_summary }}")
    document.add_paragraph("Purpose of Report", style="Heading 2")
    document.add_paragraph("{{ purpose }}")
    document.add_paragraph(
        "This report makes the following recommendations to this Committee:", style="Heading 2"
    )
    document.add_paragraph("{{p recommendations }}")
    document.add_paragraph("Timetable", style="Heading 2")
    _timetable_table(document)
    document.add_paragraph("{{p body }}")
    return document


def _timetable_table(document) -> None:
    """Meeting | Date, one row per meeting through docxtpl's row loop."""
    rows = [
        ("Meeting", "Date"),
        ("{%tr for row in timetable %}", ""),
        ("{{ row.meeting }}", "{{ row.date }}"),
        ("{%tr endfor %}", ""),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    table.style = document.styles["Committee Table"]
    tablexml.set_table_look(table)
    for index, (row, texts) in enumerate(zip(table.rows, rows, strict=True)):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.paragraphs[0].style = document.styles["Table Text"]
            cell.paragraphs[0].add_run(text).bold = index == 0 or None
    for cell in table.rows[0].cells:
        tablexml.shade_cell(cell, styles.HEADER_FILL)
    tablexml.mark_header_row(table.rows[0])
    tablexml.set_table_width(table, [int(Cm(w).twips) for w in (10.0, 6.0)])
