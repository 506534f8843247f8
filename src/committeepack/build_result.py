"""A build's options, the build rendered in memory before it is written, and what it did:
the papers it wrote and why, its warnings and its timings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .output import Written

if TYPE_CHECKING:
    from .errors import CommitteePackError
    from .fingerprint import Planned
    from .libreoffice import Office
    from .output import OutputFolder
    from .papers.base import Paper
    from .project import Project
    from .project_lock import ProjectLock


@dataclass
class BuildResult:
    """What a build wrote and why, its warnings, the changes document, and its timings."""

    written: list[Written] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    charts_drawn: int = 0
    charts_cached: int = 0
    changes: tuple[str, int] | None = None  # the changes document and its count of changes

    def summary(self) -> str:
        """One line per paper and a closing line, for the terminal."""
        lines = []
        for item in self.written:
            why = f" ({'; '.join(item.reasons)})" if item.reasons else ""
            note = {
                "written": f"rewritten{why}",
                "unchanged": f"unchanged (rebuilt as {'; '.join(item.reasons)}, "
                "but it came out the same)",
                "skipped": "unchanged (inputs unchanged)",
                "replaced": f"rewritten{why}; your edited copy is kept as {item.backup}",
            }[item.status]
            lines.append(f"  {item.name}: {note}")
        rewritten = sum(item.status in ("written", "replaced") for item in self.written)
        lines.append(
            f"{rewritten} of {len(self.written)} paper(s) rewritten in {self.seconds:.1f}s"
        )
        return "\n".join(lines)

    def details(self) -> str:
        """Per-stage timings and chart cache use, for ``-v``."""
        stages = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in self.timings.items())
        return (
            f"  stages: {stages or 'none'}\n"
            f"  charts: {self.charts_drawn} drawn, {self.charts_cached} from the cache"
        )


@dataclass(frozen=True)
class BuildOptions:
    """How papers are built and written (see :func:`build`)."""

    papers: list[str] | None = None
    force: bool = False
    strict: bool = False
    clean: bool = False
    page_numbers: bool | None = None
    changes: bool = False


@dataclass
class Prepared:
    """A build rendered in memory and not yet written: stages 1 to 6, before the contents'
    page numbers (:func:`.contents_pages.number_contents`, one LibreOffice run for several
    builds) and the write (:func:`finish`)."""

    project: Project
    folder: OutputFolder
    selected: list[Paper]
    skipped: list[Paper]
    planned: list[Planned]
    rendered: dict[str, bytes]  # by paper name
    result: BuildResult
    warnings: list[CommitteePackError]
    options: BuildOptions
    office: Office | None  # the LibreOffice that numbers the contents, started early
    began: float
    lock: ProjectLock | None = None  # held from planning to writing (:mod:`.project_lock`)

    def release(self) -> None:
        """Let another build of the project in: this one has written, or will not write."""
        if self.lock is not None:
            self.lock.release()
