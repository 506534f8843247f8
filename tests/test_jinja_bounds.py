"""The bounded, immutable sandbox: each way a template could change what it is given, run a
loop for ever or make a text too large for memory, at its limit and just past it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jinja2.sandbox import SecurityError

from committeepack import jinja_bounds
from committeepack.errors import InputError
from committeepack.jinja_bounds import MAX_WIDTH
from committeepack.render import environment, render_narrative

from conftest import edit, run


def render(text: str, autoescape: bool = False, **context) -> str:
    return environment(autoescape=autoescape).from_string(text).render(context)


@pytest.mark.parametrize(
    "text",
    [
        "{% set x = [1] %}{% for i in x %}{% set _ = x.append(1) %}{% endfor %}",
        "{{ people.clear() }}",
        "{% if people.update({'a': 2}) %}{% endif %}",
        "{{ rows.pop() }}",
        "{{ seen.add(1) }}",
    ],
)
def test_what_a_template_is_given_cannot_be_changed(text):
    people, rows, seen = {"a": 1}, [1, 2], {1}
    with pytest.raises(SecurityError, match="is unsafe"):
        render(text, people=people, rows=rows, seen=seen)
    assert people == {"a": 1} and rows == [1, 2] and seen == {1}


def test_a_change_is_told_as_one_line_naming_the_method():
    with pytest.raises(InputError) as error:
        render_narrative("Text.\n{{ people.clear() }}\n", {"people": {}}, "inputs/x.md", 5)
    assert str(error.value) == (
        "inputs/x.md:6: 'clear' would change a dict the paper is made from, which a template "
        "may not do; write the text with a loop or a filter instead"
    )


def test_a_namespace_may_still_be_set_in_a_loop():
    text = "{% set ns = namespace(n=0) %}{% for r in rows %}{% set ns.n = ns.n + r %}{% endfor %}"
    assert render(text + "{{ ns.n }}", rows=[1, 2, 3]) == "6"


def test_loop_steps_up_to_the_limit_and_one_more(monkeypatch):
    monkeypatch.setattr(jinja_bounds, "MAX_STEPS", 12)
    assert render("{% for a in x %}{% for b in x %}.{% endfor %}{% endfor %}", x=[1, 2, 3]) == (
        "." * 9
    )  # 3 outer steps and 9 inner: 12
    with pytest.raises(SecurityError, match="loops that run more than 12 times"):
        render("{% for a in x %}{% for b in x %}.{% endfor %}{% endfor %}", x=[1, 2, 3, 4])


def test_nested_loops_over_a_table_stop_at_the_limit():
    rows = list(range(100))
    with pytest.raises(SecurityError, match="loops that run more than 100,000 times"):
        render(
            "{% for a in r %}{% for b in r %}{% for c in r %}{% endfor %}{% endfor %}{% endfor %}",
            r=rows,
        )


def test_loop_variables_still_work_through_the_count():
    assert render(
        "{% for i in x %}{{ loop.index }}/{{ loop.length }}{% if loop.last %}.{% endif %} "
        "{% endfor %}",
        x=iter("abc"),
    ) == ("1/3 2/3 3/3. ")
    assert render("{% for k, v in d.items() %}{{ k }}{{ v }}{% else %}none{% endfor %}", d={}) == (
        "none"
    )


def test_text_written_up_to_the_limit_and_one_more(monkeypatch):
    monkeypatch.setattr(jinja_bounds, "MAX_OUTPUT", 30)
    assert render("{% for i in x %}abcde{% endfor %}", x=range(6)) == "abcde" * 6
    with pytest.raises(SecurityError, match="writing more than 30 characters"):
        render("{% for i in x %}abcde{% endfor %}", x=range(7))
    assert render("{{ s }}{{ s }}", s="x" * 15) == "x" * 30
    with pytest.raises(SecurityError, match="writing more than 30"):
        render("{{ s }}{{ s }}{{ 1 }}", s="x" * 15)


@pytest.mark.parametrize(
    "form",
    [
        "{{{{ '%{w}d' % 1 }}}}",
        "{{{{ '%-{w}s' % 'a' }}}}",
        "{{{{ '%*d' % ({w}, 1) }}}}",
        "{{{{ '%{w}d'|format(1) }}}}",
        "{{{{ '{{:>{w}}}'.format(1) }}}}",
        "{{{{ '{{:>{{w}}}}'.format(1, w={w}) }}}}",
        "{{{{ 'a'|center({w}) }}}}",
        "{{{{ 'a'.center({w}) }}}}",
        "{{{{ 'a'.ljust({w}) }}}}",
        "{{{{ 'a'.zfill({w}) }}}}",
        "{{{{ 'a\nb'|indent({w}) }}}}",
    ],
)
@given(width=st.integers(min_value=MAX_WIDTH - 3, max_value=MAX_WIDTH + 3))
def test_every_way_of_padding_or_formatting_stops_at_the_same_width(form, width):
    text = form.format(w=width)
    if width <= MAX_WIDTH:
        assert len(render(text)) >= width
    else:
        with pytest.raises(SecurityError, match=f"wider than {MAX_WIDTH:,}"):
            render(text)


def test_ordinary_formatting_is_untouched():
    assert render("{{ '%.1f%%' % 2.25 }} {{ '{:,}'.format(1234567) }} {{ 10 % 3 }}") == (
        "2.2% 1,234,567 1"
    )
    assert render("{{ '%(a)s and %(b)s' % {'a': 1, 'b': 2} }}") == "1 and 2"
    assert render("{{ [3, 1]|batch(1)|list|length }} {{ 'a b c'|wordwrap(3) }}") == "2 a b\nc"


@pytest.mark.parametrize(
    "form",
    [
        "{{ x|join(sep) }}",
        "{{ sep.join(x) }}",
        "{{ s|replace('a', 'bb') }}",
        "{{ s.replace('a', 'bb') }}",
        "{{ s ~ t }}",
        "{{ s + t }}",
    ],
)
def test_joined_added_and_replaced_text_up_to_the_limit_and_one_more(monkeypatch, form):
    monkeypatch.setattr(jinja_bounds, "MAX_TEXT", 20)
    fits = {"x": ["ab"] * 7, "sep": "-", "s": "a" * 10, "t": "c" * 10}  # 14 + 6, 20, 20
    assert len(render(form, **fits)) == 20
    over = {"x": ["ab"] * 7, "sep": "--", "s": "a" * 10 + "z", "t": "c" * 10}  # 26, 21, 21
    with pytest.raises(SecurityError, match="more than 20 characters"):
        render(form, **over)


def test_concatenation_still_escapes_in_a_word_template():
    assert render("{{ a ~ b }}", autoescape=True, a="<", b="&") == "&lt;&amp;"
    assert render("{{ a ~ b }}", a="<", b="&") == "<&"


def test_a_narrative_loop_that_feeds_itself_is_one_line_and_no_paper(minimal):
    narrative = minimal / "inputs/agenda-item.md"
    text = narrative.read_text(encoding="utf-8")
    first_heading = text.index("\n# ") + 1
    edit(
        narrative,
        text[first_heading:].split("\n", 1)[0],
        text[first_heading:].split("\n", 1)[0]
        + "\n\n{% set x = [1] %}{% for i in x %}{% set _ = x.append(1) %}{% endfor %}",
    )
    result = run(minimal, "build")
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith("Error: inputs/agenda-item.md:")
    assert line.endswith(
        ": 'append' would change a list the paper is made from, which a template may not do; "
        "write the text with a loop or a filter instead"
    )
    assert not (minimal / "out").exists() or not list((minimal / "out").glob("*.docx"))


@pytest.mark.parametrize(
    ("template", "limit"),
    [
        # 1,000 characters wrapped at every character: 1,001 lines, each given the wrapstring
        ("{{{{ ('x' * 1000)|wordwrap(1, true, 'y' * {n}) }}}}", 998),
        ("{{{{ ('x' * 1000)|wordwrap(width=1, wrapstring='y' * {n}) }}}}", 998),
        # 999 lines, each given the indent
        ("{{{{ ('a\\n' * 998 ~ 'a')|indent('y' * {n}, true) }}}}", 999),
    ],
)
def test_wrapping_and_indenting_stop_at_the_text_limit(template, limit):
    assert jinja_bounds.MAX_TEXT == 1_000_000  # the limits below are worked out from it
    assert len(render(template.format(n=limit))) <= jinja_bounds.MAX_TEXT
    with pytest.raises(SecurityError, match="more than 1,000,000 characters"):
        render(template.format(n=limit + 1))
