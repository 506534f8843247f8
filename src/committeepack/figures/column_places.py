"""Where a table's columns are among its headings: each column committeepack reads found
under its own name, its mapping in ``committeepack.toml`` or the headings published tables give
it, and a table saved in a shape committeepack cannot read (its headings under a title or over
two rows, its months across, its periods down, another separator) told as such."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ColumnNotRead, InputError, warn
from ..file_names import shortened
from .cells import Column
from .described_headings import (
    DIFFERENCE,
    PERCENT,
    POPULATION,
    RATE,
    described,
)
from .headings import (
    heading_key,
    heading_places,
    heading_row_above,
    heading_text,
    listed,
    months_across,
    months_for_periods,
    periods_down,
    row_per_event,
    toml_key,
)
from .kind_columns import (
    CHANGE_HEADINGS,
    DIFFERENCE_HEADINGS,
    NAME_HEADINGS,
    PUBLISHED_CHANGE,
    PUBLISHED_DIFFERENCE,
)
from .near_misses import near_misses
from .raw_table import TITLE_ROWS, UNDER_A_TITLE, RawTable, is_workbook
from .two_row_headings import two_row_table

if TYPE_CHECKING:
    from .load import Source

Error = Callable[[int | None, str], InputError]


@dataclass
class Located:
    """A table's columns found: the table (its headings joined from two rows where it writes
    them so), each column's heading (None where the table has none, or two published %
    changes), and the problems that stop it being read (none when it can be)."""

    table: RawTable
    headings: dict[str, str | None]
    problems: list[InputError]


def locate_columns(
    source: Source, table: RawTable, columns: list[Column], renames: dict[str, str], context: dict
) -> Located:
    """The heading of each of ``columns`` in ``table``, read from ``source``, or what is wrong
    with the table's headings."""

    def error(line: int | None, message: str) -> InputError:
        return InputError(message, source.name(), line)

    headers = {heading_key(h): h for h in table.columns}
    required = [headings_for(c.name, renames, context) for c in columns if c.required]
    separator = _other_separator(source, table)
    if separator is not None:
        message = (
            f"the columns are separated by {separator}, not commas; in Excel, save it with "
            "Save As and the type 'CSV UTF-8 (Comma delimited)'"
        )
        return Located(table, {}, [error(1, message)])
    unfound = [names for names in required if not {heading_key(n) for n in names} & set(headers)]
    joined = None
    if unfound:  # every column's headings, optional ones too, may be named by the row below
        known = [headings_for(c.name, renames, context) for c in columns]
        joined = two_row_table(table, required, known)
    if joined is not None:  # headings over two rows, as published tables write a period
        table = joined
        headers = {heading_key(h): h for h in table.columns}
        unfound = [n for n in required if not {heading_key(h) for h in n} & set(headers)]
    below = _headings_below_a_title(table, unfound)
    if below is not None:
        message = f"the headings are on row {below}, under a title; {UNDER_A_TITLE}"
        return Located(table, {}, [error(below, message)])
    if unfound and any(c.kind == "month" for c in columns):
        names = [headings_for(name, renames, context)[0] for name in ("month", "count")]
        across = months_across(table, *names)
        if not across and unfound == [headings_for("count", renames, context)]:
            across = row_per_event(table, *names)
        if across:
            return Located(table, {}, [error(table.heading_line, across)])
    counts = [headings_for(c.name, renames, context) for c in columns if c.kind == "count"]
    missing = [names for names in counts if names in unfound]
    monthly = months_for_periods(table, [names[-1] for names in missing]) if missing else ""
    if monthly:  # months across where the periods' columns go: one line, not one a period
        return Located(table, {}, [error(table.heading_line, monthly)])
    down = periods_down(table, columns[0]) if set(counts) & set(unfound) else ""
    if down:  # a long table, as open data is published
        return Located(table, {}, [error(table.heading_line, down)])
    expected = {heading_key(n) for c in columns for n in headings_for(c.name, renames, context)}
    above = heading_row_above(table, expected, required) if unfound and not joined else None
    if above is not None:  # `ward,,`: taken for a title, its other headings empty
        return Located(table, {}, [error(*above)])
    located, problems = _each_heading(table, columns, renames, context, joined is not None, error)
    if not problems:
        for message in near_misses(table, columns, located):
            warn(ColumnNotRead(message, source.name(), table.heading_line))
    return Located(table, located, problems)


