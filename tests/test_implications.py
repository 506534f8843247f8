"""The cross-cutting implications table: the council's rows, in its order, never silently empty."""

import docx
import pytest

from outline import outline

from conftest import edit, run

TABLE = "inputs/implications.md"


def implications_rows(project):
    document = docx.Document(str(project / "out" / "agenda-item.docx"))
    lines = outline(document)
    start = lines.index("H | Issue | Implications | Sign-off |")
    end = lines.index("</table>", start)
    return lines[start + 1 : end]


def test_rows_follow_council_order_not_file_order(minimal):
    # the file lists Legal, Financial, Procurement; the council's order is Financial, Legal, ...
    result = run(minimal, "build")
    assert result.exit_code == 0, result.output
    rows = implications_rows(minimal)
    assert [row.split(" | ")[1] for row in rows] == ["Financial", "Legal", "Procurement"]
    assert rows[1] == (
        "  | Legal | Section 6 of the Act requires: / [list 0] a strategy for crime; and / "
        "[list 0] a strategy for drugs. | Legal |"
    )


def test_lettered_list_uses_letters(minimal):
    run(minimal, "build")
    document = docx.Document(str(minimal / "out" / "agenda-item.docx"))
    formats = {
        el.get(docx.oxml.ns.qn("w:val"))
        for el in document.part.numbering_part.element.iter(docx.oxml.ns.qn("w:numFmt"))
    }
    assert "lowerLetter" in formats


def test_sign_off_override_from_front_matter(minimal):
    path = minimal / TABLE
    path.write_text(
        "---\nsign_off:\n  Legal: Head of Legal Partnership\n---\n"
        + path.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    assert run(minimal, "build").exit_code == 0
    legal = next(row for row in implications_rows(minimal) if row.startswith("  | Legal"))
    assert legal.endswith("| Head of Legal Partnership |")


def test_missing_row_is_an_error(minimal):
    edit(minimal / TABLE, "# Procurement\n\nNo implications.\n", "")
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: inputs/implications.md: no '# Procurement' section; add it with its text\n"
    )


def test_empty_row_is_an_error_that_says_how_to_state_none(minimal):
    edit(minimal / TABLE, "No new costs.\n", "")
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: inputs/implications.md:9: section '# Financial' is empty; write its "
        "implications, or 'No implications.' if there are none\n"
    )


def test_row_the_council_does_not_configure(minimal):
    edit(minimal / TABLE, "# Procurement", "# Biodiversity\n\nNone.\n\n# Procurement")
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: inputs/implications.md:13: unknown section '# Biodiversity'; it is not one of "
        "the council's rows in committeepack.toml [[implications]]; add it there or correct the "
        "heading\n"
    )


@pytest.mark.parametrize(
    ("row", "hint"),
    [
        ("Legl", "did you mean 'Legal'?"),  # misspelt
        ("Staffing", "use one of: Financial, Legal, Procurement"),  # like none of them
    ],
)
def test_sign_off_for_unknown_row(minimal, row, hint):
    path = minimal / TABLE
    path.write_text(
        f"---\nsign_off:\n  {row}: Legal\n---\n" + path.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: inputs/implications.md:3: sign_off names '{row}', which is not one of the "
        f"council's rows in committeepack.toml; {hint}\n"
    )


@pytest.mark.parametrize(
    ("front_matter", "message"),
    [
        ("signoff:\n  Legal: Head of Law", "2: signoff: unknown key; did you mean sign_off?"),
        ("sign_off: Legal", "2: sign_off: must be a table; write one 'Issue: role' line"),
        ("sign_off:\n  Legal:", "3: sign_off.Legal: is empty; write it, for example  Legal: "),
        ("sign_off:\n  Legal: 3", None),  # an unquoted number is text in YAML
    ],
)
def test_sign_off_front_matter_is_checked_by_the_schema(minimal, front_matter, message):
    path = minimal / "inputs" / "implications.md"
    text = path.read_text(encoding="utf-8")
    assert not text.startswith("---"), text[:40]
    path.write_text(f"---\n{front_matter}\n---\n{text}", encoding="utf-8")
    result = run(minimal, "build", "agenda-item", "--no-page-numbers")
    if message is None:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1
        assert f"Error: inputs/implications.md:{message}" in result.output, result.output


@pytest.mark.parametrize(("face", "size"), [("Arial", 12), ("DejaVu Sans Mono", 14)])
def test_every_column_is_at_least_as_wide_as_its_longest_word(example, face, size):
    """A fixed 3 cm sign-off column broke "Biodiversity" mid-word in a monospaced face at
    14 pt; the columns keep the council's proportions where the words allow."""
    import shutil

    from committeepack.implications import WIDTHS_CM
    from committeepack.word.column_widths import CELL_PADDING_TWIPS
    from committeepack.word.text_measure import text_width_twips

    shutil.rmtree(example / "templates")  # the default template, in this face and size
    edit(example / "committeepack.toml", 'font = "Arial"', f'font = "{face}"')
    edit(example / "committeepack.toml", "body_size = 12", f"body_size = {size}")
    result = run(example, "build", "agenda-item", "--no-page-numbers")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(example / "out" / "agenda-item.docx"))
    [table] = [t for t in document.tables if t.rows[0].cells[0].text == "Issue"]
    widths = [cell.width.twips for cell in table.rows[1].cells]
    small = min(size - 1, 11)
    for column in (0, 2):  # the issue (bold) and the sign-off
        words = {w for row in table.rows[1:] for w in row.cells[column].text.split()}
        longest = max(text_width_twips(w, small, column == 0, face) for w in words)
        assert widths[column] >= longest + CELL_PADDING_TWIPS
    if face == "Arial":  # words that fit: the council's proportions exactly
        assert [round(w / 567, 1) for w in widths] == list(WIDTHS_CM)
