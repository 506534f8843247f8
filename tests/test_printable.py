"""Values printed into narrative read as typed, whatever Markdown marks they hold."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from committeepack.markdown_parse import parse
from committeepack.printable import markdown_text

MARKS = list("\n\r\t*_[]()<>!~|&#{}`\\-+=.:1 ")
VALUES = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"))
    | st.sampled_from(MARKS),
    max_size=40,
)


def shown(markdown: str) -> str:
    """The text of the one paragraph ``markdown`` makes, which must hold nothing but text."""
    blocks = parse(markdown).children
    assert [block.type for block in blocks] == ["paragraph"]
    inline = blocks[0].children[0].children
    assert {child.type for child in inline} <= {"text", "softbreak"}
    return "".join(child.content if child.type == "text" else "\n" for child in inline)


def as_typed(value: str) -> str:
    """``value`` on one line, as a paragraph shows it: line breaks and leading space as one
    space."""
    return re.sub(r"^\s+", " ", re.sub(r"\s*[\r\n]\s*", " ", value))


@settings(max_examples=500)
@given(VALUES)
@example("Safer *North* [site](https://example.org) <b>x</b> &amp; `code` ~~gone~~ {.x}")
@example("1. first")
@example("3) third")
@example("- item")
@example("+ item")
@example("===")
@example("---")
@example("# Heading")
@example("> quoted")
@example("    indented as code")
@example("one\n\n# two")
@example("[^1]")
@example("\\*")
def test_a_value_reads_as_typed_wherever_it_is_printed(value):
    typed = as_typed(value)
    assert shown("Words " + markdown_text(value) + " end.") == f"Words {typed} end."
    if typed.strip():
        assert shown(markdown_text(value)) == typed.strip()
        assert shown("Words\n" + markdown_text(value)) == "Words\n" + typed.strip()


def test_text_without_marks_is_unchanged():
    assert markdown_text("Safer Testshire Partnership, 1,832 (12.5%)") == (
        "Safer Testshire Partnership, 1,832 (12.5%)"
    )
