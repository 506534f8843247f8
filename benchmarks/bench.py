"""Time committeepack on the bundled example: --help, a cold build and a rebuild.

Run from the repository root after installing:  python benchmarks/bench.py
Targets (see the README): --help well under the cost of importing pandas and matplotlib;
the strategic assessment builds in no more than about twice the time its charts take to draw
(the peer script: the same imports and the same charts, nothing else).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-m", "committeepack"]


def timed(args: list[str], cwd: Path, repeat: int) -> float:
    """Median wall-clock seconds of running ``args`` ``repeat`` times."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        subprocess.run(args, cwd=cwd, check=True, capture_output=True)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def fresh_project(into: Path) -> Path:
    project = into / "example"
    project.mkdir()
    shutil.copy2(REPO / "committeepack.toml", project)
    for folder in ("inputs", "templates"):
        shutil.copytree(REPO / folder, project / folder)
    return project


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        project = fresh_project(Path(tmp))
        rows.append(("committeepack --help", timed([*COMMAND, "--help"], project, repeat)))
        rows.append(
            (
                "import pandas, matplotlib (peer)",
                timed([sys.executable, "-c", "import pandas, matplotlib.pyplot"], project, repeat),
            )
        )
        cold = []
        for _ in range(repeat):
            shutil.rmtree(project / "out", ignore_errors=True)
            cold.append(timed([*COMMAND, "build"], project, 1))
        rows.append(("cold build (every paper)", statistics.median(cold)))
        rows.append(("rebuild, nothing changed", timed([*COMMAND, "build"], project, repeat)))
        sa = []
        for _ in range(repeat):
            shutil.rmtree(project / "out", ignore_errors=True)
            sa.append(timed([*COMMAND, "build", "strategic-assessment"], project, 1))
        rows.append(("cold build, strategic assessment", statistics.median(sa)))
        rows.append(
            (
                "peer: imports + the same charts only",
                timed(
                    [sys.executable, str(REPO / "benchmarks" / "charts_only.py")], project, repeat
                ),
            )
        )
    width = max(len(name) for name, _ in rows)
    print(f"{'step':{width}}  median seconds (of {repeat})")
    for name, seconds in rows:
        print(f"{name:{width}}  {seconds:.3f}")


if __name__ == "__main__":
    main()
