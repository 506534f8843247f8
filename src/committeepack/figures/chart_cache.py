"""Charts drawn once: requests, their cache keys, and the chart cache on disk.

A :class:`ChartRequest` names a drawing function of :mod:`.charts` and its arguments. Its key
hashes those arguments with the drawing code itself and matplotlib's version, so a chart is
redrawn exactly when its figures, its labels, the house style or the software change. The
cache lives in the project (``.committeepack-cache/charts``, ignored by git); an index records
which charts each paper used at its last build, and charts no paper uses any more are removed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import re
import tempfile
import warnings
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from ..codehash import code_hash
from .charts import Chart
from .fonts import ChartFont, substitute_for

DRAWING_CODE = (
    "figures/charts.py",
    "figures/change_chart.py",
    "figures/ranked_chart.py",
    "figures/chart_layout.py",
    "figures/fonts.py",
    "figures/spc_chart.py",
    "figures/compute.py",
    "figures/sentences.py",
    "figures/top.py",
)
INDEX = "index.json"


@dataclass(frozen=True)
class ChartRequest:
    """A chart to draw: a function of :mod:`.charts` and its arguments."""

    kind: str
    args: tuple
    kwargs: tuple = ()

    def key(self) -> str:
        """A hash of everything the chart's pixels depend on."""
        payload = [self.kind, self.args, self.kwargs, code_hash(*DRAWING_CODE), _mpl_version()]
        text = json.dumps(payload, default=_plain, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:24]


@functools.cache
def _mpl_version() -> str:
    """The installed matplotlib's version, without importing it. Its ``_version.py`` is read
    directly: ``importlib.metadata`` costs a rebuild that draws nothing 40 ms (its import and
    a scan of every installed package's metadata)."""
    from importlib.util import find_spec

    spec = find_spec("matplotlib")
    origin = spec.origin if spec is not None else None
    if origin:
        stamp = Path(origin).with_name("_version.py")
        with contextlib.suppress(OSError, UnicodeDecodeError):
            return stamp.read_text(encoding="utf-8")
    from importlib.metadata import version  # a matplotlib built without setuptools-scm

    return version("matplotlib")


def _plain(value):
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return repr(value)


# matplotlib's warning for a character its font lacks (it draws an empty box instead)
MISSING_GLYPH = re.compile(r"Glyph (\d+) .*missing from font")


def draw(request: ChartRequest) -> Chart:
    """Draw one chart (in this process). matplotlib's warnings about characters the font
    cannot draw are kept with the chart (for the build to word), not printed."""
    from . import change_chart, ranked_chart, spc_chart

    drawn_by = {"percent_change_bars": change_chart, "ranked_bars": ranked_chart}
    module = {**drawn_by, "spc_chart": spc_chart}[request.kind]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chart = getattr(module, request.kind)(*request.args, **dict(request.kwargs))
    missing = set()
    for warning in caught:
        found = MISSING_GLYPH.search(str(warning.message))
        if found:
            missing.add(chr(int(found.group(1))))
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    fonts = [a for a in (*request.args, *dict(request.kwargs).values()) if isinstance(a, ChartFont)]
    drawn_in = substitute_for(fonts[0]) if fonts else ""
    return dataclasses.replace(chart, missing="".join(sorted(missing)), drawn_in=drawn_in)


class ChartCache:
    """Drawn charts on disk, by key."""

    def __init__(self, folder: Path):
        self.folder = folder

    def is_new(self) -> bool:
        """True before the first build (or the first after ``--clean``) has used the cache."""
        return not self.folder.is_dir()

    def load(self, key: str) -> Chart | None:
        """The cached chart, or None."""
        png, meta = self._paths(key)
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
            return Chart(
                png.read_bytes(),
                data["alt_text"],
                data["caption"],
                data.get("missing", ""),
                data.get("drawn_in", ""),
            )
        except (FileNotFoundError, ValueError, KeyError):
            return None

    def store(self, key: str, chart: Chart) -> None:
        """Keep ``chart`` under ``key``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        png, meta = self._paths(key)
        _write(png, chart.png)
        meta_data = {
            "alt_text": chart.alt_text,
            "caption": chart.caption,
            "missing": chart.missing,
            "drawn_in": chart.drawn_in,
        }
        _write(meta, json.dumps(meta_data).encode())

    def record_use(self, used: dict[str, list[str]]) -> None:
        """Note the charts each paper of this build used, and remove the charts that no paper
        used at its last build."""
        self.folder.mkdir(parents=True, exist_ok=True)
        index_path = self.folder / INDEX
        try:
            index = json.loads(index_path.read_text(encoding="utf-8"))
            if not isinstance(index, dict):
                index = {}
        except (FileNotFoundError, ValueError):
            index = {}
        index.update({paper: sorted(keys) for paper, keys in used.items()})
        _write(index_path, json.dumps(index, sort_keys=True).encode())
        keep = {key for keys in index.values() for key in keys}
        for path in self.folder.iterdir():
            if path.name != INDEX and path.stem not in keep:
                path.unlink(missing_ok=True)

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.png", self.folder / f"{key}.json"


def _write(path: Path, data: bytes) -> None:
    handle = tempfile.NamedTemporaryFile(dir=path.parent, delete=False)  # noqa: SIM115
    try:
        with handle:
            handle.write(data)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
