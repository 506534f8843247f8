"""Time committeepack on the bundled example, with the targets of the regeneration work.

Run from the repository root after installing:
    python benchmarks/bench.py [REPEATS] [--against OTHER_PYTHON]

``--against`` names the Python of another installation of committeepack (an earlier version,
in its own virtual environment); its cold build, one-word edit and ``--help`` are measured in
the same run, alternating with this version's, on its own bundled example (made with its
``committeepack new``), so the two can be compared fairly. Every
timing also reports the CPU seconds of all processes (the chart-drawing processes included).

Measures, on a fresh copy of the example: ``committeepack --help``; a cold build of every
paper (no cache, no earlier papers); a rebuild after a one-word edit to one narrative file; a
rebuild after one figure changes; as the peer, a plain script that reads the same figures
and draws the same charts (benchmarks/charts_only.py); and the same cold build done in one
process (benchmarks/one_process.py), which shows what drawing in processes costs; and, where
``taskset`` exists, both ways of drawing again with every process held to one core
(benchmarks/forced.py), which leaves out what the machine's cores cost each other. Targets:
- the one-word edit rebuilds in at most 0.3 of the cold build;
- the cold build is no slower than the peer script;
- ``--help`` takes at most a tenth of the time of importing pandas and matplotlib;
- the strategic assessment alone builds in about twice its charts' drawing time at most;
- the CPU of all a cold build's processes is no more than the peer's;
- a build with the contents' page numbers takes at most 1.5 times one without.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-m", "committeepack"]


CPU: dict[str, float] = {}  # CPU seconds of the last measurement of each step


def _adopt_orphans() -> None:
    """Become the "subreaper" of the commands run (Linux): a process a command leaves to end
    by itself (the fork server) is then this script's to wait for, and its CPU is counted."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _reap_orphans() -> None:
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def seconds(args: list[str], cwd: Path, step: str = "") -> float:
    """Wall seconds of one command (until it exits); its CPU seconds, of all the processes it
    started, even those that end after it, go to ``CPU[step]``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)
    wall = time.perf_counter() - began
    _reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if step:
        CPU[step] = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall


SPIN = "import time\nt = time.process_time()\nx = 0\nfor i in range(8_000_000): x += i * i % 7\n"


def contention() -> float:
    """CPU seconds of a fixed piece of Python work when two copies run at once, against one
    alone: above 1 where the machine's cores slow each other down (cores sharing caches, or
    a virtual machine's cores sharing a physical one). Whatever a build runs side by side
    costs this much more CPU than run one after the other, however it is arranged."""
    command = [sys.executable, "-c", SPIN]

    def cpu(copies: int) -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        running = [subprocess.Popen(command) for _ in range(copies)]
        for process in running:
            process.wait()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / copies

    ratios = [cpu(2) / cpu(1) for _ in range(3)]
    return statistics.median(ratios)


def fresh_project(into: Path) -> Path:
    project = into / "example"
    project.mkdir()
    shutil.copy2(REPO / "committeepack.toml", project)
    for folder in ("inputs", "templates"):
        shutil.copytree(REPO / folder, project / folder)
    return project


def replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def clean(project: Path) -> None:
    for folder in ("out", ".committeepack-cache"):
        shutil.rmtree(project / folder, ignore_errors=True)


def measure(project: Path, command: list[str], prefix: str = "") -> dict[str, float]:
    """Wall seconds of each step with ``command``; with a ``prefix``, only the steps that
    compare two installations."""
    times = {prefix + "help": seconds([*command, "--help"], project, prefix + "help")}
    clean(project)
    # this version numbers the contents with LibreOffice by default: measured on its own
    # ("pages"), and left out of the steps compared with the peer and earlier versions
    build = [*command, "build"] + ([] if prefix else ["--no-page-numbers"])
    times[prefix + "cold"] = seconds(build, project, prefix + "cold")
    narrative = project / "inputs" / "agenda-item.md"
    replace(narrative, "Each year the", "Every year the")
    times[prefix + "word"] = seconds(build, project, prefix + "word")
    replace(narrative, "Every year the", "Each year the")
    seconds(build, project)
    if prefix:
        return times
    clean(project)
    times["pages"] = seconds([*command, "build"], project, "pages")
    times["imports"] = seconds(
        [sys.executable, "-c", "import pandas, matplotlib.pyplot"], project, "imports"
    )
    crime = project / "inputs" / "figures" / "wards.csv"
    replace(crime, "Market Square,1804,1762", "Market Square,1804,1763")
    times["figure"] = seconds(build, project, "figure")
    replace(crime, "Market Square,1804,1763", "Market Square,1804,1762")
    peer = [sys.executable, str(REPO / "benchmarks" / "charts_only.py")]
    times["peer"] = seconds(peer, project, "peer")
    clean(project)
    one = [sys.executable, str(REPO / "benchmarks" / "one_process.py")]
    times["one"] = seconds(one, project, "one")
    if shutil.which("taskset"):  # the same two builds where their processes share one core
        core = str(min(os.sched_getaffinity(0)))
        forced = [sys.executable, str(REPO / "benchmarks" / "forced.py")]
        for mode in ("pool", "inline"):
            clean(project)
            step = f"{mode}_1"
            times[step] = seconds(["taskset", "-c", core, *forced, mode, "."], project, step)
    clean(project)
    times["sa"] = seconds([*build, "strategic-assessment"], project, "sa")
    times.update(measure_publish(project, command))
    return times


def measure_publish(project: Path, command: list[str]) -> dict[str, float]:
    """``publish`` with the papers built: cold (no PDF yet) and after a one-word edit, against
    one ``soffice --convert-to pdf`` call converting the four papers (a fresh profile each,
    as publish uses)."""
    clean(project)
    subprocess.run([*command, "build"], cwd=project, check=True, capture_output=True)
    _reap_orphans()  # its LibreOffice, killed as the build ends: not the next step's CPU
    papers = sorted((project / "out").glob("*.docx"))
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        times["soffice"] = seconds(
            [
                "soffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                *map(str, papers),
            ],
            project,
            "soffice",
        )
    times["publish"] = seconds([*command, "publish"], project, "publish")
    narrative = project / "inputs" / "agenda-item.md"
    replace(narrative, "Each year the", "Every year the")
    began = time.perf_counter()
    done = subprocess.run(
        [*command, "publish"], cwd=project, check=True, capture_output=True, text=True
    )
    times["publish_word"] = time.perf_counter() - began
    _reap_orphans()
    CPU["publish_word"] = 0.0
    made = [line for line in done.stdout.splitlines() if line.endswith(": made")]
    PUBLISH_MADE[:] = made
    replace(narrative, "Every year the", "Each year the")
    return times


PUBLISH_MADE: list[str] = []  # what the one-word edit's publish converted


LABELS = {
    "help": "committeepack --help",
    "imports": "import pandas and matplotlib",
    "cold": "cold build, every paper",
    "pages": "cold build with the contents numbered (LibreOffice)",
    "word": "rebuild after a one-word narrative edit",
    "figure": "rebuild after one figure changes",
    "peer": "peer: one process, the same charts and two .docx",
    "one": "the same cold build in one process (charts drawn in it)",
    "pool_1": "cold build, drawing processes, all on one core",
    "inline_1": "cold build in one process, on one core",
    "sa": "cold build, strategic assessment only",
    "soffice": "soffice --convert-to pdf, the four papers",
    "publish": "publish, papers built, no PDF yet",
    "publish_word": "publish after a one-word narrative edit",
}
AGAINST = {
    "was_help": "--against: committeepack --help",
    "was_cold": "--against: cold build, every paper",
    "was_word": "--against: one-word narrative edit",
}


def compile_package() -> None:
    """Write committeepack's bytecode, as ``pip install`` does: a development install where
    ``PYTHONDONTWRITEBYTECODE`` is set would otherwise compile every module on every run."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "src" / "committeepack")],
        check=True,
        capture_output=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    )


