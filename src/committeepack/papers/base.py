"""The one interface every paper implements: :class:`Paper`.

A paper is a value: its names, the narrative file it reads (with the front-matter keys and
sections it declares), and four functions the build calls in its stages:

1. ``load(facts)``: the paper's checked inputs, from what the earlier stages read;
2. ``chart_requests(facts)``: the charts it shows (None for a paper without charts), so they
   are drawn before any paper is rendered;
3. ``context(rendering)``: the names its Word template uses;
4. ``make_template(config)``: its default template, when the project has none of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from docx.document import Document

    from ..config import Config
    from ..facts import Facts
    from ..figures.chart_cache import ChartRequest
    from ..figures.charts import Chart
    from ..narrative import Section
    from ..project import Project
    from ..schema import Field
    from ..word.docxtpl_compat import DocxTemplate


class Charts(Protocol):
    """Where a paper's renderer gets the charts drawn for it."""

    def get(self, request: ChartRequest) -> Chart:
        """The drawn chart for ``request``."""
        ...


@dataclass(frozen=True)
class NarrativeSpec:
    """A paper's narrative file: its name in ``inputs/``, front matter's schema and sections."""

    file: str
    front_matter: Field
    sections: Callable[[Config], list[Section]]


@dataclass(frozen=True)
class Rendering:
    """What a paper's ``context`` function works from."""

    tpl: DocxTemplate
    inputs: Any  # the value the paper's own ``load`` returned
    facts: Facts
    charts: Charts


@dataclass(frozen=True)
class Paper:
    """One kind of paper committeepack builds."""

    name: str
    template: str
    output: str
    description: str
    title: Callable[[Facts], str]
    load: Callable[[Facts], Any]
    context: Callable[[Rendering], dict]
    make_template: Callable[[Config], Document]
    narrative: NarrativeSpec | None = None
    chart_requests: Callable[[Facts], dict[str, ChartRequest]] | None = None
    quotes_every_narrative: bool = False  # the agenda item quotes the other papers' titles
    also_reads: tuple[str, ...] = ()  # other narrative files it quotes (their titles)
    has_contents: bool = False  # a contents page, numbered by laying the paper out
    one_page: bool = False  # it must print on one page, checked by laying it out
    every_table: bool = False  # it prints or charts every table (else: those it names)
    blocks: tuple[str, ...] = ()  # the tags a restyled template must keep: the content

    @property
    def draws_charts(self) -> bool:
        """Whether the paper shows charts (which are drawn before papers are rendered)."""
        return self.chart_requests is not None

    @property
    def laid_out(self) -> bool:
        """Whether a build with page numbers lays the paper out with LibreOffice: to number
        its contents, or to check that it prints on one page."""
        return self.has_contents or self.one_page

    def default_template(self, config: Config) -> Document:
        """The packaged default template, with the house style of ``[branding]`` and, when one
        is configured, the logo on the first page."""
        return with_logo(self.make_template, config)

    def files_read(self, project: Project) -> list[str]:
        """The files of ``inputs/`` it is made from (besides figure tables and configuration),
        for its fingerprint."""
        folder = project.input(".")
        if self.quotes_every_narrative and folder.is_dir():
            return sorted(path.name for path in folder.glob("*.md"))
        own = [self.narrative.file] if self.narrative else []
        return own + list(self.also_reads)


def with_logo(make_template: Callable[[Config], Document], config: Config) -> Document:
    """The default template ``make_template`` makes, with the logo of ``[branding]`` (if
    any) on the first page."""
    from ..default_templates import place_logo

    document = make_template(config)
    if config.branding.logo is not None:
        place_logo(document, config.branding.logo, f"{config.council} logo")
    return document
