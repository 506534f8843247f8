"""The build pipeline: configuration, inputs, rendering, writing.

:func:`build` is what ``committeepack build`` runs; tests call it directly. A paper whose
inputs have not changed since it was last written is not rebuilt. Every paper to rebuild is
rendered in memory first, and only when all succeed are they written, so a failed build
leaves the previous papers in place.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CommitteePackError, ErrorList
from .fingerprint import fingerprint, reasons
from .output import OutputFolder, Written, stable_zip
from .project import CACHE, Project

# the papers, python-docx, docxtpl and Jinja are imported when a build starts, after the
# chart-drawing processes have been started on a first build (they import matplotlib meanwhile)

# the papers that draw charts (their modules have chart_requests; a test keeps the two agreed),
# known by name so that the drawing processes can start before the papers are imported
DRAWING_PAPERS = frozenset({"strategic-assessment", "data-on-a-page"})


@dataclass
class BuildResult:
    """What a build wrote and why, its warnings, and how long it took."""

    written: list[Written] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line per paper and a closing line, for the terminal."""
        lines = []
        for item in self.written:
            why = f" ({'; '.join(item.reasons)})" if item.reasons else ""
            note = {
                "written": f"rewritten{why}",
                "unchanged": f"unchanged (rebuilt as {'; '.join(item.reasons)}, "
                "but it came out the same)",
                "skipped": "unchanged (inputs unchanged)",
                "replaced": f"rewritten{why}; your edited copy is kept as {item.backup}",
            }[item.status]
            lines.append(f"  {item.name}: {note}")
        rewritten = sum(item.status in ("written", "replaced") for item in self.written)
        lines.append(
            f"{rewritten} of {len(self.written)} paper(s) rewritten in {self.seconds:.1f}s"
        )
        return "\n".join(lines)


def select_papers(names: list[str] | None) -> list:
    """The paper modules for ``names`` (all papers when empty), or an error naming the unknown."""
    from .papers import PAPERS

    if not names:
        return list(PAPERS.values())
    unknown = [name for name in names if name not in PAPERS]
    if unknown:
        raise CommitteePackError(
            f"no paper called '{unknown[0]}'; the papers are: {', '.join(PAPERS)}"
        )
    return [PAPERS[name] for name in dict.fromkeys(names)]


def render_paper(project: Project, paper) -> bytes:
    """Render one paper to .docx bytes (nothing is written)."""
    from .render import render_docx

    inputs = project.load(paper)
    tpl, template_name = project.template(paper)
    context = paper.context(tpl, inputs, project)
    render_docx(tpl, context, template_name)
    # after rendering, tpl.docx is the rendered document (get_docx() would reload the template)
    _set_properties(tpl.docx, paper.document_title(inputs), project)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return stable_zip(buffer.getvalue())


def _set_properties(document, title: str, project: Project) -> None:
    """Title, language and dates from the project, never from the clock."""
    from .word import xml as wordxml

    config = project.config
    wordxml.set_document_language(document, config.language)
    props = document.core_properties
    props.title = title
    props.subject = config.partnership
    props.author = config.council
    props.last_modified_by = config.council
    when = dt.datetime.combine(config.meeting.date, dt.time())
    props.created = props.modified = when
    props.revision = 1


def _plan(project: Project, selected: list, folder: OutputFolder, rebuild: bool, pages: bool):
    """The papers to render, with their fingerprints and why; and those left as they are."""
    plan, skipped = [], {}
    for paper in selected:
        prints = fingerprint(project, paper)
        prints["option: page numbers in contents"] = str(pages)
        previous = folder.inputs(paper.OUTPUT)
        if not rebuild and previous == prints and (folder.folder / paper.OUTPUT).exists():
            skipped[paper.NAME] = Written(paper.OUTPUT, "skipped")
        else:
            why = reasons(previous, prints)
            if previous is None and (folder.folder / paper.OUTPUT).exists():
                why = ["no record of what it was made from"]
            plan.append((paper, prints, why))
    # papers without charts first, so they are rendered while the charts are drawn
    plan.sort(key=lambda item: hasattr(item[0], "chart_requests"))
    return plan, skipped


def _render_all(project: Project, plan: list, progress, page_numbers: bool) -> list:
    """Render every planned paper in memory (charts drawn meanwhile); nothing is written."""
    if any(hasattr(paper, "chart_requests") for paper, _, _ in plan):
        project.charts.warm_up()  # matplotlib loads in the workers while figures load here
    project.start_charts([paper for paper, _, _ in plan], progress)
    rendered = []
    for number, (paper, prints, why) in enumerate(plan, 1):
        if progress:
            progress(f"[{number}/{len(plan)}] {paper.NAME}")
        data = render_paper(project, paper)
        if page_numbers:
            from .contents_pages import add_page_numbers

            data = stable_zip(add_page_numbers(data))
        rendered.append((paper, prints, why, data))
    return rendered


def build(
    start: Path,
    papers: list[str] | None = None,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    strict: bool = False,
    clean: bool = False,
    page_numbers: bool = False,
) -> BuildResult:
    """Build ``papers`` (every paper when None) of the project containing ``start``.

    Papers whose inputs are unchanged since they were written are skipped, unless ``clean``
    (which also empties the chart cache). Warnings (figures that do not add up, an acronym
    missing from the glossary) are returned; with ``strict`` they are errors and nothing is
    written. With ``page_numbers``, contents pages get their page numbers, measured by
    laying the paper out with LibreOffice.
    """
    began = time.perf_counter()
    project = Project.open(start)
    if clean:
        shutil.rmtree(project.root / CACHE, ignore_errors=True)
    names = papers or project.config.papers  # None: every paper
    if project.charts.is_new() and (not names or DRAWING_PAPERS.intersection(names)):
        project.charts.warm_up()  # a first build draws every chart: get matplotlib loading now
    try:
        selected = select_papers(names)
        folder = OutputFolder(project.out_dir, project.config.output_dir)
        if page_numbers:
            from .contents_pages import tools

            tools()  # say now, not after rendering, if LibreOffice is missing
        plan, skipped = _plan(project, selected, folder, clean or strict, page_numbers)
        folder.check([paper.OUTPUT for paper, _, _ in plan], force)
        rendered = _render_all(project, plan, progress, page_numbers)
    finally:
        project.close_charts()
    warnings = list(dict.fromkeys(str(w) for w in project.warnings))
    if strict and warnings:
        raise ErrorList(project.warnings)
    result = BuildResult(warnings=warnings)
    done = {}
    for paper, prints, why, data in rendered:
        written = folder.write(paper.OUTPUT, data, force, inputs=prints)
        written.reasons = why
        done[paper.NAME] = written
    result.written = [done.get(p.NAME) or skipped[p.NAME] for p in selected]
    result.seconds = time.perf_counter() - began
    return result
