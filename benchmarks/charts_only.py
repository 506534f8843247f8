"""The peer for the benchmarks: a plain single-process script that imports matplotlib,
reads the example's figures with committeepack's own reader (as the build does; neither
imports pandas), draws the same charts as the strategic assessment and
the data on a page, and writes them with the figure tables into two .docx files (python-docx,
no template), as a hand-written script would; nothing else."""

import io
import sys
import tempfile
import time
from pathlib import Path

began = time.perf_counter()
import matplotlib.pyplot  # noqa: E402, F401
from docx import Document  # noqa: E402
from docx.shared import Cm  # noqa: E402

from committeepack.config import load_config  # noqa: E402
from committeepack.figures import change_chart, ranked_chart, spc_chart  # noqa: E402
from committeepack.figures.built import CountTable, CrimeTree, SpcSeries  # noqa: E402
from committeepack.figures.district_rows import DistrictTable  # noqa: E402
from committeepack.figures.tables import load_figures  # noqa: E402

project = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".")
figures = load_figures(load_config(project))
drawn = []  # the strategic assessment's charts
for _spec, built in figures.of_kind("crime_by_type", CrimeTree):
    leaves = [n.figure for n in built.tree.values() if not n.children]
    drawn.append(
        change_chart.percent_change_bars(
            [(f.name, f.previous, f.current) for f in leaves], figures.previous, figures.current
        )
    )
for _spec, built in figures.of_kind("districts", DistrictTable):
    drawn.append(
        ranked_chart.ranked_bars([(r.name, float(r.rates[-1])) for r in built.rows], "x", "r", "s")
    )
for _spec, built in figures.of_kind("wards", CountTable):
    drawn.append(ranked_chart.ranked_bars([(f.name, f.current) for f in built.table], "", "r", "s"))
for _spec, built in figures.of_kind("monthly", SpcSeries):
    drawn.append(spc_chart.spc_chart(built))
page = []  # the data on a page's chart
for _spec, built in figures.of_kind("crime_by_type", CrimeTree):
    types = [
        n.figure for n in built.tree.values() if n.depth == 2 or (n.depth < 2 and not n.children)
    ]
    page.append(
        change_chart.percent_change_bars(
            [(f.name, f.previous, f.current) for f in types],
            figures.previous,
            figures.current,
            width_cm=13,
            height_cm=12.5,
        )
    )


def write(name: str, drawn_charts: list, with_tables: bool) -> None:
    """A plain document: each table of counts, then each chart with its caption."""
    document = Document()
    document.add_heading(name, 0)
    if with_tables:
        for table_name, built in figures.tables.items():
            rows = list(getattr(getattr(built, "table", None), "figures", {}).values())
            if not rows:
                continue
            document.add_heading(table_name, 1)
            table = document.add_table(rows=1, cols=3)
            for cell, text in zip(
                table.rows[0].cells, ["Name", "Previous", "Current"], strict=True
            ):
                cell.text = text
            for figure in rows:
                cells = table.add_row().cells
                cells[0].text, cells[1].text, cells[2].text = (
                    figure.name,
                    figure.shown("previous"),
                    figure.shown("current"),
                )
    for chart in drawn_charts:
        document.add_picture(io.BytesIO(chart.png), width=Cm(16))
        document.add_paragraph(chart.caption)
    with tempfile.TemporaryDirectory() as folder:
        document.save(str(Path(folder) / f"{name}.docx"))


write("strategic-assessment", drawn, with_tables=True)
write("data-on-a-page", page, with_tables=False)
print(f"{time.perf_counter() - began:.3f}")
