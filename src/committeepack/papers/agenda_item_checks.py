"""The agenda item's front matter checked against the project: the people it names are in
``[people]``, its classification and exempt paragraph agree, a report for decision makes
recommendations, its appendices name papers committeepack makes (each once), and its
timetable lists the meetings after this one, in date order."""

from __future__ import annotations

import datetime as dt
import difflib
import re

from ..config import Config
from ..config_schema import EXEMPT_PARAGRAPHS
from ..errors import InputError, raise_all
from ..frontmatter import line_of
from ..narrative import Narrative
from ..render import long_date


def check_front_matter(narrative: Narrative, config: Config) -> None:
    """The agenda item's front matter checked against the project: its people, its
    classification and its timetable, every problem at its line and raised together."""
    meta, lines, path = narrative.meta, narrative.source.meta.lines, narrative.path
    errors = []
    for key in ("lead_head_of_service", "report_author"):
        if meta[key] not in config.people:
            known = ", ".join(config.people)
            errors.append(
                InputError(
                    f"{key}: '{meta[key]}' is not in [people] of committeepack.toml; use one of: "
                    f"{known}",
                    path,
                    lines.get(key),
                )
            )
    if meta["classification"] == "exempt" and "exempt_paragraph" not in meta:
        errors.append(
            InputError(
                "classification is exempt but no exempt_paragraph is given; add the paragraph of "
                "Schedule 12A, for example  exempt_paragraph: 3",
                path,
                lines.get("classification"),
            )
        )
    paragraph = meta.get("exempt_paragraph")
    if paragraph is not None and paragraph not in EXEMPT_PARAGRAPHS:
        errors.append(
            InputError(
                f"exempt_paragraph: Schedule 12A has no paragraph {paragraph}; use 1 to 7 "
                "(England) or 12 to 18 (Wales)",
                path,
                lines.get("exempt_paragraph"),
            )
        )
    if meta["classification"] == "public" and "exempt_paragraph" in meta:
        errors.append(
            InputError(
                "exempt_paragraph is given but classification is public; remove one of them",
                path,
                lines.get("exempt_paragraph"),
            )
        )
    if meta.get("purpose") == "decision" and not meta.get("recommendations"):
        errors.append(
            InputError(
                "recommendations: a report for decision makes at least one; write them, for "
                "example  - That the Committee approves the plan., or set purpose: noting",
                path,
                lines.get("recommendations") or lines.get("purpose"),
            )
        )
    errors += appendix_problems(narrative)
    errors += timetable_problems(narrative, config.meeting.date)
    raise_all(errors)


SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # how a paper is named: strategic-assessment


def appendix_problems(narrative: Narrative) -> list[InputError]:
    """Each appendix that names the agenda item itself, a paper listed already, or, written
    as a paper's name is, no paper committeepack makes (a misspelt name, which would print
    as written). Any other text is an appendix committeepack does not make, kept as written."""
    from . import PAPERS
    from .agenda_item import NAME

    problems: list[InputError] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(narrative.meta.get("appendices") or []):
        name, entry = str(item).strip(), f"appendices (entry {index + 1})"
        where = line_of(narrative.source.meta, ("appendices", index))
        if name == NAME:
            message = f"{entry}: the agenda item cannot be its own appendix; remove it"
        elif name in seen:
            message = f"{entry}: '{name}' is listed already (entry {seen[name]}); list it once"
        elif name not in PAPERS and SLUG.fullmatch(name):
            close = difflib.get_close_matches(name, [n for n in PAPERS if n != NAME], n=1)
            papers = ", ".join(n for n in PAPERS if n != NAME)
            hint = f"did you mean '{close[0]}'?" if close else f"the papers are: {papers}"
            message = (
                f"{entry}: '{name}' is not a paper committeepack makes; {hint} (an appendix "
                "it does not make is written as its title, e.g. 'Appendix 4: Equality impact "
                "assessment')"
            )
        else:
            seen.setdefault(name, index + 1)
            continue
        problems.append(InputError(message, narrative.path, where))
    return problems


def timetable_problems(narrative: Narrative, meeting: dt.date) -> list[InputError]:
    """Each timetable meeting dated before this one (``meeting``), or before the meeting
    listed above it: the timetable says what happens next, in order."""
    problems = []
    before: tuple[str, dt.date] | None = None
    for index, row in enumerate(narrative.meta.get("timetable") or []):
        meeting_name, when = str(row["meeting"]), row["date"]
        where = line_of(narrative.source.meta, ("timetable", index, "date"))
        if when < meeting:
            problems.append(
                InputError(
                    f"timetable (entry {index + 1}): {meeting_name} on {long_date(when)} is "
                    f"before this meeting, on {long_date(meeting)}; the timetable lists the "
                    "meetings that follow it",
                    narrative.path,
                    where,
                )
            )
        elif before is not None and when < before[1]:
            problems.append(
                InputError(
                    f"timetable (entry {index + 1}): {meeting_name} on {long_date(when)} is "
                    f"before {before[0]} on {long_date(before[1])}, listed above it; list the "
                    "meetings in date order",
                    narrative.path,
                    where,
                )
            )
        before = (meeting_name, when)
    return problems
