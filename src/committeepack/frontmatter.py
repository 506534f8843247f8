"""Read Markdown files with YAML front matter, keeping line numbers for error messages.

The front matter is read by :mod:`.yaml_lines`, whose values remember on which line of the
file each key or item stood, so that later validation can say
``inputs/agenda-item.md:7: recommendations: ...``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .characters import CONTROL, composed, control_problem
from .errors import InputError
from .file_kinds import not_markdown
from .yaml_lines import LineDict, load_yaml

JINJA_TAGS = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S
)  # expressions, statements, comments


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
        text = composed(path.read_text(encoding="utf-8-sig"))
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
        other = not_markdown(path)
        if other is not None:
            raise InputError(other, name) from None
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
