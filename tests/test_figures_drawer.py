"""The chart drawer: charts drawn by processes (started with spawn, as on Windows) are
collected in any order and kept on disk; a chart that fails in a process fails again here
with its own error; nothing is left running; the cache is pruned of charts no paper uses."""

import concurrent.futures
import multiprocessing

import pytest

from committeepack.figures import drawer as drawer_module
from committeepack.figures.chart_cache import ChartCache, ChartRequest, draw
from committeepack.figures.drawer import POOL_MIN_CHARTS, POOL_MIN_CORES, ChartDrawer, pool_size


def bars(top: float) -> ChartRequest:
    items = [("Riverside", top), ("Eastgate", 40.0), ("Brackenford", 55.5)]
    return ChartRequest("ranked_bars", (items, "Brackenford", "Rate per 1,000", "rates"))


def test_pool_size_boundaries():
    assert pool_size(POOL_MIN_CORES - 1, 100) == 0
    assert pool_size(POOL_MIN_CORES, POOL_MIN_CHARTS - 1) == 0
    assert pool_size(POOL_MIN_CORES, POOL_MIN_CHARTS) == POOL_MIN_CORES
    assert pool_size(16, POOL_MIN_CHARTS) == POOL_MIN_CHARTS


def test_charts_drawn_by_spawned_processes_are_collected_in_any_order(tmp_path):
    requests = [bars(60.0 + n) for n in range(POOL_MIN_CHARTS)]
    cache = ChartCache(tmp_path / "charts")
    assert cache.is_new()
    with ChartDrawer(cache, cores=POOL_MIN_CORES, start_method="spawn") as drawer:
        drawer.start({"paper": requests})
        assert drawer._pool is not None  # the processes really draw
        charts = [drawer.get(request) for request in reversed(requests)]
    assert drawer._pool is None
    assert multiprocessing.active_children() == []
    assert drawer.drawn == len(requests)
    assert [c.png for c in reversed(charts)] == [draw(r).png for r in requests]
    assert not cache.is_new()
    with ChartDrawer(ChartCache(tmp_path / "charts"), cores=1) as again:
        again.start({"paper": requests})
        assert [again.get(r).png for r in requests] == [c.png for c in reversed(charts)]
    assert (again.hits, again.drawn) == (len(requests), 0)


@pytest.mark.filterwarnings("ignore:Tight layout not applied")
def test_a_chart_that_fails_in_a_process_fails_here_with_its_own_error(tmp_path):
    broken = ChartRequest("ranked_bars", ([], "Brackenford", "Rate", "rates"))
    good = [bars(70.0 + n) for n in range(POOL_MIN_CHARTS)]
    drawer = ChartDrawer(ChartCache(tmp_path / "charts"), cores=POOL_MIN_CORES)
    with pytest.raises(IndexError), drawer:  # the drawer must close on the way out
        drawer.start({"paper": [broken, *good]})
        assert drawer.get(good[0]).alt_text.startswith("Bar chart of rates")
        drawer.get(broken)
    assert drawer._pool is None
    assert multiprocessing.active_children() == []


def test_charts_still_drawing_are_kept_when_the_build_succeeds(tmp_path):
    requests = [bars(80.0 + n) for n in range(POOL_MIN_CHARTS)]
    with ChartDrawer(ChartCache(tmp_path / "charts"), cores=POOL_MIN_CORES) as drawer:
        drawer.start({"paper": requests})
    assert len(list((tmp_path / "charts").glob("*.png"))) == len(requests)


def test_charts_no_paper_uses_any_more_are_pruned(tmp_path):
    cache = ChartCache(tmp_path / "charts")
    with ChartDrawer(cache, cores=1) as drawer:
        drawer.start({"a": [bars(1.0)], "b": [bars(2.0)]})
        drawer.get(bars(1.0))
        drawer.get(bars(2.0))
    with ChartDrawer(cache, cores=1) as drawer:  # paper a now shows another chart; b skipped
        drawer.start({"a": [bars(3.0)]})
        drawer.get(bars(3.0))
    kept = {path.stem for path in (tmp_path / "charts").glob("*.png")}
    assert kept == {bars(2.0).key(), bars(3.0).key()}


def test_a_changed_drawing_code_changes_every_key(monkeypatch):
    from committeepack.figures import chart_cache

    before = bars(1.0).key()
    monkeypatch.setattr(chart_cache, "code_hash", lambda *files: "edited")
    assert bars(1.0).key() != before


def test_without_process_support_charts_are_drawn_here(tmp_path, monkeypatch):
    def no_processes(*args, **kwargs):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_processes)
    requests = [bars(90.0 + n) for n in range(POOL_MIN_CHARTS)]
    with ChartDrawer(ChartCache(tmp_path / "charts"), cores=POOL_MIN_CORES) as drawer:
        drawer.start({"paper": requests})
        assert drawer.get(requests[1]).alt_text.startswith("Bar chart of rates")
    assert drawer.drawn == 1


