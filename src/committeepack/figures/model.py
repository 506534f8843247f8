"""Figures as the papers and the narrative see them.

A :class:`Figure` is one fact over two periods (``crime["Violent crime"]``); its sentences come
from :mod:`.sentences`. Looking up a row that does not exist raises :class:`FigureError`, which
the narrative renderer reports at the narrative line that asked for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2.exceptions import UndefinedError

from ..file_names import quoted_list
from . import compute, sentences
from .disclosure import NO_RULES, Disclosure
from .row_names import meant_row, name_key


class FigureError(UndefinedError):
    """A narrative or template asked for a figure that the tables do not hold."""

    complete = True  # the message says all there is to say; add no hint to it


@dataclass(frozen=True)
class Figure:
    """One measure over two periods; a period in ``hidden`` is too small to publish (or would
    reveal one that is), so its count, the difference and the % change are not printed."""

    name: str
    previous: int | float
    current: int | float
    table: str = ""
    line: int | None = None
    hidden: frozenset[str] = frozenset()  # "previous", "current"
    rule: Disclosure = NO_RULES

    @property
    def difference(self) -> int | float:
        """Current minus previous."""
        return compute.difference(self.previous, self.current)

    def shown(self, period: str) -> str:
        """A period's count as a table prints it: ``2,945``, or ``[c]`` when hidden."""
        return "[c]" if period in self.hidden else sentences.number(getattr(self, period))

    def stated(self, period: str) -> str:
        """A period's count as a sentence states it: ``2,945``, or ``fewer than 5``."""
        return self.rule.fewer if period in self.hidden else sentences.number(getattr(self, period))

    @property
    def charted(self) -> bool:
        """Whether a chart may show it: no count hidden and its % change meaningful."""
        return not self.hidden and not self.rule.low(self.previous)

    @property
    def difference_text(self) -> str:
        """The difference as tables print it: ``+333``, ``-107``, ``0``, or ``[c]``."""
        return "[c]" if self.hidden else compute.signed_number(self.difference)

    @property
    def percent_change(self) -> str:
        """Signed % change as in tables: ``+12.7%``, ``-4.2%``, ``[z]`` (from zero), ``[c]``
        (a count hidden) or ``[low]`` (a base too small to mean much)."""
        if self.hidden:
            return "[c]"
        if self.rule.low(self.previous):
            return "[low]"
        return compute.percent_change_text(self.previous, self.current)

    @property
    def change(self) -> str:
        """``rose by 12.7% from 2,612 to 2,945``; ``fell from 12 to fewer than 5``."""
        if self.hidden or self.rule.low(self.previous):
            return self._moved()
        return sentences.change(self.previous, self.current)

    @property
    def summary(self) -> str:
        """``fell from 110 to 87, a decrease of 21%``."""
        if self.hidden or self.rule.low(self.previous):
            return self._moved()
        return sentences.change_summary(self.previous, self.current)

    def _moved(self) -> str:
        """A change stated with no percentage, and hidden counts in words."""
        before, after = self.stated("previous"), self.stated("current")
        if self.hidden == {"previous", "current"}:
            return f"stayed below {self.rule.below:,} in both periods"
        if self.previous == self.current:
            return f"stayed at {after}"
        verb = "rose" if self.current > self.previous else "fell"
        return f"{verb} from {before} to {after}"

    def share_of(self, whole: Figure, of: str | None = None) -> str:
        """This figure's current value as a share of ``whole``: ``19% of all crime``."""
        if "current" in self.hidden:
            return f"{self.rule.fewer} of {of or whole.name.lower()}"
        return sentences.share_of(self.current, whole.current, of or whole.name.lower())

    def __str__(self) -> str:
        return self.stated("current")


SHOWN_ROWS = 20  # rows an error names when a lookup fails


@dataclass
class FigureTable:
    """Rows of figures by name, as narrative and templates look them up."""

    name: str
    figures: dict[str, Figure] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Figure:
        exact = self.figures.get(key)
        if exact is not None:
            return exact
        folded = name_key(str(key))  # a name that looks the same is the same row
        for name, figure in self.figures.items():
            if name_key(name) == folded:
                return figure
        names = list(self.figures)
        meant = meant_row(str(key), names)
        if meant is not None:
            raise FigureError(f"table '{self.name}' has no row '{key}'; did you mean '{meant}'?")
        known = quoted_list(names, SHOWN_ROWS)  # a long table's message stays one line
        grouped = next((n for n in names if n.startswith("All other (")), None)
        if grouped:
            known += f"; a row left out by the table's top setting is counted in '{grouped}'"
        raise FigureError(f"table '{self.name}' has no row '{key}'; its rows are: {known}")

    def __iter__(self):
        return iter(self.figures.values())

    def __len__(self) -> int:
        return len(self.figures)


class FigureView:
    """A figure as narrative and templates see it: a hidden count reads ``fewer than 5``, so
    no sentence can print what a table suppresses."""

    def __init__(self, figure: Figure):
        self._figure = figure

    def __getattr__(self, name: str):
        return getattr(self._figure, name)

    @property
    def previous(self):
        """The earlier count, or ``fewer than 5`` when hidden."""
        figure = self._figure
        return figure.stated("previous") if "previous" in figure.hidden else figure.previous

    @property
    def current(self):
        """The later count, or ``fewer than 5`` when hidden."""
        figure = self._figure
        return figure.stated("current") if "current" in figure.hidden else figure.current

    @property
    def difference(self):
        """Current minus previous; ``[c]`` when a count is hidden."""
        figure = self._figure
        return figure.difference_text if figure.hidden else figure.difference

    def __str__(self) -> str:
        return str(self._figure)


class NarrativeTable(FigureTable):
    """A table of figures as narrative looks them up (each a :class:`FigureView`)."""

    def __init__(self, table: FigureTable):
        super().__init__(table.name, table.figures)

    def __getitem__(self, key: str):
        return FigureView(super().__getitem__(key))

    def __iter__(self):
        return (FigureView(f) for f in self.figures.values())
