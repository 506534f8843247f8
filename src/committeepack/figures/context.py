"""The names narrative and templates use for the figures: each table by its declared name,
as a table of figures looked up by row (``crime["Violent crime"].change``), a survey, or a
monthly series."""

from __future__ import annotations

from .built import CountTable, CrimeTree, SpcSeries, SurveyTable
from .district_rows import DistrictTable
from .model import Figure, FigureTable, NarrativeTable
from .tables import Figures


def figure_context(figures: Figures) -> dict:
    """Names for narrative and templates: each table's figures by its declared name."""
    context: dict[str, object] = {}
    for name, built in figures.tables.items():
        if isinstance(built, CrimeTree | CountTable):
            context[name] = NarrativeTable(built.table)
        elif isinstance(built, SurveyTable):
            context[name] = built
        elif isinstance(built, DistrictTable):
            context[name] = FigureTable(
                name,
                {
                    d.name: Figure(
                        d.name,
                        d.counts[-2] if len(d.counts) > 1 else d.counts[-1],
                        d.counts[-1],
                        name,
                    )
                    for d in built.rows
                },
            )
        elif isinstance(built, SpcSeries):
            context[name] = built
    return context
