"""The same fact in two tables must have one value.

A fact is a count for an area, a measure and a period. Crime-by-type and activity tables give
the council's area for the two periods of ``[periods]``; district tables give every row (and
total) for each of their periods; a monthly series gives, for any twelve-month period another
table names, the sum of its months. Areas match case-insensitively and through ``[aliases]``
("Maidstone Borough" = "Maidstone"); measures match case-insensitively; periods match by the
months they cover ("Oct 2024 - Sep 2025" is "October 2024 to September 2025"; "2024/25" is the
financial year April to March), or else by their text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from .built import CountTable, CrimeTree, SpcSeries
from .district_rows import DistrictTable
from .periods import period_key


@dataclass(frozen=True)
class Fact:
    """One count as a table gives it, and where."""

    area: str
    measure: str
    period: str
    value: object
    where: str  # the table's file (and sheet)
    line: int | None


def facts_of(figures, config) -> list[Fact]:
    """Every fact the figures state that another table may state too, in the tables' order
    (a measure only one table names cannot disagree: a 400,000-row table is not made into
    800,000 facts to find that out)."""
    area = config.area
    facts: list[Fact] = []
    labels = {figures.previous, figures.current}
    shared = _shared_measures(figures)
    for kind, cls in (("crime_by_type", CrimeTree), ("activity", CountTable)):
        for spec, counts in figures.of_kind(kind, cls):
            for figure in counts.table:
                if figure.name.casefold() in shared:
                    facts += _pair(area, figure, figures, spec.source.name())
    for spec, districts in figures.of_kind("districts", DistrictTable):
        labels.update(districts.periods)
        for row in districts.layout:
            if row.line is None:
                continue  # worked out here, so it agrees with its parts
            for period, value in zip(districts.periods, row.counts, strict=True):
                facts.append(
                    Fact(row.name, districts.measure, period, value, spec.source.name(), row.line)
                )
    for spec, series in figures.of_kind("monthly", SpcSeries):
        where = spec.source.name()
        months = dict(zip(series.months, series.values, strict=True))
        for label in sorted(labels):
            key = period_key(label)
            if ".." not in key:
                continue
            covered = _months(*key.split(".."))
            if len(covered) == 12 and all(m in months for m in covered):
                total = sum(months[m] for m in covered)
                facts.append(
                    Fact(
                        str(spec.options.get("area", area)),
                        series.measure,
                        label,
                        total,
                        where,
                        None,
                    )
                )
    return facts


def _shared_measures(figures) -> set[str]:
    """The measures (folded) that more than one table names."""
    named = [
        {figure.name.casefold() for figure in table.table}
        for kind, cls in (("crime_by_type", CrimeTree), ("activity", CountTable))
        for _, table in figures.of_kind(kind, cls)
    ]
    named += [{d.measure.casefold()} for _, d in figures.of_kind("districts", DistrictTable)]
    named += [{s.measure.casefold()} for _, s in figures.of_kind("monthly", SpcSeries)]
    shared: set[str] = set()
    for index, names in enumerate(named):
        for other in named[index + 1 :]:
            shared |= names & other
    return shared


def _pair(area: str, figure, figures, where: str) -> list[Fact]:
    return [
        Fact(area, figure.name, figures.previous, figure.previous, where, figure.line),
        Fact(area, figure.name, figures.current, figure.current, where, figure.line),
    ]


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    result: list[str] = []
    while f"{year}-{month:02d}" <= last and len(result) < 13:
        result.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def disagreements(facts: list[Fact], aliases: dict[str, str]) -> list[InputError]:
    """A warning for each fact given two values, naming both tables and the first's line."""
    folded = {k.casefold(): v for k, v in aliases.items()}
    seen: dict[tuple[str, str, str], Fact] = {}
    problems = []
    for fact in facts:
        area = folded.get(fact.area.casefold(), fact.area).casefold()
        key = (area, fact.measure.casefold(), period_key(fact.period))
        first = seen.setdefault(key, fact)
        if first is fact or first.value == fact.value or first.where == fact.where:
            continue
        problems.append(
            InputError(
                f"{first.measure} for {first.area} ({first.period}) is {first.value:,} here "
                f"but {fact.value:,} in {fact.where}"
                + (f" (line {fact.line})" if fact.line else "")
                + "; correct one of them",
                first.where,
                first.line,
            )
        )
    return problems


def parts_over_the_whole(figures) -> list[InputError]:
    """A warning for a ward table whose wards add up to more crimes, in either period, than
    the crime-by-type table's total: the two are not of the same area and period (or one
    was extracted long after the other)."""
    totals = [
        (spec, total)
        for spec, tree in figures.of_kind("crime_by_type", CrimeTree)
        for total in tree.totals
    ]
    if not totals:
        return []
    whole_spec, whole = totals[0]
    problems = []
    for spec, wards in figures.of_kind("wards", CountTable):
        for period, label in (("previous", figures.previous), ("current", figures.current)):
            part, total = getattr(wards.total, period), getattr(whole, period)
            if part > total:
                problems.append(
                    InputError(
                        f"the wards add up to {part:,} crimes in {label}, more than the "
                        f"{total:,} of {whole.name} in {whole_spec.source.name()}"
                        + (f" (line {whole.line})" if whole.line else "")
                        + "; check that both tables are for the same area and period",
                        spec.source.name(),
                    )
                )
    return problems
