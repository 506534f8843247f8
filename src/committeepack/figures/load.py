"""Reading figure tables from CSV files or Excel sheets, checking every cell.

Each table is declared in ``committeepack.toml`` under ``[tables.NAME]`` with its kind, its file
(or workbook and sheet) and, where the file's headings differ from committeepack's, a
``columns`` mapping. Every problem names the file, the sheet, the row and the column.
The file itself is read by :mod:`.raw_table`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import CommitteePackError, InputError
from ..file_names import shortened
from .cells import Column, blank, check_cell
from .headings import (
    heading_key,
    heading_places,
    heading_row_above,
    heading_text,
    listed,
    months_across,
    periods_down,
    toml_key,
)
from .kind_columns import CHANGE_HEADINGS, NAME_HEADINGS, PUBLISHED_CHANGE
from .raw_table import TITLE_ROWS, UNDER_A_TITLE, is_workbook, read_table
from .table_notes import note_below, without_notes
from .text_columns import UNCHECKED, CheckedColumns
from .two_row_headings import two_row_table

MAX_PROBLEMS = 20  # per table: a wholly wrong file gives a screenful, not a million lines
# a workbook's empty cell under a full one: Excel keeps a merged cell's value in its first row
MERGED = " (if it is merged with the cell above, unmerge the cells and fill in each row)"


@dataclass
class Source:
    """Where a table comes from, as named in messages."""

    path: Path
    shown: str
    sheet: str | None = None

    def name(self) -> str:
        """``inputs/figures.xlsx [Districts]`` or ``inputs/crime.csv``."""
        return f"{self.shown} [{self.sheet}]" if self.sheet else self.shown


class Rows:
    """A table's checked rows: canonical column names to values, with each row's line. A
    table read a column at a time (or from the cache) keeps its ``columns``, and makes a
    dictionary for each row only when :attr:`rows` is first asked for: a builder that reads
    columns never pays for 400,000 dictionaries."""

    def __init__(
        self,
        source: Source,
        rows: list[dict] | None = None,
        lines: list[int] | None = None,
        columns: dict[str, list] | None = None,
    ) -> None:
        self.source = source
        self._rows = rows
        self.lines: list[int] = [] if lines is None else lines
        self._columns = columns

    @property
    def rows(self) -> list[dict]:
        """Each row as a dictionary of its columns' values."""
        if self._rows is None:
            if self._columns is None:
                self._rows = []
            elif self._columns:
                names, values = list(self._columns), self._columns.values()
                self._rows = [
                    dict(zip(names, cells, strict=False)) for cells in zip(*values, strict=True)
                ]
            else:  # a table of no declared columns
                self._rows = [{} for _ in self.lines]
        return self._rows

    def names(self) -> list[str]:
        """The columns the rows hold."""
        if self._columns is not None and self._rows is None:
            return list(self._columns)
        return list(self.rows[0]) if self.rows else []

    def column(self, name: str) -> list:
        """Every row's value in the column ``name``."""
        if self._columns is not None and self._rows is None:
            return self._columns[name]
        return [row[name] for row in self.rows]

    def error(self, line: int | None, message: str) -> InputError:
        """An error at ``line`` of this table."""
        return InputError(message, self.source.name(), line)


def _headings_below_a_title(table, missing: list[tuple[str, ...]]) -> int | None:
    """The row (as a spreadsheet numbers it) within the first few that holds a heading for
    every column ``missing`` from the first row (each given as the headings it may have), as
    when a table is saved with its title above it."""
    if not missing:
        return None
    wanted = [{heading_key(name) for name in names} for names in missing]
    rows = zip(*table.cells.values(), strict=True)
    for index, row in zip(range(TITLE_ROWS), rows, strict=False):
        cells = {heading_key(heading_text(value)) for value in row if value is not None}
        if all(names & cells for names in wanted):
            return index + table.heading_line + 1  # the first row holds the title's "headings"
    return None


def _headings_for(name: str, renames: dict[str, str], context: dict) -> tuple[str, ...]:
    """The headings the column ``name`` is looked for under, in order: as mapped in
    committeepack.toml; else its own name and, for the two periods' columns, the period as
    ``[periods]`` names it (a published table heads them "Oct 2023 - Sep 2024"), for a name
    column the headings published tables give it (``Crime type``)."""
    if name in renames:
        return (renames[name],)
    if name == PUBLISHED_CHANGE:
        return CHANGE_HEADINGS
    period = (context.get("periods") or {}).get(name)
    return (name, period) if period else (name, *NAME_HEADINGS.get(name, ()))


SEPARATORS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def _other_separator(source: Source, table) -> str | None:
    """What separates the columns of a CSV file whose heading row is one cell holding
    semicolons or tabs (as some Excel settings save it), or None."""
    if is_workbook(source.path) or len(table.columns) != 1:
        return None
    [heading] = table.columns
    found = [name for mark, name in SEPARATORS.items() if mark in str(heading)]
    return found[0] if found else None


