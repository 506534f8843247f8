"""Templates: the committed ones are what the code makes; their tag errors name the paragraph."""

import io
import zipfile
from pathlib import Path

import docx
import pytest

from committeepack.config import load_config
from committeepack.default_templates import style_key
from committeepack.papers import PAPERS
from committeepack.word.stamp import made_from
from committeepack.word.xml import document_language

from conftest import DOCM_TYPE, DOTM_TYPE, DOTX_TYPE, REPO, edit, run, saved_as


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def content(data: bytes) -> dict[str, bytes]:
    """Every part but the core properties, where a written template carries its mark."""
    return {name: part for name, part in parts(data).items() if name != "docProps/core.xml"}


@pytest.mark.parametrize("name", sorted(PAPERS))
def test_committed_template_matches_generator(name):
    paper = PAPERS[name]
    buffer = io.BytesIO()
    paper.make_template(load_config(REPO)).save(buffer)
    committed = (REPO / "templates" / paper.template).read_bytes()
    assert content(committed) == content(buffer.getvalue()), (
        f"templates/{paper.template} differs from what the code makes; run "
        "'committeepack templates --overwrite' and commit the result"
    )
    assert made_from(REPO / "templates" / paper.template) == style_key(load_config(REPO))


@pytest.mark.parametrize("name", sorted(PAPERS))
def test_template_styles_meet_house_rules(name):
    document = PAPERS[name].make_template(load_config(REPO))
    styles = {style.name: style for style in document.styles}
    for needed in (
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Normal",
        "Numbered Paragraph",
        "List Paragraph",
        "Table Text",
        "Committee Table",
        "Hyperlink",
    ):
        assert needed in styles
    assert styles["Normal"].font.name in ("Arial", "Liberation Sans")
    assert styles["Normal"].font.size.pt >= 11
    assert document_language(document) == "en-GB"
    section = document.sections[0]
    sides = sorted([round(section.page_width.cm, 1), round(section.page_height.cm, 1)])
    assert sides == [21.0, 29.7]  # A4, either way round


def rewrite_template(project, old: str, new: str) -> None:
    path = project / "templates" / "agenda-item.docx"
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        if paragraph.text == old:
            for run_ in paragraph.runs[1:]:
                run_.text = ""
            paragraph.runs[0].text = new
            document.save(str(path))
            return
    raise AssertionError(f"{old!r} not in template")


def test_template_name_missing_from_context(example):
    rewrite_template(example, "{{ committee }}", "{{ comittee }}")
    result = run(example, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: templates/agenda-item.docx: in \"{{ comittee }}\": 'comittee' is not defined; "
        "did you mean 'committee'?\n"
    )


def test_template_syntax_error_names_paragraph(example):
    rewrite_template(example, "{{ purpose }}", "{{ purpose | }}")
    result = run(example, "build")
    assert result.exit_code == 1
    assert result.output.startswith(
        'Error: templates/agenda-item.docx: in "{{ purpose | }}": template syntax error:'
    )


def test_corrupt_template_is_reported(example):
    (example / "templates" / "agenda-item.docx").write_text("not a docx")
    result = run(example, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: templates/agenda-item.docx: cannot be opened as a Word document; save it "
        "from Word as a .docx (Word Document), or delete it to use the default template\n"
    )


def test_a_template_saved_with_a_password_is_named_so(example):
    protected = Path(__file__).parent / "fixtures" / "protected" / "document.docx"
    (example / "templates" / "agenda-item.docx").write_bytes(protected.read_bytes())
    result = run(example, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: templates/agenda-item.docx: is protected by a password, which committeepack "
        "cannot open; in Word, remove it (File > Info > Protect Document > Encrypt with "
        "Password, and clear the password) and save\n"
    )


