"""Narrative files: front matter and sections are checked, each problem at its line."""

from pathlib import Path

import docx
import pytest

from conftest import edit, run

AGENDA = "inputs/agenda-item.md"
PROTECTED = Path(__file__).parent / "fixtures" / "protected"  # Office files with a password


def errors(project):
    result = run(project, "build")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    return result.output.splitlines()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (  # one line: the key it suggests is not reported missing as well
            "decision_maker: Council",
            "decison_maker: Council",
            "3: decison_maker: unknown key; did you mean decision_maker?",
        ),
        (
            "decision_maker: Council\n",
            "",
            "1: decision_maker: missing; add it, for example  decision_maker: Council",
        ),
        (  # an optional key left empty is as if left out
            "decision_maker: Council",
            "decision_maker:\nappendices:",
            "3: decision_maker: is empty; write it, for example  decision_maker: Council",
        ),
        (
            "purpose: noting",
            "purpose:",
            "8: purpose: is empty; write one of: decision, noting, information",
        ),
    ],
)
def test_front_matter_keys_misspelt_missing_or_empty(minimal, old, new, message):
    edit(minimal / AGENDA, old, new)
    assert errors(minimal) == [f"Error: inputs/agenda-item.md:{message}"]


def test_malformed_yaml_gives_its_line(minimal):
    edit(minimal / AGENDA, "wards: All", "wards: [All")
    [line] = errors(minimal)
    assert line.startswith("Error: inputs/agenda-item.md:")
    assert "front matter is not valid YAML" in line


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("wards: All", "wards:\tAll", 7),
        (
            "  - That the Committee notes the report.",
            "\t- That the Committee notes the report.",
            10,
        ),
    ],
)
def test_a_tab_in_front_matter_is_named_as_one(minimal, old, new, line):
    edit(minimal / AGENDA, old, new)
    assert errors(minimal) == [
        f"Error: inputs/agenda-item.md:{line}: front matter has a tab on this line where YAML "
        "takes only spaces (to indent, or after a colon); write spaces instead"
    ]


def test_a_tab_inside_a_quoted_value_is_kept(minimal):
    edit(minimal / AGENDA, "wards: All", 'wards: "All\tof them"')
    assert run(minimal, "build", "--no-page-numbers").exit_code == 0


def test_wrong_type_and_choice(minimal):
    edit(minimal / AGENDA, "purpose: noting", "purpose: decide")
    edit(minimal / AGENDA, "  - That the Committee notes the report.", "  - {a: b, c: d}")
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:8: purpose: 'decide' is not one of: decision, noting, "
        "information",
        "Error: inputs/agenda-item.md:10: recommendations (entry 1): must be text; for example  "
        "recommendations: [That the Committee notes ...]",
    ]


def test_each_bad_recommendation_is_named_at_its_own_line(minimal):
    edit(
        minimal / AGENDA,
        "  - That the Committee notes the report.",
        "  - That the Committee notes the report.\n  -\n  - Agrees the plan.\n  - [a, b]",
    )
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:11: recommendations (entry 2): is empty; write it, or "
        "remove the entry",
        "Error: inputs/agenda-item.md:13: recommendations (entry 4): must be text; for example  "
        "recommendations: [That the Committee notes ...]",
    ]


def test_person_must_be_configured(minimal):
    edit(minimal / AGENDA, "report_author: author", "report_author: bob")
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:5: report_author: 'bob' is not in [people] of "
        "committeepack.toml; use one of: head, author",
    ]


def test_exempt_needs_its_paragraph(minimal):
    edit(minimal / AGENDA, "classification: public", "classification: exempt")
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:6: classification is exempt but no exempt_paragraph is "
        "given; add the paragraph of Schedule 12A, for example  exempt_paragraph: 3",
    ]


@pytest.mark.parametrize(
    ("paragraph", "valid"),
    [
        (0, False),
        (1, True),
        (7, True),
        (8, False),
        (11, False),
        (12, True),
        (18, True),
        (19, False),
    ],
)
def test_an_exempt_paragraph_is_one_schedule_12a_has(minimal, paragraph, valid):
    edit(
        minimal / AGENDA,
        "classification: public",
        f"classification: exempt\nexempt_paragraph: {paragraph}",
    )
    result = run(minimal, "build", "agenda-item", "--no-page-numbers")
    problem = (
        f"Error: inputs/agenda-item.md:7: exempt_paragraph: Schedule 12A has no paragraph "
        f"{paragraph}; use 1 to 7 (England) or 12 to 18 (Wales)"
    )
    assert (result.exit_code, problem in result.output) == ((0, False) if valid else (1, True))


