"""Every path an input names stays inside the project (or a declared shared folder): an
escaping path or a link pointing outside is one error naming the key and its line, and the
file is never opened."""

import shutil

import pytest

from conftest import edit, run

SECRET = "district,population\nnot,for reading\n"


def outside_file(project, name="outside.csv"):
    target = project.parent / name
    target.write_text(SECRET, encoding="utf-8")
    return target


def one_error(project) -> str:
    result = run(project, "build")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "not,for reading" not in result.output  # the file was never read
    [line] = result.output.splitlines()
    return line


@pytest.mark.parametrize("written", ["../outside.csv", "../../outside.csv"])
def test_a_table_file_outside_the_project(figures, written):
    outside_file(figures)
    outside_file(figures.parent)
    edit(figures / "committeepack.toml", 'file = "inputs/crime.csv"', f'file = "{written}"')
    line = one_error(figures)
    assert line.startswith("Error: committeepack.toml:52: tables.crime.file: ")
    assert f"'{written}' is outside the project folder" in line
    assert '[project] shared = ["../county-data"]' in line


def test_a_link_inside_the_project_pointing_outside_is_refused(figures):
    link = figures / "inputs" / "crime.csv"
    link.unlink()
    link.symlink_to(outside_file(figures))
    line = one_error(figures)
    assert "tables.crime.file: 'inputs/crime.csv' is a link to a file that is outside the " in line


def test_a_linked_folder_inside_the_project_pointing_outside_is_refused(figures):
    elsewhere = figures.parent / "elsewhere"
    elsewhere.mkdir()
    shutil.move(figures / "inputs" / "crime.csv", elsewhere / "crime.csv")
    (figures / "inputs" / "county").symlink_to(elsewhere)
    edit(
        figures / "committeepack.toml",
        'file = "inputs/crime.csv"',
        'file = "inputs/county/crime.csv"',
    )
    line = one_error(figures)
    assert (
        "tables.crime.file: 'inputs/county/crime.csv' is in a linked folder that is outside the "
        "project folder; keep the file in the project, or declare its folder as shared" in line
    )


def test_a_shared_folder_may_be_read(figures):
    county = figures.parent / "county-data"
    county.mkdir()
    shutil.move(figures / "inputs" / "crime.csv", county / "crime.csv")
    edit(
        figures / "committeepack.toml",
        'file = "inputs/crime.csv"',
        'file = "../county-data/crime.csv"',
    )
    toml = (figures / "committeepack.toml").read_text(encoding="utf-8")
    (figures / "committeepack.toml").write_text(
        '[project]\nshared = ["../county-data"]\n\n' + toml, encoding="utf-8"
    )
    result = run(figures, "build")
    assert result.exit_code == 0, result.output


def test_a_shared_folder_that_does_not_exist(minimal):
    toml = (minimal / "committeepack.toml").read_text(encoding="utf-8")
    (minimal / "committeepack.toml").write_text(
        '[project]\nshared = ["../nowhere"]\n\n' + toml, encoding="utf-8"
    )
    assert one_error(minimal) == (
        "Error: committeepack.toml:2: project.shared (entry 1): no folder '../nowhere'"
    )


def test_an_implications_file_outside_the_project(minimal):
    outside_file(minimal, "passwd")
    edit(
        minimal / "inputs" / "agenda-item.md",
        "purpose: noting",
        "purpose: noting\nimplications: ../../passwd",
    )
    line = one_error(minimal)
    assert line.startswith(
        "Error: inputs/agenda-item.md:9: implications: '../../passwd' is outside"
    )


def test_an_image_outside_the_project(minimal):
    outside_file(minimal, "picture.png")
    edit(
        minimal / "inputs" / "agenda-item.md",
        "# Executive Summary\n",
        "# Executive Summary\n\n![A chart](../../picture.png)\n",
    )
    line = one_error(minimal)
    assert line.startswith("Error: inputs/agenda-item.md:14: image '../../picture.png' is outside")


def test_a_narrative_linked_from_outside(minimal):
    narrative = minimal / "inputs" / "agenda-item.md"
    target = minimal.parent / "agenda-item.md"
    shutil.move(narrative, target)
    narrative.symlink_to(target)
    line = one_error(minimal)
    assert line.startswith(
        "Error: inputs/agenda-item.md: is a link to a file that is outside the project"
    )


def test_a_template_linked_from_outside(minimal):
    assert run(minimal, "templates").exit_code == 0
    template = minimal / "templates" / "agenda-item.docx"
    target = minimal.parent / "agenda-item.docx"
    shutil.move(template, target)
    template.symlink_to(target)
    line = one_error(minimal)
    assert line.startswith(
        "Error: templates/agenda-item.docx: is a link to a file that is outside the project"
    )


LONG = "x" * 256  # one more byte than any file system allows in one part of a name
LONG_SHOWN = "x" * 40 + "..."
TOO_LONG = "has a part longer than 255 characters, which no file name can be; check it"


@pytest.mark.parametrize(
    ("written", "shown", "problem"),
    [
        (f"inputs/{LONG}.csv", f"inputs/{'x' * 33}...", TOO_LONG),
        ("inputs/a\\u0000b.csv", "inputs/a\\x00b.csv", None),
        ("inputs/a\\tb.csv", "inputs/a\\tb.csv", None),
        (
            "inputs\\\\crime.csv",
            "inputs\\\\crime.csv",
            "separates folders with \\, which only Windows reads; write 'inputs/crime.csv', "
            "which works on every computer",
        ),
    ],
)
def test_a_table_file_name_not_every_system_reads_is_one_error(figures, written, shown, problem):
    edit(figures / "committeepack.toml", 'file = "inputs/crime.csv"', f'file = "{written}"')
    problem = problem or "holds a control character, which no file name has; retype the name"
    assert one_error(figures) == (
        f"Error: committeepack.toml:52: tables.crime.file: '{shown}' {problem}"
    )


