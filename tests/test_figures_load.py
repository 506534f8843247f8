"""The column-wide check of a CSV's cells agrees with the cell-by-cell check it speeds up."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from committeepack.figures.cells import Column
from committeepack.figures.cells import check_cell as _cell
from committeepack.figures.text_columns import UNCHECKED, checked_column

CONTEXT = {"statuses": ["Ongoing"], "priorities": ["violence"]}
CELLS = st.one_of(
    st.from_regex(r"\s?[+-]?\d{0,20}(\.\d{0,2})?\s?", fullmatch=True),
    st.from_regex(r"\d{4}-\d{2}", fullmatch=True),
    st.from_regex(r"\d{1,3}(,\d{3})+", fullmatch=True),
    st.text(alphabet=st.characters(max_codepoint=0x2000), max_size=8),
    st.sampled_from(["", " ", "\t", "٣", "1\x07", "0", "007", "2024-13", "2024-00"]),
)


@pytest.mark.parametrize("kind", ["text", "count", "number", "month", "status", "indent"])
@pytest.mark.parametrize("required", [True, False])
@settings(max_examples=150, deadline=None)
@given(cells=st.lists(CELLS, min_size=1, max_size=12))
def test_every_cell_the_column_check_vouches_for_is_what_the_cell_check_gives(
    kind, required, cells
):
    column = Column("x", kind, required)
    checked = checked_column(cells, [c.strip() for c in cells], column)
    assert len(checked) == len(cells)
    for cell, fast in zip(cells, checked, strict=True):
        if fast is UNCHECKED:
            continue
        slow = _cell(column, cell, CONTEXT)  # the column check never passes a bad cell
        assert slow == fast and type(slow) is type(fast), (cell, slow, fast)


NAMES = st.one_of(
    CELLS,
    st.text(alphabet=" \n\t\u00a0ab\u200b\u00ad\ufeff", max_size=8),
    st.sampled_from(["River\nside", "Market  Square", "Abbey\u00a0Fields", " a\r\nb ", "\u200b"]),
)


@settings(max_examples=150, deadline=None)
@given(cells=st.lists(NAMES, min_size=1, max_size=12))
def test_a_name_column_vouched_for_whole_agrees_with_the_cell_check(cells):
    column = Column("ward", "text", unique=True)
    checked = checked_column(cells, [c.strip() for c in cells], column)
    for cell, fast in zip(cells, checked, strict=True):
        if fast is not UNCHECKED:
            assert _cell(column, cell, CONTEXT) == fast, (cell, fast)


@pytest.mark.parametrize(
    ("written", "name"),
    [
        *[("River\nside", "River side"), ("Market  Square", "Market Square"), (" a\r\nb ", "a b")],
        *[("Abbey\u00a0Fields", "Abbey Fields"), ("Riverside", "Riverside")],
        # what a web page or a PDF leaves in text copied from it, and shows nothing of
        *[("\u200bRiverside", "Riverside"), ("River\u00adside\ufeff", "Riverside")],
        *[("Abbey \u2060Fields", "Abbey Fields"), ("\u200b Abbey\u200b Fields", "Abbey Fields")],
    ],
)
def test_a_name_is_one_line_with_single_spaces(written, name):
    assert _cell(Column("ward", "text", unique=True), written, CONTEXT) == name
    # other text (an update, a comment) keeps its line breaks
    assert _cell(Column("update", "text"), written, CONTEXT) == written.strip()


def test_a_name_of_characters_that_show_nothing_is_an_error():
    with pytest.raises(ValueError, match="holds only characters that show nothing; type the name"):
        _cell(Column("ward", "text", unique=True), "\u200b\u00ad", CONTEXT)


class CellByCell:
    """The column check turned off: every cell checked on its own."""

    def __init__(self, frame, columns, located):
        self.values = {c.name: None for c in columns}
        self.blank = None

    def all_good(self):
        return False


ROWS = st.lists(
    st.tuples(
        st.sampled_from(["Theft", "theft", "Burglary", " Robbery ", "", "Fraud\x07", "A,B"]),
        st.sampled_from(["12", "0", "", " 7", "1,200", "2.5", "-3", "x", "007"]),
        st.sampled_from(["5", "99", "", "3.0"]),
    ),
    max_size=8,
)


@settings(max_examples=120, deadline=None)
@given(rows=ROWS)
def test_a_csv_checked_whole_gives_the_rows_and_errors_of_one_checked_cell_by_cell(rows):
    import csv
    import tempfile
    from pathlib import Path

    from committeepack.figures import load
    from committeepack.figures.tables import COLUMNS

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["reason", "previous", "current"])
            writer.writerows(rows)
        source = load.Source(path, "t.csv")
        results = []
        for checker in (load.CheckedColumns, CellByCell):
            errors = []
            original = load.CheckedColumns
            load.CheckedColumns = checker
            try:
                checked = load.check_rows(source, COLUMNS["reasons"], {}, CONTEXT, errors)
            except load.InputError as error:
                checked, errors = None, [error]
            finally:
                load.CheckedColumns = original
            results.append(
                (
                    checked and (checked.rows, checked.lines),
                    [str(e) for e in errors],
                )
            )
        assert results[0] == results[1]


def _crime_rows(tmp_path, header: list[str], renames=None, rows=None):
    """The crime table of ``header`` (its name and parent columns first) checked, with
    ``rows`` or two of its own: rows and errors."""
    import csv

    from committeepack.figures import load
    from committeepack.figures.kind_columns import COLUMNS

    path = tmp_path / "crime.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows or [["All crime", "", "100", "90"], ["Robbery", "All crime", 40, 30]])
    errors: list = []
    rows = load.check_rows(
        load.Source(path, "crime.csv"), COLUMNS["crime_by_type"], renames or {}, CONTEXT, errors
    )
    return rows, [str(e) for e in errors]


@pytest.mark.parametrize(
    "heading", ["category", "Crime type", "CRIME TYPE", "Type of crime", "Offence type", "Offence"]
)
def test_a_crime_table_is_read_under_the_headings_published_tables_give_its_names(
    tmp_path, heading
):
    rows, errors = _crime_rows(tmp_path, [heading, "parent", "previous", "current"])
    assert errors == []
    assert rows.column("category") == ["All crime", "Robbery"]


def test_of_offence_groups_and_offences_the_offences_are_the_categories(tmp_path):
    groups = [["Robbery", "Robbery of business property", 4, 3], ["Theft", "Shoplifting", 6, 6]]
    header = ["Offence group", "Offence", "previous", "current"]
    rows, errors = _crime_rows(tmp_path, header, rows=groups)
    assert errors == []
    assert rows.column("category") == ["Robbery of business property", "Shoplifting"]


def test_a_heading_that_is_not_one_of_them_is_still_an_error_naming_the_column(tmp_path):
    """The boundary: a near heading ("Crime types") is not guessed at; the error says how to
    map it, as before."""
    _, errors = _crime_rows(tmp_path, ["Crime types", "parent", "previous", "current"])
    assert errors == [
        "crime.csv:1: no column 'category'; the columns are 'Crime types', 'parent', "
        "'previous', 'current'. Rename the column, or map it in committeepack.toml with "
        'columns = { category = "..." }'
    ]
    rows, errors = _crime_rows(
        tmp_path, ["Crime types", "parent", "previous", "current"], {"category": "Crime types"}
    )
    assert errors == [] and rows.column("category") == ["All crime", "Robbery"]
