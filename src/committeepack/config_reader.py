"""Typed values out of the parsed ``committeepack.toml``, each problem collected with the
line it is on, so that every mistake in the file is reported together."""

from __future__ import annotations

import datetime as dt
import re

from .errors import CommitteePackError, ConfigError

CONFIG_NAME = "committeepack.toml"


class ConfigReader:
    """Pulls typed values out of the parsed TOML, collecting problems instead of stopping."""

    def __init__(self, data: dict, text: str):
        self.data = data
        self.lines = text.splitlines()
        self.errors: list[CommitteePackError] = []

    def fail(self, key: str, message: str) -> None:
        """Record a problem with ``key``, at its line."""
        self.errors.append(ConfigError(f"{key}: {message}", CONFIG_NAME, self.line_of(key)))

    def line_of(self, dotted: str) -> int | None:
        """Best-effort line of a dotted key: its ``[table]`` header, then ``name =`` in it."""
        parts = dotted.split(".")
        table, name = parts[:-1], parts[-1]
        in_table = not table
        for number, raw in enumerate(self.lines, 1):
            line = raw.strip()
            header = re.match(r"^\[\[?\s*([^\]]+?)\s*\]\]?$", line)
            if header:
                in_table = header.group(1).split(".") == table
                continue
            if in_table and re.match(rf'^"?{re.escape(name)}"?\s*=', line):
                return number
        for number, raw in enumerate(self.lines, 1):  # fall back to the table header
            if table and re.match(rf"^\[\[?\s*{re.escape('.'.join(table))}\s*\]\]?$", raw.strip()):
                return number
        return None

    def get(self, dotted: str):
        """The value at a dotted key (``meeting.date``), or None when it is absent."""
        node = self.data
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node

    def text(self, key: str, required: bool = True) -> str:
        """A text value, stripped; a problem (and "") when missing or not text."""
        value = self.get(key)
        if value is None:
            if required:
                self.fail(key, 'missing; add it, for example  key = "text"')
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(key, "must be text in quotes")
            return ""
        return value.strip()

    def texts(self, key: str) -> list[str] | None:
        """A list of text values, or None when absent."""
        value = self.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(key, 'must be a list of text, for example ["agenda-item"]')
            return None
        return value

    def date(self, key: str) -> dt.date:
        """A TOML date (YYYY-MM-DD, unquoted); a problem when missing or not a date."""
        value = self.get(key)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if value is None:
            self.fail(key, "missing; add the date as YYYY-MM-DD, without quotes")
        else:
            self.fail(key, f"not a date ({value!r}); write it as YYYY-MM-DD, without quotes")
        return dt.date(1970, 1, 1)
