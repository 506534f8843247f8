"""The strategic assessment's sentences about wards: ties named, one ward said as one."""

import pytest

from committeepack.figures.model import Figure
from committeepack.figures.sentences import listed
from committeepack.papers.sa_figures import _most_and_least


def wards(*counts: tuple[str, int, int]) -> list[Figure]:
    return sorted((Figure(n, p, c) for n, p, c in counts), key=lambda f: -f.current)


def test_one_ward_most_and_one_least():
    assert _most_and_least(wards(("Abbey", 90, 100), ("Bank", 50, 40), ("Cross", 60, 60))) == (
        "Abbey recorded the most crime of any ward, 100; there, crime rose by 11.1% from 90 "
        "to 100. Bank recorded the least, 40."
    )


def test_wards_tied_at_the_top_and_the_bottom_are_all_named():
    assert _most_and_least(
        wards(("Abbey", 1, 100), ("Bank", 1, 40), ("Cross", 1, 100), ("Dale", 1, 40))
    ) == (
        "Abbey and Cross recorded the most crime of any ward, 100 each. Bank and Dale "
        "recorded the least, 40 each."
    )


def test_a_single_ward_is_not_both_the_most_and_the_least():
    assert _most_and_least(wards(("Abbey", 90, 100))) == (
        "Abbey recorded 100; there, crime rose by 11.1% from 90 to 100."
    )


@pytest.mark.parametrize("count", [0, 7])
def test_wards_all_alike_are_said_so(count):
    assert _most_and_least(wards(("Abbey", 1, count), ("Bank", 2, count))) == (
        f"Each of the 2 wards recorded {count}."
    )


@pytest.mark.parametrize(
    ("names", "text"),
    [
        (["A"], "A"),
        (["A", "B"], "A and B"),
        (["A", "B", "C"], "A, B and C"),
        (["A", "B", "C", "D"], "A, B, C and D"),
        (["A", "B", "C", "D", "E"], "A, B, C and 2 other wards"),
    ],
)
def test_names_are_listed_in_full_up_to_four(names, text):
    assert listed(names, "wards") == text


def test_the_largest_changes_take_in_a_category_tied_for_third(example):
    import docx

    from conftest import replace_line, run

    crime = example / "inputs/figures/crime-by-type.csv"
    # +12.5%, as violence against the person (2,349 to 2,643), third of the rises
    replace_line(
        crime, "Sexual offences,Violent crime,203,224", "Sexual offences,Violent crime,200,225"
    )
    assert run(example, "build", "--no-page-numbers").exit_code == 0
    text = [p.text for p in docx.Document(example / "out/strategic-assessment.docx").paragraphs]
    at = text.index("The largest changes:")
    listed_changes = text[at + 1 : at + 9]
    assert "Violence against the person rose by 12.5% from 2,349 to 2,643." in listed_changes
    assert "Sexual offences rose by 12.5% from 200 to 225." in listed_changes
    assert "Drug offences fell by 35.3% from 431 to 279." in listed_changes
