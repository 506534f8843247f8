"""A table's ``top = N``: each group cut to its largest rows plus one "All other" row."""

from collections import defaultdict
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures.crime_tree import with_parents
from committeepack.figures.load import Rows, Source
from committeepack.figures.top import first_with_ties, keep_largest, other_name

SOURCE = Source(Path("inputs/x.csv"), "inputs/x.csv")


def rows_of(items: list[dict]) -> Rows:
    return Rows(SOURCE, items, list(range(2, len(items) + 2)))


def ward(name: str, previous: int, current: int) -> dict:
    return {"ward": name, "previous": previous, "current": current}


def test_a_table_of_at_most_top_plus_one_rows_is_kept_whole():
    table = rows_of([ward(f"W{n}", n, n) for n in range(4)])
    assert keep_largest(table, "wards", 3).rows == table.rows
    assert keep_largest(table, "wards", 2).rows[-1]["ward"] == other_name(2)


def test_the_largest_stay_in_file_order_and_the_rest_are_added_up_after_them():
    table = rows_of([ward("A", 1, 2), ward("B", 50, 1), ward("C", 3, 3), ward("D", 0, 40)])
    kept = keep_largest(table, "wards", 2)
    assert kept.rows == [
        ward("B", 50, 1),
        ward("D", 0, 40),
        ward("All other (2)", 4, 5),
    ]
    assert kept.lines == [3, 5, 2]  # the "All other" row points at the first row it adds up


def test_ties_are_broken_by_name_so_the_result_never_depends_on_file_order():
    forward = [ward("B", 5, 5), ward("A", 5, 5), ward("C", 5, 5)]
    first = keep_largest(rows_of(forward), "wards", 1).rows
    second = keep_largest(rows_of(forward[::-1]), "wards", 1).rows
    assert first[0]["ward"] == second[0]["ward"] == "A"


def test_a_crime_category_with_parts_is_never_added_into_all_other():
    def crime(name, parent, previous, current):
        return {"category": name, "parent": parent, "previous": previous, "current": current}

    table = rows_of(
        [
            crime("All crime", None, 106, 106),
            crime("Tiny group", "All crime", 3, 3),
            crime("Tiny part", "Tiny group", 3, 3),
            *[crime(f"Leaf {n}", "All crime", 50 + n, 50 + n) for n in range(2)],
            crime("Small", "All crime", 1, 1),
            crime("Smaller", "All crime", 0, 0),
        ]
    )
    names = [row["category"] for row in keep_largest(table, "crime_by_type", 1).rows]
    assert names == ["All crime", "Tiny group", "Tiny part", "Leaf 1", "All other (3)"]


@given(
    st.lists(
        st.tuples(st.sampled_from(["P", "Q", None]), st.integers(0, 99), st.integers(0, 99)),
        max_size=40,
    ),
    st.integers(1, 8),
)
def test_every_group_keeps_its_totals_and_at_most_top_plus_one_rows(items, top):
    table = rows_of(
        [
            {"category": f"C{n}", "parent": parent, "previous": a, "current": b}
            for n, (parent, a, b) in enumerate(items)
        ]
    )
    kept = keep_largest(table, "crime_by_type", top)
    assert len(kept.rows) == len(kept.lines)

    def totals(rows):
        sums = defaultdict(lambda: [0, 0, 0])
        for row in rows:
            sums[row["parent"]][0] += row["previous"]
            sums[row["parent"]][1] += row["current"]
            sums[row["parent"]][2] += 1
        return sums

    before, after = totals(table.rows), totals(kept.rows)
    assert before.keys() == after.keys()
    for group, (previous, current, count) in before.items():
        assert after[group][:2] == [previous, current]
        assert after[group][2] == (count if count <= top + 1 else top + 1)
        dropped = [r for r in table.rows if r["parent"] == group and r not in kept.rows]
        smallest_kept = min(
            (
                max(r["previous"], r["current"])
                for r in kept.rows
                if r["parent"] == group and not r["category"].startswith("All other")
            ),
            default=None,
        )
        for row in dropped:
            assert max(row["previous"], row["current"]) <= smallest_kept


