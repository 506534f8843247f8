"""The agenda: its settings, the minutes, and where each item lies in the pack."""

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.agenda.front_sheet import AgendaLine, page_range
from committeepack.agenda.minutes import councillors, read_minutes, weekday_date
from committeepack.agenda.pack import (
    Agenda,
    PackPart,
    located_layout,
    predicted_layout,
    shows_ranges,
)
from committeepack.errors import CommitteePackError

from conftest import edit, run

MINUTES = """---
meeting_date: 2025-11-18
present: [Brown, Clarke]
chair: Clarke
duration: 6.30 pm to 7.00 pm
---
## Apologies for absence

None.
"""


def _agenda(counts: list[int]) -> tuple[Agenda, dict]:
    parts = [
        PackPart(
            f"Agenda Item {n}" if n < 2 else f"Appendix {n - 1}",
            f"t{n}",
            Path(f"{n}"),
            min(n, 2),
            False,
        )
        for n in range(1, len(counts) + 1)
    ]
    lines = [AgendaLine(1, "Minutes"), AgendaLine(2, "Report")]
    return Agenda(lines, parts), {
        part.docx: count for part, count in zip(parts, counts, strict=True)
    }


def test_page_range_prints_a_single_page_alone():
    assert page_range(4, 4) == "4"
    assert page_range(4, 5) == "4 - 5"


@given(st.lists(st.integers(1, 40), min_size=2, max_size=6))
def test_predicted_ranges_cover_the_pages_without_gap_or_overlap(counts):
    agenda, by_part = _agenda(counts)
    layout = predicted_layout(agenda, by_part, False)
    ranges = layout.ranges(agenda, False)
    assert ranges[1] == (1, counts[0])
    assert ranges[2] == (counts[0] + 1, sum(counts))
    assert layout.pages == sum(counts)


@given(st.integers(0, 3), st.lists(st.integers(1, 5), min_size=2, max_size=5))
def test_the_layout_read_from_the_pdf_is_the_one_laid_out(front, counts):
    agenda, by_part = _agenda(counts)
    texts = ["front sheet\nAppendix 1 is mentioned here"] * front
    for part, count in zip(agenda.parts, counts, strict=True):
        texts += [f"{part.label}\nheading\nPage x"] + ["text\nAgenda Item 1: in a line"] * (
            count - 1
        )
    assert located_layout(texts, agenda, False) == predicted_layout(agenda, by_part, False)


def test_a_label_only_inside_a_longer_line_is_not_a_part_start():
    agenda, _ = _agenda([1, 1])
    with pytest.raises(CommitteePackError, match="no page labelled 'Appendix 1'"):
        located_layout(["Agenda Item 1\ntext", "see Appendix 1 for more"], agenda, False)


FRONT = """Item Business Page No.
1. Apologies for Absence
5. Disclosures by Members and Officers
8. Minutes
{minutes}
12. Report
{report}
Issued on Friday 22 May 2026"""


@pytest.mark.parametrize(
    ("minutes", "report", "counts", "shown"),
    [
        ("1 - 2", "3 - 9", [2, 7], True),
        ("1 - 2", "3 - 10", [2, 7], False),  # one page more than the pack has
        ("1", "2 - 8", [1, 7], True),
        ("1 - 1", "2 - 8", [1, 7], False),  # a single page printed as a range
        ("1 - 2", "3", [2, 1], True),
        ("1 - 2", "3 - 3", [2, 1], False),
        ("", "3 - 9", [2, 7], False),  # no pages printed for the minutes
        ("3 - 9", "1 - 2", [2, 7], False),  # the right ranges against the wrong items
    ],
)
def test_the_front_sheet_must_print_each_item_s_pages_after_its_title(
    minutes, report, counts, shown
):
    agenda, by_part = _agenda(counts)
    agenda = Agenda(
        [AgendaLine(8, "Minutes"), AgendaLine(12, "Report")],
        [replace(part, item=8 if part.item == 1 else 12) for part in agenda.parts],
    )
    layout = predicted_layout(agenda, by_part, False)
    text = FRONT.format(minutes=minutes, report=report)
    assert shows_ranges(text, agenda, layout, False) is shown


def test_an_item_number_or_a_date_is_not_taken_for_a_page():
    agenda, by_part = _agenda([5, 1])
    agenda = Agenda(
        [AgendaLine(1, "Minutes"), AgendaLine(6, "Report")],
        [replace(part, item=1 if part.item == 1 else 6) for part in agenda.parts],
    )
    layout = predicted_layout(agenda, by_part, False)  # the report is page 6 alone
    assert not shows_ranges("1. Minutes 1 - 5\n6. Report 6 - 6", agenda, layout, False)
    assert not shows_ranges("1. Minutes 1 - 5\n6. Report\nTuesday 6.", agenda, layout, False)
    assert shows_ranges("1. Minutes 1 - 5\n6. Report 6\nIssued", agenda, layout, False)


