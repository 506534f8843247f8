"""The crime-by-type table's tree: each category under its parent, as the parent column
gives it, or as a published table without one shows it (names indented under their parent,
or a first or last row that is the total of the others), every parent checked against the
sum of its parts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .disclosure import disclosure_rule
from .load import Rows
from .model import CrimeRow, CrimeTree, Figure, FigureTable

if TYPE_CHECKING:
    from .tables import TableSpec

TOTAL_NAMES = frozenset({"total", "grand total", "overall total"})
PERIODS = ("previous", "current")


def build_crime_tree(rows: Rows, spec: TableSpec, config, errors, warnings) -> CrimeTree:
    """The crime table's categories placed in their tree, each parent checked against the
    sum of its parts (a warning when it is not)."""
    table = FigureTable(spec.name)
    tree: dict[str, CrimeRow] = {}
    rule = disclosure_rule(config)  # given now: marking hidden cells then changes few figures
    parents = _parents(rows.rows)
    by_indent = any(parents) and not any(row.get("parent") for row in rows.rows)
    how = " (its parts are the rows indented under it: check the indentation)" if by_indent else ""
    for row, line, parent in zip(rows.rows, rows.lines, parents, strict=True):
        figure = Figure(
            row["category"], row["previous"], row["current"], spec.name, line, rule=rule
        )
        table.figures[row["category"]] = figure
        tree[row["category"]] = CrimeRow(figure, parent)
    by_folded = {" ".join(name.casefold().split()): name for name in tree}
    for name, node in tree.items():
        if node.parent is not None and node.parent not in tree:  # "Violent Crime": the same
            node.parent = by_folded.get(" ".join(node.parent.casefold().split()), node.parent)
        if node.parent is not None and node.parent not in tree:
            errors.append(
                rows.error(
                    node.figure.line,
                    f"column 'parent': '{node.parent}' is not a category of this table",
                )
            )
        elif node.parent is not None:
            tree[node.parent].children.append(name)
    roots = [name for name, node in tree.items() if node.parent is None]
    roots = _total_of_a_flat_table(tree, roots, rows, warnings)
    roots = _without_a_total_row(table, tree, roots, rows, warnings)
    _place(tree, roots, 0, rows, errors)
    for name, node in tree.items():
        for period in ("previous", "current"):
            if node.children:
                declared = getattr(node.figure, period)
                parts = sum(getattr(tree[c].figure, period) for c in node.children)
                if declared != parts:
                    warnings.append(
                        rows.error(
                            node.figure.line,
                            f"{name} ({period}): {declared:,} declared, parts sum to "
                            f"{parts:,}{how}",
                        )
                    )
    return CrimeTree(table, tree, roots)


def _without_a_total_row(table, tree, roots: list[str], rows, warnings) -> list[str]:
    """The top rows of a crime table, less a ``Total`` row of no parent and no parts typed
    below them (as a council's spreadsheet often ends): that one is checked against the sum
    of the others and left out, not printed as one more crime type."""
    totals = [n for n in roots if n.casefold() in TOTAL_NAMES and not tree[n].children]
    if len(roots) < 2 or len(totals) != 1:
        return roots
    [name] = totals
    kept = [n for n in roots if n != name]
    figure = tree.pop(name).figure
    del table.figures[name]
    for period in ("previous", "current"):
        declared = getattr(figure, period)
        parts = sum(getattr(tree[n].figure, period) for n in kept)
        if declared != parts:
            warnings.append(
                rows.error(
                    figure.line,
                    f"{name} ({period}): {declared:,} declared, the rows above it sum to {parts:,}",
                )
            )
    return kept


def _place(tree, names, depth, rows, errors) -> None:
    """Set each category's depth below the top rows ``names``; report the categories never
    reached from them, which are their own parents (a loop in the parent column)."""
    placed: set[str] = set()
    level = list(names)
    while level:
        placed.update(level)
        for name in level:
            tree[name].depth = depth
        level = [child for name in level for child in tree[name].children]
        depth += 1
    reported: set[str] = set()
    for name in tree:
        if name in placed or name in reported:
            continue
        chain = [name]
        while (parent := tree[chain[-1]].parent) not in chain and parent in tree:
            chain.append(parent)
        if parent not in tree:  # below a loop reported at another line
            continue
        loop = chain[chain.index(parent) :]
        if reported.intersection(loop):  # a category below a loop already reported
            continue
        reported.update(loop)
        first = min(loop, key=lambda n: tree[n].figure.line)
        path = " under ".join([*loop[loop.index(first) :], *loop[: loop.index(first)], first])
        errors.append(
            rows.error(
                tree[first].figure.line,
                f"'{first}' is under itself ({path}); fix the parent column",
            )
        )


def _parents(rows: list[dict]) -> list[str | None]:
    """Each row's parent: as the parent column gives it; in a table without one whose names
    are indented at two depths or more (as a published table shows its sub-categories), the
    nearest row above that is indented less."""
    given = [row.get("parent") for row in rows]
    indents = [row.get("indent") or 0 for row in rows]
    if any(given) or len(set(indents)) < 2:
        return given
    parents: list[str | None] = []
    above: list[tuple[int, str]] = []  # the rows a later row may sit under: (indent, name)
    for row, indent in zip(rows, indents, strict=True):
        while above and above[-1][0] >= indent:
            above.pop()
        parents.append(above[-1][1] if above else None)
        above.append((indent, row["category"]))
    return parents


def total_index(counts: list[tuple[int, int]]) -> int | None:
    """Of a flat table's rows (previous and current counts, in the file's order), the first
    or last that is the sum of all the others in both periods, when at least two others hold
    counts: the table's total. None when there is none."""
    if len(counts) < 3:
        return None
    for index in dict.fromkeys((0, len(counts) - 1)):
        others = counts[:index] + counts[index + 1 :]
        if sum(1 for pair in others if any(pair)) < 2:
            continue
        if all(counts[index][p] == sum(pair[p] for pair in others) for p in (0, 1)):
            return index
    return None


def _total_of_a_flat_table(tree, roots: list[str], rows, warnings) -> list[str]:
    """In a table of top rows only (no parent column, as councils often publish one), the
    first or last row that is the sum of all the others (:func:`total_index`) is their total:
    it becomes their parent, so that it is printed as the total and not charted as one more
    crime type. A first or last row named like a total that is not their sum is a warning."""
    if any(tree[name].children for name in roots):
        return roots
    figures = [tree[name].figure for name in roots]
    index = total_index([(f.previous, f.current) for f in figures])
    if index is not None:
        total = roots[index]
        others = [name for name in roots if name != total]
        for other in others:
            tree[other].parent = total
        tree[total].children.extend(others)
        return [total]
    for name in dict.fromkeys((roots[0], roots[-1]) if len(roots) >= 3 else ()):
        if _named_like_a_total(name) and name.casefold() not in TOTAL_NAMES:
            figure = tree[name].figure
            sums = {p: sum(getattr(tree[o].figure, p) for o in roots if o != name) for p in PERIODS}
            warnings.append(
                rows.error(
                    figure.line,
                    f"'{name}' looks like the total of the other rows but is not their sum "
                    f"({figure.current:,} against {sums['current']:,} for the current period, "
                    f"{figure.previous:,} against {sums['previous']:,} for the previous); give "
                    "each row its parent in a parent column, or correct the figures",
                )
            )
    return roots


def _named_like_a_total(name: str) -> bool:
    words = name.casefold().split()
    return "total" in words or (bool(words) and words[0] == "all")
