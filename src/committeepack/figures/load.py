"""Reading figure tables from CSV files or Excel sheets, checking every cell.

Each table is declared in ``committeepack.toml`` under ``[tables.NAME]`` with its kind, its file
(or workbook and sheet) and, where the file's headings differ from committeepack's, a
``columns`` mapping. Every problem names the file, the sheet, the row and the column.
pandas is imported only here, and only when a table is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CommitteePackError, InputError
from .cells import Column, blank, check_cell
from .text_columns import UNCHECKED, CheckedColumns

MAX_TABLE_BYTES = 120_000_000  # measured: a 100 MB table builds in about 750-800 MB of memory
MAX_PROBLEMS = 20  # per table: a wholly wrong file gives a screenful, not a million lines


@dataclass
class Source:
    """Where a table comes from, as named in messages."""

    path: Path
    shown: str
    sheet: str | None = None

    def name(self) -> str:
        """``inputs/figures.xlsx [Districts]`` or ``inputs/crime.csv``."""
        return f"{self.shown} [{self.sheet}]" if self.sheet else self.shown


@dataclass
class Rows:
    """A table's checked rows: canonical column names to values, with each row's line."""

    source: Source
    rows: list[dict] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def error(self, line: int | None, message: str) -> InputError:
        """An error at ``line`` of this table."""
        return InputError(message, self.source.name(), line)


def read_frame(source: Source):
    """The raw table as a pandas DataFrame of text and numbers (header on the first row)."""
    import pandas as pd

    if not source.path.is_file():
        raise InputError(
            "file not found; check the file name in committeepack.toml [tables]", source.shown
        )
    size = source.path.stat().st_size
    if size > MAX_TABLE_BYTES:
        raise InputError(
            f"is {size / 1e6:,.0f} MB; committeepack reads figure tables of up to "
            f"{MAX_TABLE_BYTES / 1e6:,.0f} MB (a build stays within 1 GB of memory). Summarise "
            "the extract first: one row per category, ward or month",
            source.shown,
        )
    try:
        if _is_workbook(source.path):
            return pd.read_excel(
                source.path, sheet_name=source.sheet or 0, dtype=object, engine="openpyxl"
            )
        return pd.read_csv(
            source.path,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,  # blank lines are rows, so rows are counted as in Excel
            encoding="utf-8-sig",
        )
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} cannot be read); in Excel, save "
            "it with Save As and the type 'CSV UTF-8 (Comma delimited)'",
            source.shown,
            first_undecodable_line(source.path),
        ) from None
    except pd.errors.EmptyDataError:
        raise InputError(
            "the file is empty; it needs a heading row, then one row per line of the table",
            source.shown,
        ) from None
    except pd.errors.ParserError as exc:
        match = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if match:
            raise InputError(
                f"this row has {match.group(3)} values but the heading row has "
                f"{match.group(1)}; put text that contains a comma in double quotes",
                source.shown,
                int(match.group(2)),
            ) from None
        raise InputError(f"cannot be read as CSV ({exc})", source.shown) from None
    except ValueError as exc:
        if source.sheet and "Worksheet named" in str(exc):
            raise InputError(
                f"the workbook has no sheet called '{source.sheet}'; check the "
                "sheet name in committeepack.toml",
                source.shown,
            ) from None
        raise InputError(f"cannot be read as a table ({exc})", source.shown) from None
    except Exception as exc:  # pandas and openpyxl raise many types for damaged files
        raise InputError(
            f"cannot be read as a table ({exc.__class__.__name__}); save it again from Excel",
            source.shown,
        ) from None


def _is_workbook(path: Path) -> bool:
    return path.suffix.lower() in (".xlsx", ".xlsm")


def first_undecodable_line(path: Path) -> int | None:
    """The first line of ``path`` that is not UTF-8 (counted from 1), or None."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return None


def check_rows(
    source: Source,
    columns: list[Column],
    renames: dict[str, str],
    context: dict,
    errors: list[CommitteePackError],
) -> Rows:
    """Validate every cell of the table against ``columns``; collect problems in ``errors``."""
    frame = read_frame(source)
    if frame.empty and not len(frame.columns):
        raise InputError(
            "the file is empty; it needs a heading row, then one row per line of the table",
            source.shown,
        )
    headers = {str(h).strip().casefold(): str(h) for h in frame.columns}
    result = Rows(source)
    before = len(errors)  # ``errors`` may already hold other tables' problems
    located = {}
    for column in columns:
        wanted = renames.get(column.name, column.name)
        header = headers.get(wanted.casefold())
        if header is None and column.required:
            found = ", ".join(f"'{h}'" for h in frame.columns)
            errors.append(
                result.error(
                    1,
                    f"no column '{wanted}'; the columns are {found}. Rename "
                    "the column, or map it in committeepack.toml with "
                    f'columns = {{ {column.name} = "..." }}',
                )
            )
        located[column.name] = header
    if len(errors) > before:
        return result
    seen: dict[str, dict[str, int]] = {c.name: {} for c in columns if c.unique}
    offset = 2  # the header is line 1
    if not _is_workbook(source.path):  # a CSV is read as text: its columns checked whole
        whole = CheckedColumns(frame, columns, located)
        if whole.all_good():
            result.rows, result.lines = whole.rows(), whole.lines(offset)
            return result
        checked, blank_rows = whole.values, whole.blank
    else:
        checked, blank_rows = dict.fromkeys(located), None
    position = {str(h): i for i, h in enumerate(frame.columns)}
    problems = 0
    # row by row, as tuples (not itertuples: slower), never held twice as dictionaries
    raws = zip(*(frame[name].tolist() for name in frame.columns), strict=True)
    for index, raw in enumerate(raws):
        line = index + offset
        if blank_rows[index] if blank_rows is not None else all(blank(v) for v in raw):
            continue
        if problems >= MAX_PROBLEMS:
            errors.append(
                result.error(line, "more problems from here on; fix the ones above first")
            )
            break
        row = {}
        for column in columns:
            header = located[column.name]
            fast = checked[column.name]
            if fast is not None and fast[index] is not UNCHECKED:
                row[column.name] = fast[index]
            else:
                value = raw[position[header]] if header is not None else None
                try:
                    row[column.name] = check_cell(column, value, context)
                except ValueError as exc:
                    errors.append(result.error(line, f"column '{header}': {exc}"))
                    problems += 1
                    continue
            if column.unique and row[column.name] is not None:
                key = str(row[column.name]).casefold()
                if key in seen[column.name]:
                    errors.append(
                        result.error(
                            line,
                            f"column '{header}': '{row[column.name]}' "
                            f"is already on row {seen[column.name][key]}; "
                            "each appears once",
                        )
                    )
                seen[column.name][key] = line
        result.rows.append(row)
        result.lines.append(line)
    if not result.rows:
        errors.append(result.error(None, "the table has no rows"))
    return result
