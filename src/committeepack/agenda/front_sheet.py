"""The agenda's front sheet: a Word template like the papers' (``templates/agenda.docx``,
restylable in Word), filled in with the meeting, the membership, the numbered agenda with each
item's pages in the pack, and the information for the public."""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx.shared import Cm, Pt

from ..config import Config
from .minutes import councillors, weekday_date
from .settings import AgendaSettings

TEMPLATE = "agenda.docx"
BLOCKS = ("{%tr for item in items %}", "{%tr for item in exempt_items %}")  # the agenda
OUTPUT = "agenda.docx"
EXEMPT_NOTE = (
    "The Committee may decide to exclude the public while it considers these items, because "
    "information of the kind described in Schedule 12A to the Local Government Act 1972 (the "
    "paragraph given) is likely to be disclosed. Their reports are not published."
)


@dataclass(frozen=True)
class AgendaLine:
    """One line of the agenda: its number, its wording and its pages in the pack ('' if none)."""

    number: int
    title: str
    pages: str = ""
    exempt_paragraph: int | None = None


def page_range(first: int, last: int) -> str:
    """``4 - 80`` as agendas print a range, or ``4`` for a single page."""
    return str(first) if first == last else f"{first} - {last}"


def make_template(config: Config):
    """The front sheet's default template, in the house style of ``[branding]``."""
    from ..default_templates import base_document, header_table, place_logo

    document = base_document(config.branding, "Agenda")
    document.add_paragraph("{{ council }}", style="Title")
    document.add_paragraph("{{ committee }}", style="Heading 1")
    header_table(
        document,
        [
            ("Date", "{{ date }}"),
            ("Time", "{{ time }}"),
            ("Venue", "{{ venue }}"),
            ("Membership", "{{ membership }}"),
        ],
    )
    document.add_paragraph("Agenda", style="Heading 2")
    _items_table(document, "items", ("Item", "Business", "Page No."))
    document.add_paragraph("{%p if exempt_items %}")
    document.add_paragraph("Part II: items the public may be excluded from", style="Heading 2")
    document.add_paragraph("{{ exempt_note }}")
    _items_table(document, "exempt_items", ("Item", "Business", "Schedule 12A paragraph"))
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p if issued_on %}")
    issued = document.add_paragraph()
    issued.paragraph_format.space_before = Pt(12)
    issued.add_run("Issued on {{ issued_on }}").bold = True
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p if chief_executive %}")
    document.add_paragraph("{{ chief_executive }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("Information for the public", style="Heading 2")
    document.add_paragraph("{%p for text in public_information %}")
    # the information stays in one piece, on the next page if it must
    document.add_paragraph("{{ text }}").paragraph_format.keep_with_next = True
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p if website %}")
    document.add_paragraph("To find out more about the work of the Committee, visit {{ website }}.")
    document.add_paragraph("{%p endif %}")
    if config.branding.logo is not None:
        place_logo(document, config.branding.logo, f"{config.council} logo")
    return document


def _items_table(document, name: str, headers: tuple[str, str, str]) -> None:
    from ..word import tables as tablexml

    table = document.add_table(rows=4, cols=3)
    table.style = document.styles["Committee Table"]
    tablexml.set_table_look(table, first_row=True)
    cells = [
        list(headers),
        [f"{{%tr for item in {name} %}}", "", ""],
        ["{{ item.number }}", "{{ item.title }}", "{{ item.shown }}"],
        ["{%tr endfor %}", "", ""],
    ]
    for row, texts in zip(table.rows, cells, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles["Table Text"]
            paragraph.add_run(text).bold = row is table.rows[0] or None
    tablexml.mark_header_row(table.rows[0])
    tablexml.set_table_width(table, [int(Cm(w).twips) for w in (1.5, 11.5, 3.0)])


def context(
    config: Config, settings: AgendaSettings, lines: list[AgendaLine], restricted: bool
) -> dict:
    """The names the front sheet's template uses. In the public pack, exempt items are listed
    apart, without pages; the restricted pack lists every item with its pages."""
    committee = config.committee
    if config.committee_acting_as:
        committee += f" acting as the {config.committee_acting_as}"
    public = [line for line in lines if restricted or line.exempt_paragraph is None]
    exempt = [] if restricted else [line for line in lines if line.exempt_paragraph is not None]
    chief = settings.chief_executive
    return {
        "council": config.council,
        "committee": committee,
        "date": weekday_date(config.meeting.date),
        "time": config.meeting.time,
        "venue": config.meeting.venue,
        "membership": councillors(settings.members, settings.chair, settings.vice_chair)
        or "To be confirmed",
        "items": [_shown(line, line.pages) for line in public],
        "exempt_items": [_shown(line, str(line.exempt_paragraph)) for line in exempt],
        "exempt_note": EXEMPT_NOTE,
        "issued_on": weekday_date(settings.issued_on) if settings.issued_on else "",
        "chief_executive": f"{chief.name}, Chief Executive" if chief else "",
        "public_information": list(settings.public_information),
        "website": settings.website,
    }


def _shown(line: AgendaLine, last_column: str) -> dict:
    return {"number": f"{line.number}.", "title": line.title, "shown": last_column}


def render(tpl, names: dict, title: str, config: Config) -> bytes:
    """The front sheet filled in from ``names`` (see :func:`context`), as .docx bytes."""
    from ..output import stable_zip
    from ..render import render_docx
    from ..word.outside_links import drop_attached_template
    from ..word.paper_properties import drop_template_properties, set_title
    from ..word.xml import set_document_language

    render_docx(tpl, names, "the front sheet's template")
    document = tpl.docx
    set_document_language(document, config.language)
    drop_attached_template(document)
    drop_template_properties(document)
    set_title(document, title)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return stable_zip(buffer.getvalue())
