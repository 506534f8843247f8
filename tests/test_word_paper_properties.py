"""A paper's properties are its own: what a council's template says about itself (keywords,
description, company, manager, its file, a sensitivity label, a thumbnail of its first page)
does not reach the papers made from it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

from conftest import run

CUSTOM = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
    'name="MSIP_Label_0000_Name"><vt:lpwstr>OFFICIAL-SENSITIVE</vt:lpwstr></property>'
    "</Properties>"
)
CUSTOM_REL = (
    '<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/custom-properties" Target="docProps/custom.xml"/>'
)
CUSTOM_TYPE = (
    '<Override PartName="/docProps/custom.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.custom-properties+xml"/>'
)


def _council_template(path: Path) -> None:
    """The template at ``path`` as a council's own carries it: described, labelled, owned."""
    document = docx.Document(str(path))
    core = document.core_properties
    core.keywords = "committee; template; v3"
    core.comments = "Template owner: J Smith, ext 4412"
    core.category = "Internal"
    core.content_status = "Draft"
    document.save(str(path))
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    app = parts["docProps/app.xml"].decode()
    app = app.replace("<Company/>", "<Company>Brackenford BC ICT</Company>")
    app = app.replace("<Manager/>", "<Manager>J Smith</Manager>")
    app = app.replace(
        "<Template>Normal.dotm</Template>", "<Template>Committee Report.dotm</Template>"
    )
    parts["docProps/app.xml"] = app.encode()
    parts["docProps/custom.xml"] = CUSTOM.encode()
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(
        b"</Relationships>", CUSTOM_REL.encode() + b"</Relationships>"
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", CUSTOM_TYPE.encode() + b"</Types>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_what_the_template_says_about_itself_is_not_in_the_paper(example):
    template = example / "templates" / "agenda-item.docx"
    _council_template(template)
    with zipfile.ZipFile(template) as package:
        assert "docProps/thumbnail.jpeg" in package.namelist()  # the template has one
    result = run(example, "build")
    assert result.exit_code == 0, result.output
    paper = example / "out" / "agenda-item.docx"
    with zipfile.ZipFile(paper) as package:
        names = package.namelist()
        everything = b"".join(package.read(name) for name in names)
    assert "docProps/custom.xml" not in names
    assert "docProps/thumbnail.jpeg" not in names
    for leftover in (
        b"OFFICIAL-SENSITIVE",
        b"Brackenford BC ICT",
        b"J Smith",
        b"Committee Report.dotm",
        b"Template owner",
        b"committee; template",
    ):
        assert leftover not in everything, leftover
    core = docx.Document(str(paper)).core_properties
    assert (core.keywords, core.comments, core.category, core.content_status) == ("", "", "", "")
    assert core.title.startswith("Safer Brackenford Partnership Strategic Assessment")
    assert core.author == "Brackenford Borough Council"
    assert core.language == "en-GB"


def test_a_document_property_holds_at_most_words_255_characters():
    from committeepack.word.paper_properties import PROPERTY_MAX, property_text

    assert property_text("x" * PROPERTY_MAX) == "x" * PROPERTY_MAX  # at the limit: whole
    long = property_text("word " * 100)
    assert len(long) <= PROPERTY_MAX and long.endswith("word\u2026")
    assert property_text("x" * (PROPERTY_MAX + 1)) == "x" * (PROPERTY_MAX - 1) + "\u2026"
