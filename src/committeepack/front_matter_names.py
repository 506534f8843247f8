"""Names from the configuration filled into a narrative's front matter: a title, a
recommendation, a timetable's meeting, each error at its own line."""

from __future__ import annotations

from .narrative import FrontMatter
from .render import render_narrative
from .yaml_lines import LineDict, LineList


def render_front_matter(front: FrontMatter, names: dict) -> FrontMatter:
    """The front matter with names filled into its text values (``title: {{ partnership }}
    Strategic Assessment``, a recommendation, a timetable's meeting), so that what it says
    follows the configuration too."""
    lines = getattr(front.source.meta, "lines", {})
    meta = {
        key: _filled(value, front.source.meta.get(key), names, front.path, lines.get(key, 1))
        for key, value in front.meta.items()
    }
    return FrontMatter(front.source, meta)


def _filled(value, written, names: dict, path: str, line: int):
    """``value`` with names filled into every text in it, each error at its own line;
    ``written`` is the same value as read, whose lists and tables know their lines."""
    if isinstance(value, str):
        return (
            render_narrative(value, names, path, line, markdown=False).strip()
            if "{" in value
            else value
        )
    if isinstance(value, list):
        item_lines = list(getattr(written, "lines", []))
        items = LineList(
            _filled(
                item,
                written[index] if isinstance(written, list) and index < len(written) else None,
                names,
                path,
                item_lines[index] if index < len(item_lines) else line,
            )
            for index, item in enumerate(value)
        )
        items.line, items.lines = line, item_lines
        return items
    if isinstance(value, dict):
        key_lines = dict(getattr(written, "lines", {}))
        table = LineDict(
            (
                key,
                _filled(
                    item,
                    written.get(key) if isinstance(written, dict) else None,
                    names,
                    path,
                    key_lines.get(key, line),
                ),
            )
            for key, item in value.items()
        )
        table.line, table.lines = line, key_lines
        return table
    return value
