"""Small numbers: counts below the threshold print [c], with secondary suppression so that no
hidden count can be worked out from a printed sum or difference; % changes on a small base
print [low]; sentences say "fewer than 5"; the paper's glossary explains each symbol used."""

from fractions import Fraction

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures.disclosure import Disclosure, suppress
from committeepack.figures.model import Figure

from conftest import edit, replace_line, run

RULE = Disclosure(below=5, low_base=10)


def test_a_small_count_and_the_smallest_other_part_of_its_sum_are_hidden():
    values = {"a": 3, "b": 40, "c": 12, "t": 55}
    assert suppress(values, [("t", ["a", "b", "c"])], RULE) == {"a", "c"}
    assert suppress(values, [(None, ["a", "b", "c"])], RULE) == {"a"}  # no printed sum
    assert suppress(values, [("t", ["a", "b", "c"])], Disclosure()) == set()


def test_zero_is_not_hidden_and_a_hidden_zero_is_never_chosen_when_a_count_will_do():
    values = {"a": 2, "z": 0, "b": 9, "t": 11}
    assert suppress(values, [("t", ["a", "z", "b"])], RULE) == {"a", "b"}


def test_a_lone_part_takes_its_total_with_it_and_the_total_its_own_sum():
    values = {"a": 3, "sub": 3, "b": 20, "all": 23}
    sums = [("sub", ["a"]), ("all", ["sub", "b"])]
    assert suppress(values, sums, RULE) == {"a", "sub", "b"}