@pytest.mark.parametrize(
    ("content_type", "saved", "macros"),
    [
        (DOTX_TYPE, "a Word template (.dotx)", False),
        (DOTM_TYPE, "a Word template with macros (.dotm)", True),
        (DOCM_TYPE, "a Word document with macros (.docm)", True),
    ],
)
def test_a_template_saved_as_another_kind_of_word_file_is_named_so(
    example, content_type, saved, macros
):
    saved_as(example / "templates" / "agenda-item.docx", content_type)
    result = run(example, "build")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: templates/agenda-item.docx: is saved as {saved}, not as a Word Document "
        "(.docx); open it in Word and save it with Save As, the type Word Document (.docx)"
        + (", which leaves its macros out" if macros else "")
        + "\n"
    )


def _rename_style(path: Path, name: str, to: str) -> None:
    """The template at ``path`` with its style ``name`` renamed ``to`` (its id too), as a
    council's restyled template may have it."""
    from docx.oxml.ns import qn

    document = docx.Document(str(path))
    for style in document.styles.element.findall(qn("w:style")):
        written = style.find(qn("w:name"))
        if written is not None and written.get(qn("w:val")) == name:
            written.set(qn("w:val"), to)
            style.set(qn("w:styleId"), to.replace(" ", ""))
    document.save(str(path))


@pytest.mark.parametrize(
    ("paper", "style"),
    [("strategic-assessment", "Table Text"), ("agenda-item", "Normal")],
)
def test_a_template_without_a_style_the_paper_is_written_in_is_named_so(example, paper, style):
    """A template of the council's own that renamed a style committeepack writes with: one
    line naming the template and the style, not a traceback, and nothing written."""
    _rename_style(example / "templates" / f"{paper}.docx", style, f"{style} (council)")
    result = run(example, "build", paper)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: templates/{paper}.docx: has no style called '{style}', which committeepack "
        "writes this paper's content in; add a style of that name (in Word: the Styles pane, "
        "New Style), or delete this template to use the default\n"
    )
    assert not (example / "out").exists() or not list((example / "out").iterdir())


def test_a_template_with_the_style_renamed_back_builds(example):
    path = example / "templates" / "strategic-assessment.docx"
    _rename_style(path, "Table Text", "Tbl")
    _rename_style(path, "Tbl", "Table Text")  # the boundary: the name is all that is looked up
    assert run(example, "build", "strategic-assessment").exit_code == 0


def test_project_without_templates_uses_packaged_default(minimal):
    assert not (minimal / "templates").exists()
    result = run(minimal, "build")
    assert result.exit_code == 0, result.output


def test_templates_command_keeps_existing_unless_overwrite(minimal):
    result = run(minimal, "templates")
    assert result.output == (
        "  templates/agenda-item.docx: written\n  templates/agenda.docx: written\n"
    )
    result = run(minimal, "templates")
    assert result.output == (
        "  templates/agenda-item.docx: kept (the default, unedited, in this branding)\n"
        "  templates/agenda.docx: kept (the default, unedited, in this branding)\n"
    )
    path = minimal / "templates" / "agenda-item.docx"
    document = docx.Document(str(path))
    document.add_paragraph("Our own footnote")
    document.save(str(path))
    edit(minimal / "committeepack.toml", "[document]", '[branding]\nfont = "Carlito"\n\n[document]')
    result = run(minimal, "templates")
    assert result.output == (
        "  templates/agenda-item.docx: kept (use --overwrite to replace it)\n"
        "  templates/agenda.docx: written (it was an unedited default)\n"
    )
    assert "Our own footnote" in [p.text for p in docx.Document(str(path)).paragraphs]
    result = run(minimal, "templates", "--overwrite")
    assert result.output == (
        "  templates/agenda-item.docx: written\n"
        "  templates/agenda.docx: written (it was an unedited default)\n"
    )


def test_committed_front_sheet_template_matches_generator():
    from committeepack.agenda import front_sheet

    buffer = io.BytesIO()
    front_sheet.make_template(load_config(REPO)).save(buffer)
    committed = (REPO / "templates" / front_sheet.TEMPLATE).read_bytes()
    assert content(committed) == content(buffer.getvalue())
    assert made_from(REPO / "templates" / front_sheet.TEMPLATE) == style_key(load_config(REPO))


