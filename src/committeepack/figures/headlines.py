"""Headline figures: one generated statement per priority, declared in ``[[headlines]]``.

The same headline appears in the strategic assessment's summary and on the data on a page, so
the two can never disagree.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from ..errors import ConfigError, raise_all
from . import sentences
from .compute import percent_change, share
from .context import figure_context
from .model import Figure, FigureError
from .tables import Figures

STATEMENTS = ("change", "share", "count")
DEFAULT_SENTENCES = {
    "change": "{name} {change}",
    "share": "{name} made up {share} of {of}",
    "count": "{name}: {count}",
}


@dataclass(frozen=True)
class Headline:
    """A priority's headline: the big figure and the sentence that explains it."""

    priority: str
    priority_name: str  # the priority's short name, as printed
    statement: str
    figure: Figure
    big: str  # the figure in large type, in words where it moves: "Down 20.9%", "19%", "1,744"
    sentence: str


def load_headlines(config, figures: Figures) -> list[Headline]:
    """Build every ``[[headlines]]`` entry from the figures; raise all problems together."""
    reader = config.reader()
    entries = reader.get("headlines") or []
    context = figure_context(figures)
    headlines = []
    for number, entry in enumerate(entries, 1):
        where = f"headlines (entry {number})"
        try:
            headlines.append(_headline(entry, config, context, where))
        except ValueError as exc:
            reader.errors.append(
                ConfigError(
                    f"{where}: {exc}",
                    "committeepack.toml",
                    reader.line_of(("headlines", number - 1)),
                )
            )
    raise_all(reader.errors)
    return headlines


def _figure(reference, context: dict) -> Figure:
    if not isinstance(reference, str) or ":" not in reference:
        raise ValueError(
            f'{reference!r} is not a figure; write "table:row", e.g. "crime:Violent crime"'
        )
    table, row = reference.split(":", 1)
    if table not in context:
        raise ValueError(f"there is no table '{table}' in [tables]")
    try:
        return context[table][row.strip()]
    except FigureError as exc:
        raise ValueError(str(exc.message)) from None


def _headline(entry: dict, config, context: dict, where: str) -> Headline:
    priority = entry.get("priority")
    if config.priority(str(priority)) is None:
        raise ValueError(f"priority {priority!r} is not one of [[priorities]]")
    statement = entry.get("statement", "change")
    if statement not in STATEMENTS:
        raise ValueError(f"statement {statement!r} must be one of {', '.join(STATEMENTS)}")
    figure = _figure(entry.get("figure"), context)
    figure = getattr(figure, "_figure", figure)  # the figure itself, not narrative's view
    pieces = {
        "name": figure.name,
        "change": figure.change,
        "summary": figure.summary,
        "count": figure.stated("current"),
    }
    big = figure.stated("current")
    big = big[0].upper() + big[1:]
    if statement == "change" and (figure.hidden or figure.rule.low(figure.previous)):
        pass  # no percentage: the count, or "Fewer than 5"
    elif statement == "change":
        pct = percent_change(figure.previous, figure.current)
        if pct is not None and figure.current != figure.previous:
            direction = "Up" if figure.current > figure.previous else "Down"
            # to the sentence's precision, so "Up 12.7%" stands above "rose by 12.7%"
            big = f"{direction} {sentences.bounded_percent(abs(pct), 1)}"
        elif figure.current == figure.previous:
            big = "No change"
    elif statement == "share":
        whole = _figure(entry.get("of"), context)
        whole = getattr(whole, "_figure", whole)
        value = share(figure.current, whole.current)
        if value is None:
            raise ValueError(f"the share of {whole.name} cannot be worked out: it is 0")
        pieces["share"] = sentences.bounded_percent(value, 0, whole=True)
        pieces["of"] = sentences.mid_sentence(whole.name)
        big = pieces["share"]
    template = str(entry.get("sentence", DEFAULT_SENTENCES[statement]))
    fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    unknown = fields - pieces.keys()
    if unknown:
        raise ValueError(
            f"sentence uses {{{sorted(unknown)[0]}}}; it may use "
            f"{', '.join('{' + k + '}' for k in pieces)}"
        )
    text = template.format(**pieces)
    return Headline(
        str(priority),
        config.priority(str(priority)).short_name,
        statement,
        figure,
        big,
        text[0].upper() + text[1:] + ".",
    )
