"""Optional columns a table seems to hold under a heading of its own: "Base (all
respondents)" for ``base``, "Police division" for ``division``. Such a column is not read
(only its own heading, or one mapped in committeepack.toml, is), so the papers would go
without it unsaid; a warning names the heading and how to map it. A rate per another number
of residents than 1,000 ("Rate per 100,000") is said to be one, as committeepack's are per
1,000."""

from __future__ import annotations

import re

from ..file_names import shortened
from .cells import Column
from .described_headings import another_measure, rate_base
from .headings import heading_key, toml_key
from .kind_columns import OPTIONAL_MEANING
from .raw_table import RawTable


def near_misses(
    table: RawTable, columns: list[Column], located: dict[str, str | None]
) -> list[str]:
    """What to do about each optional column the table lacks while one heading that no
    column took has its name as a word ("Base (all respondents)" for ``base``): the table
    may hold it under that heading, and the papers would go without it unsaid."""
    taken = {heading_key(h) for h in located.values() if h}
    unread = [h for h in table.columns if heading_key(h) not in taken]
    found = []
    for column in columns:
        meaning = OPTIONAL_MEANING.get(column.name)
        if meaning is None or located.get(column.name) is not None:
            continue
        if column.name == "rate":
            if located.get("population") is not None:
                continue  # the rates are worked out from the populations
            other = _rate_per_other(unread)
            if other:
                found.append(other)
                continue
        key = heading_key
        like = [h for h in unread if column.name in _words(h) or _a_rate(column, h)]
        like = [h for h in like if not another_measure(key(h), column.name)]
        if len(like) == 1:
            found.append(
                f"column '{shortened(like[0])}' is not read as '{column.name}' ({meaning}); if "
                f"it holds that, rename it '{column.name}' or map it in committeepack.toml with "
                f'columns = {{ {toml_key(column.name)} = "{like[0]}" }}'
            )
    return found


def _rate_per_other(headings: list[str]) -> str:
    """What to do about a rate per another number of residents (100,000) among ``headings``,
    or "" when there is none."""
    for heading in headings:
        base = rate_base(heading_key(heading))
        if base not in (None, 1000):
            return (
                f"column '{shortened(heading)}' is a rate per {base:,}, and committeepack's "
                "rates are per 1,000 residents, so the papers print none; give each district's "
                "population (a column 'population') for them to be worked out"
            )
    return ""


def _a_rate(column: Column, heading: str) -> bool:
    """Whether ``heading`` names a rate per 1,000 of something ("Burglaries per 1,000
    households"), for the column ``rate``."""
    return column.name == "rate" and rate_base(heading_key(heading)) == 1000


def _words(heading: str) -> set[str]:
    return set(re.findall(r"[a-z]+", heading_key(heading)))
