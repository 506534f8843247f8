"""Jinja rendering, strict and sandboxed, for narrative text and for Word templates.

Templates and narrative come from users, so both environments are sandboxed, and a name that
does not exist is an error (never an empty string in a published paper). Jinja's own errors
are turned into one-line :class:`~committeepack.errors.CommitteePackError` messages that name
the narrative file and line, or the template paragraph the tag stands in.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError

from .errors import InputError, TemplateProblem
from .jinja_bounds import BoundedEnvironment
from .printable import NotText, explain, finalize, finalize_markdown

TEMPLATE_FILENAME = "<template>"
# the immutable sandbox's words for a method that changes a list, dict or set
MUTATION = re.compile(r"access to attribute '(\w+)' of '(list|dict|set|deque)' object is unsafe")


def long_date(value: dt.date) -> str:
    """A date the way council papers print it: ``2 June 2026``."""
    return f"{value.day} {value:%B %Y}"


def thousands(value) -> str:
    """A whole number with thousands separators: ``8,640``."""
    return f"{value:,}"


def environment(autoescape: bool, markdown: bool = False) -> BoundedEnvironment:
    """A strict, sandboxed Jinja environment with committeepack's filters, for one
    rendering (the work it may do is counted from when it is made). ``autoescape`` prints
    values as XML text (Word templates), ``markdown`` as Markdown text (narrative)."""
    env = BoundedEnvironment(
        undefined=StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        finalize=finalize_markdown if markdown else finalize,
    )
    env.filters["long_date"] = long_date
    env.filters["thousands"] = thousands
    return env


# what a template's own expressions can raise (1 / 0, int("x"), a number too large to print,
# a macro that calls itself for ever), besides Jinja's errors
RENDER_ERRORS = (
    UndefinedError,
    SecurityError,
    TemplateError,
    TypeError,
    ValueError,
    ArithmeticError,
    RecursionError,
    MemoryError,
)


def render_narrative(
    text: str, context: dict, path: str, first_line: int, markdown: bool = True
) -> str:
    """Render narrative Markdown as a Jinja template; errors name the file and line. Each
    value is printed as Markdown text (its ``*`` or ``[`` escaped) unless ``markdown`` is
    false, for text that is not read as Markdown (front matter)."""
    if "{" not in text:
        return text  # nothing to render; skip compiling
    env = environment(autoescape=False, markdown=markdown)
    try:
        return env.from_string(text).render(context)
    except TemplateSyntaxError as exc:
        raise InputError(
            f"template syntax error: {exc.message}; check the {{{{ }}}} and {{% %}} tags",
            path,
            first_line + (exc.lineno or 1) - 1,
        ) from None
    except NotText as exc:
        line = _template_line(exc)
        source = text.split("\n")[line - 1] if line else ""
        raise InputError(
            explain(exc, source), path, first_line + line - 1 if line else None
        ) from None
    except RENDER_ERRORS as exc:
        line = _template_line(exc)
        raise InputError(
            _explain(exc, context), path, first_line + line - 1 if line else None
        ) from None


def render_docx(tpl, context: dict, shown_as: str) -> None:
    """Render a docxtpl template in place; errors name the template paragraph."""
    env = environment(autoescape=True)
    try:
        tpl.render(context, env, autoescape=True)
    except TemplateSyntaxError as exc:
        where = _unclosed_at(tpl, exc.message or "") or _paragraph_at(tpl, exc.lineno)
        raise TemplateProblem(
            f"{where}template syntax error: {exc.message}; fix the tag in Word",
            shown_as,
        ) from None
    except NotText as exc:
        where = _paragraph_at(tpl, _template_line(exc))
        raise TemplateProblem(where + explain(exc, where), shown_as) from None
    except RENDER_ERRORS as exc:
        where = _paragraph_at(tpl, _template_line(exc))
        raise TemplateProblem(where + _explain(exc, context), shown_as) from None


def _template_line(exc: BaseException) -> int | None:
    """The template line a Jinja runtime error happened on, from the rewritten traceback."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == TEMPLATE_FILENAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _explain(exc: BaseException, context: dict) -> str:
    if isinstance(exc, UndefinedError) and getattr(exc, "complete", False):
        return str(exc.message)
    if isinstance(exc, UndefinedError):
        message = str(exc.message or exc)
        match = re.match(r"'([^']+)' is undefined", message)
        if match:
            name = match.group(1)
            close = difflib.get_close_matches(name, context.keys(), n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else (
                    "names available: "
                    + ", ".join(sorted(k for k in context if not k.startswith("_")))
                )
            )
            return f"'{name}' is not defined; {hint}"
        return f"{message}; check the name after the dot"
    if isinstance(exc, SecurityError):
        changed = MUTATION.match(str(exc))
        if changed:
            return (
                f"'{changed.group(1)}' would change a {changed.group(2)} the paper is made "
                "from, which a template may not do; write the text with a loop or a filter "
                "instead"
            )
        return f"not allowed in a template ({exc})"
    if isinstance(exc, RecursionError | MemoryError):
        return "the template calls itself without end or makes too much text; check its macros"
    if isinstance(exc, TypeError) and "no loader" in str(exc):  # Jinja's words for it
        return (
            "{% include %}, {% import %} and {% extends %} cannot be used (a paper reads no "
            "other file through its text); write the text here"
        )
    if isinstance(exc, ArithmeticError):
        return f"template arithmetic failed ({exc or exc.__class__.__name__}); check the sums"
    return f"template error: {exc}"


def _paragraph_at(tpl, lineno: int | None) -> str:
    """``in "...paragraph text...": `` for a line of docxtpl's body XML, or ``""``."""
    if not lineno:
        return ""
    # docxtpl renders the body XML with one paragraph per line; rebuild it the same way.
    xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(tpl.get_xml()))
    lines = xml.splitlines()
    if not 0 < lineno <= len(lines):
        return ""
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1]).strip()
    if not text:
        return ""
    if len(text) > 60:
        text = text[:57] + "..."
    return f'in "{text}": '


BLOCK_TAG = re.compile(r"\{%-?[a-z]?\s*(end)?(if|for|macro|block|with|filter|call)\b")


def _unclosed_at(tpl, message: str) -> str:
    """``in "...": `` for the paragraph whose block tag (``{% if %}``) is never closed, when
    that is the error; Jinja itself can only point at the template's end."""
    match = re.search(r"innermost block that needs to be closed is '(\w+)'", message)
    if not match:
        return ""
    xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(tpl.get_xml()))
    open_blocks: list[tuple[str, str]] = []
    for line in xml.splitlines():
        text = re.sub(r"<[^>]+>", "", line)
        for tag in BLOCK_TAG.finditer(text):
            if tag.group(1):
                if open_blocks and open_blocks[-1][0] == tag.group(2):
                    open_blocks.pop()
            else:
                open_blocks.append((tag.group(2), text.strip()))
    unclosed = [text for block, text in open_blocks if block == match.group(1)]
    if not unclosed:
        return ""
    text = unclosed[-1]
    return f'in "{text[:57] + "..." if len(text) > 60 else text}": '
