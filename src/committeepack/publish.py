"""The PDFs of ``publish``: what it did (:class:`Published`), LibreOffice found or a one-line
error, and each .docx converted to tagged PDF only when it changed since its PDF was made
(the hashes are kept in ``out/pdf/.sources.json``). A PDF is written next to its final name
and renamed into place, so an interrupted run leaves the last good PDF. The stages of
``publish`` itself are in :mod:`.publishing`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import libreoffice
from .build_result import BuildResult
from .errors import CommitteePackError

SOURCES = ".sources.json"  # each PDF's .docx, by hash: a PDF is remade only when it changed


@dataclass
class Published:
    """What ``publish`` did: the build's result, and each file made or left as it was."""

    build: BuildResult
    converted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # failed PDF checks, parts left out

    def summary(self) -> str:
        """One line per file made or kept, for the terminal."""
        lines = [f"  {name}: made" for name in self.converted]
        lines += [f"  {name}: unchanged" for name in self.unchanged]
        return "\n".join(lines)


def find_soffice(setting: str | None = None) -> str:
    """LibreOffice's command (:func:`.libreoffice.locate`), or an error saying where to get
    it."""
    found = libreoffice.locate(setting)
    if found is None:
        raise CommitteePackError(
            "publishing needs LibreOffice to make the PDFs, and it is not installed; get it "
            "from https://www.libreoffice.org/download/ (Debian: apt install "
            "libreoffice-writer-nogui), or set [publish] soffice to its path. "
            "'committeepack build' works without it"
        )
    return found


def convert(
    office: libreoffice.Office,
    papers: list[Path],
    folder: Path,
    export: str = libreoffice.TAGGED_PDF,
    pack: bool = False,
) -> None:
    """Convert ``papers`` to tagged PDF in ``folder`` (``export``: the filter and its
    options), in one LibreOffice run; ``pack`` when they are the agenda pack composed of the
    papers (for the message when LibreOffice cannot read one)."""
    try:
        office.convert(papers, folder, export)
    except libreoffice.NotConverted as exc:
        if pack:
            raise CommitteePackError(
                "LibreOffice could not lay out the agenda pack composed of the papers; a report "
                "or appendix written elsewhere may hold something it cannot read: open each in "
                "Word, save it again as a Word Document (.docx), and publish again"
            ) from None
        raise CommitteePackError(
            f"LibreOffice could not convert {', '.join(exc.names)} to PDF; open it in Word, "
            "save it again as a Word Document (.docx), and publish again"
        ) from None
    except (subprocess.SubprocessError, OSError) as exc:
        raise CommitteePackError(
            f"LibreOffice failed to make the PDFs ({libreoffice.failure(exc)}); close any "
            "LibreOffice window and publish again"
        ) from None


def convert_stale(
    office: libreoffice.Office, jobs: list[tuple[Path, Path]], record: dict, key_of
) -> tuple[list[Path], list[Path]]:
    """Convert each (``docx``, ``pdf``) whose .docx changed since its PDF was made (``record``
    holds the hashes, by ``key_of(pdf)``), all in one LibreOffice run; the PDFs converted and
    those left as they were."""
    return convert_stale_many(office, [(jobs, record, key_of)])[0]


def convert_stale_many(
    office: libreoffice.Office,
    groups: list[tuple[list[tuple[Path, Path]], dict, Callable[[Path], str]]],
) -> list[tuple[list[Path], list[Path]]]:
    """:func:`convert_stale` for several projects' jobs (each with its own record), in one
    LibreOffice run for them all; for each group, the PDFs converted and those kept."""
    stale: list[tuple[int, Path, Path, str]] = []
    kept: list[list[Path]] = [[] for _ in groups]
    for index, (jobs, record, key_of) in enumerate(groups):
        for docx, pdf in jobs:
            digest = hashlib.sha256(docx.read_bytes()).hexdigest()
            if record.get(key_of(pdf)) == digest and pdf.is_file():
                kept[index].append(pdf)
            else:
                stale.append((index, docx, pdf, digest))
    made: list[list[Path]] = [[] for _ in groups]
    if not stale:
        return list(zip(made, kept, strict=True))
    work = stale[0][2].parent  # beside the first PDF: renamed into place on its file system
    work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        folder = Path(tmp)
        copies = []
        for number, (_, docx, _, _) in enumerate(stale):
            copy = folder / f"{number}.docx"  # two inputs may share a name
            shutil.copyfile(docx, copy)
            copies.append(copy)
        convert(office, copies, folder)
        for copy, (index, docx, pdf, digest) in zip(copies, stale, strict=True):
            converted = copy.with_suffix(".pdf")
            if not converted.is_file():
                raise CommitteePackError(
                    "LibreOffice did not convert it; open it in Word or LibreOffice to see why",
                    docx.name,
                )
            pdf.parent.mkdir(parents=True, exist_ok=True)
            _move(converted, pdf)
            jobs, record, key_of = groups[index]
            record[key_of(pdf)] = digest
            made[index].append(pdf)
    return list(zip(made, kept, strict=True))


def _move(made: Path, target: Path) -> None:
    """Put ``made`` at ``target`` whole: renamed on one file system, else copied beside the
    target and renamed (another project may be on another drive)."""
    try:
        os.replace(made, target)
    except OSError:
        beside = target.with_name(target.name + ".part")
        shutil.copyfile(made, beside)
        os.replace(beside, target)


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
