"""Rendering a paper: the document's properties come from the project, whole or, past
Word's limit, cut at a word."""

from conftest import edit, run


def test_a_document_property_holds_at_most_words_255_characters():
    from committeepack.rendering import PROPERTY_MAX, property_text

    assert property_text("x" * PROPERTY_MAX) == "x" * PROPERTY_MAX  # at the limit: whole
    long = property_text("word " * 100)
    assert len(long) <= PROPERTY_MAX and long.endswith("word\u2026")
    assert property_text("x" * (PROPERTY_MAX + 1)) == "x" * (PROPERTY_MAX - 1) + "\u2026"


def test_a_title_longer_than_word_allows_still_builds(minimal):
    import docx

    title = "Crime and disorder " * 40  # 760 characters
    edit(minimal / "inputs/agenda-item.md", "title: Test Report", f"title: {title}")
    result = run(minimal, "build")
    assert result.exit_code == 0, result.output
    paper = docx.Document(str(minimal / "out/agenda-item.docx"))
    assert len(paper.core_properties.title) <= 255
    assert paper.core_properties.title.startswith("Crime and disorder Crime")
