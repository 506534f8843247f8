"""Faults never leave a bad state: out/ as a file, a folder that cannot be written, a full
disk, a build killed at any moment; and a paper edited by hand is always noticed."""

import errno
import json
import os
import random
import signal
import subprocess
import sys
import time

import docx
import pytest

from committeepack import output

from conftest import edit, run


def test_out_being_a_file_is_one_line(minimal):
    (minimal / "out").write_text("not a folder")
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: out: is a file, not a folder; rename or remove it, or set a folder for the "
        'papers in committeepack.toml, for example  [document] output_folder = "papers"\n'
    )


def test_an_unwritable_out_is_one_line_before_anything_is_rendered(minimal, monkeypatch):
    monkeypatch.setattr(output, "can_write", lambda folder: False)
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output.startswith("Error: out: cannot write here (permission denied); ")
    assert not (minimal / "out" / "agenda-item.docx").exists()


def test_a_permission_error_while_writing_is_one_line(minimal, monkeypatch):
    def refuse(path, data):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(output, "_atomic_write", refuse)
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: out/agenda-item.docx: cannot write here (permission denied); "
    )


def test_a_full_disk_is_one_line_and_the_old_paper_stays(minimal, monkeypatch):
    assert run(minimal, "build").exit_code == 0
    before = (minimal / "out" / "agenda-item.docx").read_bytes()
    edit(minimal / "inputs" / "agenda-item.md", "A short summary", "A shorter summary")
    real = output._atomic_write

    def full(path, data):
        if path.suffix == ".docx":
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(output, "_atomic_write", full)
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: out/agenda-item.docx: the disk is full; free some space and build again; the "
        "papers it could not write are as they were\n"
    )
    assert (minimal / "out" / "agenda-item.docx").read_bytes() == before
    monkeypatch.setattr(output, "_atomic_write", real)
    assert run(minimal, "build").exit_code == 0  # no --force needed afterwards


def test_a_hand_edited_paper_is_noticed_even_when_nothing_would_replace_it(minimal):
    assert run(minimal, "build").exit_code == 0
    paper = minimal / "out" / "agenda-item.docx"
    document = docx.Document(str(paper))
    document.add_paragraph("An officer's note.")
    document.save(str(paper))
    result = run(minimal, "build")
    assert result.exit_code == 0
    assert (
        "Warning: out/agenda-item.docx: changed since committeepack wrote it (edited by hand?); "
        "its inputs are unchanged, so it is left as it is"
    ) in result.output


def test_temporary_files_of_a_killed_build_are_removed(minimal):
    assert run(minimal, "build").exit_code == 0
    leftover = minimal / "out" / "..committeepack-manifest.json.abc123.tmp"
    leftover.write_text("{")
    assert run(minimal, "build").exit_code == 0
    assert not leftover.exists()


def _consistent(project) -> None:
    """Every paper in out/ is one the manifest accepts, and no temporary file is left."""
    out = project / "out"
    manifest = json.loads((out / output.MANIFEST).read_text())
    for name, entry in manifest["papers"].items():
        path = out / name
        if path.exists():
            digest = output.sha256(path.read_bytes())
            assert digest in (entry.get("sha256"), entry.get("pending")), name


@pytest.mark.e2e
def test_builds_killed_at_any_moment_never_lock_a_paper(figures):
    """Kill builds at many moments (SIGKILL and SIGTERM); the next build needs no --force."""
    command = [sys.executable, "-m", "committeepack", "-q", "build", "--project", str(figures)]
    assert subprocess.run(command, capture_output=True).returncode == 0
    narrative = figures / "inputs" / "agenda-item.md"
    rng = random.Random(7)
    for attempt in range(12):
        edit(narrative, "A short summary", f"A short summary {attempt}")
        edit(
            figures / "inputs" / "crime.csv",
            "Theft,All crime,600,",
            f"Theft,All crime,{601 + attempt},",
        )
        edit(figures / "inputs" / "crime.csv", "All crime,,1000,", f"All crime,,{1001 + attempt},")
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.3, 2.5))
        process.send_signal(signal.SIGKILL if attempt % 2 else signal.SIGTERM)
        process.wait()
        _consistent(figures) if (figures / "out" / output.MANIFEST).exists() else None
        after = subprocess.run(command, capture_output=True, text=True)
        assert after.returncode == 0, (attempt, after.stderr)
        assert "Traceback" not in after.stderr
        _consistent(figures)
        assert not list((figures / "out").glob(".*.tmp"))
        edit(narrative, f"A short summary {attempt}", "A short summary")
        edit(
            figures / "inputs" / "crime.csv",
            f"Theft,All crime,{601 + attempt},",
            "Theft,All crime,600,",
        )
        edit(figures / "inputs" / "crime.csv", f"All crime,,{1001 + attempt},", "All crime,,1000,")
    assert os.listdir(figures / "out")
