"""Review marks a paper must not carry into its PDF: tracked changes and comments, counted
wherever Word keeps them."""

import io

import docx
import pytest
from docx.oxml import parse_xml

from committeepack.word.revisions import PendingReview, hidden_text, pending_review

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def tracked(tag: str, text: str):
    content = "w:delText" if tag in ("del", "moveFrom") else "w:t"
    return parse_xml(
        f'<w:{tag} {W} w:id="9" w:author="A" w:date="2026-01-01T00:00:00Z">'
        f"<w:r><{content}>{text}</{content}></w:r></w:{tag}>"
    )


def test_a_clean_document_holds_nothing_to_review():
    document = docx.Document()
    document.add_paragraph("Final text.")
    assert not pending_review(saved(document))
    assert pending_review(saved(document)) == PendingReview(0, 0)


@pytest.mark.parametrize("tag", ["ins", "del", "moveFrom", "moveTo"])
def test_each_kind_of_tracked_change_counts(tag):
    document = docx.Document()
    document.add_paragraph("Text. ")._p.append(tracked(tag, "changed"))
    assert pending_review(saved(document)) == PendingReview(changes=1)


def test_changes_in_headers_and_footers_count_as_well_as_the_body():
    document = docx.Document()
    document.add_paragraph("Body. ")._p.append(tracked("ins", "one"))
    section = document.sections[0]
    section.header.paragraphs[0]._p.append(tracked("ins", "two"))
    section.footer.paragraphs[0]._p.append(tracked("del", "three"))
    review = pending_review(saved(document))
    assert review == PendingReview(changes=3)
    assert review.described() == "3 tracked changes not yet accepted or rejected"


def test_comments_count_and_are_described_with_the_changes():
    document = docx.Document()
    paragraph = document.add_paragraph("A sentence a reviewer queried.")
    document.add_comment(paragraph.runs, text="Check this", author="R", initials="R")
    paragraph._p.append(tracked("ins", "added"))
    review = pending_review(saved(document))
    assert review == PendingReview(changes=1, comments=1)
    assert review.described() == "1 tracked change not yet accepted or rejected and 1 comment"
    assert PendingReview(comments=2).described() == "2 comments"


def test_a_file_that_is_not_a_word_document_counts_nothing():
    assert pending_review(b"not a zip") == PendingReview()


def test_the_printed_text_includes_headers_and_footers_after_the_body():
    from committeepack.word.revisions import paragraph_texts

    document = docx.Document()
    document.add_paragraph("Body text.")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "In a table."
    section = document.sections[0]
    section.header.paragraphs[0].text = "Header TBC"
    section.footer.paragraphs[0].text = "Footer text"
    texts = paragraph_texts(saved(document))
    assert texts[:2] == ["Body text.", "In a table."]
    assert {"Header TBC", "Footer text"} <= set(texts[2:])


def _hidden_run(paragraph, text: str, val: str | None = None) -> None:
    run = paragraph.add_run(text)
    vanish = run._r.get_or_add_rPr()._add_vanish()
    if val is not None:
        vanish.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", val)


def test_hidden_text_is_found_in_the_body_and_a_header_in_order():
    document = docx.Document()
    _hidden_run(document.add_paragraph("Shown. "), "Guidance: delete before use.")
    _hidden_run(document.sections[0].header.paragraphs[0], "Header note")
    assert hidden_text(saved(document)) == ["Guidance: delete before use.", "Header note"]


@pytest.mark.parametrize("val", ["0", "false", "off"])
def test_text_whose_hiding_is_turned_off_is_not_hidden(val):
    document = docx.Document()
    _hidden_run(document.add_paragraph(), "Shown after all", val)
    assert hidden_text(saved(document)) == []


def test_an_empty_hidden_run_and_a_plain_document_hide_nothing():
    document = docx.Document()
    _hidden_run(document.add_paragraph("Text"), "   ")
    assert hidden_text(saved(document)) == []
    assert hidden_text(b"not a zip") == []