def test_unknown_missing_and_empty_sections(minimal):
    edit(minimal / AGENDA, "# Risk\n\nNo new risks.\n", "# Risks and Issues\n\nSome.\n")
    edit(minimal / AGENDA, "Option one.\n", "")
    lines = errors(minimal)
    assert lines[0] == (
        "Error: inputs/agenda-item.md:22: section '# Available Options' is empty; write its text"
    )
    assert lines[1].startswith(
        "Error: inputs/agenda-item.md:29: unknown section '# Risks and Issues'; the sections "
        "are: # Executive Summary; # Introduction and Background;"
    )
    assert lines[2] == "Error: inputs/agenda-item.md: no '# Risk' section; add it with its text"


@pytest.mark.parametrize(
    ("heading", "said"),
    [
        ("# Risks", None),  # an alias of Risk, not a misspelling
        ("# Rsk", "did you mean '# Risk'?"),
        ("# Riskk", "did you mean '# Risk'?"),
        ("# Danger", None),
    ],
)
def test_a_heading_spelt_nearly_as_a_section_is_suggested_once(minimal, heading, said):
    edit(minimal / AGENDA, "# Risk\n", f"{heading}\n")
    if heading == "# Risks":
        assert run(minimal, "build", "--no-page-numbers").exit_code == 0
        return
    lines = errors(minimal)
    if said:
        assert lines == [f"Error: inputs/agenda-item.md:30: unknown section '{heading}'; {said}"]
    else:
        assert lines[0].startswith(
            f"Error: inputs/agenda-item.md:30: unknown section '{heading}'; the sections are: "
        )
        assert lines[1] == "Error: inputs/agenda-item.md: no '# Risk' section; add it with its text"


def test_text_before_first_section(minimal):
    edit(minimal / AGENDA, "# Executive Summary\n", "Stray text.\n\n# Executive Summary\n")
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:12: text before the first section heading; start the body "
        "with a heading such as '# Executive Summary'",
    ]


def test_undefined_name_in_narrative_names_line(minimal):
    edit(minimal / AGENDA, "Option one is preferred.", "Option one is {{ prefered }}.")
    [line] = errors(minimal)
    assert line.startswith(
        "Error: inputs/agenda-item.md:28: 'prefered' is not defined; names "
        "available: area, change, change_summary, classification, committee,"
    )


def test_close_name_in_narrative_is_suggested(minimal):
    edit(minimal / AGENDA, "Option one is preferred.", "Option one is {{ partnershp }}.")
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:28: 'partnershp' is not defined; did you mean 'partnership'?"
    ]


def test_jinja_syntax_error_in_narrative(minimal):
    edit(minimal / AGENDA, "Publish the plan.", "Publish {% if %} the plan.")
    [line] = errors(minimal)
    assert line.startswith("Error: inputs/agenda-item.md:40: template syntax error:")


def test_sandbox_blocks_unsafe_attribute(minimal):
    edit(minimal / AGENDA, "Publish the plan.", "{{ council.__class__.__mro__ }}")
    [line] = errors(minimal)
    assert line.startswith("Error: inputs/agenda-item.md:40: ")
    assert "__mro__" in line or "unsafe" in line or "not allowed" in line


def test_html_and_code_blocks_are_refused(minimal):
    edit(minimal / AGENDA, "Publish the plan.", "Publish <b>the</b> plan.\n\n    indented")
    lines = errors(minimal)
    assert lines == [
        "Error: inputs/agenda-item.md:40: HTML (<b>) is not allowed in narrative; write it as "
        "Markdown",
    ]


def test_missing_narrative_file(minimal):
    (minimal / AGENDA).unlink()
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md: file not found; create it or fix the name in the project",
    ]


def test_unterminated_front_matter(minimal):
    edit(minimal / AGENDA, "---\n# Executive", "# Executive")
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:1: front matter starts with '---' but never ends; add a "
        "closing '---' line",
    ]


