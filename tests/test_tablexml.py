"""Rows written directly as XML read back, after saving, as python-docx would have written them."""

import io

import docx
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from committeepack.word import tables as tablexml

XML_TEXT = st.text(
    st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff", min_codepoint=32
    )
    | st.sampled_from(["\t", "\n", " "]),
    max_size=40,
)


def reopened(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return docx.Document(io.BytesIO(buffer.getvalue()))


@settings(max_examples=40, deadline=None)
@given(XML_TEXT, XML_TEXT)
def test_cell_text_survives_saving(first, second):
    document = docx.Document()
    table = document.add_table(rows=0, cols=2)
    widths = tablexml.grid_widths(table)
    tablexml.append_row(table, [(first, False, 0), (second, True, 0)], widths, None, set())
    cells = reopened(document).tables[0].rows[0].cells
    assert [c.text for c in cells] == [first, second]
    # Word drops a text's edge spaces unless told to keep them
    for element in table._tbl.iter(qn("w:t")):
        if element.text != element.text.strip():
            assert element.get(qn("xml:space")) == "preserve"


def test_header_row_repeats_and_numbers_align_right():
    document = docx.Document()
    table = document.add_table(rows=0, cols=2)
    widths = tablexml.grid_widths(table)
    rows = [("Ward", "Crimes"), ("Eastgate", "341")]
    tablexml.append_row(table, [(t, True, 0) for t in rows[0]], widths, None, {1}, "DCE4EE", True)
    tablexml.append_row(table, [(t, False, 227) for t in rows[1]], widths, None, {1})
    table = reopened(document).tables[0]
    header, body = table.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert body._tr.trPr.find(qn("w:tblHeader")) is None
    assert [c.paragraphs[0].alignment for c in body.cells] == [None, 2]  # 2: right
    assert all(r.bold for r in header.cells[0].paragraphs[0].runs)
    assert body.cells[0].paragraphs[0].paragraph_format.left_indent == 227 * 635
    fill = header.cells[0]._tc.tcPr.find(qn("w:shd"))
    assert fill.get(qn("w:fill")) == "DCE4EE"
