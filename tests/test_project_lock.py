"""One build of a project at a time: a second waits, saying so, and goes on when the first is
done; a project built twice in one process does not wait for itself."""

import subprocess
import sys
import textwrap
import threading
import time

import pytest

from committeepack.project_lock import LOCK_NAME, WAITING, ProjectLock, empty_cache

from conftest import copy_project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock: POSIX only")

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from committeepack.project_lock import ProjectLock
    lock = ProjectLock(Path(sys.argv[1]))
    lock.acquire()
    print("held", flush=True)
    sys.stdin.read()  # until the test closes it
    """
)


def hold(cache):
    """Another process holding the lock of ``cache`` until its stdin is closed."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(cache)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_holder_waits_saying_so_until_the_first_lets_go(tmp_path):
    holder = hold(tmp_path)
    said = []
    lock = ProjectLock(tmp_path)
    waiting = threading.Thread(target=lock.acquire, args=(said.append,))
    waiting.start()
    time.sleep(0.5)
    assert waiting.is_alive() and said == [WAITING]
    holder.stdin.close()
    holder.wait(10)
    waiting.join(10)
    assert not waiting.is_alive() and lock.held
    lock.release()


PROBE = textwrap.dedent(
    """
    import fcntl, sys
    with open(sys.argv[1], "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("busy")
        else:
            print("free")
    """
)


def probe(cache) -> str:
    """Whether another process could take the lock of ``cache`` now."""
    found = subprocess.run(
        [sys.executable, "-c", PROBE, str(cache / LOCK_NAME)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return found.stdout.strip()


def test_one_process_never_waits_for_itself_and_lets_go_after_its_last_holder(tmp_path):
    first, second = ProjectLock(tmp_path), ProjectLock(tmp_path / "." / "")
    first.acquire(pytest.fail)  # no waiting, so nothing said
    second.acquire(pytest.fail)
    first.release()
    assert probe(tmp_path) == "busy"  # the second still holds it
    second.release()
    second.release()  # once is enough
    assert probe(tmp_path) == "free"


def test_clean_empties_the_cache_but_keeps_the_lock(tmp_path):
    (tmp_path / "charts").mkdir()
    (tmp_path / "charts" / "a.png").write_bytes(b"x")
    (tmp_path / "hashes.json").write_text("{}")
    lock = ProjectLock(tmp_path)
    lock.acquire()
    empty_cache(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [LOCK_NAME]
    lock.release()


def test_a_build_waits_for_another_build_of_its_project(tmp_path):
    from conftest import REPO

    project = copy_project(REPO, tmp_path / "project")
    holder = hold(project / ".committeepack-cache")
    build = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "committeepack",
            "build",
            "--no-page-numbers",
            "--project",
            str(project),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    time.sleep(3)
    assert build.poll() is None  # still waiting
    assert not (project / "out" / "agenda-item.docx").exists()
    holder.stdin.close()
    output, _ = build.communicate(timeout=120)
    assert build.returncode == 0, output
    assert WAITING in output
    assert (project / "out" / "agenda-item.docx").exists()
