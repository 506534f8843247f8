"""The figures stage: declared tables read, checked and turned into figures.

:func:`load_figures` reads every ``[tables.NAME]`` of ``committeepack.toml``. Errors (a missing
column, text where a number goes, an unknown priority) stop the build; inconsistencies between
figures (a parent that is not the sum of its parts, the same fact with two values) are
warnings, which ``--strict`` turns into errors. Each kind of table has its builder in
:mod:`.builders`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, TypeVar

from ..errors import CommitteePackError, ConfigError, InputError, raise_all, warn
from .builders import BUILDERS
from .built import BuiltTable
from .cells import Column
from .crime_groups import ungrouped_row
from .crime_tree import with_parents
from .disclosure import NO_RULES, Disclosure, disclosure_rule
from .kind_columns import COLUMNS, PUBLISHED_COLUMNS
from .load import Source
from .published_change import published_changes
from .raw_table import TableFileMissing
from .row_cache import cached_rows
from .row_names import note_marks
from .suppression import apply_disclosure
from .top import KINDS as TOP_KINDS
from .top import keep_largest

if TYPE_CHECKING:
    from ..filehash import FileHashes

T = TypeVar("T")

SPEC_KEYS = ("kind", "file", "workbook", "sheet", "columns", "title", "source")
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

    @property
    def printed(self) -> bool:
        """Whether the papers print the table's rows (SPC series are drawn, not printed)."""
        return self.kind not in ("monthly", "survey") and self.options.get("show", True)


@dataclass
class Figures:
    """Every declared table, built; plus the warnings found while checking them."""

    previous: str
    current: str
    specs: dict[str, TableSpec] = field(default_factory=dict)
    tables: dict[str, BuiltTable | None] = field(default_factory=dict)
    warnings: list[CommitteePackError] = field(default_factory=list)
    disclosure: Disclosure = NO_RULES  # the small-number rules in force

    def of_kind(self, kind: str, built: type[T]) -> list[tuple[TableSpec, T]]:
        """The built tables of one kind (each a ``built``), in declaration order."""
        return [
            (spec, table)
            for name, spec in self.specs.items()
            if spec.kind == kind and isinstance(table := self.tables.get(name), built)
        ]


def declared_tables(config) -> dict[str, TableSpec]:
    """The ``[tables.NAME]`` declarations (checked with the configuration; no file is read)."""
    tables = config.raw.get("tables") or {}
    specs = {}
    for name, raw in tables.items():
        location = raw.get("file") or raw.get("workbook")
        source = Source(config.root / location, location, raw.get("sheet"))
        options = {k: v for k, v in raw.items() if k not in SPEC_KEYS}
        specs[name] = TableSpec(
            name,
            raw["kind"],
            source,
            str(raw.get("title", name)),
            str(raw.get("source", "")),
            dict(raw.get("columns", {})),
            options,
        )
    return specs


def _missing_file(
    config, name: str, spec: TableSpec, specs: dict[str, TableSpec]
) -> CommitteePackError:
    """The error for a table whose file is not there, at its line of the configuration, with
    the nearest name in its folder when one is close and no other table reads it."""
    import difflib

    from ..file_kinds import not_a_file

    raw = config.raw["tables"][name]
    key = "file" if "file" in raw else "workbook"
    if spec.source.path.is_dir():
        return config.reader().error(
            ("tables", name, key),
            f"{raw[key]!r} is a folder, not a file; name the table's file in it",
        )
    special = not_a_file(spec.source.path)
    if special is not None:
        return config.reader().error(
            ("tables", name, key),
            f"{raw[key]!r} is {special}, not a file, so reading it could wait for ever or "
            "never end; put the table's file itself there",
        )
    folder = spec.source.path.parent
    taken = {other.source.path for other in specs.values()}
    names = sorted(p.name for p in folder.iterdir() if p not in taken) if folder.is_dir() else []
    close = difflib.get_close_matches(spec.source.path.name, names, n=1, cutoff=0.8)
    if close:
        hint = f"did you mean '{PurePosixPath(str(raw[key])).with_name(close[0])}'?"
    else:
        hint = "check the name (it is relative to the project folder)"
    return config.reader().error(("tables", name, key), f"no file {raw[key]!r}; {hint}")


def allowed_statuses(config) -> list[str]:
    """The statuses an action may have: ``[statuses] allowed``, or the defaults."""
    statuses = (config.raw.get("statuses") or {}).get("allowed") or list(DEFAULT_STATUSES)
    return [str(s) for s in statuses]


