"""A crime table whose offences are grouped by a column of their own (the ONS's "Offence
group" beside "Offence"): each offence under its group, a group's counts its offences' sums."""

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures.crime_groups import with_groups
from committeepack.figures.crime_tree import with_parents
from committeepack.figures.load import Rows, Source

from conftest import edit, run

SOURCE = Source(Path("crime.csv"), "inputs/crime.csv")


def rows_of(table: list[tuple[str | None, str, int, int]]) -> Rows:
    rows = [
        {"category": name, "parent": None, "group": group, "previous": a, "current": b}
        for group, name, a, b in table
    ]
    return Rows(SOURCE, rows, list(range(2, len(rows) + 2)))


def tree_of(rows: Rows) -> list[tuple[str, str | None, int, int, int]]:
    return [
        (r["category"], r["parent"], r["previous"], r["current"], line)
        for r, line in zip(rows.rows, rows.lines, strict=True)
    ]


def test_each_offence_goes_under_its_group_whose_counts_are_worked_out():
    rows = rows_of(
        [
            (None, "All crime", 1932, 1901),
            ("Violence against the person", "Homicide", 2, 1),
            ("Violence against the person", "Violence with injury", 400, 420),
            ("Theft offences", "Shoplifting", 600, 530),
            ("violence  against the person", "Violence without injury", 380, 400),  # as typed
            ("Theft offences", "Other theft", 300, 310),
            ("Criminal damage and arson", "Criminal damage", 250, 240),
        ]
    )
    assert tree_of(with_parents(rows)) == [
        ("All crime", None, 1932, 1901, 2),
        ("Violence against the person", "All crime", 782, 821, 3),  # at its first offence's line
        ("Homicide", "Violence against the person", 2, 1, 3),
        ("Violence with injury", "Violence against the person", 400, 420, 4),
        ("Theft offences", "All crime", 900, 840, 5),
        ("Shoplifting", "Theft offences", 600, 530, 5),
        ("Violence without injury", "Violence against the person", 380, 400, 6),
        ("Other theft", "Theft offences", 300, 310, 7),
        ("Criminal damage and arson", "All crime", 250, 240, 8),
        ("Criminal damage", "Criminal damage and arson", 250, 240, 8),
    ]


def test_a_group_the_table_gives_as_a_row_is_that_row_and_a_group_of_one_is_a_top_row():
    rows = rows_of(
        [
            (None, "Theft offences", 905, 840),  # its own counts: checked, not worked out
            ("Theft offences", "Shoplifting", 600, 530),
            ("Theft offences", "Other theft", 300, 310),
            ("Homicide", "Homicide", 2, 1),  # written in both columns
        ]
    )
    assert tree_of(with_groups(rows)) == [
        ("Theft offences", None, 905, 840, 2),
        ("Shoplifting", "Theft offences", 600, 530, 3),
        ("Other theft", "Theft offences", 300, 310, 4),
        ("Homicide", None, 2, 1, 5),
    ]


def test_a_table_without_groups_is_left_to_the_other_ways():
    assert with_groups(rows_of([(None, "Robbery", 1, 2), (None, "Theft", 3, 4)])) is None


@given(
    st.lists(
        st.tuples(st.sampled_from(["A", "B", "C", None]), st.integers(0, 999), st.integers(0, 999)),
        min_size=1,
        max_size=12,
    )
)
def test_every_offence_is_kept_once_and_every_group_is_the_sum_of_its_offences(table):
    rows = rows_of([(g, f"offence {n}", a, b) for n, (g, a, b) in enumerate(table)])
    grouped = with_groups(rows)
    if all(g is None for g, _, _ in table):
        assert grouped is None
        return
    assert grouped is not None
    by_name = {r["category"]: r for r in grouped.rows}
    assert len(by_name) == len(grouped.rows)  # no row twice
    offences = [r for r in grouped.rows if r["category"].startswith("offence")]
    assert [r["category"] for r in offences] == [r["category"] for r in rows.rows]
    for group in {g for g, _, _ in table if g}:
        members = [r for r in offences if r["parent"] == group]
        assert [m["category"] for m in members] == [
            f"offence {n}" for n, (g, _, _) in enumerate(table) if g == group
        ]
        assert by_name[group]["previous"] == sum(m["previous"] for m in members)
        assert by_name[group]["current"] == sum(m["current"] for m in members)
        first = grouped.rows.index(members[0])
        assert grouped.rows.index(by_name[group]) == first - 1  # just above its first offence


