"""Direction words typed beside figures that moved the other way are warned of."""

from types import SimpleNamespace

import pytest

from committeepack.direction_words import contradicted, movements
from committeepack.figures.built import CountTable
from committeepack.figures.model import Figure, FigureTable

from conftest import replace_line, run


def figures(**counts: tuple[int, int]):
    table = FigureTable("crime", {n: Figure(n, p, c, "crime") for n, (p, c) in counts.items()})
    total = Figure("Total", 0, 0)
    return SimpleNamespace(tables={"crime": CountTable(table, {}, total)})


HELD = figures(Drugs=(431, 279), Robbery=(60, 78), Arson=(5, 5))


def warned(body: str, held=HELD) -> list[tuple[int | None, str]]:
    return [(p.line, str(p).split(": ", 1)[1]) for p in contradicted("a.md", body, 10, held)]


def test_a_typed_word_against_the_paragraphs_only_movement_is_warned_of_at_its_line():
    body = 'Drug offences {{ crime["Drugs"].change }}.\nDrugs are found by searches: the rise\n.'
    assert warned(body) == [
        (
            11,
            "'rise' is typed by hand, but the figures of this paragraph fell "
            '(crime["Drugs"].change fell from 431 to 279); reword it, or let the figure say '
            "which way it moved, so that the words stay true when the figures change",
        )
    ]


@pytest.mark.parametrize(
    "body",
    [
        'Drug offences {{ crime["Drugs"].change }}; the fall reflects fewer searches.',
        # figures moving both ways: the word may be about either
        'Drugs {{ crime["Drugs"].change }} and robbery {{ crime["Robbery"].change }}; a rise.',
        # a figure that did not move says no direction
        'Arson {{ crime["Arson"].change }}; a rise elsewhere.',
        # the word in another paragraph, or only inside an expression
        'Drugs {{ crime["Drugs"].change }}.\n\nRobbery is on the rise.',
        'Drugs {{ crime["Drugs"].change }} {{ "rose" }}.',
        # not a movement: "falls within", and a figure no table holds
        'Robbery {{ crime["Robbery"].change }}; it falls within the plan.',
        'Fraud {{ crime["Fraud"].change }}; a fall.',
        # a figure stated without its movement
        "Drugs numbered {{ crime['Drugs'].current }}; a rise.",
        # a sentence about no figure of the paragraph
        'Drug offences {{ crime["Drugs"].change }}. We will increase patrols.',
    ],
)
def test_words_that_agree_or_cannot_be_told_are_left_alone(body):
    assert warned(body) == []


@pytest.mark.parametrize(
    "body",
    [
        'The rise was led by drugs, which {{ crime["Drugs"].change }}.',  # in the same sentence
        'Drugs {{ crime["Drugs"].change }}. So the increase in drugs reflects more searches.',
        'Drugs {{ crime["Drugs"].change }}! DRUGS rose!',
    ],
)
def test_a_typed_word_in_a_sentence_about_the_figure_is_warned_of(body):
    assert len(warned(body)) == 1


@pytest.mark.parametrize("attribute", ["change", "summary", "percent_change", "difference"])
def test_every_expression_of_a_movement_gives_its_direction(attribute):
    [moved] = movements(HELD, f"{{{{ crime['Robbery'].{attribute} | upper }}}}")
    assert moved.up


def test_the_example_warns_when_its_figures_turn_against_its_words(example):
    crime = example / "inputs/figures/crime-by-type.csv"
    replace_line(
        crime,
        "Drug offences,Crimes against society,431,279",
        "Drug offences,Crimes against society,279,431",
    )
    result = run(example, "build", "--no-page-numbers")
    assert result.exit_code == 0
    assert result.output.count("is typed by hand") == 1  # and the sums that no longer add up
    assert (
        "Warning: inputs/strategic-assessment.md:62: 'fall' is typed by hand, but the figures of "
        'this paragraph rose (crime["Drug offences"].change rose from 279 to 431);'
    ) in result.output


def test_one_warning_for_a_sentence_at_the_line_of_its_first_word():
    body = 'Drugs {{ crime["Drugs"].change }}. Drugs rose,\nthen rose\nand rose.'
    assert [line for line, _ in warned(body)] == [10]


def test_many_sentences_are_each_warned_of_at_their_own_line_in_linear_time():
    body = 'Drugs {{ crime["Drugs"].change }}.\n' + "Drugs rise.\n" * 20000
    lines = [line for line, _ in warned(body)]
    assert lines == list(range(11, 20011))
