"""Places of committeepack's bundled example, which a new project's narrative must not keep.

``committeepack new`` copies the example, whose narrative names its area through
``{{ area }}``; but a sentence about "the Market Square ward" is still the example's. A build
warns of each place of the example that a narrative names when the project itself has no such
place (its area, council and partnership, or a row of one of its tables).
"""

from __future__ import annotations

import re

from .errors import InputError
from .frontmatter import JINJA_TAGS

# The example's area, county and districts (county-comparison.xlsx) and wards (wards.csv);
# tests/test_example_places.py checks this list against the example's own files.
EXAMPLE_PLACES = frozenset(
    {
        "Brackenford",
        "Westshire",
        "Eastmarsh",
        "Hollowmere",
        "Kingsfold",
        "Larkhill Vale",
        "Northwood",
        "Ravensby",
        "Saltbridge",
        "Thornbury Weald",
        "Westcombe",
        "Wickham Downs",
        "Yarrowdale",
        "Market Square",
        "Riverside",
        "Abbey Fields",
        "Hollins South",
        "Hollins North",
        "Bridgegate",
        "Eastgate",
        "Heathside",
        "Northfield",
        "Allbrook",
        "Barrow Green",
        "Coxley and Hunt",
        "Marsden and Yarrow",
        "Headley",
        "Sutton Vale",
        "Chartwell Hill",
    }
)


def own_names(config, figures) -> str:
    """Every name the project itself uses for a place or body, folded, a line each (one text,
    so a place is looked for in a table of 400,000 rows at the speed of ``in``)."""
    names = [config.area, config.council, config.partnership]
    for built in figures.tables.values():
        table = getattr(built, "table", None)
        names.extend(f.name for f in getattr(table, "figures", {}).values())
        names.extend(r.name for r in getattr(built, "layout", []))
    return "\n".join(n for n in names if n).casefold()


def strangers(config, figures) -> re.Pattern | None:
    """The places of the example that the project does not have, as one pattern."""
    own = own_names(config, figures)
    strangers = [p for p in EXAMPLE_PLACES if p.casefold() not in own]
    if not strangers:
        return None
    return re.compile(r"\b(" + "|".join(map(re.escape, sorted(strangers))) + r")\b")


def foreign_in_config(config, pattern: re.Pattern | None) -> list[InputError]:
    """A warning for each text value of committeepack.toml that names a place of the example
    the project does not have (a title still saying "Leader of Brackenford Borough Council")."""
    if pattern is None:
        return []
    reader = config.reader()
    problems = []

    def walk(value, path: tuple) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))
        elif isinstance(value, str):
            for place in dict.fromkeys(pattern.findall(value)):
                problems.append(
                    InputError(
                        f"{'.'.join(str(p) for p in path)}: '{place}' is a place of "
                        f"committeepack's example, not of this project ({config.area})",
                        "committeepack.toml",
                        reader.line_of(path),
                    )
                )

    walk(config.raw, ())
    return problems


def foreign_places(source, config, pattern: re.Pattern | None) -> list[InputError]:
    """A warning for each line of a narrative file that names a place of the example the
    project does not have."""
    if pattern is None:
        return []
    problems = []
    first = source.body_line
    for offset, line in enumerate(JINJA_TAGS.sub(" ", source.body).split("\n")):
        for place in dict.fromkeys(pattern.findall(line)):
            problems.append(
                InputError(
                    f"'{place}' is a place of committeepack's example, not of this project "
                    f"({config.area}); write {{{{ area }}}} or the place you mean",
                    source.path,
                    first + offset,
                )
            )
    return problems