def _each_heading(
    table: RawTable,
    columns: list[Column],
    renames: dict[str, str],
    context: dict,
    joined: bool,
    error: Error,
) -> tuple[dict[str, str | None], list[InputError]]:
    """Each column's heading in ``table`` (None where it has none), and the problems: a
    required column missing, or a heading that two columns have."""
    problems: list[InputError] = []
    headers = {heading_key(h): h for h in table.columns}
    places = heading_places(table)
    located: dict[str, str | None] = {}
    for column in columns:
        measured = column.of or column.name  # an indent measures another column's cells
        alternatives = headings_for(measured, renames, context)
        wanted = next((n for n in alternatives if heading_key(n) in headers), alternatives[0])
        header = headers.get(heading_key(wanted))
        if header is None and column.name in DESCRIBED and column.name not in renames:
            header = _described_heading(headers, column, columns, context)
            wanted = header or wanted
        under = places.get(heading_key(wanted), [])
        if len(under) > 1 and column.kind == "published":  # which one is compared? neither
            located[column.name] = None
            continue
        taken = header is not None and header in located.values() and column.of is None
        if taken and not column.required:  # by another column ("Offence group" alone)
            located[column.name] = None
            continue
        if len(under) > 1:
            numbers = ", ".join(f"{n:,}" for n in under[:-1]) + f" and {under[-1]:,}"
            written = [table.shown()[n - 1] for n in under]
            if len(set(written)) > 1:  # alike once a note mark, case or spacing is set aside
                numbers += ": " + listed(written)
            problems.append(
                error(
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
            if joined:
                passed = f" (headings read over rows {line - 1:,} and {line:,}, as one)"
            elif line > 1:
                passed = (
                    f" (read from row {line:,}: the rows above it hold one cell or none, like a "
                    "title)"
                )
            problems.append(
                error(
                    line,
                    f"no column '{wanted}'{period}; the columns are "
                    f"{listed(table.shown())}{passed}. Rename the column, or map it in "
                    f'committeepack.toml with columns = {{ {toml_key(column.name)} = "..." }}',
                )
            )
        located[column.name] = header
    return located, problems


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


def headings_for(name: str, renames: dict[str, str], context: dict) -> tuple[str, ...]:
    """The headings the column ``name`` is looked for under, in order: as mapped in
    committeepack.toml; else its own name and, for the two periods' columns, the period as
    ``[periods]`` names it (a published table heads them "Oct 2023 - Sep 2024"), for a name
    column the headings published tables give it (``Crime type``)."""
    if name in renames:
        return (renames[name],)
    if name in PUBLISHED:
        return PUBLISHED[name][1]
    period = (context.get("periods") or {}).get(name)
    return (name, period) if period else (name, *NAME_HEADINGS.get(name, ()))


# each column of a published comparison: the kind its heading says, its usual headings
PUBLISHED = {
    PUBLISHED_CHANGE: (PERCENT, CHANGE_HEADINGS),
    PUBLISHED_DIFFERENCE: (DIFFERENCE, DIFFERENCE_HEADINGS),
}
# the columns also found by what their headings say (:mod:`.described_headings`)
DESCRIBED = {
    **{name: kind for name, (kind, _) in PUBLISHED.items()},
    "population": POPULATION,
    "rate": RATE,
}


def _described_heading(
    headers: dict[str, str], column: Column, columns: list[Column], context: dict
) -> str | None:
    """The heading of ``column`` worded as a published table words it ("% change on previous
    year", "Population (mid-2023)"), when the table has one (:mod:`.described_headings`)."""
    periods = [*(context.get("periods") or {}).values()]
    periods += [c.name for c in columns if c.kind == "count"]
    kind = DESCRIBED[column.name]
    if kind == RATE and ("population" in headers or described(list(headers), POPULATION, periods)):
        return None  # the rates are worked out from the populations: a rate column is not read
    key = described(list(headers), kind, periods)
    return None if key is None else headers[key]


SEPARATORS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def _other_separator(source: Source, table) -> str | None:
    """What separates the columns of a CSV file whose heading row is one cell holding
    semicolons or tabs (as some Excel settings save it), or None."""
    if is_workbook(source.path) or len(table.columns) != 1:
        return None
    [heading] = table.columns
    found = [name for mark, name in SEPARATORS.items() if mark in str(heading)]
    return found[0] if found else None
