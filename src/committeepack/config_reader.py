"""Values and lines out of the parsed ``committeepack.toml``, each problem collected with the
line it is on, so that every mistake in the file is reported together."""

from __future__ import annotations

from .errors import CommitteePackError, ConfigError
from .schema import shown
from .toml_lines import KeyLines, Path

CONFIG_NAME = "committeepack.toml"


def _path(key: str | Path) -> Path:
    return tuple(key.split(".")) if isinstance(key, str) else key


class ConfigReader:
    """The parsed file with the line of every key; collects problems instead of stopping."""

    def __init__(self, data: dict, text: str):
        self.data = data
        self.key_lines = KeyLines(text)
        self.errors: list[CommitteePackError] = []

    def fail(self, key: str | Path, message: str) -> None:
        """Record a problem with ``key`` (``meeting.date``, or a path with entry numbers such
        as ``("implications", 2, "issue")``), at its line."""
        self.errors.append(self.error(key, message))

    def error(self, key: str | Path, message: str) -> ConfigError:
        """The problem with ``key``, at its line."""
        path = _path(key)
        return ConfigError(f"{shown(path)}: {message}", CONFIG_NAME, self.key_lines.line(path))

    def line_of(self, key: str | Path) -> int | None:
        """The line of ``key``, or of the nearest table or entry holding it."""
        return self.key_lines.line(_path(key))

    def get(self, key: str | Path):
        """The value at ``key``, or None when it is absent."""
        node = self.data
        for part in _path(key):
            if isinstance(part, int):
                if not isinstance(node, list) or part >= len(node):
                    return None
            elif not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node
