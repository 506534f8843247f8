"""The one exception tree of committeepack.

Every problem a user can fix is a :class:`CommitteePackError`. Its text is a single line,
``path:line: what is wrong and what to do``, which the command line prints after ``Error:``.
Anything else that escapes is a bug in committeepack, not in the user's inputs.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import logging

LOGGER = "committeepack"  # logging is imported when a warning is given: --help stays quick


class CommitteePackError(Exception):
    """A problem in the user's project, reported as ``path:line: message``."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.warned: list[CommitteePackError] = []  # warnings given before it

    def location(self) -> str:
        """``path:line`` (or just ``path``), or an empty string when there is no file."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


class ConfigError(CommitteePackError):
    """The project configuration file is missing or wrong."""


class InputError(CommitteePackError):
    """A narrative or data input is missing or wrong."""


class ColumnNotRead(InputError):
    """A column a table seems to hold under a heading of its own, not read: a warning that is
    shown with any error that stops the command too, as it may explain it (a survey's base
    not read, then a share that cannot be taken)."""


class TemplateProblem(CommitteePackError):
    """A Word template has a tag error or uses a name the paper does not provide."""


class OutputConflict(CommitteePackError):
    """Writing a paper would overwrite work that was not made by committeepack."""


class ErrorList(CommitteePackError):
    """Several problems found together, so the user can fix them in one go."""

    def __init__(self, errors: Iterable[CommitteePackError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def raise_all(errors: Sequence[CommitteePackError]) -> None:
    """Raise the one error, or all of them together in file order; do nothing if none."""
    unique = {str(e): e for e in errors}  # the same file can fail for two tables that use it
    ordered = sorted(unique.values(), key=lambda e: (e.path or "", e.line or float("inf")))
    if len(ordered) == 1:
        raise ordered[0]
    if ordered:
        raise ErrorList(ordered)


def relative(path: str | Path, root: Path | None) -> str:
    """``path`` relative to the project root when it is inside it, for short error messages."""
    path = Path(path)
    if root is not None:
        for inside, base in ((path.absolute(), root.absolute()), (path.resolve(), root.resolve())):
            try:  # as written first: a link is named where it stands, not where it points
                return inside.relative_to(base).as_posix()
            except ValueError:
                pass
    return str(path)


def warn(problem: CommitteePackError) -> None:
    """Report a problem that does not stop the build (``--strict`` makes it an error).

    Warnings go to the ``committeepack`` logger; :func:`collect_warnings` gathers them for
    the build that is running, as mkdocs counts its warnings, so no stage keeps a list.
    """
    import logging

    logging.getLogger(LOGGER).warning("%s", problem, extra={"problem": problem})


def _collector(problems: list[CommitteePackError]) -> logging.Handler:
    import logging

    class Collector(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            problem = getattr(record, "problem", None)
            problems.append(problem or CommitteePackError(record.getMessage()))

    return Collector(logging.WARNING)


@contextlib.contextmanager
def collect_warnings() -> Iterator[list[CommitteePackError]]:
    """Gather every warning reported inside the ``with`` block into the list it yields."""
    import logging

    log = logging.getLogger(LOGGER)
    problems: list[CommitteePackError] = []
    collector = _collector(problems)
    log.addHandler(collector)
    propagate, log.propagate = log.propagate, False
    try:
        yield problems
    except CommitteePackError as exc:  # the warnings given before it may explain it: kept
        exc.warned = list(dict.fromkeys([*exc.warned, *problems]))
        raise
    finally:
        log.removeHandler(collector)
        log.propagate = propagate
