"""Time committeepack on the bundled example, with the targets of the regeneration work.

Run from the repository root after installing:  python benchmarks/bench.py [REPEATS]

Measures, on a fresh copy of the example: ``committeepack --help``; a cold build of every
paper (no cache, no earlier papers); a rebuild after a one-word edit to one narrative file; a
rebuild after one figure changes; and, as the peer, a plain script that does the same imports
and draws the same charts (benchmarks/charts_only.py). Targets:
- the one-word edit rebuilds in at most 0.3 of the cold build;
- the cold build is no slower than the peer script;
- ``--help`` takes at most a tenth of the time of importing pandas and matplotlib;
- the strategic assessment alone builds in about twice its charts' drawing time at most.
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


def seconds(args: list[str], cwd: Path) -> float:
    began = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - began


def fresh_project(into: Path) -> Path:
    project = into / "example"
    project.mkdir()
    shutil.copy2(REPO / "committeepack.toml", project)
    for folder in ("inputs", "templates"):
        shutil.copytree(REPO / folder, project / folder)
    return project


def replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def measure(project: Path) -> dict[str, float]:
    times = {
        "help": seconds([*COMMAND, "--help"], project),
        "imports": seconds([sys.executable, "-c", "import pandas, matplotlib.pyplot"], project),
    }
    for folder in ("out", ".committeepack-cache"):
        shutil.rmtree(project / folder, ignore_errors=True)
    times["cold"] = seconds([*COMMAND, "build"], project)
    narrative = project / "inputs" / "agenda-item.md"
    replace(narrative, "Each year the", "Every year the")
    times["word"] = seconds([*COMMAND, "build"], project)
    replace(narrative, "Every year the", "Each year the")
    seconds([*COMMAND, "build"], project)
    crime = project / "inputs" / "figures" / "wards.csv"
    replace(crime, "Market Square,1804,1762", "Market Square,1804,1763")
    times["figure"] = seconds([*COMMAND, "build"], project)
    replace(crime, "Market Square,1804,1763", "Market Square,1804,1762")
    times["peer"] = seconds([sys.executable, str(REPO / "benchmarks" / "charts_only.py")], project)
    for folder in ("out", ".committeepack-cache"):
        shutil.rmtree(project / folder, ignore_errors=True)
    times["sa"] = seconds([*COMMAND, "build", "strategic-assessment"], project)
    return times


LABELS = {
    "help": "committeepack --help",
    "imports": "import pandas and matplotlib",
    "cold": "cold build, every paper",
    "word": "rebuild after a one-word narrative edit",
    "figure": "rebuild after one figure changes",
    "peer": "peer: the same imports and charts only",
    "sa": "cold build, strategic assessment only",
}


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        project = fresh_project(Path(tmp))
        for _ in range(repeat):
            runs.append(measure(project))
    median = {key: statistics.median(run[key] for run in runs) for key in LABELS}
    width = max(len(label) for label in LABELS.values())
    print(f"{'step':{width}}  median seconds of {repeat}")
    for key, label in LABELS.items():
        print(f"{label:{width}}  {median[key]:.3f}")
    checks = [
        ("one-word edit / cold build <= 0.3", median["word"] / median["cold"], 0.3),
        ("cold build / peer <= 1.0", median["cold"] / median["peer"], 1.0),
        ("--help / imports <= 0.1", median["help"] / median["imports"], 0.1),
        ("strategic assessment / peer <= 2.0", median["sa"] / median["peer"], 2.0),
    ]
    print()
    for name, ratio, limit in checks:
        print(f"{name:{width}}  {ratio:.2f}  {'met' if ratio <= limit else 'NOT MET'}")


if __name__ == "__main__":
    main()
