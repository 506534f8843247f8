"""What a Word document links from outside itself: found in every part and field form, told
as one line, refused in templates and in what is published, and the attached template's path
left out of the papers."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from committeepack.word.outside_links import (
    ATTACHED_TEMPLATE,
    OutsideLink,
    drop_attached_template,
    links_problem,
    outside_links,
)

from conftest import join_agenda, refused_publish, run

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LINKED_PICTURE = (
    '<w:p {w} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:r><w:drawing>'
    '<wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="90" name="Crest" '
    'descr="The council crest"/><a:graphic><a:graphicData '
    'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr>'
    '<pic:cNvPr id="0" name="crest.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
    '<a:blip r:link="{rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr>'
    '<a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
    "</a:graphic></wp:inline></w:drawing></w:r></w:p>"
)


def _settings_part(document):
    return document.part.part_related_by(RT.SETTINGS)


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_linked_picture(document, target: str = "file:///S:/Logos/crest.png"):
    rel = document.part.relate_to(target, RT.IMAGE, is_external=True)
    document.element.body.insert(0, parse_xml(LINKED_PICTURE.format(w=W, rel=rel)))
    return document


def _field(code_pieces: list[str], result: str = "shown") -> str:
    """A complex field whose code is split over runs as Word splits it."""
    runs = "".join(
        f'<w:r><w:instrText xml:space="preserve">{p}</w:instrText></w:r>' for p in code_pieces
    )
    return (
        f'<w:p {W}><w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def _with_paragraph(document, xml: str):
    document.element.body.insert(0, parse_xml(xml))
    return document


def test_a_plain_document_links_nothing():
    assert outside_links(_bytes(docx.Document())) == []


def test_a_linked_picture_is_found_with_its_target():
    data = _bytes(_with_linked_picture(docx.Document()))
    assert outside_links(data) == [OutsideLink("a picture", "file:///S:/Logos/crest.png")]


def test_a_linked_picture_in_a_header_is_found():
    document = docx.Document()
    header = document.sections[0].header
    rel = header.part.relate_to("http://intranet/crest.png", RT.IMAGE, is_external=True)
    header._element.append(parse_xml(LINKED_PICTURE.format(w=W, rel=rel)))
    assert outside_links(_bytes(document)) == [
        OutsideLink("a picture", "http://intranet/crest.png")
    ]


def test_hyperlinks_and_the_attached_template_are_not_read_by_libreoffice():
    document = docx.Document()
    document.part.relate_to("https://www.example.gov.uk/", RT.HYPERLINK, is_external=True)
    _settings_part(document).relate_to(
        "file:///\\\\FS01\\Templates\\Report.dotm", ATTACHED_TEMPLATE, is_external=True
    )
    assert outside_links(_bytes(document)) == []


def test_an_embedded_picture_is_not_a_link(tmp_path):
    from PIL import Image

    picture = tmp_path / "crest.png"
    Image.new("RGB", (4, 4)).save(picture)
    document = docx.Document()
    document.add_picture(str(picture))
    assert outside_links(_bytes(document)) == []


def test_a_linked_object_is_named_as_an_object():
    document = docx.Document()
    document.part.relate_to("file:///C:/figures.xlsx", RT.OLE_OBJECT, is_external=True)
    assert outside_links(_bytes(document)) == [OutsideLink("an object", "file:///C:/figures.xlsx")]


@pytest.mark.parametrize(
    "pieces, found",
    [
        ([' INCLUDETEXT "C:\\\\Drafts\\\\notes.docx" \\* MERGEFORMAT '], "INCLUDETEXT"),
        ([" INCLUDE", 'PICTURE "http://intranet/a.png" ', "\\d "], "INCLUDEPICTURE"),
        ([' LINK Excel.Sheet.12 "S:\\\\crime.xlsx" "Sheet1!R1C1" \\a '], "LINK"),
        ([' DDEAUTO excel "S:\\\\crime.xlsx" '], "DDEAUTO"),
        ([" includetext notes.docx "], "INCLUDETEXT"),
    ],
)
def test_a_field_reading_another_file_is_found_however_its_code_is_split(pieces, found):
    data = _bytes(_with_paragraph(docx.Document(), _field(pieces)))
    (link,) = outside_links(data)
    assert link.kind == f"a field {found}"


@pytest.mark.parametrize(
    "pieces",
    [[" PAGE "], [' HYPERLINK "https://www.example.gov.uk/" '], [" TOC \\o 1-3 "], ["LINKS"]],
)
def test_a_field_that_reads_nothing_outside_is_not_a_link(pieces):
    data = _bytes(_with_paragraph(docx.Document(), _field(pieces, result="INCLUDETEXT x")))
    assert outside_links(data) == []


def test_a_field_inside_another_fields_code_is_found():
    inner = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> INCLUDETEXT "x.docx" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    xml = (
        f'<w:p {W}><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> IF 1 = 1 "</w:instrText></w:r>'
        f'{inner}<w:r><w:instrText>" "" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    data = _bytes(_with_paragraph(docx.Document(), xml))
    assert [link.kind for link in outside_links(data)] == ["a field INCLUDETEXT"]


def test_a_simple_field_is_found():
    xml = f'<w:p {W}><w:fldSimple w:instr=" INCLUDEPICTURE &quot;a.png&quot; "/></w:p>'
    data = _bytes(_with_paragraph(docx.Document(), xml))
    assert outside_links(data) == [OutsideLink("a field INCLUDEPICTURE", "a.png")]


def test_what_is_not_a_word_document_links_nothing():
    assert outside_links(b"not a zip") == []
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as package:
        package.writestr("word/_rels/document.xml.rels", "<Relationships")
    assert outside_links(broken.getvalue()) == []


def test_one_link_is_told_with_what_to_do():
    assert links_problem([]) is None
    assert links_problem([OutsideLink("a picture", "file:///S:/crest.png")]) == (
        "links to a file outside itself, a picture (file:///S:/crest.png), which LibreOffice "
        "would read into the PDF as it lays the document out; in Word, choose File, Info, Edit "
        "Links to Files, tick 'Save picture in document' and click Break Link"
    )


def test_several_links_name_two_and_count_the_rest_with_each_kind_of_advice_once():
    links = [
        OutsideLink("a picture", "a.png"),
        OutsideLink("a field INCLUDETEXT", "b.docx"),
        OutsideLink("a picture", "c.png"),
        OutsideLink("an object", "d.xlsx"),
    ]
    problem = links_problem(links)
    assert problem is not None
    assert problem.startswith(
        "links to 4 files outside itself: a picture (a.png), a field INCLUDETEXT (b.docx) and "
        "2 more, which"
    )
    assert problem.count("Save picture in document") == 1
    assert "Ctrl+Shift+F9" in problem
    assert problem.endswith("in Word, choose File, Info, Edit Links to Files and click Break Link")


def test_a_long_target_is_cut():
    (link,) = [OutsideLink("a picture", "file:///" + "x" * 200)]
    assert len(link.described()) == len("a picture ()") + 70
    assert link.described().endswith("...)")


def test_the_attached_template_is_dropped_with_its_relationship():
    document = docx.Document()
    rel = _settings_part(document).relate_to("file:///S:/T.dotm", ATTACHED_TEMPLATE, True)
    document.settings.element.insert(
        0,
        parse_xml(
            f'<w:attachedTemplate {W} xmlns:r="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships" r:id="{rel}"/>'
        ),
    )
    drop_attached_template(document)
    data = _bytes(document)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        settings = package.read("word/settings.xml").decode()
        rels = [n for n in package.namelist() if n == "word/_rels/settings.xml.rels"]
        assert not rels or "T.dotm" not in package.read(rels[0]).decode()
    assert "attachedTemplate" not in settings
    drop_attached_template(docx.Document())  # none: nothing to do


def _template_with(project: Path, change) -> Path:
    template = project / "templates/agenda-item.docx"
    document = docx.Document(str(template))
    change(document)
    document.save(str(template))
    return template


def test_a_template_linking_a_picture_is_one_error_and_no_paper(example):
    _template_with(example, _with_linked_picture)
    result = run(example, "build")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: templates/agenda-item.docx: links to a file outside itself, a picture "
        "(file:///S:/Logos/crest.png), which LibreOffice would read into the PDF as it lays "
        "the document out; in Word, choose File, Info, Edit Links to Files, tick 'Save "
        "picture in document' and click Break Link, then save the template"
    ]
    assert not (example / "out/agenda-item.docx").exists()


def test_a_template_still_in_review_is_a_warning_and_the_papers_are_built(example):
    def review(document):
        document.paragraphs[0]._p.append(
            parse_xml(
                f'<w:del {W} w:id="7" w:author="A" w:date="2026-01-01T00:00:00Z">'
                "<w:r><w:delText>old wording</w:delText></w:r></w:del>"
            )
        )

    _template_with(example, review)
    result = run(example, "build")
    assert result.exit_code == 0
    assert (
        "Warning: templates/agenda-item.docx: holds 1 tracked change not yet accepted or "
        "rejected, which every paper made from it carries (and 'committeepack publish' "
        "refuses); in Word, accept or reject the changes (Review tab), then save the template"
    ) in result.output.splitlines()
    assert (example / "out/agenda-item.docx").exists()


def test_the_template_word_attached_is_not_named_in_the_paper(example):
    def attach(document):
        rel = _settings_part(document).relate_to(
            "file:///\\\\BBC-FS01\\Templates\\Committee.dotm", ATTACHED_TEMPLATE, True
        )
        document.settings.element.insert(
            0,
            parse_xml(
                f'<w:attachedTemplate {W} xmlns:r="http://schemas.openxmlformats.org/'
                f'officeDocument/2006/relationships" r:id="{rel}"/>'
            ),
        )

    template = _template_with(example, attach)
    with zipfile.ZipFile(template) as package:
        assert "BBC-FS01" in package.read("word/_rels/settings.xml.rels").decode()
    assert run(example, "build").exit_code == 0
    with zipfile.ZipFile(example / "out/agenda-item.docx") as package:
        for name in package.namelist():
            assert b"BBC-FS01" not in package.read(name), name
            assert b"attachedTemplate" not in package.read(name), name


def test_a_report_linking_a_picture_is_not_published(example):
    (example / "inputs/reports").mkdir()
    report = example / "inputs/reports/protocols.docx"
    document = docx.Document()
    document.core_properties.title = "Protocols"
    document.add_heading("Protocols", level=1)
    _with_linked_picture(document, "file:///etc/hostname").save(str(report))
    join_agenda(example, "Protocols", "inputs/reports/protocols.docx")
    assert refused_publish(example) == (
        "Error: inputs/reports/protocols.docx: links to a file outside itself, a picture "
        "(file:///etc/hostname), which LibreOffice would read into the PDF as it lays the "
        "document out; in Word, choose File, Info, Edit Links to Files, tick 'Save picture in "
        "document' and click Break Link, save, and publish again"
    )
