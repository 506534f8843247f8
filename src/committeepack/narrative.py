"""Loading narrative inputs: front matter checked against a schema, the body split into sections.

A paper declares the front-matter keys it reads (:class:`Key`) and the sections its body must
hold (:class:`Section`). Problems are collected and raised together, each naming the file and
the line of the key or heading.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from markdown_it.tree import SyntaxTreeNode

from . import markdown_parse
from .errors import CommitteePackError, InputError, raise_all
from .frontmatter import LineDict, MarkdownFile, read_markdown
from .render import render_narrative


@dataclass(frozen=True)
class Key:
    """A front-matter key: its kind (text, texts, date, choice, mapping list), and whether needed.

    ``kind`` is one of ``text``, ``texts`` (a list of text), ``text_or_texts``, ``date``,
    ``integer``, ``choice`` (one of ``choices``) or ``rows`` (a list of mappings with ``fields``).
    """

    name: str
    kind: str
    required: bool = True
    choices: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    example: str = ""


@dataclass(frozen=True)
class Section:
    """A ``#`` section a narrative body may or must hold, matched by title (or an alias)."""

    key: str
    title: str
    aliases: tuple[str, ...] = ()
    required: bool = True


@dataclass
class Narrative:
    """A checked narrative file: typed front matter and the syntax tree of each section."""

    source: MarkdownFile
    meta: dict
    sections: dict[str, list[SyntaxTreeNode]]
    section_lines: dict[str, int | None]

    @property
    def path(self) -> str:
        """The file, as named in messages."""
        return self.source.path


@dataclass
class FrontMatter:
    """A narrative file read and its front matter checked; the body is not yet rendered."""

    source: MarkdownFile
    meta: dict

    @property
    def path(self) -> str:
        """The file, as named in messages."""
        return self.source.path


def read_front_matter(path: Path, shown_as: str, keys: list[Key]) -> FrontMatter:
    """Read one narrative file and check its front matter; raise every problem in it."""
    source = read_markdown(path, shown_as)
    errors: list[CommitteePackError] = []
    meta = check_front_matter(source.meta, keys, shown_as, errors)
    raise_all(errors)
    return FrontMatter(source, meta)


def render_sections(front: FrontMatter, sections: list[Section], names: dict) -> Narrative:
    """Render the body (a Jinja template over ``names`` and the front matter) and split it
    into its sections; raise every problem in it together."""
    source = front.source
    errors: list[CommitteePackError] = []
    body = render_narrative(source.body, {**names, **front.meta}, source.path, source.body_line)
    found, lines = split_sections(
        body, sections, source.path, source.body_line, errors, source=source.body
    )
    raise_all(errors)
    return Narrative(source, front.meta, found, lines)


def load_narrative(
    path: Path, shown_as: str, keys: list[Key], sections: list[Section], context: dict
) -> Narrative:
    """Read, check and parse one narrative file at once (front matter, then body)."""
    return render_sections(read_front_matter(path, shown_as, keys), sections, context)


def check_front_matter(meta: LineDict, keys: list[Key], path: str, errors: list) -> dict:
    """Typed values of ``meta`` for ``keys``; problems are appended to ``errors``."""
    known = {key.name: key for key in keys}
    for name in meta:
        if name not in known:
            close = difflib.get_close_matches(str(name), known, n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else ("the keys this file takes are: " + ", ".join(known))
            )
            errors.append(
                InputError(f"unknown front-matter key '{name}'; {hint}", path, meta.lines.get(name))
            )
    values = {}
    for key in keys:
        line = meta.lines.get(key.name, meta.line or 1)
        if key.name not in meta or meta[key.name] is None:
            if key.required:
                example = f" (for example  {key.name}: {key.example})" if key.example else ""
                errors.append(
                    InputError(f"front matter has no '{key.name}'; add it{example}", path, 1)
                )
            continue
        try:
            values[key.name] = _typed(key, meta[key.name])
        except ValueError as exc:
            errors.append(InputError(f"{key.name}: {exc}", path, line))
    return values


