"""One build of a project at a time.

An officer may leave ``build --watch`` running and build or publish in another window; two
builds of one project at once each found the papers the other had just written "not a file
committeepack wrote", and one of them stopped asking for ``--force``. A build holds an
exclusive lock on a file in the project's cache from before it reads the record of what it
wrote until it has written the papers; a second build waits for it, saying so. The lock is
the operating system's (``flock``), so it is released whenever the process ends, however it
ends. Where there is no ``flock`` (Windows) builds are not kept apart.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "build.lock"
WAITING = "waiting for another build of this project to finish"
# the locks this process holds, by file, with how many of its builds hold each: a project
# given twice in one run (under two spellings of its path) must not wait for itself
_HELD: dict[Path, list] = {}


class ProjectLock:
    """The lock of the project whose cache is ``cache_dir``."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir.resolve() / LOCK_NAME
        self.held = False

    def acquire(self, say: Callable[[str], None] | None = None) -> None:
        """Hold the lock, first waiting (and saying so through ``say``) while another
        process holds it. A cache that cannot be written is left to the build's own checks."""
        if fcntl is None or self.held:
            return
        entry = _HELD.get(self.path)
        if entry is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                handle = self.path.open("a+b")
            except OSError:
                return
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if say is not None:
                    say(WAITING)
                fcntl.flock(handle, fcntl.LOCK_EX)
            entry = _HELD[self.path] = [handle, 0]
        entry[1] += 1
        self.held = True

    def release(self) -> None:
        """Let the next build in (once every build of this process holding it is done)."""
        if not self.held:
            return
        self.held = False
        entry = _HELD[self.path]
        entry[1] -= 1
        if entry[1] == 0:
            del _HELD[self.path]
            entry[0].close()


@contextmanager
def locked(cache_dir: Path, say: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the lock of the project whose cache is ``cache_dir`` for a ``with`` block."""
    lock = ProjectLock(cache_dir)
    lock.acquire(say)
    try:
        yield
    finally:
        lock.release()


def empty_cache(cache_dir: Path) -> None:
    """Delete what the cache holds (``--clean``) but the lock, which a build holds there."""
    if not cache_dir.is_dir():
        return
    for entry in cache_dir.iterdir():
        if entry.name == LOCK_NAME:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
