"""The peer for the benchmarks: a plain script that imports pandas and matplotlib, reads the
example's figures and draws the same charts as the strategic assessment, and nothing else."""

import sys
import time
from pathlib import Path

began = time.perf_counter()
import matplotlib.pyplot  # noqa: E402, F401
import pandas  # noqa: E402, F401

from committeepack.config import load_config  # noqa: E402
from committeepack.figures import charts, spc_chart  # noqa: E402
from committeepack.figures.model import CountTable, CrimeTree, DistrictTable, SpcSeries  # noqa: E402
from committeepack.figures.tables import load_figures  # noqa: E402

project = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".")
figures = load_figures(load_config(project))
for _spec, built in figures.of_kind("crime_by_type", CrimeTree):
    leaves = [n.figure for n in built.tree.values() if not n.children]
    charts.percent_change_bars(
        [(f.name, f.previous, f.current) for f in leaves], figures.previous, figures.current
    )
for _spec, built in figures.of_kind("districts", DistrictTable):
    charts.ranked_bars([(r.name, float(r.rates[-1])) for r in built.rows], "x", "r", "s")
for _spec, built in figures.of_kind("wards", CountTable):
    charts.ranked_bars([(f.name, f.current) for f in built.table], "", "r", "s")
for _spec, built in figures.of_kind("monthly", SpcSeries):
    spc_chart.spc_chart(built)
# the data on a page's chart
for _spec, built in figures.of_kind("crime_by_type", CrimeTree):
    types = [
        n.figure for n in built.tree.values() if n.depth == 2 or (n.depth < 2 and not n.children)
    ]
    charts.percent_change_bars(
        [(f.name, f.previous, f.current) for f in types],
        figures.previous,
        figures.current,
        width_cm=13,
        height_cm=12.5,
    )
print(f"{time.perf_counter() - began:.3f}")
