"""Headings written over two rows, as published tables head their columns: a period split
across them ("Oct 2012-" above "Sep-13"), or a label above the period it counts."""

from __future__ import annotations

from dataclasses import replace

from .cells import blank
from .headings import heading_key, heading_text
from .raw_table import UNNAMED, RawTable, headings


def two_row_table(
    table: RawTable, wanted: list[tuple[str, ...]], known: list[tuple[str, ...]]
) -> RawTable | None:
    """``table`` with each column headed by its heading and the cell below it together ("Oct
    2012- Sep-13"), or by the cell below alone where only that names a column wanted ("2014"
    under "No. of offences"), and its rows starting one lower; None unless more of the
    headings ``wanted`` (each given as the headings it may have) are then found than the row
    of headings alone names: an ordinary table is never read this way, and a two-row heading
    with a slip in it is reported as read over both rows. ``known`` is every column's
    headings, the optional ones too, which a cell below alone may also name."""
    if len(table) < 2:
        return None
    keys = [{heading_key(name) for name in names} for names in wanted]
    every = {heading_key(name) for names in known for name in names}
    chosen = []
    for name, written, cells in zip(
        table.columns, table.headed(), table.cells.values(), strict=True
    ):
        top = "" if UNNAMED.fullmatch(name) else written
        bottom = "" if blank(cells[0]) else heading_text(cells[0]).strip()
        joined = f"{top} {bottom}".strip()
        chosen.append(
            bottom if heading_key(joined) not in every and heading_key(bottom) in every else joined
        )
    found = {heading_key(heading) for heading in chosen}
    alone = {heading_key(heading) for heading in table.columns}
    if sum(bool(names & found) for names in keys) <= sum(bool(names & alone) for names in keys):
        return None
    columns = headings(chosen)
    return replace(  # what else it knows (the rows above it) stays
        table,
        columns=columns,
        cells={c: cells[1:] for c, cells in zip(columns, table.cells.values(), strict=True)},
        written=chosen,
        heading_line=table.heading_line + 1,
    )
