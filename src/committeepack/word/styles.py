"""The house style's names and colours, and the style XML python-docx has no API for.

Style names (:class:`Styles`) are what the rest of committeepack writes with; the colours and
indents are the default templates' and the generated tables' own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

TEXT_COLOUR = "0B0C0C"
LINK_COLOUR = "1D70B8"
BORDER_COLOUR = "7F7F7F"
HEADER_FILL = "DCE4EE"
TOTAL_FILL = "F2F2F2"
NUMBER_INDENT = 851  # twips (1.5 cm) between a paragraph number such as 2.10 and its text


@dataclass
class Styles:
    """Names of the template styles the converter writes with."""

    body: str = "Normal"
    numbered: str = "Numbered Paragraph"
    list: str = "List Paragraph"
    quote: str = "Quote"
    table: str = "Committee Table"
    table_text: str = "Table Text"
    link: str = "Hyperlink"
    headings: dict = field(default_factory=lambda: {2: "Heading 3", 3: "Heading 4"})


def set_font(style, font: str, size: float, bold=False, colour: str = TEXT_COLOUR) -> None:
    """Give ``style`` one explicit typeface for every script (no theme font), size and colour."""
    style.font.name = font
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor.from_string(colour)


def remove_borders(style) -> None:
    """Drop a paragraph style's borders (Word's Title has a rule under it)."""
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def keep_only_styles(document, names: set[str]) -> None:
    """Remove every style not named in ``names`` (case does not matter)."""
    keep = {name.casefold() for name in names}
    element = document.styles.element
    for style in list(element.findall(qn("w:style"))):
        name = style.find(qn("w:name"))
        if name is None or name.get(qn("w:val")).casefold() not in keep:
            element.remove(style)


def add_table_style(styles, name: str) -> None:
    """A named table style: ruled grid, cell margins, bold shaded header row and column."""
    style = styles.add_style(name, WD_STYLE_TYPE.TABLE)
    style.base_style = styles["Normal Table"]
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{BORDER_COLOUR}"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    style.element.append(
        parse_xml(
            f"<w:tblPr {nsdecls('w')}><w:tblBorders>{borders}</w:tblBorders>"
            '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
            '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
            "</w:tblPr>"
        )
    )
    for part in ("firstRow", "firstCol"):
        style.element.append(
            parse_xml(
                f'<w:tblStylePr {nsdecls("w")} w:type="{part}"><w:rPr><w:b/></w:rPr>'
                f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>'
                "</w:tblStylePr>"
            )
        )


def named_style(document, name: str | None):
    """``document``'s style called ``name`` (as Word shows it), or None: python-docx's
    ``styles[name]`` raises for a template that renamed it, and falls back to a style's id
    with a warning printed to the user."""
    return next((s for s in document.styles if name is not None and s.name == name), None)


def body_text_font(document) -> tuple[str | None, float | None]:
    """The font name and size (pt) of ``document``'s Normal style, as far as the style itself
    says: a font taken from the theme, or a size from the defaults, is None (and both, for a
    template with no style called Normal)."""
    normal = named_style(document, "Normal")
    if normal is None:
        return None, None
    font = normal.font
    return font.name, font.size.pt if font.size is not None else None


def style_font(document, name: str, default: float = 12.0) -> tuple[str | None, float]:
    """The typeface and size (pt) a paragraph style gives, following its base styles; the
    size is ``default`` and the face None when none sets them (Word's defaults then apply)."""
    style = named_style(document, name)
    if style is None:
        return None, default
    family, size = None, None
    while style is not None and (family is None or size is None):
        family = family or style.font.name
        size = size or (style.font.size.pt if style.font.size is not None else None)
        style = style.base_style
    return family, size or default
