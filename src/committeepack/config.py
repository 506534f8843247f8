"""The project configuration: ``committeepack.toml`` at the project root.

It holds the facts entered once for every paper: the council, the partnership, the committee
and its meeting, people and their roles, the council's cross-cutting implication rows and the
branding. :func:`load_config` validates the whole file and reports every problem together.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .config_reader import CONFIG_NAME, ConfigReader
from .errors import ConfigError, raise_all

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


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
    accent_colour: str = "#28A197"
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
    branding: Branding = field(default_factory=Branding)
    priorities: list[Priority] = field(default_factory=list)
    committee_acting_as: str = ""
    language: str = "en-GB"
    output_dir: str = "out"
    papers: list[str] | None = None  # the papers "build" makes; None means every paper
    page_orientation: str = "landscape"  # of the data on a page
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

    def priority(self, key: str) -> Priority | None:
        """The priority with ``key``, or None."""
        return next((p for p in self.priorities if p.key == key), None)

    def reader(self) -> ConfigReader:
        """A reader over the raw configuration, for stages that declare their own keys."""
        return ConfigReader(self.raw, self.text)


def find_project_root(start: Path) -> Path:
    """The folder holding ``committeepack.toml``: ``start`` or one of its parents."""
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
    """Read and validate ``root/committeepack.toml``, raising every problem at once."""
    path = root / CONFIG_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            "file not found; start a project with 'committeepack new PATH'", CONFIG_NAME
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(
            f"not valid TOML ({message}); quote text values and use YYYY-MM-DD for dates",
            CONFIG_NAME,
            int(match.group(1)) if match else None,
        ) from None
    reader = ConfigReader(data, text)
    config = Config(
        root=root,
        council=reader.text("council.name"),
        partnership=reader.text("partnership.name"),
        area=reader.text("council.area"),
        committee=reader.text("committee.name"),
        committee_acting_as=reader.text("committee.acting_as", required=False),
        meeting=Meeting(
            date=reader.date("meeting.date"),
            time=reader.text("meeting.time"),
            venue=reader.text("meeting.venue"),
        ),
        people=_people(reader),
        implications=_implications(reader),
        branding=_branding(reader),
        priorities=_priorities(reader),
        language=reader.text("document.language", required=False) or "en-GB",
        output_dir=reader.text("document.output_folder", required=False) or "out",
        papers=reader.texts("document.papers"),
        page_orientation=_orientation(reader),
        raw=data,
        text=text,
    )
    raise_all(reader.errors)
    return config


def _people(reader: ConfigReader) -> dict[str, Person]:
    table = reader.get("people")
    if not isinstance(table, dict) or not table:
        reader.fail(
            "people",
            "missing; add a [people.KEY] table with name and title for "
            "each officer the papers name",
        )
        return {}
    people = {}
    for key in table:
        name = reader.text(f"people.{key}.name")
        title = reader.text(f"people.{key}.title")
        people[key] = Person(name, title)
    return people


def _implications(reader: ConfigReader) -> list[ImplicationRow]:
    rows = reader.get("implications")
    if not isinstance(rows, list) or not rows:
        reader.fail(
            "implications",
            "missing; list the council's cross-cutting rows in order "
            'as [[implications]] tables with issue = "..." and sign_off = "..."',
        )
        return []
    result, seen = [], set()
    for index, row in enumerate(rows, 1):
        issue, sign_off = row.get("issue"), row.get("sign_off")
        if not isinstance(issue, str) or not issue.strip():
            reader.fail("implications.issue", f"row {index} has no issue name")
            continue
        if issue.strip().casefold() in seen:
            reader.fail("implications.issue", f"row {index} repeats {issue!r}; keep one")
        seen.add(issue.strip().casefold())
        if not isinstance(sign_off, str) or not sign_off.strip():
            reader.fail("implications.sign_off", f"row {issue!r} has no default sign_off role")
            sign_off = ""
        result.append(ImplicationRow(issue.strip(), sign_off.strip()))
    return result


def _priorities(reader: ConfigReader) -> list[Priority]:
    rows = reader.get("priorities")
    if rows is None:
        return []
    if not isinstance(rows, list):
        reader.fail("priorities", "must be [[priorities]] tables with key, name and short_name")
        return []
    result, seen = [], set()
    for index, row in enumerate(rows, 1):
        values = {}
        for name in ("key", "name", "short_name"):
            value = row.get(name)
            if not isinstance(value, str) or not value.strip():
                reader.fail(f"priorities.{name}", f"priority {index} has no {name}")
                value = ""
            values[name] = value.strip()
        if not re.fullmatch(r"[a-z][a-z0-9_]*", values["key"] or "x"):
            reader.fail(
                "priorities.key",
                f"{values['key']!r} must be lower case letters, "
                "digits and _ (it names the priority in other files)",
            )
        if values["key"] in seen:
            reader.fail("priorities.key", f"{values['key']!r} is used twice; keys are unique")
        seen.add(values["key"])
        groups = row.get("sub_groups", [])
        if not isinstance(groups, list) or not all(isinstance(g, str) for g in groups):
            reader.fail("priorities.sub_groups", f"priority {index}: a list of group names")
            groups = []
        objective = row.get("objective", "")
        if not isinstance(objective, str):
            reader.fail("priorities.objective", f"priority {index}: the objective is text")
            objective = ""
        result.append(
            Priority(
                values["key"],
                values["name"],
                values["short_name"],
                tuple(groups),
                objective.strip(),
            )
        )
    return result


def _branding(reader: ConfigReader) -> Branding:
    default = Branding()
    font = reader.text("branding.font", required=False) or default.font
    size = reader.get("branding.body_size")
    if size is None:
        size = default.body_size
    elif not isinstance(size, int | float) or isinstance(size, bool) or size < 11:
        reader.fail("branding.body_size", "must be a number of points, 11 or more")
        size = default.body_size
    colours = {}
    for key in ("heading_colour", "accent_colour"):
        value = reader.text(f"branding.{key}", required=False) or getattr(default, key)
        if not HEX_COLOUR.match(value):
            reader.fail(f"branding.{key}", f'{value!r} is not a colour like "#12436D"')
            value = getattr(default, key)
        colours[key] = value
    logo = reader.text("branding.logo", required=False)
    return Branding(font, float(size), logo=Path(logo) if logo else None, **colours)


def _orientation(reader: ConfigReader) -> str:
    value = reader.get("data_on_a_page.orientation") or "landscape"
    if value not in ("landscape", "portrait"):
        reader.fail("data_on_a_page.orientation", "use landscape or portrait")
        return "landscape"
    return value
