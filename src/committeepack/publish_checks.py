"""The last look before publishing: nothing goes into the agenda pack that still holds a
drafting mark or an input file's name (the build only warns of them: drafts need them), or
tracked changes or comments, which LibreOffice would print into the PDF, or a link to a file
outside it, which LibreOffice would read into the PDF."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError, raise_all
from .placeholders import first_mark
from .project import Project
from .word.outside_links import links_problem, outside_links
from .word.revisions import paragraph_texts, pending_review


def check_final(project: Project, documents: list[Path]) -> None:
    """Stop before converting when a paper, report or appendix still holds a drafting mark
    (TBC, XX) or tracked changes or comments: LibreOffice prints them into the PDF (inserted
    text that nobody accepted, a reviewer's notes), and a paper edited by hand in Word, or
    built from narrative with a mark the build warned of, may carry them. Stop too when one
    links a file from outside itself, which LibreOffice would read into the PDF."""
    problems = []
    for document in dict.fromkeys(documents):
        data = document.read_bytes()
        mark = first_mark(paragraph_texts(data))
        if mark is not None:
            where = (
                "in its narrative, build" if document.parent == project.out_dir else "in Word, save"
            )
            problems.append(
                InputError(
                    f"holds '{mark[0]}' (\"{mark[1]}\"), a drafting mark or an input file's "
                    f"name; write the final text {where}, and publish again",
                    project.shown(document),
                )
            )
        review = pending_review(data)
        if review:
            problems.append(
                InputError(
                    f"holds {review.described()}, which its PDF would show; in Word, "
                    f"{review.steps()} (Review tab), save, and publish again",
                    project.shown(document),
                )
            )
        linked = links_problem(outside_links(data))
        if linked is not None:
            problems.append(
                InputError(f"{linked}, save, and publish again", project.shown(document))
            )
    raise_all(problems)
