"""A template's page and text styles, as a layout estimate needs them: the text area of its
page, and each style's size, weight, spacing and line height, resolved as Word resolves them
(the style, then each style it is based on, then the document's defaults, then Word's own).

The data on a page sizes its chart from these before the page is laid out, so that a
council's own template (a larger title, deeper margins) is measured, not assumed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Length

from .styles import named_style

LINE_EM = 1.17  # a line of the usual faces (ascent and descent), single spacing, in ems
WORD_SIZE_PT = 10.0  # Word's size for text no style or default sizes
A4_CM = (21.0, 29.7)
HOUSE_WIDTH_CM = 16.0  # the widest a table or chart is made: A4 less the default margins
LEAST_WIDTH_CM = 8.0  # narrower, a chart's names and a table's figures cannot fit at all
EMU_PER_CM = 360000
TWIPS_PER_CM = 1440 / 2.54
CM_PER_PT = 2.54 / 72


class Unmeasurable(Exception):
    """A template holding a value Word's schema does not allow where it is measured (a size
    of ``big``, a margin of ``nan``) or a part it names and lacks; it is measured as the
    default template instead, and anything that stops it being filled in is reported then."""


# what python-docx raises reading such a value: its own conversions and lookups
_MALFORMED = (ValueError, IndexError, KeyError, TypeError)


@dataclass(frozen=True)
class TextStyle:
    """What a paragraph style gives its text: size and weight, space before and after, and the
    height of one of its lines (``line_pt``)."""

    size_pt: float
    bold: bool
    space_before_pt: float
    space_after_pt: float
    spacing: float  # lines: a multiple of single spacing, or (exact) a height in points
    exact: bool = False
    least_pt: float = 0.0  # lines "at least" this tall

    def line_pt(self, size_pt: float | None = None) -> float:
        """The height of one line of text at ``size_pt`` (the style's own by default)."""
        if self.exact:
            return self.spacing
        return max((size_pt or self.size_pt) * LINE_EM * self.spacing, self.least_pt)


WORD_TEXT = TextStyle(WORD_SIZE_PT, False, 0.0, 0.0, 1.0)  # text no style or default sizes


@dataclass(frozen=True)
class BodyParagraph:
    """A paragraph of a template's body as it prints: its text (tags and all), its style with
    the paragraph's own formatting over it, and the height of its tallest picture (cm)."""

    text: str
    style: TextStyle
    picture_cm: float


@dataclass(frozen=True)
class PageGeometry:
    """A template's text area (in cm: as wide as :func:`text_width_cm`; as tall as the page
    less its margins, or less its first page's header and footer where they reach further)
    and its text styles."""

    width_cm: float
    height_cm: float
    styles: tuple[tuple[str, TextStyle], ...]

    def style(self, name: str) -> TextStyle:
        """The style called ``name``; a template without it has its text in Normal (and one
        without Normal, in Word's own defaults)."""
        found = dict(self.styles)
        return found.get(name) or found.get("Normal") or WORD_TEXT


def page_geometry(document, names: Iterable[str]) -> PageGeometry:
    """The text area of ``document`` (its first section's height, its narrowest section's
    width) and the styles ``names`` (with Normal), from a python-docx document;
    :class:`Unmeasurable` if it cannot be read."""
    try:
        return _page_geometry(document, names)
    except _MALFORMED as exc:
        raise Unmeasurable(str(exc)) from None


def _page_geometry(document, names: Iterable[str]) -> PageGeometry:
    section = document.sections[0]
    height = _cm(section.page_height, A4_CM[1])
    top, bottom = (_cm(getattr(section, f"{side}_margin"), 2.54) for side in ("top", "bottom"))
    defaults = _DocDefaults(document)
    first = section.different_first_page_header_footer
    header = section.first_page_header if first else section.header
    footer = section.first_page_footer if first else section.footer
    top = max(top, _cm(section.header_distance, 1.25) + _story_cm(document, header, defaults))
    bottom = max(bottom, _cm(section.footer_distance, 1.25) + _story_cm(document, footer, defaults))
    styles = {name: _resolved(document, name, defaults) for name in ("Normal", *names)}
    return PageGeometry(
        text_width_cm(document),  # its narrowest section's, as tables and charts take it
        height - top - bottom,
        tuple((name, style) for name, style in styles.items() if style is not None),
    )


def content_width_cm(document) -> float:
    """How wide ``document``'s tables and charts are made: the text width (the page less its
    margins and gutter) of its narrowest section, so that they never run into a margin
    whichever section they land in; at most :data:`HOUSE_WIDTH_CM`, and no narrower than
    :data:`LEAST_WIDTH_CM`. A value Word's schema does not allow counts as the house width."""
    # to a tenth of a millimetre: the chart stage and the paper read the same width
    return round(max(min(HOUSE_WIDTH_CM, text_width_cm(document)), LEAST_WIDTH_CM), 2)


def text_width_cm(document) -> float:
    """The text width of ``document``'s narrowest section (its page less its margins and
    gutter, or one of its columns of text where it sets more than one); a section with a
    value Word's schema does not allow is passed over (none left: :data:`HOUSE_WIDTH_CM`)."""
    widths = []
    for section in document.sections:
        try:
            page = _cm(section.page_width, A4_CM[0])
            sides = (section.left_margin, section.right_margin, section.gutter)
            text = page - sum(_cm(side, 0.0) for side in sides)
            text = _column_cm(section._sectPr.find(qn("w:cols")), text)
            widths.append(text)
        except _MALFORMED:
            continue
    usable = [w for w in widths if w == w]  # a margin of nan compares unequal to itself
    return min(usable, default=HOUSE_WIDTH_CM)


def _column_cm(columns, text_cm: float) -> float:
    """The width of the narrowest of a section's columns of text (``w:cols``), its text
    ``text_cm`` wide: all of it in one column; shared less the space between them (in twips,
    Word's default half an inch); or, set one by one, the narrowest set."""
    if columns is None:
        return text_cm
    if columns.get(qn("w:equalWidth")) in ("0", "false"):
        own = [int(c.get(qn("w:w"))) / TWIPS_PER_CM for c in columns.findall(qn("w:col"))]
        if own:
            return min(own)
    count = int(columns.get(qn("w:num"), "1"))
    if count <= 1:
        return text_cm
    space = int(columns.get(qn("w:space"), "720")) / TWIPS_PER_CM
    return (text_cm - (count - 1) * space) / count


def body_paragraphs(document) -> list[BodyParagraph]:
    """The paragraphs of ``document``'s body, in order (tables aside); :class:`Unmeasurable`
    if one cannot be read."""
    try:
        defaults = _DocDefaults(document)
        return [_paragraph(document, p, defaults) for p in document.paragraphs]
    except _MALFORMED as exc:
        raise Unmeasurable(str(exc)) from None


def _paragraph(document, paragraph, defaults: _DocDefaults) -> BodyParagraph:
    style = (
        _resolved(document, getattr(paragraph.style, "name", None), defaults)
        or _resolved(document, "Normal", defaults)
        or WORD_TEXT
    )
    own = paragraph.paragraph_format
    sizes = [run.font.size.pt for run in paragraph.runs if run.font.size is not None]
    runs_bold = [run.bold for run in paragraph.runs if run.text.strip()]
    style = replace(
        style,
        size_pt=max(sizes, default=style.size_pt),
        bold=all(runs_bold) if runs_bold and None not in runs_bold else style.bold,
        space_before_pt=own.space_before.pt
        if own.space_before is not None
        else style.space_before_pt,
        space_after_pt=own.space_after.pt if own.space_after is not None else style.space_after_pt,
    )
    pictures = [  # int() raises ValueError for a height that is not a number
        int(extent.get("cy", "0")) / EMU_PER_CM for extent in paragraph._p.iter(qn("wp:extent"))
    ]
    return BodyParagraph(paragraph.text, style, max(pictures, default=0.0))


def _story_cm(document, story, defaults: _DocDefaults) -> float:
    """How tall a header's or footer's paragraphs print (a line each, or its picture)."""
    if story.is_linked_to_previous:  # the first section's: none
        return 0.0
    total = 0.0
    for paragraph in (_paragraph(document, p, defaults) for p in story.paragraphs):
        style = paragraph.style
        line = max(style.line_pt() * CM_PER_PT, paragraph.picture_cm)
        total += line + (style.space_before_pt + style.space_after_pt) * CM_PER_PT
    return total


def _cm(length: Length | None, default: float) -> float:
    return default if length is None else length / EMU_PER_CM


class _DocDefaults:
    """The document's default run and paragraph properties (``w:docDefaults``), which
    python-docx does not read."""

    def __init__(self, document):
        found = document.styles.element.find(qn("w:docDefaults"))
        self.rpr = found.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if found is not None else None
        self.ppr = found.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}") if found is not None else None
        # each style resolved so far: a template's paragraphs are in a few styles, and finding
        # one by name goes through every style
        self.resolved: dict[str | None, TextStyle | None] = {}

    def size_pt(self) -> float:
        size = self.rpr.find(qn("w:sz")) if self.rpr is not None else None
        value = size.get(qn("w:val")) if size is not None else None
        return int(value) / 2 if value and value.isdigit() else WORD_SIZE_PT

    def lines(self) -> float:
        """The default line spacing as a multiple of single (an exact or least height in the
        defaults, which no template seen sets, is taken as single)."""
        value, rule = self.spacing("line"), self.spacing("lineRule")
        return int(value) / 240 if value and value.isdigit() and rule in (None, "auto") else 1.0

    def spacing(self, attribute: str) -> str | None:
        spacing = self.ppr.find(qn("w:spacing")) if self.ppr is not None else None
        return spacing.get(qn(f"w:{attribute}")) if spacing is not None else None