def read_tables(
    config,
    specs: dict[str, TableSpec],
    cache: Path | None = None,
    every: bool = True,
    hashes: FileHashes | None = None,
) -> dict:
    """Read and check the rows of the tables of ``specs``; raise all errors together.

    ``cache`` is a folder where checked rows are remembered between builds; when ``specs`` is
    ``every`` declared table, entries none of them uses any more are removed from it.
    """
    periods = config.raw.get("periods") or {}
    context = {
        "statuses": allowed_statuses(config),
        "priorities": [p.key for p in config.priorities],
        # a column headed with its period's name is that period's column
        "periods": {k: str(periods[k]) for k in ("previous", "current") if k in periods},
    }
    errors: list[CommitteePackError] = []
    rows, used = {}, set()
    for name, spec in specs.items():
        before = len(errors)
        try:
            columns = _columns(spec)
            rows[name], key = cached_rows(
                cache, spec.source, columns, spec.renames, context, errors, hashes
            )
        except TableFileMissing:
            errors.append(_missing_file(config, name, spec, specs))
            continue
        except InputError as exc:
            errors.append(exc)
            continue
        used.add(key)
        if len(errors) > before:  # rows with bad cells: reported, not built on
            continue
        for problem in published_changes(rows[name], columns):
            warn(problem)
        if spec.kind == "crime_by_type":
            ungrouped = ungrouped_row(rows[name])
            if ungrouped is not None:
                errors.append(ungrouped)
                continue
            rows[name] = with_parents(rows[name])
        top = spec.options.get("top")
        if isinstance(top, int) and spec.kind in TOP_KINDS:
            rows[name] = keep_largest(rows[name], spec.kind, top)
        if spec.printed:
            for problem in note_marks(rows[name], columns):
                warn(problem)
        if spec.printed and len(rows[name].rows) > config.max_printed_rows:
            errors.append(
                config.reader().error(
                    ("tables", name),
                    f"{len(rows[name].rows):,} rows would be printed in the papers; a table "
                    f"there holds at most {config.max_printed_rows:,} (max_printed_rows in "
                    f"[document]). {_shorter(spec)}",
                )
            )
    raise_all(errors)
    if every and cache is not None and cache.is_dir():
        for entry in [*cache.glob("*.rows"), *cache.glob("*.json")]:  # .json: an older cache
            if entry not in used:
                entry.unlink(missing_ok=True)
    return rows


def _shorter(spec: TableSpec) -> str:
    """What to do about a table too long to print, as its kind allows."""
    ways = ["summarise the rows (by category, ward or month)"]
    if spec.kind in TOP_KINDS:
        ways.append(
            "set top = 25 to print the 25 largest and add up the rest as 'All other'"
            if "top" not in spec.options
            else f"set a smaller top than {spec.options['top']}"
        )
    if spec.kind in ("activity", "reasons"):
        ways.append("set show = false to use its figures without printing it")
    text = ", or ".join(ways)
    return text[0].upper() + text[1:] + "."


def build_figures(config, specs: dict[str, TableSpec], rows: dict) -> Figures:
    """Every table built from its checked rows, with the checks across tables (warnings)."""
    periods = config.raw.get("periods") or {}
    figures = Figures(
        str(periods.get("previous", "Previous period")),
        str(periods.get("current", "Current period")),
    )
    figures.specs = specs
    errors: list[CommitteePackError] = []
    for name, spec in specs.items():
        builder = BUILDERS[spec.kind]
        figures.tables[name] = builder(rows[name], spec, config, errors, figures.warnings)
    raise_all(errors)
    _cross_check(figures, config)
    rule = disclosure_rule(config)
    apply_disclosure(figures, rule)
    figures.disclosure = rule
    return figures


def load_figures(config, cache: Path | None = None) -> Figures:
    """Read, check and build every declared table (the two stages at once)."""
    specs = declared_tables(config)
    return build_figures(config, specs, read_tables(config, specs, cache))


def _columns(spec: TableSpec) -> list[Column]:
    if spec.kind != "districts":
        return COLUMNS[spec.kind]
    periods = spec.options.get("periods")
    if not isinstance(periods, list) or not periods:
        raise ConfigError(
            f"tables.{spec.name}.periods: list the period columns in order, for "
            'example periods = ["2023/24", "2024/25"]',
            "committeepack.toml",
        )
    return (
        [
            Column("district", "text", unique=True),
            Column("division", "text", False),
            Column("population", "count", False),
            Column("rate", "number", False),
        ]
        + [Column(str(p), "count") for p in periods]
        + PUBLISHED_COLUMNS
    )


def _cross_check(figures: Figures, config) -> None:
    """The same fact in two tables must have one value (:mod:`.crosscheck`)."""
    from .crosscheck import disagreements, facts_of, parts_over_the_whole

    aliases = {str(k): str(v) for k, v in (config.raw.get("aliases") or {}).items()}
    figures.warnings.extend(disagreements(facts_of(figures, config), aliases))
    figures.warnings.extend(parts_over_the_whole(figures))
