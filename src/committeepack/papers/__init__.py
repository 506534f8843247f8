"""One module per paper, each ending with its :class:`~.base.Paper` value."""

from . import agenda_item, data_on_a_page, plan, strategic_assessment
from .base import Paper

PAPERS: dict[str, Paper] = {
    paper.name: paper
    for paper in (
        agenda_item.PAPER,
        strategic_assessment.PAPER,
        data_on_a_page.PAPER,
        plan.PAPER,
    )
}
