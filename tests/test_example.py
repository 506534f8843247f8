"""The bundled example, built as a user builds it: golden structure and accessibility."""

import itertools
import os
import re

import docx
import pytest
from docx.oxml.ns import qn

from committeepack.papers import PAPERS
from committeepack.word.xml import document_language
from outline import images, outline

from conftest import run

GOLDEN = os.path.join(os.path.dirname(__file__), "golden")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import REPO, copy_project

    project = copy_project(REPO, tmp_path_factory.mktemp("built") / "example")
    result = run(project, "build")
    assert result.exit_code == 0, result.output
    return project


@pytest.mark.parametrize("name", sorted(PAPERS))
def test_golden_text_and_structure(built, name):
    document = docx.Document(str(built / "out" / PAPERS[name].output))
    actual = "\n".join(outline(document)) + "\n"
    golden = os.path.join(GOLDEN, f"{name}.txt")
    if os.environ.get("UPDATE_GOLDEN"):
        with open(golden, "w", encoding="utf-8") as handle:
            handle.write(actual)
    with open(golden, encoding="utf-8") as handle:
        expected = handle.read()
    assert actual == expected, f"run UPDATE_GOLDEN=1 pytest {__file__} to accept a change"


@pytest.mark.parametrize("name", sorted(PAPERS))
def test_no_template_or_markdown_syntax_survives(built, name):
    text = "\n".join(outline(docx.Document(str(built / "out" / PAPERS[name].output))))
    for leftover in ("{{", "}}", "{%", "%}", "**", "](", "\n[Normal] #", "{type="):
        assert leftover not in text


@pytest.mark.parametrize("name", sorted(PAPERS))
def test_accessibility_basics(built, name):
    document = docx.Document(str(built / "out" / PAPERS[name].output))
    assert document.core_properties.title
    assert document_language(document) == "en-GB"
    levels = [
        int(p.style.name.split()[-1])
        for p in document.paragraphs
        if p.style.name.startswith("Heading ")
    ]
    assert levels and levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading level jumps from {before} to {after}"
    for table in document.tables:
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        first_row_is_header = table.rows[0]._tr.trPr is not None and (
            table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        )
        assert first_row_is_header or look.get(qn("w:firstColumn")) == "1"
    for image in images(document):
        assert image["descr"].strip(), f"image {image['name']} has no alt text"


def test_agenda_item_sections_are_numbered_in_order(built):
    document = docx.Document(str(built / "out" / "agenda-item.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    numbered = [h for h in headings if re.match(r"^\d+\. ", h)]
    assert [int(h.split(".")[0]) for h in numbered] == list(range(1, 10))
    for number in range(2, 8):
        paragraphs = [
            p.text.split("\t")[0]
            for p in document.paragraphs
            if p.style.name == "Numbered Paragraph" and p.text.startswith(f"{number}.")
        ]
        assert paragraphs == [f"{number}.{i}" for i in range(1, len(paragraphs) + 1)]
        assert paragraphs, f"section {number} has no paragraphs"
