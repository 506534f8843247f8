"""The strategic assessment's writer: the body it writes into and the helpers every section
uses (headings for the contents, paragraphs, narrative, charts placed when drawn, lists)."""

from __future__ import annotations

from collections.abc import Callable

from ..facts import Facts
from ..figures.chart_cache import ChartRequest
from ..markdown_docx import MarkdownWriter
from ..narrative import Narrative
from ..word import xml as wordxml
from ..word.blocks import add_chart
from ..word.page_geometry import content_width_cm
from . import sa_charts
from .base import Charts


class SectionWriter:
    """Writes into the assessment's body and remembers its headings and charts."""

    def __init__(
        self, body, writer: MarkdownWriter, narrative: Narrative, facts: Facts, drawn: Charts
    ):
        self.body = body
        self.writer = writer
        self.narrative = narrative
        self.facts = facts
        self.config = facts.config
        self.figures = facts.figures
        self.drawn = drawn
        self.headings: list[tuple[int, str]] = []
        # as the chart stage asked for them: as wide as the template's text
        self.charts = sa_charts.requests(facts, content_width_cm(body.part.document))
        # (place, request): charts go in last, as they finish drawing
        self._placed: list[tuple[Callable[[object], None], ChartRequest]] = []

    def heading(self, level: int, text: str) -> None:
        """A heading; levels 1 and 2 go in the contents."""
        wordxml.add_paragraph(self.body, text, style=f"Heading {level}")
        if level <= 2:
            self.headings.append((level, text))

    def paragraph(self, text: str, keep_with_next: bool = False) -> None:
        """A body paragraph; ``keep_with_next`` keeps it on the page of what follows (the
        sentences that introduce a chart stay with it)."""
        paragraph = wordxml.add_paragraph(self.body, text, style=self.writer.styles.body)
        if keep_with_next:
            paragraph.paragraph_format.keep_with_next = True

    def text(self, key: str, nodes=None) -> None:
        """The narrative of section ``key`` (or the syntax-tree ``nodes`` given)."""
        nodes = self.narrative.sections.get(key, []) if nodes is None else nodes
        self.writer.write(self.body, nodes)

    def chart(self, request: ChartRequest) -> None:
        """Room for a numbered chart, filled by :meth:`place_charts` once it is drawn."""
        number = len(self._placed) + 1
        self._placed.append((add_chart(self.body, number, self.writer.styles), request))

    def bullets(self, items: list[str], kind: str = "bullet") -> None:
        """A list of plain items."""
        self.writer.plain_list(self.body, items, kind)

    def place_charts(self) -> None:
        """Put every chart in its place, as each is drawn."""
        for place, request in self._placed:
            place(self.drawn.get(request))
