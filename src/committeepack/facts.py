"""What the build's first stages produce, passed as one value to every paper: :class:`Facts`.

Reading and checking the inputs (the configuration, every narrative file's front matter,
every figure table), computing the figures and headlines, and rendering each narrative's body
all happen before any chart is drawn or paper rendered. A paper then works only from these
values, never by reading files itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .config import Config
    from .figures.fonts import ChartFont
    from .figures.headlines import Headline
    from .figures.tables import Figures
    from .markdown_docx import MarkdownWriter
    from .narrative import FrontMatter, Narrative
    from .project import Project


@dataclass(frozen=True)
class Facts:
    """Every input, read and checked, and the figures computed from them."""

    project: Project
    figures: Figures
    headlines: list[Headline]
    front_matter: dict[str, FrontMatter]  # by paper name: every paper that has a narrative
    names: dict  # what narrative and templates may name: configuration facts and figures
    narratives: dict[str, Narrative] = field(default_factory=dict)  # by paper name, rendered
    font: ChartFont | None = None  # the branding font as found here, for the charts

    @property
    def config(self) -> Config:
        """The validated configuration."""
        return self.project.config

    def chart_font(self) -> ChartFont:
        """The charts' typeface, as found on this machine when the facts were computed."""
        from .figures.fonts import ChartFont

        branding = self.config.branding
        return self.font or ChartFont(branding.font, branding.body_size)

    def writer(self, narrative: Narrative, numbering, styles=None) -> MarkdownWriter:
        """A Markdown writer for ``narrative``: errors name its file and lines, and its images
        are looked up next to it (never outside the project or its shared folders)."""
        from .markdown_docx import MarkdownWriter

        return MarkdownWriter(
            numbering,
            narrative.path,
            narrative.source.body_line,
            (self.project.root / narrative.path).parent,
            styles,
            allows=self.config.allows,
        )


def template_names(config: Config, figures: Figures, headlines: list[Headline]) -> dict:
    """The names narrative and templates may use: the configuration's facts, each table's
    figures by its declared name, the headlines and the sentence helpers."""
    from .figures import sentences
    from .figures.context import figure_context

    return {
        **config.as_context(),
        **figure_context(figures),
        "headlines": headlines,
        "change": sentences.change,
        "change_summary": sentences.change_summary,
        "share": sentences.share_of,
        "number": sentences.number,
        "periods": {"previous": figures.previous, "current": figures.current},
    }


def compute_facts(project: Project, sources, papers: list) -> Facts:
    """The figures and headlines from the checked tables, then each paper's narrative body
    rendered over them; every problem in the narratives is raised together."""
    from .errors import CommitteePackError, raise_all, warn
    from .figures.fonts import chart_font
    from .figures.headlines import load_headlines
    from .figures.tables import build_figures
    from .front_matter_names import render_front_matter
    from .narrative import render_sections

    figures = build_figures(project.config, sources.specs, sources.rows)
    for problem in figures.warnings:
        warn(problem)
    headlines = load_headlines(project.config, figures)
    names = template_names(project.config, figures, headlines)
    if "plan" in sources.front_matter:
        from .papers.plan_dates import check_plan_years

        names["plan"] = check_plan_years(sources.front_matter["plan"])
    narratives: dict[str, Narrative] = {}
    errors: list[CommitteePackError] = []
    front_matter = {}
    for name, front in sources.front_matter.items():
        try:
            front_matter[name] = render_front_matter(front, names)
        except CommitteePackError as error:
            errors.append(error)
    raise_all(errors)
    for paper in papers:
        if paper.narrative is None:
            continue
        front = front_matter[paper.name]
        try:
            sections = paper.narrative.sections(project.config)
            narratives[paper.name] = render_sections(front, sections, names)
        except CommitteePackError as error:
            errors.extend(getattr(error, "errors", [error]))
    raise_all(errors)
    _check_typed_numbers(figures, sources.front_matter)
    _check_direction_words(figures, sources.front_matter)
    _check_placeholders(sources.front_matter)
    if sources.every_table:
        # a place is the project's own when one of its tables names it: with only some
        # tables read (a rebuild of the papers an edit touched), that cannot be told, and
        # the example's own county warned of itself; the next full build checks again
        _check_places(project.config, figures, sources.front_matter)
    font = chart_font(project.config)  # warns, once, when the font is not installed
    return Facts(project, figures, headlines, front_matter, names, narratives, font)


def _check_typed_numbers(figures, front_matter: dict) -> None:
    """Warn of numbers typed into narrative that a figure already prints."""
    from .errors import warn
    from .stale_numbers import expressions, stale_numbers, typed_numbers

    typed = {
        shown for front in front_matter.values() for _, _, shown in typed_numbers(front.source.body)
    }
    known = expressions(figures, typed)
    for front in front_matter.values():
        source = front.source
        for problem in stale_numbers(source.path, source.body, source.body_line, known):
            warn(problem)


def _check_direction_words(figures, front_matter: dict) -> None:
    """Warn of direction words typed beside figures that moved the other way."""
    from .direction_words import contradicted
    from .errors import warn

    for front in front_matter.values():
        source = front.source
        for problem in contradicted(source.path, source.body, source.body_line, figures):
            warn(problem)


def _check_placeholders(front_matter: dict) -> None:
    """Warn of drafting marks (TBC, XX) and input file names left in narrative."""
    from .errors import warn
    from .placeholders import placeholders

    for front in front_matter.values():
        for problem in placeholders(front.source):
            warn(problem)


def _check_places(config, figures, front_matter: dict) -> None:
    """Warn of places of committeepack's example named in narrative of another place."""
    from .errors import warn
    from .example_places import foreign_in_config, foreign_places, strangers

    pattern = strangers(config, figures)
    for problem in foreign_in_config(config, pattern):
        warn(problem)
    for front in front_matter.values():
        for problem in foreign_places(front.source, config, pattern):
            warn(problem)
