"""Hostile and broken inputs, generated: every build either succeeds or says what is wrong in
``Error:`` lines with exit status 1, never a traceback, and out/ is left unchanged or complete.

Runs a few hundred examples in CI; ``FUZZ_EXAMPLES=10000 pytest tests/test_fuzz.py`` runs a
long campaign.
"""

import os
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from committeepack.cli import cli
from committeepack.output import MANIFEST, sha256

from conftest import FIXTURES

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
FILES = [
    "committeepack.toml",
    "inputs/agenda-item.md",
    "inputs/implications.md",
    "inputs/crime.csv",
    "inputs/districts.csv",
    "templates/agenda-item.docx",
]
SNIPPETS = [
    "{{ meeting }}",
    "{{ people }}",
    "{{ none }}",
    "{% for x in people %}",
    "{% if %}",
    "{{",
    "../../../../etc/passwd",
    "2026-02-31",
    "31/02/2026",
    "nan",
    "1e309",
    "[[implications]]",
    "[brandng]",
    "\ufeff",
    "\x00",
    "£",
    "---",
    "# Unknown Section",
    "![](../../outside.png)",
    'logo = "/etc/passwd"',
    "key: [unclosed",
    "  - item",
    "= =",
    '"""',
    "\t",
    "\r\n",
]


@st.composite
def mutation(draw):
    name = draw(st.sampled_from(FILES))
    kind = draw(st.sampled_from(["delete", "duplicate", "insert", "replace", "truncate"]))
    line = draw(st.integers(min_value=0, max_value=200))
    snippet = draw(st.sampled_from(SNIPPETS) | st.text(max_size=12))
    return name, kind, line, snippet


def mutate(project: Path, name: str, kind: str, line: int, snippet: str) -> None:
    path = project / name
    if path.suffix == ".docx":
        mutate_template(path, kind, line, snippet)
        return
    lines = path.read_text(encoding="utf-8").split("\n")
    at = line % max(len(lines), 1)
    if kind == "delete":
        del lines[at]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    elif kind == "insert":
        lines.insert(at, snippet)
    elif kind == "replace":
        lines[at] = lines[at][: len(lines[at]) // 2] + snippet
    else:
        lines = lines[:at]
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))


def mutate_template(path: Path, kind: str, line: int, snippet: str) -> None:
    """The same mutations on the template's paragraphs, as an officer editing it in Word."""
    import docx

    document = docx.Document(str(path))
    paragraphs = document.paragraphs
    paragraph = paragraphs[line % len(paragraphs)]
    text = paragraph.text
    if kind in ("delete", "truncate"):
        text = text[: len(text) // 2]
    elif kind == "duplicate":
        text = text + text
    elif kind == "insert":
        text = snippet + text
    else:
        text = text[: len(text) // 2] + snippet
    for run in paragraph.runs[1:]:
        run.text = ""
    if paragraph.runs:
        try:
            paragraph.runs[0].text = text
        except ValueError:  # text XML cannot hold (a control character): Word would refuse it
            return
    document.save(str(path))


BUILT: dict[str, Path] = {}


def built_project(into: Path) -> Path:
    """A copy of the figures project with its own templates, already built once (built once
    per session)."""
    if "figures" not in BUILT:
        base = Path(tempfile.mkdtemp()) / "figures"
        shutil.copytree(FIXTURES / "figures", base)
        runner = CliRunner()
        assert runner.invoke(cli, ["-q", "templates", "--project", str(base)]).exit_code == 0
        assert runner.invoke(cli, ["-q", "build", "--project", str(base)]).exit_code == 0
        BUILT["figures"] = base
    project = into / "project"
    shutil.copytree(BUILT["figures"], project, symlinks=True)
    return project


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.glob("*.docx")} if out.is_dir() else {}


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=EXAMPLES <= 100,  # CI runs the same examples every time
)
@given(st.lists(mutation(), min_size=1, max_size=3))
def test_any_mutation_builds_or_says_what_is_wrong(mutations):
    with tempfile.TemporaryDirectory() as tmp:
        project = built_project(Path(tmp))
        runner = CliRunner()
        before = snapshot(project / "out")
        for change in mutations:
            mutate(project, *change)
        result = runner.invoke(cli, ["build", "--project", str(project)])
        output = result.output
        assert "Traceback" not in output
        assert result.exit_code in (0, 1), (mutations, output, result.exception)
        if result.exception is not None:
            assert isinstance(result.exception, SystemExit), (mutations, result.exception)
        if result.exit_code == 1:
            errors = [line for line in output.splitlines() if line.startswith("Error: ")]
            assert errors, (mutations, output)
            assert snapshot(project / "out") == before  # nothing half-written
        else:
            manifest = (project / "out" / MANIFEST).read_text(encoding="utf-8")
            for name, data in snapshot(project / "out").items():
                assert sha256(data) in manifest, name
