"""Read Markdown files with YAML front matter, keeping line numbers for error messages.

The YAML loader is safe (no Python objects) and returns :class:`LineDict` and
:class:`LineList`, which remember on which line of the file each key or item stood, so that
later validation can say ``inputs/agenda-item.md:7: recommendations: ...``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .characters import CONTROL, control_problem
from .errors import InputError

JINJA_TAGS = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S
)  # expressions, statements, comments


class LineDict(dict):
    """A mapping that remembers the line of each key (1-based, in the whole file)."""

    line: int = 0
    lines: dict


class LineList(list):
    """A list that remembers the line of each item (1-based, in the whole file)."""

    line: int = 0
    lines: list


class _LineLoader(yaml.SafeLoader):
    line_offset = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):  # "*name": one value standing for another
            event = self.peek_event()
            raise _Unwanted(
                f"'*{event.anchor}' repeats another value (a YAML alias); write the value out",
                event.start_mark.line,
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key, _ in node.value:
            name = self.construct_object(key, deep=True)
            if isinstance(name, str | int) and name in seen:
                raise _Unwanted(
                    f"'{name}' is given twice (first on line "
                    f"{seen[name] + 1 + self.line_offset}); keep one",
                    key.start_mark.line,
                )
            seen[name] = key.start_mark.line
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1 + self.line_offset
        mapping.lines = {
            self.construct_object(key, deep=True): key.start_mark.line + 1 + self.line_offset
            for key, _ in node.value
        }
        return mapping

    def construct_sequence(self, node, deep=False):
        items = LineList(super().construct_sequence(node, deep=True))
        items.line = node.start_mark.line + 1 + self.line_offset
        items.lines = [child.start_mark.line + 1 + self.line_offset for child in node.value]
        return items

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise _ImpossibleDate(node.value, str(exc), node.start_mark.line) from None


class _Unwanted(Exception):
    """YAML that parses but would silently lose or repeat a value."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message, self.line = message, line


class _ImpossibleDate(Exception):
    def __init__(self, text: str, reason: str, line: int):
        super().__init__(text)
        self.text, self.reason, self.line = text, reason, line


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_timestamp)
_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)


def load_yaml(text: str, path: str, line_offset: int = 0):
    """Parse YAML ``text``; a syntax error becomes an :class:`InputError` at its line."""
    try:
        loader = _LineLoader(text)  # reading the text may already fail (control characters)
    except yaml.reader.ReaderError as exc:
        where = text[: exc.position].count("\n") + 1 + line_offset
        raise InputError(
            f"front matter holds a character that cannot be used (code {exc.character:#x}); "
            "delete it (it is often pasted in from another program)",
            path,
            where,
        ) from None
    loader.line_offset = line_offset
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problem = exc.problem or exc.context or "not valid YAML"
        if "'\\t'" in problem:  # YAML indents with spaces only; a tab cannot be seen
            raise InputError(
                "front matter has a tab on this line where YAML takes only spaces (to indent, "
                "or after a colon); write spaces instead",
                path,
                line,
            ) from None
        raise InputError(
            f"front matter is not valid YAML ({problem}); check the indentation and quote "
            "values that contain a colon",
            path,
            line,
        ) from None
    except _Unwanted as exc:
        raise InputError(exc.message, path, exc.line + 1 + line_offset) from None
    except RecursionError:  # PyYAML reads nested values by recursion
        raise InputError(
            "front matter nests a value in itself without end; write each list or table "
            "inside at most a few others",
            path,
            loader.line + 1 + line_offset,  # as far as the reader got: the deep value's line
        ) from None
    except _ImpossibleDate as exc:
        raise InputError(
            f"{exc.text} is not a date that exists ({exc.reason}); write a real date as YYYY-MM-DD",
            path,
            exc.line + 1 + line_offset,
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"front matter is not valid YAML ({exc})", path, 1 + line_offset) from None
    finally:
        loader.dispose()


@dataclass
class MarkdownFile:
    """A narrative file: its front matter, its Markdown body and where the body starts."""

    path: str
    meta: LineDict
    body: str
    body_line: int  # line of the file on which the body's first line stands


