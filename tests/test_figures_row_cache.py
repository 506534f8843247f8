"""The binary cache of checked rows gives back exactly what was written, or nothing."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from committeepack.figures.row_cache import CacheUnreadable, read_rows, write_rows

TEXT = st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=12)
CELL = st.one_of(
    st.none(),
    st.integers(-(2**70), 2**70),
    TEXT,
    st.fractions(max_denominator=1000),
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.one_of(st.none(), TEXT), st.one_of(st.none(), st.integers(0, 10**9)), CELL),
        max_size=20,
    )
)
def test_rows_read_back_equal_and_of_the_same_types(tmp_path_factory, cells):
    path = tmp_path_factory.mktemp("cache") / "t.rows"
    columns = {
        "name": [a for a, _, _ in cells],
        "count": [b for _, b, _ in cells],
        "value": [c for _, _, c in cells],
    }
    lines = list(range(2, 2 + len(cells)))
    write_rows(path, columns, lines)
    again, lines_again = read_rows(path)
    assert again == columns and lines_again == lines
    for name, values in columns.items():
        assert [type(v) for v in values] == [type(v) for v in again[name]]


def test_an_exact_fraction_stays_exact(tmp_path):
    path = tmp_path / "t.rows"
    write_rows(path, {"x": [Fraction(3, 20), 7]}, [2, 3])
    assert read_rows(path)[0] == {"x": [Fraction(3, 20), 7]}


@pytest.mark.parametrize("damage", [b"", b"{}", b"committeepack rows 1\n{\n", b"\x80\x03pickle"])
def test_a_file_that_is_not_a_cache_is_refused_not_trusted(tmp_path, damage):
    path = tmp_path / "t.rows"
    path.write_bytes(damage)
    with pytest.raises(CacheUnreadable):
        read_rows(path)


def test_a_cut_short_cache_is_refused(tmp_path):
    path = tmp_path / "t.rows"
    write_rows(path, {"x": list(range(50))}, list(range(2, 52)))
    path.write_bytes(path.read_bytes()[:-20])
    with pytest.raises(CacheUnreadable):
        read_rows(path)


def test_rows_made_from_columns_only_when_asked_for(tmp_path):
    from committeepack.figures.load import Rows, Source

    rows = Rows(Source(tmp_path / "t.csv", "t.csv"), None, [2, 3], {"a": [1, 2], "b": ["x", "y"]})
    assert rows.column("a") == [1, 2] and rows.names() == ["a", "b"]
    assert rows._rows is None  # no dictionary made yet
    assert rows.rows == [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}]
    rows.rows[0]["a"] = 5  # a builder that edits the dictionaries sees its edits in columns
    assert rows.column("a") == [5, 2]
    empty = Rows(Source(tmp_path / "t.csv", "t.csv"), None, [2, 3], {})
    assert empty.rows == [{}, {}] and empty.names() == []


def test_the_cache_key_covers_every_module_the_checks_import():
    """A reading or checking module left out of the key would keep rows passed by its old
    rules. Only what words the messages (errors, file names) may be left out: no message
    is cached."""
    import ast
    from pathlib import Path

    from committeepack.figures import row_cache

    package = Path(row_cache.__file__).parents[1]
    found, waiting = set(), ["figures/load.py"]
    while waiting:
        module = waiting.pop()
        if module in found:
            continue
        found.add(module)
        folder = Path(module).parent
        for node in ast.walk(ast.parse((package / module).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = folder
                for _ in range(node.level - 1):
                    base = base.parent
                named = [node.module] if node.module else [a.name for a in node.names]
                for name in named:
                    target = (base / name.replace(".", "/")).as_posix().removeprefix("./")
                    if (package / f"{target}.py").is_file():
                        waiting.append(f"{target}.py")
    assert "figures/headings.py" in found  # the walk finds what load imports
    messages_only = {"errors.py", "file_names.py"}
    assert found - messages_only <= set(row_cache.CHECKING_CODE)
