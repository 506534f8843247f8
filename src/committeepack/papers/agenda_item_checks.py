"""The agenda item's front matter checked against the project: the people it names are in
``[people]``, its classification and exempt paragraph agree, and its timetable lists the
meetings after this one, in date order."""

from __future__ import annotations

import datetime as dt

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
    errors += timetable_problems(narrative, config.meeting.date)
    raise_all(errors)


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
