"""Input nested without end (lists in lists, emphasis in emphasis), which the parsers read by
recursion, is one error at the line of the deep value, never a traceback; committeepack.toml
saved with a byte order mark (as Notepad may) is read as it is written."""

import pytest

from conftest import edit, run

AGENDA = "inputs/agenda-item.md"


def errors(project) -> list[str]:
    result = run(project, "build")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert not (project / "out").exists() or not any((project / "out").iterdir())
    return result.output.splitlines()


def append(path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize("depth", [3000, 50_000])
def test_a_toml_value_nested_without_end(minimal, depth):
    lines = len((minimal / "committeepack.toml").read_text(encoding="utf-8").splitlines())
    append(minimal / "committeepack.toml", "\ndeep = " + "[" * depth + "]" * depth + "\n")
    assert errors(minimal) == [
        f"Error: committeepack.toml:{lines + 2}: not valid TOML (a value nested in itself "
        "without end); write each list or table inside at most a few others"
    ]


@pytest.mark.parametrize(
    "deep",
    [
        "x: " + "[" * 3000 + "]" * 3000,
        "x: " + "{a: " * 3000 + "1" + "}" * 3000,
        "".join(" " * i + "k:\n" for i in range(1500)) + " " * 1500 + "k: 1",
    ],
    ids=["lists", "tables", "indented"],
)
def test_front_matter_nested_without_end(minimal, deep):
    edit(minimal / AGENDA, "title: Test Report", f"title: Test Report\n{deep}")
    [line] = errors(minimal)
    message = (
        ": front matter nests a value in itself without end; write each list or table inside "
        "at most a few others"
    )
    assert line.startswith(f"Error: {AGENDA}:") and line.endswith(message), line
    at = int(line.split(":")[2])
    assert 3 <= at <= 3 + deep.count("\n")  # on the deep value, after the title


def test_front_matter_nested_a_few_deep_is_only_a_wrong_type(minimal):
    edit(minimal / AGENDA, "wards: All", "wards: " + "[" * 40 + "x" + "]" * 40)
    assert errors(minimal) == [
        f"Error: {AGENDA}:7: wards (entry 1): must be text; for example  wards: All"
    ]


@pytest.mark.parametrize("pairs", [19, 20, 3000])
def test_emphasis_nested_without_end(minimal, pairs):
    deep = "*a " * pairs + "x" + " b*" * pairs
    edit(minimal / AGENDA, "First paragraph.", f"First paragraph.\n\n{deep}")
    if pairs < 20:  # inside the parser's limit: built
        result = run(minimal, "build")
        assert result.exit_code == 0, result.output
        return
    assert errors(minimal) == [
        f"Error: {AGENDA}:20: emphasis or links nested 20 deep (text inside more than 19 pairs "
        "of * or _); use at most a few"
    ]


def test_committeepack_toml_with_a_byte_order_mark_and_windows_line_ends(minimal):
    config = minimal / "committeepack.toml"
    text = config.read_text(encoding="utf-8")
    config.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = run(minimal, "build")
    assert result.exit_code == 0, result.output
    assert (minimal / "out" / "agenda-item.docx").is_file()
