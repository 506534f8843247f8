"""Instructions executed by a cold build of the example, with the charts drawn in processes
and in the build's own process, and by the plain peer (charts_only.py), counted by valgrind's
callgrind in every process each starts. Unlike CPU seconds, a count does not move with what
else the machine is doing, nor with how much two busy cores slow each other down: it measures
the work each arrangement does, and only that.

Run from the repository root after installing (valgrind must be on the PATH; each build runs
about fifty times slower under it, so this takes some minutes):
    python benchmarks/instructions.py

A drawing process forked from the fork server starts with the server's count (callgrind
carries it over the fork); the server's count is taken off, so each process's own work is
summed once (the server's little work after forking is taken off too much, which favours the
drawing processes by a hair).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import fresh_project

HERE = Path(__file__).resolve().parent
RUNS = {
    "drawing processes": [str(HERE / "forced.py"), "pool", "."],
    "one process": [str(HERE / "forced.py"), "inline", "."],
    "peer": [str(HERE / "charts_only.py"), "."],
}


def counted(name: str, script: list[str], into: Path) -> int:
    """The instructions of every process a run of ``script`` starts, each counted once."""
    project = fresh_project(into)
    out = into / "callgrind"
    out.mkdir()
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--trace-children=yes",
            f"--callgrind-out-file={out}/%p",
            sys.executable,
            *script,
        ],
        cwd=project,
        check=True,
        capture_output=True,
    )
    by_command: dict[str, list[tuple[int, int]]] = {}
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8", errors="replace")
        command = re.search(r"^cmd: (.*)$", text, re.M)
        total = re.search(r"^summary: (\d+)$", text, re.M)
        if command and total:
            by_command.setdefault(command.group(1), []).append((int(path.name), int(total[1])))
    instructions = 0
    for command, processes in by_command.items():
        if "forkserver" not in command:  # each started afresh (two fc-match calls, say)
            instructions += sum(count for _, count in processes)
            continue
        processes.sort()  # the fork server first, then the drawing processes it forked
        server = processes[0][1]
        instructions += server + sum(count - server for _, count in processes[1:])
    return instructions


def main() -> None:
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(2) as pool:
        folders = {name: Path(tmp) / str(i) for i, name in enumerate(RUNS)}
        for folder in folders.values():
            folder.mkdir()
        futures = {
            name: pool.submit(counted, name, script, folders[name]) for name, script in RUNS.items()
        }
        counts = {name: future.result() for name, future in futures.items()}
    width = max(map(len, counts))
    print(f"{'cold build':{width}}  instructions (billions)")
    for name, count in counts.items():
        print(f"{name:{width}}  {count / 1e9:6.2f}")
    print()
    print(f"processes / one process: {counts['drawing processes'] / counts['one process']:.3f}")
    print(f"one process / peer:      {counts['one process'] / counts['peer']:.3f}")
    print(f"processes / peer:        {counts['drawing processes'] / counts['peer']:.3f}")


if __name__ == "__main__":
    main()
