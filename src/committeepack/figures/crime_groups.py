"""A crime table whose offences are grouped by a column of their own, as the ONS's tables are
("Offence group": Violence against the person, Theft offences, ...; "Offence": Homicide,
Shoplifting, ...): each offence under its group, and each group a row of the tree whose
counts are its offences' sums, worked out where the table has no row for it.

A group that is itself a row of the table (a subtotal the table gives) is that row, and its
counts are checked against its offences like any parent's. An offence that is its own group
(a group of one, written in both columns) is a top row. A row with no group is a top row too;
if one of the first or last top rows is the sum of all the others (``All crime``), the others
go under it, as in a table without groups.
"""

from __future__ import annotations

from ..errors import InputError
from .load import Rows
from .row_names import name_key

GROUPED = "group"  # how a worked-out group row's parent_by marks it


def with_groups(rows: Rows) -> Rows | None:
    """``rows`` with each offence under its group and a row for each group the table lacks;
    None when no row has a group."""
    from .crime_tree import total_index

    groups = [row.get("group") for row in rows.rows]
    if not any(groups):
        return None
    categories = {name_key(row["category"]): row["category"] for row in rows.rows}
    members: dict[str, list[dict]] = {}
    for row, group in zip(rows.rows, groups, strict=True):
        if group and name_key(group) != name_key(row["category"]):
            members.setdefault(name_key(group), []).append(row)
    out: list[dict] = []
    lines: list[int] = []
    for row, group, line in zip(rows.rows, groups, rows.lines, strict=True):
        key = name_key(group) if group else ""
        own = not key or key == name_key(row["category"])
        if group and not own and key not in categories:
            out.append(_group_row(group, members[key], row))
            lines.append(line)  # told at its first offence's line
            categories[key] = out[-1]["category"]  # its offences' parent, however they spell it
        out.append({**row, "parent": None if own else categories[key]})
        lines.append(line)
    top = [index for index, row in enumerate(out) if row["parent"] is None]
    total = total_index([(out[i]["previous"], out[i]["current"]) for i in top])
    if total is not None:
        name = out[top[total]]["category"]
        for index in top:
            if index != top[total]:
                out[index] = {**out[index], "parent": name}
    return Rows(rows.source, out, lines)


def _group_row(group: str, offences: list[dict], first: dict) -> dict:
    """A row for ``group``, its counts the sums of its ``offences`` (in the shape of the
    table's rows: ``first`` is one)."""
    row = dict.fromkeys(first)
    row.update(
        category=" ".join(group.split()),
        parent=None,
        previous=sum(o["previous"] for o in offences),
        current=sum(o["current"] for o in offences),
        parent_by=GROUPED,
    )
    return row


def ungrouped_row(rows: Rows) -> InputError | None:
    """The error for a row with no group between rows that have one, as a PivotTable shows
    each group on its first row only (the rows under it look ungrouped, and would be read as
    top rows); None where every row between the first grouped one and the last has a group.
    A row before or after them (``All crime``, a total) may have none."""
    grouped = [i for i, row in enumerate(rows.rows) if row.get("group")]
    if not grouped:
        return None
    for index in range(grouped[0], grouped[-1]):
        if not rows.rows[index].get("group"):
            above = next(rows.rows[i]["group"] for i in reversed(range(index)) if i in grouped)
            return rows.error(
                rows.lines[index],
                f"'{rows.rows[index]['category']}' has no group, though rows above and below "
                f"have one ('{above}' above it), as a PivotTable shows a group on its first row "
                "only; give every row its group (in the PivotTable: Design, Report Layout, "
                "Repeat All Item Labels), or move the rows without one to the top or the end",
            )
    return None
