"""The community safety plan update: one set of priorities, Year N worked out, not typed."""

import datetime as dt

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.papers.plan import plan_year
from outline import outline

from conftest import REPO, copy_project, edit, run

D = dt.date


@pytest.mark.parametrize(
    ("starts", "years", "update", "year"),
    [
        (D(2025, 4, 1), 3, D(2025, 4, 1), 1),
        (D(2025, 4, 1), 3, D(2026, 3, 31), 1),
        (D(2025, 4, 1), 3, D(2026, 4, 1), 2),
        (D(2025, 4, 1), 3, D(2026, 5, 1), 2),  # the "May 2026 update" is the year 2 update
        (D(2019, 4, 1), 3, D(2021, 5, 1), 3),  # the published May 2021 update said "Year 3"
        (D(2025, 4, 15), 3, D(2026, 4, 14), 1),
        (D(2024, 1, 1), 5, D(2028, 12, 31), 5),
    ],
)
def test_year_of_the_plan(starts, years, update, year):
    assert plan_year(starts, years, update) == year


@pytest.mark.parametrize(
    ("update", "message"),
    [
        (D(2025, 3, 31), "update: 31 March 2025 is before the plan starts (1 April 2025)"),
        (D(2028, 4, 1), "update: 1 April 2028 is after the plan's 3 years end"),
    ],
)
def test_update_outside_the_plan(update, message):
    with pytest.raises(ValueError) as caught:
        plan_year(D(2025, 4, 1), 3, update)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("years", "message"),
    [
        (0, "years: a plan lasts at least one year"),
        (11, "years: a plan lasts at most 10 years; check the number"),
    ],
)
def test_a_plan_lasts_one_to_ten_years(years, message):
    assert plan_year(D(2025, 4, 1), 1, D(2025, 5, 1)) == 1
    assert plan_year(D(2025, 4, 1), 10, D(2025, 5, 1)) == 1
    with pytest.raises(ValueError) as caught:
        plan_year(D(2025, 4, 1), years, D(2025, 5, 1))
    assert str(caught.value) == message


def test_a_plan_years_error_names_the_years_line(tmp_path):
    project = copy_project(REPO, tmp_path / "example")
    edit(project / "inputs" / "plan.md", "years: 3", "years: 300")
    result = run(project, "build", "plan")
    assert result.exit_code == 1
    assert result.output == (
        "Error: inputs/plan.md:4: years: a plan lasts at most 10 years; check the number\n"
    )


@given(
    st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 1, 1)),
    st.integers(1, 6),
    st.integers(0, 6 * 366),
)
def test_year_properties(starts, years, offset):
    update = starts + dt.timedelta(days=offset)
    try:
        year = plan_year(starts, years, update)
    except ValueError:
        assert offset >= 365 * years  # only after the plan ends
        return
    assert 1 <= year <= years
    anniversary_year = starts.year + year - 1
    # the update falls on or after the start of its plan year
    assert (update.year, update.month, update.day) >= (
        anniversary_year,
        starts.month,
        starts.day,
    ) or year == 1


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_project(REPO, tmp_path_factory.mktemp("plan") / "example")
    assert run(project, "build", "plan").exit_code == 0
    return docx.Document(str(project / "out" / "community-safety-plan.docx"))


def test_headings_in_order_with_year_worked_out(built):
    headings = [line for line in outline(built) if line.startswith("[Heading")]
    assert headings[:4] == [
        "[Heading 1] Welcome from the Leader of Brackenford Borough Council",
        "[Heading 1] Foreword by the co-chairs of the Safer Brackenford Partnership",
        "[Heading 1] Introduction",
        "[Heading 1] How we set our priorities",
    ]
    assert "[Heading 2] The May 2026 update" in headings
    assert headings.count("[Heading 3] Year 2: what will we do?") == 5
    assert headings[-4:] == [
        "[Heading 1] Appendix 1: Priorities of our county and police partners",
        "[Heading 1] Appendix 2: Partnership structure",
        "[Heading 1] Appendix 3: The groups that deliver each priority",
        "[Heading 1] Appendix 4: Glossary of terms and acronyms",
    ]