def test_councillors_are_listed_as_councils_print_them():
    assert councillors(()) == ""
    assert councillors(("Brown",)) == "Councillor Brown"
    assert (
        councillors(("Brown", "Clarke"), chair="Clarke") == "Councillors Brown and Clarke (Chair)"
    )
    assert councillors(("A", "B", "C")) == "Councillors A, B and C"


def test_minutes_are_read_with_their_items(tmp_path):
    path = tmp_path / "minutes.md"
    path.write_text(MINUTES, encoding="utf-8")
    minutes = read_minutes(path, "inputs/minutes.md")
    assert minutes.meeting_date == dt.date(2025, 11, 18)
    assert [item.title for item in minutes.items] == ["Apologies for absence"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "chair: Clarke",
            "chair: Evans",
            "inputs/minutes.md:4: chair: 'Evans' is not among those present; add them to present",
        ),
        (
            "chair: Clarke",
            "chair: Clarke\napologies:\n  - Evans\n  - brown",
            "inputs/minutes.md:7: apologies: 'brown' is listed also under present; a person is "
            "present, also present or sends apologies, once",
        ),
        (
            "chair: Clarke",
            "chair: Clarke\nalso_present: [Patel, Patel]",
            "inputs/minutes.md:5: also_present: 'Patel' is listed twice; a person is present, "
            "also present or sends apologies, once",
        ),
        (
            "meeting_date: 2025-11-18\n",
            "",
            "inputs/minutes.md:1: meeting_date: missing; add it, for example  meeting_date: 2025-11-18",
        ),
        (
            "## Apologies for absence\n",
            "",
            "inputs/minutes.md:8: the minutes start with text outside an item; begin each item with a '## ' heading, for example  ## Apologies for absence",
        ),
        (
            "## Apologies",
            "# Apologies",
            "inputs/minutes.md:7: the minutes start with text outside an item; begin each item with a '## ' heading, for example  ## Apologies for absence",
        ),
        (
            "## Apologies for absence",
            "## Apologies for **absence**",
            "inputs/minutes.md:7: an item's heading is printed in plain capitals; write it without formatting or links",
        ),
        (
            "## Apologies for absence",
            "## Apologies for absence }}",
            "inputs/minutes.md:7: '}}' would be printed as it is: the end of a name to fill in, with no {{ before it in the same paragraph; write the {{, or delete the }}",
        ),
        (
            "## Apologies for absence",
            "## Apologies {% if %} for absence",
            "inputs/minutes.md:7: '{%' would be printed as it is: a template statement that is not closed on the same paragraph; close it with %} after the words, or delete it",
        ),
    ],
)
def test_mistakes_in_the_minutes_name_their_line(tmp_path, old, new, message):
    path = tmp_path / "minutes.md"
    path.write_text(MINUTES.replace(old, new), encoding="utf-8")
    with pytest.raises(CommitteePackError) as caught:
        read_minutes(path, "inputs/minutes.md")
    assert message in [str(e) for e in getattr(caught.value, "errors", [caught.value])]


def test_agenda_settings_that_do_not_fit_are_one_line_each(example):
    edit(example / "committeepack.toml", 'chair = "Hollis"', 'chair = "Evans"')
    edit(
        example / "committeepack.toml",
        'chief_executive = "chief_executive"',
        'chief_executive = "ceo"',
    )
    result = run(example, "publish")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert any(
        "committeepack.toml:" in line
        and "agenda.chair: 'Evans' is not among the members; add them to members" in line
        for line in lines
    ), result.output
    assert any("agenda.chief_executive: 'ceo' is not in [people]" in line for line in lines)
    assert "Traceback" not in result.output
    assert not (example / "out" / "agenda-pack.pdf").exists()


def test_minutes_outside_the_project_are_not_read(example, tmp_path):
    outside = tmp_path / "elsewhere.md"
    outside.write_text(MINUTES, encoding="utf-8")
    (example / "inputs/minutes.md").unlink()
    (example / "inputs/minutes.md").symlink_to(outside)
    result = run(example, "publish")
    assert result.exit_code == 1
    assert "agenda.minutes: 'inputs/minutes.md' lies outside the project" in result.output
    assert "Traceback" not in result.output


@pytest.mark.e2e
def test_an_agenda_without_minutes_says_so(example):
    import docx

    (example / "inputs/minutes.md").unlink()
    result = run(example, "publish")
    assert result.exit_code == 0, result.output
    assert (
        "Warning: inputs/minutes.md: not found, so the agenda leaves out the minutes of the "
        "previous meeting (and the items after it move up)"
    ) in result.output
    sheet = docx.Document(str(example / "out/agenda.docx"))
    numbers = [row.cells[0].text for row in sheet.tables[1].rows[1:]]
    assert numbers == [f"{n}." for n in range(1, 12)]


