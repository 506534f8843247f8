"""Default Word templates, generated from code so that they are reproducible.

``committeepack templates`` writes them into a project's ``templates/`` folder, where an officer
can open them in Word and restyle them (Heading 1-4, Normal, Numbered Paragraph, List
Paragraph, Table Text and the Committee Table table style). The paper modules add their
skeleton (docxtpl tags) to the styled base document made here.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Cm, Pt, RGBColor, Twips

from .config import Branding, Config
from .word import tables as tablexml
from .word import xml as wordxml
from .word.fields import add_page_field
from .word.paper_properties import property_text
from .word.styles import (
    HEADER_FILL,
    LINK_COLOUR,
    NUMBER_INDENT,
    TEXT_COLOUR,
    add_table_style,
    keep_only_styles,
    remove_borders,
    set_font,
)

FIXED_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def style_key(config: Config) -> str:
    """A hash of what the default templates take from committeepack.toml: the branding (the
    logo's content, not its name) and the council (the logo's alternative text). A default
    template written into ``templates/`` carries it (:mod:`.word.stamp`), so that one nobody
    has edited is made again when these change."""
    import hashlib

    branding = config.branding
    logo = branding.logo.read_bytes() if branding.logo is not None else b""
    text = f"{branding.font}\0{branding.body_size:g}\0{branding.heading_colour}\0{config.council}"
    return hashlib.sha256(text.encode() + b"\0" + logo).hexdigest()[:16]


def base_document(branding: Branding, title: str, landscape: bool = False):
    """An empty A4 document carrying the house styles, language and properties."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    _styles(document, branding)
    _drop_unused_styles(document)
    wordxml.set_document_language(document, "en-GB")
    props = document.core_properties
    props.title = property_text(title)
    props.author = "committeepack"
    props.last_modified_by = "committeepack"
    props.comments = ""
    props.created = props.modified = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    # python-docx's blank document starts with no paragraphs; keep it that way
    return document


def text_sizes(body: float) -> dict[str, float]:
    """The sizes, in points, of the default templates' text styles at a ``body`` size that
    the data on a page leaves room for."""
    return {
        "Normal": body,
        "Heading 1": body + 6,
        "Committee Name": body + 2,
        "Caption": max(body - 1, 11),
    }


