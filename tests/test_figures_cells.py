"""Months as spreadsheets write them are read as YYYY-MM; anything else is refused."""

import docx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from committeepack.figures.cells import Column, check_cell
from committeepack.figures.months import MONTH_NAMES, month

from conftest import run

MONTH_COLUMN = Column("month", "month")


@given(st.integers(2000, 2099), st.integers(1, 12), st.sampled_from(["-", " ", "", "/"]))
def test_every_written_month_reads_as_yyyy_mm(year, number, separator):
    name = MONTH_NAMES[number - 1]
    wanted = f"{year}-{number:02d}"
    for word in (name, name[:3], name[:3].upper(), name.capitalize()):
        assert month(f"{word}{separator}{year}") == wanted
        assert month(f" {word}{separator}{year % 100:02d} ") == wanted
    assert month(f"{wanted}-01") == wanted
    for day in ("01", "1"):  # the first of the month as a British spreadsheet writes it
        assert month(f"{day}/{number:02d}/{year}") == wanted
        assert month(f"{day}.{number}.{year}") == wanted
    for sep in ("/", "-", "."):  # the month and its year, as Excel's mm/yyyy writes them
        assert month(f"{number:02d}{sep}{year}") == wanted
        assert month(f"{number}{sep}{year}") == wanted
    for word in (name[:3].upper(), name.capitalize()):  # year first, as ONS time series
        assert month(f"{year} {word}") == wanted
        assert month(f"{year}{separator}{word}") == wanted
    # a date with midnight as its time, as pandas, databases and Excel write one
    for midnight in (" 00:00:00", "T00:00:00", " 00:00", "T00:00", " 00:00:00.000"):
        assert month(f"{wanted}-01{midnight}") == wanted
        assert month(f"01/{number:02d}/{year}{midnight}") == wanted


@given(st.integers(2000, 2099), st.integers(1, 12), st.sampled_from(["-", " ", "/"]))
def test_a_month_written_in_welsh_reads_as_yyyy_mm(year, number, separator):
    from committeepack.figures.months import WELSH_MONTHS

    wanted = f"{year}-{number:02d}"
    for word in WELSH_MONTHS[number - 1]:  # its name, and Excel's abbreviation
        for written in (word, word.capitalize(), word.upper()):
            assert month(f"{written}{separator}{year}") == wanted
            assert month(f"{written}{separator}{year % 100:02d}") == wanted
            assert month(f"{year} {written}") == wanted


def test_welsh_and_english_names_that_look_alike_are_their_own_months():
    assert [month(t) for t in ("Mai 2024", "May 2024", "Maw 2024", "Mar 2024")] == [
        "2024-05",
        "2024-05",
        "2024-03",
        "2024-03",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Gorffennafs 2024",  # eleven letters, not a month
        "Ionawrr 2024",  # a letter more than the month
        "2024-04-02",
        "2024-04-31",
        "Ma 2024",
        "Mayo 2024",
        "Junes 2024",
        "Apr-2",
        "Apr-024",
        "04/24",  # a two-digit year: 4 December in "04/12"
        "4/1/24",
        "00/2024",
        "13/2024",
        "2024/04",  # year first with a slash: 2011/12 is a financial year
        "04/2024/01",
        "04/ 2024",
        "4/1/2024",  # month first (1 April in the United States): not read, as it may be 4 Jan
        "02/04/2024",  # not the first of a month
        "2024-04-01 09:30",  # a time of day other than midnight
        "2024-04-01 00:00:01",
        "2024-04-01 00:01",
        "2024-04-02 00:00:00",  # midnight, but not on the first of a month
        "01/04/2024 12:00",
        "2024-04-01T",
        "01/13/2024",
        "01/00/2024",
        "01/04-2024",
        "Q1 2024",
        "2024",
        "2024 Q1",
        "24 Apr",
        "2024 Foo",
    ],
)
def test_what_is_not_plainly_one_month_is_refused(text):
    with pytest.raises(ValueError, match="is not a month; write it as YYYY-MM"):
        check_cell(MONTH_COLUMN, text, {})


