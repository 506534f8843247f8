"""A district table's rates per 1,000 residents: from every district's population, from a
``rate`` column when no district has one, or none; and the populations checked as far as
the figures can tell (none is 0; a district with more crimes than residents is warned of)."""

from __future__ import annotations

from fractions import Fraction

from . import compute
from .district_rows import DistrictRow
from .load import Rows


def check_rates(result: list[DistrictRow], rows: Rows, errors: list) -> bool | None:
    """Whether the table has rates: populations for every ranked row, or none at all (then
    the rates given in a ``rate`` column, if any). None after an error."""
    ranked = [d for d in result if d.role == "district"]
    missing = [d for d in ranked if d.population is None]
    if missing and len(missing) < len(ranked):
        errors.append(
            rows.error(
                missing[0].line,
                f"column 'population': empty for {missing[0].name} but given for other "
                "districts; give every district's population, or none (no rates)",
            )
        )
        return None
    if not missing:
        for district in result:
            if district.population is not None:
                district.rates = [
                    compute.rate_per_1000(c, district.population) for c in district.counts
                ]
        return True
    if all(d.given_rate is not None for d in ranked):
        for district in result:
            earlier: list[Fraction | None] = [None] * (len(district.counts) - 1)
            district.rates = [*earlier, district.given_rate]
        return True
    return False


def populations_plausible(
    result: list[DistrictRow], periods: list[str], rows: Rows, errors: list, warnings: list
) -> bool:
    """A population of 0 is an error (no rate can be worked out from it); more crimes than
    residents is a warning, as when a population is written in thousands."""
    zero = [d for d in result if d.population == 0]
    for district in zero:
        errors.append(
            rows.error(
                district.line,
                f"column 'population': 0 for {district.name}; give its number of residents, "
                "or leave every district's population empty (no rates)",
            )
        )
    for district in result:
        if not district.population or not district.rates:
            continue
        over = [
            (period, count)
            for period, count in zip(periods, district.counts, strict=True)
            if count > district.population
        ]
        if over:
            period, count = over[-1]
            warnings.append(
                rows.error(
                    district.line,
                    f"column 'population': {district.name} recorded {count:,} crimes in "
                    f"{period}, more than its {district.population:,} residents; check the "
                    "population (is it written in thousands?)",
                )
            )
    return not zero
