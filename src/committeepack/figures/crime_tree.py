"""The crime-by-type table's tree: each category under its parent, as the parent column
gives it, or as a published table without one shows it (names indented under their parent,
or a first or last row that is the total of the others), every parent checked against the
sum of its parts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .built import CrimeRow, CrimeTree
from .crime_groups import with_groups
from .disclosure import disclosure_rule
from .load import Rows
from .model import Figure, FigureTable
from .row_names import name_key
from .sentences import listed

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
    by_indent = any(row.get("parent_by") == "indentation" for row in rows.rows)
    how = " (its parts are the rows indented under it: check the indentation)" if by_indent else ""
    for row, line in zip(rows.rows, rows.lines, strict=True):
        figure = Figure(
            row["category"], row["previous"], row["current"], spec.name, line, rule=rule
        )
        table.figures[row["category"]] = figure
        tree[row["category"]] = CrimeRow(figure, row.get("parent"))
    orphans: dict[str, list[CrimeRow]] = {}
    for name, node in tree.items():
        if node.parent is not None and node.parent not in tree:
            orphans.setdefault(node.parent, []).append(node)
        elif node.parent is not None:
            tree[node.parent].children.append(name)
    errors += [
        _no_such_parent(parent, nodes, tree, rows, guess=number < GUESSED)
        for number, (parent, nodes) in enumerate(orphans.items())
    ]
    roots = [name for name, node in tree.items() if node.parent is None]
    _warn_of_a_total_that_does_not_add_up(tree, roots, rows, warnings)
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


GUESSED = 20  # missing parents matched against every category's name (each a scan of them)


def _no_such_parent(parent: str, nodes: list[CrimeRow], tree: dict, rows, guess: bool = True):
    """The error for a parent that no row of the table is, at its first child's line: the
    name it was perhaps meant to be (when ``guess``), or what to do."""
    import difflib

    close = difflib.get_close_matches(parent, list(tree), n=1, cutoff=0.8) if guess else []
    hint = (
        f"; did you mean '{close[0]}'?"
        if close
        else ("; add a row for it, with its own counts, or leave the parent empty")
    )
    children = (
        f" (the parent of {len(nodes):,} rows: {listed([n.figure.name for n in nodes], 'rows')})"
        if len(nodes) > 1
        else ""
    )
    return rows.error(
        nodes[0].figure.line,
        f"column 'parent': '{parent}'{children} is not a category of this table{hint}",
    )


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


def with_parents(rows: Rows) -> Rows:
    """The crime table's rows, each with its parent as the table shows it: the parent
    column's name matched to a category whatever its capitals and spacing (``Violent
    Crime``); in a table without one, the nearest row above indented less
    (:func:`_by_indentation`), or else the first or last row that is the sum of the others
    (:func:`total_index`); in a table with a column of groups, its group
    (:func:`.crime_groups.with_groups`). A parent worked out is marked in ``parent_by`` ("indentation" or
    "total"). Done as the table is read, before ``top`` groups its rows by parent."""
    given: list[str | None] = [row.get("parent") for row in rows.rows]
    grouped = None if any(given) else with_groups(rows)
    if grouped is not None:  # offences under their groups, as the ONS's tables give them
        return grouped
    how = ""
    parents: list[str | None] | None
    if any(given):
        folded = {name_key(row["category"]): row["category"] for row in rows.rows}
        parents = [folded.get(name_key(p), p) if p else None for p in given]
    else:
        parents, how = _by_indentation(rows.rows), "indentation"
        if parents is None:
            index = total_index([(row["previous"], row["current"]) for row in rows.rows])
            if index is None:
                return rows
            total = rows.rows[index]["category"]
            parents, how = [None if i == index else total for i in range(len(given))], "total"
    if parents == given:
        return rows
    marked = {"parent_by": how} if how else {}
    return Rows(
        rows.source,
        [{**row, "parent": p, **marked} for row, p in zip(rows.rows, parents, strict=True)],
        list(rows.lines),
    )


def _by_indentation(rows: list[dict]) -> list[str | None] | None:
    """Each row's parent in a table whose names are indented at two depths or more (as a
    published table shows its sub-categories): the nearest row above that is indented less.
    None when the names are not indented so."""
    indents = [row.get("indent") or 0 for row in rows]
    if len(set(indents)) < 2:
        return None
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


def _warn_of_a_total_that_does_not_add_up(tree, roots: list[str], rows, warnings) -> None:
    """In a table of top rows only, a first or last row named like a total (``All crime``,
    ``Total recorded crime``) that is not the sum of the others: a warning, since
    :func:`with_parents` made no total of it."""
    if len(roots) < 3 or any(tree[name].children for name in roots):
        return
    for name in dict.fromkeys((roots[0], roots[-1])):
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


def _named_like_a_total(name: str) -> bool:
    words = name.casefold().split()
    return "total" in words or (bool(words) and words[0] == "all")
