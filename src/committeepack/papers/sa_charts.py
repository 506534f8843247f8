"""The charts of the strategic assessment, as requests the chart cache can draw ahead."""

from __future__ import annotations

from ..facts import Facts
from ..figures.chart_cache import ChartRequest
from ..figures.model import CountTable, CrimeTree, DistrictTable, SpcSeries
from ..figures.sentences import mid_sentence


def requests(facts: Facts) -> dict[str, ChartRequest]:
    """Every chart the strategic assessment shows, by the name its builder asks for."""
    figures = facts.figures
    font = facts.chart_font()
    result: dict[str, ChartRequest] = {}
    for spec, crime in figures.of_kind("crime_by_type", CrimeTree):
        tree = crime.tree
        leaves = [tree[n].figure for n in tree if not tree[n].children]
        items = tuple((f.name, f.previous, f.current) for f in leaves)
        result[f"crime:{spec.name}"] = ChartRequest(
            "percent_change_bars", (items, figures.previous, figures.current, font)
        )
    for spec, districts in figures.of_kind("districts", DistrictTable):
        periods, this, county = districts.periods, districts.this, districts.totals[-1]
        rates = tuple((r.name, float(r.rates[-1] or 0)) for r in districts.rows)
        result[f"districts:{spec.name}"] = ChartRequest(
            "ranked_bars",
            (
                rates,
                this.name,
                f"Rate per 1,000 population, {periods[-1]}",
                f"{mid_sentence(districts.measure)} per 1,000 population by district, {periods[-1]}",
                font,
                float(county.rates[-1] or 0),
            ),
        )
    for spec, wards in figures.of_kind("wards", CountTable):
        counts = tuple((f.name, f.current) for f in wards.table)
        result[f"wards:{spec.name}"] = ChartRequest(
            "ranked_bars",
            (
                counts,
                "",
                f"Recorded crimes, {figures.current}",
                f"recorded crime by ward, {figures.current}",
                font,
            ),
        )
    for spec, built in figures.of_kind("monthly", SpcSeries):
        result[f"spc:{spec.name}"] = ChartRequest("spc_chart", (built, font))
    return result