def test_the_fork_server_is_stopped_and_its_preload_restored(tmp_path):
    from multiprocessing import forkserver

    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork server on this platform")
    server = forkserver._forkserver
    before = list(server._preload_modules)
    requests = [bars(100.0 + n) for n in range(POOL_MIN_CHARTS)]
    with ChartDrawer(ChartCache(tmp_path / "charts"), cores=POOL_MIN_CORES) as drawer:
        drawer.prepare()
        drawer.start({"paper": requests})
        assert drawer._pool is not None
        assert server._forkserver_pid is not None  # leased for this build
        [drawer.get(r) for r in requests]
    assert server._forkserver_pid is None
    assert server._preload_modules == before
    assert multiprocessing.active_children() == []


def test_a_build_with_processes_spawned_makes_the_same_papers(figures, tmp_path, monkeypatch):
    import shutil

    from committeepack.build import build

    other = tmp_path / "spawned"
    shutil.copytree(figures, other)
    build(figures)
    monkeypatch.setattr(drawer_module, "default_start_method", lambda: "spawn")
    monkeypatch.setattr(drawer_module, "usable_cores", lambda: POOL_MIN_CORES)
    result = build(other)
    assert result.charts_drawn >= POOL_MIN_CHARTS
    for name in ("strategic-assessment.docx", "data-on-a-page.docx"):
        assert (other / "out" / name).read_bytes() == (figures / "out" / name).read_bytes()


def test_projects_of_one_run_share_the_processes_and_a_chart_drawn_for_one(tmp_path):
    from committeepack.figures.drawer import DrawingProcesses

    requests = [bars(90.0 + n) for n in range(POOL_MIN_CHARTS)]
    with DrawingProcesses(start_method="spawn") as shared:
        with ChartDrawer(ChartCache(tmp_path / "a"), cores=POOL_MIN_CORES, shared=shared) as first:
            first.start({"paper": requests})
            pool = first._pool
            assert pool is not None
            drawn = [first.get(r).png for r in requests]
        assert first.drawn == len(requests)
        assert shared.processes.pool is pool  # still running for the next project
        other = [*requests[:1], bars(99.5)]
        with ChartDrawer(ChartCache(tmp_path / "b"), cores=POOL_MIN_CORES, shared=shared) as second:
            second.start({"paper": other})
            assert second._pool is pool  # one chart to draw: the running processes draw it
            assert second.get(other[0]).png == drawn[0]
            assert second.get(other[1]).png == draw(other[1]).png
        assert (second.hits, second.drawn) == (1, 1)  # one remembered, one drawn
        assert len(list((tmp_path / "b").glob("*.png"))) == 2  # both kept in b's own cache
    assert multiprocessing.active_children() == []


def test_characters_the_font_cannot_draw_are_kept_with_the_chart_not_printed(tmp_path, recwarn):
    lacking = "\ue000"  # a private-use character: in no font matplotlib can reach
    items = [(f"River{lacking}side", 60.0), ("Eastgate", 40.0), ("Brackenford", 55.5)]
    request = ChartRequest("ranked_bars", (items, "Brackenford", "Rate per 1,000", "rates"))
    cache = ChartCache(tmp_path / "charts")
    with ChartDrawer(cache, cores=1) as drawer:
        drawer.start({"paper": [request, bars(61.0)]})
        assert drawer.get(request).missing == lacking
        assert drawer.get(bars(61.0)).missing == ""
    assert drawer.missing == {"Rates": lacking}
    assert not [w for w in recwarn if "missing from font" in str(w.message)]
    with ChartDrawer(ChartCache(tmp_path / "charts"), cores=1) as again:
        again.start({"paper": [request]})
        assert again.get(request).missing == lacking  # from the cache, still noted
    assert (again.hits, again.missing) == (1, {"Rates": lacking})


def test_the_cache_key_covers_every_module_that_draws():
    """A chart module left out of the key would keep charts drawn by its old code."""
    from pathlib import Path

    from committeepack.figures import chart_cache

    package = Path(chart_cache.__file__).parents[1]
    drawing = {
        path.relative_to(package).as_posix()
        for path in (package / "figures").glob("*.py")
        if "_pyplot(" in path.read_text(encoding="utf-8")
        or "import chart_layout" in path.read_text(encoding="utf-8")
    }
    assert {"figures/charts.py", "figures/ranked_chart.py", "figures/spc_chart.py"} <= drawing
    assert drawing <= set(chart_cache.DRAWING_CODE)
