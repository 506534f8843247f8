"""Publishing: every paper as an accessible PDF, the first part of the agenda pack.

``committeepack publish`` builds whatever is out of date (as ``build`` does), then converts the
papers whose .docx changed since their PDF was made into ``out/pdf/``, all in one LibreOffice
run, as tagged PDF (structure tree, alternative text, header rows), with the document title
shown in the window title, bookmarks from the headings and the paper's language. Each PDF is
then checked (:mod:`.pdf_check`). A PDF is written next to its final name and renamed into
place, so an interrupted run leaves the last good PDF.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .build import BuildResult
from .errors import CommitteePackError

EXPORT = (
    'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"ExportBookmarks":{"type":"boolean","value":"true"},'
    '"DisplayPDFDocumentTitle":{"type":"boolean","value":"true"}}'
)
STANDARD_PLACES = (
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)
SOURCES = ".sources.json"  # each PDF's .docx, by hash: a PDF is remade only when it changed


@dataclass
class Published:
    """What ``publish`` did: the build's result, and each file made or left as it was."""

    build: BuildResult
    converted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # failed PDF checks, parts left out
    pages: dict[str, str] = field(default_factory=dict)  # agenda line -> its pages in the pack

    def summary(self) -> str:
        """One line per file made or kept, for the terminal."""
        lines = [f"  {name}: made" for name in self.converted]
        lines += [f"  {name}: unchanged" for name in self.unchanged]
        return "\n".join(lines)


def find_soffice(configured: str | None = None) -> str:
    """LibreOffice's command: ``[publish] soffice``, the PATH, or its standard install folders
    on Windows and macOS; an error saying where to get it when none is there."""
    for candidate in (configured, shutil.which("soffice"), shutil.which("libreoffice")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    for place in STANDARD_PLACES:
        if place.exists():
            return str(place)
    raise CommitteePackError(
        "publishing needs LibreOffice to make the PDFs, and it is not installed; get it from "
        "https://www.libreoffice.org/download/ (Debian: apt install libreoffice-writer-nogui), "
        "or set [publish] soffice to its path. 'committeepack build' works without it"
    )


def convert(soffice: str, papers: list[Path], folder: Path) -> None:
    """Convert ``papers`` to tagged PDF in ``folder``, in one LibreOffice run."""
    with tempfile.TemporaryDirectory() as profile:
        try:
            _run(soffice, profile, papers, folder)
        except (subprocess.SubprocessError, OSError) as exc:
            raise CommitteePackError(
                f"LibreOffice failed to make the PDFs ({exc.__class__.__name__}); close any "
                "LibreOffice window and publish again"
            ) from None


def _run(soffice: str, profile: str, papers: list[Path], folder: Path) -> None:
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            EXPORT,
            "--outdir",
            str(folder),
            *map(str, papers),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )


def convert_stale(
    soffice: str, jobs: list[tuple[Path, Path]], record: dict, key_of
) -> tuple[list[Path], list[Path]]:
    """Convert each (``docx``, ``pdf``) whose .docx changed since its PDF was made (``record``
    holds the hashes, by ``key_of(pdf)``), all in one LibreOffice run; the PDFs converted and
    those left as they were."""
    stale, unchanged = [], []
    for docx, pdf in jobs:
        digest = hashlib.sha256(docx.read_bytes()).hexdigest()
        if record.get(key_of(pdf)) == digest and pdf.is_file():
            unchanged.append(pdf)
        else:
            stale.append((docx, pdf, digest))
    if not stale:
        return [], unchanged
    work = stale[0][1].parent
    work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        folder = Path(tmp)
        copies = []
        for number, (docx, _, _) in enumerate(stale):
            copy = folder / f"{number}.docx"  # two inputs may share a name
            shutil.copyfile(docx, copy)
            copies.append(copy)
        convert(soffice, copies, folder)
        for copy, (docx, pdf, digest) in zip(copies, stale, strict=True):
            made = copy.with_suffix(".pdf")
            if not made.is_file():
                raise CommitteePackError(
                    "LibreOffice did not convert it; open it in Word or LibreOffice to see why",
                    docx.name,
                )
            pdf.parent.mkdir(parents=True, exist_ok=True)
            os.replace(made, pdf)
            record[key_of(pdf)] = digest
    return [pdf for _, pdf, _ in stale], unchanged


def read_record(folder: Path) -> dict:
    """What each PDF in ``folder`` was made from (empty when unknown)."""
    try:
        record = json.loads((folder / SOURCES).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def write_record(folder: Path, record: dict) -> None:
    """Save ``record`` atomically."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f"{SOURCES}.tmp"
    temporary.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(temporary, folder / SOURCES)