def _styles(document, branding: Branding) -> None:
    styles = document.styles
    body = branding.body_size
    heading = branding.heading_colour.lstrip("#").upper()

    normal = styles["Normal"]
    set_font(normal, branding.font, body)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.15

    for level, size, before in (
        (1, text_sizes(body)["Heading 1"], 12),
        (2, body + 3, 18),
        (3, body + 1, 12),
        (4, body, 10),
    ):
        style = styles[f"Heading {level}"]
        set_font(
            style, branding.font, size, bold=True, colour=heading if level < 4 else TEXT_COLOUR
        )
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(6)
        fmt.keep_with_next = True

    for name, size in (("Title", body + 14), ("Subtitle", body + 4)):
        style = styles[name]
        set_font(style, branding.font, size, bold=name == "Title", colour=heading)
        style.paragraph_format.space_after = Pt(6)
        remove_borders(style)

    numbered = _paragraph_style(styles, "Numbered Paragraph", "Normal")
    numbered.paragraph_format.left_indent = Twips(NUMBER_INDENT)
    numbered.paragraph_format.first_line_indent = Twips(-NUMBER_INDENT)
    numbered.paragraph_format.tab_stops.add_tab_stop(Twips(NUMBER_INDENT), WD_TAB_ALIGNMENT.LEFT)

    lists = styles["List Paragraph"]
    lists.base_style = normal
    lists.paragraph_format.space_after = Pt(4)
    lists.paragraph_format.left_indent = None

    table_text = _paragraph_style(styles, "Table Text", "Normal")
    # tables of figures set a little smaller, as councils print them, so that seven columns
    # keep their words whole at any body size
    table_text.font.size = Pt(min(body - 1, TABLE_TEXT_MAX_PT))
    table_text.paragraph_format.space_before = Pt(2)
    table_text.paragraph_format.space_after = Pt(2)
    table_text.paragraph_format.line_spacing = 1.0

    quote = styles["Quote"]
    set_font(quote, branding.font, body)
    quote.font.italic = True
    quote.paragraph_format.left_indent = Cm(1)

    key_fact = _paragraph_style(styles, "Committee Name", "Normal")
    set_font(key_fact, branding.font, text_sizes(body)["Committee Name"], bold=True, colour=heading)
    key_fact.paragraph_format.space_after = Pt(2)

    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor.from_string(LINK_COLOUR)
    link.font.underline = True

    for name in ("Header", "Footer"):
        set_font(styles[name], branding.font, max(body - 2, 10))

    for level in (1, 2):
        toc = _paragraph_style(styles, f"TOC {level}", "Normal")
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        toc.paragraph_format.space_after = Pt(4)
        toc.paragraph_format.tab_stops.add_tab_stop(
            Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
    caption = styles["Caption"]
    set_font(caption, branding.font, text_sizes(body)["Caption"], colour=TEXT_COLOUR)
    caption.paragraph_format.space_after = Pt(12)
    contents = styles["TOC Heading"]
    set_font(contents, branding.font, body + 6, bold=True, colour=heading)

    add_table_style(styles, "Committee Table")


KEEP_STYLES = {
    "Normal",
    "Default Paragraph Font",
    "Normal Table",
    "No List",
    "Table Grid",
    "Header",
    "Header Char",
    "Footer",
    "Footer Char",
    "Title",
    "Title Char",
    "Subtitle",
    "Subtitle Char",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Heading 4",
    "Heading 1 Char",
    "Heading 2 Char",
    "Heading 3 Char",
    "Heading 4 Char",
    "List Paragraph",
    "Quote",
    "Quote Char",
    "Caption",
    "TOC Heading",
    "Strong",
    "Emphasis",
    # committeepack's own
    "Numbered Paragraph",
    "Table Text",
    "Committee Name",
    "Committee Table",
    "Hyperlink",
    "TOC 1",
    "TOC 2",
}


def _drop_unused_styles(document) -> None:
    """Keep only the styles papers use, so officers restyling in Word see a short list (and
    style look-ups, which scan every style, stay quick)."""
    keep_only_styles(document, KEEP_STYLES)


TABLE_TEXT_MAX_PT = 11


def _paragraph_style(styles, name: str, base: str):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True
    return style


def add_page_number_footer(document) -> None:
    """Footer: ``Page N`` at the right, with a real PAGE field."""
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.style = document.styles["Footer"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run("Page ")
    add_page_field(paragraph.add_run())


COVER_TOP_CM, COVER_GAP_CM = 5.0, 2.5


def book_template(branding: Branding, name: str, header: str, title_page: list[tuple[str, str]]):
    """A long document's template: ``title_page`` (text, style) lines, a contents page with
    ``{{p contents }}``, then ``{{p body }}``; ``header`` in the page header. The title page is
    a cover: no running header and no page number."""
    document = base_document(branding, name)
    document.sections[0].header.paragraphs[0].text = header
    add_page_number_footer(document)
    document.sections[0].different_first_page_header_footer = True  # empty on the cover
    # a cover: the title block a third of the way down, ruled in the heading colour, and the
    # council at the foot of the block
    cover = [document.add_paragraph(text, style=style) for text, style in title_page]
    cover[0].paragraph_format.space_before = Cm(COVER_TOP_CM)
    for paragraph in cover:
        if paragraph.style is not None and paragraph.style.name == "Title":
            wordxml.rule_below(paragraph, branding.heading_colour)
    cover[-1].paragraph_format.space_before = Cm(COVER_GAP_CM)
    document.add_page_break()
    document.add_paragraph("Contents", style="TOC Heading")
    document.add_paragraph("{{p contents }}")
    document.add_page_break()
    document.add_paragraph("{{p body }}")
    return document


def header_table(document, rows: list[tuple[str, str]], widths=(5.0, 11.0)):
    """A two-column key-facts table: label cells form the header column."""
    table = document.add_table(rows=len(rows), cols=2)
    table.style = document.styles["Committee Table"]
    tablexml.set_table_look(table, first_row=False, first_column=True)
    for row, (label, value) in zip(table.rows, rows, strict=True):
        for cell, text, bold in ((row.cells[0], label, True), (row.cells[1], value, False)):
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles["Table Text"]
            paragraph.add_run(text).bold = bold or None
        tablexml.shade_cell(row.cells[0], HEADER_FILL)
    tablexml.set_table_width(table, [int(Cm(w).twips) for w in widths])
    return table


LOGO_HEIGHT_CM, LOGO_MAX_WIDTH_CM = 1.8, 7.0


def place_logo(document, logo: Path, description: str) -> None:
    """The logo at the right of the first page's header (the later pages keep the running
    header), with ``description`` as its alt text. A first page that is not a cover keeps the
    page footer."""
    from .word.pictures import placeable

    section = document.sections[0]
    if not section.different_first_page_header_footer:
        section.different_first_page_header_footer = True
        wordxml.copy_story(section.footer, section.first_page_footer)
    paragraph = section.first_page_header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    picture = placeable(logo)  # a CMYK JPEG as a PNG (:mod:`.word.pictures`)
    ratio = picture.width / max(picture.height, 1)
    data = io.BytesIO(picture.data)
    if LOGO_HEIGHT_CM * ratio > LOGO_MAX_WIDTH_CM:
        shape = paragraph.add_run().add_picture(data, width=Cm(LOGO_MAX_WIDTH_CM))
    else:
        shape = paragraph.add_run().add_picture(data, height=Cm(LOGO_HEIGHT_CM))
    wordxml.set_picture_description(shape, description, title=description)
