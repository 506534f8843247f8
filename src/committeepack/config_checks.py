"""Checks of ``committeepack.toml`` beyond its schema: the files it names exist, lie inside
the project and are of the right kind; the periods are in time order and the meeting is not
before the figures it hears."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from .config_reader import ConfigReader
from .errors import ConfigError
from .file_names import name_problem
from .paper_names import PAPER_NAMES

OUTSIDE = (
    "is outside the project folder; keep the file in the project, or declare its folder as "
    'shared in committeepack.toml, for example  [project] shared = ["../county-data"]'
)


def allowed_folders(reader: ConfigReader, root: Path) -> tuple[Path, ...]:
    """The project folder and the shared folders ``[project] shared`` declares (which must
    exist), resolved."""
    folders = [root.resolve()]
    shared = reader.get("project.shared")
    for index, written in enumerate(shared if isinstance(shared, list) else []):
        if name_problem(str(written)):
            continue  # the schema said why
        folder = (root / str(written)).resolve()
        if not folder.is_dir():
            reader.fail(("project", "shared", index), f"no folder {written!r}")
            continue
        folders.append(folder)
    return tuple(folders)


def inside(path: Path, folders: tuple[Path, ...]) -> bool:
    """Whether ``path``, with every link resolved, lies in one of ``folders``."""
    resolved = path.resolve()
    return any(resolved.is_relative_to(folder) for folder in folders)


def outside(written: str, path: Path) -> str:
    """Why ``path`` (``written`` in the configuration) may not be read, it lying outside the
    project and its shared folders: a name that leads out, or a link that does."""
    if os.path.isabs(written) or os.path.normpath(written).startswith(".."):
        return f"{written!r} {OUTSIDE}"
    if path.is_symlink():
        return f"{written!r} is a link to a file that {OUTSIDE}"
    return f"{written!r} is in a linked folder that {OUTSIDE}"


def check_table_files(reader: ConfigReader, root: Path, folders: tuple[Path, ...]) -> None:
    """Each figure table names one file, inside the project (or a shared folder): a CSV
    file, or a workbook (with its sheet)."""
    tables = reader.get("tables")
    for name, raw in (tables or {}).items() if isinstance(tables, dict) else ():
        if not isinstance(raw, dict):
            continue
        if "file" in raw and "workbook" in raw:
            reader.fail(("tables", name, "workbook"), "give file or workbook, not both")
        elif "file" not in raw and "workbook" not in raw:
            reader.fail(
                ("tables", name),
                'needs file = "inputs/figures/crime-by-type.csv", or workbook = '
                '"inputs/figures/county-comparison.xlsx" with sheet = "All crime"',
            )
        elif "sheet" in raw and "file" in raw:
            reader.fail(("tables", name, "sheet"), "a sheet goes with workbook, not file")
        for key in ("file", "workbook"):
            written = raw.get(key)
            if isinstance(written, str) and name_problem(written):
                continue  # the schema said why
            if isinstance(written, str) and not inside(root / written, folders):
                reader.fail(("tables", name, key), outside(written, root / written))


INPUTS, TEMPLATES, CACHE = "inputs", "templates", ".committeepack-cache"  # the project's own


def check_output_folder(reader: ConfigReader, root: Path) -> None:
    """The papers' folder is one of their own inside the project: not the project folder,
    and neither in nor around its inputs, templates or cache (a paper would take a
    template's place; cleaning the cache would delete the papers)."""
    written = reader.get("document.output_folder")
    if not isinstance(written, str) or not written.strip():
        return  # the default, or the schema said why
    project = root.resolve()
    folder = (root / written).resolve()
    key = ("document", "output_folder")
    example = 'for example  output_folder = "out"'
    if not folder.is_relative_to(project):
        reader.fail(
            key, f"{written!r} is outside the project folder; keep the papers in it, {example}"
        )
    elif folder == project:
        reader.fail(
            key,
            f"{written!r} is the project folder itself; give the papers a folder of their own, {example}",
        )
    else:
        for name in (INPUTS, TEMPLATES, CACHE):
            own = project / name
            if folder.is_relative_to(own) or own.is_relative_to(folder):
                where = "is" if folder == own else "lies in" if own in folder.parents else "holds"
                reader.fail(
                    key,
                    f"{written!r} {where} the project's {name} folder; give the papers a folder "
                    f"of their own, {example}",
                )
                return


LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")  # BCP 47, as Word writes it


def check_document(reader: ConfigReader) -> None:
    """``[document]``: a language tag screen readers can use, and papers that exist (an empty
    list would quietly mean every paper)."""
    language = reader.get("document.language")
    if isinstance(language, str) and language.strip() and not LANGUAGE_TAG.fullmatch(language):
        reader.fail(
            ("document", "language"),
            f"{language!r} is not a language tag; write one such as en-GB (English, UK) or "
            "cy-GB (Welsh), which screen readers read the papers in",
        )
    papers = reader.get("document.papers")
    if not isinstance(papers, list):
        return
    if not papers:
        reader.fail(
            ("document", "papers"),
            "is empty; list the papers to build, or leave papers out to build every one",
        )
    for index, name in enumerate(papers):
        if isinstance(name, str) and name not in PAPER_NAMES:
            reader.fail(
                ("document", "papers", index),
                f"{name!r} is not a paper; the papers are: {', '.join(PAPER_NAMES)}",
            )


YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def check_meeting_date(reader: ConfigReader) -> None:
    """The meeting is not in a year before the figures' current period begins (``Oct 2024 -
    Sep 2025``, ``2024/25``): a committee cannot hear figures not yet counted, so the year is
    mistyped (``0026-06-02``, ``2006-06-02``)."""
    date, current = reader.get("meeting.date"), reader.get("periods.current")
    if not isinstance(date, dt.date) or not isinstance(current, str):
        return
    began, _ = _years(current)
    if began is not None and date.year < began:
        reader.fail(
            ("meeting", "date"),
            f"{date.isoformat()} is before the figures' current period, {current!r}, began; "
            "check the meeting's year",
        )


def config_warnings(reader: ConfigReader) -> list[ConfigError]:
    """What in the configuration is allowed but likely wrong, each at its key: a meeting long
    after its figures, a heading colour too faint to read on the page."""
    return [found for found in (late_meeting(reader), faint_headings(reader)) if found]


def faint_headings(reader: ConfigReader) -> ConfigError | None:
    """A warning when the headings' colour, on the white page, is below the contrast WCAG 2
    asks of text (4.5:1): a brand's light shade (yellow, pale teal) that some cannot read."""
    from .colours import READABLE, WHITE, contrast

    colour = reader.get("branding.heading_colour")
    if not isinstance(colour, str) or not re.fullmatch(r"#?[0-9A-Fa-f]{6}", colour):
        return None  # the default, or the schema said why
    ratio = contrast(colour.lstrip("#"), WHITE)
    if ratio >= READABLE:
        return None
    return reader.error(
        ("branding", "heading_colour"),
        f"{colour} on the white page has a contrast of {ratio:.2f}:1, and headings need "
        f"{READABLE}:1 to be read by everyone (WCAG 2); choose a darker shade (the default is "
        "#12436D)",
    )


LATE_YEARS = 2  # a meeting later than this after its figures' period: stale figures, or a typo


def late_meeting(reader: ConfigReader) -> ConfigError | None:
    """A warning when the meeting is more than :data:`LATE_YEARS` years after the figures'
    current period ends (its latest four-digit year): the figures are stale or the year is
    mistyped (``2062-06-02``). Not an error: an old pack may be rebuilt with its own date."""
    date, current = reader.get("meeting.date"), reader.get("periods.current")
    if not isinstance(date, dt.date) or not isinstance(current, str):
        return None
    _, ended = _years(current)
    if ended is None or date.year <= ended + LATE_YEARS:
        return None
    return reader.error(
        ("meeting", "date"),
        f"{date.isoformat()} is {date.year - ended} years after the figures' current "
        f"period, {current!r}, ended; check the meeting's year, or bring the figures up to date",
    )


def check_period_order(reader: ConfigReader) -> None:
    """Periods read as ranges of months (``Oct 2024 - Sep 2025``, ``2024/25``) are in time
    order: ``[periods]`` previous before current, and a district table's ``periods`` oldest
    first (the last is the one ranked and compared). Swapped, every change would be said the
    wrong way round."""
    previous, current = reader.get("periods.previous"), reader.get("periods.current")
    began, begins = _start(previous), _start(current)
    if began and begins and begins <= began:
        reader.fail(
            ("periods", "current"),
            f"{current!r} does not begin after the previous period, {previous!r}; previous "
            "is the earlier of the two, current the later",
        )
    tables = reader.get("tables")
    for name, table in tables.items() if isinstance(tables, dict) else []:
        labels = table.get("periods") if isinstance(table, dict) else None
        if not isinstance(labels, list):
            continue
        for index in range(1, len(labels)):
            before, after = _start(labels[index - 1]), _start(labels[index])
            if before and after and after <= before:
                reader.fail(
                    ("tables", name, "periods", index),
                    f"{labels[index]!r} does not begin after {labels[index - 1]!r}, the period "
                    "before it; list the periods oldest first (the last is the one ranked)",
                )
                break


def _years(period: str) -> tuple[int | None, int | None]:
    """The years a period begins and ends in: from its months where it reads as a range of
    months (``2024/25`` ends in 2025), else its earliest and latest four-digit years."""
    first, last = _months(period)
    if first and last:
        return int(first[:4]), int(last[:4])
    years = [int(year) for year in YEAR.findall(period)]
    return (min(years), max(years)) if years else (None, None)


def _start(label: object) -> str | None:
    """The first month (YYYY-MM) of a period that reads as a range of months, else None."""
    return _months(label)[0]


def _months(label: object) -> tuple[str | None, str | None]:
    from .figures.periods import period_key

    key = period_key(label) if isinstance(label, str) else ""
    first, _, last = key.partition("..")
    return (first, last) if last else (None, None)
