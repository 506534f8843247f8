"""The TOML reader finds the line of any key, so every configuration error can name it."""

import tomllib

from hypothesis import given
from hypothesis import strategies as st

from committeepack.config_reader import ConfigReader

NAMES = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True)
TABLES = st.dictionaries(NAMES, st.lists(NAMES, min_size=1, max_size=4, unique=True), max_size=4)


@given(TABLES)
def test_every_key_is_found_on_its_own_line(tables):
    lines, expected = ["# a project"], {}
    for table, keys in tables.items():
        lines += ["", f"[{table}]"]
        for key in keys:
            lines.append(f'{key} = "value"')
            expected[f"{table}.{key}"] = len(lines)
    text = "\n".join(lines)
    reader = ConfigReader(tomllib.loads(text), text)
    for dotted, line in expected.items():
        assert reader.line_of(dotted) == line
        assert reader.get(dotted) == "value"


def test_a_missing_key_points_at_its_table_and_is_reported_with_its_line():
    text = '[meeting]\ntime = "6pm"\n\n[council]\nname = "Brackenford Borough Council"\n'
    reader = ConfigReader(tomllib.loads(text), text)
    assert reader.text("council.area") == ""
    assert reader.date("meeting.date").year == 1970
    assert [str(e) for e in reader.errors] == [
        'committeepack.toml:4: council.area: missing; add it, for example  key = "text"',
        "committeepack.toml:1: meeting.date: missing; add the date as YYYY-MM-DD, without quotes",
    ]
