"""A project folder: its configuration, inputs, templates and output folder."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, find_project_root, load_config
from .errors import TemplateProblem, relative

INPUTS = "inputs"
TEMPLATES = "templates"
CACHE = ".committeepack-cache"


@dataclass
class Project:
    """Where everything of one council's papers lives, and its validated configuration."""

    root: Path
    config: Config
    warnings: list = field(default_factory=list)
    _figures: object = field(default=None, repr=False)
    _headlines: list | None = field(default=None, repr=False)
    _charts: object = field(default=None, repr=False)
    _inputs: dict = field(default_factory=dict, repr=False)

    @classmethod
    def open(cls, start: Path) -> Project:
        """The project containing ``start`` (a folder), with its configuration checked."""
        root = find_project_root(start)
        return cls(root, load_config(root))

    def input(self, name: str) -> Path:
        """A file of the ``inputs/`` folder."""
        return self.root / INPUTS / name

    def shown(self, path: Path) -> str:
        """How ``path`` is named in messages: relative to the project root."""
        return relative(path, self.root)

    @property
    def out_dir(self) -> Path:
        """Where papers are written."""
        return self.root / self.config.output_dir

    def template(self, paper) -> tuple[object, str]:
        """The paper's template (the project's own, else the packaged default) and its name."""
        from .word.docxtpl_compat import DocxTemplate

        own = self.root / TEMPLATES / paper.TEMPLATE
        if own.is_file():
            try:
                tpl = DocxTemplate(str(own))
                tpl.init_docx()  # opens the file now, so a bad one is reported here
            except Exception:  # a corrupt or non-Word file raises many kinds
                raise TemplateProblem(
                    "cannot be opened as a Word document; save it from Word as a .docx "
                    "(Word Document), or delete it to use the default template",
                    self.shown(own),
                ) from None
            self._check_branding(tpl.docx, own)
            return tpl, self.shown(own)
        buffer = io.BytesIO()
        paper.make_template(self.config).save(buffer)
        buffer.seek(0)
        return DocxTemplate(buffer), f"default template {paper.TEMPLATE}"

    def _check_branding(self, document, path: Path) -> None:
        """Warn when a restyled template's body text no longer matches ``[branding]``, which
        the charts are drawn with, so that the two are brought back to one statement."""
        from .word.styles import body_text_font

        name, size = body_text_font(document)
        branding = self.config.branding
        if (name and name.casefold() != branding.font.casefold()) or (
            size and abs(size - branding.body_size) > 0.01
        ):
            template = " ".join(filter(None, (name, f"{size:g} pt" if size else None)))
            self.warnings.append(
                TemplateProblem(
                    f"body text (style Normal) is {template}, but [branding] in "
                    f"committeepack.toml says {branding.font} {branding.body_size:g} pt, which "
                    "the charts are drawn in; set font and body_size there to match",
                    self.shown(path),
                )
            )

    def context(self) -> dict:
        """The configuration's facts, for templates and narrative."""
        return self.config.as_context()

    def load(self, paper):
        """A paper's checked inputs, read once per build (papers quote each other's titles)."""
        if paper.NAME not in self._inputs:
            self._inputs[paper.NAME] = paper.load(self)
        return self._inputs[paper.NAME]

    def figures(self):
        """Every declared figure table, read and checked once per build."""
        if self._figures is None:
            from .figures.tables import load_figures

            self._figures = load_figures(self.config, self.root / CACHE / "tables")
            self.warnings.extend(self._figures.warnings)
        return self._figures

    def headlines(self) -> list:
        """The priorities' headline figures, built once per build."""
        if self._headlines is None:
            from .figures.headlines import load_headlines

            self._headlines = load_headlines(self.config, self.figures())
        return self._headlines

    @property
    def charts(self):
        """The project's chart cache."""
        if self._charts is None:
            from .figures.chart_cache import ChartCache

            self._charts = ChartCache(self.root / CACHE / "charts")
        return self._charts

    def chart(self, request):
        """A chart, from the cache or drawn now."""
        return self.charts.get(request)

    def start_charts(self, papers, progress=None) -> None:
        """Start drawing, in parallel and in the background, the charts ``papers`` will ask
        for and the cache lacks."""
        requests = [
            r
            for paper in papers
            if hasattr(paper, "chart_requests")
            for r in paper.chart_requests(self).values()
        ]
        if requests:
            if progress:
                progress("drawing charts")
            self.charts.start(requests)

    def close_charts(self) -> None:
        """Collect charts still being drawn and stop the drawing processes."""
        if self._charts is not None:
            self._charts.close()

    def figure_context(self) -> dict:
        """Figures and sentence helpers, for narrative and templates."""
        from .figures import sentences
        from .figures.tables import figure_context

        return {
            **figure_context(self.figures()),
            "change": sentences.change,
            "change_summary": sentences.change_summary,
            "share": sentences.share_of,
            "number": sentences.number,
            "periods": {"previous": self.figures().previous, "current": self.figures().current},
        }
