"""The LibreOffice a command keeps (libreoffice.Office), without LibreOffice itself: its
conversions one at a time, and nothing left behind when it is closed."""

import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from committeepack import libreoffice


def test_closing_waits_for_a_conversion_under_way_so_no_profile_is_left(monkeypatch, tmp_path):
    started = threading.Event()

    def slow_convert(soffice, files, folder, export="pdf", profile=None):
        started.set()
        time.sleep(0.3)
        Path(profile, "user").mkdir(parents=True)  # as LibreOffice fills its profile in

    monkeypatch.setattr(libreoffice, "convert", slow_convert)
    office = libreoffice.Office("soffice")
    profile = Path(office._profile)
    worker = threading.Thread(target=office.convert, args=([tmp_path / "a.docx"], tmp_path))
    worker.start()
    started.wait(5)
    office.close()  # from another thread, while the conversion runs
    worker.join()
    assert not profile.exists()


def test_conversions_from_two_threads_are_handed_over_one_at_a_time(monkeypatch, tmp_path):
    running, overlaps = [], []

    def convert(soffice, files, folder, export="pdf", profile=None):
        overlaps.append(bool(running))
        running.append(files)
        time.sleep(0.05)
        running.remove(files)

    monkeypatch.setattr(libreoffice, "convert", convert)
    with libreoffice.Office("soffice") as office:
        threads = [
            threading.Thread(target=office.convert, args=([tmp_path / f"{n}.docx"], tmp_path))
            for n in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert overlaps == [False] * 4


def started_office(monkeypatch, convert) -> libreoffice.Office:
    """An Office whose LibreOffice counts as started ahead, converting with ``convert``."""
    monkeypatch.setattr(libreoffice, "convert", convert)
    office = libreoffice.Office("soffice")
    office._keeper = object()  # type: ignore[assignment]  # started ahead, not run here
    monkeypatch.setattr(office, "_close", lambda: None)
    return office


def test_a_conversion_the_libreoffice_started_ahead_fails_is_made_again_by_a_new_one(
    monkeypatch, tmp_path
):
    profiles = []

    def convert(soffice, files, folder, export="pdf", profile=None):
        profiles.append(profile)
        if len(profiles) in (1, 3):  # the first conversion's first try, and the next one
            raise subprocess.CalledProcessError(1, "soffice")

    office = started_office(monkeypatch, convert)
    office.convert([tmp_path / "a.docx"], tmp_path)
    assert len(profiles) == 2 and profiles[0] != profiles[1]  # not on the failed one's profile
    # boundary: once the started one has been used, a failure is the caller's to report
    with pytest.raises(subprocess.CalledProcessError):
        office.convert([tmp_path / "b.docx"], tmp_path)
    assert len(profiles) == 3
    for profile in set(profiles):
        shutil.rmtree(profile, ignore_errors=True)


def test_a_conversion_failing_twice_is_reported(monkeypatch, tmp_path):
    calls = []

    def convert(soffice, files, folder, export="pdf", profile=None):
        calls.append(profile)
        raise subprocess.CalledProcessError(1, "soffice")

    office = started_office(monkeypatch, convert)
    with pytest.raises(subprocess.CalledProcessError):
        office.convert([tmp_path / "a.docx"], tmp_path)
    assert len(calls) == 2
    for profile in calls:
        shutil.rmtree(profile, ignore_errors=True)


@pytest.mark.parametrize(
    ("exc", "said"),
    [
        (
            subprocess.CalledProcessError(
                1,
                "soffice",
                stderr=b"javaldx: not found\nError: source file could not be loaded\n\n",
            ),
            "it ended with exit status 1: Error: source file could not be loaded",
        ),
        (subprocess.CalledProcessError(81, "soffice", stderr=b""), "it ended with exit status 81"),
        (
            subprocess.CalledProcessError(1, "soffice"),
            "it ended with exit status 1",
        ),  # not captured
        (
            subprocess.CalledProcessError(1, "soffice", stderr=b"x" * 400 + b"\xff"),
            "it ended with exit status 1: " + "x" * 150,
        ),
        (subprocess.TimeoutExpired("soffice", 900), "it was still running after 900 seconds"),
        (libreoffice.NotConverted(["a.docx", "b.docx"]), "it made no PDF of a.docx, b.docx"),
        (PermissionError(13, "Permission denied"), "it could not be run: Permission denied"),
        (OSError("no reason given"), "OSError"),
        (subprocess.SubprocessError(), "SubprocessError"),
    ],
)
def test_a_failure_is_told_in_a_few_words_on_one_line(exc, said):
    assert libreoffice.failure(exc) == said


def keeper_saying(monkeypatch, tmp_path, *lines: str, ends: bool = False) -> libreoffice.Office:
    """An Office whose keeper is a stand-in (no LibreOffice) that prints ``lines``: the first
    says whether it talks through uno, each next answers a request; then it waits to close
    (or, when it ``ends``, ends)."""
    script = tmp_path / "keeper.py"
    script.write_text(
        "import sys\n"
        f"lines = {list(lines)!r}\n"
        "print(lines[0], flush=True)\n"
        "for answer in lines[1:]:\n"
        "    sys.stdin.readline()\n"
        "    print(answer, flush=True)\n" + ("" if ends else "sys.stdin.read()\n")
    )
    monkeypatch.setattr(libreoffice, "KEEPER", script)
    monkeypatch.setattr(libreoffice, "keeper_python", lambda: sys.executable)
    office = libreoffice.Office("soffice")
    office.start()
    return office


def test_the_pages_come_from_a_keeper_that_talks_to_libreoffice(monkeypatch, tmp_path):
    answer = '{"papers": [{"pages": 3, "contents": ["Aim\\t2"]}]}'
    with keeper_saying(monkeypatch, tmp_path, "uno", answer) as office:
        profile = office._profile
        assert office.layout([tmp_path / "a.docx"]) == [{"pages": 3, "contents": ["Aim\t2"]}]
        assert office._profile == profile and not office._used  # it may take a conversion next


@pytest.mark.parametrize(
    ("answer", "told"),
    [
        ('{"error": "RuntimeError: LibreOffice could not read paper0.docx"}', "could not read"),
        ('{"papers": []}', "no answer"),  # not one for each file
        ("not JSON", re.escape("no answer (JSONDecodeError)")),
    ],
)
def test_a_keeper_that_cannot_lay_the_papers_out_says_so(monkeypatch, tmp_path, answer, told):
    with keeper_saying(monkeypatch, tmp_path, "uno", answer) as office:
        profile = office._profile
        with pytest.raises(libreoffice.LayoutFailed, match=told):
            office.layout([tmp_path / "a.docx"])
        assert office._profile != profile  # the PDF is made by a LibreOffice of its own
        assert office.layout([tmp_path / "a.docx"]) is None  # and never asked again


def test_a_keeper_that_ends_without_answering_is_a_failure(monkeypatch, tmp_path):
    with keeper_saying(monkeypatch, tmp_path, "uno", ends=True) as office:
        assert office._keeper is not None
        office._keeper.wait()
        with pytest.raises(libreoffice.LayoutFailed, match="no answer"):
            office.layout([tmp_path / "a.docx"])


def test_without_uno_the_papers_are_converted_instead(monkeypatch, tmp_path):
    with keeper_saying(monkeypatch, tmp_path, "plain") as office:
        assert office.layout([tmp_path / "a.docx"]) is None
        assert not office._used  # the LibreOffice started ahead takes the conversion


def test_the_keeper_runs_where_uno_may_be(monkeypatch):
    monkeypatch.setattr(libreoffice.sys, "platform", "linux")
    system = libreoffice.SYSTEM_PYTHON
    assert libreoffice.keeper_python() == (str(system) if system.exists() else sys.executable)
    monkeypatch.setattr(libreoffice.sys, "platform", "darwin")  # macOS's may ask to install
    assert libreoffice.keeper_python() == sys.executable
