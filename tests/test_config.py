"""committeepack.toml is validated as a whole, with a line for each problem."""

import pytest

from conftest import built_with_monthly_option, edit, run


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
        "Error: committeepack.toml:8: committee.name: missing; add it, for example  "
        'name = "Communities, Housing and Environment Committee"',
        "Error: committeepack.toml:17: people.head.title: must be text in quotes; for example  "
        'title = "Community Protection Manager"',
    ]


def test_toml_syntax_error_keeps_line(minimal):
    edit(minimal / "committeepack.toml", 'time = "7.00 pm"', "time = 7.00 pm")
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output.startswith("Error: committeepack.toml:13: not valid TOML (")
    assert "Traceback" not in result.output


def test_a_value_left_open_at_the_end_is_named_at_the_last_line(minimal):
    config = minimal / "committeepack.toml"
    lines = len(config.read_text(encoding="utf-8").splitlines())
    config.write_text(config.read_text(encoding="utf-8") + "extra = [\n", encoding="utf-8")
    result = run(minimal, "build")
    assert result.output == (
        f"Error: committeepack.toml:{lines + 1}: not valid TOML (Invalid value, at the end); "
        "quote text values and use YYYY-MM-DD for dates\n"
    )


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
    assert result.output.splitlines() == [
        "Error: committeepack.toml:26: implications (entry 1).sign_off: is empty; write it, "
        'for example  sign_off = "Section 151 Officer & Finance Team"',
        "Error: committeepack.toml:29: implications (entry 2).issue: repeats 'Financial'; keep one",
    ]


def test_branding_colour_checked(minimal):
    with (minimal / "committeepack.toml").open("a") as handle:
        handle.write('\n[branding]\nheading_colour = "blue"\n')
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: committeepack.toml:40: branding.heading_colour: 'blue' is not a colour like "
        '"#12436D"\n'
    )


@pytest.mark.parametrize(
    ("colour", "ratio"),
    [
        ("#12436D", None),
        ("#767676", None),  # 4.54:1, just enough
        ("#777777", "4.48"),  # just short
        ("#28A197", "3.17"),  # a brand's teal
        ("#ffffff", "1.00"),
    ],
)
def test_a_heading_colour_too_faint_to_read_is_a_warning(minimal, colour, ratio):
    with (minimal / "committeepack.toml").open("a") as handle:
        handle.write(f'\n[branding]\nheading_colour = "{colour}"\n')
    result = run(minimal, "build")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("Warning:")]
    if ratio is None:
        assert warnings == []
        return
    assert warnings == [
        f"Warning: committeepack.toml:40: branding.heading_colour: {colour} on the white page "
        f"has a contrast of {ratio}:1, and headings need 4.5:1 to be read by everyone (WCAG 2); "
        "choose a darker shade (the default is #12436D)"
    ]
    assert run(minimal, "build", "--strict", "--force").exit_code == 1


def test_unknown_keys_and_sections_are_named_with_the_nearest_valid_one(minimal):
    config = minimal / "committeepack.toml"
    edit(config, 'venue = "', 'venu = "')
    with config.open("a") as handle:
        handle.write('\n[brandng]\nfont = "Arial"\n\n[branding]\nheading_color = "#B00020"\n')
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: committeepack.toml:14: meeting.venu: unknown key; did you mean venue?",
        "Error: committeepack.toml:39: brandng: unknown section; did you mean branding?",
        "Error: committeepack.toml:43: branding.heading_color: unknown key; did you mean "
        "heading_colour?",
    ]


def test_a_problem_in_the_third_entry_is_reported_at_that_entry(minimal):
    config = minimal / "committeepack.toml"
    text = config.read_text(encoding="utf-8")
    third = text.index(
        "[[implications]]", text.index("[[implications]]", text.index("[[implications]]") + 1) + 1
    )
    config.write_text(
        text[:third] + text[third:].replace("sign_off = ", "sign_of = ", 1), encoding="utf-8"
    )
    line = text[:third].count("\n") + 3
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Error: committeepack.toml:{line}: implications (entry 3).sign_of: unknown key; did "
        "you mean sign_off?"
    ]


def test_every_mistake_in_the_file_is_reported_in_one_run(minimal):
    config = minimal / "committeepack.toml"
    edit(config, "date = 2026-03-10", "date = 2026-13-10")
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert "not valid TOML" in result.output  # an impossible date is a TOML error, with its line
    edit(config, "date = 2026-13-10", 'date = "10/03/2026"')
    edit(config, 'time = "7.00 pm"', "time = 7")
    with config.open("a") as handle:
        handle.write("\n[branding]\nbody_size = 9\nlogo = 3\n")
    lines = run(minimal, "build").output.splitlines()
    assert lines == [
        "Error: committeepack.toml:12: meeting.date: write 10/03/2026 as 2026-03-10 (YYYY-MM-DD), "
        "so that it cannot be read the wrong way, without quotes",
        "Error: committeepack.toml:13: meeting.time: must be text in quotes; for example  "
        'time = "6.30 pm"',
        "Error: committeepack.toml:40: branding.body_size: must be a number, from 11 to 16; for "
        "example  body_size = 12",
        "Error: committeepack.toml:41: branding.logo: must be text in quotes; for example  "
        'logo = "inputs/logo.png"',
    ]


