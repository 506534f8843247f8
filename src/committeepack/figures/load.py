"""Reading figure tables from CSV files or Excel sheets, checking every cell.

Each table is declared in ``committeepack.toml`` under ``[tables.NAME]`` with its kind, its file
(or workbook and sheet) and, where the file's headings differ from committeepack's, a
``columns`` mapping. Every problem names the file, the sheet, the row and the column.
The file itself is read by :mod:`.raw_table`, and its columns found by :mod:`.column_places`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import CommitteePackError, InputError, warn
from ..file_names import shortened
from .cells import Column, blank, check_cell
from .column_places import locate_columns
from .dated_rows import dated_rows
from .hidden_rows import hidden_columns_message
from .pivot_totals import pivot_totals
from .raw_table import is_workbook, read_table
from .several_areas import several_areas
from .table_notes import note_below, without_notes
from .text_columns import UNCHECKED, CheckedColumns

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


def check_rows(
    source: Source,
    columns: list[Column],
    renames: dict[str, str],
    context: dict,
    errors: list[CommitteePackError],
) -> Rows:
    """Validate every cell of the table against ``columns``; collect problems in ``errors``."""
    table = read_table(source.path, source.shown, source.sheet)
    result = Rows(source)
    found = locate_columns(source, table, columns, renames, context)
    if found.problems:
        errors.extend(found.problems)
        return result
    table, located = found.table, found.headings
    hidden = [header for header in located.values() if header in table.hidden]
    if hidden:
        warn(result.error(table.heading_line, hidden_columns_message(hidden)))
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
    offset = table.heading_line + 1  # the first row under the headings
    if not is_workbook(source.path):  # a CSV is read as text: its columns checked whole
        whole = CheckedColumns(table, columns, located)
        if whole.all_good():
            return Rows(source, None, whole.lines(offset), whole.by_column())
        checked, blank_rows = whole.values, whole.blank
    else:
        checked, blank_rows = dict.fromkeys(located), None
    # a table's shapes whose every row would be a problem, told in one line; looked for only
    # when a cell is wrong (a CSV whose cells are all good has neither), not in the fast path
    totals = pivot_totals(table, columns, located, offset)
    if totals is not None:  # subtotals copied from a PivotTable: rows without a name
        errors.append(result.error(*totals))
        return result
    dated = dated_rows(table, columns, located)
    if dated:  # a row a day or a week where a row a month goes
        errors.append(result.error(table.heading_line, dated))
        return result
    seen: dict[str, dict[str, int]] = {c.name: {} for c in columns if c.unique}
    position = {h: i for i, h in enumerate(table.columns)}
    problems = 0
    start, repeated = len(errors), ""  # the heading of a column whose names repeat
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
                    problems += 1
                    repeated = repeated or str(header)
                seen[column.name][key] = line
        result.rows.append(row)
        result.lines.append(line)
    if not repeated and problems >= MAX_PROBLEMS:  # stopped early: do names repeat below?
        repeated = _repeating(table, columns, located)
    if repeated:  # names repeat: a table of several areas?
        areas = several_areas(table, repeated, {h for h in located.values() if h})
        if areas:  # a national or county table: one line, not one per repeated name, nor
            del errors[start:]  # for a symbol ([x]) in another area's row: filter it first
            errors.append(result.error(table.heading_line, areas))
    if not result.rows:
        errors.append(result.error(None, "the table has no rows"))
    return result


def _repeating(table, columns: list[Column], located: dict[str, str | None]) -> str:
    """The heading of a column of names (one whose values are each on one row) in which a
    name is on two rows, or ""."""
    for column in columns:
        header = located.get(column.name)
        if column.unique and header is not None:
            names = [str(v).strip().casefold() for v in table.cells[header] if not blank(v)]
            if len(set(names)) < len(names):
                return header
    return ""
