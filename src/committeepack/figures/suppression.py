"""Small-number suppression applied to the built tables (the rules are in :mod:`.disclosure`):
each table's sums are declared here, as the papers print them."""

from __future__ import annotations

from .built import CountTable, CrimeTree
from .disclosure import Disclosure, suppress
from .district_rows import DistrictTable
from .model import Figure

PERIODS = ("previous", "current")
NONE: frozenset[str] = frozenset()


def apply_disclosure(figures, rule: Disclosure) -> None:
    """Mark the hidden cells of every printed table, and give each figure the rule."""
    for _, crime in figures.of_kind("crime_by_type", CrimeTree):
        _crime(crime, rule)
    for kind in ("wards", "reasons", "activity"):
        for _, counts in figures.of_kind(kind, CountTable):
            _counts(counts, rule, with_total=kind != "activity")
    for _, districts in figures.of_kind("districts", DistrictTable):
        _districts(districts, rule)


def _hide(figure: Figure, hidden: set, rule: Disclosure, key: str | None = None) -> Figure:
    """The figure with its hidden periods (its cells keyed by ``key``, else its name)."""
    periods = frozenset(p for p in PERIODS if (key or figure.name, p) in hidden) if hidden else NONE
    if periods == figure.hidden and rule == figure.rule:
        return figure  # most figures of a large table: no copy made
    # made directly: dataclasses.replace looks the fields up again for each of thousands
    return Figure(
        figure.name, figure.previous, figure.current, figure.table, figure.line, periods, rule
    )


def _crime(crime: CrimeTree, rule: Disclosure) -> None:
    values = {(n, p): getattr(row.figure, p) for n, row in crime.tree.items() for p in PERIODS}
    sums = [
        ((name, p), [(child, p) for child in row.children])
        for name, row in crime.tree.items()
        if row.children
        for p in PERIODS
    ]
    hidden = suppress(values, sums, rule)
    for name, row in crime.tree.items():
        row.figure = _hide(row.figure, hidden, rule)
        crime.table.figures[name] = row.figure


def _counts(counts: CountTable, rule: Disclosure, with_total: bool) -> None:
    figures = counts.table.figures
    total = "\0total"  # \0: no row's name
    hidden = {(total, p) for p in PERIODS if rule.hides(getattr(counts.total, p))}
    if rule.below:  # written out: a table of 400,000 rows is looked at here
        below = rule.below
        hidden.update((n, "previous") for n, f in figures.items() if 0 < f.previous < below)
        hidden.update((n, "current") for n, f in figures.items() if 0 < f.current < below)
    if hidden and with_total:  # a printed total: hide enough others that none can be worked out
        values = {(n, p): getattr(f, p) for n, f in figures.items() for p in PERIODS}
        values.update({(total, p): getattr(counts.total, p) for p in PERIODS})
        hidden = suppress(values, [((total, p), [(n, p) for n in figures]) for p in PERIODS], rule)
    # the builder gave every figure the rule: only those with a hidden cell change
    for name in {name for name, _ in hidden if name != total}:
        figures[name] = _hide(figures[name], hidden, rule)
    counts.total = _hide(counts.total, hidden, rule, key=total)


def _districts(table: DistrictTable, rule: Disclosure) -> None:
    rows = table.layout
    periods = range(len(table.periods))
    values = {(id(r), i): r.counts[i] for r in rows for i in periods}
    by_name = {r.name.casefold(): r for r in rows}
    sums = []
    for row in rows:
        parts = [by_name[p.casefold()] for p in row.parts if p.casefold() in by_name]
        if parts:
            sums += [((id(row), i), [(id(p), i) for p in parts]) for i in periods]
    hidden = suppress(values, sums, rule)
    for row in rows:
        row.hidden = {i for i in periods if (id(row), i) in hidden}
        row.rule = rule