@pytest.mark.parametrize(
    ("value", "date"),
    [
        (45383, "1 April 2024"),
        ("45383", "1 April 2024"),
        (" 45400 ", "18 April 2024"),
        (20000, "3 October 1954"),  # the first count of days taken for a date
        (79999, "10 January 2119"),  # the last
    ],
)
def test_a_month_excel_shows_as_its_count_of_days_is_named_as_the_date(value, date):
    with pytest.raises(ValueError) as raised:
        check_cell(MONTH_COLUMN, value, {})
    assert str(raised.value).endswith(
        f"is not a month but a date as Excel counts it ({date}); in Excel, format the column "
        "as a date (Format Cells, Date) and save it again"
    )


@pytest.mark.parametrize(
    "value", [19999, 80000, "2024", 202404, "4538", "4\u00b2", "\u0664\u0665\u0663\u0668\u0663"]
)
def test_other_numbers_in_a_month_column_keep_the_plain_message(value):
    with pytest.raises(ValueError, match="is not a month; write it as YYYY-MM"):
        check_cell(MONTH_COLUMN, value, {})


@pytest.mark.parametrize(
    "written",
    [
        lambda year, number: f"{MONTH_NAMES[int(number) - 1][:3].title()}-{year[2:]}",
        lambda year, number: f"{year}-{number}-01 00:00:00",  # as pandas writes a date
        lambda year, number: f"{number}/{year}",  # as Excel's mm/yyyy format writes a month
    ],
    ids=["excel-month-names", "midnight-dates", "month-slash-year"],
)
def test_a_series_saved_with_months_written_otherwise_builds_the_same_paper(figures, written):
    assert run(figures, "build").exit_code == 0
    before = [
        p.text for p in docx.Document(str(figures / "out/strategic-assessment.docx")).paragraphs
    ]
    series = figures / "inputs/monthly.csv"
    lines = series.read_text(encoding="utf-8").splitlines()
    renamed = [lines[0]]
    for line in lines[1:]:
        when, count = line.split(",")
        year, number = when.split("-")
        renamed.append(f"{written(year, number)},{count}")
    series.write_text("\n".join(renamed) + "\n", encoding="utf-8")
    assert run(figures, "build").exit_code == 0
    after = [
        p.text for p in docx.Document(str(figures / "out/strategic-assessment.docx")).paragraphs
    ]
    assert after == before


def test_a_name_is_at_most_name_max_characters_other_text_is_not_held_to_it():
    from committeepack.figures.cells import NAME_MAX
    from committeepack.figures.text_columns import UNCHECKED, checked_column

    name, note = Column("ward", "text", unique=True), Column("update", "text", False)
    assert check_cell(name, "x" * NAME_MAX, {}) == "x" * NAME_MAX
    with pytest.raises(
        ValueError, match=f"is {NAME_MAX + 1} characters long; a name here is at most {NAME_MAX}"
    ):
        check_cell(name, "x" * (NAME_MAX + 1), {})
    assert check_cell(note, "x" * 5000, {}) == "x" * 5000
    # the whole-column check agrees: a name too long is left for the cell-by-cell check
    cells = ["Abbey", "x" * (NAME_MAX + 1), "x" * NAME_MAX]
    assert checked_column(cells, cells, name) == ["Abbey", UNCHECKED, "x" * NAME_MAX]
    assert checked_column(cells, cells, note) == cells


COUNT_COLUMN = Column("current", "count")
WITHHELD = (
    "is how published tables mark a figure that is withheld or not available, not a figure; "
    "write the figure itself (ask whoever publishes it), or leave the row out"
)


