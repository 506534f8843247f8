"""Columns found by what their headings say, where published tables word a heading their own
way: a table's % change and difference ("% change on previous year", "Change 2023/24 to
2024/25", "Difference (%)"), and a county table's population ("Population (mid-2023)") and
published rate ("Crimes per 1,000 population").

A heading is taken for a comparison's column when it starts with the words of one ("%
change", "percentage difference", "change", "numeric change", "+/-") and any words after them
only describe the comparison: every number in them is one of the table's own periods' (a year
of "2023/24", of "Oct 2023 - Sep 2024") and none speaks of a rate. "% change since 2019/20",
"% change over 5 years" and "Change in rate per 1,000" compare something else and are left
alone. A population is a heading with the word "population" that is not a rate's; a rate is
one "per 1,000" (committeepack's rates are per 1,000 residents: a rate per 100,000 is not
taken for one) that is not a change. A table with two headings of one kind (neither exactly
the usual one) has neither taken: committeepack cannot tell which one is meant.
"""

from __future__ import annotations

import re

PERCENT = "percent"
DIFFERENCE = "difference"
POPULATION = "population"
RATE = "rate"

_PERCENT_WORD = r"(?:%|percent|percentage|pct\.?|per cent)"
_CHANGE_WORD = r"(?:change|difference|diff\.?|variance|\+/-|\+ or -)"
_QUALIFIER = r"(?:numeric|numerical|number|actual|absolute|volume|count)"
# a heading key (folded, spaces single: :func:`.headings.heading_key`) of such a column
_HEADING = re.compile(
    rf"(?P<percent_first>{_PERCENT_WORD}\s*)?(?:{_QUALIFIER}\s+)?{_CHANGE_WORD}"
    rf"(?P<percent_after>\s*\(\s*%\s*\)|\s*%|\s+{_PERCENT_WORD}\b)?(?P<rest>[\s(:,-].*)?"
)
_PERCENT_IN_REST = re.compile(rf"(?:^|[\s(]){_PERCENT_WORD}(?:$|[\s)])|\(%\)|%")
_RATE = re.compile(r"\b(?:rate|rates|per)\b")
_NUMBER = re.compile(r"\d+")


def comparison_kind(key: str, periods: list[str]) -> str | None:
    """:data:`PERCENT` or :data:`DIFFERENCE` when the heading ``key`` is that of a column
    comparing the periods named ``periods``; else None."""
    found = _HEADING.fullmatch(key)
    if found is None:
        return None
    rest = found.group("rest") or ""
    if _RATE.search(rest) or not _numbers_are_periods(rest, periods):
        return None
    percent = found.group("percent_first") or found.group("percent_after")
    return PERCENT if percent or _PERCENT_IN_REST.search(rest) else DIFFERENCE


_POPULATION = re.compile(r"\bpop(?:ulation|\.)?(?:\s|$|\()")
_PER_THOUSAND = re.compile(r"\bper\s*(?:1,?000|thousand)\b|^(?:crime\s+)?rate$")
_CHANGE = re.compile(rf"{_PERCENT_WORD}|\b{_CHANGE_WORD}|\brank")


def heading_kind(key: str, periods: list[str]) -> str | None:
    """What the heading ``key`` (:func:`.headings.heading_key`) says its column holds: a
    comparison (:func:`comparison_kind`), :data:`POPULATION` or :data:`RATE`; else None."""
    compared = comparison_kind(key, periods)
    if compared is not None:
        return compared
    if _CHANGE.search(key):
        return None
    if _PER_THOUSAND.search(key):
        return RATE if _only(key, RATE_WORDS) else None  # not per 1,000 households
    if _POPULATION.search(key) and not _RATE.search(key) and _only(key, POPULATION_WORDS):
        return POPULATION  # not "Population density", "Population aged 10-17"
    return None


# the words a population's heading may add to say when and whose it is, and a rate's to say
# what it is of: any other word names something else (density, an age, households)
POPULATION_WORDS = frozenset(
    {"population", "pop", "mid", "year", "estimate", "estimates", "est", "resident", "residents"}
    | {"usual", "usually", "total", "all", "persons", "people", "census", "ons", "of", "the"}
)
RATE_WORDS = frozenset(
    {"rate", "crime", "crimes", "offences", "offence", "incidents", "recorded", "per", "thousand"}
    | {"population", "pop", "residents", "resident", "people", "persons", "head", "of", "the"}
)


def _only(key: str, words: frozenset[str]) -> bool:
    """Whether every word of the heading ``key`` is one of ``words`` (numbers aside)."""
    return set(re.findall(r"[a-z]+", key)) <= words


def another_measure(key: str, name: str) -> bool:
    """Whether the heading ``key`` names a change, a rank or (for a column other than
    ``rate``) a rate: not the column ``name`` whatever words it shares with it."""
    return bool(_CHANGE.search(key) or (name != "rate" and _RATE.search(key)))


_PER_OTHER = re.compile(r"\bper\s*(\d{1,3}(?:,\d{3})+|\d+)\b")


def rate_base(key: str) -> int | None:
    """How many residents the rate a heading names is per ("Rate per 100,000": 100000), when
    it names one; None otherwise."""
    found = _PER_OTHER.search(key)
    return None if found is None else int(found.group(1).replace(",", ""))


def described(keys: list[str], kind: str, periods: list[str]) -> str | None:
    """The one heading key of ``keys`` that :func:`heading_kind` takes for ``kind``; None
    where none is, or more than one."""
    found = {key for key in keys if heading_kind(key, periods) == kind}
    return found.pop() if len(found) == 1 else None


def _numbers_are_periods(text: str, periods: list[str]) -> bool:
    """Whether every number in ``text`` is one of the periods' (a four-digit year of theirs may
    be written with two: "23/24" for "2023/24")."""
    years = {n for period in periods for n in _NUMBER.findall(period)}
    years |= {n[-2:] for n in years if len(n) == 4}
    return all(n in years for n in _NUMBER.findall(text))
