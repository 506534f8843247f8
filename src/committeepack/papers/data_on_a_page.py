"""The data on a page: the one-page summary councillors read first.

A title, the period, the % change by crime type chart and one tile per headline (a big figure
and the sentence that explains it). The headlines are the strategic assessment's, so the two
cannot disagree. The layout is a borderless table, so the reading order is the visual order.
It must fit on one page: too many tiles, or a sentence too long for its tile, is an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Cm, Pt, RGBColor

from .. import default_templates
from ..colours import WHITE, contrast
from ..config import Config
from ..errors import ConfigError
from ..facts import Facts
from ..figures.built import CrimeTree
from ..figures.change_chart import possible_captions
from ..figures.chart_cache import ChartRequest
from ..figures.headlines import Headline
from ..word import tables as tablexml
from ..word import xml as wordxml
from ..word.docxtpl_compat import new_subdoc
from . import strategic_assessment
from .base import Rendering
from .page_room import (
    TILE_MIN_CM,
    TILE_WIDTH_CM,
    big_figure_pt,
    chart_room_cm,
    tile_rows_cm,
    tile_texts,
)

NAME = "data-on-a-page"
TEMPLATE = "data-on-a-page.docx"
OUTPUT = "data-on-a-page.docx"
DESCRIPTION = "the one-page summary: % change chart and a tile per priority"
BLOCKS = ("{{p grid }}",)  # where the template puts the chart and the tiles

MAX_TILES = 6
MAX_SENTENCE = 120  # characters that fit in a tile at body size
TEXT_DARK = "0B0C0C"


@dataclass
class Inputs:
    """The headlines, the crime figures for the chart and the assessment's title and year."""

    headlines: list[Headline]
    year: str
    title: str
    orientation: str


def load(facts: Facts) -> Inputs:
    """Check the tiles fit, using the strategic assessment's headlines and title."""
    reader = facts.config.reader()
    orientation = facts.config.page_orientation
    headlines = facts.headlines
    if not headlines:
        raise ConfigError(
            "the data on a page needs at least one [[headlines]] entry", "committeepack.toml"
        )
    if len(headlines) > MAX_TILES:
        raise ConfigError(
            f"headlines (entry {MAX_TILES + 1}): the data on a page holds at most {MAX_TILES} "
            "tiles on one page; remove a headline or build without data-on-a-page",
            "committeepack.toml",
            reader.line_of(("headlines", MAX_TILES)),
        )
    for number, headline in enumerate(headlines, 1):
        if len(headline.sentence) > MAX_SENTENCE:
            raise ConfigError(
                f"headlines (entry {number}, {headline.priority_name}): the sentence has "
                f"{len(headline.sentence)} characters; a tile holds {MAX_SENTENCE}. Shorten it "
                'with sentence = "..."',
                "committeepack.toml",
                reader.line_of(("headlines", number - 1)),
            )
    sa = facts.front_matter[strategic_assessment.NAME].meta
    return Inputs(headlines, sa["year"], sa["title"], orientation)


def title(facts: Facts) -> str:
    """Title for the document properties: the strategic assessment's, with this page's name."""
    return f"{strategic_assessment.title(facts)}: data on a page"


def context(rendering: Rendering) -> dict:
    """The names the data on a page template uses."""
    tpl, inputs, facts = rendering.tpl, rendering.inputs, rendering.facts
    figures = facts.figures
    config = facts.config
    landscape = inputs.orientation == "landscape"
    grid = new_subdoc(tpl)
    chart_width = 13.0 if landscape else 17.0
    requests = chart_requests(facts)
    chart = rendering.charts.get(requests["crime"]) if requests else None
    crime = figures.of_kind("crime_by_type", CrimeTree)
    overview = _overview(crime[0][1] if crime else None)
    _grid(grid, chart, inputs.headlines, config, landscape, chart_width)
    return {
        **config.as_context(),
        "title": _title(inputs.title, inputs.year),
        "period": _period(figures),
        "overview": overview,
        "grid": grid,
    }


def chart_requests(facts: Facts) -> dict:
    """The one chart of the page: % change by crime type, sized for the grid."""
    figures = facts.figures
    crime = figures.of_kind("crime_by_type", CrimeTree)
    if not crime:
        return {}
    landscape = facts.config.page_orientation == "landscape"
    tree = crime[0][1].tree
    items = tuple(
        (tree[n].figure.name, tree[n].figure.previous, tree[n].figure.current)
        for n in _crime_types(tree)
        if tree[n].figure.charted
    )
    width = 13.0 if landscape else 17.0
    subject = "recorded crime by main type"
    every, grouped = possible_captions(
        items, subject, figures.current, figures.previous, facts.config.chart_bars
    )
    room_every, room_grouped = _room(facts, crime[0][1], (every, grouped), width)
    size = (
        ("max_height_cm", min(MAX_CHART_CM, room_every)),
        ("grouped_height_cm", min(MAX_CHART_CM, room_grouped)),
        ("width_cm", width),
        ("subject", subject),
        ("max_bars", facts.config.chart_bars),
    )
    return {
        "crime": ChartRequest(
            "percent_change_bars",
            (items, figures.previous, figures.current, facts.chart_font()),
            size,
        )
    }


MAX_CHART_CM = 12.5  # as tall as its bars need, within the page


