"""Writing papers: atomic, recorded, never overwriting a hand edit without saying so."""

import zipfile

import docx
import pytest

from committeepack.output import MANIFEST

from conftest import edit, run


def test_rebuild_is_byte_identical_and_reported_unchanged(minimal):
    assert run(minimal, "build").exit_code == 0
    first = (minimal / "out" / "agenda-item.docx").read_bytes()
    result = run(minimal, "build")
    assert result.exit_code == 0
    assert "agenda-item.docx: unchanged" in result.output
    assert (minimal / "out" / "agenda-item.docx").read_bytes() == first
    with zipfile.ZipFile(minimal / "out" / "agenda-item.docx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_hand_edited_paper_is_not_overwritten(minimal):
    assert run(minimal, "build").exit_code == 0
    paper = minimal / "out" / "agenda-item.docx"
    document = docx.Document(str(paper))
    document.add_paragraph("An officer's late correction.")
    document.save(str(paper))
    edited = paper.read_bytes()

    edit(minimal / "inputs" / "agenda-item.md", "Publish the plan.", "Publish it.")
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: out/agenda-item.docx: changed since committeepack wrote it (edited by hand?); "
        "copy your edits into the inputs, or run the build again with --force to replace it "
        "(a copy of this version is kept next to it)\n"
    )
    assert paper.read_bytes() == edited

    result = run(minimal, "build", "--force")
    assert result.exit_code == 0
    backups = list((minimal / "out").glob("agenda-item.edited-*.docx"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == edited
    assert result.output.startswith(
        "  agenda-item.docx: rewritten (inputs/agenda-item.md changed); your edited copy is "
        f"kept as {backups[0].name}\n"
    )
    assert "Publish it." in "\n".join(p.text for p in docx.Document(str(paper)).paragraphs)


@pytest.mark.parametrize("record", ["lost", "damaged"])
def test_a_paper_committeepack_has_no_record_of_writing_is_kept(minimal, record):
    assert run(minimal, "build").exit_code == 0
    manifest = minimal / "out" / MANIFEST
    manifest.unlink() if record == "lost" else manifest.write_text("{not json")
    before = (minimal / "out" / "agenda-item.docx").read_bytes()
    edit(minimal / "inputs" / "agenda-item.md", "Publish the plan.", "Publish it.")
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: out/agenda-item.docx: is not a file committeepack wrote, as far as its record "
        "(out/.committeepack-manifest.json) shows; move it away if it is someone's work, or run "
        "the build again with --force to replace it (a copy of this version is kept next to it)\n"
    )
    assert (minimal / "out" / "agenda-item.docx").read_bytes() == before
    assert run(minimal, "build", "--force").exit_code == 0


def test_failed_build_leaves_previous_paper_and_no_temporary_files(minimal):
    assert run(minimal, "build").exit_code == 0
    before = (minimal / "out" / "agenda-item.docx").read_bytes()
    edit(minimal / "inputs" / "agenda-item.md", "purpose: noting", "purpose: maybe")
    assert run(minimal, "build").exit_code == 1
    assert (minimal / "out" / "agenda-item.docx").read_bytes() == before
    assert sorted(p.name for p in (minimal / "out").iterdir()) == [MANIFEST, "agenda-item.docx"]


def test_paper_not_from_committeepack_is_protected(minimal):
    (minimal / "out").mkdir()
    (minimal / "out" / "agenda-item.docx").write_bytes(b"someone else's file")
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: out/agenda-item.docx: is not a file committeepack wrote"
    )


def test_unknown_paper_name(minimal):
    result = run(minimal, "build", "agenda")
    assert result.exit_code == 1
    assert result.output == (
        "Error: no paper called 'agenda'; the papers are: agenda-item, strategic-assessment, "
        "data-on-a-page, plan\n"
    )


def test_core_properties_are_valid_and_set_from_the_project(minimal):
    assert run(minimal, "build").exit_code == 0
    with zipfile.ZipFile(minimal / "out" / "agenda-item.docx") as archive:
        core = archive.read("docProps/core.xml").decode()
    # a second lastModifiedBy in another namespace makes Word call the file corrupt
    assert core.count("lastModifiedBy") == 2  # one opening and one closing tag
    assert "custom-properties" not in core
    props = docx.Document(str(minimal / "out" / "agenda-item.docx")).core_properties
    assert props.title == "Test Report"
    assert props.language == "en-GB"
    assert props.author == "Testshire District Council"
    assert props.created.date().isoformat() == "2026-03-10"


@pytest.mark.parametrize("force", [False, True])
def test_a_paper_that_is_a_link_is_neither_read_nor_copied_nor_replaced(minimal, force):
    assert run(minimal, "build").exit_code == 0
    target = minimal.parent / "elsewhere.docx"
    target.write_bytes(b"not for reading")
    paper = minimal / "out" / "agenda-item.docx"
    paper.unlink()
    paper.symlink_to(target)
    edit(minimal / "inputs" / "agenda-item.md", "# Introduction", "# Introduction\n\nMore.")
    result = run(minimal, "build", *(["--force"] if force else []))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: out/agenda-item.docx: is a link to another file or folder, which committeepack "
        "neither reads nor replaces; delete it, and build again"
    ]
    assert paper.is_symlink() and target.read_bytes() == b"not for reading"
    assert not [p for p in (minimal / "out").iterdir() if b"not for reading" in _bytes(p)]


def _bytes(path) -> bytes:
    return path.read_bytes() if path.is_file() and not path.is_symlink() else b""


def test_a_paper_that_is_a_named_pipe_is_one_error_not_a_wait(minimal):
    import os

    assert run(minimal, "build").exit_code == 0
    paper = minimal / "out" / "agenda-item.docx"
    paper.unlink()
    os.mkfifo(paper)
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: out/agenda-item.docx: is not a file (a named pipe or a device), which "
        "committeepack neither reads nor replaces; delete it, and build again"
    ]


def test_previous_versions_are_never_kept_through_a_link(minimal):
    assert run(minimal, "build").exit_code == 0
    elsewhere = minimal.parent / "elsewhere"
    elsewhere.mkdir()
    (minimal / "out" / ".previous").symlink_to(elsewhere)
    edit(minimal / "inputs" / "agenda-item.md", "# Introduction", "# Introduction\n\nMore.")
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "Error: out/.previous: is a link to another file or folder, which committeepack "
        "neither reads nor replaces; delete it, and build again"
    )
    assert list(elsewhere.iterdir()) == []


def test_a_record_that_is_a_link_is_not_read(minimal):
    assert run(minimal, "build").exit_code == 0
    record = minimal / "out" / MANIFEST
    outside = minimal.parent / "record.json"
    outside.write_text(record.read_text(encoding="utf-8"), encoding="utf-8")
    record.unlink()
    record.symlink_to(outside)
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert "is not a file committeepack wrote, as far as its record" in result.output