def test_empty_narrative_is_one_clear_error(minimal):
    (minimal / AGENDA).write_text("\n", encoding="utf-8")
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md: the file is empty; write its front matter and sections "
        "(the bundled example, from 'committeepack new', shows the layout)"
    ]


def test_an_error_after_a_loop_names_the_line_as_written(minimal):
    narrative = minimal / "inputs" / "agenda-item.md"
    edit(
        narrative,
        "A short summary for {{ committee }}.",
        "A short summary for {{ committee }}.\n\n"
        "{% for p in people.values() %}\n- {{ p.name }}\n{% endfor %}\n\n"
        "![](missing.png)",
    )
    lines = narrative.read_text(encoding="utf-8").splitlines()
    image_line = lines.index("![](missing.png)") + 1
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output.startswith(
        f"Error: inputs/agenda-item.md:{image_line}: an image needs alt"
    )


def test_loops_that_would_stall_the_build_are_refused(minimal):
    # Jinja's sandbox allows each range up to 100,000, so nested ones ran for ever
    edit(
        minimal / AGENDA,
        "Publish the plan.",
        "{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}",
    )
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:40: not allowed in a template (loops that run more than "
        "100,000 times in all)"
    ]


def test_a_number_too_large_is_one_clear_error(minimal):
    edit(minimal / AGENDA, "Publish the plan.", "{{ range(10 ** 9) | list }}")
    [line] = errors(minimal)
    assert line.startswith("Error: inputs/agenda-item.md:40: ")
    edit(minimal / AGENDA, "{{ range(10 ** 9) | list }}", "{{ 1 / 0 }}")
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:40: template arithmetic failed (division by zero); "
        "check the sums"
    ]


def test_a_macro_calling_itself_is_one_clear_error(minimal):
    edit(
        minimal / AGENDA,
        "Publish the plan.",
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    )
    [line] = errors(minimal)
    assert line.startswith("Error: inputs/agenda-item.md:")
    assert line.endswith("calls itself without end or makes too much text; check its macros")


def test_lists_nested_past_the_parser_are_an_error_not_lost_sections(minimal):
    # markdown-it stops at 20 levels and drops everything after, sections included
    deep = "".join("  " * level + "- item\n" for level in range(25))
    edit(minimal / AGENDA, "Publish the plan.", deep)
    lines = errors(minimal)
    # the list starts on line 40; its ninth level (line 48) is the parser's twentieth (a list
    # and its item are a level each)
    assert lines == [
        "Error: inputs/agenda-item.md:48: lists or quotes nested 20 deep, past which the rest "
        "would be lost; lists may be nested at most three deep"
    ]


def test_lists_nested_just_within_the_parser_reach_the_three_level_rule(minimal):
    deep = "".join("  " * level + "- item\n" for level in range(4))
    edit(minimal / AGENDA, "Publish the plan.", deep)
    [line] = errors(minimal)
    assert line.endswith(": lists may be nested at most three deep")


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "First **paragraph.",
            "'**' would be printed as it is: bold that is not closed on the same paragraph; "
            "close it with ** after the words, or delete it",
        ),
        (
            "First __paragraph.",
            "'__' would be printed as it is: bold that is not closed on the same paragraph; "
            "close it with __ after the words, or delete it",
        ),
        (
            "First ~~paragraph.",
            "'~~' would be printed as it is: crossing out that is not closed on the same "
            "paragraph; close it with ~~ after the words, or delete it",
        ),
        (
            "First paragraph.[^1]\n\n[^1]: Home Office counting rules.",
            "footnotes ([^1]) are not used in committee papers; write the note into the text, "
            "or say where the figures come from in the table's source",
        ),
    ],
)
def test_markdown_that_would_be_printed_as_typed_is_refused(minimal, written, message):
    edit(minimal / AGENDA, "First paragraph.", written)
    assert errors(minimal) == [f"Error: inputs/agenda-item.md:18: {message}"]


@pytest.mark.parametrize("written", ["First **paragraph**.", "First __paragraph__.", "5 * 3 = 15"])
def test_markdown_closed_as_it_opens_is_kept(minimal, written):
    edit(minimal / AGENDA, "First paragraph.", written)
    assert run(minimal, "build").exit_code == 0


