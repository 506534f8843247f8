"""A table with rows for several areas, as national and county tables are published: the ONS's
crime by Community Safety Partnership has a row for each offence of each partnership, so an
offence's name repeats once for every area. Told as one line naming the column that holds the
areas, rather than a line for every repeated name."""

from __future__ import annotations

import re

from .headings import all_figures, listed
from .raw_table import RawTable
from .row_names import name_key

CODE = re.compile(r"[A-Za-z]*\d[\w-]*")  # an area's code, such as E22000001: no spaces


def several_areas(table: RawTable, name_heading: str, read: set[str]) -> str:
    """The advice for ``table`` when another column than those ``read`` holds the areas its
    rows are for: text in every row, at least two values and fewer than the rows, telling
    apart every two rows of the same name under ``name_heading``. "" when none does. A column
    of names is preferred to one of codes."""
    names = [name_key(str(value or "")) for value in table.cells[name_heading]]
    found = []
    for heading in table.columns:
        if heading in read or heading == name_heading:
            continue
        values = [
            " ".join(str(value if value is not None else "").split())
            for value in table.cells[heading]
        ]
        distinct = list(dict.fromkeys(values))
        if not 1 < len(distinct) < len(values) or not all(values):
            continue
        if all_figures(values):
            continue  # figures: another period or a total, not areas
        if len(set(zip(values, names, strict=True))) == len(values):
            found.append((all(CODE.fullmatch(value) for value in values), heading, distinct))
    if not found:
        return ""
    _, heading, areas = min(found, key=lambda f: f[0])  # names before codes
    shown = listed(areas[:3]) + (f" and {len(areas) - 3:,} more" if len(areas) > 3 else "")
    return (
        f"the table has rows for {len(areas):,} areas, told apart by column '{heading}' "
        f"({shown}), so each name in column '{name_heading}' repeats; keep only your area's "
        f"rows (in Excel: Data, Filter, choose your area in '{heading}', then copy the rows "
        "left to a sheet or file of their own)"
    )
