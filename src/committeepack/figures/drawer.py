"""The chart drawer: one build's charts, from the cache or drawn, behind a context manager.

``with ChartDrawer(cache) as drawer:`` starts nothing by itself. :meth:`ChartDrawer.start`
looks up every chart the build's papers will show and starts drawing the missing ones;
:meth:`ChartDrawer.get` hands each chart to the paper that places it. Leaving the ``with``
block stops every process the drawer started and prunes the cache, so nothing is left
running when the build returns.

Where charts are drawn is chosen from measurements on the bundled example (README,
"Development"): in the build's own process when the machine has few cores or few charts are
missing, since a drawing process must import matplotlib again; otherwise in a pool of
processes started with ``spawn``, which works alike on Linux, Windows and macOS.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType

from .chart_cache import ChartCache, ChartRequest, draw
from .charts import Chart

POOL_MIN_CORES = 3  # with 2 cores, the build's process drawing is as fast and uses less CPU
POOL_MIN_CHARTS = 4  # fewer charts do not repay the drawing processes' import of matplotlib


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


class ChartDrawer:
    """Draws a build's charts; counts what it drew and what came from the cache."""

    def __init__(self, cache: ChartCache, cores: int | None = None, start_method: str = "spawn"):
        self.cache = cache
        self.cores = usable_cores() if cores is None else cores
        self.start_method = start_method
        self.drawn = 0
        self.hits = 0
        self._pool: ProcessPoolExecutor | None = None
        self._pending: dict[str, Future] = {}
        self._used: dict[str, list[str]] = {}

    def __enter__(self) -> ChartDrawer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close(keep=kind is None)

    def start(self, requests: dict[str, list[ChartRequest]]) -> None:
        """Note the charts each paper will show (by paper name) and start drawing, in parallel
        where it pays, those the cache lacks."""
        self._used = {paper: [r.key() for r in rs] for paper, rs in requests.items()}
        missing = {}
        for paper_requests in requests.values():
            for request in paper_requests:
                key = request.key()
                if key not in missing and self.cache.load(key) is None:
                    missing[key] = request
        workers = pool_size(self.cores, len(missing))
        if not workers:
            return
        try:
            context = multiprocessing.get_context(self.start_method)
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
            self._pending = {key: self._pool.submit(draw, r) for key, r in missing.items()}
        except (OSError, ValueError, NotImplementedError):  # no process support: draw here
            self._stop_pool()

    def get(self, request: ChartRequest) -> Chart:
        """The chart: drawn by a process, taken from the cache, or drawn now."""
        key = request.key()
        pending = self._pending.pop(key, None)
        chart = None
        if pending is not None:
            try:
                chart = pending.result()
            except Exception:  # a process that failed or was lost: drawn again here, where
                chart = None  # a real error shows
        if chart is None:
            chart = self.cache.load(key)
            if chart is not None:
                self.hits += 1
                return chart
            chart = draw(request)
        self.cache.store(key, chart)
        self.drawn += 1
        return chart

    def close(self, keep: bool = True) -> None:
        """Stop the drawing processes; after a build that succeeded (``keep``), keep what is
        still being drawn and prune the charts no paper uses any more."""
        try:
            if keep:
                for key, future in self._pending.items():
                    if future.exception() is None:
                        self.cache.store(key, future.result())
                        self.drawn += 1
                self.cache.record_use(self._used)
        finally:
            self._stop_pool()

    def _stop_pool(self) -> None:
        self._pending = {}
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
