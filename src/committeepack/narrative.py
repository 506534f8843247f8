"""Loading narrative inputs: front matter checked against a schema, the body split into sections.

A paper declares the front-matter keys it reads (a table of :class:`.schema.Field`, the schema
that also checks ``committeepack.toml``) and the sections its body must hold
(:class:`Section`). Problems are collected and raised together, each naming the file and
the line of the key or heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markdown_it.tree import SyntaxTreeNode

from . import markdown_parse
from .errors import CommitteePackError, InputError, raise_all
from .frontmatter import MarkdownFile, line_of, read_markdown
from .render import render_narrative
from .schema import YAML, Field, shown, validate
from .yaml_lines import LineDict


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


def read_front_matter(path: Path, shown_as: str, schema: Field) -> FrontMatter:
    """Read one narrative file and check its front matter; raise every problem in it."""
    source = read_markdown(path, shown_as)
    errors: list[CommitteePackError] = []
    meta = check_front_matter(source.meta, schema, shown_as, errors)
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
    path: Path, shown_as: str, schema: Field, sections: list[Section], context: dict
) -> Narrative:
    """Read, check and parse one narrative file at once (front matter, then body)."""
    return render_sections(read_front_matter(path, shown_as, schema), sections, context)


def check_front_matter(meta: LineDict, schema: Field, path: str, errors: list) -> dict:
    """The values of ``meta`` that ``schema`` (a table) accepts, texts stripped and choices
    in lower case; each problem is appended to ``errors`` at its line (a missing key at
    line 1)."""
    problems = validate(meta, schema, syntax=YAML)
    for problem in problems:
        line = line_of(meta, problem.path) or 1
        errors.append(InputError(f"{shown(problem.path)}: {problem.message}", path, line))
    wrong = {problem.path[0] for problem in problems if problem.path}
    return {  # the keys without problems, so that later checks can still look at them
        name: _typed(meta[name], field)
        for name, field in schema.fields.items()
        if meta.get(name) is not None and name not in wrong
    }


def _typed(value, field: Field):
    """A checked value as the papers use it: texts stripped, choices in lower case."""
    if field.kind == "choice":
        return str(value).strip().casefold()
    if field.kind in ("texts", "text_or_texts") and isinstance(value, list):
        return [str(item).strip() for item in value]
    if field.kind in ("text", "text_or_texts"):
        return str(value).strip()
    if field.kind == "array" and field.item is not None:
        return [_typed(item, field.item) for item in value]
    if field.kind == "table":
        return {
            name: _typed(value[name], sub) for name, sub in field.fields.items() if name in value
        }
    return value


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
    suggested: set[str] = set()  # sections an unknown heading was perhaps meant to be
    current = None
    preamble_reported = False
    for node in tree.children:
        line = first_line + node.map[0] if node.map else None
        if node.type == "heading" and node.tag == "h1":
            heading = node.children[0].content if node.children else ""
            found_section = titles.get(normalise_title(heading))
            if found_section is None:
                meant = _meant(heading, titles)
                if meant is not None:
                    suggested.add(meant.key)
                    expected = f"did you mean '# {meant.title}'?"
                else:
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
            if section.required and section.key not in suggested:
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


def _meant(heading: str, titles: dict) -> Section | None:
    """The section a heading that is none of them was perhaps meant to be (a close spelling
    of a title: '# Finance' for '# Financial'), if any."""
    import difflib

    close = difflib.get_close_matches(normalise_title(heading), list(titles), n=1, cutoff=0.75)
    return titles[close[0]] if close else None