@pytest.mark.parametrize(
    "mark",
    [
        *["..", ".", ":", "-", "\u2013", "*", "x", "X", "c", "z", "n/a", "NA", "[c]", "[low]"],
        *["<5", "< 10", ">100"],
    ],
)
def test_a_published_tables_mark_in_place_of_a_figure_is_named(mark):
    with pytest.raises(ValueError) as raised:
        check_cell(COUNT_COLUMN, mark, {})
    assert str(raised.value) == f"'{mark}' {WITHHELD}"


@pytest.mark.parametrize(
    ("text", "mark", "figure"),
    [
        ("1804*", "*", "1804"),
        ("1804 **", "**", "1804"),
        ("1804 [p]", "[p]", "1804"),
        ("1,804 (r)", "(r)", "1,804"),
        ("1804\u00b9", "\u00b9", "1804"),
        ("1804 r", "r", "1804"),
    ],
)
def test_a_figure_with_a_note_mark_after_it_says_to_write_the_figure_alone(text, mark, figure):
    with pytest.raises(ValueError) as raised:
        check_cell(COUNT_COLUMN, text, {})
    assert str(raised.value) == (
        f"'{text}' has the note mark {mark} after the figure; write the figure alone, "
        f"{figure}, and say what the mark meant in the narrative"
    )


@pytest.mark.parametrize(
    ("text", "shown", "digits"),
    [("1 804", "1 804", "1804"), ("12\u00a0345 678", "12\\xa0345 678", "12345678")],
)
def test_thousands_set_apart_with_spaces_are_named(text, shown, digits):
    with pytest.raises(ValueError) as raised:
        check_cell(COUNT_COLUMN, text, {})
    assert str(raised.value) == f"'{shown}' sets its thousands apart with spaces; write {digits}"


@pytest.mark.parametrize(
    "text",
    [
        "ten",
        "--",
        "x5",
        "<",
        "[cannot]",
        "1804abc",
        "1804 rr",
        "O",  # a letter alone, no digit beside it: not taken for one
        "lOl",
        "2O1x",
        "1804 R",
        "1 80",
        "12 3456",
    ],
)
def test_other_text_in_a_count_keeps_the_plain_message(text):
    with pytest.raises(ValueError) as raised:
        check_cell(COUNT_COLUMN, text, {})
    assert str(raised.value) == f"'{text}' is not a number; write digits only, e.g. 8640"


@pytest.mark.parametrize(
    ("text", "letters", "meant"),
    [
        ("2O", "the letter O", "20"),
        ("1l", "the letter l", "11"),
        ("6l2", "the letter l", "612"),
        ("1O,OOO", "the letter O", "10,000"),
        ("I0o", "the letter I and the letter o", "100"),
    ],
)
def test_a_letter_typed_for_the_digit_it_looks_like_is_named(text, letters, meant):
    with pytest.raises(ValueError) as raised:
        check_cell(COUNT_COLUMN, text, {})
    assert str(raised.value) == f"'{text}' has {letters} among its digits; write {meant}"


@pytest.mark.parametrize(
    ("text", "negative"),
    [
        ("\u2212612", True),  # the minus sign a published table or Word writes
        ("\u20131,804", True),  # an en dash Word made of a hyphen
        ("\u20145", True),
        ("\u2212", False),  # the sign alone: a mark, not a figure
        ("\u2212abc", False),
    ],
)
def test_a_figure_after_a_minus_sign_or_dash_is_named_negative(text, negative):
    with pytest.raises(ValueError) as raised:
        check_cell(COUNT_COLUMN, text, {})
    said = "is negative; counts cannot be below 0" if negative else "is not a number"
    assert str(raised.value).startswith(f"'{text}' {said}")


@pytest.mark.parametrize(("text", "value"), [("1804", 1804), ("1,804", 1804), (" 0 ", 0)])
def test_figures_as_written_still_read(text, value):
    assert check_cell(COUNT_COLUMN, text, {}) == value