def test_a_name_of_255_bytes_is_only_a_missing_file(figures):
    edit(figures / "committeepack.toml", 'file = "inputs/crime.csv"', f'file = "{"x" * 255}"')
    assert "no file" in one_error(figures) or "not found" in one_error(figures)


def test_a_shared_folder_no_system_could_hold_is_one_error(figures):
    config = figures / "committeepack.toml"
    config.write_text(f'[project]\nshared = ["{LONG}"]\n\n' + config.read_text(encoding="utf-8"))
    assert one_error(figures) == (
        f"Error: committeepack.toml:2: project.shared (entry 1): '{LONG_SHOWN}' {TOO_LONG}"
    )


def test_an_image_no_system_could_hold_is_one_error(minimal):
    edit(
        minimal / "inputs" / "agenda-item.md",
        "# Executive Summary\n",
        f"# Executive Summary\n\n![A chart]({LONG}.png)\n",
    )
    assert one_error(minimal) == f"Error: inputs/agenda-item.md:14: image '{LONG_SHOWN}' {TOO_LONG}"


def test_an_implications_file_no_system_could_hold_is_one_error(minimal):
    edit(
        minimal / "inputs" / "agenda-item.md",
        "purpose: noting",
        f"purpose: noting\nimplications: {LONG}.md",
    )
    assert one_error(minimal) == (
        f"Error: inputs/agenda-item.md:9: implications: '{LONG_SHOWN}' {TOO_LONG}"
    )


def test_a_configuration_linked_from_outside_is_not_read(minimal):
    config = minimal / "committeepack.toml"
    target = minimal.parent / "committeepack.toml"
    shutil.move(config, target)
    config.symlink_to(target)
    assert one_error(minimal) == (
        "Error: committeepack.toml: is a link to a file outside the project folder, which "
        "committeepack does not read; copy the file into the project"
    )


def test_a_configuration_linked_within_the_project_is_read(minimal):
    config = minimal / "committeepack.toml"
    (minimal / "settings").mkdir()
    shutil.move(config, minimal / "settings" / "committeepack.toml")
    config.symlink_to(minimal / "settings" / "committeepack.toml")
    assert run(minimal, "build").exit_code == 0


def test_links_in_inputs_to_files_outside_are_never_read(example, monkeypatch):
    from committeepack import filehash, table_use

    outside = example.parent / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes((example / "templates" / "plan.docx").read_bytes()[:64])
    (outside / "secret.md").write_text("{{ wards }}\n", encoding="utf-8")
    (example / "inputs" / "secret.png").symlink_to(outside / "secret.png")
    (example / "inputs" / "notes.md").symlink_to(outside / "secret.md")
    template = example / "templates" / "plan.docx"
    template.rename(outside / "plan.docx")
    template.symlink_to(outside / "plan.docx")
    read = []
    hash_of, read_text = filehash.FileHashes.of, table_use._read
    monkeypatch.setattr(
        filehash.FileHashes, "of", lambda self, path: read.append(path) or hash_of(self, path)
    )
    monkeypatch.setattr(table_use, "_read", lambda path: read.append(path) or read_text(path))
    template_text = table_use._template_text
    monkeypatch.setattr(
        table_use, "_template_text", lambda path: read.append(path) or template_text(path)
    )
    result = run(example, "build", "--no-page-numbers")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: templates/plan.docx: is a link to a file that is outside the project folder; "
        "keep the file in the project, or declare its folder as shared in committeepack.toml, "
        'for example  [project] shared = ["../county-data"]'
    ]
    assert read  # the spies saw the project's own files
    assert [p for p in read if not p.resolve().is_relative_to(example.resolve())] == []


def _pipe_at(path) -> None:
    import os

    path.unlink()
    os.mkfifo(path)


def test_a_table_that_is_a_named_pipe_is_one_error_not_a_wait(figures):
    _pipe_at(figures / "inputs" / "crime.csv")
    assert one_error(figures) == (
        "Error: committeepack.toml:52: tables.crime.file: 'inputs/crime.csv' is a named pipe, "
        "not a file, so reading it could wait for ever or never end; put the table's file "
        "itself there"
    )


@pytest.mark.parametrize("name", ["agenda-item.md", "implications.md"])
def test_a_narrative_that_is_a_named_pipe_is_one_error(minimal, name):
    _pipe_at(minimal / "inputs" / name)
    assert one_error(minimal) == (
        f"Error: inputs/{name}: is a named pipe, not a file, so reading it could wait for ever "
        "or never end; put the file itself there"
    )


def test_a_link_to_a_device_is_refused_before_it_is_read(figures):
    link = figures / "inputs" / "crime.csv"
    link.unlink()
    link.symlink_to("/dev/zero")
    line = one_error(figures)
    assert "tables.crime.file: 'inputs/crime.csv' is a link to a file that is outside" in line


def test_a_logo_that_is_a_named_pipe_is_one_error(minimal):
    import os

    os.mkfifo(minimal / "inputs" / "crest.png")
    with open(minimal / "committeepack.toml", "a", encoding="utf-8") as config:
        config.write('\n[branding]\nlogo = "inputs/crest.png"\n')
    line = one_error(minimal)
    assert line.startswith("Error: committeepack.toml:")
    assert line.endswith(
        "branding.logo: 'inputs/crest.png' is a named pipe, not a file; put the logo's file there"
    )
