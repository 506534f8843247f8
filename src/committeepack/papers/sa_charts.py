"""The charts of the strategic assessment, as requests the chart cache can draw ahead."""

from __future__ import annotations

from ..facts import Facts
from ..figures.chart_cache import ChartRequest
from ..figures.model import CountTable, CrimeTree, DistrictTable, SpcSeries
from ..figures.sentences import mid_sentence


def requests(facts: Facts) -> dict[str, ChartRequest]:
    """Every chart the strategic assessment shows, by the name its builder asks for."""
    figures = facts.figures
    font = (facts.config.branding.font, facts.config.branding.body_size)
    result = {}
    for spec, built in figures.of_kind("crime_by_type", CrimeTree):
        tree = built.tree
        leaves = [tree[n].figure for n in tree if not tree[n].children]
        items = tuple((f.name, f.previous, f.current) for f in leaves)
        result[f"crime:{spec.name}"] = ChartRequest(
            "percent_change_bars", (items, figures.previous, figures.current, font)
        )
    for spec, built in figures.of_kind("districts", DistrictTable):
        if not built:
            continue
        periods, this, county = built.periods, built.this, built.totals[-1]
        items = tuple((r.name, float(r.rates[-1] or 0)) for r in built.rows)
        result[f"districts:{spec.name}"] = ChartRequest(
            "ranked_bars",
            (
                items,
                this.name,
                f"Rate per 1,000 population, {periods[-1]}",
                f"{mid_sentence(built.measure)} per 1,000 population by district, {periods[-1]}",
                font,
                float(county.rates[-1] or 0),
            ),
        )
    for spec, built in figures.of_kind("wards", CountTable):
        items = tuple((f.name, f.current) for f in built.table)
        result[f"wards:{spec.name}"] = ChartRequest(
            "ranked_bars",
            (
                items,
                "",
                f"Recorded crimes, {figures.current}",
                f"recorded crime by ward, {figures.current}",
                font,
            ),
        )
    for spec, built in figures.of_kind("monthly", SpcSeries):
        result[f"spc:{spec.name}"] = ChartRequest("spc_chart", (built, font))
    return result
