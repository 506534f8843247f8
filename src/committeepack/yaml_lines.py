"""YAML read safely (no Python objects) into values that remember their lines.

:func:`load_yaml` returns :class:`LineDict` and :class:`LineList`, which remember on which line
of the file each key or item stood; a problem in the YAML (a tab, a colon in a value, a date
that does not exist, a value nested without end) is one error at its line.
"""

from __future__ import annotations

import yaml

from .errors import InputError


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
