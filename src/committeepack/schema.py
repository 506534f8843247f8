"""A declarative schema for user inputs, and the validator that checks a value against it.

A :class:`Field` says what a key holds (text, a date, a table of named fields, an array of
such tables, a map of keys to values), whether it is required, and a real example of a good
value. :func:`validate` walks a parsed value and returns every problem, each with the path of
the key it is about, so the caller can name the file and line. Unknown keys are problems too,
with the nearest valid key suggested.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .toml_lines import Path

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class Field:
    """What one key may hold.

    ``kind`` is text, texts (a list of text), file and files (text naming files), date,
    number, integer, boolean, choice (one of ``choices``), colour (#RRGGBB), months (a list
    of YYYY-MM), parts (what a total adds up: "districts", "divisions" or a list of row
    names), table (named ``fields``), array (of tables like ``item``) or map (any keys,
    each value like ``item``). A table may
    take extra fields by the value of one of its keys (``variant_key`` and ``variants``).
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


def validate(value: object, schema: Field, path: Path = ()) -> list[Problem]:
    """Every problem of ``value`` against ``schema``."""
    check = _CHECKS.get(schema.kind)
    if check is None:  # pragma: no cover - a mistake in a schema, not in an input
        raise AssertionError(schema.kind)
    return check(value, schema, path)


def _example(schema: Field, path: Path) -> str:
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    if not schema.example or schema.kind in ("choice", "date", "colour"):
        return ""
    return f"; for example  {name} = {schema.example}"


def _scalar(test, wrong: str):
    def check(value: object, schema: Field, path: Path) -> list[Problem]:
        if test(value, schema):
            return []
        least = _range(schema)
        choices = ", ".join(str(choice) for choice in schema.choices)
        message = wrong.format(value=value, choices=choices, minimum=least)
        return [Problem(path, message + _example(schema, path))]

    return check


def _is_text(value: object, schema: Field) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_date(value: object, schema: Field) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _is_number(value: object, schema: Field) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    low, high = schema.minimum, schema.maximum
    return (low is None or value >= low) and (high is None or value <= high)


def _range(schema: Field) -> str:
    """``, 11 or more``, ``, from 11 to 16`` or nothing: what a number may be."""
    low, high = schema.minimum, schema.maximum
    if low is not None and high is not None:
        return f", from {low:g} to {high:g}"
    if high is not None:
        return f", {high:g} or less"
    return f", {low:g} or more" if low is not None else ""


NAME_MAX = 255  # bytes in one part of a file name: the most that Windows, macOS or Linux allow
UNUSABLE_IN_NAMES = re.compile(r"[\x00-\x1f\x7f]")


def name_problem(written: str) -> str | None:
    """Why ``written`` cannot name a file on every system (a control character, a part longer
    than :data:`NAME_MAX` bytes, a backslash between folders), or None. Checked before the
    name reaches the file system, which would fail with an error of its own."""
    if UNUSABLE_IN_NAMES.search(written):
        return "holds a control character, which no file name has; retype the name"
    if any(len(part.encode()) > NAME_MAX for part in re.split(r"[/\\]", written)):
        return f"has a part longer than {NAME_MAX} characters, which no file name can be; check it"
    if "\\" in written:
        forward = shortened(written.replace("\\", "/"))
        return (
            f"separates folders with \\, which only Windows reads; write {forward!r}, which "
            "works on every computer"
        )
    return None


def _file(value: object, schema: Field, path: Path) -> list[Problem]:
    problems = _CHECKS["text"](value, schema, path)
    if problems or not isinstance(value, str):
        return problems
    problem = name_problem(value)
    return [Problem(path, f"{shortened(value)!r} {problem}")] if problem else []


def _files(value: object, schema: Field, path: Path) -> list[Problem]:
    problems = _texts(value, schema, path)
    if problems or not isinstance(value, list):
        return problems
    for index, written in enumerate(value):
        problem = name_problem(written)
        if problem:
            problems.append(Problem(path, f"entry {index + 1}: {shortened(written)!r} {problem}"))
    return problems


def shortened(text: str, length: int = 40) -> str:
    """``text`` as a message quotes it: its start, when it is long."""
    return text if len(text) <= length else text[:length] + "..."


