"""The chart drawer: one build's charts, from the cache or drawn, behind a context manager.

``with ChartDrawer(cache) as drawer:`` starts nothing by itself. :meth:`ChartDrawer.start`
looks up every chart the build's papers will show and starts drawing the missing ones;
:meth:`ChartDrawer.get` hands each chart to the paper that places it. Leaving the ``with``
block stops every process the drawer started and prunes the cache, so nothing is left
running when the build returns.

Where charts are drawn is chosen from measurements on the bundled example (README,
"Development", and ``benchmarks/drawing.py``): in the build's own process when there is one
core or few charts are missing; otherwise in a pool of processes. Where the platform has a
fork server (Linux), the pool is forked from one that has imported matplotlib once, started
for this build and stopped when it ends (unless the program already runs one, which is then
left alone and the pool spawned); elsewhere (Windows, macOS) the processes are spawned.
"""

from __future__ import annotations

import os
from types import TracebackType
from typing import TYPE_CHECKING

from .chart_cache import ChartCache, ChartRequest, draw
from .charts import Chart, warm_up
from .fork_server import ForkServerLease, default_start_method

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# multiprocessing and concurrent.futures are imported only when processes are started, so a
# rebuild that draws nothing does not pay for them

POOL_MIN_CORES = 2  # with one core, processes only add their start-up and imports
POOL_MIN_CHARTS = 3  # fewer charts do not repay the processes' start-up


