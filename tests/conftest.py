"""Shared fixtures: copies of the bundled example and of small projects under fixtures/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from hypothesis import settings

from committeepack.cli import cli

# no per-example time limit: speed is measured in benchmarks/, and on a busy machine the
# first example (importing what it needs) failed a 200 ms deadline in CI
settings.register_profile("committeepack", deadline=None)
settings.load_profile("committeepack")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


MONO = "DejaVu Sans Mono"  # a monospaced face, unlike Arial's widths (fonts-dejavu-core)


@pytest.fixture
def mono():
    """The files of DejaVu Sans Mono as fontconfig finds them (skips where it cannot)."""
    from committeepack import font_files

    found, _ = font_files.lookup(MONO)
    if found is None:
        pytest.skip(f"{MONO} and fontconfig needed (Debian: fonts-dejavu-core)")
    return found


def copy_project(source: Path, target: Path) -> Path:
    """Copy a project's configuration, inputs and templates (never its out/)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / "committeepack.toml", target / "committeepack.toml")
    for folder in ("inputs", "templates"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, target / folder)
    return target


@pytest.fixture
def example(tmp_path) -> Path:
    """A fresh copy of the bundled example project (the repository root)."""
    return copy_project(REPO, tmp_path / "example")


@pytest.fixture
def minimal(tmp_path) -> Path:
    """A fresh copy of the smallest complete project, for error tests."""
    return copy_project(FIXTURES / "minimal", tmp_path / "minimal")


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be present) by ``new`` in a text file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def join_agenda(project: Path, title: str, file: str, appendices: list[str] = ()) -> None:
    """Put the report ``file`` (written elsewhere) on the agenda after the agenda item, as
    ``[[agenda.reports]]`` entries of the project's configuration."""
    entry = f'title = "{title}"\nfile = "{file}"\n'
    if appendices:
        entry += "appendices = [" + ", ".join(f'"{a}"' for a in appendices) + "]\n"
    with open(project / "committeepack.toml", "a", encoding="utf-8") as config:
        config.write(f'\n[[agenda.reports]]\npaper = "agenda-item"\n\n[[agenda.reports]]\n{entry}')


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOTX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCM_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
DOTM_TYPE = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"


def saved_as(path: Path, content_type: str) -> None:
    """The Word file at ``path`` with its main part's type changed to ``content_type``, as
    Word saves a template (``DOTX_TYPE``) or a document with macros (``DOCM_TYPE``)."""
    import zipfile

    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    types = parts["[Content_Types].xml"]
    assert DOCX_TYPE.encode() in types
    parts["[Content_Types].xml"] = types.replace(DOCX_TYPE.encode(), content_type.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


PROGRESS = re.compile(r"^(\[\d+/\d+\] \S+|drawing charts)$")


def run(project: Path, *args: str):
    """Run ``committeepack ARGS --project PROJECT``.

    ``output`` is what the user reads (summary, warnings, errors) without the progress lines,
    which are in ``progress``.
    """
    runner = CliRunner()
    command, *rest = args
    if command == "build" and not any("page-numbers" in a for a in rest):
        # numbering the contents runs LibreOffice (seconds a build); the default is tested
        # on its own in test_libreoffice.py
        rest.append("--no-page-numbers")
    result = runner.invoke(cli, [command, *rest, "--project", str(project)], catch_exceptions=False)
    lines = result.output.splitlines(keepends=True)
    return SimpleNamespace(
        exit_code=result.exit_code,
        output="".join(line for line in lines if not PROGRESS.match(line.strip())),
        progress=[line.strip() for line in lines if PROGRESS.match(line.strip())],
        stdout=result.stdout,
        stderr=result.stderr,
    )


@pytest.fixture
def figures(tmp_path) -> Path:
    """A fresh copy of a small project with figure tables and a strategic assessment."""
    return copy_project(FIXTURES / "figures", tmp_path / "figures")


def replace_line(path: Path, old: str, new: str) -> None:
    """Replace a whole line of a data file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert old in lines, f"{old!r} not a line of {path}"
    lines[lines.index(old)] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def use_crime_workbook(figures: Path, workbook) -> None:
    """Save ``workbook`` (its crime table on the sheet "Crime") and read the crime table from it."""
    workbook.save(figures / "inputs/crime.xlsx")
    edit(
        figures / "committeepack.toml",
        'file = "inputs/crime.csv"',
        'workbook = "inputs/crime.xlsx"\nsheet = "Crime"',
    )


def set_monthly_option(figures: Path, setting: str) -> None:
    """Add ``setting`` (one TOML line) to the monthly table of the ``figures`` project, on
    line 69 of its committeepack.toml."""
    edit(figures / "committeepack.toml", 'measure = "ASB incidents"', f'measure = "ASB"\n{setting}')


def built_with_monthly_option(figures: Path, setting: str) -> str | None:
    """Build the ``figures`` project with ``setting`` in its monthly table: None when it
    builds, else what the user reads (never a traceback)."""
    set_monthly_option(figures, setting)
    result = run(figures, "build")
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        return None
    assert result.exit_code == 1
    return result.output


def refused_publish(project: Path) -> str:
    """Publish ``project``, which must be refused before any PDF is made: its last line."""
    result = run(project, "publish")
    assert result.exit_code == 1
    assert not list((project / "out").glob("**/*.pdf"))
    return result.output.strip().splitlines()[-1]