def test_configuration_and_front_matter_problems_are_reported_in_one_run(minimal):
    edit(minimal / "committeepack.toml", 'time = "7.00 pm"', "time = 7")
    edit(minimal / "inputs" / "agenda-item.md", "purpose: noting", "purpose: decide")
    lines = run(minimal, "build").output.splitlines()
    assert lines[0].startswith("Error: committeepack.toml:13: meeting.time: must be text")
    assert lines[1].startswith("Error: inputs/agenda-item.md:")
    assert "purpose: 'decide' is not one of: decision, noting, information" in lines[1]
    assert len(lines) == 2


def test_an_exempt_report_names_a_paragraph_schedule_12a_has(minimal):
    config = minimal / "committeepack.toml"
    entry = '[[agenda.reports]]\npaper = "agenda-item"\nexempt_paragraph = {}\n\n[document]'
    edit(config, "[document]", entry.format(8))
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output.endswith(
        "agenda.reports (entry 1).exempt_paragraph: 8 is not one of: 1, 2, 3, 4, 5, 6, 7, 12, "
        "13, 14, 15, 16, 17, 18\n"
    )
    edit(config, "exempt_paragraph = 8", "exempt_paragraph = 18")
    assert "exempt_paragraph" not in run(minimal, "build", "--no-page-numbers").output


@pytest.mark.parametrize(
    ("size", "allowed"), [("10.9", False), ("11", True), ("16", True), ("16.5", False)]
)
def test_body_size_boundaries(minimal, size, allowed):
    edit(
        minimal / "committeepack.toml",
        "[document]",
        f"[branding]\nbody_size = {size}\n\n[document]",
    )
    result = run(minimal, "build", "--no-page-numbers")
    problem = "branding.body_size: must be a number, from 11 to 16; for example  body_size = 12\n"
    assert (result.exit_code, result.output.endswith(problem)) == (
        (0, False) if allowed else (1, True)
    )


@pytest.mark.parametrize(
    ("folder", "problem"),
    [
        ("../papers", "is outside the project folder; keep the papers in it"),
        ("/tmp/committeepack-papers", "is outside the project folder; keep the papers in it"),
        (".", "is the project folder itself; give the papers a folder of their own"),
        ("templates", "is the project's templates folder; give the papers a folder of their own"),
        (
            "inputs/papers",
            "lies in the project's inputs folder; give the papers a folder of their own",
        ),
        ("out/../inputs", "is the project's inputs folder; give the papers a folder of their own"),
        (
            ".committeepack-cache",
            "is the project's .committeepack-cache folder; give the papers a folder of their own",
        ),
    ],
)
def test_papers_go_to_a_folder_of_their_own_in_the_project(minimal, folder, problem):
    edit(minimal / "committeepack.toml", "[document]", f'[document]\noutput_folder = "{folder}"')
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: committeepack.toml:37: document.output_folder: '{folder}' {problem}, for "
        'example  output_folder = "out"\n'
    )
    assert not (minimal / folder).is_dir() or folder in (".", "templates", "out/../inputs")


@pytest.mark.parametrize("folder", ["papers", "out/2026/june", "outputs-inputs"])
def test_a_folder_of_the_papers_own_is_made_however_deep(minimal, folder):
    edit(minimal / "committeepack.toml", "[document]", f'[document]\noutput_folder = "{folder}"')
    result = run(minimal, "build")
    assert result.exit_code == 0, result.output
    assert (minimal / folder / "agenda-item.docx").is_file()


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('language = "en GB"', "document.language: 'en GB' is not a language tag; write one such"),
        ('language = "e"', "document.language: 'e' is not a language tag; write one such"),
        ('language = "cy-GB"', None),
        ('language = "zh-Hant-TW"', None),
        ("papers = []", "document.papers: is empty; list the papers to build, or leave papers"),
        (
            'papers = ["plan", "agenda_item"]',
            "document.papers (entry 2): 'agenda_item' is not a paper; the papers are: "
            "agenda-item, strategic-assessment, data-on-a-page, plan",
        ),
    ],
)
def test_the_document_settings_name_a_language_and_papers_that_exist(minimal, line, problem):
    config = minimal / "committeepack.toml"
    if line.startswith("papers"):  # in place of the fixture's own list
        edit(config, 'papers = ["agenda-item"]', line)
    else:
        edit(config, "[document]", f"[document]\n{line}")
    result = run(minimal, "build")
    if problem is None:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1
        assert result.output.startswith(f"Error: committeepack.toml:37: {problem}"), result.output


