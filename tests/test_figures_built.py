"""The tables as built: what the papers take from a crime table's tree."""

from committeepack.figures.built import CrimeRow, CrimeTree
from committeepack.figures.model import Figure, FigureTable


def tree_of(rows: list[tuple[str, str | None]]) -> CrimeTree:
    """A crime tree of (name, parent) rows, each counted 1 then 2."""
    table = FigureTable("crime")
    tree: dict[str, CrimeRow] = {}
    for name, parent in rows:
        table.figures[name] = Figure(name, 1, 2, "crime", 1)
        tree[name] = CrimeRow(table.figures[name], parent)
    for name, node in tree.items():
        if node.parent:
            tree[node.parent].children.append(name)
    return CrimeTree(table, tree, [name for name, parent in rows if parent is None])


def test_the_totals_are_the_top_rows_with_parts_in_the_tables_order():
    crime = tree_of(
        [
            ("Fraud", None),
            ("All crime", None),
            ("Theft", "All crime"),
            ("Other crime", None),
            ("Arson", "Other crime"),
        ]
    )
    assert [total.name for total in crime.totals] == ["All crime", "Other crime"]


def test_a_flat_table_has_no_total():
    crime = tree_of([("Theft", None), ("Burglary", None)])
    assert crime.totals == []


def test_a_total_of_one_part_is_a_total():
    crime = tree_of([("All crime", None), ("Theft", "All crime")])
    assert [total.name for total in crime.totals] == ["All crime"]