def usable_cores() -> int:
    """The cores this process may run on (its affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # Windows and macOS have no affinity call
        return os.cpu_count() or 1


def pool_size(cores: int, missing: int) -> int:
    """How many drawing processes to start for ``missing`` charts: 0 draws them here."""
    if cores < POOL_MIN_CORES or missing < POOL_MIN_CHARTS:
        return 0
    return min(cores, missing)


class _Processes:
    """A pool of drawing processes: forked from a leased fork server where the platform has
    one, else spawned. Owned by one build's :class:`ChartDrawer`, or by a run's
    :class:`DrawingProcesses` for several builds."""

    def __init__(self, start_method: str = "") -> None:
        self._start_method = start_method  # "" until needed: the platform's default
        self._server: ForkServerLease | None = None
        self._method = ""
        self.pool: ProcessPoolExecutor | None = None

    @property
    def start_method(self) -> str:
        """How the processes start: ``forkserver`` or ``spawn``."""
        if not self._start_method:
            self._start_method = default_start_method()
        return self._start_method

    def lease_server(self) -> str:
        """Start the fork server (importing matplotlib) now; the method the pool will use."""
        if self._server is None:
            self._server = ForkServerLease()
            self._method = self._server.start()
        return self._method

    def start(self, workers: int) -> None:
        """Start a pool of ``workers`` processes, unless one runs (none where processes
        cannot be started: the charts are then drawn in the build's own process)."""
        if self.pool is not None:
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        try:
            method = self.start_method
            if method == "forkserver":
                method = self.lease_server()
            context = multiprocessing.get_context(method)
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        except (OSError, ValueError, NotImplementedError):
            self.stop()

    def stop(self) -> None:
        """Stop the pool and the fork server this started."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        if self._server is not None:
            self._server.stop()
            self._server = None


class ChartDrawer:
    """Draws a build's charts; counts what it drew and what came from the cache."""

    def __init__(
        self,
        cache: ChartCache,
        cores: int | None = None,
        start_method: str = "",
        shared: DrawingProcesses | None = None,
    ):
        self.cache = cache
        self.shared = shared  # several projects' builds: processes and charts kept between
        self.cores = usable_cores() if cores is None else cores
        self._processes = shared.processes if shared is not None else _Processes(start_method)
        self.drawn = 0
        self.hits = 0
        self.missing: dict[str, str] = {}  # caption: characters its font could not draw
        self.drawn_in = ""  # the font the charts were drawn in, their own not being found
        self._pool: ProcessPoolExecutor | None = None  # while this build uses the processes
        self._pending: dict[str, Future] = {}
        self._used: dict[str, list[str]] = {}

    @property
    def start_method(self) -> str:
        """How drawing processes start: ``forkserver`` or ``spawn``."""
        return self._processes.start_method

    def __enter__(self) -> ChartDrawer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close(keep=kind is None)

    def prepare(self) -> None:
        """Get the drawing processes ready now, for a build expected to draw many charts (a
        first build), so that matplotlib is imported while the build reads its inputs. It
        does not wait for them."""
        workers = pool_size(self.cores, max(self.cores, POOL_MIN_CHARTS))
        if self._pool is not None or not workers:
            return
        if self._processes.pool is not None:  # the run's, started for an earlier project
            self._pool = self._processes.pool
        elif self.start_method == "forkserver":
            self._processes.lease_server()  # the pool is made when the charts are known
        else:
            self._start_pool(workers)
            if self._pool is not None:
                for _ in range(workers):
                    self._pool.submit(warm_up)

    def _start_pool(self, workers: int) -> None:
        # a run's processes serve every project: as many as there are cores
        self._processes.start(workers if self.shared is None else max(self.cores, 1))
        self._pool = self._processes.pool

    def start(self, requests: dict[str, list[ChartRequest]]) -> None:
        """Note the charts each paper will show (by paper name) and start drawing, in parallel
        where it pays, those the cache lacks."""
        self._used = {paper: [r.key() for r in rs] for paper, rs in requests.items()}
        missing = {}
        for paper_requests in requests.values():
            for request in paper_requests:
                key = request.key()
                if key in missing or (self.shared and key in self.shared.charts):
                    continue
                if self.cache.load(key) is None:
                    missing[key] = request
        workers = pool_size(self.cores, len(missing))
        if self._processes.pool is not None and missing:
            workers = max(workers, 1)  # the run's processes are up already: no start-up to repay
        if self._pool is None and workers:
            self._start_pool(workers)
        if self._pool is None:
            return
        try:
            self._pending = {key: self._pool.submit(draw, r) for key, r in missing.items()}
        except (OSError, RuntimeError):  # the processes could not start: draw here
            self._stop_pool()

    def get(self, request: ChartRequest) -> Chart:
        """The chart: drawn by a process, drawn for another project of the run, taken from
        the cache, or drawn now. A chart whose font lacked some of its characters is noted
        in :attr:`missing`."""
        chart = self._get(request)
        if chart.missing:
            self.missing[chart.caption] = chart.missing
        self.drawn_in = self.drawn_in or chart.drawn_in
        return chart

    def _get(self, request: ChartRequest) -> Chart:
        key = request.key()
        pending = self._pending.pop(key, None)
        chart = None
        if pending is not None:
            try:
                chart = pending.result()
            except Exception:  # a process that failed or was lost: drawn again here, where
                chart = None  # a real error shows
        if chart is None:
            remembered = self.shared.charts.get(key) if self.shared is not None else None
            chart = remembered or self.cache.load(key)
            if chart is not None:
                self.hits += 1
                if remembered is not None:
                    self.cache.store(key, chart)
                self._remember(key, chart)
                return chart
            chart = draw(request)
        self._keep(key, chart)
        return chart

    def close(self, keep: bool = True) -> None:
        """Stop the drawing processes; after a build that succeeded (``keep``), keep what is
        still being drawn and prune the charts no paper uses any more."""
        try:
            if keep:
                for key, future in self._pending.items():
                    if future.exception() is None:
                        self._keep(key, future.result())
                self.cache.record_use(self._used)
        finally:
            self._stop_pool()

    def stop_processes(self) -> None:
        """Stop any drawing processes (charts still asked for are then drawn here)."""
        self._stop_pool()

    def _keep(self, key: str, chart: Chart) -> None:
        """A chart drawn: into the cache, and remembered for the run."""
        self.cache.store(key, chart)
        self._remember(key, chart)
        self.drawn += 1

    def _remember(self, key: str, chart: Chart) -> None:
        if self.shared is not None:
            self.shared.remember(key, chart)

    def _stop_pool(self) -> None:
        self._pending = {}
        self._pool = None
        if self.shared is None:  # a run's processes are stopped when the run ends
            self._processes.stop()


class DrawingProcesses:
    """Drawing processes and the charts drawn, kept across the builds of several projects in
    one run (``committeepack build --projects``): the processes start and import matplotlib
    once, and a chart already drawn for one project (the same figures, the same style: a
    county-wide series) is not drawn again for the next.

    ``with DrawingProcesses() as shared:`` then ``build(project, shared=shared)`` for each."""

    MAX_CHARTS = 200  # charts remembered (a chart is tens of kilobytes)

    def __init__(self, start_method: str = "") -> None:
        self.charts: dict[str, Chart] = {}
        self.processes = _Processes(start_method)

    def __enter__(self) -> DrawingProcesses:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def remember(self, key: str, chart: Chart) -> None:
        """Keep a chart drawn in this run, for the projects built after."""
        if len(self.charts) < self.MAX_CHARTS:
            self.charts[key] = chart

    def close(self) -> None:
        """Stop the processes."""
        self.processes.stop()
