"""The ``[agenda]`` section of ``committeepack.toml`` as values: who sits on the committee,
the standard items, the reports in order, and what the public is told.

Everything has a default, so a project without ``[agenda]`` still publishes a pack; the
schema (:mod:`..config_schema`) has already checked each key's type, so only the links
between keys (a person who is not in ``[people]``, a report with no file) are checked here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config, Person
from ..config_reader import ConfigReader
from ..errors import CommitteePackError, raise_all
from ..file_kinds import unpacked_problem, word_not_opened

MINUTES_ITEM = "{minutes}"  # stands, in standard_items, for the minutes with their pages
DEFAULT_STANDARD_ITEMS = (
    "Apologies for Absence",
    "Notification of Substitute Members",
    "Urgent Items",
    "Notification of Visiting Members",
    "Disclosures by Members and Officers",
    "Disclosures of Lobbying",
    "To consider whether any items should be taken in private because of the possible "
    "disclosure of exempt information",
    MINUTES_ITEM,
    "Presentation of Petitions (if any)",
    "Questions from Members of the Public (if any)",
    "Questions from Members to the Chair (if any)",
)
DEFAULT_MINUTES = "inputs/minutes.md"
NOT_OPENED = "cannot be opened as a Word document; save it from Word as a Word Document (.docx)"
DEFAULT_PUBLIC_INFORMATION = (
    "To ask a question at this meeting, or to speak on an item on the agenda, contact "
    "democratic services{contact} by 5 pm one clear working day before the meeting, giving "
    "the full text of your question or the item you wish to speak on.",
    "This agenda and its reports can be made available in alternative formats, such as large "
    "print, audio or another language; contact democratic services{contact} to ask.",
)


@dataclass(frozen=True)
class ReportEntry:
    """One report on the agenda: committeepack's own agenda item, or a .docx written elsewhere
    (with its appendices), and the exempt-information paragraph that keeps it private."""

    paper: str | None = None
    title: str = ""
    file: Path | None = None
    appendices: tuple[Path, ...] = ()
    exempt_paragraph: int | None = None


@dataclass(frozen=True)
class AgendaSettings:
    """What the front sheet and the pack are made from, besides the papers."""

    members: tuple[str, ...] = ()
    chair: str = ""
    vice_chair: str = ""
    issued_on: dt.date | None = None
    chief_executive: Person | None = None
    standard_items: tuple[str, ...] = DEFAULT_STANDARD_ITEMS
    minutes: Path | None = None  # None when the project has no minutes file
    website: str = ""
    public_information: tuple[str, ...] = ()  # paragraphs, the contact details filled in
    reports: tuple[ReportEntry, ...] = field(default_factory=tuple)


def agenda_settings(config: Config) -> AgendaSettings:
    """The ``[agenda]`` settings of ``config``, every problem reported together."""
    reader = config.reader()
    raw = config.raw.get("agenda") or {}
    problems: list[CommitteePackError] = []
    chief = None
    key = raw.get(
        "chief_executive", "chief_executive" if "chief_executive" in config.people else None
    )
    if key is not None:
        chief = config.people.get(key)
        if chief is None:
            problems.append(
                reader.error(
                    ("agenda", "chief_executive"),
                    f"'{key}' is not in [people]; add [people.{key}] with name and title, or "
                    f"use one of: {', '.join(config.people)}",
                )
            )
    minutes_name = raw.get("minutes", DEFAULT_MINUTES)
    minutes = config.root / minutes_name
    if minutes.is_file() and not config.allows(minutes):
        problems.append(
            reader.error(
                ("agenda", "minutes"),
                f"'{minutes_name}' lies outside the project and its shared folders, so it is "
                "not read; copy the minutes into inputs/",
            )
        )
    elif "minutes" in raw and not minutes.is_file():
        problems.append(
            reader.error(
                ("agenda", "minutes"),
                f"'{minutes_name}' does not exist; write the minutes there or fix the name",
            )
        )
    reports = tuple(
        _report(config, reader, entry, n, problems)
        for n, entry in enumerate(raw.get("reports", []))
    )
    if not reports:
        reports = (ReportEntry(paper="agenda-item"),)
    members = tuple(raw.get("members", ()))
    for role in ("chair", "vice_chair"):
        if raw.get(role) and raw[role] not in members:
            problems.append(
                reader.error(
                    ("agenda", role),
                    f"'{raw[role]}' is not among the members; add "
                    "them to members, as the front sheet lists them",
                )
            )
    problems += _contact_problems(reader, raw) + _members_twice(reader, members)
    problems += _issued_problems(reader, raw.get("issued_on"), config.meeting.date)
    raise_all(problems)
    contact = _contact(raw.get("telephone", ""), raw.get("email", ""))
    information = raw.get("public_information", DEFAULT_PUBLIC_INFORMATION)
    return AgendaSettings(
        members=members,
        chair=raw.get("chair", ""),
        vice_chair=raw.get("vice_chair", ""),
        issued_on=raw.get("issued_on"),
        chief_executive=chief,
        standard_items=tuple(raw.get("standard_items", DEFAULT_STANDARD_ITEMS)),
        minutes=minutes if minutes.is_file() and config.allows(minutes) else None,
        website=raw.get("website", ""),
        public_information=tuple(text.replace("{contact}", contact) for text in information),
        reports=reports,
    )


EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
WEBSITE = re.compile(r"(https?://)?[\w-]+(\.[\w-]+)+(:\d+)?(/\S*)?", re.I)
CLEAR_DAYS = 5  # working days an agenda is published before the meeting (LGA 1972, s.100B)


def _contact_problems(reader: ConfigReader, raw: dict) -> list[CommitteePackError]:
    """The email address and website the front sheet prints, each as one."""
    problems: list[CommitteePackError] = []
    email, website = raw.get("email"), raw.get("website")
    if isinstance(email, str) and email.strip() and not EMAIL.fullmatch(email.strip()):
        problems.append(
            reader.error(
                ("agenda", "email"),
                f"'{email}' is not an email address; write it as committees@council.gov.uk",
            )
        )
    if isinstance(website, str) and website.strip() and not WEBSITE.fullmatch(website.strip()):
        problems.append(
            reader.error(
                ("agenda", "website"),
                f"'{website}' is not a web address; write it as www.council.gov.uk",
            )
        )
    return problems


def _members_twice(reader: ConfigReader, members: tuple) -> list[CommitteePackError]:
    """Each member listed again after the first time, at the later entry."""
    from .minutes import listed_again

    return [
        reader.error(("agenda", "members", index), f"'{name}' is listed twice; list each once")
        for _, index, name, _ in listed_again({"members": list(members)})
    ]


def _issued_problems(
    reader: ConfigReader, issued: object, meeting: dt.date
) -> list[CommitteePackError]:
    """An agenda issued on or after the day of its meeting is an error; one issued fewer than
    five clear working days before it (weekdays between the two) is a warning."""
    from ..errors import warn

    if not isinstance(issued, dt.date) or isinstance(issued, dt.datetime):
        return []
    key = ("agenda", "issued_on")
    if issued >= meeting:
        return [
            reader.error(
                key, f"{issued} is not before the meeting on {meeting}; the agenda is issued first"
            )
        ]
    between = (issued + dt.timedelta(days=n) for n in range(1, (meeting - issued).days))
    clear = sum(1 for day in between if day.weekday() < 5)
    if clear < CLEAR_DAYS:
        warn(
            reader.error(
                key,
                f"{issued} leaves {clear} clear working day{'s' * (clear != 1)} before the "
                f"meeting on {meeting} (weekdays between the two; bank holidays would make it "
                f"fewer); an agenda is published at least {CLEAR_DAYS} clear working days before",
            )
        )
    return []


def _contact(telephone: str, email: str) -> str:
    """`` on 01234 567890 or at committee@example.gov.uk``, or nothing."""
    ways = [f"on {telephone}" if telephone else "", f"at {email}" if email else ""]
    shown = " or ".join(way for way in ways if way)
    return f" {shown}" if shown else ""


def _report(
    config: Config, reader: ConfigReader, entry: dict, number: int, problems: list
) -> ReportEntry:
    where = ("agenda", "reports", number)
    paper = entry.get("paper")
    if paper is not None and paper != "agenda-item":
        problems.append(
            reader.error(
                (*where, "paper"),
                f"'{paper}' cannot be an agenda item; only "
                '"agenda-item" is a report (the other papers are its appendices)',
            )
        )
    if paper is None and not (entry.get("file") and entry.get("title")):
        problems.append(
            reader.error(
                where,
                'give paper = "agenda-item", or the title and file of a report written elsewhere',
            )
        )
    files = []
    for key, name in [("file", entry.get("file"))] + [
        (("appendices", i), name) for i, name in enumerate(entry.get("appendices", []))
    ]:
        if name is None:
            continue
        path = config.root / name
        path_key = (*where, *(key if isinstance(key, tuple) else (key,)))
        if not name.lower().endswith(".docx"):
            problems.append(
                reader.error(
                    path_key,
                    f"'{name}' is not a .docx; save it from Word as a Word Document (.docx)",
                )
            )
        elif not path.is_file():
            problems.append(reader.error(path_key, f"'{name}' does not exist; fix the name"))
        elif not config.allows(path):
            problems.append(
                reader.error(
                    path_key,
                    f"'{name}' lies outside the project and its shared folders, so it is not read",
                )
            )
        elif (unpacked := unpacked_problem(path)) is not None:
            problems.append(reader.error(path_key, f"'{name}' {unpacked}"))
        elif not _opens(path):
            problems.append(
                reader.error(
                    path_key,
                    f"'{name}' {word_not_opened(path) or NOT_OPENED}",
                )
            )
        files.append(path)
    return ReportEntry(
        paper=paper,
        title=entry.get("title", ""),
        file=files[0] if entry.get("file") else None,
        appendices=tuple(files[1:] if entry.get("file") else files),
        exempt_paragraph=entry.get("exempt_paragraph"),
    )


def _opens(path: Path) -> bool:
    """Whether ``path`` opens as a Word document."""
    import docx

    try:
        docx.Document(str(path))
    except Exception:  # a corrupt or non-Word file raises many kinds
        return False
    return True
