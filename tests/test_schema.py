"""The one schema for user inputs (schema.py), as committeepack.toml and the narratives' YAML
front matter each write values."""

import datetime as dt

import pytest

from committeepack.frontmatter import line_of
from committeepack.schema import TITLE_LONGEST, TOML, YAML, Field, shown, validate
from committeepack.schema_values import date_problem
from committeepack.yaml_lines import load_yaml

PAPER = Field(
    "table",
    fields={
        "title": Field("text", required=True, example="Plan"),
        "year": Field("text"),
        "classification": Field("choice", required=True, choices=("public", "exempt")),
        "wards": Field("text_or_texts"),
        "timetable": Field(
            "array",
            item=Field("table", fields={"date": Field("date", required=True)}),
        ),
    },
)


def messages(value, syntax):
    return [(shown(p.path), p.message) for p in validate(value, PAPER, syntax=syntax)]


@pytest.mark.parametrize(
    ("value", "toml", "yaml"),
    [
        (2026, False, True),  # "year: 2026" is a number in YAML, text to its author
        (0, False, True),
        (True, False, False),  # yes/no is never text
        ("2026/27", True, True),
        (" ", False, False),
        ("", False, False),
    ],
)
def test_a_number_stands_for_text_only_in_yaml(value, toml, yaml):
    base = {"title": "Plan", "classification": "public", "year": value}
    assert (not messages(base, TOML), not messages(base, YAML)) == (toml, yaml)


@pytest.mark.parametrize(
    ("written", "toml", "yaml"),
    [
        ("public", True, True),
        ("Public", False, True),
        (" EXEMPT ", False, True),
        ("publi", False, False),
    ],
)
def test_a_choice_may_be_in_any_case_only_in_yaml(written, toml, yaml):
    base = {"title": "Plan", "classification": written}
    assert (not messages(base, TOML), not messages(base, YAML)) == (toml, yaml)


def test_examples_and_names_are_written_as_each_file_writes_them():
    assert messages({"classification": "public", "titel": "x"}, TOML) == [
        ("titel", "unknown section; did you mean title?")
    ]
    assert messages({"classification": "public", "titel": "x"}, YAML) == [
        ("titel", "unknown key; did you mean title?")
    ]
    assert messages({"classification": "public"}, TOML) == [
        ("title", "missing; add it, for example  title = Plan")
    ]
    assert messages({"classification": "public"}, YAML) == [
        ("title", "missing; add it, for example  title: Plan")
    ]
    assert messages({"classification": "public", "title": 3}, TOML) == [
        ("title", "must be text in quotes; for example  title = Plan")
    ]


def test_an_empty_yaml_key_is_missing_when_required_and_left_out_when_not():
    assert messages({"title": None, "classification": "public", "year": None}, YAML) == [
        ("title", "is empty; write it, for example  title: Plan")
    ]
    assert messages({"title": "Plan", "classification": None}, YAML) == [
        ("classification", "is empty; write one of: public, exempt")
    ]


def test_text_or_texts_and_every_entry_that_is_not_text():
    base = {"title": "Plan", "classification": "public"}
    assert messages({**base, "wards": "All"}, YAML) == []
    assert messages({**base, "wards": ["Abbey", "Park"]}, YAML) == []
    assert messages(
        {**base, "wards": ["Abbey", {"a": 1, "b": 2}, [], " ", None, "Park"]}, YAML
    ) == [
        ("wards (entry 2)", "must be text"),
        ("wards (entry 3)", "must be text"),
        ("wards (entry 4)", "is empty; write it, or remove the entry"),
        ("wards (entry 5)", "is empty; write it, or remove the entry"),
    ]
    assert messages({**base, "wards": {"a": 1, "b": 2}}, YAML) == [("wards", "must be text")]


