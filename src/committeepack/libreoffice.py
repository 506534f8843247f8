"""LibreOffice, found and run: the one place committeepack starts ``soffice``.

The build lays papers out with it (to number their contents) and ``publish`` makes the PDFs
with it; both find it the same way (``[publish] soffice``, the PATH, then the standard install
folders on Windows and macOS) and run it the same way: headless, with a profile of its own,
so that a LibreOffice window the user has open neither blocks nor is disturbed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .config import Config

TAGGED_PDF = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"ExportBookmarks":{"type":"boolean","value":"true"},'
    '"DisplayPDFDocumentTitle":{"type":"boolean","value":"true"}}'
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


def convert(soffice: str, files: list[Path], folder: Path, export: str = "pdf") -> None:
    """Convert ``files`` to PDF in ``folder`` in one LibreOffice run (``export`` names the
    filter and its options). LibreOffice's failures are raised as they come
    (:class:`subprocess.SubprocessError`, :class:`OSError`) for the caller to word."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
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
        )
