"""Numbers typed into narrative that a figure prints are named, with the expression to use."""

import pytest

from committeepack.stale_numbers import stale_numbers

from conftest import edit, run

KNOWN = {
    "9,410": 'crime["All crime"].previous',
    "100": 'wards["Fant"].current',
    "99": 'wards["Heath"].current',
    "2,024": 'crime["Theft"].current',
    "12.7%": 'crime["Violent crime"].change }} ("rose by 12.7% from 2,612 to 2,945") {{',
}


def found(body: str) -> list[str]:
    return [p.message.split(" is typed")[0] for p in stale_numbers("a.md", body, 5, KNOWN)]


@pytest.mark.parametrize(
    ("body", "numbers"),
    [
        ("Crime fell from 9,410.", ["9,410"]),
        ("Crime fell from 9410 last year.", ["9410"]),
        ("There were 100 crimes and 99 others.", ["100"]),  # below 100 is too common a number
        ("It rose by 12.7% and by 12.70%.", ["12.7%", "12.70%"]),
        ("Since 2024, and in June 2,024 times.", ["2,024"]),  # a year is not a count
        ("On 3 June 2026 at 9,411 sites.", []),
        ("{{ crime['All crime'].previous }} is 9,410 {# 9,410 #}", ["9,410"]),
        ("See [the plan](https://example.org/9410/plan) for 1.5 per 1,000.", []),
        ("Paragraph 9410.2 and version 9,410.1 and 9,410/2.", []),
    ],
)
def test_which_numbers_are_named(body, numbers):
    assert found(body) == numbers


def test_the_message_names_the_line_and_the_expression():
    [problem] = stale_numbers("inputs/a.md", "line one\nIt rose by 12.7%.", 7, KNOWN)
    assert str(problem) == (
        'inputs/a.md:8: 12.7% is typed by hand, and a figure prints it; write {{ crime["Violent '
        'crime"].change }} ("rose by 12.7% from 2,612 to 2,945") so that it stays true when the '
        "figures change"
    )


def test_a_typed_figure_is_a_warning_and_strict_makes_it_an_error(figures):
    edit(
        figures / "inputs/strategic-assessment.md",
        "Police figures.",
        "Police figures: 1,000 crimes.",
    )
    result = run(figures, "build")
    assert result.exit_code == 0
    warning = (
        "inputs/strategic-assessment.md:15: 1,000 is typed by hand, and a figure prints it; write "
        '{{ crime["All crime"].previous }} so that it stays true when the figures change'
    )
    assert f"Warning: {warning}" in result.output
    strict = run(figures, "build", "--strict")
    assert strict.exit_code == 1 and warning in strict.output