def test_unquoted_yaml_text_holding_a_colon_is_told_to_be_quoted():
    """ "- Appendix 4: Equality impact assessment" is a key and its value to YAML."""
    base = {"classification": "public"}
    colon = "; a colon followed by a space makes YAML read a key and its value, so put the "
    assert messages({**base, "title": {"Plan": "2026"}}, YAML) == [
        ("title", f"must be text{colon}whole text in quotes:  'Plan: 2026'")
    ]
    assert messages({**base, "title": "Plan", "wards": ["Abbey", {"St Mary's": 2}]}, YAML) == [
        ("wards (entry 2)", f"must be text{colon}whole text in quotes:  'St Mary''s: 2'")
    ]
    # TOML has no such trap: its example instead
    assert messages({**base, "title": {"Plan": "2026"}}, TOML) == [
        ("title", "must be text in quotes; for example  title = Plan")
    ]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (dt.date(2026, 2, 28), None),
        (
            dt.datetime(2026, 2, 28, 9, 0),
            "2026-02-28 09:00:00 is a date and a time; write the date alone, 2026-02-28",
        ),
        ("31/02/2026", "31/02/2026 is not a date that exists"),
        ("1/2/2026", "write 1/2/2026 as 2026-02-01 (YYYY-MM-DD)"),
        ("2026-02-01", "not a date ('2026-02-01')"),  # quoted in the file: text, not a date
        ("TBC", "not a date ('TBC'); write it as YYYY-MM-DD"),
    ],
)
def test_dates_in_a_nested_table(value, problem):
    found = messages(
        {"title": "P", "classification": "public", "timetable": [{"date": value}]}, YAML
    )
    if problem is None:
        assert found == []
    else:
        [(where, message)] = found
        assert where == "timetable (entry 1).date"
        assert message.startswith(problem)
        assert message == date_problem(value)


def test_toml_dates_say_to_leave_out_the_quotes():
    [problem] = validate("2026-02-01", Field("date"), ("date",), TOML)
    assert problem.message == "not a date ('2026-02-01'); write it as YYYY-MM-DD, without quotes"


def test_a_key_that_is_not_text_is_named_as_written():
    assert messages({"title": "P", "classification": "public", 2026: "x"}, YAML) == [
        ("2026", "unknown key; it may hold: title, year, classification, wards, timetable")
    ]


def test_the_line_of_a_nested_value_or_of_what_holds_it():
    meta = load_yaml(
        "title: Plan\ntimetable:\n  - meeting: Council\n    date: soon\n", "x.md", line_offset=1
    )
    assert line_of(meta, ("title",)) == 2
    assert line_of(meta, ("timetable", 0, "date")) == 5
    assert line_of(meta, ("timetable", 0, "missing")) == 4
    assert line_of(meta, ("timetable", 3, "date")) == 3
    assert line_of(meta, ("absent",)) is None
    numbered = load_yaml("title: Plan\n2026: x\n", "x.md")
    assert line_of(numbered, ("2026",)) == 2  # as the schema names a key that is not text


@pytest.mark.parametrize("syntax", [TOML, YAML])
def test_a_text_holding_a_character_word_cannot_carry(syntax):
    base = {"title": "Plan", "classification": "public"}
    assert messages({**base, "title": "Plan\x07"}, syntax) == [
        (
            "title",
            "holds a control character (code 0x07) that a Word document cannot carry; delete "
            "it (it is often pasted in from another program)",
        )
    ]
    assert messages({**base, "wards": ["Abbey", "Park\ufffe", "Hill\u202e"]}, syntax) == [
        (
            "wards (entry 2)",
            "holds U+FFFE, which is not a character (a file damaged, or saved in another "
            "encoding); delete it",
        ),
        (
            "wards (entry 3)",
            "holds an invisible direction mark (U+202E) that makes the text around it read in "
            "another order than it is written; delete it",
        ),
    ]
    assert messages({**base, "title": "Plan\tfor 2026"}, syntax) == []  # a tab is text


@pytest.mark.parametrize(
    ("field", "length", "problem"),
    [
        (Field("text"), 5_000, None),
        (Field("text"), 5_001, "is 5,001 characters long; write it in at most 5,000"),
        (Field("text", longest=TITLE_LONGEST), 250, None),
        (
            Field("text", longest=TITLE_LONGEST),
            251,
            "is 251 characters long; write it in at most 250",
        ),
        (Field("texts"), 5_001, "is 5,001 characters long; write it in at most 5,000"),
        (Field("text_or_texts"), 5_001, "is 5,001 characters long; write it in at most 5,000"),
    ],
)
def test_text_longer_than_its_key_holds_is_named(field, length, problem):
    value = "x" * length
    schema = Field("table", fields={"key": field})
    written = [value] if field.kind == "texts" else value
    found = [p.message for p in validate({"key": written}, schema, syntax=YAML)]
    assert found == ([] if problem is None else [problem])


def test_a_title_pasted_at_length_is_one_error_at_its_line(example):
    from conftest import run

    path = example / "inputs" / "agenda-item.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("title: ")
    end = text.index("\n", start)
    path.write_text(text[:start] + "title: " + "Crime " * 100 + text[end:], encoding="utf-8")
    result = run(example, "build", "--no-page-numbers")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: inputs/agenda-item.md:2: title: is 599 characters long; write it in at most 250"
    ]
