"""The command line: thin over the library, quick to answer, clear when something is wrong."""

import subprocess
import sys

import pytest
from click.testing import CliRunner

from committeepack import __version__
from committeepack.cli import cli

from conftest import run


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.output == f"committeepack, version {__version__}\n"


def test_every_command_has_help():
    for command in ([], ["build"], ["new"], ["templates"], ["papers"]):
        result = CliRunner().invoke(cli, [*command, "--help"])
        assert result.exit_code == 0
        assert "Usage: " in result.output


def test_help_imports_no_heavy_library():
    code = (
        "import sys; from committeepack.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pandas', 'matplotlib', 'docx', 'docxtpl', 'jinja2') "
        "if m in sys.modules]\nprint('HEAVY', heavy)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "HEAVY []" in output


def test_papers_lists_agenda_item():
    result = CliRunner().invoke(cli, ["papers"])
    assert result.output.startswith("agenda-item ")


def test_quiet_build_prints_nothing(minimal):
    result = CliRunner().invoke(cli, ["-q", "build", "--project", str(minimal)])
    assert result.exit_code == 0
    assert result.output == ""


def test_build_summary_names_each_paper(minimal):
    result = run(minimal, "build")
    assert result.output.splitlines()[0] == "  agenda-item.docx: rewritten (new)"
    assert result.output.splitlines()[-1].startswith("1 of 1 paper(s) rewritten in ")


def test_new_starts_a_project_that_builds(tmp_path):
    target = tmp_path / "eastmarsh"
    result = CliRunner().invoke(cli, ["new", str(target)])
    assert result.exit_code == 0, result.output
    assert (target / "committeepack.toml").is_file()
    assert (target / "inputs" / "agenda-item.md").is_file()
    assert (target / "templates" / "agenda-item.docx").is_file()
    assert run(target, "build").exit_code == 0
    assert (target / "out" / "agenda-item.docx").is_file()


def test_new_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    result = CliRunner().invoke(cli, ["new", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path}: already exists and is not an empty folder; choose a new folder name\n"
    )


def test_new_where_no_folder_can_be_made_is_one_line_and_leaves_nothing(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("mine")
    result = CliRunner().invoke(cli, ["new", str(blocked / "project")])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {blocked / 'project'}: cannot be made (Not a directory); choose a folder you "
        "can write to\n"
    )
    assert blocked.read_text() == "mine"


def test_new_refuses_a_name_with_a_control_character(tmp_path):
    target = tmp_path / "bad\x01name"
    result = CliRunner().invoke(cli, ["new", str(target)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {str(target)!r}: holds a control character, which no file name has; retype "
        "the name\n"
    )
    assert not target.exists()


def test_progress_is_plain_lines_on_stderr_when_not_a_terminal(figures):
    result = run(figures, "build")
    assert result.progress == [
        "drawing charts",
        "[1/3] agenda-item",
        "[2/3] strategic-assessment",
        "[3/3] data-on-a-page",
    ]
    assert "[1/3] agenda-item" in result.stderr and "[1/3]" not in result.stdout


def test_new_excel_keeps_the_figures_in_one_workbook_that_builds_the_same_papers(tmp_path):
    import docx
    from openpyxl import load_workbook

    from outline import outline

    runner = CliRunner()
    for name, extra in (("csv", []), ("excel", ["--excel"])):
        result = runner.invoke(cli, ["new", str(tmp_path / name), *extra])
        assert result.exit_code == 0, result.output
        assert runner.invoke(cli, ["build", "-p", str(tmp_path / name)]).exit_code == 0
    figures = tmp_path / "excel/inputs/figures"
    assert [p.name for p in figures.iterdir()] == ["figures.xlsx"]
    book = load_workbook(figures / "figures.xlsx")
    config = (tmp_path / "excel/committeepack.toml").read_text()
    assert "file =" not in config and 'sheet = "actions"' in config
    actions = book["actions"]
    assert actions["A1"].font.bold and actions.freeze_panes == "A2"
    lists = {v.formula1 for v in actions.data_validations.dataValidation}
    assert '"Delivered,Complete,Ongoing,On hold,Not started"' in lists
    assert any("violence" in f for f in lists)
    for paper in ("agenda-item", "strategic-assessment", "data-on-a-page", "community-safety-plan"):
        csv_paper = docx.Document(str(tmp_path / "csv/out" / f"{paper}.docx"))
        excel_paper = docx.Document(str(tmp_path / "excel/out" / f"{paper}.docx"))
        assert outline(excel_paper) == outline(csv_paper), paper


def test_several_projects_build_in_one_command_and_a_failure_stops_only_its_own(tmp_path, minimal):
    import shutil

    county = tmp_path / "county"
    for name in ("ashby", "brent", "crowle"):
        shutil.copytree(minimal, county / name)
    (county / "notes").mkdir()  # not a project: left alone
    (county / "brent/inputs/agenda-item.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["build", "--no-page-numbers", "--projects", str(county)], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert (county / "ashby/out/agenda-item.docx").is_file()
    assert (county / "crowle/out/agenda-item.docx").is_file()
    assert not (county / "brent/out").exists()
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert errors and all(
        line.startswith(f"Error: {(county / 'brent/inputs/agenda-item.md').as_posix()}:")
        for line in errors
    )
    assert result.output.splitlines()[-1] == (f"2 of 3 project(s) done; failed: {county / 'brent'}")


def test_project_can_be_given_more_than_once(tmp_path, minimal):
    import shutil

    other = tmp_path / "other"
    shutil.copytree(minimal, other)
    result = CliRunner().invoke(
        cli,
        ["build", "--no-page-numbers", "-p", str(minimal), "-p", str(other)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "2 of 2 project(s) done"
    assert (minimal / "out/agenda-item.docx").is_file() and (
        other / "out/agenda-item.docx"
    ).is_file()


def test_watch_follows_a_single_project(tmp_path, minimal):
    result = CliRunner().invoke(cli, ["build", "--watch", "-p", str(minimal), "-p", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == "Error: --watch follows one project; give a single --project\n"


@pytest.mark.parametrize("command", ["build", "publish", "templates", "changes"])
def test_a_project_folder_that_does_not_exist_is_one_line(minimal, command):
    # it used to build the project of a parent folder instead
    missing = minimal / "inputs" / "nowhere"
    result = run(missing, command)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: no folder '{missing}'; give the folder of a project (the one holding "
        "committeepack.toml)\n"
    )
    assert not (minimal / "out").exists()


@pytest.mark.parametrize("command", ["build", "publish", "templates", "changes", "new"])
def test_a_project_folder_no_system_could_name_is_one_line(tmp_path, command):
    # Python's own "File name too long" came out as a traceback
    folder = tmp_path / ("x" * 300)
    if command == "new":
        result = CliRunner().invoke(cli, ["new", str(folder)])
        assert result.output == (
            f"Error: {str(folder)!r}: has a part longer than 255 characters, which no file name can "
            "be; check it\n"
        )
    else:
        result = run(folder, command)
        assert result.output == (
            f"Error: the folder '{str(folder)[:40]}...' has a part longer than 255 "
            "characters, which no file name can be; check it\n"
        )
    assert result.exit_code == 1


def test_a_narrative_that_is_a_folder_is_one_line(minimal):
    narrative = minimal / "inputs" / "agenda-item.md"
    narrative.unlink()
    narrative.mkdir()
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: inputs/agenda-item.md: is a folder, not a file; put the Markdown file here\n"
    )


def test_only_warnings_that_may_explain_an_error_are_shown_with_it():
    from pathlib import Path

    from committeepack.cli_support import problem_lines
    from committeepack.errors import ColumnNotRead, ErrorList, InputError

    not_read = ColumnNotRead("column 'Base' is not read as 'base'", "inputs/survey.csv", 1)
    other = InputError("'TBC' looks like a drafting mark", "inputs/plan.md", 3)
    error = InputError("no base to take a share of", "inputs/plan.md", 37)
    error.warned = [other, not_read, not_read]
    assert problem_lines(error) == [
        "Warning: inputs/survey.csv:1: column 'Base' is not read as 'base'",
        "Error: inputs/plan.md:37: no base to take a share of",
    ]
    assert problem_lines(error, Path("county/b")) == [
        "Warning: county/b/inputs/survey.csv:1: column 'Base' is not read as 'base'",
        "Error: county/b/inputs/plan.md:37: no base to take a share of",
    ]
    strict = ErrorList([not_read])  # --strict: the warning is the error, said once
    strict.warned = [not_read]
    assert problem_lines(strict) == [
        "Error: inputs/survey.csv:1: column 'Base' is not read as 'base'"
    ]
