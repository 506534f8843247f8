"""A period's label read for the months it covers, so that two tables, or a heading and the
period committeepack.toml names, agree however the range is written: ``Oct 2024 - Sep 2025``,
``October 2024 to September 2025``, ``Oct24-Sep25``, ``Oct-24 - Sep-25``; ``Year ending Sep 2025``,
``12 months to Sep 25`` (as the ONS and police dashboards head a rolling year); ``2023/24``,
``2023-24``, ``2023/2024``."""

from __future__ import annotations

import functools
import re

from .months import MONTH_NUMBERS

MONTHS = MONTH_NUMBERS  # a month's number by its name or abbreviation
# a month and its year may be apart, as Excel writes a month into a cell: "Oct-12 - Sep-13";
# "i" is Welsh's "to" ("Hyd 2024 i Medi 2025")
RANGE = re.compile(
    r"^\s*([a-z]+)\.?[\s/-]*(\d{2}|\d{4})\s*(?:-|–|to|i)\s*([a-z]+)\.?[\s/-]*(\d{2}|\d{4})\s*$",
    re.I,
)
# the twelve months up to and including a month: "Year ending Mar 2024", "12 months to Sep 25",
# "Twelve months ended September 2025", "YE Mar 24"
YEAR_ENDING = re.compile(
    r"^\s*(?:(?:the\s+)?(?:12|twelve)\s+months|(?:rolling\s+)?year)\s+(?:ending|ended|to)\s+"
    r"([a-z]+)\.?[\s/-]*(\d{2}|\d{4})\s*$|^\s*ye\s+([a-z]+)\.?[\s/-]*(\d{2}|\d{4})\s*$",
    re.I,
)
FINANCIAL = re.compile(r"^\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*$")


@functools.lru_cache(maxsize=256)  # a table of 400,000 rows states the same two periods
def period_key(label: str) -> str:
    """The months a period covers, as ``2024-10..2025-09``; its folded text when not a range."""
    match = RANGE.match(label)
    if match and match.group(1).lower() in MONTHS and match.group(3).lower() in MONTHS:
        first = (_year(match.group(2)), MONTHS[match.group(1).lower()])
        last = (_year(match.group(4)), MONTHS[match.group(3).lower()])
        return f"{first[0]}-{first[1]:02d}..{last[0]}-{last[1]:02d}"
    match = YEAR_ENDING.match(label)
    if match:
        name, year = match.group(1) or match.group(3), match.group(2) or match.group(4)
        if name.lower() in MONTHS:
            last = (_year(year), MONTHS[name.lower()])
            first = (last[0], 1) if last[1] == 12 else (last[0] - 1, last[1] + 1)
            return f"{first[0]}-{first[1]:02d}..{last[0]}-{last[1]:02d}"
    match = FINANCIAL.match(label)
    if match:
        start = int(match.group(1))
        end = _year(match.group(2), century=start // 100)
        if end == start + 1:
            return f"{start}-04..{end}-03"
    return " ".join(label.casefold().split())


def _year(text: str, century: int = 20) -> int:
    return int(text) if len(text) == 4 else century * 100 + int(text)
