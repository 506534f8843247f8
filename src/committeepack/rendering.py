"""The build's rendering stage: one paper's template filled in, as .docx bytes in memory."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import TYPE_CHECKING, Any

from .errors import TemplateProblem
from .output import stable_zip

NO_STYLE = re.compile(r"no style with name '(.*)'", re.DOTALL)  # python-docx's KeyError

if TYPE_CHECKING:
    from .facts import Facts
    from .papers.base import Charts, Paper
    from .project import Project


def load_papers(facts: Facts, papers: list[Paper]) -> dict[str, Any]:
    """Each paper's checked inputs, by name; every problem in any of them raised together."""
    from .errors import CommitteePackError, raise_all

    inputs: dict[str, Any] = {}
    errors: list[CommitteePackError] = []
    for paper in papers:
        try:
            inputs[paper.name] = paper.load(facts)
        except CommitteePackError as error:
            errors.extend(getattr(error, "errors", [error]))
    raise_all(errors)
    return inputs


def render_paper(
    project: Project, paper: Paper, inputs: Any, facts: Facts, charts: Charts
) -> bytes:
    """Render one paper to .docx bytes (nothing is written)."""
    from .papers.base import Rendering
    from .render import render_docx

    tpl, template_name = project.template(paper)
    try:
        context = paper.context(Rendering(tpl, inputs, facts, charts))
        render_docx(tpl, context, template_name)
    except KeyError as exc:  # python-docx's lookup of a style by name
        missing = NO_STYLE.fullmatch(str(exc.args[0]) if exc.args else "")
        if missing is None:
            raise
        raise TemplateProblem(
            f"has no style called '{missing[1]}', which committeepack writes this paper's "
            "content in; add a style of that name (in Word: the Styles pane, New Style), or "
            "delete this template to use the default",
            template_name,
        ) from None
    # after rendering, tpl.docx is the rendered document (get_docx() would reload the template)
    _set_properties(tpl.docx, paper.title(facts), project)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return stable_zip(buffer.getvalue())


def _set_properties(document, title: str, project: Project) -> None:
    """Title, language and dates from the project, never from the clock; no path of the
    template Word attached to the project's own."""
    from .word.outside_links import drop_attached_template
    from .word.paper_properties import drop_template_properties, property_text
    from .word.xml import set_document_language

    config = project.config
    set_document_language(document, config.language)
    drop_attached_template(document)
    drop_template_properties(document)
    props = document.core_properties
    props.title = property_text(title)
    props.subject = property_text(config.partnership)
    props.author = property_text(config.council)
    props.last_modified_by = property_text(config.council)
    when = dt.datetime.combine(config.meeting.date, dt.time())
    props.created = props.modified = when
    props.revision = 1
    props.identifier = ""  # a default template's mark (:mod:`.word.stamp`) is not the paper's
