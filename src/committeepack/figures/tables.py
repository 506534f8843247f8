"""The figures stage: declared tables read, checked and turned into figures.

:func:`load_figures` reads every ``[tables.NAME]`` of ``committeepack.toml``. Errors (a missing
column, text where a number goes, an unknown priority) stop the build; inconsistencies between
figures (a parent that is not the sum of its parts, the same fact with two values) are
warnings, which ``--strict`` turns into errors.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CommitteePackError, ConfigError, InputError, raise_all
from . import compute, spc
from .load import Column, Rows, Source, cached_rows
from .model import (
    Action,
    CrimeRow,
    DistrictRow,
    Figure,
    FigureError,
    FigureTable,
    SpcSeries,
    SurveyAnswer,
    SurveyTable,
    month_label,
)

KINDS = (
    "crime_by_type",
    "districts",
    "wards",
    "monthly",
    "actions",
    "activity",
    "reasons",
    "morile",
    "survey",
)
COLUMNS = {
    "crime_by_type": [
        Column("category", "text", unique=True),
        Column("parent", "text", False),
        Column("previous", "count"),
        Column("current", "count"),
    ],
    "wards": [
        Column("ward", "text", unique=True),
        Column("previous", "count"),
        Column("current", "count"),
    ],
    "monthly": [Column("month", "month", unique=True), Column("count", "number")],
    "actions": [
        Column("priority", "priority"),
        Column("action", "text"),
        Column("status", "status"),
        Column("update", "text", False),
    ],
    "activity": [
        Column("measure", "text", unique=True),
        Column("previous", "number"),
        Column("current", "number"),
        Column("comment", "text", False),
    ],
    "reasons": [
        Column("reason", "text", unique=True),
        Column("previous", "count"),
        Column("current", "count"),
    ],
    "survey": [
        Column("measure", "text", unique=True),
        Column("count", "count"),
        Column("base", "count", False),
    ],
    "morile": [
        Column("area", "text", unique=True),
        Column("threat", "number"),
        Column("risk", "number"),
        Column("harm", "number"),
        Column("score", "number"),
    ],
}
DEFAULT_STATUSES = ("Delivered", "Complete", "Ongoing", "On hold", "Not started")


@dataclass
class TableSpec:
    """A table as declared in ``[tables.NAME]``."""

    name: str
    kind: str
    source: Source
    title: str
    provenance: str
    renames: dict[str, str]
    options: dict


@dataclass
class Figures:
    """Every declared table, built; plus the warnings found while checking them."""

    previous: str
    current: str
    specs: dict[str, TableSpec] = field(default_factory=dict)
    tables: dict[str, object] = field(default_factory=dict)
    warnings: list[CommitteePackError] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[tuple[TableSpec, object]]:
        """The built tables of one kind, in declaration order."""
        return [(spec, self.tables[name]) for name, spec in self.specs.items() if spec.kind == kind]


def declared_tables(config) -> dict[str, TableSpec]:
    """The ``[tables.NAME]`` declarations, checked (but no file is read)."""
    reader = config.reader()
    tables = reader.get("tables") or {}
    specs = {}
    for name, raw in tables.items():
        key = f"tables.{name}"
        if not isinstance(raw, dict):
            reader.fail(key, "must be a table with kind and file")
            continue
        kind = raw.get("kind")
        if kind not in KINDS:
            reader.fail(
                f"{key}.kind", f"{kind!r} is not a kind of table; use one of: {', '.join(KINDS)}"
            )
            continue
        location = raw.get("file") or raw.get("workbook")
        if not isinstance(location, str):
            reader.fail(
                key, 'needs file = "inputs/...csv" or workbook = "...xlsx" and sheet = "..."'
            )
            continue
        path = config.root / location
        source = Source(path, location, raw.get("sheet") if raw.get("workbook") else None)
        renames = raw.get("columns", {})
        if not isinstance(renames, dict):
            reader.fail(f"{key}.columns", "must map committeepack's column names to yours")
            renames = {}
        options = {
            k: v
            for k, v in raw.items()
            if k not in ("kind", "file", "workbook", "sheet", "columns", "title", "source")
        }
        specs[name] = TableSpec(
            name,
            kind,
            source,
            str(raw.get("title", name)),
            str(raw.get("source", "")),
            renames,
            options,
        )
    raise_all(reader.errors)
    return specs


def load_figures(config, cache: Path | None = None) -> Figures:
    """Read and check every declared table; raise all errors together.

    ``cache`` is a folder where checked rows are remembered between builds.
    """
    reader = config.reader()
    periods = reader.get("periods") or {}
    figures = Figures(
        str(periods.get("previous", "Previous period")),
        str(periods.get("current", "Current period")),
    )
    figures.specs = declared_tables(config)
    statuses = reader.get("statuses.allowed") or list(DEFAULT_STATUSES)
    context = {
        "statuses": [str(s) for s in statuses],
        "priorities": [p.key for p in config.priorities],
    }
    errors: list[CommitteePackError] = []
    for name, spec in figures.specs.items():
        try:
            columns = _columns(spec, figures)
            rows = cached_rows(cache, spec.source, columns, spec.renames, context, errors)
        except InputError as exc:
            errors.append(exc)
            continue
        if errors:
            continue
        builder = BUILDERS[spec.kind]
        figures.tables[name] = builder(rows, spec, config, errors, figures.warnings)
    raise_all(errors)
    _cross_check(figures, config)
    return figures


def _columns(spec: TableSpec, figures: Figures) -> list[Column]:
    if spec.kind != "districts":
        return COLUMNS[spec.kind]
    periods = spec.options.get("periods")
    if not isinstance(periods, list) or not periods:
        raise ConfigError(
            f"tables.{spec.name}.periods: list the period columns in order, for "
            'example periods = ["2023/24", "2024/25"]',
            "committeepack.toml",
        )
    return [
        Column("district", "text", unique=True),
        Column("division", "text", False),
        Column("population", "count"),
    ] + [Column(str(p), "count") for p in periods]


def _crime(rows: Rows, spec: TableSpec, config, errors, warnings) -> dict:
    table = FigureTable(spec.name)
    tree: dict[str, CrimeRow] = {}
    for row, line in zip(rows.rows, rows.lines, strict=True):
        figure = Figure(row["category"], row["previous"], row["current"], spec.name, line)
        table.figures[row["category"]] = figure
        tree[row["category"]] = CrimeRow(figure, row["parent"])
    for name, node in tree.items():
        if node.parent is not None and node.parent not in tree:
            errors.append(
                rows.error(
                    node.figure.line,
                    f"column 'parent': '{node.parent}' is not a category of this table",
                )
            )
        elif node.parent is not None:
            tree[node.parent].children.append(name)
    roots = [name for name, node in tree.items() if node.parent is None]
    _place(tree, roots, 0, set(), rows, errors)
    for name, node in tree.items():
        for period in ("previous", "current"):
            if node.children:
                declared = getattr(node.figure, period)
                parts = sum(getattr(tree[c].figure, period) for c in node.children)
                if declared != parts:
                    warnings.append(
                        rows.error(
                            node.figure.line,
                            f"{name} ({period}): {declared:,} declared, parts sum to {parts:,}",
                        )
                    )
    return {"table": table, "tree": tree, "roots": roots}


def _place(tree, names, depth, seen, rows, errors) -> None:
    for name in names:
        if name in seen:
            errors.append(
                rows.error(
                    tree[name].figure.line,
                    f"'{name}' is its own parent through its sub-categories; fix the parent column",
                )
            )
            continue
        tree[name].depth = depth
        _place(tree, tree[name].children, depth + 1, seen | {name}, rows, errors)


def _districts(rows: Rows, spec: TableSpec, config, errors, warnings) -> dict:
    periods = [str(p) for p in spec.options["periods"]]
    this = str(spec.options.get("highlight", config.area))
    result = []
    for row in rows.rows:
        counts = [row[p] for p in periods]
        district = DistrictRow(
            row["district"],
            row["division"],
            row["population"],
            counts,
            highlight=row["district"].casefold() == this.casefold(),
        )
        district.rates = [compute.rate_per_1000(c, district.population) for c in counts]
        result.append(district)
    if not any(d.highlight for d in result):
        errors.append(
            rows.error(
                None,
                f"no row for '{this}' (the council's area); add it or set "
                f'highlight = "..." in [tables.{spec.name}]',
            )
        )
        return {}
    rank_by = spec.options.get("rank_by", "rate")
    if rank_by == "change" and len(periods) > 1:
        values = [(d.name, compute.percent_change(d.counts[-2], d.counts[-1]) or 0) for d in result]
    else:
        values = [(d.name, d.rates[-1] or 0) for d in result]
    ranks = {r.key: r.label for r in compute.rank(values)}
    for district in result:
        district.rank = ranks[district.name]
    totals = _district_totals(result, str(spec.options.get("total", "County total")))
    return {
        "rows": result,
        "totals": totals,
        "periods": periods,
        "rank_by": rank_by,
        "measure": str(spec.options.get("measure", "All crime")),
        "this": next(d for d in result if d.highlight),
    }


def _district_totals(rows: list[DistrictRow], label: str) -> list[DistrictRow]:
    groups: dict[str, list[DistrictRow]] = {}
    for row in rows:
        if row.division:
            groups.setdefault(row.division, []).append(row)
    totals = [_sum_row(f"{division} division", members) for division, members in groups.items()]
    totals.append(_sum_row(label, rows))
    return totals


def _sum_row(name: str, rows: list[DistrictRow]) -> DistrictRow:
    population = sum(r.population for r in rows)
    counts = [sum(values) for values in zip(*(r.counts for r in rows), strict=True)]
    total = DistrictRow(name, None, population, counts, is_total=True)
    total.rates = [compute.rate_per_1000(c, population) for c in counts]
    return total


def _figures(label: str, previous: str = "previous", current: str = "current"):
    def build(rows: Rows, spec: TableSpec, config, errors, warnings) -> dict:
        table = FigureTable(spec.name)
        comments = {}
        declared_total = None
        for row, line in zip(rows.rows, rows.lines, strict=True):
            if spec.kind == "reasons" and row[label].casefold() == "total":
                declared_total = (row[previous], row[current], line)
                continue
            table.figures[row[label]] = Figure(
                row[label], row[previous], row[current], spec.name, line
            )
            comments[row[label]] = row.get("comment") or ""
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
                            f"Total ({period}): {declared:,} declared, rows sum to {summed:,}",
                        )
                    )
        return {"table": table, "comments": comments, "total": total}

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
    rebase = [str(m) for m in spec.options.get("rebase", [])]
    for month in rebase:
        if month not in months:
            errors.append(
                ConfigError(
                    f"tables.{spec.name}.rebase: {month} is not a month of {rows.source.name()}",
                    "committeepack.toml",
                )
            )
            return None
    improvement = str(spec.options.get("improvement", "down"))
    if improvement not in ("up", "down", "neutral"):
        errors.append(
            ConfigError(
                f"tables.{spec.name}.improvement: use up, down or neutral", "committeepack.toml"
            )
        )
        return None
    if len(months) < 2:
        errors.append(rows.error(None, "an SPC chart needs at least two months"))
        return None
    values = [row["count"] for row, _ in pairs]
    analysis = spc.analyse(
        values,
        improvement,
        [months.index(m) for m in rebase],
        screen=bool(spec.options.get("screen", True)),
    )
    measure = str(spec.options.get("measure", spec.title))
    labels = [month_label(m) for m in months]
    return SpcSeries(
        spec.name,
        measure,
        months,
        values,
        analysis,
        spc.describe(analysis, labels, measure, improvement),
        improvement,
    )


def _next_month(month: str) -> str:
    year, number = (int(p) for p in month.split("-"))
    return f"{year + number // 12}-{number % 12 + 1:02d}"


def _actions(rows: Rows, spec, config, errors, warnings) -> list[Action]:
    return [Action(r["priority"], r["action"], r["status"], r["update"] or "") for r in rows.rows]


def _morile(rows: Rows, spec, config, errors, warnings) -> list[dict]:
    ranks = {
        r.key: r.label
        for r in compute.rank(
            [(row["area"], row["score"]) for row in rows.rows], lowest_first=False
        )
    }
    ordered = sorted(rows.rows, key=lambda r: -r["score"])
    return [{**row, "rank": ranks[row["area"]]} for row in ordered]


def _survey(rows: Rows, spec: TableSpec, config, errors, warnings) -> dict:
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
    return {"table": SurveyTable(spec.name, answers)}


BUILDERS = {
    "survey": _survey,
    "crime_by_type": _crime,
    "districts": _districts,
    "wards": _figures("ward"),
    "monthly": _monthly,
    "actions": _actions,
    "activity": _figures("measure"),
    "reasons": _figures("reason"),
    "morile": _morile,
}


def _cross_check(figures: Figures, config) -> None:
    """The same fact in two tables must have one value: crime by type against districts."""
    for crime_spec, crime in figures.of_kind("crime_by_type"):
        for district_spec, districts in figures.of_kind("districts"):
            if not districts or districts["periods"][-1] != figures.current:
                continue
            try:
                figure = crime["table"][districts["measure"]]
            except FigureError:
                continue
            this = districts["this"]
            if figure.current != this.counts[-1]:
                figures.warnings.append(
                    InputError(
                        f"{districts['measure']} ({figures.current}) is {figure.current:,} here but "
                        f"{this.counts[-1]:,} for {this.name} in {district_spec.source.name()}; "
                        "correct one of them",
                        crime_spec.source.name(),
                        figure.line,
                    )
                )


def figure_context(figures: Figures) -> dict:
    """Names for narrative and templates: each table's figures by its declared name."""
    context = {}
    for name, built in figures.tables.items():
        if isinstance(built, dict) and "table" in built:
            context[name] = built["table"]
        elif isinstance(built, dict) and "rows" in built:
            context[name] = FigureTable(
                name,
                {
                    d.name: Figure(
                        d.name,
                        d.counts[-2] if len(d.counts) > 1 else d.counts[-1],
                        d.counts[-1],
                        name,
                    )
                    for d in built["rows"]
                },
            )
        elif isinstance(built, SpcSeries):
            context[name] = built
    return context
