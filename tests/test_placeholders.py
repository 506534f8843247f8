"""Drafting marks and input file names left in narrative are warnings at their line."""

import pytest

from committeepack.frontmatter import MarkdownFile
from committeepack.placeholders import placeholders
from committeepack.yaml_lines import LineDict

from conftest import edit, run


def source(body: str, **meta) -> MarkdownFile:
    front = LineDict(meta)
    front.lines = {key: number for number, key in enumerate(meta, 2)}
    return MarkdownFile("inputs/x.md", front, body, 10)


@pytest.mark.parametrize(
    "text",
    [
        "Costs are TBC.",
        "todo: check",
        "XX crimes",
        "XXX",
        "lorem ipsum dolor",
        "[insert the date]",
        "[Add figures here]",
        "Is this right???",
        "FIXME later",
        "TBA.",
    ],
)
def test_drafting_marks_are_found(text):
    [problem] = placeholders(source(text))
    assert str(problem).startswith("inputs/x.md:10: '")
    assert "looks like a drafting mark" in str(problem)


@pytest.mark.parametrize(
    "text",
    [
        "The XXL size",
        "Part X of the Act",
        "a TBCs list",
        "[the plan](https://x.org/TBC)",
        "Costs are {{ cost }}.",
        "{% if TBC %}x{% endif %}",
        "Why?",
        "Really??",
        "See [the data](https://data.example.org/crime.csv).",
        "<https://x.org/a.csv>",
        "https://x.org/a.csv",
        "version 1.5 of the plan",
    ],
)
def test_ordinary_text_is_not_a_drafting_mark(text):
    assert placeholders(source(text)) == []


def test_input_file_names_and_front_matter_are_checked_at_their_lines():
    found = placeholders(
        source("Line one.\nFrom crime-by-type.csv and inputs/wards.xlsx.", title="Report TBC")
    )
    assert [str(p) for p in found] == [
        "inputs/x.md:11: 'crime-by-type.csv' names an input file, which readers of the paper "
        "do not have; name the source instead (who publishes the figures)",
        "inputs/x.md:11: 'inputs/wards.xlsx' names an input file, which readers of the paper "
        "do not have; name the source instead (who publishes the figures)",
        "inputs/x.md:2: 'TBC' looks like a drafting mark; write the final text before the "
        "paper goes to the committee",
    ]


def test_a_drafting_mark_warns_and_strict_refuses_it(minimal):
    edit(minimal / "inputs/agenda-item.md", "Publish the plan.", "Publish the plan by TBC.")
    result = run(minimal, "build", "--no-page-numbers")
    assert result.exit_code == 0
    assert (
        "Warning: inputs/agenda-item.md:40: 'TBC' looks like a drafting mark; write the final "
        "text before the paper goes to the committee"
    ) in result.output
    assert run(minimal, "build", "--strict", "--no-page-numbers").exit_code == 1


def test_the_first_mark_of_a_paper_is_shown_in_whole_words():
    from committeepack.placeholders import first_mark

    texts = ["Clean paragraph.", "The council will spend TBC on the scheme next year, as agreed."]
    assert first_mark(texts) == ("TBC", "The council will spend TBC on the scheme next")
    longer = ["In the coming financial year the council will spend TBC on the scheme."]
    assert first_mark(longer) == ("TBC", "the council will spend TBC on the scheme.")
    assert first_mark(["TBC"]) == ("TBC", "TBC")
    assert first_mark(["Nothing to see.", "See [x](https://a.org/b.csv)."]) is None
