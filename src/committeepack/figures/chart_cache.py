"""Charts drawn once: cached by a hash of their data and style, drawn in parallel when missing.

A :class:`ChartRequest` names a drawing function of :mod:`.charts` and its arguments. Its key
hashes those arguments with the versions of committeepack and matplotlib, so a chart is
redrawn exactly when its figures, its labels, the house style or the software change. The
cache lives in the project (``.committeepack-cache/charts``, ignored by git).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import multiprocessing
import os
import tempfile
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from .. import __version__
from .charts import Chart


@dataclass(frozen=True)
class ChartRequest:
    """A chart to draw: a function of :mod:`.charts` and its arguments."""

    kind: str
    args: tuple
    kwargs: tuple = ()

    def key(self) -> str:
        """A hash of everything the chart's pixels depend on."""
        payload = [self.kind, self.args, self.kwargs, __version__, _matplotlib_version()]
        text = json.dumps(payload, default=_plain, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:24]


@functools.cache
def _matplotlib_version() -> str:
    from importlib.metadata import version

    return version("matplotlib")  # reads the package metadata from disk: once is enough


def _plain(value):
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    return repr(value)


def _drawing_context():
    """How drawing processes start: forked from a server that has already imported
    matplotlib, so it is imported once (meanwhile the figures load here), not once per
    worker; plain spawning where there is no fork (Windows)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([f"{__package__}.chart_worker"])
    return context


def draw(request: ChartRequest) -> Chart:
    """Draw one chart (in this process)."""
    from . import charts

    return getattr(charts, request.kind)(*request.args, **dict(request.kwargs))


def _submit_all(pool: ProcessPoolExecutor, work: list[tuple[ChartRequest, Future]]) -> None:
    """Submit each request to ``pool``; its placeholder future gets the outcome."""
    for request, target in work:
        try:
            future = pool.submit(draw, request)
        except Exception as error:  # a broken pool: the chart is then drawn in-process
            target.set_exception(error)
        else:
            future.add_done_callback(functools.partial(_pass_on, target))


def _pass_on(target: Future, source: Future) -> None:
    if source.cancelled():
        target.cancel()
    elif source.exception() is not None:
        target.set_exception(source.exception())
    else:
        target.set_result(source.result())


class ChartCache:
    """Charts on disk by key; draws what is missing, in parallel when there are several."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.drawn = 0  # charts drawn (cache misses) by this cache, for summaries and tests
        self.hits = 0
        self._pool = None
        self._starter = None
        self._pending: dict = {}

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.png", self.folder / f"{key}.json"

    def get(self, request: ChartRequest) -> Chart:
        """The chart, from the cache or freshly drawn (and then cached)."""
        key = request.key()
        pending = self._pending.pop(key, None)
        chart = None
        if pending is not None:
            # a worker that failed or was lost: drawn again below, where a real error shows
            with contextlib.suppress(Exception, CancelledError):
                chart = pending.result()
        if chart is None:
            cached = self._load(key)
            if cached is not None:
                self.hits += 1
                return cached
            chart = draw(request)
        self._store(key, chart)
        self.drawn += 1
        return chart

    def is_new(self) -> bool:
        """True before the first build (or the first after ``--clean``) has used the cache."""
        return not self.folder.is_dir()

    def warm_up(self) -> None:
        """Start the server the drawing processes are forked from, so that matplotlib is
        imported while the figures load. It does not wait, and costs nothing to stop if no
        chart turns out to be missing."""
        if (os.cpu_count() or 1) < 2:
            return
        if _drawing_context().get_start_method() == "forkserver":
            from multiprocessing import forkserver

            with contextlib.suppress(OSError):  # no server: the pool will say so, or draw here
                forkserver.ensure_running()

    def start(self, requests: list[ChartRequest]) -> None:
        """Start drawing the missing charts on the machine's cores, in the background, so the
        papers that need no chart are rendered meanwhile; :meth:`get` collects each one."""
        missing = {r.key(): r for r in requests if self._load(r.key()) is None}
        cores = os.cpu_count() or 1
        if not missing or cores < 2 or self._pool is not None:
            return  # drawn here when asked for
        # even one chart is drawn by a worker: it starts with matplotlib already imported
        workers = min(cores, len(missing))
        try:
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=_drawing_context())
        except (OSError, ValueError):  # no process support (no /dev/shm): draw here, in turn
            return
        self._pending = {key: Future() for key in missing}
        work = [(request, self._pending[key]) for key, request in missing.items()]
        # starting a worker waits for the server to finish importing matplotlib: submitting
        # happens in this thread, not the build's, which renders the other papers meanwhile
        self._starter = ThreadPoolExecutor(max_workers=1)
        self._starter.submit(_submit_all, self._pool, work)

    def close(self) -> None:
        """Keep what is still being drawn, then stop the workers."""
        self.folder.mkdir(parents=True, exist_ok=True)  # no longer new, even if chartless
        if self._pool is None:
            return
        try:
            for key, future in self._pending.items():
                if not future.cancelled() and future.exception() is None:
                    self._store(key, future.result())
                    self.drawn += 1
        finally:
            self._pending = {}
            self._starter.shutdown()
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _load(self, key: str) -> Chart | None:
        png, meta = self._paths(key)
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
            return Chart(png.read_bytes(), data["alt_text"], data["caption"])
        except (FileNotFoundError, ValueError, KeyError):
            return None

    def _store(self, key: str, chart: Chart) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        png, meta = self._paths(key)
        _write(png, chart.png)
        _write(meta, json.dumps({"alt_text": chart.alt_text, "caption": chart.caption}).encode())


def _write(path: Path, data: bytes) -> None:
    handle = tempfile.NamedTemporaryFile(dir=path.parent, delete=False)  # noqa: SIM115
    try:
        with handle:
            handle.write(data)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
