"""The builders of the figures stage: one per kind of table, each turning checked rows into
figures (a crime tree with its sub-category sums, ranked districts, an SPC series...).

Each builder takes the rows, the table's declaration, the configuration and the lists to
append errors and warnings to, and returns what the papers read.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from itertools import repeat
from typing import TYPE_CHECKING

from ..errors import ConfigError
from . import compute, spc, spc_text
from .built import (
    Action,
    ActionList,
    CountTable,
    MorileRow,
    MorileTable,
    SpcSeries,
    SurveyAnswer,
    SurveyTable,
)
from .crime_tree import TOTAL_NAMES, build_crime_tree
from .disclosure import disclosure_rule
from .districts import build_districts
from .load import Rows
from .model import Figure, FigureTable
from .sentences import month_label
from .unusual import unusual_months

if TYPE_CHECKING:
    from .tables import TableSpec


PARTS_OF_A_WHOLE = ("wards", "reasons")


def _figures(label: str, previous: str = "previous", current: str = "current"):
    def build(rows: Rows, spec: TableSpec, config, errors, warnings) -> CountTable:
        table = FigureTable(spec.name)
        comments = {}
        declared_total = None
        rule, name = disclosure_rule(config), spec.name
        # the rows of these add up to a whole: a row that is their total, as a council's
        # spreadsheet often ends, is checked against their sum and not drawn as one more bar
        totals = TOTAL_NAMES | {f"all {label}s"} if spec.kind in PARTS_OF_A_WHOLE else set()
        figures = table.figures
        notes = rows.column("comment") if "comment" in rows.names() else repeat("")
        # by column: a 400,000-row table makes no dictionary for each row
        for key, was, now, line, comment in zip(
            rows.column(label),
            rows.column(previous),
            rows.column(current),
            rows.lines,
            notes,
            strict=False,  # the notes may be endless blanks; the columns are as long as lines
        ):
            if key.casefold() in totals:
                declared_total = (was, now, line, key)
                continue
            figures[key] = Figure(key, was, now, name, line, rule=rule)
            comments[key] = comment or ""
        total = Figure(
            "Total", sum(f.previous for f in table), sum(f.current for f in table), spec.name
        )
        if declared_total is not None:
            for period, declared, summed in (
                ("previous", declared_total[0], total.previous),
                ("current", declared_total[1], total.current),
            ):
                if declared != summed:
                    warnings.append(
                        rows.error(
                            declared_total[2],
                            f"{declared_total[3]} ({period}): {declared:,} declared, rows "
                            f"sum to {summed:,}",
                        )
                    )
        return CountTable(table, comments, total)

    return build


def _monthly(rows: Rows, spec: TableSpec, config, errors, warnings):
    pairs = sorted(zip(rows.rows, rows.lines, strict=True), key=lambda p: p[0]["month"])
    months = [row["month"] for row, _ in pairs]
    for (a, _), (b, line) in itertools.pairwise(pairs):
        expected = _next_month(a["month"])
        if b["month"] != expected:
            errors.append(
                rows.error(
                    line,
                    f"column 'month': {month_label(expected)} is missing "
                    "before this row; an SPC chart needs every month",
                )
            )
            return None
    options = _spc_options(spec, months, config, errors)
    if options is None:
        return None
    if len(months) < 2:
        errors.append(rows.error(None, "an SPC chart needs at least two months"))
        return None
    values = [row["count"] for row, _ in pairs]
    for index, question in unusual_months(values):
        warnings.append(rows.error(pairs[index][1], f"column 'count': {question}"))
    analysis = spc.analyse(values, options)
    measure = str(spec.options.get("measure", spec.title))
    labels = [month_label(m) for m in months]
    return SpcSeries(
        spec.name,
        measure,
        months,
        values,
        analysis,
        spc_text.describe(analysis, labels, measure),
        options.improvement,
    )


def _spc_options(spec: TableSpec, months: list[str], config, errors) -> spc.SpcOptions | None:
    """The table's SPC settings, checked against its months (the schema has checked their
    form); None after an error."""
    where = f"tables.{spec.name}"

    def fail(key: str, message: str) -> None:
        line = config.reader().line_of(("tables", spec.name, key))
        errors.append(ConfigError(f"{where}.{key}: {message}", "committeepack.toml", line))

    indexes: dict[str, list[int]] = {}
    for key in ("rebase", "baseline_until"):
        for month in (str(m) for m in spec.options.get(key, [])):
            if month not in months:
                fail(
                    key,
                    f"{month} is not a month of the table; use one from {months[0]} "
                    f"to {months[-1]}",
                )
                return None
            indexes.setdefault(key, []).append(months.index(month))
    problem = _rebase_problem(indexes.get("rebase", []), months)
    if problem:
        fail("rebase", problem)
        return None
    baseline = spec.options.get("baseline")
    if baseline is not None and "baseline_until" in indexes:
        fail("baseline", "give baseline (a number of months) or baseline_until, not both")
        return None
    if any(i == 0 for i in indexes.get("baseline_until", [])):
        fail("baseline_until", "a baseline needs at least two months")
        return None
    target = spec.options.get("target")
    return spc.SpcOptions(
        improvement=str(spec.options.get("improvement", "down")),
        rebase=tuple(indexes.get("rebase", [])),
        screen=bool(spec.options.get("screen", True)),
        run=int(spec.options.get("run_length", spc.RUN)),
        baseline=baseline,
        baseline_ends=tuple(indexes.get("baseline_until", [])),
        target=None if target is None else Fraction(repr(target)),
    )


SEGMENT_LEAST = 2  # months a segment needs for a moving range, and so for limits


def _rebase_problem(starts: list[int], months: list[str]) -> str | None:
    """What is wrong with rebasing the series of ``months`` at ``starts`` (indexes): a month
    given twice, or one that leaves a segment too short for limits (a rebase at the last
    month drew limits of one point: 179.0 and 179.0)."""
    edges = sorted(starts)
    for before, month in itertools.pairwise(edges):
        if before == month:
            return f"{months[month]} is given twice; give each month once"
    for start, end in zip([0, *edges], [*edges, len(months)], strict=True):
        if end - start < SEGMENT_LEAST:
            if end == 0:
                return f"{months[0]} is the table's first month: a rebase there changes nothing; delete it"
            at = months[end] if end < len(months) else months[start]
            return (
                f"a rebase at {at} leaves {months[start]} a segment of its own, and limits "
                f"need at least {SEGMENT_LEAST} months; move it a month or more from the other "
                "rebases and from the ends of the table"
            )
    return None


def _next_month(month: str) -> str:
    year, number = (int(p) for p in month.split("-"))
    return f"{year + number // 12}-{number % 12 + 1:02d}"


def _actions(rows: Rows, spec, config, errors, warnings) -> ActionList:
    return ActionList(
        [Action(r["priority"], r["action"], r["status"], r["update"] or "") for r in rows.rows]
    )


def _morile(rows: Rows, spec, config, errors, warnings) -> MorileTable:
    ranks = {
        r.key: r.label
        for r in compute.rank(
            [(row["area"], row["score"]) for row in rows.rows], lowest_first=False
        )
    }
    ordered = sorted(rows.rows, key=lambda r: -r["score"])
    return MorileTable(
        [
            MorileRow(r["area"], r["threat"], r["risk"], r["harm"], r["score"], ranks[r["area"]])
            for r in ordered
        ]
    )


def _survey(rows: Rows, spec: TableSpec, config, errors, warnings) -> SurveyTable:
    answers = {}
    for row, line in zip(rows.rows, rows.lines, strict=True):
        if row["base"] is not None and row["count"] > row["base"]:
            errors.append(
                rows.error(
                    line,
                    f"column 'count': {row['count']:,} is more than the "
                    f"{row['base']:,} people asked (column 'base')",
                )
            )
        answers[row["measure"]] = SurveyAnswer(row["measure"], row["count"], row["base"])
    return SurveyTable(spec.name, answers)


BUILDERS = {
    "survey": _survey,
    "crime_by_type": build_crime_tree,
    "districts": build_districts,
    "wards": _figures("ward"),
    "monthly": _monthly,
    "actions": _actions,
    "activity": _figures("measure"),
    "reasons": _figures("reason"),
    "morile": _morile,
}
