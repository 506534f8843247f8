"""committeepack.toml is validated as a whole, with a line for each problem."""

from conftest import edit, run


def test_bad_date_names_key_and_line(minimal):
    edit(minimal / "committeepack.toml", "date = 2026-03-10", 'date = "next Tuesday"')
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: committeepack.toml:12: meeting.date: not a date ('next Tuesday'); "
        "write it as YYYY-MM-DD, without quotes\n"
    )


def test_every_problem_reported_together(minimal):
    edit(minimal / "committeepack.toml", 'name = "Community Committee"\n', "")
    edit(minimal / "committeepack.toml", 'title = "Head of Communities"', "title = 3")
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        'Error: committeepack.toml:8: committee.name: missing; add it, for example  key = "text"',
        "Error: committeepack.toml:17: people.head.title: must be text in quotes",
    ]


def test_toml_syntax_error_keeps_line(minimal):
    edit(minimal / "committeepack.toml", 'time = "7.00 pm"', "time = 7.00 pm")
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output.startswith("Error: committeepack.toml:13: not valid TOML (")
    assert "Traceback" not in result.output


def test_missing_config_says_how_to_start(tmp_path):
    result = run(tmp_path, "build")
    assert result.exit_code == 1
    assert "no committeepack.toml here or in any parent folder" in result.output
    assert "committeepack new PATH" in result.output


def test_implication_rows_must_be_unique_and_signed(minimal):
    edit(minimal / "committeepack.toml", 'issue = "Legal"', 'issue = "Financial"')
    edit(minimal / "committeepack.toml", 'sign_off = "Finance Team"', 'sign_off = ""')
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert "implications.issue: row 2 repeats 'Financial'; keep one" in result.output
    assert "implications.sign_off: row 'Financial' has no default sign_off role" in result.output


def test_branding_colour_checked(minimal):
    with (minimal / "committeepack.toml").open("a") as handle:
        handle.write('\n[branding]\nheading_colour = "blue"\n')
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: committeepack.toml:40: branding.heading_colour: 'blue' is not a colour like "
        '"#12436D"\n'
    )
