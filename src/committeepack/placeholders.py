"""Drafting marks left in narrative, which a published paper must not carry.

A report author writes ``TBC``, ``TODO``, ``XX`` or ``[insert the date]`` while the figures are
not in, and names the spreadsheet a number came from (``crime-by-type.csv``); democratic
services send such a paper back. Each is a warning naming the file and line (an error with
``--strict``): the build still makes the draft the author needs. Text inside ``{{ }}`` and
``{% %}`` and the targets of links are not looked at.
"""

from __future__ import annotations

import re

from .errors import InputError
from .frontmatter import JINJA_TAGS, MarkdownFile, texts

DRAFTING = re.compile(
    r"\b(?:TODO|TBC|TBA|TBD|FIXME)\b|\bX{2,}\b|\blorem ipsum\b|\[(?:insert|add|enter)\b[^\]]*\]"
    r"|\?{3,}",
    re.IGNORECASE,
)
INPUT_FILE = re.compile(r"(?<![\w/:.-])(?:[\w-]+/)*[\w.-]+\.(?:csv|xlsx|xls|md|toml)\b", re.I)
LINK_TARGET = re.compile(r"\]\([^)]*\)|<[a-z]+:[^>]*>|\b[a-z]+://\S+", re.I)


def placeholders(source: MarkdownFile) -> list[InputError]:
    """A warning for each drafting mark or input file name in ``source``'s body and in the
    text of its front matter."""
    problems = []
    body = JINJA_TAGS.sub(lambda m: " " * len(m.group()), source.body)
    for offset, line in enumerate(body.split("\n")):
        problems += _in(line, source.path, source.body_line + offset)
    for at, text in texts(source.meta, source.meta.line):
        problems += _in(text, source.path, at)
    return problems


def _in(text: str, path: str, line: int | None) -> list[InputError]:
    text = LINK_TARGET.sub(" ", text)
    found = [
        InputError(
            f"'{match.group()}' looks like a drafting mark; write the final text before the "
            "paper goes to the committee",
            path,
            line,
        )
        for match in DRAFTING.finditer(text)
    ]
    found += [
        InputError(
            f"'{match.group()}' names an input file, which readers of the paper do not have; "
            "name the source instead (who publishes the figures)",
            path,
            line,
        )
        for match in INPUT_FILE.finditer(text)
    ]
    return found


def first_mark(texts: list[str]) -> tuple[str, str] | None:
    """The first drafting mark or input file name in ``texts`` (a paper's paragraphs), with
    the words around it; None when there is none."""
    for text in texts:
        text = LINK_TARGET.sub(" ", text)
        found = DRAFTING.search(text) or INPUT_FILE.search(text)
        if found:
            start, end = max(found.start() - 25, 0), found.end() + 25
            before = text[start : found.start()]
            after = text[found.end() : end]
            if start > 0 and " " in before:
                before = before.split(" ", 1)[1]  # whole words only
            if end < len(text) and " " in after:
                after = after.rsplit(" ", 1)[0]
            return found.group(), " ".join((before + found.group() + after).split())
    return None
