"""A table copied from an Excel PivotTable with its subtotals and grand total still in it:
rows such as "Violence against the person Total" and "Grand Total", whose label stands in
another column than the names and whose name is empty. Each would be a row without a name;
they are told together, in one line saying how to turn them off."""

from __future__ import annotations

import re

from ..file_names import quoted_list
from .cells import Column, blank
from .raw_table import RawTable

# a PivotTable's label for a subtotal ("Theft offences Total") or the grand total
TOTAL_LABEL = re.compile(r"(?:.+\s)?total|grand\s+total", re.IGNORECASE)
LISTED = 3


def pivot_totals(
    table: RawTable, columns: list[Column], located: dict[str, str | None], offset: int
) -> tuple[int, str] | None:
    """The line of the first of ``table``'s PivotTable total rows and the message for all of
    them; None when it has none. ``offset`` is the line of the table's first row."""
    name = next((c for c in columns if c.unique and c.kind == "text" and c.required), None)
    heading = located.get(name.name) if name is not None else None
    if heading is None:
        return None
    others = [h for h in table.columns if h != heading]
    lines, labels = [], []
    for index, value in enumerate(table.cells[heading]):
        if not blank(value):
            continue
        label = next(
            (
                str(table.cells[h][index]).strip()
                for h in others
                if isinstance(table.cells[h][index], str)
                and TOTAL_LABEL.fullmatch(table.cells[h][index].strip())
            ),
            None,
        )
        if label is not None:
            lines.append(index + offset)
            labels.append(label)
    if not lines:
        return None
    rows = f"row {lines[0]:,} is" if len(lines) == 1 else f"rows {_listed(lines)} are"
    return lines[0], (
        f"{rows} a PivotTable's totals ({quoted_list(labels, LISTED)}), with no name in column "
        f"'{heading}'; committeepack adds the rows up itself, so turn them off in the "
        "PivotTable (Design, Subtotals, Do Not Show Subtotals; Grand Totals, Off for Rows and "
        "Columns) and copy it again, or delete those rows"
    )


def _listed(lines: list[int]) -> str:
    shown = [f"{n:,}" for n in lines[:LISTED]]
    more = len(lines) - LISTED
    if more > 0:
        return ", ".join(shown) + f" and {more:,} more"
    return ", ".join(shown[:-1]) + " and " + shown[-1]
