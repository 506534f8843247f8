"""``committeepack.toml`` read (:func:`read_config_text`: every way it cannot be, one line),
then its values and lines, each problem collected with the line it is on, so that every
mistake in the file is reported together (:class:`ConfigReader`)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path as FilePath

from .characters import composed
from .errors import CommitteePackError, ConfigError
from .schema import shown
from .toml_lines import KeyLines, Path, deepest_line

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


def read_config_text(path: FilePath) -> tuple[dict, str]:
    """The TOML of ``path`` (committeepack.toml) as values, and its text; each way it cannot
    be read is one :class:`ConfigError` at its line where there is one."""
    if path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve()):
        # the shared folders are declared in the file itself, so none can allow it
        raise ConfigError(
            "is a link to a file outside the project folder, which committeepack does not "
            "read; copy the file into the project",
            CONFIG_NAME,
        )
    try:
        # as Notepad may save it: with a BOM
        text = composed(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(
            "file not found; start a project with 'committeepack new PATH'", CONFIG_NAME
        ) from None
    except OSError as exc:  # a folder of that name, no permission
        raise ConfigError(
            f"cannot be read ({exc.strerror or exc.__class__.__name__}); it must be a text "
            "file that can be opened",
            CONFIG_NAME,
        ) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            "not UTF-8 text; save it as UTF-8 (in Notepad: Save As, Encoding UTF-8)",
            CONFIG_NAME,
            path.read_bytes()[: exc.start].count(b"\n") + 1,
        ) from None
    try:
        return tomllib.loads(text), text
    except RecursionError:  # tomllib reads nested values by recursion
        raise ConfigError(
            "not valid TOML (a value nested in itself without end); write each list or "
            "table inside at most a few others",
            CONFIG_NAME,
            deepest_line(text),
        ) from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        at_end = "(at end of document)" in str(exc)  # a value or table left open
        raise ConfigError(
            f"not valid TOML ({message}{', at the end' if at_end else ''}); quote text values "
            "and use YYYY-MM-DD for dates",
            CONFIG_NAME,
            int(match.group(1)) if match else len(text.splitlines()) if at_end else None,
        ) from None