def test_a_restyled_template_that_leaves_branding_behind_is_a_warning(minimal):
    assert run(minimal, "templates").exit_code == 0
    path = minimal / "templates" / "agenda-item.docx"
    document = docx.Document(str(path))
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = docx.shared.Pt(11)
    document.save(str(path))
    result = run(minimal, "build")
    assert result.exit_code == 0, result.output
    assert (
        "Warning: templates/agenda-item.docx: body text (style Normal) is Calibri 11 pt, but "
        "[branding] in committeepack.toml says Arial 12 pt, which the charts are drawn in; set "
        "font and body_size there to match"
    ) in result.output
    assert run(minimal, "build", "--strict").exit_code == 1


def test_an_unclosed_block_names_the_paragraph_that_opens_it(example):
    rewrite_template(example, "{{ purpose }}", "{% if purpose %}{{ purpose }}")
    result = run(example, "build")
    assert result.exit_code == 1
    assert result.output.startswith(
        'Error: templates/agenda-item.docx: in "{% if purpose %}{{ purpose }}": template syntax '
        "error: Unexpected end of template."
    )


def test_printing_a_group_of_facts_in_a_template_names_the_fields(example):
    rewrite_template(example, "{{ purpose }}", "{{ meeting }}")
    result = run(example, "build")
    assert result.exit_code == 1
    assert result.output == (
        'Error: templates/agenda-item.docx: in "{{ meeting }}": meeting is a group of facts; '
        "use meeting.date, meeting.time or meeting.venue\n"
    )


def test_the_long_papers_open_with_a_cover_without_running_header_or_page_number(example):
    import docx

    assert run(example, "build").exit_code == 0
    for name in ("strategic-assessment.docx", "community-safety-plan.docx"):
        section = docx.Document(str(example / "out" / name)).sections[0]
        assert section.different_first_page_header_footer, name
        assert not section.first_page_header.paragraphs[0].text.strip(), name
        assert not section.first_page_footer.paragraphs[0].text.strip(), name
        assert section.footer.paragraphs[0].text.startswith("Page"), name


def _templates():
    from committeepack.agenda import front_sheet

    yield from ((p.template, p.default_template, p.blocks) for p in PAPERS.values())
    yield front_sheet.TEMPLATE, front_sheet.make_template, front_sheet.BLOCKS


@pytest.mark.parametrize(("name", "make", "blocks"), list(_templates()), ids=lambda v: str(v)[:20])
def test_each_default_template_shows_every_block_its_paper_declares(name, make, blocks):
    from committeepack.project import missing_blocks
    from committeepack.word.docxtpl_compat import DocxTemplate

    assert blocks  # every paper fills in some content
    buffer = io.BytesIO()
    make(load_config(REPO)).save(buffer)
    buffer.seek(0)
    tpl = DocxTemplate(buffer)
    tpl.init_docx()
    assert missing_blocks(tpl, blocks) == []


@pytest.mark.parametrize(
    ("removed", "kept"),
    [
        (["{{p body }}"], "{{p recommendations }}"),
        (["{{p recommendations }}", "{{p body }}"], "{{p executive_summary }}"),
    ],
)
def test_a_restyled_template_that_drops_the_content_is_one_error(example, removed, kept):
    path = example / "templates/agenda-item.docx"
    files = parts(path.read_bytes())
    body = files["word/document.xml"].decode("utf-8")
    for tag in removed:
        assert tag in body
        body = body.replace(tag, "")
    files["word/document.xml"] = body.encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, data in files.items():
            archive.writestr(member, data)
    path.write_bytes(buffer.getvalue())
    result = run(example, "build", "agenda-item")
    assert result.exit_code == 1
    which = "it" if len(removed) == 1 else "each"
    assert result.output.splitlines()[-1] == (
        f"Error: templates/agenda-item.docx: does not show {' or '.join(removed)}, so what the "
        f"inputs give there would be left out of the paper; put {which} back where it goes (the "
        "default template, from 'committeepack templates', shows where), or delete this "
        "template to use the default"
    )
    assert not (example / "out/agenda-item.docx").exists()
    assert kept in body  # only what was taken out is named