def main() -> None:
    _adopt_orphans()
    compile_package()
    args = sys.argv[1:]
    against = None
    if "--against" in args:
        at = args.index("--against")
        against = [args[at + 1], "-m", "committeepack"]
        del args[at : at + 2]
    repeat = int(args[0]) if args else 3
    runs = []
    labels = {**LABELS, **(AGAINST if against else {})}
    with tempfile.TemporaryDirectory() as tmp:
        project = fresh_project(Path(tmp))
        if against:  # the other version builds its own bundled example
            other = Path(tmp) / "against"
            subprocess.run([*against, "new", str(other)], check=True, capture_output=True)
        for _ in range(repeat):
            run = measure(project, COMMAND)
            cpu = {f"cpu_{k}": v for k, v in CPU.items()}
            if against:  # alternate, so that both see the same machine load
                run.update(measure(other, against, "was_"))
                cpu.update({f"cpu_{k}": v for k, v in CPU.items() if k.startswith("was_")})
            runs.append({**run, **cpu})
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    width = max(len(label) for label in labels.values())
    print(f"{'step':{width}}  median seconds of {repeat}: wall, CPU of all processes")
    for key, label in labels.items():
        if key not in median:
            continue
        print(f"{label:{width}}  {median[key]:6.3f}  {median['cpu_' + key]:6.3f}")
    checks = [
        ("one-word edit / cold build <= 0.3", median["word"] / median["cold"], 0.3),
        ("cold build / peer <= 1.0", median["cold"] / median["peer"], 1.0),
        ("--help / imports <= 0.1", median["help"] / median["imports"], 0.1),
        ("strategic assessment / peer <= 2.0", median["sa"] / median["peer"], 2.0),
        ("cold publish / one soffice call <= 1.3", median["publish"] / median["soffice"], 1.3),
        ("cold build CPU / peer CPU <= 1.0", median["cpu_cold"] / median["cpu_peer"], 1.0),
        ("build with page numbers / without <= 1.5", median["pages"] / median["cold"], 1.5),
        # no target: what drawing in processes costs in CPU, and saves in time
        ("cold build CPU / the same in one process", median["cpu_cold"] / median["cpu_one"], 0),
        ("cold build wall / the same in one process", median["cold"] / median["one"], 0),
        ("CPU of work run two at once / one at a time", contention(), 0),
    ]
    if "pool_1" in median:  # the processes' own cost, without cores slowing each other down
        checks.append(
            (
                "one core: CPU with processes / in one process",
                median["cpu_pool_1"] / median["cpu_inline_1"],
                0,
            )
        )
    if against:
        checks += [
            (f"{step} / --against <= 1.0", median[step] / median[f"was_{step}"], 1.0)
            for step in ("cold", "word", "help")
        ]
    print(f"\none-word edit, publish converted: {', '.join(PUBLISH_MADE)}")
    print()
    for name, ratio, limit in checks:
        verdict = "(measured)" if not limit else "met" if ratio <= limit else "NOT MET"
        print(f"{name:{width}}  {ratio:.2f}  {verdict}")


if __name__ == "__main__":
    main()
