"""Where each key of a TOML file stands: the line of every table, array entry and key.

``tomllib`` gives values without positions, so messages could name only a guess. This reads
the text once and maps each key's path, with array entries counted (``("implications", 2,
"issue")`` is the ``issue`` of the third ``[[implications]]``), to its line. Hand-written
because no TOML parser in the standard library keeps positions; it follows the layout
committeepack.toml files use (headers, ``key = value``, dotted and quoted keys, values
spanning lines) and falls back to the nearest enclosing table for anything else.
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

HEADER = re.compile(r"^\s*(\[\[?)\s*(.+?)\s*(\]\]?)\s*(#.*)?$")
KEY = re.compile(
    r'^\s*((?:"[^"]*"|\'[^\']*\'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|\'[^\']*\'|[A-Za-z0-9_-]+))*)\s*='
)
STRING = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\])*"|\'[^\']*\'')


def _parts(dotted: str) -> list[str]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)', dotted)
    return [next(p for p in groups if p != "") if any(groups) else "" for groups in parts]


def _depth(text: str) -> int:
    """How many brackets and braces ``text`` leaves open (strings and comments ignored)."""
    text = STRING.sub('""', text)
    text = text.split("#", 1)[0]
    return text.count("[") + text.count("{") - text.count("]") - text.count("}")


class KeyLines:
    """The line of each key path in one TOML text."""

    def __init__(self, text: str):
        self.lines: dict[Path, int] = {}
        counts: dict[tuple, int] = {}
        table: Path = ()
        open_brackets = 0
        for number, line in enumerate(text.splitlines(), 1):
            if open_brackets > 0:  # inside a value spanning lines
                open_brackets += _depth(line)
                continue
            header = HEADER.match(line)
            if header and not KEY.match(line):
                names = tuple(_parts(header.group(2)))
                if header.group(1) == "[[":
                    base = (*self._resolve(names[:-1]), names[-1])
                    index = counts.get(base, 0)
                    counts[base] = index + 1
                    table = (*base, index)
                else:
                    table = self._resolve(names)
                self.lines.setdefault(table, number)
                continue
            key = KEY.match(line)
            if key:
                path = (*table, *_parts(key.group(1)))
                self.lines.setdefault(path, number)
                open_brackets = max(_depth(line[key.end() :]), 0)

    def _resolve(self, names: tuple[str, ...]) -> Path:
        """A header's path, with the latest entry of any array of tables it lies under."""
        path: Path = ()
        for name in names:
            path = (*path, name)
            entries = [p for p in self.lines if len(p) == len(path) + 1 and p[:-1] == path]
            latest = [p[-1] for p in entries if isinstance(p[-1], int)]
            if latest:
                path = (*path, max(latest))
        return path

    def line(self, path: Path) -> int | None:
        """The line of ``path``, or of the nearest enclosing table or entry that has one."""
        for end in range(len(path), 0, -1):
            found = self.lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return None


def deepest_line(text: str) -> int | None:
    """The line on which the brackets and braces of ``text`` stand most deeply nested (where
    a parser gives up on a value nested without end), or None when nothing is nested."""
    deepest, depth, found = 0, 0, None
    for number, line in enumerate(text.splitlines(), 1):
        for character in STRING.sub('""', line).split("#", 1)[0]:
            depth += (character in "[{") - (character in "]}")
            if depth > deepest:
                deepest, found = depth, number
    return found