def test_a_row_missing_from_a_long_table_is_one_readable_line_that_names_all_other():
    import pytest

    from committeepack.figures.model import SHOWN_ROWS, Figure, FigureError, FigureTable

    names = [f"Ward {n}" for n in range(SHOWN_ROWS + 5)] + [other_name(300)]
    table = FigureTable("wards", {name: Figure(name, 1, 2) for name in names})
    assert table["ward 3"].name == "Ward 3"  # looked up regardless of case
    with pytest.raises(FigureError) as raised:
        table["Ward 99999"]
    message = str(raised.value.message)
    assert f"'Ward {SHOWN_ROWS - 1}' and 6 more" in message
    assert f"'Ward {SHOWN_ROWS}'" not in message
    assert message.endswith("is counted in 'All other (300)'")


def crime(name: str, previous: int, current: int) -> dict:
    return {"category": name, "parent": None, "previous": previous, "current": current}


def test_the_total_row_of_a_flat_crime_table_stays_and_is_not_counted_in_top():
    parts = [crime(f"C{n}", 10 * n, 10 * n + 1) for n in range(1, 7)]
    total = crime("Total recorded crime", 210, 216)
    for items in ([total, *parts], [*parts, total]):
        kept = keep_largest(with_parents(rows_of(items)), "crime_by_type", 2)
        names = [row["category"] for row in kept.rows]
        assert "Total recorded crime" in names
        assert [n for n in names if n.startswith("C")] == ["C5", "C6"]
        assert other_name(4) in names


@given(
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)), min_size=2, max_size=12),
    st.booleans(),
)
def test_a_row_that_adds_up_the_others_is_found_first_or_last(parts, last):
    from committeepack.figures.crime_tree import total_index

    total = (sum(p for p, _ in parts), sum(c for _, c in parts))
    counts = [*parts, total] if last else [total, *parts]
    found = total_index(counts)
    if sum(1 for pair in parts if any(pair)) < 2:
        assert found is None  # one counted row cannot be told from its own total
    else:
        assert found is not None
        others = counts[:found] + counts[found + 1 :]
        assert counts[found] == (sum(p for p, _ in others), sum(c for _, c in others))
        assert found in (0, len(counts) - 1)


def test_no_total_is_found_in_two_rows_or_one_short():
    from committeepack.figures.crime_tree import total_index

    assert total_index([(5, 5), (5, 5)]) is None
    assert total_index([(10, 10), (5, 5), (5, 5)]) == 0
    assert total_index([(10, 11), (5, 5), (5, 5)]) is None
    assert total_index([(5, 5), (5, 5), (10, 10)]) == 2
    assert total_index([(5, 5), (10, 10), (5, 5)]) is None  # a total sits first or last
    assert total_index([(5, 5), (5, 5), (0, 0)]) is None  # one row of counts among the others


@st.composite
def indented_trees(draw):
    """Rows of a tree in the order a table prints it (each parent above its parts), with
    each row's depth and its parent's name."""
    rows: list[tuple[str, int, str | None]] = []
    path: list[str] = []
    for number in range(draw(st.integers(1, 25))):
        depth = draw(st.integers(0, len(path)))
        path = path[:depth]
        rows.append((f"C{number}", depth, path[-1] if path else None))
        path.append(f"C{number}")
    return rows


@given(indented_trees(), st.integers(1, 4))
def test_indentation_gives_back_the_tree_it_shows(rows, width):
    from committeepack.figures.crime_tree import _by_indentation

    table = [{"category": name, "parent": None, "indent": depth * width} for name, depth, _ in rows]
    parents = _by_indentation(table) or [None] * len(rows)
    if len({depth for _, depth, _ in rows}) < 2:  # one depth: a flat table, left as it is
        assert parents == [None] * len(rows)
    else:
        assert parents == [parent for _, _, parent in rows]


@given(st.lists(st.integers(0, 4), max_size=12), st.integers(1, 5))
def test_the_first_few_take_in_every_row_tied_with_the_last(values, count):
    ranked = sorted(values, reverse=True)
    kept = first_with_ties(ranked, count, str)
    assert kept[: min(count, len(ranked))] == ranked[:count]
    assert len(kept) >= min(count, len(ranked))
    if len(kept) > count:  # only ties of the last of the first few come in
        assert set(kept[count:]) == {ranked[count - 1]}
    left = ranked[len(kept) :]
    assert not left or (len(kept) >= count and left[0] != ranked[count - 1])
