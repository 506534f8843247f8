"""Only text reaches a paper, and dates are dates: each mistake is one error at its line."""

import re

import pytest

from conftest import edit, run


def one_error(project) -> str:
    result = run(project, "build")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    [line] = result.output.splitlines()
    return line


@pytest.mark.parametrize(
    ("printed", "message"),
    [
        (
            "{{ meeting }}",
            "meeting is a group of facts; use meeting.date, meeting.time or meeting.venue",
        ),
        (
            "{{ people }}",
            "people is a group of entries; use one of them: people.head or people.author",
        ),
        (
            "{{ priorities }}",
            "priorities is a list; print its items with {% for item in priorities %}",
        ),
        ("{{ none_here }}", "'none_here' is not defined"),
    ],
)
def test_a_value_that_is_not_text_printed_in_narrative(minimal, printed, message):
    edit(
        minimal / "inputs" / "agenda-item.md",
        "A short summary for {{ committee }}.",
        f"A short summary for {printed}.",
    )
    line = one_error(minimal)
    assert line.startswith("Error: inputs/agenda-item.md:14: "), line
    assert message in line


def test_a_table_of_figures_printed_bare(figures):
    edit(
        figures / "inputs" / "agenda-item.md",
        "A short summary for {{ committee }}.",
        "All: {{ crime }}.",
    )
    line = one_error(figures)
    assert 'crime is a table of figures; use one row, for example  crime["' in line


def test_nothing_python_shaped_reaches_the_example_papers(example):
    import docx

    assert run(example, "build").exit_code == 0
    for paper in (example / "out").glob("*.docx"):
        document = docx.Document(str(paper))
        text = "\n".join(p.text for p in document.paragraphs)
        text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        for shape in (
            r"\bnan\b",
            r"datetime\.",
            r"Decimal\(",
            r"Fraction\(",
            r"\{'",
            r"\[\]",
        ):
            assert not re.search(shape, text), (paper.name, shape)


def test_an_impossible_date_in_front_matter(minimal):
    edit(
        minimal / "inputs" / "agenda-item.md",
        "purpose: noting",
        "purpose: noting\nwhen: 2026-02-31",
    )
    line = one_error(minimal)
    assert line == (
        "Error: inputs/agenda-item.md:9: 2026-02-31 is not a date that exists (day is out of "
        "range for month); write a real date as YYYY-MM-DD"
    )


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("31/02/2026", "31/02/2026 is not a date that exists; write a real date as YYYY-MM-DD"),
        ("2/6/2026", "write 2/6/2026 as 2026-06-02 (YYYY-MM-DD), so that it cannot be read"),
        ("next week", "not a date ('next week'); write it as YYYY-MM-DD"),
    ],
)
def test_a_timetable_date_that_is_not_a_date(minimal, written, message):
    edit(
        minimal / "inputs" / "agenda-item.md",
        "purpose: noting",
        f"purpose: noting\ntimetable:\n  - meeting: Council\n    date: {written}",
    )
    line = one_error(minimal)
    assert line.startswith("Error: inputs/agenda-item.md:11: timetable (entry 1).date: "), line
    assert message in line


@pytest.mark.parametrize(
    "tag", ["{% include '/etc/passwd' %}", "{% import 'os' as os %}", "{% extends 'base' %}"]
)
def test_narrative_cannot_read_another_file_through_jinja(minimal, tag):
    edit(minimal / "inputs" / "agenda-item.md", "A short summary for {{ committee }}.", tag)
    assert one_error(minimal) == (
        "Error: inputs/agenda-item.md:14: {% include %}, {% import %} and {% extends %} cannot "
        "be used (a paper reads no other file through its text); write the text here"
    )