def determined(hidden: set, values: dict, sums: list) -> set:
    """The hidden cells that the printed sums determine, by exact Gaussian elimination."""
    unknowns = sorted(hidden, key=str)
    index = {k: i for i, k in enumerate(unknowns)}
    rows = []
    for total, parts in sums:
        if total is None:
            continue
        row = [Fraction(0)] * len(unknowns)
        for cell, sign in [*((p, 1) for p in parts), (total, -1)]:
            if cell in index:
                row[index[cell]] += sign
        if any(row):
            rows.append(row)
    pivots = []
    r = 0
    for col in range(len(unknowns)):
        pivot = next((i for i in range(r, len(rows)) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        rows[r] = [v / rows[r][col] for v in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][col] != 0:
                rows[i] = [a - rows[i][col] * b for a, b in zip(rows[i], rows[r], strict=True)]
        pivots.append((r, col))
        r += 1
    return {unknowns[col] for row, col in pivots if sum(1 for v in rows[row] if v != 0) == 1}


TREE = st.recursive(
    st.integers(0, 30),
    lambda children: st.lists(children, min_size=1, max_size=4),
    max_leaves=12,
)


def flatten(tree, name="r", values=None, sums=None):
    """A nested list of counts as cells and the sums a crime-by-type table prints."""
    values = {} if values is None else values
    sums = [] if sums is None else sums
    if isinstance(tree, int):
        values[name] = tree
        return tree, values, sums
    parts = []
    total = 0
    for i, child in enumerate(tree):
        value, _, _ = flatten(child, f"{name}.{i}", values, sums)
        parts.append(f"{name}.{i}")
        total += value
    values[name] = total
    sums.append((name, parts))
    return total, values, sums


@given(TREE)
def test_no_hidden_count_can_be_worked_out_from_the_printed_sums(tree):
    _, values, sums = flatten(tree)
    hidden = suppress(values, sums, RULE)
    assert {k for k, v in values.items() if 0 < v < 5} <= hidden
    assert determined(hidden, values, sums) == set()


def test_the_assessment_hides_small_counts_and_says_so(figures):
    edit(
        figures / "committeepack.toml",
        "[periods]",
        "[symbols]\nsuppress_below = 5\nlow_base = 10\n\n[periods]",
    )
    replace_line(
        figures / "inputs/crime.csv", "Robbery,Violent crime,20,20", "Robbery,Violent crime,3,8"
    )
    replace_line(
        figures / "inputs/crime.csv",
        "Violence against the person,Violent crime,380,400",
        "Violence against the person,Violent crime,397,412",
    )
    edit(
        figures / "inputs/strategic-assessment.md",
        "Police figures.",
        'Robbery {{ crime["Robbery"].change }}; it was {{ crime["Robbery"].previous }} before.',
    )
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(figures / "out/strategic-assessment.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Robbery rose from fewer than 5 to 8; it was fewer than 5 before." in text
    crime = next(t for t in document.tables if t.rows[0].cells[0].text == "Crime type")
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in crime.rows[1:]}
    assert rows["Robbery"] == ["[c]", "8", "[c]", "[c]"]
    # its sibling is hidden in the same period, so the sum cannot give it away
    assert rows["Violence against the person"] == ["[c]", "412", "[c]", "[c]"]
    assert rows["Violent crime"] == ["400", "420", "+20", "+5.0%"]
    assert (
        "Notes: [c] confidential: a count below 5, or one that would reveal it." in text
    )  # under the table that prints it
    glossary = next(t for t in document.tables if t.rows[0].cells[0].text == "Term")
    terms = {r.cells[0].text: r.cells[1].text for r in glossary.rows[1:]}
    assert terms["[c]"] == "confidential: a count below 5, or one that would reveal it"


def test_a_change_on_a_small_base_prints_low(figures):
    edit(figures / "committeepack.toml", "[periods]", "[symbols]\nlow_base = 30\n\n[periods]")
    result = run(figures, "build")
    assert result.exit_code == 0
    document = docx.Document(str(figures / "out/strategic-assessment.docx"))
    crime = next(t for t in document.tables if t.rows[0].cells[0].text == "Crime type")
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in crime.rows[1:]}
    assert rows["Robbery"] == ["20", "20", "0", "[low]"]
    terms = {
        r.cells[0].text
        for t in document.tables
        for r in t.rows
        if t.rows[0].cells[0].text == "Term"
    }
    assert "[low]" in terms


@pytest.mark.parametrize(
    ("previous", "current", "hidden", "said"),
    [
        (3, 3, {"previous", "current"}, "stayed below 5 in both periods"),
        (3, 4, {"previous", "current"}, "stayed below 5 in both periods"),
        (3, 8, {"previous"}, "rose from fewer than 5 to 8"),
        (8, 8, set(), "stayed at 8"),
    ],
)
def test_a_change_is_said_in_words_that_agree_with_a_plural_name(previous, current, hidden, said):
    # "Drug offences was unchanged" was printed: the verbs now suit "Robbery" and "Drug offences"
    figure = Figure("Drug offences", previous, current, hidden=frozenset(hidden), rule=RULE)
    assert figure.change == said
    assert figure.summary == said


def test_a_large_threshold_is_said_with_thousands_separated():
    rule = Disclosure(below=10_000, low_base=1_000)
    assert rule.fewer == "fewer than 10,000"
    assert rule.note("[c]") == "confidential: a count below 10,000, or one that would reveal it"


def test_a_chart_whose_every_bar_is_withheld_is_left_out_and_said_so(figures):
    # every count below the threshold: the charts had no bar, and the build stopped on it
    edit(
        figures / "committeepack.toml",
        "[periods]",
        "[symbols]\nsuppress_below = 100000\n\n[periods]",
    )
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(figures / "out/strategic-assessment.docx"))
    text = [p.text for p in document.paragraphs]
    assert (
        "There is no chart of the changes: every category has too few offences for a "
        "percentage change to show."
    ) in text
    assert "There is no chart: every district's figure is withheld ([c])." in text
    assert not document.inline_shapes or all(
        "by district" not in shape._inline.docPr.get("descr", "")
        and "change" not in shape._inline.docPr.get("descr", "")
        for shape in document.inline_shapes
    )
    page = docx.Document(str(figures / "out/data-on-a-page.docx"))
    assert not page.inline_shapes  # not an empty chart of axes alone
