"""How wide a template lets tables and charts be (``content_width_cm``)."""

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Cm
from hypothesis import given
from hypothesis import strategies as st

from committeepack.word.page_geometry import (
    HOUSE_WIDTH_CM,
    LEAST_WIDTH_CM,
    content_width_cm,
    page_geometry,
)


def _page(width: float, left: float, right: float, gutter: float = 0.0):
    document = docx.Document()
    section = document.sections[0]
    section.page_width = Cm(width)
    section.left_margin, section.right_margin, section.gutter = Cm(left), Cm(right), Cm(gutter)
    return document


@pytest.mark.parametrize(
    ("left", "right", "gutter", "expected"),
    [
        (2.5, 2.5, 0.0, 16.0),  # the default templates' margins: the house width
        (2.4, 2.4, 0.0, 16.0),  # wider text: never wider than the house width
        (2.6, 2.5, 0.0, 15.9),  # a millimetre more margin: a millimetre narrower
        (3.5, 3.5, 0.0, 14.0),
        (2.5, 2.5, 1.0, 15.0),  # the gutter is taken off too
        (6.0, 6.5, 0.0, 8.5),
        (6.5, 6.5, 0.0, LEAST_WIDTH_CM),  # 8 cm: the least, exactly
        (8.0, 8.0, 0.0, LEAST_WIDTH_CM),  # no narrower than the least
    ],
)
def test_tables_and_charts_are_as_wide_as_the_text_within_the_house_and_least_widths(
    left, right, gutter, expected
):
    assert content_width_cm(_page(21.0, left, right, gutter)) == pytest.approx(expected, abs=0.01)


def test_the_narrowest_section_sets_the_width_whichever_section_the_content_lands_in():
    document = _page(29.7, 1.5, 1.5)  # a landscape cover, 26.7 cm of text
    narrow = document.add_section(WD_SECTION.NEW_PAGE)
    narrow.page_width, narrow.left_margin, narrow.right_margin = Cm(21.0), Cm(3.0), Cm(3.0)
    assert content_width_cm(document) == pytest.approx(15.0, abs=0.01)


def test_the_page_geometry_is_as_wide_as_the_narrowest_section_as_tables_are():
    # the data on a page's grid is scaled by it: a wide first section does not let it run
    # into the margin of a narrower one (nor of a section set in two columns)
    document = _page(29.7, 1.5, 1.5)
    narrow = document.add_section(WD_SECTION.NEW_PAGE)
    narrow.page_width, narrow.left_margin, narrow.right_margin = Cm(29.7), Cm(4.0), Cm(4.0)
    assert page_geometry(document, []).width_cm == pytest.approx(21.7, abs=0.01)
    columns = narrow._sectPr.find(qn("w:cols"))
    if columns is None:
        columns = narrow._sectPr.makeelement(qn("w:cols"), {})
        narrow._sectPr.append(columns)
    columns.set(qn("w:num"), "2")
    columns.set(qn("w:space"), str(int(Cm(1.7).twips)))
    assert page_geometry(document, []).width_cm == pytest.approx(10.0, abs=0.01)


def test_a_margin_word_does_not_allow_counts_as_the_house_width():
    document = _page(21.0, 3.0, 3.0)
    margins = document.sections[0]._sectPr.find(qn("w:pgMar"))
    margins.set(qn("w:left"), "wide")
    assert content_width_cm(document) == HOUSE_WIDTH_CM


def test_the_page_geometry_of_a_bound_template_leaves_out_its_gutter():
    plain, bound = _page(21.0, 2.0, 2.0), _page(21.0, 2.0, 2.0, 1.5)
    difference = page_geometry(plain, []).width_cm - page_geometry(bound, []).width_cm
    assert difference == pytest.approx(1.5, abs=0.01)


@given(
    left=st.floats(0.0, 12.0),
    right=st.floats(0.0, 12.0),
    more=st.floats(0.0, 3.0),
)
def test_more_margin_never_widens_the_content_and_it_stays_within_its_bounds(left, right, more):
    width = content_width_cm(_page(21.0, left, right))
    assert LEAST_WIDTH_CM <= width <= HOUSE_WIDTH_CM
    assert content_width_cm(_page(21.0, left + more, right)) <= width


@pytest.mark.parametrize(
    ("number", "space_twips", "expected"),
    [
        (None, None, 16.0),  # one column: the text width, at most the house width
        ("1", "720", 16.0),
        ("2", "567", 13.35),  # (27.7 - 1) / 2
        ("2", None, 13.22),  # Word's default space, half an inch
        ("3", "0", 9.23),
        ("4", "0", LEAST_WIDTH_CM),  # 6.9 cm: no narrower than the least
        ("many", "720", HOUSE_WIDTH_CM),  # not a number Word allows: passed over
    ],
)
def test_a_section_in_columns_gives_a_column_of_text(number, space_twips, expected):
    document = _page(29.7, 1.0, 1.0)  # 27.7 cm of text: two columns of 13.35 cm
    columns = document.sections[0]._sectPr.find(qn("w:cols"))
    if columns is None:
        columns = document.sections[0]._sectPr.makeelement(qn("w:cols"), {})
        document.sections[0]._sectPr.append(columns)
    for attribute, value in (("w:num", number), ("w:space", space_twips)):
        if value is None:
            columns.attrib.pop(qn(attribute), None)
        else:
            columns.set(qn(attribute), value)
    assert content_width_cm(document) == pytest.approx(expected, abs=0.01)


def test_columns_set_one_by_one_give_the_narrowest():
    document = _page(29.7, 1.0, 1.0)
    sect = document.sections[0]._sectPr
    columns = sect.find(qn("w:cols"))
    columns.set(qn("w:num"), "2")
    columns.set(qn("w:equalWidth"), "0")
    for twips in ("9072", "6804"):  # 16 cm and 12 cm
        column = columns.makeelement(qn("w:col"), {qn("w:w"): twips})
        columns.append(column)
    assert content_width_cm(document) == pytest.approx(12.0, abs=0.01)
