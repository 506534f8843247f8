"""Markdown becomes real Word structure: styles, runs, numbered lists, tables, links."""

import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from committeepack import default_templates
from committeepack.config import Branding
from committeepack.errors import InputError
from committeepack.markdown_docx import MarkdownWriter, Numberer
from committeepack.markdown_parse import parse
from committeepack.word import xml as wordxml
from outline import outline


def convert(markdown: str, numbered: int | None = None, first_line: int = 1):
    document = default_templates.base_document(Branding(), "test")
    writer = MarkdownWriter(wordxml.Numbering(document.part), "narrative.md", first_line)
    writer.write(document, parse(markdown).children, Numberer(numbered) if numbered else None)
    return document


def test_paragraph_runs_carry_bold_italic_and_strike():
    document = convert("Plain **bold** *italic* ~~gone~~ `code`.")
    runs = [(r.text, r.bold, r.italic, r.font.strike) for r in document.paragraphs[0].runs]
    assert runs == [
        ("Plain ", None, None, None),
        ("bold", True, None, None),
        (" ", None, None, None),
        ("italic", None, True, None),
        (" ", None, None, None),
        ("gone", None, None, True),
        (" ", None, None, None),
        ("code", None, None, None),
        (".", None, None, None),
    ]


def test_link_is_a_real_hyperlink():
    document = convert("See [the plan](https://example.org/plan).")
    paragraph = document.paragraphs[0]
    [link] = paragraph._p.findall(qn("w:hyperlink"))
    rel = document.part.rels[link.get(qn("r:id"))]
    assert rel.target_ref == "https://example.org/plan" and rel.is_external
    assert paragraph.text == "See the plan."


def test_section_paragraphs_are_numbered_the_council_way():
    document = convert("One.\n\n## Sub-heading\n\nTwo.\n\n- a bullet\n\nThree.", numbered=2)
    assert outline(document) == [
        "[Numbered Paragraph] 2.1\tOne.",
        "[Heading 3] Sub-heading",
        "[Numbered Paragraph] 2.2\tTwo.",
        "[list 0] a bullet",
        "[Numbered Paragraph] 2.3\tThree.",
    ]


def test_each_list_restarts_and_nests():
    document = convert("1. a\n2. b\n   - inner\n\npara\n\n1. again")
    items = [p for p in document.paragraphs if p._p.pPr.numPr is not None]
    num_ids = [p._p.pPr.numPr.numId.val for p in items]
    levels = [p._p.pPr.numPr.ilvl.val for p in items]
    assert levels == [0, 0, 1, 0]
    assert num_ids[0] == num_ids[1] != num_ids[3]
    numbering = document.part.numbering_part.element
    for num_id in {num_ids[0], num_ids[3]}:
        num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
        assert num.find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_table_has_style_header_row_and_alignment():
    document = convert("| Crime | Count |\n|---|--:|\n| Burglary | 361 |")
    [table] = document.tables
    assert table.style.name == "Committee Table"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[1].cells] == ["Burglary", "361"]
    assert table.cell(1, 1).paragraphs[0].alignment == 2  # right
    assert table.cell(0, 0).paragraphs[0].runs[0].bold


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        (
            "# Top",
            "narrative.md:5: heading level 1 is not used here; use ## or ### for sub-headings",
        ),
        (
            "    code",
            "narrative.md:5: text indented by 4 or more spaces (or fenced with ```) is a "
            "code block, which committee papers do not use; remove the indentation",
        ),
        ("<div>x</div>", "narrative.md:5: HTML is not allowed in narrative; write it as Markdown"),
        (
            "![](chart.png)",
            "narrative.md:5: an image needs alt text: write ![what the image shows](file)",
        ),
        (
            "See [](https://example.org).",
            "narrative.md:5: a link needs words to follow: write [what it leads to]"
            "(https://example.org)",
        ),
        (
            "See [ ](mailto:a@example.org).",
            "narrative.md:5: a link needs words to follow: write [what it leads to]"
            "(mailto:a@example.org)",
        ),
        (
            "![A chart](missing.png)",
            "narrative.md:5: image 'missing.png' not found next to the narrative",
        ),
        (
            "![A chart](https://example.org/chart.png)",
            "narrative.md:5: image 'https://example.org/chart.png' is a web address; "
            "committeepack does not fetch pictures: save the picture in the project and write "
            "its file name",
        ),
        (
            "![A chart](file:///C:/Users/officer/chart.png)",
            "narrative.md:5: image 'file:///C:/Users/officer/chart.png' is a file address; "
            "committeepack does not fetch pictures: save the picture in the project and write "
            "its file name",
        ),
        (
            "{type=q}\n1. x",
            "narrative.md:6: list type 'q' is not known; use {type=a}, {type=A}, "
            "{type=i} or {type=1}",
        ),
    ],
)
def test_unsupported_markdown_is_an_error_at_its_line(markdown, message):
    with pytest.raises(InputError) as caught:
        convert(markdown, first_line=5)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<?xml version='1.0'?>\n<svg xmlns='http://www.w3.org/2000/svg'/>", "is an SVG drawing"),
        (b"not a picture", "is not a picture Word reads"),
        ("big", "is 6,400 by 6,400 pixels (41 megapixels); save it at most about 4,000 pixels"),
        ("at the limit", None),  # 40 megapixels exactly
    ],
)
def test_a_picture_word_cannot_take_or_too_large_is_an_error_at_its_line(
    tmp_path, content, message
):
    from PIL import Image

    path = tmp_path / "picture.png"
    if content == "big":
        Image.new("1", (6400, 6400)).save(path)
    elif content == "at the limit":
        Image.new("1", (8000, 5000)).save(path)
    else:
        path.write_bytes(content)
    document = default_templates.base_document(Branding(), "test")
    writer = MarkdownWriter(wordxml.Numbering(document.part), "narrative.md", 5, tmp_path)
    nodes = parse("![A picture](picture.png)").children
    if message is None:
        writer.write(document, nodes, None)
        assert len(document.inline_shapes) == 1
        return
    with pytest.raises(InputError) as caught:
        writer.write(document, nodes, None)
    assert str(caught.value).startswith(f"narrative.md:5: image 'picture.png' {message}")


