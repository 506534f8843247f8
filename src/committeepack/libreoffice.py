"""LibreOffice, found and run: the one place committeepack starts ``soffice``.

The build lays papers out with it (to number their contents) and ``publish`` makes the PDFs
with it; both find it the same way (``[publish] soffice``, the PATH, then the standard install
folders on Windows and macOS) and run it the same way: headless, with a profile of its own,
so that a LibreOffice window the user has open neither blocks nor is disturbed.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
from contextlib import nullcontext
from pathlib import Path

from .config import Config

TAGGED_PDF = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"ExportBookmarks":{"type":"boolean","value":"true"},'
    '"DisplayPDFDocumentTitle":{"type":"boolean","value":"true"}}'
)
# the pack's: every Word bookmark also a named destination, to find where each part starts
TAGGED_PDF_WITH_DESTINATIONS = (
    TAGGED_PDF[:-1] + ',"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
)
STANDARD_PLACES = (
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)


def configured(config: Config) -> str | None:
    """The path ``[publish] soffice`` gives, if any."""
    return (config.raw.get("publish") or {}).get("soffice")


def locate(setting: str | None = None) -> str | None:
    """LibreOffice's command: ``setting``, the PATH, or a standard install folder; None when
    it is not installed."""
    for candidate in (setting, shutil.which("soffice"), shutil.which("libreoffice")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    return next((str(place) for place in STANDARD_PLACES if place.exists()), None)


def convert(
    soffice: str,
    files: list[Path],
    folder: Path,
    export: str = "pdf",
    profile: str | None = None,
) -> None:
    """Convert ``files`` to PDF in ``folder`` in one ``soffice`` call (``export`` names the
    filter and its options) with the LibreOffice profile folder ``profile`` (a new one when
    None). A LibreOffice already running on that profile (:class:`Office`) does the work; else
    the call starts one. LibreOffice's failures are raised as they come
    (:class:`subprocess.SubprocessError`, :class:`OSError`) for the caller to word."""
    with nullcontext(profile) if profile else tempfile.TemporaryDirectory() as folder_of_profile:
        subprocess.run(
            [
                soffice,
                _profile_setting(folder_of_profile),
                "--headless",
                "--convert-to",
                export,
                "--outdir",
                str(folder),
                *map(str, files),
            ],
            check=True,
            capture_output=True,
            timeout=900,
            env=environment(),
        )
    if export.startswith("pdf"):
        missing = [f.name for f in files if not (folder / f"{f.stem}.pdf").is_file()]
        if missing:
            raise NotConverted(missing)


class NotConverted(subprocess.SubprocessError):
    """LibreOffice ended without error but made no PDF of some files (it could not read
    them): their names."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(", ".join(names))
        self.names = names


def failure(exc: BaseException) -> str:
    """What went wrong when LibreOffice was run, in a few words for a one-line message: its
    exit status and the last line it printed, the time it ran out of, or the system's reason
    it could not start."""
    if isinstance(exc, subprocess.CalledProcessError):
        said = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else ""
        last = next((line.strip() for line in reversed(said.splitlines()) if line.strip()), "")
        shown = f": {last[:150]}" if last else ""
        return f"it ended with exit status {exc.returncode}{shown}"
    if isinstance(exc, subprocess.TimeoutExpired):
        return f"it was still running after {exc.timeout:g} seconds"
    if isinstance(exc, NotConverted):
        return f"it made no PDF of {exc}"
    if isinstance(exc, OSError) and exc.strerror:
        return f"it could not be run: {exc.strerror}"
    return exc.__class__.__name__


def _profile_setting(profile: str) -> str:
    """The ``soffice`` option that gives LibreOffice the profile folder ``profile``."""
    return f"-env:UserInstallation={Path(profile).as_uri()}"


def environment() -> dict[str, str]:
    """The environment LibreOffice is run in: this one, with glibc's malloc asked to keep
    256 MB spare at the top of the heap (unless set already). Without it LibreOffice gives
    memory back and faults it in again some 300,000 times a run: measured on the example's
    four papers, it cut the kernel's time from 0.75 s to 0.3 s and a conversion by a fifth,
    for about 50 MB more at its peak. Other C libraries ignore the setting."""
    return {"MALLOC_TOP_PAD_": str(256 * 1024 * 1024), **os.environ}


KEEPER = Path(__file__).with_name("office_keeper.py")  # run as a script: see its docstring
SYSTEM_PYTHON = Path("/usr/bin/python3")  # where Linux distributions' python3-uno installs uno
ANSWER_SECONDS = 900  # as long as a conversion may take


def keeper_python() -> str:
    """The Python that runs the keeper: on Linux the system's, which has LibreOffice's ``uno``
    module where the distribution's python3-uno is installed, else this one. (macOS's
    /usr/bin/python3 may ask to install developer tools, so it is left alone.)"""
    if sys.platform.startswith("linux") and SYSTEM_PYTHON.exists():
        return str(SYSTEM_PYTHON)
    return sys.executable


class LayoutFailed(subprocess.SubprocessError):
    """LibreOffice, reached through ``uno``, could not lay the papers out: why."""


_QUIET = ("--headless", "--invisible", "--norestore")


