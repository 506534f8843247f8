"""The schema's vocabulary: a :class:`Field` says what one key of a user's input may hold, a
:class:`Syntax` how the file writes values, a :class:`Problem` what is wrong at a path; and
the words messages share (what to write, an example, the range a number may take)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .toml_lines import Path


@dataclass(frozen=True)
class Field:
    """What one key may hold.

    ``kind`` is text, texts (a list of text), text_or_texts (either), file and files (text
    naming files), date, number, integer, boolean, choice (one of ``choices``), colour
    (#RRGGBB), months (a list of YYYY-MM), parts (what a total adds up: "districts",
    "divisions" or a list of row names), table (named ``fields``), array (of tables like
    ``item``) or map (any keys, each value like ``item``). A table may take extra fields by
    the value of one of its keys (``variant_key`` and ``variants``).
    """

    kind: str
    required: bool = False
    example: str = ""  # a good value, as written in the file
    choices: tuple[str | int, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    fields: Mapping[str, Field] = field(default_factory=dict)
    item: Field | None = None
    variant_key: str = ""
    variants: Mapping[str, Mapping[str, Field]] = field(default_factory=dict)
    hint: str = ""  # how to add it when it is missing
    longest: int = 5_000  # characters a text may hold (a title fewer): more is pasted by mistake


TITLE_LONGEST = 250  # a title: on the agenda, the front sheet and Word's title (255 at most)


@dataclass(frozen=True)
class Syntax:
    """How the file being checked writes values."""

    assign: str  # between a key and its value, in examples
    top: str  # what a key at the top of the file is called
    text: str  # what messages call a text value
    loose: bool  # unquoted YAML: a number may stand for text, a choice may be in any case


TOML = Syntax(" = ", "section", "text in quotes", loose=False)
YAML = Syntax(": ", "key", "text", loose=True)


@dataclass(frozen=True)
class Problem:
    """A problem with the value at ``path``."""

    path: Path
    message: str


def shown(path: Path) -> str:
    """A path as messages name it: ``meeting.venue``, ``implications (entry 3).issue``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f" (entry {part + 1})"
        else:
            text += f".{part}" if text else str(part)
    return text


def empty_problem(schema: Field, path: Path, syntax: Syntax) -> Problem:
    """The problem of a key given no value: what to write there."""
    if schema.choices:
        return Problem(path, "is empty; write one of: " + ", ".join(map(str, schema.choices)))
    return Problem(
        path, "is empty; write it" + example_text(schema, path, syntax).replace(";", ",", 1)
    )


def example_text(schema: Field, path: Path, syntax: Syntax) -> str:
    """A good value of the key at ``path`` as the file writes it, for a message's end."""
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    if not schema.example or schema.kind in ("choice", "date", "colour"):
        return ""
    return f"; for example  {name}{syntax.assign}{schema.example}"


def scalar_check(test, wrong: str):
    """A check of one value by ``test``; ``wrong`` is its message (``{value}``, ``{choices}``,
    ``{minimum}`` filled in)."""

    def check(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
        if test(value, schema, syntax):
            return []
        least = range_text(schema)
        choices = ", ".join(str(choice) for choice in schema.choices)
        message = wrong.format(value=value, choices=choices, minimum=least)
        return [Problem(path, message + example_text(schema, path, syntax))]

    return check


def range_text(schema: Field) -> str:
    """``, 11 or more``, ``, from 11 to 16`` or nothing: what a number may be."""
    low, high = schema.minimum, schema.maximum
    if low is not None and high is not None:
        return f", from {low:g} to {high:g}"
    if high is not None:
        return f", {high:g} or less"
    return f", {low:g} or more" if low is not None else ""
