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
    """What ``publish`` did: the build's result, and each PDF converted or left as it was."""

    build: object
    converted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # accessibility checks that failed


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


def publish_pdfs(out_dir: Path, papers: list[str], soffice: str) -> Published:
    """Make ``out/pdf/<paper>.pdf`` for each paper (a .docx name in ``out_dir``) whose .docx
    changed since its PDF was made; check every PDF."""
    from .pdf_check import problems

    target = out_dir / "pdf"
    target.mkdir(parents=True, exist_ok=True)
    record_path = target / SOURCES
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        record = {}
    result = Published(build=None)
    stale = []
    for name in papers:
        docx = out_dir / name
        digest = hashlib.sha256(docx.read_bytes()).hexdigest()
        pdf = target / Path(name).with_suffix(".pdf").name
        if record.get(name) == digest and pdf.is_file():
            result.unchanged.append(pdf.name)
        else:
            stale.append((docx, pdf, digest))
    if stale:
        with tempfile.TemporaryDirectory(dir=target) as tmp:
            convert(soffice, [docx for docx, _, _ in stale], Path(tmp))
            for docx, pdf, digest in stale:
                made = Path(tmp) / pdf.name
                if not made.is_file():
                    raise CommitteePackError(
                        "LibreOffice did not convert it; open it in Word or LibreOffice to see why",
                        f"out/{docx.name}",
                    )
                os.replace(made, pdf)
                record[docx.name] = digest
                result.converted.append(pdf.name)
        temporary = record_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(temporary, record_path)
    for name in papers:
        pdf = target / Path(name).with_suffix(".pdf").name
        result.problems += [f"out/pdf/{pdf.name}: {p}" for p in problems(pdf)]
    return result
