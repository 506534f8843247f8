"""A table's ``top = N``: the N largest rows of each group kept, the rest added up as one.

A printed table of thousands of categories is no use to a committee and no paper can hold it.
With ``top`` set in ``[tables.NAME]``, the table is cut down as it is read, before anything is
built from it, so the printed table, its charts, its sentences and the small-number rules all
see the same rows: in each group (the crime table's categories under one parent; every row of
a flat table) the ``top`` largest rows by the larger of their two counts (ties by name) stay,
in the file's order, and the others become one "All other (M)" row adding up their counts. A
category that others are part of (a parent) always stays, so the tree still adds up (the
parents a crime table shows by indentation or by a total row are found first:
:func:`.crime_tree.with_parents`).
"""

from __future__ import annotations

import re
from collections import defaultdict

from .load import Rows

KINDS = {"crime_by_type": "category", "wards": "ward", "activity": "measure", "reasons": "reason"}


OTHER = re.compile(r"All other \(([\d,]+)\)")


def other_name(count: int) -> str:
    """The name of the row that adds up ``count`` rows: ``All other (1,234)``."""
    return f"All other ({count:,})"


def rows_in(name: str) -> int:
    """How many of the table's rows a row stands for: ``All other (1,234)`` 1,234, others 1."""
    match = OTHER.fullmatch(name)
    return int(match.group(1).replace(",", "")) if match else 1


def keep_largest(rows: Rows, kind: str, top: int) -> Rows:
    """``rows`` with each group cut to its ``top`` largest rows and one "All other" row (a
    group of at most ``top + 1`` rows is kept whole: one "All other" row would hide nothing)."""
    name = KINDS[kind]
    parents = {row.get("parent") for row in rows.rows} if kind == "crime_by_type" else set()
    groups: dict[object, list[int]] = defaultdict(list)
    for index, row in enumerate(rows.rows):
        if row[name] not in parents:  # a parent is never added into "All other"
            groups[row.get("parent")].append(index)
    dropped: set[int] = set()
    others: dict[int, tuple[dict, int]] = {}  # row index -> the "All other" row after it
    for group, members in groups.items():
        if len(members) <= top + 1:
            continue
        ranked = sorted(
            members,
            key=lambda i: _size(rows.rows[i], name),
        )
        rest = ranked[top:]
        dropped.update(rest)
        other: dict[str, object] = dict.fromkeys(rows.rows[rest[0]])
        other.update(
            {
                name: other_name(len(rest)),
                "previous": sum(rows.rows[i]["previous"] for i in rest),
                "current": sum(rows.rows[i]["current"] for i in rest),
            }
        )
        if kind == "crime_by_type":
            other["parent"] = group
        others[max(i for i in members if i not in dropped)] = (other, min(rest))
    result = Rows(rows.source)
    for index, (row, line) in enumerate(zip(rows.rows, rows.lines, strict=True)):
        if index not in dropped:
            result.rows.append(row)
            result.lines.append(line)
        if index in others:
            other, first = others[index]
            result.rows.append(other)
            result.lines.append(rows.lines[first])  # where the rows it adds up begin
    return result


def _size(row: dict, name: str) -> tuple:
    return (-max(row["previous"], row["current"]), row[name])


def largest_and_other(
    items: list[tuple[str, int, int]], limit: int
) -> tuple[list[tuple[str, int, int]], int]:
    """``items`` when there are at most ``limit``; otherwise the ``limit - 1`` largest (by the
    larger of their two counts, ties by name) and one "All other" item adding up the rest,
    with how many categories that is. An item that adds up rows already (the table's own
    "All other (N)", from ``top``) always goes into the chart's, counted as its N."""
    if len(items) <= limit:
        return list(items), 0
    already = [item for item in items if OTHER.fullmatch(item[0])]
    ranked = sorted(
        (item for item in items if item not in already),
        key=lambda item: (-max(item[1], item[2]), item[0]),
    )
    kept, rest = ranked[: limit - 1], ranked[limit - 1 :] + already
    count = sum(rows_in(r[0]) for r in rest)
    other = (f"All other ({count:,})", sum(r[1] for r in rest), sum(r[2] for r in rest))
    return [*kept, other], count


def first_with_ties(ranked: list, count: int, printed) -> list:
    """The first ``count`` of ``ranked``, and any after them that print the same as the last
    of those (``printed`` gives what a row prints as): a list of "the three largest" names
    every row tied for third, rather than one picked by the file's order."""
    if len(ranked) <= count:
        return list(ranked)
    edge = printed(ranked[count - 1])
    return [*ranked[:count], *(r for r in ranked[count:] if printed(r) == edge)]
