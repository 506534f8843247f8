"""The pipeline's own decisions: which papers draw, the stages it reports, what it leaves."""

import multiprocessing

from committeepack import build as pipeline
from committeepack.papers import PAPERS


def test_the_papers_say_whether_they_draw_charts():
    drawing = {name for name, paper in PAPERS.items() if paper.draws_charts}
    assert drawing == {"strategic-assessment", "data-on-a-page"}


def test_a_build_reports_its_stages_in_order_and_leaves_no_process(figures):
    from committeepack.contents_pages import available

    result = pipeline.build(figures)  # the library's defaults, as a script would call it
    assert list(result.timings) == [
        "configuration",
        "read",
        "compute",
        "charts",
        "render",
        *(["page numbers"] if available() else []),
        "write",
    ]
    assert result.charts_drawn > 0
    assert multiprocessing.active_children() == []
    again = pipeline.build(figures, clean=True)
    assert again.charts_drawn == result.charts_drawn


def test_a_build_with_nothing_to_do_reads_nothing(figures):
    pipeline.build(figures)
    result = pipeline.build(figures)
    assert list(result.timings) == ["configuration", "write"]
    assert {w.status for w in result.written} == {"skipped"}
