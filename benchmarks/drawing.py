"""Where charts should be drawn: the build's own process or a pool of spawned processes.

Run from the repository root after installing:  python benchmarks/drawing.py [REPEATS]

For each number of usable cores (1 up to the machine's, set with ``taskset``), a cold build of
the bundled example is timed with the charts drawn in the build's own process and with a pool
of processes, forced either way; wall time and all-process CPU (the drawing processes
included) are printed, medians of REPEATS. ``figures.drawer.pool_size`` holds the rule these
numbers chose.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import _adopt_orphans, _reap_orphans, fresh_project

FORCED = Path(__file__).with_name("forced.py")  # the build, charts drawn as told


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, every process) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    wall = time.perf_counter() - began
    _reap_orphans()  # the fork server ends after the build: its CPU counts too
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    _adopt_orphans()
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as tmp:
        project = fresh_project(Path(tmp))
        print(f"{'cores':>5}  {'mode':6}  {'wall s':>7}  {'cpu s':>7}")
        for count in range(1, cores + 1):
            cpus = ",".join(str(c) for c in sorted(os.sched_getaffinity(0))[:count])
            for mode in ("inline", "pool"):
                walls, cpus_used = [], []
                for _ in range(repeat):
                    for folder in ("out", ".committeepack-cache"):
                        shutil.rmtree(project / folder, ignore_errors=True)
                    wall, cpu = run(
                        ["taskset", "-c", cpus, sys.executable, str(FORCED), mode, str(project)]
                    )
                    walls.append(wall)
                    cpus_used.append(cpu)
                print(
                    f"{count:>5}  {mode:6}  {statistics.median(walls):7.2f}  "
                    f"{statistics.median(cpus_used):7.2f}"
                )


if __name__ == "__main__":
    main()
