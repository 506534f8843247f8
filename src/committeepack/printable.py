"""What may be printed into a paper: text, numbers and dates; never a Python value's insides.

Jinja's ``finalize`` hook passes every ``{{ value }}`` of narrative and templates through
:func:`finalize`. A group of facts, a table, a list, ``None`` or ``nan`` printed bare would put
``Meeting(date=datetime.date(...))`` or ``None`` into a published paper; instead it raises
:class:`NotText`, which the renderer turns into an error naming the line and the fields to use.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from decimal import Decimal
from fractions import Fraction

from jinja2 import Undefined
from markupsafe import Markup

from .file_names import shortened

# Markdown's marks in a value printed into narrative: escaped (CommonMark lets any ASCII
# punctuation be), so that a partnership named "Safer *North*", a category "Theft_other" or a
# cell holding "[text](address)" or "<b>" reads in the paper as it was typed, never as
# emphasis, a link or HTML the author did not write.
INLINE_MARKS = re.compile(r"[\\`*_\[\]<>!~|&#{}]")
# what opens a list, a heading underline or a numbered item where a value starts a line
BLOCK_START = re.compile(r"^[-+=]|^\d{1,9}(?=[.)])")
LINE_BREAKS = re.compile(r"\s*[\r\n]\s*")  # a value's lines would start new blocks
LEADING_SPACE = re.compile(r"^\s+")  # four or more would start a block of code


class NotText(Exception):
    """A value that is not text was printed with ``{{ }}``."""

    def __init__(self, value: object):
        super().__init__(type(value).__name__)
        self.value = value


def finalize(value: object) -> object:
    """``value`` if it prints as text (a date as ``2 June 2026``), else :class:`NotText`."""
    if isinstance(value, Undefined):
        return value  # printing it raises Jinja's own error, which names the missing name
    if isinstance(value, bool) or value is None:
        raise NotText(value)
    if isinstance(value, str | int | Fraction | Decimal | Markup):
        return value
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise NotText(value)
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value.day} {value:%B %Y}"
    kind = type(value)
    if kind.__module__.startswith("docxtpl"):  # subdocuments, rich text and pictures
        return value
    if kind.__module__.startswith("committeepack") and kind.__str__ is not object.__str__:
        return value  # a figure or a person: made to be printed
    raise NotText(value)


class MarkInValue(NotText):
    """A value printed into narrative holds a mark a paper would show as typed (``**``)."""

    def __init__(self, value: str, mark: str):
        super().__init__(value)
        self.mark = mark


def finalize_markdown(value: object) -> object:
    """:func:`finalize`, then the text as :func:`markdown_text`: for narrative, which is
    Markdown once Jinja has filled it in. A value holding a mark that democratic services
    send back (``**``, ``~~``, ``{{``) is :class:`MarkInValue`, named as the value's, not as
    a mark the author left unclosed."""
    from .markdown_parse import CLOSERS, OPENERS

    shown = finalize(value)
    if isinstance(shown, Undefined):
        return shown
    text = str(shown)
    mark = next((m for m in (*OPENERS, *CLOSERS) if m in text), None)
    if mark is not None:
        raise MarkInValue(text, mark)
    return markdown_text(text)


def markdown_text(text: str) -> str:
    """``text`` written so that Markdown reads it as that text: its marks escaped, its line
    breaks as spaces."""
    text = LEADING_SPACE.sub(" ", LINE_BREAKS.sub(" ", text))
    text = INLINE_MARKS.sub(r"\\\g<0>", text)
    start = BLOCK_START.search(text.lstrip())
    if start is None:
        return text
    at = len(text) - len(text.lstrip()) + (start.end() if start.group().isdigit() else 0)
    return text[:at] + "\\" + text[at:]


EXPRESSION = re.compile(r"\{\{-?\s*(.+?)\s*-?\}\}")


def explain(error: NotText, source_line: str) -> str:
    """The message for ``error``, naming the expression found on ``source_line``."""
    found = EXPRESSION.findall(source_line)
    name = found[0] if len(found) == 1 else "the value"
    value = error.value
    if isinstance(error, MarkInValue):
        what = f"{{{{ {name} }}}} prints" if len(found) == 1 else "a value printed here is"
        return (
            f"{what} '{shortened(str(value), 60)}', which holds '{error.mark}': the paper "
            "would show it as typed; take it out of the value where it is written "
            "(committeepack.toml or its table)"
        )
    if value is None:
        return f"{{{{ {name} }}}} has no value here (None); check the name, or leave it out"
    if isinstance(value, bool):
        return f"{{{{ {name} }}}} is true or false, not text; use it in {{% if {name} %}}"
    if isinstance(value, float):
        return f"{{{{ {name} }}}} is not a number ({value}); check the figures it comes from"
    rows = getattr(value, "figures", None)
    if isinstance(rows, dict):
        first = next(iter(rows), "ROW")
        return (
            f'{name} is a table of figures; use one row, for example  {name}["{first}"] or '
            f'{name}["{first}"].change'
        )
    if dataclasses.is_dataclass(value):
        fields = [f.name for f in dataclasses.fields(value)][:4]
        return f"{name} is a group of facts; use {_either([f'{name}.{f}' for f in fields])}"
    if isinstance(value, dict):
        keys = list(value)[:3]
        return f"{name} is a group of entries; use one of them: {_either([f'{name}.{k}' for k in keys])}"
    if isinstance(value, list | tuple):
        return f"{name} is a list; print its items with {{% for item in {name} %}}...{{% endfor %}}"
    if isinstance(value, dt.datetime):
        return f"{name} is a date and time; print {name}.date() or use the long_date filter"
    return f"{name} cannot be printed as text ({type(value).__name__}); use one of its fields"


def _either(options: list[str]) -> str:
    return options[0] if len(options) == 1 else ", ".join(options[:-1]) + " or " + options[-1]
