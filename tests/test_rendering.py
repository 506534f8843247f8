"""Rendering a paper: the document's properties come from the project, whole or, past
Word's limit, cut at a word."""

from committeepack.schema import TITLE_LONGEST

from conftest import edit, run


def test_the_longest_title_still_builds_within_words_limit(figures):
    import docx

    title = ("Crime and disorder " * 14)[: TITLE_LONGEST - 1] + "s"  # 250 characters
    assert len(title) == TITLE_LONGEST
    edit(
        figures / "inputs/strategic-assessment.md", "title: Strategic Assessment", f"title: {title}"
    )
    result = run(figures, "build", "strategic-assessment")
    assert result.exit_code == 0, result.output
    paper = docx.Document(str(figures / "out/strategic-assessment.docx"))
    # the title and the year (258 characters), cut at a word to Word's 255
    assert len(paper.core_properties.title) <= 255
    assert paper.core_properties.title.startswith("Crime and disorder Crime")
    assert paper.core_properties.title.endswith("\u2026")