def normal_font(path: Path) -> tuple[str | None, float | None]:
    font = docx.Document(str(path)).styles["Normal"].font
    return font.name, font.size.pt if font.size is not None else None


def test_an_unedited_default_template_follows_a_change_of_branding(example):
    before = {p.name: p.read_bytes() for p in (example / "templates").iterdir()}
    edit(example / "committeepack.toml", 'font = "Arial"', 'font = "DejaVu Sans"')
    edit(example / "committeepack.toml", "body_size = 12", "body_size = 14")
    edit(example / "committeepack.toml", 'heading_colour = "#12436D"', 'heading_colour = "#801650"')
    result = run(example, "build", "--no-page-numbers", "--strict")
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.output
    for paper in PAPERS.values():
        built = example / "out" / paper.output
        assert normal_font(built) == ("DejaVu Sans", 14.0)
        heading = docx.Document(str(built)).styles["Heading 1"].font.color.rgb
        assert str(heading) == "801650"
        assert docx.Document(str(built)).core_properties.identifier == ""
    assert {p.name: p.read_bytes() for p in (example / "templates").iterdir()} == before


def test_a_template_edited_after_it_was_written_keeps_its_own_style(example):
    path = example / "templates" / "plan.docx"
    document = docx.Document(str(path))
    document.styles["Normal"].font.name = "Carlito"
    document.save(str(path))
    assert made_from(path) is None
    edit(example / "committeepack.toml", "body_size = 12", "body_size = 14")
    result = run(example, "build", "--no-page-numbers")
    assert result.exit_code == 0, result.output
    assert (
        "Warning: templates/plan.docx: body text (style Normal) is Carlito 12 pt, but "
        "[branding] in committeepack.toml says Arial 14 pt"
    ) in result.output
    assert normal_font(example / "out" / "community-safety-plan.docx") == ("Carlito", 12.0)
    assert normal_font(example / "out" / "agenda-item.docx") == ("Arial", 14.0)


def test_a_bullet_is_drawn_in_its_paragraphs_font(example):
    assert run(example, "build", "--no-page-numbers").exit_code == 0
    from lxml import etree

    numbering = parts((example / "out" / "agenda-item.docx").read_bytes())["word/numbering.xml"]
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    ours = [
        level
        for level in etree.fromstring(numbering).iter(f"{w}lvl")
        if level.find(f"{w}lvlText").get(f"{w}val") in ("\u2022", "\u2013", "\u25e6")
    ]
    assert len(ours) >= 3
    assert all(level.find(f"{w}rPr") is None for level in ours)


def test_a_template_hiding_text_is_a_warning_naming_it(example):
    template = example / "templates" / "agenda-item.docx"
    document = docx.Document(str(template))
    guidance = document.paragraphs[0].add_run("Guidance for authors: delete this before submitting")
    guidance._r.get_or_add_rPr()._add_vanish()
    paragraph = document.paragraphs[1]
    paragraph.add_run("Second note")._r.get_or_add_rPr()._add_vanish()
    document.save(str(template))
    built = run(example, "build")
    assert built.exit_code == 0
    assert (
        'Warning: templates/agenda-item.docx: holds hidden text ("Guidance for authors: '
        'delete this bef..." and 1 more), which every paper made from it keeps: unseen in '
        "Word and the PDF, but there for anyone who shows hidden text; in Word, show it (Home, "
        "Show/Hide), then delete it or make it visible, and save the template"
    ) in built.output.splitlines()