def _room(
    facts: Facts, crime: CrimeTree, captions: tuple[str, str], chart_width: float
) -> tuple[float, float]:
    """How tall the chart may be for the page to stay one page, the texts around it and each
    of its two ``captions`` (every category shown, some grouped) under it."""
    config, figures = facts.config, facts.figures
    sa = facts.front_matter[strategic_assessment.NAME].meta
    texts = [
        (_title(sa["title"], sa["year"]), "Heading 1"),
        (f"{config.partnership}, {_period(figures)}", "Committee Name"),
        (_overview(crime), "Normal"),
    ]
    orientation, face, body = (
        config.page_orientation,
        config.branding.font,
        config.branding.body_size,
    )
    heights = tile_rows_cm(orientation, face, body, tile_texts(facts.headlines, orientation))
    every, grouped = (
        chart_room_cm(orientation, face, body, texts, caption, chart_width, heights)
        for caption in captions
    )
    return every, grouped


def _title(title: str, year: str) -> str:
    return f"{title} {year}: data on a page"


def _period(figures) -> str:
    return f"{figures.current} compared with {figures.previous}"


def _overview(crime: CrimeTree | None) -> str:
    """The sentence under the title: all crime's change."""
    totals = crime.totals if crime is not None else []
    return f"{totals[0].name} {totals[0].change}." if totals else ""


def _crime_types(tree, depth: int = 2) -> list[str]:
    """Categories at ``depth`` of the hierarchy, and leaves above it: one bar per crime type."""
    deepest = max((node.depth for node in tree.values()), default=0)
    depth = min(depth, deepest)
    return [
        name
        for name, node in tree.items()
        if node.depth == depth or (node.depth < depth and not node.children)
    ]


def tile_colours(branding) -> tuple[str, str]:
    """(fill, text) for the tiles: the heading colour, with white or near-black text,
    whichever contrasts more (every colour reaches 4.5:1 with one of them)."""
    fill = branding.heading_colour.lstrip("#").upper()
    return fill, max((WHITE, TEXT_DARK), key=lambda text: contrast(fill, text))


def _grid(grid, chart, headlines, config: Config, landscape: bool, chart_width: float) -> None:
    fill, text = tile_colours(config.branding)
    if landscape:
        outer = grid.add_table(rows=1, cols=2)
        chart_cell, tiles_cell = outer.rows[0].cells
        tablexml.set_table_width(outer, [int(Cm(chart_width + 0.4).twips), int(Cm(12.8).twips)])
    else:
        outer = grid.add_table(rows=2, cols=1)
        chart_cell, tiles_cell = outer.rows[0].cells[0], outer.rows[1].cells[0]
        tablexml.set_table_width(outer, [int(Cm(17.4).twips)])
    tablexml.remove_borders(outer)
    if chart is not None:
        paragraph = chart_cell.paragraphs[0]
        shape = paragraph.add_run().add_picture(_bytes(chart.png), width=Cm(chart_width))
        wordxml.set_picture_description(shape, chart.alt_text, title=chart.caption)
        wordxml.add_paragraph(chart_cell, chart.caption, style="Caption")
    orientation = "landscape" if landscape else "portrait"
    texts = tile_texts(headlines, orientation)
    layout = [len(row) for row in texts]
    tiles = tiles_cell.add_table(rows=len(layout), cols=GRID)
    tablexml.remove_borders(tiles, inside_colour=WHITE, width=24)
    total = TILE_WIDTH_CM[orientation]
    tablexml.set_table_width(tiles, [int(Cm(total / GRID).twips)] * GRID)
    height = Cm(TILE_MIN_CM[orientation])
    cells = []
    for row, count in zip(tiles.rows, layout, strict=True):
        row.height, row.height_rule = height, WD_ROW_HEIGHT_RULE.AT_LEAST
        tablexml.keep_row_together(row)
        span = GRID // count
        for start in range(0, GRID, span):
            cell = (
                row.cells[start].merge(row.cells[start + span - 1])
                if span > 1
                else row.cells[start]
            )
            tablexml.shade_cell(cell, fill)
            cells.append(cell)
    branding = config.branding
    big = big_figure_pt(orientation, branding.font, branding.body_size, texts)
    for cell, headline in zip(cells, headlines, strict=True):
        _tile(cell, headline, text, big)
    tiles_cell.paragraphs[0].paragraph_format.space_after = Pt(0)


GRID = 6  # columns of the tile grid: rows of 1, 2 or 3 tiles span it evenly


def _tile(cell, headline: Headline, text: str, big_pt: float) -> None:
    colour = RGBColor.from_string(text)
    label = cell.paragraphs[0]
    wordxml.set_style(label, "Table Text")
    run = label.add_run(headline.priority_name)
    run.bold, run.font.color.rgb = True, colour
    big = wordxml.add_paragraph(cell, style="Table Text")
    run = big.add_run(headline.big)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(big_pt), colour
    big.paragraph_format.space_after = Pt(0)
    sentence = wordxml.add_paragraph(cell, style="Table Text")
    sentence.add_run(headline.sentence).font.color.rgb = colour


def _bytes(data: bytes):
    import io

    return io.BytesIO(data)


def make_template(config: Config):
    """The default template: A4 landscape, title lines and the grid."""
    landscape = config.page_orientation == "landscape"
    document = default_templates.base_document(
        config.branding, "Data on a page", landscape=landscape
    )
    section = document.sections[0]
    section.top_margin = section.bottom_margin = Cm(1.2)
    section.left_margin = section.right_margin = Cm(1.5)
    title = document.add_paragraph("{{ title }}", style="Heading 1")
    title.paragraph_format.space_before = Pt(0)
    document.add_paragraph("{{ partnership }}, {{ period }}", style="Committee Name")
    document.add_paragraph("{{ overview }}")
    document.add_paragraph("{{p grid }}")
    return document
