"""The data on a page: the one-page summary councillors read first.

A title, the period, the % change by crime type chart and one tile per headline (a big figure
and the sentence that explains it). The headlines are the strategic assessment's, so the two
cannot disagree. The layout is a borderless table, so the reading order is the visual order.
It must fit on one page: too many tiles, or a sentence too long for its tile, is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from docx.shared import Cm, Pt

from .. import default_templates
from ..config import Config
from ..errors import ConfigError
from ..facts import Facts
from ..figures.built import CrimeTree
from ..figures.change_chart import possible_captions
from ..figures.chart_cache import ChartRequest
from ..figures.headlines import Headline
from ..word.docxtpl_compat import new_subdoc
from ..word.header_breaks import joined
from ..word.page_geometry import Unmeasurable, page_geometry
from . import strategic_assessment
from .base import Rendering, with_logo
from .page_room import (
    STYLES,
    chart_room_cm,
    chart_width_cm,
    filled_paragraphs,
    grid_scale,
    tile_least_cm,
    tile_rows_cm,
    tile_texts,
)
from .tile_grid import fill_grid

NAME = "data-on-a-page"
TEMPLATE = "data-on-a-page.docx"
OUTPUT = "data-on-a-page.docx"
DESCRIPTION = "the one-page summary: % change chart and a tile per priority"
BLOCKS = ("{{p grid }}",)  # where the template puts the chart and the tiles

MAX_TILES = 6
MAX_SENTENCE = 120  # characters that fit in a tile at body size


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
    crime = figures.of_kind("crime_by_type", CrimeTree)
    overview = _overview(crime[0][1] if crime else None)
    page = _measured(facts)  # as the chart was sized: the same request finds it
    requests = _requests(facts, page)
    chart = rendering.charts.get(requests["crime"]) if requests else None
    geometry, paragraphs = page
    rows = len(tile_texts(inputs.headlines, inputs.orientation))
    least = tile_least_cm(geometry, inputs.orientation, config.branding.font, paragraphs, rows)
    scale = grid_scale(inputs.orientation, geometry.width_cm)
    fill_grid(grid, chart, inputs.headlines, config, landscape, scale, least)
    return {
        **config.as_context(),
        "title": _title(inputs.title, inputs.year),
        "period": _period(figures),
        "overview": overview,
        "grid": grid,
    }


def chart_requests(facts: Facts) -> dict:
    """The one chart of the page: % change by crime type, sized for the grid."""
    return _requests(facts, _measured(facts))


def _requests(facts: Facts, page) -> dict:
    """:func:`chart_requests`, the template's page (:func:`_measured`) given."""
    figures = facts.figures
    crime = figures.of_kind("crime_by_type", CrimeTree)
    if not crime:
        return {}
    orientation = facts.config.page_orientation
    tree = crime[0][1].tree
    items = tuple(
        (tree[n].figure.name, tree[n].figure.previous, tree[n].figure.current)
        for n in _crime_types(tree)
        if tree[n].figure.charted
    )
    if not items:  # every type withheld or from too low a base: no bar to show
        return {}
    scale = grid_scale(orientation, page[0].width_cm)
    width = chart_width_cm(orientation, scale)
    subject = "recorded crime by main type"
    every, grouped = possible_captions(
        items, subject, figures.current, figures.previous, facts.config.chart_bars
    )
    room_every, room_grouped = _room(facts, page, (every, grouped), scale)
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


def _room(facts: Facts, page, captions: tuple[str, str], scale: float) -> tuple[float, float]:
    """How tall the chart may be for the page to stay one page: the template's ``page`` and
    its paragraphs around the chart (filled in), and each of its two ``captions`` (every
    category shown, some grouped) under it; the grid at ``scale``."""
    config = facts.config
    geometry, paragraphs = page
    orientation, face, body = (
        config.page_orientation,
        config.branding.font,
        config.branding.body_size,
    )
    rows = tile_texts(facts.headlines, orientation)
    under = (
        tile_rows_cm(orientation, face, body, rows, geometry.style("Table Text"), scale)
        if orientation == "portrait"
        else []  # beside the chart
    )
    every, grouped = (
        chart_room_cm(
            geometry, face, paragraphs, joined(caption), chart_width_cm(orientation, scale), under
        )
        for caption in captions
    )
    return every, grouped


def _measured(facts: Facts):
    """The page of the template the paper is made with, and its paragraphs as they will print
    (the grid's aside), read once for the chart's request and the tiles' rows."""
    document = facts.project.template_document(TEMPLATE, partial(with_logo, make_template))
    crime = facts.figures.of_kind("crime_by_type", CrimeTree)
    return _page_text(facts, document, crime[0][1] if crime else None)


def _page_text(facts: Facts, document, crime: CrimeTree | None):
    """The template's page and its paragraphs as they will print (the grid's aside)."""
    sa = facts.front_matter[strategic_assessment.NAME].meta
    values = {
        **facts.config.as_context(),
        "title": _title(sa["title"], sa["year"]),
        "period": _period(facts.figures),
        "overview": _overview(crime),
    }
    try:
        return page_geometry(document, STYLES), filled_paragraphs(document, values, BLOCKS[0])
    except Unmeasurable:  # measured as the default; LibreOffice's layout still checks it
        default = with_logo(make_template, facts.config)
        return page_geometry(default, STYLES), filled_paragraphs(default, values, BLOCKS[0])


def _title(title: str, year: str) -> str:
    return f"{title} {year}: data on a page"


def _period(figures) -> str:
    """The period line: each month kept with its year (``Oct 2023`` never parted by a line
    end), and each range breaking after its dash."""
    return joined(f"{figures.current} compared with {figures.previous}")


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
