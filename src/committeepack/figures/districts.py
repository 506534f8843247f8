"""District comparison tables as councils publish them: ranked districts (grouped under their
division when the table has divisions), declared totals checked against their parts, rows shown
but not ranked, rates optional, and ranks tied on what is printed.

Row roles come from the declaration and the rows themselves:
- a row named in ``totals`` is a declared total of its parts: ``"districts"`` (every ranked
  district), ``"divisions"`` (every division's subtotal) or a list of rows;
- a row named like a value of the ``division`` column is that division's declared subtotal;
- a row named in ``unranked`` is shown after the districts and not ranked (a neighbouring
  unitary authority, say);
- a row named as ``total`` is the declared total of the districts; without one, the total of
  the districts is worked out and labelled ``total``.
Every declared total is compared with the sum of its parts for each period; a difference is a
warning (an error with ``--strict``) and the declared figure, the official one, is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from ..errors import ConfigError
from . import compute
from .district_rates import check_rates, populations_plausible
from .district_rows import DistrictRow, DistrictTable
from .load import Rows
from .row_names import name_key

if TYPE_CHECKING:
    from .tables import TableSpec

WHERE = "committeepack.toml"


@dataclass(frozen=True)
class _Total:
    """A total row's parts: 'districts', 'divisions', or the names of rows."""

    parts: str | tuple[str, ...]

    def names(self) -> tuple[str, ...]:
        """The rows it adds up, when named."""
        return () if isinstance(self.parts, str) else self.parts

    def describe(self) -> str:
        if isinstance(self.parts, str):
            return self.parts
        return " and ".join(self.parts)


def build_districts(rows: Rows, spec: TableSpec, config, errors, warnings) -> DistrictTable | None:
    """The table's rows in their roles, ranked, with every declared total checked."""
    options = spec.options
    periods = [str(p) for p in options["periods"]]
    where = f"tables.{spec.name}"
    declared = _declared_totals(options)
    key_line = config.reader().line_of
    unranked = {name_key(str(n)) for n in options.get("unranked", [])}
    divisions = {
        name_key(str(r["division"])): str(r["division"]) for r in rows.rows if r["division"]
    }
    total_name = str(options.get("total", "County total"))
    if not declared and any(name_key(r["district"]) == name_key(total_name) for r in rows.rows):
        declared[name_key(total_name)] = (total_name, _Total("districts"))
    highlight = str(options.get("highlight", config.area))
    result: list[DistrictRow] = []
    for row, line in zip(rows.rows, rows.lines, strict=True):
        key = name_key(row["district"])
        role = (
            "total"
            if key in declared
            else "division"
            if key in divisions and row["division"] in (None, row["district"])
            else "other"
            if key in unranked
            else "district"
        )
        district = DistrictRow(
            row["district"],
            row["division"] if role == "district" else None,
            row["population"],
            [row[p] for p in periods],
            is_total=role in ("total", "division"),
            highlight=role == "district" and key == name_key(highlight),
            role=role,
            line=line,
            given_rate=row.get("rate"),
        )
        result.append(district)
    ranked = [d for d in result if d.role == "district"]
    if not any(d.highlight for d in ranked):
        errors.append(
            rows.error(
                None,
                f"no row for '{highlight}' (the council's area); add it or set "
                f'highlight = "..." in [{where}]',
            )
        )
        return None
    has_rates = check_rates(result, rows, errors)
    if has_rates and not populations_plausible(result, periods, rows, errors, warnings):
        return None
    if has_rates is None:
        return None
    by_name = {name_key(d.name): d for d in result}
    for name, total in declared.values():
        missing = [p for p in (name, *total.names()) if name_key(p) not in by_name]
        if missing:
            errors.append(
                ConfigError(
                    f"{where}.totals.{name}: no row named '{missing[0]}' in "
                    f"{rows.source.name()}; use a name from its district column",
                    WHERE,
                    key_line(("tables", spec.name, "totals", name)),
                )
            )
            return None
    computed = _fill_totals(result, divisions, declared, total_name, by_name, has_rates)
    _check_declared(result, declared, by_name, periods, rows, warnings)
    rank_by = str(options.get("rank_by", "rate" if has_rates else "change"))
    if rank_by == "rate" and not has_rates:
        errors.append(
            ConfigError(
                f"{where}.rank_by: the table has no population (or rate) column, so it cannot "
                'be ranked by rate; give populations, or set rank_by = "change"',
                WHERE,
                key_line(("tables", spec.name, "rank_by")),
            )
        )
        return None
    places = int(options.get("rate_places", 1))
    rank_places = int(options.get("rank_places", places if rank_by == "rate" else 1))
    note = _rank(ranked, rank_by, rank_places, len(periods))
    return DistrictTable(
        ranked,
        [d for d in result if d.role != "district"] + computed,
        periods,
        rank_by,
        str(options.get("measure", "All crime")),
        next(d for d in ranked if d.highlight),
        noun=str(options.get("noun", "offences")),
        has_rates=has_rates,
        rate_places=places,
        rank_note=note,
        layout=_layout(ranked, result, computed, divisions),
    )


