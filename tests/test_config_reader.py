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


ENTRIES = st.lists(st.lists(NAMES, min_size=1, max_size=3, unique=True), min_size=1, max_size=5)


@given(ENTRIES)
def test_every_key_of_every_array_entry_is_found_on_its_own_line(entries):
    lines, expected = ["# a project", "[council]", 'name = "x"'], {}
    for index, keys in enumerate(entries):
        lines += ["", "[[rows]]"]
        expected[("rows", index)] = len(lines)
        for key in keys:
            lines.append(f"{key} = [")
            lines.append('  "a", "b",')
            lines.append("]")
            expected[("rows", index, key)] = len(lines) - 2
    text = "\n".join(lines)
    reader = ConfigReader(tomllib.loads(text), text)
    for path, line in expected.items():
        assert reader.line_of(path) == line


def test_a_missing_key_points_at_its_table():
    text = '[meeting]\ntime = "6pm"\n\n[council]\nname = "Brackenford Borough Council"\n'
    reader = ConfigReader(tomllib.loads(text), text)
    assert reader.line_of("council.area") == 4
    assert str(reader.error("council.area", "missing")) == (
        "committeepack.toml:4: council.area: missing"
    )
    assert reader.line_of("nowhere.at.all") is None
