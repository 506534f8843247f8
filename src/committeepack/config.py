"""The project configuration: ``committeepack.toml`` at the project root.

It holds the facts entered once for every paper: the council, the partnership, the committee
and its meeting, people and their roles, the council's cross-cutting implication rows and the
branding. :func:`load_config` validates the whole file and reports every problem together.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .config_checks import (
    allowed_folders,
    check_document,
    check_meeting_date,
    check_output_folder,
    check_period_order,
    check_table_files,
    inside,
)
from .config_logo import check_logo
from .config_reader import CONFIG_NAME, ConfigReader, read_config_text
from .config_schema import BODY_SIZES, SCHEMA
from .errors import ConfigError, InputError, raise_all, relative
from .file_kinds import not_a_file
from .file_names import name_problem, shortened
from .schema import HEX_COLOUR, validate


@dataclass(frozen=True)
class Person:
    """Someone named in the papers, with the job title printed beside the name."""

    name: str
    title: str

    def __str__(self) -> str:
        return f"{self.name}, {self.title}"


@dataclass(frozen=True)
class ImplicationRow:
    """One row the council requires in every cross-cutting implications table."""

    issue: str
    sign_off: str


@dataclass(frozen=True)
class Priority:
    """A priority of the partnership, defined once and named the same in every paper."""

    key: str
    name: str
    short_name: str
    sub_groups: tuple[str, ...] = ()
    objective: str = ""


@dataclass(frozen=True)
class Branding:
    """House style used to generate the default templates."""

    font: str = "Arial"
    body_size: float = 12.0
    heading_colour: str = "#12436D"
    logo: Path | None = None


@dataclass(frozen=True)
class Meeting:
    """The committee meeting the papers go to."""

    date: dt.date
    time: str
    venue: str


@dataclass
class Config:
    """Validated project configuration."""

    root: Path
    council: str
    partnership: str
    area: str
    committee: str
    meeting: Meeting
    people: dict[str, Person]
    implications: list[ImplicationRow]
    glossary: dict[str, str] = field(default_factory=dict)
    branding: Branding = field(default_factory=Branding)
    priorities: list[Priority] = field(default_factory=list)
    committee_acting_as: str = ""
    language: str = "en-GB"
    output_dir: str = "out"
    papers: list[str] | None = None  # the papers "build" makes; None means every paper
    page_orientation: str = "landscape"  # of the data on a page
    folders: tuple[Path, ...] = ()  # where inputs may be read: the project, shared folders
    max_printed_rows: int = 500  # rows of one table the papers may print
    chart_bars: int = 25  # bars of one chart; more are shown as the largest and "All other"
    raw: dict = field(default_factory=dict, repr=False)
    text: str = field(default="", repr=False)

    @property
    def path(self) -> Path:
        """The configuration file itself."""
        return self.root / CONFIG_NAME

    def as_context(self) -> dict:
        """The configuration's facts as names for templates and narrative."""
        return {
            "council": self.council,
            "partnership": self.partnership,
            "area": self.area,
            "committee": self.committee,
            "committee_acting_as": self.committee_acting_as,
            "meeting": self.meeting,
            "people": self.people,
            "priorities": self.priorities,
        }

    def allows(self, path: Path) -> bool:
        """Whether ``path`` (links resolved) lies in the project or a shared folder, so that
        it may be read. A named pipe or a device there is an error: reading it would wait
        for ever, or never end."""
        special = not_a_file(path)
        if special is not None:
            raise InputError(
                f"is {special}, not a file, so reading it could wait for ever or never end; "
                "put the file itself there",
                relative(path, self.root),
            )
        return inside(path, self.folders or (self.root.resolve(),))

    def priority(self, key: str) -> Priority | None:
        """The priority with ``key``, or None."""
        return next((p for p in self.priorities if p.key == key), None)

    def reader(self) -> ConfigReader:
        """A reader over the raw configuration, for stages that declare their own keys."""
        return ConfigReader(self.raw, self.text)


def find_project_root(start: Path) -> Path:
    """The folder holding ``committeepack.toml``: ``start`` or one of its parents. A
    ``start`` that does not exist is an error (a mistyped ``--project`` would otherwise
    find the project of the folder the command runs in)."""
    problem = name_problem(start.as_posix())
    if problem:  # the file system would fail on such a name with an error of its own
        raise ConfigError(f"the folder '{shortened(str(start))}' {problem}")
    if not start.is_dir():
        raise ConfigError(
            f"no folder '{start}'; give the folder of a project (the one holding "
            "committeepack.toml)"
        )
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ConfigError(
        f"no {CONFIG_NAME} here or in any parent folder; run this in a project folder, "
        "or start one with 'committeepack new PATH'",
        str(start),
    )


