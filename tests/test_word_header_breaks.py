"""Column headings that name a period break after its dash, as far as the table's width allows."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from committeepack.word.column_widths import least_widths
from committeepack.word.header_breaks import NO_BREAK, fitted_headings, joined
from committeepack.word.text_measure import text_width_twips

S = NO_BREAK


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Oct 2023 - Sep 2024", f"Oct{S}2023{S}- Sep{S}2024"),
        ("Offences\nOct 2023 -\nSep 2024", f"Offences\nOct{S}2023{S}-\nSep{S}2024"),
        ("Apr 2024 \u2013 Mar 2025", f"Apr{S}2024{S}\u2013 Mar{S}2025"),
        ("September 2024", f"September{S}2024"),
        ("Sept. 2024", f"Sept.{S}2024"),
        ("Q3 2024", f"Q3{S}2024"),
        ("Dec 24 - Jan 25", f"Dec{S}24{S}- Jan{S}25"),
        ("2023 - 2024", f"2023{S}- 2024"),
        ("% change", f"%{S}change"),
        ("Rate per 1,000", "Rate per 1,000"),
        # not a month, not a lone dash, not a lone sign
        ("Mayfield 2024", "Mayfield 2024"),
        ("Marches 2024", "Marches 2024"),
        ("Q5 2024", "Q5 2024"),
        ("Oct 20234", "Oct 20234"),
        ("Year-on-year", "Year-on-year"),
        ("-", "-"),
        ("- leading", "- leading"),
        ("Change %", "Change %"),
        ("", ""),
    ],
)
def test_joined(heading, expected):
    assert joined(heading) == expected


def test_joined_without_months_keeps_the_dash_and_sign_only():
    assert (
        joined("% change Oct 2023 - Sep 2024", months=False) == f"%{S}change Oct 2023{S}- Sep 2024"
    )


HEADING = st.text(st.sampled_from(list("Oct Sep May Q1 2023 24 - \u2013 % £ a B\n.")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(HEADING, st.booleans())
def test_joining_only_turns_spaces_into_no_break_spaces(heading, months):
    result = joined(heading, months)
    assert len(result) == len(heading)
    assert result.replace(S, " ") == heading
    # a dash standing alone after a word ("2023 -") is never the start of a line
    for index in range(2, len(result)):
        alone = index + 1 == len(result) or heading[index + 1].isspace()
        after_word = heading[index - 1] == " " and not heading[index - 2].isspace()
        if result[index] in "-\u2013\u2014" and alone and after_word:
            assert result[index - 1] == S


BOLD_11 = dict(size_pt=11.0, face="Arial")


def width(text):
    return least_widths([[(text, True)]], **BOLD_11)[0]


def test_no_break_space_is_as_wide_as_a_space_and_joins_words():
    assert text_width_twips("a\u00a0b", 11, True, "Arial") == text_width_twips(
        "a b", 11, True, "Arial"
    )
    assert width(f"Oct{S}2023") > width("Oct 2023")  # one word, not two


PERIOD = "Offences\nOct 2023 -\nSep 2024"


def test_a_wide_table_keeps_months_with_their_years():
    assert fitted_headings([PERIOD], [], 20_000, **BOLD_11) == [joined(PERIOD)]


def test_a_table_with_no_spare_width_takes_only_the_joins_that_cost_nothing():
    # "Offences" is wider than "2023 -", so the dash can stay with its year for nothing;
    # "Oct 2023 -" is wider than "Offences", so the month is not kept with its year
    narrow = fitted_headings([PERIOD], [], 1, **BOLD_11)
    assert narrow == [f"Offences\nOct 2023{S}-\nSep 2024"]


def test_the_spare_width_decides_at_its_boundary():
    least = width(PERIOD)
    extra = width(joined(PERIOD)) - least
    assert extra > 0
    assert fitted_headings([PERIOD], [], least + extra, **BOLD_11) == [joined(PERIOD)]
    one_short = fitted_headings([PERIOD], [], least + extra - 1, **BOLD_11)
    assert one_short == [joined(PERIOD, months=False)]


def test_a_wide_body_cell_pays_for_the_join():
    body = [[("Wolverhampton-upon-Tyne", False)]]  # wider than any joined heading word
    assert fitted_headings([PERIOD], body, 1, **BOLD_11) == [joined(PERIOD)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(HEADING.filter(str.strip), min_size=1, max_size=5),
    st.integers(min_value=1, max_value=40_000),
)
def test_joins_never_widen_a_table_past_its_width(headings, total):
    plain = sum(least_widths([[(h, True) for h in headings]], **BOLD_11))
    chosen = fitted_headings(headings, [], total, **BOLD_11)
    assert [c.replace(S, " ") for c in chosen] == headings
    assert sum(least_widths([[(c, True) for c in chosen]], **BOLD_11)) <= max(plain, total)


def test_a_lone_dash_has_the_width_left_over_before_a_sign_in_an_earlier_column():
    headings = ["% change", "Rate per 1,000\nOct 2024 -\nSep 2025"]
    needs = sum(least_widths([[(h, True) for h in headings]], **BOLD_11))
    dash = width(f"2024{S}-") - width("1,000")  # the rate column's longest word was "1,000"
    sign = width(f"%{S}change") - width("change")
    assert 0 < dash < sign
    chosen = fitted_headings(headings, [], needs + dash, **BOLD_11)
    assert chosen == ["% change", f"Rate per 1,000\nOct 2024{S}-\nSep 2025"]
    chosen = fitted_headings(headings, [], needs + dash + sign, **BOLD_11)
    assert chosen == [f"%{S}change", f"Rate per 1,000\nOct 2024{S}-\nSep 2025"]