def test_the_vice_chair_is_marked_too():
    assert councillors(("A", "B", "C"), chair="B", vice_chair="C") == (
        "Councillors A, B (Chair) and C (Vice-Chair)"
    )


def _settings_problems(project, caplog) -> list[str]:
    """What reading the agenda's settings says: errors, then warnings."""
    import logging

    from committeepack.agenda.settings import agenda_settings
    from committeepack.config import load_config

    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="committeepack"):
        try:
            agenda_settings(load_config(project))
            errors = []
        except CommitteePackError as error:
            errors = [str(e) for e in getattr(error, "errors", [error])]
    return errors + [record.getMessage() for record in caplog.records]


@pytest.mark.parametrize(
    ("issued", "said"),
    [
        ("2026-05-22", None),  # Friday before a Tuesday meeting: 6 weekdays between
        ("2026-05-25", None),  # Monday: 5 clear (the Tuesday to the Monday), the least allowed
        ("2026-05-26", "2026-05-26 leaves 4 clear working days before the meeting on 2026-06-02"),
        ("2026-06-01", "2026-06-01 leaves 0 clear working days before the meeting on 2026-06-02"),
        ("2026-06-02", "2026-06-02 is not before the meeting on 2026-06-02; the agenda is issued"),
    ],
)
def test_the_agenda_is_issued_five_clear_working_days_before_the_meeting(
    example, caplog, issued, said
):
    edit(example / "committeepack.toml", "issued_on = 2026-05-22", f"issued_on = {issued}")
    problems = _settings_problems(example, caplog)
    if said is None:
        assert problems == []
    else:
        [problem] = problems
        assert problem.startswith("committeepack.toml:26: agenda.issued_on: " + said), problem


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            'members = ["Achebe"',
            'members = ["osei", "Achebe"',
            "committeepack.toml:24: agenda.members (entry 10): 'Osei' is listed twice; list "
            "each once",
        ),
        (
            'email = "committees@brackenford.example.gov.uk"',
            'email = "committees at brackenford"',
            "committeepack.toml:29: agenda.email: 'committees at brackenford' is not an email "
            "address; write it as committees@council.gov.uk",
        ),
        (
            'website = "www.brackenford.example.gov.uk"',
            'website = "javascript:alert(1)"',
            "committeepack.toml:30: agenda.website: 'javascript:alert(1)' is not a web address; "
            "write it as www.council.gov.uk",
        ),
        ('website = "www.brackenford.example.gov.uk"', 'website = "https://x.gov.uk/a?b=1"', None),
    ],
)
def test_the_front_sheets_contacts_and_members_are_checked(example, caplog, old, new, problem):
    edit(example / "committeepack.toml", old, new)
    assert _settings_problems(example, caplog) == ([problem] if problem else [])


@pytest.mark.parametrize(
    ("meeting", "refused"),
    [(dt.date(2025, 11, 19), False), (dt.date(2025, 11, 18), True), (dt.date(2025, 6, 1), True)],
)
def test_the_minutes_are_of_a_meeting_before_this_one(tmp_path, meeting, refused):
    path = tmp_path / "minutes.md"
    path.write_text(MINUTES, encoding="utf-8")
    if not refused:
        assert read_minutes(path, "inputs/minutes.md", meeting).meeting_date < meeting
        return
    with pytest.raises(CommitteePackError) as caught:
        read_minutes(path, "inputs/minutes.md", meeting)
    assert str(caught.value) == (
        "inputs/minutes.md:2: meeting_date: Tuesday 18 November 2025 is not before this "
        f"meeting, on {weekday_date(meeting)}; these are the minutes of the meeting before it"
    )


def test_a_picture_in_the_minutes_is_read_beside_them_and_never_from_outside(
    example, tmp_path, monkeypatch
):
    # the minutes' pictures were looked up from the shell's folder, and from anywhere
    import io

    import docx
    from PIL import Image

    from committeepack.agenda.minutes import write_minutes
    from committeepack.config import load_config

    Image.new("RGB", (40, 20), "red").save(example / "inputs" / "room.png")
    Image.new("RGB", (40, 20), "blue").save(tmp_path / "outside.png")
    minutes_file = example / "inputs" / "minutes.md"
    edit(
        minutes_file,
        "There were no urgent items.",
        "There were no urgent items.\n\n![The room](room.png)",
    )
    monkeypatch.chdir(tmp_path)  # not the project: the picture is found beside the minutes
    config = load_config(example)
    minutes = read_minutes(minutes_file, "inputs/minutes.md")
    paper = docx.Document(io.BytesIO(write_minutes(minutes, config)))
    assert len(paper.inline_shapes) == 1
    edit(minutes_file, "(room.png)", f"({tmp_path / 'outside.png'})")
    minutes = read_minutes(minutes_file, "inputs/minutes.md")
    with pytest.raises(CommitteePackError, match="is outside the project folder"):
        write_minutes(minutes, config)