def test_sub_groups_table_has_a_header_row_and_every_priority(built):
    lines = outline(built)
    start = lines.index(
        "H | Priority | Sub-groups and working groups delivering the action plans |"
    )
    rows = lines[start + 1 : lines.index("</table>", start)]
    assert rows[2] == (
        "  | Tackling domestic abuse and supporting those it harms | Domestic "
        "Abuse Forum; Multi-Agency Risk Assessment Conference |"
    )
    assert len(rows) == 5


def test_priority_names_come_from_the_configuration(tmp_path):
    project = copy_project(REPO, tmp_path / "example")
    edit(
        project / "committeepack.toml",
        'name = "Tackling domestic abuse and supporting those it harms"',
        'name = "Ending domestic abuse"',
    )
    assert run(project, "build").exit_code == 0
    for paper in ("community-safety-plan", "strategic-assessment", "agenda-item"):
        text = "\n".join(outline(docx.Document(str(project / "out" / f"{paper}.docx"))))
        assert "Tackling domestic abuse" not in text
    plan = "\n".join(outline(docx.Document(str(project / "out/community-safety-plan.docx"))))
    assert "[Heading 2] Ending domestic abuse" in plan


def test_unknown_priority_section_is_an_error(tmp_path):
    project = copy_project(REPO, tmp_path / "example")
    edit(project / "inputs/plan.md", "# Mental health\n", "# Loneliness\n")
    result = run(project, "build", "plan")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("Error: inputs/plan.md:")
    assert "unknown section '# Loneliness'; the sections are:" in lines[0]
    assert lines[-1] == "Error: inputs/plan.md: no '# Mental health' section; add it with its text"


def test_missing_part_of_a_priority(tmp_path):
    project = copy_project(REPO, tmp_path / "example")
    edit(
        project / "inputs/plan.md",
        "## What is our focus?\n\nWe will use the four",
        "We will use the four",
    )
    result = run(project, "build", "plan")
    assert result.exit_code == 1
    assert (
        "section '# Serious violence and organised crime' has no '## What is our focus?' "
        "with text under it; add it" in result.output
    )


def test_signatory_must_be_a_person(tmp_path):
    project = copy_project(REPO, tmp_path / "example")
    edit(project / "inputs/plan.md", "welcome_by: council_leader", "welcome_by: mayor")
    result = run(project, "build", "plan")
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: inputs/plan.md:7: welcome_by: 'mayor' is not in "
        "[people] of committeepack.toml; use one of:"
    )


def test_update_date_outside_the_plan_is_reported(tmp_path):
    project = copy_project(REPO, tmp_path / "example")
    edit(project / "inputs/plan.md", "update: 2026-05-01", "update: 2029-05-01")
    result = run(project, "build", "plan")
    assert result.output == (
        "Error: inputs/plan.md:5: update: 1 May 2029 is after the plan's 3 years end\n"
    )


@pytest.mark.parametrize(
    ("update", "year", "word", "final", "left"),
    [
        (dt.date(2025, 4, 1), 1, "first", False, 2),
        (dt.date(2026, 3, 31), 1, "first", False, 2),
        (dt.date(2026, 4, 1), 2, "second", False, 1),
        (dt.date(2027, 4, 1), 3, "third", True, 0),
    ],
)
def test_the_plan_years_every_paper_can_name(update, year, word, final, left):
    from committeepack.papers.plan_dates import plan_years

    years = plan_years({"starts": dt.date(2025, 4, 1), "years": 3, "update": update})
    assert (years.year, years.year_word, years.is_final_year, years.years_left) == (
        year,
        word,
        final,
        left,
    )
    assert years.label == "2025-2028"


def test_no_plan_years_when_the_dates_do_not_work_out():
    from committeepack.papers.plan_dates import plan_years

    assert (
        plan_years({"starts": dt.date(2025, 4, 1), "years": 3, "update": dt.date(2024, 1, 1)})
        is None
    )