@pytest.mark.parametrize(
    ("written", "mark"),
    [
        ("That the Committee **notes** the report.", "**"),
        ("That the Committee notes [the report](https://example.org).", "[text](link)"),
        ("That the Committee notes the `report`.", "`"),
    ],
)
def test_markdown_in_front_matter_is_refused_at_its_line(minimal, written, mark):
    edit(minimal / AGENDA, "  - That the Committee notes the report.", f"  - {written}")
    assert errors(minimal) == [
        f"Error: inputs/agenda-item.md:10: '{mark}' would be printed as it is: front matter is "
        "plain text, not Markdown; delete it (bold, links and the like belong in the sections "
        "below)"
    ]


def test_a_front_matter_key_given_twice_is_refused(minimal):
    edit(minimal / AGENDA, "wards: All", "wards: All\nwards: North")
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:8: 'wards' is given twice (first on line 7); keep one"
    ]


def test_a_yaml_alias_is_refused(minimal):
    edit(minimal / AGENDA, "wards: All", "wards: &w All\ntitle2: *w")
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:8: '*w' repeats another value (a YAML alias); write the "
        "value out"
    ]


def test_a_noncharacter_in_narrative_is_refused(minimal):
    edit(minimal / AGENDA, "First paragraph.", "First \uffffparagraph.")
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:18: holds U+FFFF, which is not a character (a file "
        "damaged, or saved in another encoding); delete it"
    ]


@pytest.mark.parametrize("mark", ["\u202e", "\u2066", "\u202a"])
def test_an_invisible_direction_mark_is_refused(minimal, mark):
    edit(minimal / AGENDA, "First paragraph.", f"First {mark}paragraph.")
    assert errors(minimal) == [
        f"Error: inputs/agenda-item.md:18: holds an invisible direction mark "
        f"(U+{ord(mark):04X}) that makes the text around it read in another order than it is "
        "written; delete it"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "First paragraph. }}",
            "'}}' would be printed as it is: the end of a name to fill in, with no {{ before it "
            "in the same paragraph; write the {{, or delete the }}",
        ),
        (
            "First paragraph. %}",
            "'%}' would be printed as it is: the end of a template statement, with no {% before "
            "it in the same paragraph; write the {%, or delete the %}",
        ),
    ],
)
def test_half_a_template_tag_is_refused_not_printed(minimal, written, message):
    edit(minimal / AGENDA, "First paragraph.", written)
    assert errors(minimal) == [f"Error: inputs/agenda-item.md:18: {message}"]


def test_half_a_template_tag_in_front_matter_is_refused(minimal):
    edit(minimal / AGENDA, "  - That the Committee notes the report.", "  - That the }} notes it.")
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:10: '}}' would be printed as it is: {{ and }} (or {% and "
        "%}) go in pairs; write the other half, or delete it"
    ]


def test_names_are_filled_into_front_matter_lists(minimal):
    edit(
        minimal / AGENDA,
        "  - That the Committee notes the report.",
        "  - That the {{ committee }} notes the report.",
    )
    assert run(minimal, "build").exit_code == 0
    text = "\n".join(
        p.text for p in docx.Document(str(minimal / "out/agenda-item.docx")).paragraphs
    )
    assert "{{" not in text
    assert "That the Community Committee notes the report." in text
    edit(minimal / AGENDA, "{{ committee }}", "{{ comittee }}")
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:10: 'comittee' is not defined; did you mean 'committee'?"
    ]


def test_names_are_filled_into_front_matter_tables(example):
    edit(example / AGENDA, "  - meeting: Council", '  - meeting: "Full {{ council }}"')
    assert run(example, "build", "agenda-item").exit_code == 0
    paper = docx.Document(str(example / "out/agenda-item.docx"))
    meetings = [row.cells[0].text for table in paper.tables for row in table.rows]
    assert "Full Brackenford Borough Council" in meetings
    assert not any("{{" in text for text in meetings)
    edit(example / AGENDA, "{{ council }}", "{{ councl }}")
    result = run(example, "build", "agenda-item")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "Error: inputs/agenda-item.md:14: 'councl' is not defined; did you mean 'council'?"
    )


