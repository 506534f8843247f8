"""Text as committeepack reads it: one way of writing each accented letter, wherever it comes
from (a CSV, a workbook, narrative, committeepack.toml)."""

import unicodedata

import docx
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.characters import composed

from conftest import edit, run, use_crime_workbook

WELSH = "Tr\u0175ydd T\u0177 Isaf"  # ŵ and ŷ, as typed on Windows (one character each)


def nfd(text: str) -> str:
    """``text`` as a Mac may save it: each accent a character of its own after its letter."""
    return unicodedata.normalize("NFD", text)


@given(st.text(max_size=40))
def test_composed_text_reads_the_same_however_its_accents_were_saved(text):
    assert composed(nfd(text)) == composed(text)
    assert composed(composed(text)) == composed(text)


def test_ascii_is_left_as_it_is():
    text = "Market Square,1804,1762\n" * 10
    assert composed(text) is text


def theft_renamed(figures, name: str) -> None:
    path = figures / "inputs/crime.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Theft", name), encoding="utf-8")


def summary_asks_for(figures, name: str) -> None:
    """The assessment's summary states how the crime table's row ``name`` moved."""
    edit(
        figures / "inputs/strategic-assessment.md",
        'All crime {{ crime["All crime"].change }}.',
        f'All crime {{{{ crime["All crime"].change }}}}. {{{{ crime["{name}"].change }}}}.',
    )


def assessment_text(figures) -> str:
    document = docx.Document(str(figures / "out/strategic-assessment.docx"))
    return "\n".join(p.text for p in document.paragraphs)


@pytest.mark.parametrize(("in_table", "in_narrative"), [(nfd(WELSH), WELSH), (WELSH, nfd(WELSH))])
def test_a_name_is_found_however_its_accents_were_saved(figures, in_table, in_narrative):
    theft_renamed(figures, in_table)
    summary_asks_for(figures, in_narrative)
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    assert nfd(WELSH) not in assessment_text(figures)  # every paper writes it one way
    assert WELSH in assessment_text(figures)


def test_a_workbook_name_saved_decomposed_is_found(figures):
    rows = (figures / "inputs/crime.csv").read_text(encoding="utf-8").splitlines()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Crime"
    for row in rows:
        cells = row.replace("Theft", nfd(WELSH)).split(",")
        sheet.append([int(c) if c.isdigit() else c for c in cells])
    use_crime_workbook(figures, workbook)
    summary_asks_for(figures, WELSH)
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    assert WELSH in assessment_text(figures)