def _build_meeting(project, date: str, current: str):
    """Build ``project`` with its meeting on ``date`` hearing the figures of ``current``."""
    config = project / "committeepack.toml"
    edit(config, "date = 2026-03-10", f"date = {date}")
    with config.open("a", encoding="utf-8") as file:
        file.write(f'\n[periods]\nprevious = "Earlier"\ncurrent = "{current}"\n')
    return run(project, "build")


@pytest.mark.parametrize(
    ("date", "current", "problem"),
    [
        ("2024-01-01", "Oct 2024 - Sep 2025", None),  # the year the period begins
        ("2023-12-31", "Oct 2024 - Sep 2025", "2023-12-31 is before the figures' current "),
        ("0001-03-10", "Oct 2024 - Sep 2025", "0001-03-10 is before the figures' current "),
        ("2024-12-01", "2024/25", None),  # a year to date, heard before the year ends
        ("2023-03-10", "2024/25", "2023-03-10 is before the figures' current period, '2024/25'"),
        ("2001-03-10", "Last twelve months", None),  # no year to compare with
        ("2099-03-10", "Oct 2024 - Sep 2025", None),  # late: a warning (below), not an error
    ],
)
def test_the_meeting_is_not_before_the_figures_it_hears(minimal, date, current, problem):
    result = _build_meeting(minimal, date, current)
    if problem is None:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1
        assert result.output.startswith(f"Error: committeepack.toml:12: meeting.date: {problem}")
        assert result.output.endswith("began; check the meeting's year\n")
        assert result.output.count("\n") == 1  # one line


@pytest.mark.parametrize(
    ("date", "current", "years"),
    [
        ("2027-12-31", "Oct 2024 - Sep 2025", None),  # two years after the period's end year
        ("2028-01-01", "Oct 2024 - Sep 2025", 3),
        ("2027-06-01", "2024/25", None),  # 2024/25 ends in 2025, not 2024
        ("2028-06-01", "2024/25", 3),
        ("2062-06-02", "2025", 37),  # a single year
        ("2099-06-02", "Last twelve months", None),  # no year to compare with
    ],
)
def test_a_meeting_years_after_its_figures_is_a_warning(minimal, date, current, years):
    result = _build_meeting(minimal, date, current)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("Warning:")]
    if years is None:
        assert warnings == []
        return
    assert warnings == [
        f"Warning: committeepack.toml:12: meeting.date: {date} is {years} years after the "
        f"figures' current period, '{current}', ended; check the meeting's year, or bring the "
        "figures up to date"
    ]
    assert run(minimal, "build", "--strict", "--force").exit_code == 1


@pytest.mark.parametrize(
    ("previous", "current", "wrong"),
    [
        ("Oct 2023 - Sep 2024", "Oct 2024 - Sep 2025", False),
        ("Sep 2023 - Aug 2024", "Oct 2023 - Sep 2024", False),  # rolling: a month later
        ("Oct 2024 - Sep 2025", "Oct 2023 - Sep 2024", True),  # swapped
        ("2024/25", "Apr 2024 - Mar 2025", True),  # the same months, written two ways
        ("2024/25", "2023/24", True),
        ("Last year", "This year", False),  # not ranges of months: left as written
        ("2023/24", "Year to date", False),
    ],
)
def test_the_previous_period_comes_before_the_current(minimal, previous, current, wrong):
    config = minimal / "committeepack.toml"
    with config.open("a", encoding="utf-8") as file:
        file.write(f'\n[periods]\nprevious = "{previous}"\ncurrent = "{current}"\n')
    result = run(minimal, "build")
    if not wrong:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1
    lines = config.read_text(encoding="utf-8").splitlines()
    line = lines.index(f'current = "{current}"') + 1
    assert result.output == (
        f"Error: committeepack.toml:{line}: periods.current: '{current}' does not begin after "
        f"the previous period, '{previous}'; previous is the earlier of the two, current the "
        "later\n"
    )


@pytest.mark.parametrize(
    ("setting", "problem"),
    [
        ("target = 0", None),
        ("target = 172.5", None),
        ("target = -1", "tables.monthly.target: must be a number, 0 or more"),
        ("target = inf", "tables.monthly.target: must be a number, 0 or more"),
        ("target = nan", "tables.monthly.target: must be a number, 0 or more"),
    ],
)
def test_a_target_is_a_count_a_month(figures, setting, problem):
    # inf and nan are TOML numbers: both reached the SPC arithmetic and stopped the build
    said = built_with_monthly_option(figures, setting)
    if problem is None:
        assert said is None, said
    else:
        assert f"Error: committeepack.toml:69: {problem}; for example  target = 150" in said


@pytest.mark.parametrize(("places", "allowed"), [(6, True), (7, False)])
def test_a_rate_is_printed_to_at_most_six_places(figures, places, allowed):
    # a billion places took the build for ever
    edit(
        figures / "committeepack.toml",
        "[tables.districts]",
        f"[tables.districts]\nrate_places = {places}",
    )
    result = run(figures, "build")
    assert (result.exit_code == 0) == allowed, result.output
    if not allowed:
        assert "rate_places: must be a whole number, from 0 to 6" in result.output