def _resolved(document, name: str | None, defaults: _DocDefaults) -> TextStyle | None:
    if name not in defaults.resolved:
        defaults.resolved[name] = _resolve(document, name, defaults)
    return defaults.resolved[name]


def _resolve(document, name: str | None, defaults: _DocDefaults) -> TextStyle | None:
    style = named_style(document, name)
    chain: list = []
    while style is not None and len(chain) < 20:  # a loop of base styles ends somewhere
        chain.append(style)
        style = style.base_style

    def first(read):
        return next((value for s in chain if (value := read(s)) is not None), None)

    size = first(lambda s: s.font.size)
    before = first(lambda s: s.paragraph_format.space_before)
    after = first(lambda s: s.paragraph_format.space_after)
    line = first(lambda s: s.paragraph_format.line_spacing)
    rule = first(lambda s: s.paragraph_format.line_spacing_rule)
    exact = isinstance(line, Length) and rule == WD_LINE_SPACING.EXACTLY
    least = line.pt if isinstance(line, Length) and not exact else 0.0
    if isinstance(line, Length):
        spacing = line.pt if exact else 1.0
    else:
        spacing = line if line is not None else defaults.lines()
    return TextStyle(
        size.pt if size is not None else defaults.size_pt(),
        bool(first(lambda s: s.font.bold)),
        before.pt if before is not None else _twips_pt(defaults.spacing("before")),
        after.pt if after is not None else _twips_pt(defaults.spacing("after")),
        spacing,
        exact,
        least,
    )


def _twips_pt(value: str | None) -> float:
    return int(value) / 20 if value and value.isdigit() else 0.0