def load_config(root: Path) -> Config:
    """Read and validate ``root/committeepack.toml`` against its schema, raising every
    problem at once, each at its own line."""
    data, text = read_config_text(root / CONFIG_NAME)
    reader = ConfigReader(data, text)
    for problem in validate(data, SCHEMA):
        reader.fail(problem.path, problem.message)
    folders = allowed_folders(reader, root)
    council, partnership = data.get("council", {}), data.get("partnership", {})
    committee, meeting = data.get("committee", {}), data.get("meeting", {})
    document = _table(data, "document")
    config = Config(
        root=root,
        council=_str(council, "name"),
        partnership=_str(partnership, "name"),
        area=_str(council, "area"),
        committee=_str(committee, "name"),
        committee_acting_as=_str(committee, "acting_as"),
        meeting=Meeting(
            date=meeting.get("date") if _is_date(meeting.get("date")) else dt.date(1970, 1, 1),
            time=_str(meeting, "time"),
            venue=_str(meeting, "venue"),
        ),
        people=_people(data),
        implications=_implications(reader),
        glossary={str(k): v for k, v in _table(data, "glossary").items() if isinstance(v, str)},
        branding=_branding(data, reader, root, folders),
        folders=folders,
        priorities=_priorities(reader),
        language=_str(document, "language") or "en-GB",
        output_dir=_str(document, "output_folder") or "out",
        papers=document.get("papers") if isinstance(document.get("papers"), list) else None,
        max_printed_rows=document.get("max_printed_rows", 500)
        if isinstance(document.get("max_printed_rows", 500), int)
        else 500,
        chart_bars=document.get("chart_bars", 25)
        if isinstance(document.get("chart_bars", 25), int)
        else 25,
        page_orientation=_str(_table(data, "data_on_a_page"), "orientation") or "landscape",
        raw=data,
        text=text,
    )
    check_table_files(reader, root, config.folders)
    check_output_folder(reader, root)
    check_document(reader)
    check_meeting_date(reader)
    check_period_order(reader)
    raise_all(reader.errors)
    return config


def _table(data: object, key: str) -> dict:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def _str(table: object, key: str) -> str:
    value = table.get(key) if isinstance(table, dict) else None
    return value.strip() if isinstance(value, str) else ""


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _people(data: dict) -> dict[str, Person]:
    people = _table(data, "people")
    return {
        str(key): Person(_str(entry, "name"), _str(entry, "title"))
        for key, entry in people.items()
        if isinstance(entry, dict)
    }


def _entries(reader: ConfigReader, key: str) -> list[tuple[int, dict]]:
    rows = reader.get(key)
    if not isinstance(rows, list):
        return []
    return [(index, row) for index, row in enumerate(rows) if isinstance(row, dict)]


def _implications(reader: ConfigReader) -> list[ImplicationRow]:
    result, seen = [], set()
    for index, row in _entries(reader, "implications"):
        issue = _str(row, "issue")
        if issue and issue.casefold() in seen:
            reader.fail(("implications", index, "issue"), f"repeats {issue!r}; keep one")
        seen.add(issue.casefold())
        result.append(ImplicationRow(issue, _str(row, "sign_off")))
    return result


def _priorities(reader: ConfigReader) -> list[Priority]:
    result, seen = [], set()
    for index, row in _entries(reader, "priorities"):
        key = _str(row, "key")
        if key and not re.fullmatch(r"[a-z][a-z0-9_]*", key):
            reader.fail(
                ("priorities", index, "key"),
                f"{key!r} must be lower case letters, digits and _ (it names the priority in "
                'other files), for example  key = "serious_violence"',
            )
        if key and key in seen:
            reader.fail(("priorities", index, "key"), f"{key!r} is used twice; keys are unique")
        seen.add(key)
        groups = row.get("sub_groups", [])
        result.append(
            Priority(
                key,
                _str(row, "name"),
                _str(row, "short_name"),
                tuple(g for g in groups if isinstance(g, str)) if isinstance(groups, list) else (),
                _str(row, "objective"),
            )
        )
    return result


def _branding(data: dict, reader: ConfigReader, root: Path, folders: tuple[Path, ...]) -> Branding:
    default, branding = Branding(), _table(data, "branding")
    size = branding.get("body_size")
    low, high = BODY_SIZES
    valid_size = (
        isinstance(size, int | float) and not isinstance(size, bool) and low <= size <= high
    )
    body_size = float(size) if valid_size and isinstance(size, int | float) else default.body_size
    colours = {
        key: value
        for key in ("heading_colour",)
        if isinstance(value := branding.get(key), str) and HEX_COLOUR.match(value)
    }
    logo = check_logo(reader, root, folders, _str(branding, "logo"))
    return Branding(
        _str(branding, "font") or default.font,
        body_size,
        logo=logo,
        **colours,
    )