def read_markdown(path: Path, shown_as: str | None = None) -> MarkdownFile:
    """Read a Markdown file with optional ``---`` front matter.

    ``shown_as`` is how the file is named in error messages (usually relative to the project).
    """
    name = shown_as or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("file not found; create it or fix the name in the project", name) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file; put the Markdown file here", name) from None
    except OSError as exc:  # no permission, a broken link, a file another program locks
        raise InputError(
            f"cannot be read ({exc.strerror or exc.__class__.__name__}); check that the file "
            "can be opened",
            name,
        ) from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} cannot be read); save it as "
            "UTF-8 (in Notepad: Save As, Encoding UTF-8)",
            name,
            line,
        ) from None
    text = text.replace("\r\n", "\n")
    bad = CONTROL.search(text)
    if bad:
        raise InputError(
            control_problem(bad.group()),
            name,
            text[: bad.start()].count("\n") + 1,
        )
    if not text.strip():
        raise InputError(
            "the file is empty; write its front matter and sections (the bundled "
            "example, from 'committeepack new', shows the layout)",
            name,
        )
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return MarkdownFile(name, _empty_meta(), text, 1)
    index = _closing_line(lines)
    if index is not None:
        meta = load_yaml("\n".join(lines[1:index]), name, line_offset=1)
        if meta is None:
            meta = _empty_meta()
        if not isinstance(meta, dict):
            raise InputError("front matter must be a set of 'key: value' lines", name, 2)
        markup = _markup_in(meta, 2)
        if markup is not None:
            line, mark = markup
            raise InputError(_markup_problem(mark), name, line)
        return MarkdownFile(name, _with_lines(meta), "\n".join(lines[index + 1 :]), index + 2)
    raise InputError(
        "front matter starts with '---' but never ends; add a closing '---' line", name, 1
    )


# Markdown that front matter (printed as plain text) would show as typed
FRONT_MATTER_MARKUP = re.compile(r"\*\*|__|~~|`|\]\(|\{\{|\}\}|\{%|%\}")


def _markup_problem(mark: str) -> str:
    """What is wrong with ``mark`` found in front matter, and what to do."""
    if mark in ("{{", "}}", "{%", "%}"):
        return (
            f"'{mark}' would be printed as it is: {{{{ and }}}} (or {{% and %}}) go in pairs; "
            "write the other half, or delete it"
        )
    return (
        f"'{mark}' would be printed as it is: front matter is plain text, not Markdown; "
        "delete it (bold, links and the like belong in the sections below)"
    )


def texts(value, line: int) -> list[tuple[int, str]]:
    """Every text in ``value`` (front matter as read: nested lists and tables) with the line
    it is on; ``line`` is where ``value`` itself stands."""
    if isinstance(value, str):
        return [(line, value)]
    if isinstance(value, dict):
        lines = getattr(value, "lines", {})
        items = [(lines.get(key, line), item) for key, item in value.items()]
    elif isinstance(value, list):
        lines = getattr(value, "lines", [])
        items = [(lines[i] if i < len(lines) else line, item) for i, item in enumerate(value)]
    else:
        return []
    return [found for at, item in items for found in texts(item, at)]


def line_of(meta: dict, path: tuple) -> int | None:
    """The line of the value at ``path`` (keys and list indexes) in front matter as read, or
    of the nearest table or list holding it; None when not even the first key is there."""
    node: object = meta
    found = None
    for part in path:
        lines = getattr(node, "lines", None)
        if isinstance(node, dict) and part not in node:  # a key YAML read as a number or date
            part = next((key for key in node if str(key) == part), part)
        if isinstance(node, dict) and part in node and isinstance(lines, dict):
            found = lines.get(part, found)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            found = lines[part] if isinstance(lines, list) and part < len(lines) else found
        else:
            return found
        node = node[part]
    return found


def _markup_in(meta: dict, line: int) -> tuple[int, str] | None:
    """The line and the mark of the first Markdown in the text values of ``meta``."""
    for at, text in texts(meta, line):
        found = FRONT_MATTER_MARKUP.search(JINJA_TAGS.sub(" ", text))
        if found is not None:
            mark = found.group()
            return at, "[text](link)" if mark == "](" else mark
    return None


def _closing_line(lines: list[str]) -> int | None:
    """The index of the line closing the front matter that ``lines[0]`` opens, or None."""
    return next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)


def front_matter_text(text: str) -> str:
    """A narrative file's front matter as written, unparsed ('' when it has none; the rest
    of the file when it never closes)."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    if lines[0].strip() != "---":
        return ""
    index = _closing_line(lines)
    return "\n".join(lines[1:index])


def _with_lines(meta: dict) -> LineDict:
    """``meta`` as the loader made it (a LineDict); an empty one when it is not."""
    return meta if isinstance(meta, LineDict) else _empty_meta()


def _empty_meta() -> LineDict:
    meta = LineDict()
    meta.line = 1
    meta.lines = {}
    return meta
