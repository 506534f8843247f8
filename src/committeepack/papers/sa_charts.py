"""The charts of the strategic assessment, as requests the chart cache can draw ahead."""

from __future__ import annotations

from fractions import Fraction

from ..facts import Facts
from ..figures.built import CountTable, CrimeTree, SpcSeries
from ..figures.chart_cache import ChartRequest
from ..figures.district_rows import DistrictTable
from ..figures.sentences import mid_sentence


def requests(facts: Facts, width_cm: float) -> dict[str, ChartRequest]:
    """Every chart the strategic assessment shows, by the name its builder asks for, drawn
    ``width_cm`` wide: as wide as its template's text, where it is placed at that width. A
    chart none of whose bars may be shown (every count withheld as too small to publish, or
    every change from too low a base) is not asked for: the builder says why it is missing."""
    figures = facts.figures
    font = facts.chart_font()
    wide = ("width_cm", width_cm)
    result: dict[str, ChartRequest] = {}
    for spec, crime in figures.of_kind("crime_by_type", CrimeTree):
        tree = crime.tree
        leaves = [tree[n].figure for n in tree if not tree[n].children and tree[n].figure.charted]
        items = tuple((f.name, f.previous, f.current) for f in leaves)
        if not items:
            continue
        result[f"crime:{spec.name}"] = ChartRequest(
            "percent_change_bars",
            (items, figures.previous, figures.current, font),
            (("max_bars", facts.config.chart_bars), wide),
        )
    for spec, districts in figures.of_kind("districts", DistrictTable):
        chart = _districts_chart(districts, font, facts.config.chart_bars, wide)
        if chart.args[0]:
            result[f"districts:{spec.name}"] = chart
    for spec, wards in figures.of_kind("wards", CountTable):
        counts = tuple((f.name, f.current) for f in wards.table if "current" not in f.hidden)
        if not counts:
            continue
        result[f"wards:{spec.name}"] = ChartRequest(
            "ranked_bars",
            (
                counts,
                "",
                f"Recorded crimes, {figures.current}",
                f"recorded crime by ward, {figures.current}",
                font,
            ),
            (("max_bars", facts.config.chart_bars), wide),
        )
    for spec, built in figures.of_kind("monthly", SpcSeries):
        result[f"spc:{spec.name}"] = ChartRequest("spc_chart", (built, font), (wide,))
    return result


def _districts_chart(
    districts: DistrictTable, font, max_bars: int, wide: tuple[str, float]
) -> ChartRequest:
    """Rates per 1,000 ranked, with the county's average; % change where there are no rates."""
    periods, this, county = districts.periods, districts.this, districts.county
    if not districts.has_rates:
        items = tuple(
            (r.name, r.counts[-2], r.counts[-1])
            for r in districts.rows
            if r.change.endswith("%") or r.change == "[z]"
        )
        subject = f"{mid_sentence(districts.measure)} by district"
        return ChartRequest(
            "percent_change_bars",
            (items, periods[-2], periods[-1], font),
            (("subject", subject), ("max_bars", max_bars), wide),
        )
    # rates as exact fractions (a rate given as 25 is still a rate, shown 25.0)
    rates = tuple(
        (r.name, Fraction(r.rates[-1] or 0)) for r in districts.rows if not r.rate_hidden(-1)
    )
    last = county.rates[-1] if county and county.rates else None
    average = Fraction(last) if last else None
    return ChartRequest(
        "ranked_bars",
        (
            rates,
            this.name,
            f"Rate per 1,000 population, {periods[-1]}",
            f"{mid_sentence(districts.measure)} per 1,000 population by district, {periods[-1]}",
            font,
            average,
        ),
        (("max_bars", max_bars), wide),
    )
