"""docxtpl as committeepack uses it: core properties kept in their namespace, subdocuments
started without opening python-docx's default template."""

import io

import docx

from committeepack.word.docxtpl_compat import DocxTemplate, new_subdoc

from conftest import REPO


def template() -> DocxTemplate:
    tpl = DocxTemplate(str(REPO / "templates" / "plan.docx"))
    tpl.init_docx()
    return tpl


def test_a_subdocument_holds_what_docxtpls_own_would():
    tpl = template()
    ours, theirs = new_subdoc(tpl), tpl.new_subdoc()
    for subdoc in (ours, theirs):
        subdoc.add_paragraph("Ward figures", style="Heading 2")
        subdoc.add_paragraph("All crime fell.")
        subdoc.add_table(rows=2, cols=2)
    assert str(ours) == str(theirs)
    assert ours.part is tpl.get_docx().part  # styles, numbering and pictures are the paper's


def test_subdocuments_are_separate():
    tpl = template()
    first, second = new_subdoc(tpl), new_subdoc(tpl)
    first.add_paragraph("only in the first")
    assert "only in the first" in str(first)
    assert "only in the first" not in str(second)


def test_a_subdocument_renders_into_the_paper():
    tpl = template()
    body = new_subdoc(tpl)
    body.add_paragraph("Rendered from a subdocument.")
    tpl.render({"body": body, "contents": new_subdoc(tpl)})
    buffer = io.BytesIO()
    tpl.save(buffer)
    texts = [p.text for p in docx.Document(buffer).paragraphs]
    assert "Rendered from a subdocument." in texts
