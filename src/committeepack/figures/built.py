"""The tables as built, one class for each kind a table may be (``kind`` in the project's
configuration): what the papers, the charts and the cross-checks take from the figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from . import compute, sentences
from .district_rows import DistrictTable
from .model import Figure, FigureError, FigureTable
from .sentences import month_label
from .spc import SpcResult
from .spc_text import SpcSummary, summarise

Number = int | float | Fraction


@dataclass(frozen=True)
class SurveyAnswer:
    """A survey result: how many gave an answer, out of how many asked."""

    measure: str
    count: int
    base: int | None = None

    @property
    def share(self) -> str:
        """The answer as a percentage of those asked: ``94%``."""
        if not self.base:
            raise FigureError(f"survey answer '{self.measure}' has no base to take a share of")
        return sentences.bounded_percent(compute.share(self.count, self.base), 0, whole=True)

    @property
    def of(self) -> str:
        """``94% (2,209 of 2,350)``."""
        if self.base is None:
            raise FigureError(f"survey answer '{self.measure}' has no base to take a share of")
        return f"{self.share} ({sentences.number(self.count)} of {sentences.number(self.base)})"

    def __str__(self) -> str:
        return sentences.number(self.count)


class SurveyTable(FigureTable):
    """Survey answers by measure, looked up like figures."""

    def __init__(self, name: str, answers: dict):
        super().__init__(name, answers)


@dataclass
class CrimeRow:
    """A category of the crime-by-type table, placed in its hierarchy."""

    figure: Figure
    parent: str | None
    depth: int = 0
    children: list[str] = field(default_factory=list)


@dataclass
class Action:
    """One line of a priority's action plan."""

    priority: str
    action: str
    status: str
    update: str


@dataclass
class SpcSeries:
    """A monthly series with its SPC analysis and the words that describe it."""

    name: str
    measure: str
    months: list[str]
    values: list[Fraction]
    analysis: SpcResult
    description: list[str]
    improvement: str

    @property
    def labels(self) -> list[str]:
        """Months as ``Sep 2025``."""
        return [month_label(m) for m in self.months]

    @property
    def summary(self) -> SpcSummary:
        """The measure's state at a glance, from the same analysis as its chart and text."""
        return summarise(self.analysis, self.labels, self.measure)


@dataclass
class CrimeTree:
    """A crime-by-type table: its figures, the category tree and the top-level categories."""

    table: FigureTable
    tree: dict[str, CrimeRow]
    roots: list[str]

    @property
    def totals(self) -> list[Figure]:
        """The top-level categories that have parts (``All crime``), in the table's order:
        the first is the area's total, which the papers and the cross-checks use."""
        return [self.tree[root].figure for root in self.roots if self.tree[root].children]


@dataclass
class CountTable:
    """Counts for two periods by ward, measure or reason, with comments and their total."""

    table: FigureTable
    comments: dict[str, str]
    total: Figure


@dataclass
class MorileRow:
    """A crime area's threat, risk and harm scores, its overall score and its rank."""

    area: str
    threat: Number
    risk: Number
    harm: Number
    score: Number
    rank: str


@dataclass
class ActionList:
    """The action plans' rows."""

    actions: list[Action]


@dataclass
class MorileTable:
    """The MoRiLE scores, highest first."""

    rows: list[MorileRow]


BuiltTable = (
    CrimeTree | DistrictTable | CountTable | SpcSeries | ActionList | MorileTable | SurveyTable
)