@given(st.text(max_size=60))
@example("1\n2")
@example("\r")
@example("9" * 100 + "x")
def test_any_text_in_a_count_is_a_count_or_one_line_of_problem(text):
    try:
        value = check_cell(COUNT_COLUMN, text, {})
    except ValueError as problem:
        said = str(problem)
        assert said.startswith(("is empty", "'"))
        assert said.isprintable()  # one line, every character visible
        assert len(said) < 250  # the cell quoted short, however long it is
    else:
        assert isinstance(value, int) and value >= 0


@given(st.one_of(st.text(max_size=30), st.integers(-(10**12), 10**12)))
@example("4\u00b2")
@example(" 45383\n")
def test_anything_in_a_month_column_is_a_month_or_one_line_of_problem(value):
    try:
        month_read = check_cell(MONTH_COLUMN, value, {})
    except ValueError as problem:
        said = str(problem)
        assert said.startswith(("is empty", "'"))
        assert said.isprintable()
    else:
        year, number = month_read.split("-")
        assert len(year) == 4 and 1 <= int(number) <= 12


@pytest.mark.parametrize("text", ["12.5%", "-2.3%", "+35%", "100 %", "1,250%", ".5%"])
def test_a_percentage_in_a_count_says_to_write_the_count(text):
    with pytest.raises(ValueError) as raised:
        check_cell(COUNT_COLUMN, text, {})
    assert str(raised.value) == (
        f"'{text}' is a percentage; committeepack works percentages out from the counts, so "
        "write the count (a rate or score without %)"
    )


@pytest.mark.parametrize("text", ["%", "5%%", "% 5"])
def test_a_percent_sign_without_a_figure_is_not_a_number(text):
    with pytest.raises(ValueError, match="is not a number; write digits only"):
        check_cell(COUNT_COLUMN, text, {})


STATUSES = {"statuses": ["Not started", "On track", "Complete"]}


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("On track", "On track"),
        ("on TRACK", "On track"),
        ("Not\u00a0started", "Not started"),  # a no-break space, as Word may type it
        ("Not  started ", "Not started"),
    ],
)
def test_a_status_that_looks_the_same_is_that_status(written, status):
    assert check_cell(Column("status", "status"), written, STATUSES) == status


@pytest.mark.parametrize("written", ["Notstarted", "Started", "On-track"])
def test_another_status_is_named_with_those_allowed(written):
    with pytest.raises(ValueError) as raised:
        check_cell(Column("status", "status"), written, STATUSES)
    assert str(raised.value) == (
        f"'{written}' is not a status; use one of: Not started, On track, Complete"
    )


@pytest.mark.parametrize(
    ("value", "read"),
    [
        ("999999999999999", 999_999_999_999_999),  # 15 digits: the most a figure has
        ("999,999,999,999,999", 999_999_999_999_999),
        ("0000999999999999999", 999_999_999_999_999),  # leading zeros are not digits of it
        ("999999999999999.5", None),  # a count must be whole, but not for its size
        (999_999_999_999_999, 999_999_999_999_999),  # a workbook's number
        ("1000000000000000", "'100000...' is too large"),
        ("1" + "0" * 5000, "'100000...' is too large"),  # past Python's own limit for text
        (10**15, "'100000...' is too large"),
        (1e300, "'1e+300' is too large"),  # a workbook's float
    ],
)
def test_a_figure_of_more_than_15_digits_is_too_large(value, read):
    if read is None:
        with pytest.raises(ValueError, match="not a whole number"):
            check_cell(COUNT_COLUMN, value, {})
    elif isinstance(read, int):
        assert check_cell(COUNT_COLUMN, value, {}) == read
    else:
        with pytest.raises(ValueError) as problem:
            check_cell(COUNT_COLUMN, value, {})
        assert str(problem.value) == (
            f"{read} for a figure (its whole part has more than 15 digits); check the cell: "
            "is something else pasted into it?"
        )