def _texts(value: object, schema: Field, path: Path) -> list[Problem]:
    if isinstance(value, list) and all(_is_text(v, schema) for v in value):
        return []
    return [Problem(path, "must be a list of text in quotes" + _example(schema, path))]


def _months(value: object, schema: Field, path: Path) -> list[Problem]:
    if isinstance(value, list) and all(isinstance(v, str) and MONTH.match(v) for v in value):
        return []
    return [Problem(path, "must be a list of months as YYYY-MM" + _example(schema, path))]


def _table(value: object, schema: Field, path: Path) -> list[Problem]:
    if not isinstance(value, dict):
        return [
            Problem(path, "must be a table of keys" + (f"; {schema.hint}" if schema.hint else ""))
        ]
    fields = dict(schema.fields)
    if schema.variant_key:
        variant = value.get(schema.variant_key)
        fields.update(schema.variants.get(variant, {}) if isinstance(variant, str) else {})
    problems: list[Problem] = []
    suggested = set()
    for key in value:
        if key not in fields:
            close = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6)
            suggested.update(close)
            hint = f"did you mean {close[0]}?" if close else "it may hold: " + ", ".join(fields)
            what = "section" if not path else "key"
            problems.append(Problem((*path, key), f"unknown {what}; {hint}"))
    for name, sub in fields.items():
        if name not in value:
            if sub.required and name not in suggested:
                problems.append(Problem((*path, name), _missing(sub, name)))
            continue
        problems.extend(validate(value[name], sub, (*path, name)))
    return problems


def _missing(schema: Field, name: str) -> str:
    if schema.hint:
        return f"missing; {schema.hint}"
    if schema.example:
        return f"missing; add it, for example  {name} = {schema.example}"
    return "missing; add it"


def _array(value: object, schema: Field, path: Path) -> list[Problem]:
    if not isinstance(value, list) or not value:
        return [Problem(path, f"missing; {schema.hint}" if schema.hint else "must be a list")]
    assert schema.item is not None
    problems = []
    for index, entry in enumerate(value):
        problems.extend(validate(entry, schema.item, (*path, index)))
    return problems


def _map(value: object, schema: Field, path: Path) -> list[Problem]:
    if not isinstance(value, dict) or (schema.required and not value):
        return [Problem(path, f"missing; {schema.hint}" if schema.hint else "must be a table")]
    assert schema.item is not None
    problems = []
    for key, entry in value.items():
        problems.extend(validate(entry, schema.item, (*path, key)))
    return problems


_CHECKS = {
    "text": lambda value, schema, path: (
        []
        if _is_text(value, schema)
        else [
            Problem(
                path,
                "is empty; write it" + _example(schema, path).replace(";", ",", 1)
                if isinstance(value, str)
                else "must be text in quotes" + _example(schema, path),
            )
        ]
    ),
    "texts": _texts,
    "file": _file,
    "files": _files,
    "date": _scalar(_is_date, "not a date ({value!r}); write it as YYYY-MM-DD, without quotes"),
    "number": lambda value, schema, path: (
        []
        if _is_number(value, schema)
        else [
            Problem(
                path,
                "must be a number" + _range(schema) + _example(schema, path),
            )
        ]
    ),
    "integer": _scalar(
        lambda v, s: isinstance(v, int) and not isinstance(v, bool) and _is_number(v, s),
        "must be a whole number{minimum}",
    ),
    "boolean": _scalar(lambda v, s: isinstance(v, bool), "must be true or false"),
    "choice": _scalar(lambda v, s: v in s.choices, "{value!r} is not one of: {choices}"),
    "colour": _scalar(
        lambda v, s: isinstance(v, str) and bool(HEX_COLOUR.match(v)),
        '{value!r} is not a colour like "#12436D"',
    ),
    "months": _months,
    "parts": _scalar(
        lambda v, s: (
            v in ("districts", "divisions")
            or (isinstance(v, list) and bool(v) and all(_is_text(p, s) for p in v))
        ),
        'must be "districts", "divisions" or a list of the rows it adds up',
    ),
    "table": _table,
    "array": _array,
    "map": _map,
}