@pytest.mark.parametrize(
    ("council", "cabinet", "problems"),
    [
        ("2026-03-10", "2026-03-10", []),  # the same day as this meeting, then the same day
        ("2026-03-24", "2026-04-01", []),
        (
            "2026-03-09",
            "2026-04-01",
            [
                "Error: inputs/agenda-item.md:13: timetable (entry 1): Council on 9 March 2026 "
                "is before this meeting, on 10 March 2026; the timetable lists the meetings that "
                "follow it"
            ],
        ),
        (
            "2026-04-02",
            "2026-04-01",
            [
                "Error: inputs/agenda-item.md:15: timetable (entry 2): Cabinet on 1 April 2026 "
                "is before Council on 2 April 2026, listed above it; list the meetings in date "
                "order"
            ],
        ),
    ],
)
def test_the_timetable_lists_the_meetings_after_this_one_in_order(
    minimal, council, cabinet, problems
):
    edit(
        minimal / AGENDA,
        "  - That the Committee notes the report.",
        "  - That the Committee notes the report.\ntimetable:\n  - meeting: Council\n"
        f"    date: {council}\n  - meeting: Cabinet\n    date: {cabinet}",
    )
    if problems:
        assert errors(minimal) == problems
    else:
        assert run(minimal, "build", "--no-page-numbers").exit_code == 0


@pytest.mark.parametrize(
    ("appendices", "problem"),
    [
        (["strategic-assessment", "'Appendix 2: Equality impact assessment'"], None),
        (
            ["strategic-assesment"],
            "appendices (entry 1): 'strategic-assesment' is not a paper committeepack makes; "
            "did you mean 'strategic-assessment'? (an appendix it does not make is written as "
            "its title, e.g. 'Appendix 4: Equality impact assessment')",
        ),
        (
            ["eia"],
            "appendices (entry 1): 'eia' is not a paper committeepack makes; the papers are: "
            "strategic-assessment, data-on-a-page, plan (an appendix it does not make is written "
            "as its title, e.g. 'Appendix 4: Equality impact assessment')",
        ),
        (
            ["plan", "data-on-a-page", "plan"],
            "appendices (entry 3): 'plan' is listed already (entry 1); list it once",
        ),
        (
            ["agenda-item"],
            "appendices (entry 1): the agenda item cannot be its own appendix; remove it",
        ),
    ],
)
def test_the_appendices_name_papers_committeepack_makes_once(minimal, appendices, problem):
    listed = "".join(f"\n  - {name}" for name in appendices)
    edit(
        minimal / AGENDA,
        "  - That the Committee notes the report.",
        f"  - That the Committee notes the report.\nappendices:{listed}",
    )
    if problem is None:
        assert run(minimal, "build", "--no-page-numbers").exit_code == 0
        return
    index = int(problem.split("(entry ")[1][0])
    assert errors(minimal) == [f"Error: inputs/agenda-item.md:{11 + index}: {problem}"]


@pytest.mark.parametrize(("purpose", "wrong"), [("decision", True), ("noting", False)])
def test_a_report_for_decision_makes_recommendations(minimal, purpose, wrong):
    edit(minimal / AGENDA, "purpose: noting", f"purpose: {purpose}")
    edit(
        minimal / AGENDA,
        "recommendations:\n  - That the Committee notes the report.",
        "recommendations: []",
    )
    if not wrong:
        assert run(minimal, "build", "--no-page-numbers").exit_code == 0
        return
    assert errors(minimal) == [
        "Error: inputs/agenda-item.md:9: recommendations: a report for decision makes at least "
        "one; write them, for example  - That the Committee approves the plan., or set purpose: "
        "noting"
    ]


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("docx", "a Word document"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "an Office 97-2003 file (.doc or .xls)"),
        ("protected", "a password-protected Office file"),
    ],
)
def test_narrative_saved_from_word_is_named_for_what_it_is(minimal, content, kind):
    path = minimal / "inputs/agenda-item.md"
    if content == "docx":
        docx.Document().save(str(path))
    elif content == "protected":
        path.write_bytes((PROTECTED / "document.docx").read_bytes())
    else:
        path.write_bytes(content)
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        f"Error: inputs/agenda-item.md: is {kind}, not Markdown text; write the narrative in a "
        "text editor, or in Word use Save As, Plain Text (.txt) with the encoding UTF-8, and "
        "name the file .md\n"
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_narrative_saved_as_utf16_is_named_for_what_it_is(minimal, encoding):
    path = minimal / "inputs/agenda-item.md"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(
        ("\ufeff" if encoding.endswith("be") else "").encode(encoding) + text.encode(encoding)
    )
    result = run(minimal, "build")
    assert result.exit_code == 1
    assert result.output == (
        "Error: inputs/agenda-item.md: is UTF-16 text (Notepad's 'Unicode'), not UTF-8; save it "
        "as UTF-8 (in Notepad: Save As, Encoding UTF-8)\n"
    )


