"""Charts drawn once: cached by a hash of their data and style, drawn in parallel when missing.

A :class:`ChartRequest` names a drawing function of :mod:`.charts` and its arguments. Its key
hashes those arguments with the versions of committeepack and matplotlib, so a chart is
redrawn exactly when its figures, its labels, the house style or the software change. The
cache lives in the project (``.committeepack-cache/charts``, ignored by git).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from fractions import Fraction
from importlib.metadata import version
from multiprocessing import get_context
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
        payload = [self.kind, self.args, self.kwargs, __version__, version("matplotlib")]
        text = json.dumps(payload, default=_plain, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:24]


def _plain(value):
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    return repr(value)


def _import_pyplot() -> None:
    from .charts import _pyplot

    _pyplot()


def draw(request: ChartRequest) -> Chart:
    """Draw one chart (in this process)."""
    from . import charts

    return getattr(charts, request.kind)(*request.args, **dict(request.kwargs))


class ChartCache:
    """Charts on disk by key; draws what is missing, in parallel when there are several."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.drawn = 0  # charts drawn (cache misses) by this cache, for summaries and tests
        self.hits = 0
        self._pool = None
        self._pending: dict = {}

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.png", self.folder / f"{key}.json"

    def get(self, request: ChartRequest) -> Chart:
        """The chart, from the cache or freshly drawn (and then cached)."""
        pending = self._pending.pop(request.key(), None)
        if pending is not None:
            chart = pending.result()
            self._store(request.key(), chart)
            self.drawn += 1
            return chart
        cached = self._load(request.key())
        if cached is not None:
            self.hits += 1
            return cached
        chart = draw(request)
        self._store(request.key(), chart)
        self.drawn += 1
        return chart

    def warm_up(self) -> None:
        """Start the drawing processes now, importing matplotlib while the figures load."""
        workers = os.cpu_count() or 1
        if workers < 2 or self._pool is not None:
            return
        context = get_context("fork" if os.name == "posix" else "spawn")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        for _ in range(workers):
            self._pool.submit(_import_pyplot)

    def start(self, requests: list[ChartRequest]) -> None:
        """Start drawing the missing charts on the machine's cores, in the background, so the
        papers that need no chart are rendered meanwhile; :meth:`get` collects each one."""
        missing = {r.key(): r for r in requests if self._load(r.key()) is None}
        if not missing or (len(missing) < 2 and self._pool is None):
            return  # drawn here when asked for
        self.warm_up()
        if self._pool is None:
            return
        self._pending = {key: self._pool.submit(draw, r) for key, r in missing.items()}

    def close(self) -> None:
        """Keep what is still being drawn, then stop the workers."""
        if self._pool is None:
            return
        try:
            for key, future in self._pending.items():
                if not future.cancelled() and future.exception() is None:
                    self._store(key, future.result())
                    self.drawn += 1
        finally:
            self._pending = {}
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
