"""A declarative schema for user inputs, and the validator that checks a value against it.

A :class:`Field` says what a key holds (text, a date, a table of named fields, an array of
such tables, a map of keys to values), whether it is required, and a real example of a good
value. :func:`validate` walks a parsed value and returns every problem, each with the path of
the key it is about, so the caller can name the file and line. Unknown keys are problems too,
with the nearest valid key suggested.

The same schema checks ``committeepack.toml`` and the narratives' YAML front matter; a
:class:`Syntax` says how each file writes values, for the examples in messages and for what
an unquoted YAML value may be. The vocabulary is in :mod:`.schema_types`, the checks of single
values in :mod:`.schema_values`; here, the walk through tables, arrays and maps.
"""

from __future__ import annotations

import difflib
import re

from .schema_types import (
    TITLE_LONGEST,
    TOML,
    YAML,
    Field,
    Problem,
    Syntax,
    empty_problem,
    example_text,
    range_text,
    scalar_check,
    shown,
)
from .schema_values import (
    check_date,
    check_file,
    check_files,
    check_months,
    check_text,
    check_text_or_texts,
    check_texts,
    is_choice,
    is_number,
    is_text,
)
from .toml_lines import Path

# the vocabulary, for the modules that declare and check their inputs
__all__ = [
    "HEX_COLOUR",
    "TITLE_LONGEST",
    "TOML",
    "YAML",
    "Field",
    "Problem",
    "Syntax",
    "shown",
    "validate",
]

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def validate(value: object, schema: Field, path: Path = (), syntax: Syntax = TOML) -> list[Problem]:
    """Every problem of ``value`` against ``schema``, as ``syntax`` writes values."""
    check = _CHECKS.get(schema.kind)
    if check is None:  # pragma: no cover - a mistake in a schema, not in an input
        raise AssertionError(schema.kind)
    if value is None and syntax.loose:  # "key:" with nothing after it, in YAML
        return [empty_problem(schema, path, syntax)]
    return check(value, schema, path, syntax)


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
    "text": check_text,
    "texts": check_texts,
    "text_or_texts": check_text_or_texts,
    "file": check_file,
    "files": check_files,
    "date": check_date,
    "number": lambda value, schema, path, syntax: (
        []
        if is_number(value, schema)
        else [
            Problem(
                path,
                "must be a number" + range_text(schema) + example_text(schema, path, syntax),
            )
        ]
    ),
    "integer": scalar_check(
        lambda v, s, syntax: isinstance(v, int) and not isinstance(v, bool) and is_number(v, s),
        "must be a whole number{minimum}",
    ),
    "boolean": scalar_check(lambda v, s, syntax: isinstance(v, bool), "must be true or false"),
    "choice": scalar_check(is_choice, "{value!r} is not one of: {choices}"),
    "colour": scalar_check(
        lambda v, s, syntax: isinstance(v, str) and bool(HEX_COLOUR.match(v)),
        '{value!r} is not a colour like "#12436D"',
    ),
    "months": check_months,
    "parts": scalar_check(
        lambda v, s, syntax: (
            v in ("districts", "divisions")
            or (isinstance(v, list) and bool(v) and all(is_text(p, syntax) for p in v))
        ),
        'must be "districts", "divisions" or a list of the rows it adds up',
    ),
    "table": _table,
    "array": _array,
    "map": _map,
}
