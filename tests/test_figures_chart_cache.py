"""The chart cache: charts drawn in parallel are collected in any order, kept on disk, and a
chart that fails in a worker fails again here with its own error."""

import pytest

from committeepack.figures import chart_cache
from committeepack.figures.chart_cache import ChartCache, ChartRequest, draw


def bars(top: float) -> ChartRequest:
    items = [("Riverside", top), ("Eastgate", 40.0), ("Brackenford", 55.5)]
    return ChartRequest("ranked_bars", (items, "Brackenford", "Rate per 1,000", "rates"))


def test_charts_drawn_in_parallel_are_collected_in_any_order(tmp_path):
    requests = [bars(60.0 + n) for n in range(4)]
    cache = ChartCache(tmp_path / "charts")
    assert cache.is_new()
    try:
        cache.start(requests)
        # asked for last-submitted first: each answer must still be its own chart
        charts = [cache.get(request) for request in reversed(requests)]
    finally:
        cache.close()
    assert cache.drawn == 4
    assert [c.png for c in reversed(charts)] == [draw(r).png for r in requests]
    assert not cache.is_new()
    again = ChartCache(tmp_path / "charts")
    assert [again.get(r).png for r in requests] == [c.png for c in reversed(charts)]
    assert (again.hits, again.drawn) == (4, 0)


@pytest.mark.filterwarnings("ignore:Tight layout not applied")
def test_a_chart_that_fails_in_a_worker_fails_here_with_its_own_error(tmp_path):
    broken = ChartRequest("ranked_bars", ([], "Brackenford", "Rate", "rates"))
    cache = ChartCache(tmp_path / "charts")
    try:
        cache.start([broken, bars(70.0)])
        assert cache.get(bars(70.0)).alt_text.startswith("Bar chart of rates")
        with pytest.raises(IndexError):
            cache.get(broken)
    finally:
        cache.close()
    assert cache.drawn == 1


def test_closing_keeps_charts_nobody_asked_for(tmp_path):
    cache = ChartCache(tmp_path / "charts")
    cache.start([bars(80.0), bars(81.0)])
    cache.close()
    assert len(list((tmp_path / "charts").glob("*.png"))) == 2


def test_without_process_support_charts_are_drawn_here(tmp_path, monkeypatch):
    def no_processes(*args, **kwargs):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(chart_cache, "ProcessPoolExecutor", no_processes)
    cache = ChartCache(tmp_path / "charts")
    cache.start([bars(90.0), bars(91.0)])
    assert cache.get(bars(91.0)).alt_text.startswith("Bar chart of rates")
    cache.close()
    assert cache.drawn == 1
