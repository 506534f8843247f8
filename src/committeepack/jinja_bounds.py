"""The work one Jinja rendering may do, bounded, for narrative and templates from users.

Jinja's sandbox keeps a template from Python's internals and (immutable) from changing the
lists and tables it is given, which would let one narrative alter the figures another paper
prints, or make a loop that feeds itself run for ever. It does not bound the work: nested
loops, or text grown by repeating, joining, padding or formatting, can stall a build or
exhaust the memory of the machine. Each way of making text or running a loop is counted here
against limits far above any paper's needs, and refused past them.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator

from jinja2 import nodes, pass_eval_context
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.visitor import NodeTransformer

MAX_LOOPS = 100_000  # steps of every range() of one rendering together
MAX_STEPS = 100_000  # times the {% for %} loops of one rendering run, together
MAX_REPEAT = 100_000  # items of a text or list made by repeating it ("-" * 20)
MAX_POWER = 1_000  # the largest power taken (2 ** 10 is fine; 10 ** 10 ** 9 is not)
MAX_TEXT = 1_000_000  # characters of one text made by joining, adding or replacing
MAX_WIDTH = 1_000  # the widest a value may be padded or formatted to
MAX_OUTPUT = 50_000_000  # characters one rendering writes (a long paper's body: 2 million)

COUNTED = "committeepack_counted"  # the filter every {% for %} loop's items pass through
JOINED = "committeepack_joined"  # the filter a ~ concatenation is made with
PADDING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
PADDING_FILTERS = ("center", "indent", "batch", "slice", "wordwrap")
# the width and precision of a %-format or a str.format field: %-10.3f, {:>12,}
PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?")
SPEC_NUMBER = re.compile(r"\d+")


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with the work of one rendering bounded (make one per
    rendering: the counts start when it is made)."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, finalize=None, **options) -> None:
        super().__init__(finalize=self._counted_output, **options)
        self._finalize = finalize
        self._loops_left = MAX_LOOPS
        self._steps_left = MAX_STEPS
        self._output_left = MAX_OUTPUT
        self.globals["range"] = self._range
        self.filters[COUNTED] = self._counted_steps
        self.filters[JOINED] = _joined
        self.filters["join"] = _bounded_join(self.filters["join"])
        self.filters["replace"] = _bounded_replace(self.filters["replace"])
        self.filters["format"] = _bounded_format(self.filters["format"])
        for name in PADDING_FILTERS:
            self.filters[name] = _bounded_padding(self.filters[name], name)

    def _parse(self, source, name, filename):
        return _CountedLoops().visit(super()._parse(source, name, filename))

    def _range(self, *args: int) -> range:
        steps = range(*args)
        self._loops_left -= len(steps)
        if self._loops_left < 0:
            raise SecurityError(f"loops that run more than {MAX_LOOPS:,} times in all")
        return steps

    def _counted_steps(self, items: Iterable, text_per_step: int = 0) -> Iterator:
        for item in items:
            self._steps_left -= 1
            self._charge(text_per_step)
            if self._steps_left < 0:
                raise SecurityError(f"loops that run more than {MAX_STEPS:,} times in all")
            yield item

    def _counted_output(self, value: object) -> object:
        if isinstance(value, str | int | float):
            self._charge(len(str(value)) if isinstance(value, str) else 20)
        return value if self._finalize is None else self._finalize(value)

    def _charge(self, characters: int) -> None:
        self._output_left -= characters
        if self._output_left < 0:
            raise SecurityError(f"writing more than {MAX_OUTPUT:,} characters")

    def call_binop(self, context, operator: str, left, right):
        """``*``, ``**``, ``%`` and ``+``, refused when the result would be too large to be
        meant."""
        if operator == "**":
            if isinstance(right, int | float) and abs(right) > MAX_POWER:
                raise SecurityError(f"a power above {MAX_POWER:,}")
            return left**right
        if operator == "%":
            if isinstance(left, str):
                _check_percent(left, right)
            return left % right
        if operator == "+":
            if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
                _check_size(len(left) + len(right), MAX_TEXT)
            return left + right
        for sequence, times in ((left, right), (right, left)):
            repeated = isinstance(sequence, str | list | tuple) and isinstance(times, int)
            if repeated and len(sequence) * times > MAX_REPEAT:
                raise SecurityError(f"repeating to more than {MAX_REPEAT:,} items")
        return left * right

    def call(__self, __context, __obj, *args, **kwargs):
        """A call, with the text methods that can make a text of any size checked first."""
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            name = getattr(__obj, "__name__", "")
            if name in PADDING_METHODS:
                _check_widths(name, args, kwargs)
            elif name == "join" and args:
                args = (_checked_items(args[0], owner),)
            elif name == "replace" and len(args) >= 2:
                _check_replace(owner, args[0], args[1])
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value):
        """``"{:>10}".format(x)``, refused when a field is wider or more precise than
        :data:`MAX_WIDTH`, or takes its width from a value (``{:>{w}}``) above it."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        nested = False
        for _, _, spec, _ in string.Formatter().parse(value.__self__):
            nested = nested or "{" in (spec or "")
            for number in SPEC_NUMBER.findall(spec or ""):
                if int(number) > MAX_WIDTH:
                    raise SecurityError(f"a text formatted wider than {MAX_WIDTH:,}")

        def checked(*args, **kwargs):
            if nested:
                given = [*args, *kwargs.values()]
                if value.__name__ == "format_map" and args and isinstance(args[0], dict):
                    given = list(args[0].values())
                _check_widths("a nested format field", tuple(given), {})
            return wrapped(*args, **kwargs)

        return checked