def check_rows(
    source: Source,
    columns: list[Column],
    renames: dict[str, str],
    context: dict,
    errors: list[CommitteePackError],
) -> Rows:
    """Validate every cell of the table against ``columns``; collect problems in ``errors``."""
    table = read_table(source.path, source.shown, source.sheet)
    headers = {heading_key(h): h for h in table.columns}
    result = Rows(source)
    before = len(errors)  # ``errors`` may already hold other tables' problems
    located: dict[str, str | None] = {}
    required = [_headings_for(c.name, renames, context) for c in columns if c.required]
    separator = _other_separator(source, table)
    if separator is not None:
        errors.append(
            result.error(
                1,
                f"the columns are separated by {separator}, not commas; in Excel, save it "
                "with Save As and the type 'CSV UTF-8 (Comma delimited)'",
            )
        )
        return result
    unfound = [names for names in required if not {heading_key(n) for n in names} & set(headers)]
    joined = None
    if unfound:  # every column's headings, optional ones too, may be named by the row below
        known = [_headings_for(c.name, renames, context) for c in columns]
        joined = two_row_table(table, required, known)
    if joined is not None:  # headings over two rows, as published tables write a period
        table = joined
        headers = {heading_key(h): h for h in table.columns}
        unfound = [n for n in required if not {heading_key(h) for h in n} & set(headers)]
    below = _headings_below_a_title(table, unfound)
    if below is not None:
        errors.append(
            result.error(
                below,
                f"the headings are on row {below}, under a title; {UNDER_A_TITLE}",
            )
        )
        return result
    if unfound and any(c.kind == "month" for c in columns):
        names = [_headings_for(name, renames, context)[0] for name in ("month", "count")]
        across = months_across(table, *names)
        if across:
            errors.append(result.error(table.heading_line, across))
            return result
    counts = [_headings_for(c.name, renames, context) for c in columns if c.kind == "count"]
    down = periods_down(table, columns[0]) if set(counts) & set(unfound) else ""
    if down:  # a long table, as open data is published
        errors.append(result.error(table.heading_line, down))
        return result
    places = heading_places(table)
    expected = {heading_key(n) for c in columns for n in _headings_for(c.name, renames, context)}
    above = heading_row_above(table, expected, required) if unfound and not joined else None
    if above is not None:  # `ward,,`: taken for a title, its other headings empty
        errors.append(result.error(*above))
        return result
    for column in columns:
        measured = column.of or column.name  # an indent measures another column's cells
        alternatives = _headings_for(measured, renames, context)
        wanted = next((n for n in alternatives if heading_key(n) in headers), alternatives[0])
        header = headers.get(heading_key(wanted))
        under = places.get(heading_key(wanted), [])
        if len(under) > 1 and column.kind == "published":  # which one is compared? neither
            located[column.name] = None
            continue
        if len(under) > 1:
            numbers = ", ".join(f"{n:,}" for n in under[:-1]) + f" and {under[-1]:,}"
            written = [table.shown()[n - 1] for n in under]
            if len(set(written)) > 1:  # alike once a note mark, case or spacing is set aside
                numbers += ": " + listed(written)
            errors.append(
                result.error(
                    table.heading_line,
                    f"{len(under)} columns are headed '{shortened(wanted)}' (columns {numbers}); "
                    "committeepack cannot tell which holds the figures; keep one and rename or "
                    "delete the rest",
                )
            )
            continue
        if header is None and column.required:
            named = (context.get("periods") or {}).get(measured)
            period = f" or '{named}' (its period)" if named and measured not in renames else ""
            line = table.heading_line
            passed = ""
            if joined is not None:
                passed = f" (headings read over rows {line - 1:,} and {line:,}, as one)"
            elif line > 1:
                passed = (
                    f" (read from row {line:,}: the rows above it hold one cell or none, like a "
                    "title)"
                )
            errors.append(
                result.error(
                    line,
                    f"no column '{wanted}'{period}; the columns are "
                    f"{listed(table.shown())}{passed}. Rename the column, or map it in "
                    f'committeepack.toml with columns = {{ {toml_key(column.name)} = "..." }}',
                )
            )
        located[column.name] = header
    if len(errors) > before:
        return result
    note = note_below(table)
    if note is not None and note.set_apart(table):
        table = without_notes(table, note)  # a source or footnotes, as a title is above
    elif note is not None:
        where = f" in column {note.place:,}, which has no heading" if note.place > 1 else ""
        apart = "" if note.stray else ", or set them apart with a blank row"
        errors.append(
            result.error(
                note.line,
                f"holds only '{shortened(note.text, 80)}'{where}, like a note below the table; "
                f"delete the notes below it{apart} (say where the figures come from with "
                'source = "..." in committeepack.toml), or fill in the row',
            )
        )
        return result
    seen: dict[str, dict[str, int]] = {c.name: {} for c in columns if c.unique}
    offset = table.heading_line + 1  # the first row under the headings
    if not is_workbook(source.path):  # a CSV is read as text: its columns checked whole
        whole = CheckedColumns(table, columns, located)
        if whole.all_good():
            return Rows(source, None, whole.lines(offset), whole.by_column())
        checked, blank_rows = whole.values, whole.blank
    else:
        checked, blank_rows = dict.fromkeys(located), None
    position = {h: i for i, h in enumerate(table.columns)}
    problems = 0
    # row by row, as tuples (not itertuples: slower), never held twice as dictionaries
    raws = zip(*table.cells.values(), strict=True)
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
                    above = table.cells[header][index - 1] if header and index else None
                    merged = MERGED if value is None and not blank(above) else ""
                    errors.append(result.error(line, f"column '{header}': {exc}{merged}"))
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
