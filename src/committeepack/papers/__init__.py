"""One module per paper; :data:`PAPERS` declares each as a :class:`~.base.Paper`.

A paper module names its files (``NAME``, ``TEMPLATE``, ``OUTPUT``, ``DESCRIPTION``, the
``BLOCKS`` of content its template must show and, with a narrative, ``NARRATIVE``,
``FRONT_MATTER`` and ``sections``) and provides ``title``, ``load``,
``context``, ``make_template`` and, when it shows charts, ``chart_requests``.
"""

from __future__ import annotations

from types import ModuleType

from ..errors import CommitteePackError
from . import agenda_item, data_on_a_page, plan, strategic_assessment
from .base import NarrativeSpec, Paper


def _paper(module: ModuleType, narrative: bool = False, charts: bool = False, **options) -> Paper:
    return Paper(
        name=module.NAME,
        template=module.TEMPLATE,
        output=module.OUTPUT,
        description=module.DESCRIPTION,
        title=module.title,
        load=module.load,
        context=module.context,
        make_template=module.make_template,
        narrative=(
            NarrativeSpec(module.NARRATIVE, module.FRONT_MATTER, module.sections)
            if narrative
            else None
        ),
        chart_requests=module.chart_requests if charts else None,
        blocks=module.BLOCKS,
        **options,
    )


PAPERS: dict[str, Paper] = {
    paper.name: paper
    for paper in (
        _paper(agenda_item, narrative=True, quotes_every_narrative=True),
        _paper(
            strategic_assessment,
            narrative=True,
            charts=True,
            has_contents=True,
            every_table=True,
        ),
        _paper(
            data_on_a_page,
            charts=True,
            also_reads=(strategic_assessment.NARRATIVE,),
            every_table=True,
            one_page=True,
        ),
        _paper(plan, narrative=True, has_contents=True),
    )
}


def select_papers(names: list[str] | None) -> list[Paper]:
    """The papers for ``names`` (all papers when empty), or an error naming the unknown."""
    if not names:
        return list(PAPERS.values())
    unknown = [name for name in names if name not in PAPERS]
    if unknown:
        raise CommitteePackError(
            f"no paper called '{unknown[0]}'; the papers are: {', '.join(PAPERS)}"
        )
    return [PAPERS[name] for name in dict.fromkeys(names)]