class _CountedLoops(NodeTransformer):
    """Every ``{% for %}`` loop's items passed through the counting filter, charged with the
    text its body writes each time round; every ``~`` made with the checked join."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        text = _own_text(node.body)
        node.iter = nodes.Filter(
            node.iter, COUNTED, [nodes.Const(text)], [], None, None, lineno=node.lineno
        )
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        joined = nodes.List(node.nodes, lineno=node.lineno)
        return nodes.Filter(joined, JOINED, [], [], None, None, lineno=node.lineno)


def _own_text(body: list[nodes.Node]) -> int:
    """The characters of template text in ``body`` outside any loop nested in it."""
    total = 0
    for node in body:
        if isinstance(node, nodes.TemplateData):
            total += len(node.data)
        elif not isinstance(node, nodes.For):
            total += _own_text(list(node.iter_child_nodes()))
    return total


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        raise SecurityError(f"making a text of more than {limit:,} characters")


def _checked_items(items: Iterable, separator: str) -> list:
    listed = list(items)
    size = sum(len(str(item)) for item in listed) + len(separator) * max(len(listed) - 1, 0)
    _check_size(size, MAX_TEXT)
    return listed


def _check_replace(text: str, old, new) -> None:
    if isinstance(old, str) and isinstance(new, str) and len(new) > len(old):
        times = text.count(old) if old else len(text) + 1
        _check_size(len(text) + times * (len(new) - len(old)), MAX_TEXT)


def _check_widths(name: str, args: tuple, kwargs: dict) -> None:
    for value in (*args, *kwargs.values()):
        too_wide = isinstance(value, int) and value > MAX_WIDTH
        if too_wide or (isinstance(value, str) and len(value) > MAX_WIDTH):
            raise SecurityError(f"{name} wider than {MAX_WIDTH:,}")


def _check_lines_added(name: str, args: tuple, kwargs: dict) -> None:
    """wordwrap and indent add a text to every line they make: within the widths allowed,
    a million characters wrapped at 1 with a 1,000-character wrapstring would make a
    billion."""
    if name not in ("wordwrap", "indent") or not args or not isinstance(args[0], str):
        return
    text = args[0]
    if name == "wordwrap":
        width = kwargs.get("width", args[1] if len(args) > 1 else 79)
        added = kwargs.get("wrapstring", args[3] if len(args) > 3 else None) or "\n"
        lines = len(text) // max(width, 1) if isinstance(width, int) else 0
    else:
        added = kwargs.get("width", args[1] if len(args) > 1 else 4)
        lines = 0
    each = len(added) if isinstance(added, str) else added if isinstance(added, int) else 0
    if len(text) + (lines + text.count("\n") + 1) * max(each, 0) > MAX_TEXT:
        raise SecurityError(f"{name} making a text of more than {MAX_TEXT:,} characters")


def _check_percent(text: str, values) -> None:
    for match in PERCENT_FIELD.finditer(text):
        for number in match.groups():
            if number is not None and number != "*" and int(number) > MAX_WIDTH:
                raise SecurityError(f"a text formatted wider than {MAX_WIDTH:,}")
        if "*" in match.groups():
            given = values if isinstance(values, tuple) else (values,)
            _check_widths("a %* field", given, {})


@pass_eval_context
def _joined(eval_ctx, items: list):
    _checked_items(items, "")
    return (markup_join if eval_ctx.autoescape else str_join)(items)


def _bounded_join(join):
    @pass_eval_context
    def bounded(eval_ctx, value, d="", attribute=None):
        listed = list(value)
        if attribute is None:
            _checked_items(listed, str(d))
        return join(eval_ctx, listed, d, attribute)

    return bounded


def _bounded_replace(replace):
    @pass_eval_context
    def bounded(eval_ctx, s, old, new, count=None):
        _check_replace(str(s), str(old), str(new))
        return replace(eval_ctx, s, old, new, count)

    return bounded


def _bounded_format(format_filter):
    def bounded(value, *args, **kwargs):
        _check_percent(str(value), tuple(args) or tuple(kwargs.values()))
        return format_filter(value, *args, **kwargs)

    return bounded


def _bounded_padding(padding, name: str):
    passes = getattr(padding, "jinja_pass_arg", None)  # wordwrap is given the environment

    def bounded(*args, **kwargs):
        _check_widths(name, args[2:] if passes else args[1:], kwargs)
        _check_lines_added(name, args[1:] if passes else args, kwargs)
        return padding(*args, **kwargs)

    if passes is not None:
        bounded.jinja_pass_arg = passes  # type: ignore[attr-defined]
    return bounded
