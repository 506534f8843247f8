"""The schema's checks of single values: text (and the characters a Word document cannot
carry), file names, dates, numbers and months, each returning the problems of a value."""

from __future__ import annotations

import datetime as dt
import math
import re

from .characters import CONTROL, control_problem
from .file_names import name_problem, shortened
from .schema_types import Field, Problem, Syntax, empty_problem, example_text
from .toml_lines import Path

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def is_text(value: object, syntax: Syntax) -> bool:
    """Whether ``value`` is text that is not blank (in YAML, a bare number too)."""
    if syntax.loose and isinstance(value, int | float) and not isinstance(value, bool):
        return True  # "year: 2026" in YAML
    return isinstance(value, str) and bool(value.strip())


def is_choice(value: object, schema: Field, syntax: Syntax) -> bool:
    """Whether ``value`` is one of the key's choices (in YAML, in any case)."""
    if syntax.loose and isinstance(value, str):
        return value.strip().casefold() in schema.choices
    return value in schema.choices


def check_date(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
    """A date, and a date alone (YYYY-MM-DD; in TOML without quotes)."""
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


def is_number(value: object, schema: Field) -> bool:
    """Whether ``value`` is a number within the key's range."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False  # TOML's inf and nan: no figure or setting is either
    low, high = schema.minimum, schema.maximum
    return (low is None or value >= low) and (high is None or value <= high)


def check_file(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
    """Text naming a file as every computer reads it."""
    problems = check_text(value, schema, path, syntax, characters=False)  # a name's own message
    if problems or not isinstance(value, str):
        return problems
    problem = name_problem(value)
    return [Problem(path, f"{shortened(value)!r} {problem}")] if problem else []


def check_files(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
    """A list of file names, each as :func:`check_file` takes it."""
    problems = check_texts(value, schema, path, syntax, characters=False)
    if problems or not isinstance(value, list):
        return problems
    for index, written in enumerate(value):
        problem = name_problem(written)
        if problem:
            problems.append(Problem((*path, index), f"{shortened(written)!r} {problem}"))
    return problems


def check_text(
    value: object, schema: Field, path: Path, syntax: Syntax, characters: bool = True
) -> list[Problem]:
    """Text that is not blank, without a character a Word document cannot carry (unless
    ``characters`` is off: a file name has its own message)."""
    if is_text(value, syntax):
        return _length(value, schema, path) + (check_characters(value, path) if characters else [])
    if isinstance(value, str):
        return [empty_problem(schema, path, syntax)]
    return [Problem(path, f"must be {syntax.text}" + _colon(value, syntax, schema, path))]


def _colon(value: object, syntax: Syntax, schema: Field, path: Path) -> str:
    """What follows "must be text": for unquoted YAML text holding a colon and a space (which
    YAML reads as a key and its value), the text in quotes; else the schema's example."""
    if syntax.loose and isinstance(value, dict) and len(value) == 1:
        [(key, after)] = value.items()
        if isinstance(key, str) and isinstance(after, str | int | float):
            written = f"{key}: {after}".replace("'", "''")
            return (
                "; a colon followed by a space makes YAML read a key and its value, so put "
                f"the whole text in quotes:  '{shortened(written)}'"
            )
    return example_text(schema, path, syntax)


def check_characters(value: object, path: Path) -> list[Problem]:
    """A text holding a character a Word document cannot carry (a control character written
    as an escape such as \\u0007, U+FFFE) is one problem."""
    bad = CONTROL.search(value) if isinstance(value, str) else None
    return [Problem(path, control_problem(bad.group()))] if bad else []


def check_texts(
    value: object, schema: Field, path: Path, syntax: Syntax, characters: bool = True
) -> list[Problem]:
    """Each entry that is not text, at its own path (so at its own line)."""
    if not isinstance(value, list):
        return [
            Problem(path, f"must be a list of {syntax.text}" + example_text(schema, path, syntax))
        ]
    problems = []
    for index, item in enumerate(value):
        if is_text(item, syntax):
            problems.extend(_length(item, schema, (*path, index)))
            problems.extend(check_characters(item, (*path, index)) if characters else [])
            continue
        if item is None or isinstance(item, str):
            problems.append(Problem((*path, index), "is empty; write it, or remove the entry"))
        else:
            wrong = f"must be {syntax.text}" + _colon(item, syntax, schema, path)
            problems.append(Problem((*path, index), wrong))
    return problems


def _length(value: object, schema: Field, path: Path) -> list[Problem]:
    """Text longer than the key holds: a whole document pasted into a title."""
    if not isinstance(value, str) or len(value) <= schema.longest:
        return []
    return [
        Problem(
            path,
            f"is {len(value):,} characters long; write it in at most {schema.longest:,}",
        )
    ]


def check_text_or_texts(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
    """One text, or a list of texts."""
    if isinstance(value, list):
        return check_texts(value, schema, path, syntax)
    return check_text(value, schema, path, syntax)


def check_months(value: object, schema: Field, path: Path, syntax: Syntax) -> list[Problem]:
    """A list of months written YYYY-MM."""
    if isinstance(value, list) and all(isinstance(v, str) and MONTH.match(v) for v in value):
        return []
    return [
        Problem(path, "must be a list of months as YYYY-MM" + example_text(schema, path, syntax))
    ]