class Office:
    """LibreOffice for a whole command: :meth:`start` it ahead of its first conversion, so
    that its start-up (about a second) overlaps the rendering, and :meth:`close` it at the
    end (a ``with`` block does). The LibreOffice started takes the first conversion and then
    ends by itself; later conversions start their own, one at a time, on a profile of their
    own, as does every conversion where LibreOffice is not kept (Windows, where a process
    group cannot be stopped as one).
    Starting one afresh for the next conversion was tried for ``publish``: on two cores its
    start-up only competed with the pack's composing, and saved nothing measurable."""

    def __init__(self, soffice: str) -> None:
        self.soffice = soffice
        self._profile = tempfile.mkdtemp(prefix="committeepack-libreoffice-")
        self._keeper: subprocess.Popen | None = None
        self._speaks: bool | None = None  # whether the keeper talks to LibreOffice (uno)
        self._pipe = ""  # the name of the pipe it talks through
        self._used: list[str] = []  # profiles of LibreOffices that have ended or are ending
        self._lock = threading.Lock()  # LibreOffice loses work handed to it concurrently

    def __enter__(self) -> Office:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Start LibreOffice in the background (once), to take conversions when they come."""
        if self._keeper is not None or os.name != "posix":
            return
        office = [self.soffice, _profile_setting(self._profile), *_QUIET]
        self._pipe = f"committeepack-{Path(self._profile).name.rpartition('-')[2]}"
        self._keeper = subprocess.Popen(
            [keeper_python(), str(KEEPER), self._profile, self._pipe, *office],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not stopped by the terminal's Ctrl-C before cleaning up
            env=environment(),
        )

    def layout(self, files: list[Path]) -> list[dict] | None:
        """Each Word document of ``files`` laid out by the LibreOffice started ahead, talked to
        through ``uno``: its pages (``pages``) and the text of each table of contents, filled
        in from that layout (``contents``). None where that LibreOffice cannot be talked to so
        (no ``uno`` module, on Windows, or it has taken a conversion): convert to PDF instead.
        :class:`LayoutFailed` where it fails; later conversions then start their own.
        Measured on the example's papers, this takes 0.27 s where converting them to PDF and
        reading the PDFs' text took 0.45: LibreOffice has loaded its Word import beforehand,
        and neither writes a PDF nor is asked by a second ``soffice`` process."""
        with self._lock:
            if self._keeper is None or self._used or not self._talks():
                return None
            request = json.dumps({"layout": [str(path) for path in files]}) + "\n"
            try:
                assert self._keeper.stdin is not None
                self._keeper.stdin.write(request.encode())
                self._keeper.stdin.flush()
                reply = json.loads(self._answer(ANSWER_SECONDS) or "{}")
            except (OSError, ValueError) as exc:
                reply = {"error": f"no answer ({exc.__class__.__name__})"}
            if "papers" in reply and len(reply["papers"]) == len(files):
                return reply["papers"]
            self._next_profile()
            raise LayoutFailed(str(reply.get("error") or "no answer"))

    def _talks(self) -> bool:
        """Whether the keeper talks to its LibreOffice through ``uno`` (it says so first)."""
        if self._speaks is None:
            self._speaks = self._answer(60) == "uno"
        return self._speaks

    def _answer(self, seconds: float) -> str:
        """The keeper's next line, "" if it gives none within ``seconds`` or has ended."""
        assert self._keeper is not None and self._keeper.stdout is not None
        ready, _, _ = select.select([self._keeper.stdout], [], [], seconds)
        return self._keeper.stdout.readline().decode().strip() if ready else ""

    def convert(self, files: list[Path], folder: Path, export: str = "pdf") -> None:
        """:func:`convert`, by this LibreOffice (one conversion at a time). Should the
        LibreOffice started ahead fail it, the conversion is made once more by one started for
        it: a conversion handed over while a loaded machine was still starting LibreOffice
        was seen to fail at once."""
        with self._lock:
            ahead = self._keeper is not None and not self._used
            try:
                convert(self.soffice, files, folder, export, self._profile)
            except subprocess.CalledProcessError:
                if not ahead:
                    raise
                self._next_profile()
                convert(self.soffice, files, folder, export, self._profile)
                return
            if ahead:
                # the LibreOffice started took it and is ending: the next conversion starts
                # its own on a profile of its own, clear of that one's shutting down
                self._next_profile()

    def _next_profile(self) -> None:
        """Leave the profile in use to the LibreOffice ending on it; later ones take a new."""
        self._used.append(self._profile)
        self._profile = tempfile.mkdtemp(prefix="committeepack-libreoffice-")

    def close(self) -> None:
        """Stop LibreOffice and remove its profile, once a conversion under way (in another
        thread) is done: removed under it, the profile would be made again and left behind."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        keeper, self._keeper = self._keeper, None
        if keeper is not None:
            assert keeper.stdin is not None
            with contextlib.suppress(OSError):  # a keeper ended already: nothing to tell it
                keeper.stdin.close()
            if keeper.stdout is not None:
                keeper.stdout.close()
            try:
                keeper.wait(timeout=10)
            except subprocess.TimeoutExpired:  # never seen; the command must not hang on it
                keeper.kill()
                keeper.wait()
        for profile in [*self._used, self._profile]:
            shutil.rmtree(profile, ignore_errors=True)


class Offices:
    """The LibreOffice of each command a run needs (``[publish] soffice`` may differ between
    projects), and of each role (``publish`` converts its papers and its pack side by side),
    made when first asked for and all closed when the run ends."""

    def __init__(self) -> None:
        self._by_command: dict[tuple[str, str], Office] = {}

    def __enter__(self) -> Offices:
        return self

    def __exit__(self, *exc: object) -> None:
        for office in self._by_command.values():
            office.close()
        self._by_command.clear()

    def get(self, soffice: str, role: str = "") -> Office:
        """The LibreOffice run by the command ``soffice`` for ``role``, not started yet if
        new."""
        if (soffice, role) not in self._by_command:
            self._by_command[soffice, role] = Office(soffice)
        return self._by_command[soffice, role]
