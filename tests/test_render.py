"""The bounded sandbox: what one rendering may do, at the limits and just past them."""

import pytest
from jinja2.sandbox import SecurityError

from committeepack.jinja_bounds import MAX_LOOPS, MAX_POWER, MAX_REPEAT
from committeepack.render import environment


def render(text: str) -> str:
    return environment(autoescape=False).from_string(text).render()


def test_loops_up_to_the_limit_run_and_one_more_is_refused():
    assert render(f"{{{{ range({MAX_LOOPS}) | length }}}}") == str(MAX_LOOPS)
    half = MAX_LOOPS // 2
    assert render(f"{{{{ range({half}) | length }}}}{{{{ range({half}) | length }}}}") == (
        f"{half}{half}"
    )
    with pytest.raises(SecurityError, match="loops that run more than"):
        render(f"{{{{ range({half}) | length }}}}{{{{ range({half + 1}) | length }}}}")


def test_each_rendering_counts_its_own_loops():
    for _ in range(3):
        assert render(f"{{{{ range({MAX_LOOPS}) | length }}}}") == str(MAX_LOOPS)


def test_repeating_text_up_to_the_limit_and_past_it():
    assert len(render(f"{{{{ '-' * {MAX_REPEAT} }}}}")) == MAX_REPEAT
    assert len(render(f"{{{{ {MAX_REPEAT // 2} * 'ab' }}}}")) == MAX_REPEAT
    with pytest.raises(SecurityError, match="repeating to more than"):
        render(f"{{{{ 'ab' * {MAX_REPEAT // 2 + 1} }}}}")
    assert render("{{ 6 * 7 }}") == "42"


def test_powers_up_to_the_limit_and_past_it():
    assert render(f"{{{{ 1 ** {MAX_POWER} }}}}") == "1"
    assert render("{{ 2 ** 10 }}") == "1024"
    with pytest.raises(SecurityError, match="a power above"):
        render(f"{{{{ 2 ** {MAX_POWER + 1} }}}}")
