"""The pipeline's own decisions: when the chart-drawing processes start."""

from committeepack import build as pipeline
from committeepack.figures.chart_cache import ChartCache
from committeepack.papers import PAPERS


def test_the_papers_that_draw_charts_are_known_by_name():
    drawing = {name for name, paper in PAPERS.items() if hasattr(paper, "chart_requests")}
    assert drawing == pipeline.DRAWING_PAPERS


def warm_ups(monkeypatch) -> list:
    calls = []
    original = ChartCache.warm_up

    def counted(self):
        calls.append(self.folder)
        original(self)

    monkeypatch.setattr(ChartCache, "warm_up", counted)
    return calls


def test_a_first_build_without_charts_starts_no_drawing_processes(minimal, monkeypatch):
    calls = warm_ups(monkeypatch)
    pipeline.build(minimal)
    assert calls == []


def test_drawing_processes_start_only_for_papers_with_charts(figures, monkeypatch):
    calls = warm_ups(monkeypatch)
    pipeline.build(figures, ["agenda-item", "strategic-assessment"])
    assert len(calls) >= 1
    calls.clear()
    pipeline.build(figures, ["agenda-item"], force=True, clean=True)
    assert calls == []
