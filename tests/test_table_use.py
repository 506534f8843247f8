"""Which tables a paper needs: a paper that names no table neither reads it nor is rebuilt
when it changes; the papers that print every table read them all."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.papers import PAPERS
from committeepack.project import Project
from committeepack.table_use import names_in_expressions, tables_needed

from conftest import edit, run

TABLES = ["crime", "districts", "actions", "monthly"]


def test_names_are_taken_from_expressions_and_statements_only():
    text = 'Districts fell. {{ districts["Kent"].current }} {% for a in actions %}{% endfor %}'
    assert names_in_expressions(text) >= {"districts", "actions", "a", "Kent", "current"}
    assert "Districts" not in names_in_expressions(text)
    assert names_in_expressions("crime rose, as monthly figures show") == set()


@given(st.text(alphabet=st.characters(exclude_characters="{}%"), max_size=60))
def test_prose_without_expressions_names_no_table(prose):
    assert names_in_expressions(prose) == set()


def test_the_agenda_item_needs_its_headline_tables_and_those_its_inputs_name(figures):
    project = Project.open(figures)
    agenda = PAPERS["agenda-item"]
    assert tables_needed(project, agenda, TABLES) == ["crime"]  # the headline's table
    edit(figures / "inputs" / "implications.md", "\n", "\n{{ monthly.measure }}\n")
    assert tables_needed(project, agenda, TABLES) == ["crime", "monthly"]


def test_another_papers_body_does_not_count_but_its_front_matter_does(figures):
    project = Project.open(figures)
    agenda = PAPERS["agenda-item"]
    assessment = figures / "inputs" / "strategic-assessment.md"
    text = assessment.read_text(encoding="utf-8")
    assessment.write_text(text + '\n{{ districts["Ashford"].current }}\n', encoding="utf-8")
    assert "districts" not in tables_needed(project, agenda, TABLES)
    assessment.write_text(
        text.replace("title: Strategic Assessment", 'title: "{{ districts.measure }}"', 1),
        encoding="utf-8",
    )
    assert "districts" in tables_needed(project, agenda, TABLES)


@pytest.mark.parametrize("name", ["strategic-assessment", "data-on-a-page"])
def test_the_papers_that_print_or_chart_every_table_need_them_all(figures, name):
    assert tables_needed(Project.open(figures), PAPERS[name], TABLES) == TABLES


def test_a_table_no_built_paper_names_is_not_read_and_a_change_to_it_rebuilds_nothing(figures):
    assert run(figures, "build").exit_code == 0
    actions = figures / "inputs" / "actions.csv"
    actions.write_text("this is not, a table of actions\n", encoding="utf-8")
    result = run(figures, "build", "agenda-item")
    assert result.exit_code == 0, result.output
    assert "agenda-item.docx: unchanged (inputs unchanged)" in result.output
    edit(figures / "inputs" / "agenda-item.md", "A short summary", "A brief summary")
    result = run(figures, "build", "agenda-item")
    assert result.exit_code == 0, result.output
    assert "agenda-item.docx: rewritten (inputs/agenda-item.md changed)" in result.output
    result = run(figures, "build")  # the assessment prints it: read, and its problem shown
    assert result.exit_code == 1
    assert "inputs/actions.csv" in result.output
