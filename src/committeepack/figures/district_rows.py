"""A county's districts compared, as the papers see them: each district's counts per period,
its rate per 1,000 and rank, and the table of them with its totals (built by
:mod:`.districts`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from . import compute, sentences
from .disclosure import NO_RULES, Disclosure


@dataclass
class DistrictRow:
    """A district's offences per period, rate per 1,000 population and county rank."""

    name: str
    division: str | None
    population: int | None
    counts: list[int]
    rates: list[Fraction | None] = field(default_factory=list)
    rank: str = ""
    is_total: bool = False
    highlight: bool = False
    role: str = "district"  # district, division (a subtotal), total, or other (not ranked)
    line: int | None = None  # its line in the table; None when worked out
    given_rate: Fraction | None = None  # the latest rate as published, with no population
    rank_value: Fraction = Fraction(0)  # the exact value it is ranked on
    parts: list[str] = field(default_factory=list)  # the rows a total or subtotal adds up
    hidden: set[int] = field(default_factory=set)  # periods (indexes) too small to publish
    rule: Disclosure = NO_RULES

    def shown(self, index: int) -> str:
        """A period's count as printed: ``9,178``, or ``[c]`` when hidden."""
        index %= len(self.counts)
        return "[c]" if index in self.hidden else sentences.number(self.counts[index])

    @property
    def _last_two_hidden(self) -> bool:
        return bool({len(self.counts) - 1, len(self.counts) - 2} & self.hidden)

    @property
    def change(self) -> str:
        """Signed % change between the last two periods; ``[c]`` or ``[low]`` as the rules
        say."""
        if len(self.counts) < 2:
            return ""
        if self._last_two_hidden:
            return "[c]"
        if self.rule.low(self.counts[-2]):
            return "[low]"
        return compute.percent_change_text(self.counts[-2], self.counts[-1])

    @property
    def difference(self) -> str:
        """Signed difference between the last two periods: ``+1,234``, ``-107``, ``0``."""
        if len(self.counts) < 2:
            return ""
        if self._last_two_hidden:
            return "[c]"
        return compute.signed_number(self.counts[-1] - self.counts[-2])

    def rate_hidden(self, index: int) -> bool:
        """Whether a period's rate would reveal a hidden count."""
        return index % len(self.counts) in self.hidden


@dataclass
class DistrictTable:
    """The county's districts compared: ranked rows, totals, periods and the council's row."""

    rows: list[DistrictRow]
    totals: list[DistrictRow]
    periods: list[str]
    rank_by: str
    measure: str
    this: DistrictRow
    noun: str = "offences"  # what is counted: offences, incidents, crimes
    has_rates: bool = True
    rate_places: int = 1
    rank_note: str = "1 = lowest rate"
    layout: list[DistrictRow] = field(default_factory=list)  # every row, in print order

    @property
    def county(self) -> DistrictRow | None:
        """The total of the districts (declared or worked out), for the county average."""
        return next((t for t in self.totals if t.role == "total"), None)