def _declared_totals(options: dict) -> dict[str, tuple[str, _Total]]:
    """The declared totals by folded name (the schema has checked each value's form)."""
    return {
        name_key(str(name)): (
            str(name),
            _Total(parts if isinstance(parts, str) else tuple(str(p) for p in parts)),
        )
        for name, parts in dict(options.get("totals", {})).items()
    }


def _fill_totals(result, divisions, declared, total_name, by_name, has_rates) -> list[DistrictRow]:
    """Work out the subtotals and the total that are not declared; give declared totals the
    population (and so the rates) of their parts when they have none of their own."""
    computed = []
    districts = [d for d in result if d.role == "district"]
    for key, division in divisions.items():
        if key not in by_name:
            members = [d for d in districts if name_key(d.division or "") == key]
            row = _sum_row(division, members, "division", has_rates)
            computed.append(row)
            by_name[key] = row
    if not declared:
        row = _sum_row(total_name, districts, "total", has_rates)
        computed.append(row)
        by_name[name_key(total_name)] = row
    for row in result:
        if row.role in ("total", "division") and row.population is None and not row.rates:
            parts = _parts(row, declared, districts, divisions, by_name)
            if all(p.population is not None for p in parts) and has_rates and parts:
                row.population = sum(p.population or 0 for p in parts)
                row.rates = [compute.rate_per_1000(c, row.population) for c in row.counts]
    return computed


def _parts(row, declared, districts, divisions, by_name) -> list[DistrictRow]:
    key = name_key(row.name)
    if row.role == "division":
        return [d for d in districts if name_key(d.division or "") == key]
    parts = declared[key][1].parts
    if parts == "districts":
        return districts
    if parts == "divisions":
        return [by_name[d] for d in divisions if d in by_name]
    return [by_name[name_key(p)] for p in parts if name_key(p) in by_name]


def _check_declared(result, declared, by_name, periods, rows: Rows, warnings) -> None:
    districts = [d for d in result if d.role == "district"]
    divisions = {name_key(d.name) for d in by_name.values() if d.role == "division"}
    for row in result:
        if row.role not in ("total", "division"):
            continue
        parts = _parts(row, declared, districts, sorted(divisions), by_name)
        row.parts = [p.name for p in parts]
        what = "districts" if row.role == "division" else declared[name_key(row.name)][1].describe()
        for index, period in enumerate(periods):
            summed = sum(p.counts[index] for p in parts)
            if parts and row.counts[index] != summed:
                warnings.append(
                    rows.error(
                        row.line,
                        f"{row.name} ({period}): {row.counts[index]:,} declared, {what} sum to "
                        f"{summed:,}; the declared figure is printed",
                    )
                )


def _sum_row(name: str, members: list[DistrictRow], role: str, has_rates: bool) -> DistrictRow:
    counts = [sum(values) for values in zip(*(m.counts for m in members), strict=True)]
    population = (
        sum(m.population or 0 for m in members)
        if members and all(m.population is not None for m in members)
        else None
    )
    row = DistrictRow(name, None, population, counts, is_total=True, role=role)
    row.parts = [m.name for m in members]
    if has_rates and population is not None:
        row.rates = [compute.rate_per_1000(c, population) for c in counts]
    return row


def _rank(ranked: list[DistrictRow], rank_by: str, places: int, periods: int) -> str:
    """Rank the districts, ties on the value as printed to ``places``; return the note that
    says what rank 1 means, worded from the data."""
    if rank_by == "change" and periods > 1:
        changes = [compute.percent_change(d.counts[-2], d.counts[-1]) for d in ranked]
        worst = max((c for c in changes if c is not None), default=Fraction(0)) + 1
        values = [
            (d.name, c if c is not None else worst) for d, c in zip(ranked, changes, strict=True)
        ]
        note = (
            "1 = largest fall"
            if any(c is not None and c < 0 for c in changes)
            else "1 = smallest rise"
        )
    else:
        values = [
            (d.name, d.rates[-1] if d.rates and d.rates[-1] is not None else Fraction(0))
            for d in ranked
        ]
        note = "1 = lowest rate"
    exact = dict(values)
    for item in compute.rank(sorted(values, key=lambda v: v[1]), places=places):
        district = next(d for d in ranked if d.name == item.key)
        district.rank = item.label
        district.rank_value = exact[item.key]
    return note


def _layout(ranked, result, computed, divisions) -> list[DistrictRow]:
    """The rows in print order: districts by rank (under their division, each followed by its
    subtotal), then the other rows in the table's order, then any worked-out total."""

    def order(rows):
        return sorted(rows, key=lambda d: (_rank_number(d.rank), d.rank_value))

    layout: list[DistrictRow] = []
    subtotals = {name_key(d.name): d for d in result + computed if d.role == "division"}
    for key in divisions:
        layout += order([d for d in ranked if name_key(d.division or "") == key])
        if key in subtotals:
            layout.append(subtotals[key])
    layout += order([d for d in ranked if not d.division])
    layout += [d for d in result if d.role in ("total", "other")]
    layout += [d for d in computed if d.role == "total"]
    return layout


def _rank_number(rank: str) -> int:
    return int(rank.rstrip("=")) if rank else 0