# Property: any document built from these blocks comes out with the same structure and text,
# and no Markdown syntax survives into the Word text.
WORD = st.from_regex(r"[A-Za-z][A-Za-z0-9'’,.;:()%£-]{0,11}", fullmatch=True)
TEXT = st.lists(WORD, min_size=1, max_size=8).map(" ".join)
SPAN = st.tuples(st.sampled_from(["", "**", "*"]), TEXT)
PARAGRAPH = st.lists(SPAN, min_size=1, max_size=4)
BLOCK = st.one_of(
    st.tuples(st.just("para"), PARAGRAPH),
    st.tuples(st.just("heading"), TEXT),
    st.tuples(st.just("bullets"), st.lists(TEXT, min_size=1, max_size=4)),
    st.tuples(st.just("numbers"), st.lists(TEXT, min_size=1, max_size=4)),
)


def to_markdown(blocks) -> str:
    parts = []
    for kind, content in blocks:
        if kind == "para":
            parts.append(" ".join(f"{mark}{text}{mark}" for mark, text in content))
        elif kind == "heading":
            parts.append(f"## {content}")
        elif kind == "bullets":
            parts.append("\n".join(f"- {item}" for item in content))
        else:
            parts.append("\n".join(f"{n}. {item}" for n, item in enumerate(content, 1)))
    return "\n\n".join(parts)


def expected_outline(blocks) -> list[str]:
    lines = []
    for kind, content in blocks:
        if kind == "para":
            lines.append("[Normal] " + " ".join(text for _, text in content))
        elif kind == "heading":
            lines.append(f"[Heading 3] {content}")
        else:
            lines.extend(f"[list 0] {item}" for item in content)
    return lines


@settings(max_examples=60, deadline=None)
@given(st.lists(BLOCK, min_size=1, max_size=6))
def test_structure_and_text_survive_conversion(blocks):
    # adjacent lists of the same kind would merge in Markdown; separate them with a paragraph
    cleaned = []
    for block in blocks:
        if cleaned and cleaned[-1][0] == block[0] and block[0] in ("bullets", "numbers"):
            cleaned.append(("para", [("", "Between")]))
        cleaned.append(block)
    document = convert(to_markdown(cleaned))
    assert outline(document) == expected_outline(cleaned)
    for paragraph in document.paragraphs:
        assert "**" not in paragraph.text
        assert not paragraph.text.startswith(("#", "- "))
    bold_text = "".join(r.text for p in document.paragraphs for r in p.runs if r.bold)
    wanted = "".join(
        text
        for kind, content in cleaned
        if kind == "para"
        for mark, text in content
        if mark == "**"
    )
    assert bold_text == wanted


@pytest.mark.parametrize(
    "href", ["https://example.org", "http://example.org", "mailto:a@b.org", "TEL:01632960418"]
)
def test_links_a_published_paper_can_open_are_kept(href):
    document = convert(f"See [this]({href}).")
    [link] = document.paragraphs[0]._p.findall(qn("w:hyperlink"))
    assert document.part.rels[link.get(qn("r:id"))].target_ref == href


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "vbscript:x", "file:///etc/hosts", "data:text/html,x", "plan.pdf"],
)
def test_a_link_a_published_paper_cannot_open_is_an_error_at_its_line(href):
    with pytest.raises(InputError) as caught:
        convert(f"One.\n\nSee [this]({href}) now.")
    assert str(caught.value) == (
        f"narrative.md:3: a link to '{href}' would not work in a published paper; link to a web "
        "address (https://...), an email address (mailto:...) or a telephone number (tel:...)"
    )


@pytest.mark.parametrize("words", ["x", "`code`", "**bold**", "https://example.org"])
def test_a_link_with_any_words_to_follow_is_kept(words):
    document = convert(f"See [{words}](https://example.org).")
    assert len(document.paragraphs[0]._p.findall(qn("w:hyperlink"))) == 1
