"""Reading narrative Markdown into a syntax tree, the one dialect committeepack takes.

markdown-it-py parses CommonMark, plus tables, strikethrough and ``{type=a}`` attribute lines
for lettered lists. Line ranges are mapped back to the file as written (before Jinja ran), and
nesting the parser would silently cut short is an error. :mod:`.markdown_docx` writes the tree
into Word; this module needs no python-docx.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.attrs import attrs_block_plugin

from .errors import InputError


class _EveryLink(MarkdownIt):
    """markdown-it parsing every link as a link, whatever it points to: by default it leaves
    ``[text](javascript:...)`` as literal brackets, which would reach the paper as text; the
    writer refuses, at its line, the links a published paper cannot carry."""

    def validateLink(self, url: str) -> bool:  # markdown-it's name for it
        return True


def markdown_parser() -> MarkdownIt:
    """The one Markdown dialect committeepack reads."""
    return (
        _EveryLink("commonmark", {"html": True})
        .enable(["table", "strikethrough"])
        .use(attrs_block_plugin)
    )


def parse(
    text: str, source: str | None = None, path: str = "", first_line: int = 1
) -> SyntaxTreeNode:
    """Parse Markdown into a syntax tree whose nodes carry 0-based line ranges (``map``).

    ``text`` may be ``source`` after Jinja rendered it (loops repeat lines, tags disappear):
    the ranges are then mapped back to ``source``'s lines, so messages name the line as
    written. Lists or quotes nested as deep as the parser goes are an error naming ``path``
    and the line (counted from ``first_line``): the parser silently drops what follows."""
    parser = markdown_parser()
    tokens = parser.parse(text)
    if source is not None and source != text:
        mapping = source_lines(source.split("\n"), text.split("\n"))
        for token in tokens:
            if token.map:
                start, end = token.map
                token.map = [mapping[start], mapping[max(end - 1, start)] + 1]
    limit = parser.options["maxNesting"]
    deep = next((t for t in tokens if t.level >= limit - 1 and t.map), None)
    if deep is not None:
        raise InputError(
            f"lists or quotes nested {limit} deep, past which the rest would be lost; lists "
            "may be nested at most three deep",
            path,
            first_line + deep.map[0] if deep.map else None,
        )
    for token in tokens:  # emphasis is paired after parsing, so the limit above misses it
        depth = 0
        for child in token.children or ():
            depth += child.nesting
            if depth >= limit:
                raise InputError(
                    f"emphasis or links nested {limit} deep (text inside more than "
                    f"{limit - 1} pairs of * or _); use at most a few",
                    path,
                    first_line + token.map[0] if token.map else None,
                )
    return SyntaxTreeNode(tokens)


def source_lines(source: list[str], rendered: list[str]) -> list[int]:
    """For each rendered line (by index), the index of the source line it came from: lines
    that are the same map one to one; lines a tag or loop produced map to where it stands."""
    import difflib

    mapping = [0] * (len(rendered) + 1)
    matcher = difflib.SequenceMatcher(a=source, b=rendered, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        for offset, index in enumerate(range(b1, b2)):
            if tag == "equal" or (tag == "replace" and a2 - a1 == b2 - b1):
                mapping[index] = a1 + offset
            else:  # lines a loop or tag made: the first source line of what made them
                mapping[index] = min(a1, max(len(source) - 1, 0))
    mapping[len(rendered)] = len(source)
    return mapping


# Markdown or template marks that reach the paper as typed when left unpaired: each with
# what it does and the mark that pairs with it
OPENERS = {
    "**": ("bold", "**"),
    "__": ("bold", "__"),
    "~~": ("crossing out", "~~"),
    "{{": ("a name to fill in", "}}"),
    "{%": ("a template statement", "%}"),
}
CLOSERS = {"}}": ("a name to fill in", "{{"), "%}": ("a template statement", "{%")}


def leftover_message(mark: str) -> str:
    """What is wrong with an unpaired ``mark`` left in the text, and what to do."""
    if mark in CLOSERS:
        meaning, opener = CLOSERS[mark]
        return (
            f"'{mark}' would be printed as it is: the end of {meaning}, with no {opener} "
            f"before it in the same paragraph; write the {opener}, or delete the {mark}"
        )
    meaning, closer = OPENERS[mark]
    return (
        f"'{mark}' would be printed as it is: {meaning} that is not closed on the same "
        f"paragraph; close it with {closer} after the words, or delete it"
    )


def leftover_problem(text: str) -> str | None:
    """What is wrong with the first unpaired mark (``**``, ``{{``, ``%}``...) left in
    ``text`` as the parser gave it, or None."""
    return next((leftover_message(m) for m in (*OPENERS, *CLOSERS) if m in text), None)
