"""Figure tables as officers save them: Windows encodings, blank lines, BOMs and CRLF."""

import docx
import pytest

from conftest import edit, run

CRIME = "inputs/crime.csv"


def error_lines(project):
    result = run(project, "build")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output.splitlines()


def test_a_windows_encoded_csv_is_read_with_a_warning_at_its_first_such_line(figures):
    path = figures / CRIME
    text = path.read_text(encoding="utf-8").replace("Theft", "Théft – (£)")
    path.write_bytes(text.encode("cp1252"))
    line = text.splitlines().index(next(row for row in text.splitlines() if "£" in row)) + 1
    result = run(figures, "build", "--strict")
    assert result.exit_code == 1
    assert [row for row in result.output.splitlines() if CRIME in row] == [
        f"Error: {CRIME}:{line}: not UTF-8 text: read as Windows-1252, as Excel saves 'CSV "
        "(Comma delimited)' (byte 0xe9 as 'é'); check its names and headings in the papers, or "
        "save it with Save As and the type 'CSV UTF-8 (Comma delimited)'"
    ]
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    assert f"Warning: {CRIME}:{line}: not UTF-8 text: read as Windows-1252" in result.output
    document = docx.Document(str(figures / "out/strategic-assessment.docx"))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "Théft – (£)" in cells


@pytest.mark.parametrize(
    "written",
    [
        # UTF-8 up to a line written in Windows-1252: neither reading gets both right
        lambda text: (
            text.encode("utf-8").replace(b"Theft", "Théft".encode()) + "Bé,1,2,3\n".encode("cp1252")
        ),
        # 0x81 is no character in Windows-1252 either
        lambda text: text.replace("Theft", "Theft\x81").encode("latin-1"),
    ],
    ids=["utf-8 then windows-1252", "not windows-1252"],
)
def test_a_csv_neither_utf_8_nor_windows_1252_names_its_first_bad_line(figures, written):
    path = figures / CRIME
    data = written(path.read_text(encoding="utf-8"))
    path.write_bytes(data)
    line = next(number for number, row in enumerate(data.split(b"\n"), 1) if _not_utf8(row))
    [message] = [row for row in error_lines(figures) if CRIME in row]
    assert message.startswith(f"Error: {CRIME}:{line}: not UTF-8 text (byte 0x")
    assert message.endswith(
        "cannot be read); in Excel, save it with Save As and the type 'CSV UTF-8 (Comma delimited)'"
    )


def _not_utf8(row: bytes) -> bool:
    try:
        row.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def test_rows_are_counted_as_a_spreadsheet_shows_them_blank_lines_included(figures):
    path = figures / CRIME
    lines = path.read_text(encoding="utf-8").splitlines()
    theft = next(i for i, row in enumerate(lines) if row.startswith("Theft"))
    lines[theft] = lines[theft].replace("530", "five hundred")
    lines[1:1] = ["", ""]  # two blank lines after the heading row
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [line] = error_lines(figures)
    assert line.startswith(f"Error: {CRIME}:{theft + 3}: column 'current': ")


def test_a_bom_and_crlf_line_ends_keep_working(figures):
    path = figures / CRIME
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8") + b"\r\n")
    result = run(figures, "build")
    assert result.exit_code == 0, result.output


def test_a_table_too_big_to_read_is_refused_before_it_is_read(figures, monkeypatch):
    from committeepack.figures import raw_table

    monkeypatch.setattr(raw_table, "MAX_TABLE_BYTES", 2_000_000)
    path = figures / CRIME
    path.write_text(path.read_text(encoding="utf-8") + "," * 2_100_000, encoding="utf-8")
    assert error_lines(figures) == [
        f"Error: {CRIME}: is 2 MB; committeepack reads figure tables of up to 2 MB (a build "
        "stays within 1 GB of memory). Summarise the extract first: one row per category, "
        "ward or month"
    ]


def add_crime_rows(project, count: int = 600) -> None:
    """``count`` more categories of one crime each, under All crime."""
    path = project / CRIME
    rows = "".join(f"Other crime {n},All crime,1,1\n" for n in range(count))
    path.write_text(path.read_text(encoding="utf-8") + rows, encoding="utf-8")


def test_a_table_too_long_to_print_is_an_error_suggesting_what_its_kind_allows(figures):
    add_crime_rows(figures)
    lines = error_lines(figures)
    assert lines == [
        "Error: committeepack.toml:50: tables.crime: 605 rows would be printed in the papers; "
        "a table there holds at most 500 (max_printed_rows in [document]). Summarise the rows "
        "(by category, ward or month), or set top = 25 to print the 25 largest and add up the "
        "rest as 'All other'."
    ]


def test_following_the_advice_top_25_builds_the_long_table_with_an_all_other_row(figures):
    add_crime_rows(figures)
    edit(
        figures / "committeepack.toml",
        'file = "inputs/crime.csv"',
        'file = "inputs/crime.csv"\ntop = 25',
    )
    result = run(figures, "build", "strategic-assessment")
    assert "rows would be printed" not in result.output, result.output
    from docx import Document

    document = Document(figures / "out" / "strategic-assessment.docx")
    names = [row.cells[0].text for table in document.tables for row in table.rows]
    assert any(name.startswith("All other (") for name in names), names
    assert "Other crime 599" not in names


def test_a_reasons_table_too_long_to_print_suggests_top_or_show_false(figures):
    from committeepack.config import load_config
    from committeepack.figures.tables import _shorter, declared_tables

    spec = next(iter(declared_tables(load_config(figures)).values()))
    spec.kind, spec.options = "reasons", {"top": 30}
    assert _shorter(spec) == (
        "Summarise the rows (by category, ward or month), or set a smaller top than 30, or "
        "set show = false to use its figures without printing it."
    )


def test_a_wholly_wrong_table_gives_a_screenful_not_a_line_per_row(figures):
    path = figures / CRIME
    rows = "".join(f"Crime {n},All crime,many,few\n" for n in range(200))
    path.write_text(path.read_text(encoding="utf-8") + rows, encoding="utf-8")
    lines = error_lines(figures)
    assert 20 <= len(lines) <= 22
    assert lines[-1].endswith("more problems from here on; fix the ones above first")


def test_the_line_of_a_byte_that_cannot_be_read_counts_past_a_bom_and_crlf(figures):
    path = figures / CRIME
    rows = path.read_text(encoding="utf-8").splitlines()
    rows[2] = rows[2] + "\x81"  # no character in Windows-1252 either: an error at line 3
    data = b"\xef\xbb\xbf" + "\r\n".join(rows).encode("utf-8").replace(b"\xc2\x81", b"\x81")
    path.write_bytes(data + b"\r\n")
    [message] = [row for row in error_lines(figures) if CRIME in row]
    assert message.startswith(f"Error: {CRIME}:3: not UTF-8 text (byte 0x81 cannot be read)")