def test_narrative_in_another_encoding_is_named_at_its_line(minimal):
    path = minimal / "inputs/agenda-item.md"
    path.write_bytes(path.read_bytes() + "\nCaf\u00e9\n".encode("cp1252"))
    result = run(minimal, "build")
    assert result.exit_code == 1
    lines = path.read_bytes().count(b"\n")
    assert result.output == (
        f"Error: inputs/agenda-item.md:{lines}: not UTF-8 text (byte 0xe9 cannot be read); save "
        "it as UTF-8 (in Notepad: Save As, Encoding UTF-8)\n"
    )


@pytest.mark.parametrize(
    "name",
    [
        "Safer *Testshire* [site](https://example.org/x) & <b>Co</b>",
        "- Safer_Testshire_ ~Partnership~ `x`",
        "1. Safer Testshire",
        "# Safer Testshire",
    ],
)
def test_a_name_printed_into_narrative_reads_as_typed_not_as_markdown(minimal, name):
    # a figure's or a setting's text is the user's words, not Markdown the author wrote:
    # no emphasis, link, list or heading may come of it
    edit(minimal / "committeepack.toml", 'name = "Safer Testshire"', f"name = {name!r}")
    edit(minimal / AGENDA, "First paragraph.", "{{ partnership }}\n\nSecond {{ partnership }}.")
    assert run(minimal, "build").exit_code == 0
    paper = docx.Document(str(minimal / "out" / "agenda-item.docx"))
    texts = [p.text.split("\t")[-1] for p in paper.paragraphs]  # after "2.1<tab>"
    at = texts.index(name)
    assert texts[at + 1] == f"Second {name}."
    for paragraph in paper.paragraphs[at : at + 2]:
        assert paragraph.style.name == paper.paragraphs[at + 2].style.name
        assert not any(run.italic or run.bold or run.font.strike for run in paragraph.runs)
    assert not paper.part.element.xpath("//w:hyperlink[contains(., 'site')]")


def test_a_table_whose_words_cannot_fit_the_page_is_a_warning_at_its_line(minimal):
    address = "https://www.example.org/" + "a" * 120
    edit(
        minimal / AGENDA,
        "First paragraph.",
        f"| Where | Status |\n| --- | --- |\n| {address} | Ongoing |",
    )
    result = run(minimal, "build")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        "Warning: inputs/agenda-item.md:18: the table's words do not fit the page's width: "
        "'https://www.example.org/aaaaaaaaaaaaaaaa' would be broken mid-word; give the table "
        "fewer columns or shorter words (a web address as a link: [words](address))"
    )
    edit(minimal / AGENDA, address, "https://www.example.org/plan")
    assert "Warning" not in run(minimal, "build").output


@pytest.mark.parametrize("mark", ["**", "~~", "{{"])
def test_a_value_holding_a_mark_a_paper_would_show_is_named_as_the_values(minimal, mark):
    # the author's line was blamed: "close it with ~~ after the words" where none was typed
    edit(
        minimal / "committeepack.toml",
        'name = "Safer Testshire"',
        f'name = "Safer {mark} Testshire"',
    )
    edit(minimal / AGENDA, "First paragraph.", "First {{ partnership }}.")
    assert errors(minimal) == [
        f"Error: inputs/agenda-item.md:18: {{{{ partnership }}}} prints 'Safer {mark} Testshire', "
        f"which holds '{mark}': the paper would show it as typed; take it out of the value "
        "where it is written (committeepack.toml or its table)"
    ]
