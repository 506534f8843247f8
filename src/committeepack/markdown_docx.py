"""Markdown to real Word structure, in the template's own styles.

The Markdown is parsed by :mod:`.markdown_parse`. The syntax tree is walked into python-docx
paragraphs, runs, lists and tables. Nothing is matched with regular expressions, and anything
that has no place in a committee paper (raw HTML, code blocks) is an error at its line.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Twips
from markdown_it.tree import SyntaxTreeNode

from .errors import InputError, warn
from .markdown_checks import image_problem, link_problem, placed_picture, text_problem, words
from .word import tables as tablexml
from .word import xml as wordxml
from .word.column_widths import broken_words, fitted_widths
from .word.page_geometry import content_width_cm
from .word.styles import NUMBER_INDENT, Styles, style_font

LIST_KINDS = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "1": "decimal"}


SHORT_LIST = 6  # items a list may have and still be kept on one page


@dataclass
class Numberer:
    """Council paragraph numbers for one section: 2.1, 2.2, ..."""

    section: int
    count: int = 0

    def next(self) -> str:
        """The number of the next paragraph of the section."""
        self.count += 1
        return f"{self.section}.{self.count}"


class MarkdownWriter:
    """Writes Markdown syntax trees into a python-docx container (document, subdoc or cell).

    ``path`` and ``first_line`` name the source in error messages; ``base_dir`` is where
    relative image paths are looked up.
    """

    def __init__(
        self,
        numbering: wordxml.Numbering,
        path: str,
        first_line: int = 1,
        base_dir: Path | None = None,
        styles: Styles | None = None,
        allows: Callable[[Path], bool] | None = None,
    ):
        self.numbering = numbering
        self.path = path
        self.first_line = first_line
        self.base_dir = base_dir or Path(".")
        self.styles = styles or Styles()
        self.allows = allows  # which files images may come from (None: anywhere)

    # -- errors -------------------------------------------------------------------------
    def error(self, node: SyntaxTreeNode, message: str) -> InputError:
        line = self.line_of(node)
        return InputError(message, self.path, line)

    def line_of(self, node: SyntaxTreeNode) -> int | None:
        """The line of the narrative file on which ``node`` (or its nearest ancestor) starts."""
        found: SyntaxTreeNode | None = node
        while found is not None and found.map is None:
            found = found.parent
        return self.first_line + found.map[0] if found is not None and found.map else None

    # -- blocks -------------------------------------------------------------------------
    def write(self, container, nodes, numberer: Numberer | None = None, in_cell=False) -> None:
        """Write block ``nodes`` into ``container``; number top-level paragraphs if asked."""
        self._in_cell = in_cell
        self._first_cell_paragraph = container.paragraphs[0] if in_cell else None
        indent = NUMBER_INDENT if numberer else 0
        for node in nodes:
            self._block(container, node, numberer, indent)

    def _new_paragraph(self, container, style: str):
        if self._first_cell_paragraph is not None:
            paragraph, self._first_cell_paragraph = self._first_cell_paragraph, None
            wordxml.set_style(paragraph, style)
            return paragraph
        return wordxml.add_paragraph(container, style=style)

    def _block(self, container, node, numberer, indent):
        kind = node.type
        if kind == "paragraph":
            self._paragraph(container, node, numberer, indent)
        elif kind == "heading":
            level = int(node.tag[1])
            style = self.styles.headings.get(level)
            if style is None or self._in_cell:
                raise self.error(node, self._heading_advice(level))
            self.inline(self._new_paragraph(container, style), node.children[0])
        elif kind in ("bullet_list", "ordered_list"):
            self._list(container, node, level=0, indent=indent)
        elif kind == "table":
            self._table(container, node)
        elif kind == "blockquote":
            for child in node.children:
                if child.type != "paragraph":
                    raise self.error(child, "a quotation may only hold plain paragraphs")
                paragraph = self._new_paragraph(container, self.styles.quote)
                if indent:
                    wordxml.set_left_indent(paragraph, indent + 425)
                self.inline(paragraph, child.children[0])
        elif kind in ("code_block", "fence"):
            raise self.error(
                node,
                "text indented by 4 or more spaces (or fenced with ```) is a code block, which "
                "committee papers do not use; remove the indentation",
            )
        elif kind == "html_block":
            raise self.error(node, "HTML is not allowed in narrative; write it as Markdown")
        elif kind == "hr":
            raise self.error(
                node,
                "a horizontal rule (---) has no place in a committee paper; "
                "remove it or use a heading",
            )
        else:  # pragma: no cover - every CommonMark block type is handled above
            raise self.error(node, f"unsupported Markdown element {kind!r}")

    def _heading_advice(self, level: int) -> str:
        if self._in_cell:
            return "headings cannot go inside a table cell; use **bold** text instead"
        allowed = " or ".join("#" * n for n in sorted(self.styles.headings))
        return f"heading level {level} is not used here; use {allowed} for sub-headings"

    def _paragraph(self, container, node, numberer, indent):
        inline = node.children[0]
        if len(inline.children) == 1 and inline.children[0].type == "image":
            self._image(container, inline.children[0], indent)
            return
        style = self.styles.table_text if self._in_cell else self.styles.body
        if numberer is not None:
            paragraph = self._new_paragraph(container, self.styles.numbered)
            paragraph.add_run(numberer.next() + "\t")
        else:
            paragraph = self._new_paragraph(container, style)
            if indent:
                wordxml.set_left_indent(paragraph, indent)
        self.inline(paragraph, inline)

    def _list(self, container, node, level, indent):
        if level > 2:
            raise self.error(node, "lists may be nested at most three deep")
        if node.type == "bullet_list":
            kind = "bullet"
        else:
            list_type = str(node.attrs.get("type", "1"))
            if list_type not in LIST_KINDS:
                raise self.error(
                    node,
                    f"list type {list_type!r} is not known; use "
                    "{type=a}, {type=A}, {type=i} or {type=1}",
                )
            kind = LIST_KINDS[list_type]
        num_id = self.numbering.new_list(kind, indent)
        item_indent = indent + wordxml.LIST_STEP * (level + 1)
        for item in node.children:
            first = True
            for child in item.children:
                if child.type in ("bullet_list", "ordered_list"):
                    self._list(container, child, level + 1, indent)
                    continue
                if child.type != "paragraph":
                    raise self.error(child, "a list item may hold only text and other lists")
                # in a table cell, a list is set at the table's text size and spacing
                style = self.styles.table_text if self._in_cell else self.styles.list
                paragraph = self._new_paragraph(container, style)
                if first:
                    wordxml.set_list(paragraph, num_id, level)
                    first = False
                else:
                    wordxml.set_left_indent(paragraph, item_indent)
                self.inline(paragraph, child.children[0])

    def _table(self, container, node):
        rows = [tr for section in node.children for tr in section.children]
        columns = len(rows[0].children)
        table = container.add_table(rows=len(rows), cols=columns)
        table.style = self.styles.table
        tablexml.set_table_look(table)
        for r, tr in enumerate(rows):
            for c, cell_node in enumerate(tr.children):
                cell = table.cell(r, c)
                paragraph = cell.paragraphs[0]
                wordxml.set_style(paragraph, self.styles.table_text)
                if "text-align:right" in str(cell_node.attrs.get("style", "")):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if cell_node.children:
                    self.inline(paragraph, cell_node.children[0], bold=cell_node.type == "th")
        tablexml.mark_header_row(table.rows[0])
        if self._in_cell:
            return
        # as the tables of figures are: the template's text width, shared by what each says
        face, size = style_font(table.part.document, self.styles.table_text)
        texts = [[(c.text, r == 0) for c in row.cells] for r, row in enumerate(table.rows)]
        room = int(Cm(content_width_cm(table.part.document)).twips)
        widths = fitted_widths(texts, room, size, face)
        tablexml.set_table_width(table, widths)
        broken = broken_words(texts, widths, size, face)
        if broken:
            more = f" (and {len(broken) - 1} more)" if len(broken) > 1 else ""
            warn(
                self.error(
                    node,
                    f"the table's words do not fit the page's width: {broken[0][:40]!r}{more} "
                    "would be broken mid-word; give the table fewer columns or shorter words "
                    "(a web address as a link: [words](address))",
                )
            )
        # a paragraph after the table keeps two tables in a row from merging in Word
        wordxml.add_paragraph(container, style=self.styles.body)

    def _image(self, container, node, indent):
        alt = "".join(child.content for child in node.children or []).strip()
        source = self.base_dir / str(node.attrs["src"])
        problem = image_problem(str(node.attrs["src"]), alt, source, self.allows)
        if problem:
            raise self.error(node, problem)
        picture = placed_picture(str(node.attrs["src"]), source)
        if isinstance(picture, str):
            raise self.error(node, picture)
        paragraph = self._new_paragraph(container, self.styles.body)
        if indent:
            wordxml.set_left_indent(paragraph, indent)
        shape = paragraph.add_run().add_picture(io.BytesIO(picture.data))
        limit = Cm(content_width_cm(paragraph.part.document)) - Twips(indent)
        if shape.width > limit:
            shape.height = int(shape.height * limit / shape.width)
            shape.width = limit
        wordxml.set_picture_description(shape, alt)

    def plain_list(
        self, container, items: list[str], kind: str = "bullet", indent: int = 0
    ) -> None:
        """A list of plain text items (``bullet``, ``decimal``...) restarting at 1. A short
        list stays on one page with the paragraph that introduces it."""
        if not items:
            return
        short = len(items) <= SHORT_LIST
        if short and container.paragraphs:
            container.paragraphs[-1].paragraph_format.keep_with_next = True
        num_id = self.numbering.new_list(kind, indent)
        for number, item in enumerate(items, 1):
            paragraph = wordxml.add_paragraph(container, item, style=self.styles.list)
            wordxml.set_list(paragraph, num_id, 0)
            if short and number < len(items):
                paragraph.paragraph_format.keep_with_next = True

    # -- inline -------------------------------------------------------------------------
    def inline(self, paragraph, node, bold=False, italic=False, strike=False, target=None):
        """Write an inline node's children as runs of ``paragraph`` (or of a hyperlink)."""
        for child in node.children:
            kind = child.type
            if kind == "text":
                self._check_text(child)
                self._run(paragraph, child.content, bold, italic, strike, target)
            elif kind == "softbreak":
                self._run(paragraph, " ", bold, italic, strike, target)
            elif kind == "hardbreak":
                self._run(paragraph, None, bold, italic, strike, target).add_break()
            elif kind == "strong":
                self.inline(paragraph, child, True, italic, strike, target)
            elif kind == "em":
                self.inline(paragraph, child, bold, True, strike, target)
            elif kind == "s":
                self.inline(paragraph, child, bold, italic, True, target)
            elif kind == "code_inline":
                self._run(paragraph, child.content, bold, italic, strike, target)
            elif kind == "link":
                href = str(child.attrs["href"])
                problem = link_problem(href, words(child))
                if problem:
                    raise self.error(child, problem)
                link = wordxml.add_hyperlink(paragraph, href)
                self.inline(paragraph, child, bold, italic, strike, link)
            elif kind == "image":
                raise self.error(child, "an image must stand in a paragraph of its own")
            elif kind == "html_inline":
                raise self.error(
                    child,
                    f"HTML ({child.content}) is not allowed in narrative; write it as Markdown",
                )
            else:  # pragma: no cover
                raise self.error(child, f"unsupported Markdown element {kind!r}")

    def _check_text(self, node: SyntaxTreeNode) -> None:
        problem = text_problem(node.content)
        if problem:
            raise self.error(node, problem)

    def _run(self, paragraph, text, bold, italic, strike, target):
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if strike:
            run.font.strike = True
        if target is not None:
            run.style = self.styles.link
            target.append(run._r)
        return run
