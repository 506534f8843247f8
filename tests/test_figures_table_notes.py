"""Notes under a published table: which are passed over, and the table left."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures.raw_table import RawTable
from committeepack.figures.table_notes import note_below, without_notes


def table_of(rows: list[list[str]], columns=("ward", "previous", "current")) -> RawTable:
    names = list(columns)
    return RawTable(names, {name: [row[i] for row in rows] for i, name in enumerate(names)})


FIGURES = [["Market Square", "1804", "1762"], ["Riverside", "612", "655"]]

names = st.text(alphabet="abcdefghij KLMNOP", min_size=1, max_size=20).filter(str.strip)
figure_rows = st.lists(
    st.tuples(names, st.integers(0, 10**6), st.integers(0, 10**6)).map(
        lambda row: [row[0], str(row[1]), str(row[2])]
    ),
    min_size=1,
    max_size=8,
)
note_rows = st.lists(names.map(lambda text: [text, "", ""]), min_size=1, max_size=4)


@given(figure_rows, st.integers(1, 3), note_rows)
def test_notes_below_blank_rows_leave_exactly_the_rows_of_figures(rows, blanks, notes):
    table = table_of([*rows, *[["", "", ""]] * blanks, *notes])
    note = note_below(table)
    assert note is not None and note.set_apart(table)
    assert note.line == len(rows) + blanks + 2  # the heading is line 1
    kept = without_notes(table, note)
    assert kept.cells == table_of(rows).cells
    assert kept.heading_line == table.heading_line


@pytest.mark.parametrize(
    ("text", "passed_over"),
    [
        ("Source: Westshire Police", True),
        ("Sources", True),
        ("notes", True),
        ("Note 1: as recorded", True),
        ("Footnote", True),
        ("* provisional", True),
        ("[x] not available", True),
        ("(r) revised", True),
        ("1. As recorded on 3 October", True),
        ("12) Rates per 1,000", True),
        ("Kingsmead", False),
        ("Notting Hill", False),  # begins with "Not", not "Note"
        ("Sourceby", False),
        ("2024 figures", False),  # a number is not a numbered note without its stop
        ("Figures are provisional", False),
    ],
)
def test_a_note_directly_under_the_figures_is_passed_over_only_when_it_begins_as_one(
    text, passed_over
):
    table = table_of([*FIGURES, [text, "", ""]])
    note = note_below(table)
    assert note is not None and note.line == 4 and note.text == text
    assert note.set_apart(table) is passed_over


def test_a_value_in_a_column_with_no_heading_is_never_passed_over():
    table = table_of(
        [*FIGURES, ["", "", ""], ["Source: police", "", ""], ["", "", "", "5"][:3]],
    )
    stray = table_of(
        [[*row, ""] for row in FIGURES] + [["", "", "", ""], ["", "", "", "5"]],
        columns=("ward", "previous", "current", "Unnamed: 3"),
    )
    note = note_below(stray)
    assert note is not None and note.stray and note.place == 4
    assert not note.set_apart(stray)
    assert note_below(table) is not None and note_below(table).set_apart(table)


def test_a_table_ending_with_figures_has_no_note():
    assert note_below(table_of(FIGURES)) is None
    assert note_below(table_of([*FIGURES, ["", "", ""]])) is None


@pytest.mark.parametrize("note_column", [0, 1])  # in the sheet's column A, or the table's first
def test_a_note_under_a_table_that_starts_right_of_an_empty_column_is_passed_over(note_column):
    """A sheet's table may start in column B, an empty column A left of it, and a spacer
    column between its figures; its source is typed in column A or under the names."""
    columns = ("Unnamed: 0", "ward", "previous", "Unnamed: 3", "current")
    rows = [["", name, before, "", after] for name, before, after in FIGURES]
    note = ["", "", "", "", ""]
    note[note_column] = "Source: Westshire Police"
    table = table_of([*rows, ["", "", "", "", ""], note], columns=columns)
    found = note_below(table)
    assert found is not None and found.set_apart(table)
    assert (found.line, found.place) == (5, note_column + 1)
    assert without_notes(table, found).cells == table_of(rows, columns=columns).cells


def test_a_name_without_figures_right_of_an_empty_column_is_not_passed_over():
    columns = ("Unnamed: 0", "ward", "previous", "current")
    rows = [["", name, before, after] for name, before, after in FIGURES]
    table = table_of([*rows, ["", "Kingsmead", "", ""]], columns=columns)
    found = note_below(table)
    assert found is not None and found.place == 2 and not found.set_apart(table)
