"""A declarative schema for user inputs, and the validator that checks a value against it.

A :class:`Field` says what a key holds (text, a date, a table of named fields, an array of
such tables, a map of keys to values), whether it is required, and a real example of a good
value. :func:`validate` walks a parsed value and returns every problem, each with the path of
the key it is about, so the caller can name the file and line. Unknown keys are problems too,
with the nearest valid key suggested.

The same schema checks ``committeepack.toml`` and the narratives' YAML front matter; a
:class:`Syntax` says how each file writes values, for the examples in messages and for what
an unquoted YAML value may be.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .characters import CONTROL, control_problem
from .file_names import name_problem, shortened
from .toml_lines import Path

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


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


def validate(value: object, schema: Field, path: Path = (), syntax: Syntax = TOML) -> list[Problem]:
    """Every problem of ``value`` against ``schema``, as ``syntax`` writes values."""
    check = _CHECKS.get(schema.kind)
    if check is None:  # pragma: no cover - a mistake in a schema, not in an input
        raise AssertionError(schema.kind)
    if value is None and syntax.loose:  # "key:" with nothing after it, in YAML
        return [_empty(schema, path, syntax)]
    return check(value, schema, path, syntax)


def _empty(schema: Field, path: Path, syntax: Syntax) -> Problem:
    """The problem of a key given no value: what to write there."""
    if schema.choices:
        return Problem(path, "is empty; write one of: " + ", ".join(map(str, schema.choices)))
    return Problem(path, "is empty; write it" + _example(schema, path, syntax).replace(";", ",", 1))


def _example(schema: Field, path: Path, syntax: Syntax) -> str:
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    if not schema.example or schema.kind in ("choice", "date", "colour"):
        return ""
    return f"; for example  {name}{syntax.assign}{schema.example}"


def _scalar(test, wrong: str):
    def check(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
        if test(value, schema, syntax):
            return []
        least = _range(schema)
        choices = ", ".join(str(choice) for choice in schema.choices)
        message = wrong.format(value=value, choices=choices, minimum=least)
        return [Problem(path, message + _example(schema, path, syntax))]

    return check


def _is_text(value: object, syntax: Syntax) -> bool:
    if syntax.loose and isinstance(value, int | float) and not isinstance(value, bool):
        return True  # "year: 2026" in YAML
    return isinstance(value, str) and bool(value.strip())


def _is_choice(value: object, schema: Field, syntax: Syntax) -> bool:
    if syntax.loose and isinstance(value, str):
        return value.strip().casefold() in schema.choices
    return value in schema.choices


def _date(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return []
    quotes = "" if syntax.loose else ", without quotes"
    return [Problem(path, date_problem(value) + quotes)]


def date_problem(value: object) -> str:
    """Why ``value`` is not a date, with the YYYY-MM-DD form to write where it can tell."""
    if isinstance(value, dt.datetime):
        return (
            f"{value.isoformat(sep=' ')} is a date and a time; write the date alone, "
            f"{value.date().isoformat()}"
        )
    text = str(value).strip()
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            iso = dt.date(year, month, day).isoformat()
        except ValueError:
            return f"{text} is not a date that exists; write a real date as YYYY-MM-DD"
        return f"write {text} as {iso} (YYYY-MM-DD), so that it cannot be read the wrong way"
    return f"not a date ({value!r}); write it as YYYY-MM-DD"


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


def _file(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
    problems = _text(value, schema, path, syntax, characters=False)  # a name's own message
    if problems or not isinstance(value, str):
        return problems
    problem = name_problem(value)
    return [Problem(path, f"{shortened(value)!r} {problem}")] if problem else []


def _files(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
    problems = _texts(value, schema, path, syntax, characters=False)
    if problems or not isinstance(value, list):
        return problems
    for index, written in enumerate(value):
        problem = name_problem(written)
        if problem:
            problems.append(Problem((*path, index), f"{shortened(written)!r} {problem}"))
    return problems


def _text(
    value: object, schema: Field, path: Path, syntax: Syntax, characters: bool = True
) -> list[Problem]:
    if _is_text(value, syntax):
        return _characters(value, path) if characters else []
    if isinstance(value, str):
        return [_empty(schema, path, syntax)]
    return [Problem(path, f"must be {syntax.text}" + _example(schema, path, syntax))]


def _characters(value: object, path: Path) -> list[Problem]:
    """A text holding a character a Word document cannot carry (a control character written
    as an escape such as \\u0007, U+FFFE) is one problem."""
    bad = CONTROL.search(value) if isinstance(value, str) else None
    return [Problem(path, control_problem(bad.group()))] if bad else []


def _texts(
    value: object, schema: Field, path: Path, syntax: Syntax, characters: bool = True
) -> list[Problem]:
    """Each entry that is not text, at its own path (so at its own line)."""
    if not isinstance(value, list):
        return [Problem(path, f"must be a list of {syntax.text}" + _example(schema, path, syntax))]
    problems = []
    for index, item in enumerate(value):
        if _is_text(item, syntax):
            problems.extend(_characters(item, (*path, index)) if characters else [])
            continue
        if item is None or isinstance(item, str):
            problems.append(Problem((*path, index), "is empty; write it, or remove the entry"))
        else:
            wrong = f"must be {syntax.text}" + _example(schema, path, syntax)
            problems.append(Problem((*path, index), wrong))
    return problems


def _text_or_texts(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
    if isinstance(value, list):
        return _texts(value, schema, path, syntax)
    return _text(value, schema, path, syntax)


def _months(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
    if isinstance(value, list) and all(isinstance(v, str) and MONTH.match(v) for v in value):
        return []
    return [Problem(path, "must be a list of months as YYYY-MM" + _example(schema, path, syntax))]


def _table(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
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
            what = syntax.top if not path else "key"
            problems.append(Problem((*path, str(key)), f"unknown {what}; {hint}"))
    for name, sub in fields.items():
        if name not in value:
            if sub.required and name not in suggested:
                problems.append(Problem((*path, name), _missing(sub, name, syntax)))
            continue
        if value[name] is None and syntax.loose and not sub.required:
            continue  # "key:" with nothing after it, in YAML: as if left out
        problems.extend(validate(value[name], sub, (*path, name), syntax))
    return problems


def _missing(schema: Field, name: str, syntax: Syntax) -> str:
    if schema.hint:
        return f"missing; {schema.hint}"
    if schema.example:
        return f"missing; add it, for example  {name}{syntax.assign}{schema.example}"
    return "missing; add it"


def _array(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
    if not isinstance(value, list) or not value:
        return [Problem(path, f"missing; {schema.hint}" if schema.hint else "must be a list")]
    assert schema.item is not None
    problems = []
    for index, entry in enumerate(value):
        problems.extend(validate(entry, schema.item, (*path, index), syntax))
    return problems


def _map(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
    hint = f"; {schema.hint}" if schema.hint else ""
    if not isinstance(value, dict):
        return [Problem(path, "must be a table" + hint)]
    if schema.required and not value:
        return [Problem(path, "missing" + hint)]
    assert schema.item is not None
    problems = []
    for key, entry in value.items():
        problems.extend(validate(entry, schema.item, (*path, key), syntax))
    return problems


_CHECKS = {
    "text": _text,
    "texts": _texts,
    "text_or_texts": _text_or_texts,
    "file": _file,
    "files": _files,
    "date": _date,
    "number": lambda value, schema, path, syntax: (
        []
        if _is_number(value, schema)
        else [
            Problem(
                path,
                "must be a number" + _range(schema) + _example(schema, path, syntax),
            )
        ]
    ),
    "integer": _scalar(
        lambda v, s, syntax: isinstance(v, int) and not isinstance(v, bool) and _is_number(v, s),
        "must be a whole number{minimum}",
    ),
    "boolean": _scalar(lambda v, s, syntax: isinstance(v, bool), "must be true or false"),
    "choice": _scalar(_is_choice, "{value!r} is not one of: {choices}"),
    "colour": _scalar(
        lambda v, s, syntax: isinstance(v, str) and bool(HEX_COLOUR.match(v)),
        '{value!r} is not a colour like "#12436D"',
    ),
    "months": _months,
    "parts": _scalar(
        lambda v, s, syntax: (
            v in ("districts", "divisions")
            or (isinstance(v, list) and bool(v) and all(_is_text(p, syntax) for p in v))
        ),
        'must be "districts", "divisions" or a list of the rows it adds up',
    ),
    "table": _table,
    "array": _array,
    "map": _map,
}
