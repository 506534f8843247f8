"""Small numbers and the official shorthand for what a table does not show.

The GOV.UK Analysis Function's symbols: ``[z]`` not applicable (a % change from zero), ``[x]``
not available, ``[c]`` confidential (a count too small to publish), ``[low]`` (a % change on a
base too small to mean much). ``[symbols]`` in committeepack.toml sets the rules:
``suppress_below = 5`` prints counts of 1 to 4 as ``[c]``; ``low_base = 10`` prints the %
change from a base under 10 as ``[low]``.

Suppression is primary (the small counts) and secondary: wherever a printed total is the sum of
printed rows, a single hidden cell could be worked out by subtraction, so the smallest other
cell of that sum is hidden too, until every sum hides none or at least two of its cells. A row
with a hidden count hides its difference, % change and rate as well.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

SYMBOLS = {
    "[z]": "not applicable (a percentage change from zero)",
    "[x]": "not available",
    "[c]": "confidential: a count too small to publish, or one that would reveal it",
    "[low]": "a percentage change on a base too small to be meaningful",
}


@dataclass(frozen=True)
class Disclosure:
    """The project's rules for small numbers; zero turns a rule off."""

    below: int = 0  # counts from 1 to below - 1 are hidden as [c]
    low_base: int = 0  # % changes from a base from 1 to low_base - 1 print [low]

    def hides(self, value) -> bool:
        """Whether a count is too small to publish."""
        return self.below > 0 and 0 < value < self.below

    def low(self, base) -> bool:
        """Whether a % change from ``base`` means too little to print."""
        return self.low_base > 0 and 0 < base < self.low_base

    @property
    def fewer(self) -> str:
        """How sentences state a hidden count: ``fewer than 5``."""
        return f"fewer than {self.below:,}"

    def note(self, symbol: str) -> str:
        """The note that explains ``symbol`` in a paper."""
        text = SYMBOLS[symbol]
        if symbol == "[c]" and self.below:
            text = f"confidential: a count below {self.below:,}, or one that would reveal it"
        elif symbol == "[low]" and self.low_base:
            text = f"a percentage change on a base below {self.low_base:,}, too small to mean much"
        return text


NO_RULES = Disclosure()  # nothing hidden, every % change printed


def disclosure_rule(config) -> Disclosure:
    """The project's rules, from ``[symbols]``."""
    symbols = config.raw.get("symbols") or {}
    return Disclosure(int(symbols.get("suppress_below", 0)), int(symbols.get("low_base", 0)))


K = TypeVar("K", bound=Hashable)


def suppress(
    values: Mapping[K, Any],
    sums: Iterable[tuple[K | None, list[K]]],
    rule: Disclosure,
) -> set[K]:
    """The cells to hide: the small ones, and enough others that no sum (``total``, its
    ``parts``; a sum with no printed total constrains nothing) hides exactly one cell."""
    hidden = {key for key, value in values.items() if rule.hides(value)}
    if not hidden:
        return hidden
    groups = [(total, parts) for total, parts in sums if total is not None]
    changed = True
    while changed:
        changed = False
        for total, parts in groups:
            cells = [*parts, total]
            if sum(cell in hidden for cell in cells) != 1:
                continue
            candidates = [p for p in parts if p not in hidden]
            shown = [p for p in candidates if values[p] != 0] or candidates or [total]
            hidden.add(min(shown, key=lambda key: (values[key], str(key))))
            changed = True
    return hidden