def _typed(key: Key, value):
    kind = key.kind
    if kind == "text":
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError("must be text")
        if not str(value).strip():
            raise ValueError("is empty; write the text or remove the key")
        return str(value).strip()
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"must be a whole number, not {value!r}")
        return value
    if kind == "date":
        if isinstance(value, dt.date):
            return value
        raise ValueError(date_problem(value))
    if kind == "choice":
        text = str(value).strip().casefold()
        if text not in key.choices:
            raise ValueError(f"{value!r} is not one of: {', '.join(key.choices)}")
        return text
    if kind in ("texts", "text_or_texts"):
        if kind == "text_or_texts" and isinstance(value, str):
            return value.strip()
        if not isinstance(value, list):
            raise ValueError("must be a list, one '- item' per line")
        items = []
        for index, item in enumerate(value, 1):
            if not isinstance(item, str | int | float) or not str(item).strip():
                raise ValueError(f"item {index} must be text")
            items.append(str(item).strip())
        return items
    if kind == "rows":
        return _rows(key, value)
    raise AssertionError(kind)  # pragma: no cover


def _rows(key: Key, value):
    if not isinstance(value, list):
        raise ValueError(f"must be a list of rows, each with {', '.join(key.fields)}")
    rows = []
    for index, row in enumerate(value, 1):
        if not isinstance(row, dict):
            raise ValueError(f"row {index} must have {', '.join(key.fields)}")
        unknown = [name for name in row if name not in key.fields]
        missing = [name for name in key.fields if row.get(name) in (None, "")]
        if unknown:
            raise ValueError(
                f"row {index} has unknown '{unknown[0]}'; rows take {', '.join(key.fields)}"
            )
        if missing:
            raise ValueError(f"row {index} has no '{missing[0]}'")
        rows.append(dict(row))
    return rows


def date_problem(value: object) -> str:
    """Why ``value`` is not a date, with the YYYY-MM-DD form to write where it can tell."""
    text = str(value).strip()
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            iso = dt.date(year, month, day).isoformat()
        except ValueError:
            return f"{text} is not a date that exists; write a real date as YYYY-MM-DD"
        return f"write {text} as {iso} (YYYY-MM-DD), so that it cannot be read the wrong way"
    return f"not a date ({value!r}); write it as YYYY-MM-DD"


_SKIP = "\0skip"


def priority_sections(config) -> list[Section]:
    """One required ``#`` section per priority of the project, matched by its short name,
    full name or key; its section key is ``priority:KEY``."""
    return [Section(f"priority:{p.key}", p.short_name, (p.name, p.key)) for p in config.priorities]


def normalise_title(text: str) -> str:
    """A heading reduced for matching: case, '&' and punctuation do not matter."""
    text = text.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def split_sections(
    body: str,
    sections: list[Section],
    path: str,
    first_line: int,
    errors: list,
    unknown_hint: str = "",
    empty_hint: str = "write its text",
    source: str | None = None,
):
    """The ``#`` sections of ``body`` as syntax-tree nodes, by section key.

    ``unknown_hint`` replaces the list of section titles in the message for an unknown
    heading; ``empty_hint`` says what to do about an empty section.
    """
    titles = {}
    for section in sections:
        for title in (section.title, *section.aliases):
            titles[normalise_title(title)] = section
    try:
        tree = markdown_parse.parse(body, source, path, first_line)
    except InputError as deep:
        errors.append(deep)
        return {}, {}
    found: dict[str, list] = {}
    lines: dict[str, int | None] = {}
    current = None
    preamble_reported = False
    for node in tree.children:
        line = first_line + node.map[0] if node.map else None
        if node.type == "heading" and node.tag == "h1":
            heading = node.children[0].content if node.children else ""
            found_section = titles.get(normalise_title(heading))
            if found_section is None:
                expected = unknown_hint or "the sections are: " + "; ".join(
                    f"# {s.title}" for s in sections
                )
                errors.append(InputError(f"unknown section '# {heading}'; {expected}", path, line))
                current = _SKIP  # its text is not reported again as stray text
                continue
            if found_section.key in found:
                errors.append(
                    InputError(
                        f"section '# {found_section.title}' appears twice (first on line "
                        f"{lines[found_section.key]}); merge them",
                        path,
                        line,
                    )
                )
            current = found_section.key
            found[found_section.key] = []
            lines[found_section.key] = line
        elif current is None:
            if not preamble_reported:
                preamble_reported = True
                errors.append(
                    InputError(
                        "text before the first section heading; start the body with a heading "
                        f"such as '# {sections[0].title}'",
                        path,
                        line,
                    )
                )
        elif current is not _SKIP:
            found[current].append(node)
    for section in sections:
        if section.key not in found:
            if section.required:
                errors.append(
                    InputError(f"no '# {section.title}' section; add it with its text", path, None)
                )
        elif not found[section.key]:
            errors.append(
                InputError(
                    f"section '# {section.title}' is empty; {empty_hint}", path, lines[section.key]
                )
            )
    return found, lines