def test_an_ons_table_of_groups_and_offences_prints_each_offence_under_its_group(figures):
    edit(figures / "committeepack.toml", 'previous = "2024"', 'previous = "2023/24"')
    edit(figures / "committeepack.toml", 'current = "2025"', 'current = "2024/25"')
    edit(figures / "committeepack.toml", "crime:Violent crime", "crime:Violence against the person")
    narrative = figures / "inputs/strategic-assessment.md"
    narrative.write_text(
        narrative.read_text(encoding="utf-8").replace(
            'crime["Violent crime"]', 'crime["Violence against the person"]'
        ),
        encoding="utf-8",
    )
    (figures / "inputs/crime.csv").write_text(
        "Offence group,Offence,2023/24,2024/25\n"
        ",All crime,1932,1901\n"
        "Violence against the person,Homicide,2,1\n"
        "Violence against the person,Violence with injury,400,420\n"
        "Violence against the person,Violence without injury,380,400\n"
        "Theft offences,Shoplifting,600,530\n"
        "Theft offences,Other theft,300,310\n"
        "Criminal damage and arson,Criminal damage,250,240\n",
        encoding="utf-8",
    )
    result = run(figures, "build", "--no-page-numbers", "--strict")
    assert result.exit_code == 0, result.output
    from docx import Document

    document = Document(str(figures / "out/strategic-assessment.docx"))
    [table] = [
        t for t in document.tables if len(t.rows) > 2 and t.rows[2].cells[0].text == "Homicide"
    ]
    assert [(r.cells[0].text, r.cells[1].text, r.cells[2].text) for r in table.rows[1:]] == [
        ("Violence against the person", "782", "821"),
        ("Homicide", "2", "1"),
        ("Violence with injury", "400", "420"),
        ("Violence without injury", "380", "400"),
        ("Theft offences", "900", "840"),
        ("Shoplifting", "600", "530"),
        ("Other theft", "300", "310"),
        ("Criminal damage and arson", "250", "240"),
        ("Criminal damage", "250", "240"),
        ("All crime", "1,932", "1,901"),
    ]


def test_a_table_of_groups_alone_reads_them_as_its_categories(figures):
    edit(figures / "committeepack.toml", 'previous = "2024"', 'previous = "2023/24"')
    edit(figures / "committeepack.toml", 'current = "2025"', 'current = "2024/25"')
    (figures / "inputs/crime.csv").write_text(
        "Offence group,2023/24,2024/25\nAll crime,1000,950\nViolent crime,400,420\nTheft,600,530\n",
        encoding="utf-8",
    )
    result = run(figures, "build", "--no-page-numbers")
    assert result.exit_code == 0, result.output


def test_a_pivottable_that_shows_each_group_once_is_one_error_saying_how_to_repeat_them():
    from committeepack.figures.crime_groups import ungrouped_row

    rows = rows_of(
        [
            (None, "All crime", 1932, 1901),  # before the groups: a top row
            ("Violence against the person", "Homicide", 2, 1),
            (None, "Violence with injury", 400, 420),  # the group shown once, above
            ("Theft offences", "Shoplifting", 600, 530),
            (None, "Total", 1002, 951),  # after them: a total
        ]
    )
    error = ungrouped_row(rows)
    assert error is not None
    assert str(error) == (
        "inputs/crime.csv:4: 'Violence with injury' has no group, though rows above and below "
        "have one ('Violence against the person' above it), as a PivotTable shows a group on "
        "its first row only; give every row its group (in the PivotTable: Design, Report "
        "Layout, Repeat All Item Labels), or move the rows without one to the top or the end"
    )
    repeated = rows_of(
        [
            (None, "All crime", 1932, 1901),
            ("Violence against the person", "Homicide", 2, 1),
            ("Violence against the person", "Violence with injury", 400, 420),
            ("Theft offences", "Shoplifting", 600, 530),
            (None, "Total", 1002, 951),
        ]
    )
    assert ungrouped_row(repeated) is None
    assert ungrouped_row(rows_of([(None, "Robbery", 1, 2), (None, "Theft", 3, 4)])) is None
