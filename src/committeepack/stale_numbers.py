"""Numbers typed into narrative that the figures already hold.

``9,410`` typed by hand is true today and wrong after the next data refresh; the expression
``{{ crime["All crime"].previous }}`` stays true. Each hand-typed count of 100 or more (or
written with a thousands separator) and each percentage that equals a figure the project holds
is a warning naming the file, the line and the expression to write instead. Years, dates,
paragraph numbers and text inside ``{{ }}`` or ``{% %}`` are not numbers a reader compares.
"""

from __future__ import annotations

import re
from fractions import Fraction

from .errors import InputError
from .figures import compute
from .figures.built import CountTable, CrimeTree
from .figures.district_rows import DistrictTable
from .frontmatter import JINJA_TAGS

LINK = re.compile(r"\]\([^)]*\)")
NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%?)(?![\w/-]|\.\d|,\d)")
DATE_WORDS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.I)


def expressions(figures, wanted: set[str]) -> dict[str, str]:
    """What each figure prints as, mapped to the expression that prints it (the first table
    to hold a value wins): counts (``9,410``) and % changes (``12.7%``), for the texts in
    ``wanted`` only (those typed in the narrative: a table of 400,000 rows is then a cheap
    scan, not 400,000 sentences)."""
    found: dict[str, str] = {}
    counts = {int(text.replace(",", "")) for text in wanted if not text.endswith("%")}
    tenths = {
        round(float(text[:-1]) * 10) for text in wanted if text.endswith("%")
    }  # a float only to pick out candidates; each is then compared exactly

    def add(text: str, expression: str) -> None:
        found.setdefault(text, expression)

    for kind, cls in (
        ("crime_by_type", CrimeTree),
        ("activity", CountTable),
        ("wards", CountTable),
        ("reasons", CountTable),
    ):
        for spec, built in figures.of_kind(kind, cls):
            for figure in built.table:
                name = f'{spec.name}["{figure.name}"]'
                for period in ("previous", "current"):
                    value = getattr(figure, period)
                    if value in counts and period not in figure.hidden and _worth_checking(value):
                        add(_count(value), f"{name}.{period}")
                if tenths and _near(figure.previous, figure.current, tenths):
                    change = compute.percent_change(figure.previous, figure.current)
                    if change is not None and figure.charted and change != 0:
                        add(
                            compute.format_fixed(abs(change), 1) + "%",
                            f'{name}.change }}}} ("{figure.change}") {{{{',
                        )
    for spec, districts in figures.of_kind("districts", DistrictTable):
        for row in districts.rows:
            if row.highlight and len(row.counts) > 1:
                name = f'{spec.name}["{row.name}"]'
                for period, value in zip(("previous", "current"), row.counts[-2:], strict=True):
                    if value in counts and _worth_checking(value):
                        add(_count(value), f"{name}.{period}")
    return found


def _near(previous, current, tenths: set[int]) -> bool:
    """Whether the % change from ``previous`` to ``current``, in tenths, may be one of
    ``tenths`` (within the float's error of one)."""
    if not previous:
        return False
    change = round(abs(float(current) - float(previous)) / float(previous) * 1000)
    return bool({change - 1, change, change + 1} & tenths)


def _worth_checking(value) -> bool:
    return value == int(value) and value >= 100


def _count(value) -> str:
    return f"{int(value):,}"


def typed_numbers(body: str) -> list[tuple[int, str, str]]:
    """Each hand-typed number of ``body`` a figure might print: (line offset, as typed, as a
    figure would print it)."""
    found = []
    for offset, line in enumerate(JINJA_TAGS.sub(lambda m: " " * len(m.group()), body).split("\n")):
        text = LINK.sub("", line)
        for match in NUMBER.finditer(text):
            whole, decimals, percent = match.groups()
            if not percent and not decimals and "," not in whole:
                value = int(whole)
                before = text[: match.start()]
                if value < 100 or (1900 <= value <= 2100) or DATE_WORDS.search(before):
                    continue
            if percent:
                shown = (
                    compute.format_fixed(Fraction(whole.replace(",", "") + (decimals or "")), 1)
                    + "%"
                )
            elif not decimals:
                shown = _count(int(whole.replace(",", "")))
            else:
                continue  # a decimal that is not a percentage: a rate, stated its own way
            found.append((offset, match.group(), shown))
    return found


def stale_numbers(path: str, body: str, first_line: int, known: dict[str, str]) -> list[InputError]:
    """A warning for each hand-typed number in ``body`` that a figure prints."""
    problems = []
    for offset, typed, shown in typed_numbers(body):
        expression = known.get(shown)
        if expression:
            code, _, said = expression.partition(" }} ")
            said = said.removesuffix(" {{")
            problems.append(
                InputError(
                    f"{typed} is typed by hand, and a figure prints it; write "
                    f"{{{{ {code} }}}}{' ' + said if said else ''} so that it stays true "
                    "when the figures change",
                    path,
                    first_line + offset,
                )
            )
    return problems
