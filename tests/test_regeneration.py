"""Regeneration: skip what has not changed, say why the rest was rebuilt, redraw only charts
whose data changed, and list what changed for democratic services."""

import docx
import pytest
from docx.oxml.ns import qn

from committeepack.build import build
from committeepack.changes import Block, compare
from committeepack.watch import relevant, watch_and_rebuild

from conftest import edit, replace_line, run


def statuses(result) -> dict[str, str]:
    return {w.name: w.status for w in result.written}


def test_nothing_changed_means_nothing_rebuilt(figures):
    first = build(figures)
    assert set(statuses(first).values()) == {"written"}
    again = build(figures)
    assert set(statuses(again).values()) == {"skipped"}
    assert "  strategic-assessment.docx: unchanged (inputs unchanged)" in again.summary()
    assert again.summary().splitlines()[-1].startswith("0 of 3 paper(s) rewritten in ")


def test_a_rebuild_asked_for_says_why_when_no_input_changed(figures):
    build(figures)
    cleaned = build(figures, clean=True)
    assert set(statuses(cleaned).values()) == {"unchanged"}
    assert (
        "  agenda-item.docx: unchanged (rebuilt as --clean was given, but it came out the same)"
    ) in cleaned.summary()
    checked = build(figures, strict=True)
    assert checked.written[0].reasons == ["--strict checks every paper"]


def test_a_narrative_edit_rebuilds_only_the_papers_that_read_it(figures):
    build(figures)
    edit(figures / "inputs/agenda-item.md", "Publish the plan.", "Publish the final plan.")
    result = build(figures)
    assert statuses(result) == {
        "agenda-item.docx": "written",
        "strategic-assessment.docx": "skipped",
        "data-on-a-page.docx": "skipped",
    }
    assert result.written[0].reasons == ["inputs/agenda-item.md changed"]


def test_a_setting_change_names_the_setting(figures):
    build(figures)
    edit(figures / "committeepack.toml", 'venue = "Council Offices"', 'venue = "Town Hall"')
    result = build(figures)
    assert result.written[0].reasons == ["committeepack.toml [meeting] changed"]
    # the venue is printed nowhere, so the papers are rebuilt but identical
    assert {w.status for w in result.written} == {"unchanged"}
    assert (
        "  agenda-item.docx: unchanged (rebuilt as committeepack.toml [meeting] changed, but "
        "it came out the same)"
    ) in result.summary()


def test_a_figure_change_redraws_only_the_charts_that_use_it(figures):
    build(figures)
    cache = figures / ".committeepack-cache" / "charts"
    before = {p.name for p in cache.glob("*.png")}
    assert len(before) == 4  # crime, districts and SPC in the assessment; crime on the page
    replace_line(figures / "inputs/crime.csv", "Theft,All crime,600,530", "Theft,All crime,600,531")
    replace_line(figures / "inputs/crime.csv", "All crime,,1000,950", "All crime,,1000,951")
    replace_line(
        figures / "inputs/districts.csv", "Testshire,50000,1000,950", "Testshire,50000,1000,951"
    )
    result = build(figures)
    # the agenda item quotes no figure, so it comes out the same
    assert statuses(result) == {
        "agenda-item.docx": "unchanged",
        "strategic-assessment.docx": "written",
        "data-on-a-page.docx": "written",
    }
    after = {p.name for p in cache.glob("*.png")}
    new = after - before
    # the two crime-by-type charts and the district chart changed; the SPC chart did not
    assert len(new) == 3


def test_clean_rebuilds_everything_byte_identically(figures):
    build(figures)
    papers = {p.name: p.read_bytes() for p in (figures / "out").glob("*.docx")}
    result = build(figures, clean=True)
    assert {w.status for w in result.written} == {"unchanged"}
    assert {p.name: p.read_bytes() for p in (figures / "out").glob("*.docx")} == papers


def test_changes_document_lists_an_edited_paragraph_and_an_edited_cell(figures):
    assert run(figures, "build").exit_code == 0
    edit(figures / "inputs/agenda-item.md", "Publish the plan.", "Publish the final plan.")
    replace_line(
        figures / "inputs/actions.csv",
        "asb,Run youth clubs,Delivered,Two clubs open.",
        "asb,Run youth clubs,Delivered,Three clubs open.",
    )
    result = run(figures, "build", "--changes")
    assert result.exit_code == 0
    assert "out/changes.docx: 2 change(s) listed" in result.output
    document = docx.Document(str(figures / "out" / "changes.docx"))
    outline = [(p.style.name, p.text) for p in document.paragraphs]
    assert outline[2:] == [
        ("Heading 1", "agenda-item.docx"),
        ("Heading 3", "Paragraph 7.1"),
        ("Normal", "7.1\tPublish the plan."),  # python-docx reads runs outside revisions
        ("Heading 1", "strategic-assessment.docx"),
        ("Heading 3", "Table 5, row 'Run youth clubs', column 'Update'"),
        ("Normal", " clubs open."),
    ]  # the data on a page came out the same, so --changes leaves it out
    body = document.element.body
    deleted = ["".join(t.text for t in d.iter(qn("w:delText"))) for d in body.iter(qn("w:del"))]
    inserted = ["".join(t.text for t in i.iter(qn("w:t"))) for i in body.iter(qn("w:ins"))]
    assert "final " in inserted and "Two" in deleted and "Three" in inserted
    ids = [el.get(qn("w:id")) for el in body.iter(qn("w:ins"), qn("w:del"))]
    assert len(ids) == len(set(ids))  # every revision has its own id


def test_compare_pairs_changed_cells_by_their_label():
    old = [
        Block("Heading 'A'", "A"),
        Block("Table 1, row 'x', column 'n'", "12"),
        Block("Table 1, row 'y', column 'n'", "7"),
    ]
    new = [
        Block("Heading 'A'", "A"),
        Block("Table 1, row 'x', column 'n'", "13"),
        Block("Table 1, row 'y', column 'n'", "7"),
        Block("Paragraph 2.1", "New text."),
    ]
    changes = compare(old, new)
    assert [(c.label, c.old, c.new) for c in changes] == [
        ("Table 1, row 'x', column 'n'", "12", "13"),
        ("Paragraph 2.1", "", "New text."),
    ]


def test_watch_rebuilds_on_relevant_changes_only(figures):
    calls, said = [], []
    batches = [
        {(1, str(figures / "inputs" / ".agenda-item.md.swp"))},
        {(1, str(figures / "inputs" / "agenda-item.md"))},
    ]
    watch_and_rebuild(figures, lambda: calls.append(1), say=said.append, watcher=iter(batches))
    assert calls == [1]
    assert said == ["Watching for changes (Ctrl+C to stop).", "Changed: agenda-item.md"]
    assert relevant({(1, str(figures / "out" / "x.docx"))}, figures) == []


def test_watch_ignores_temporary_copies_and_names_each_file_once(figures):
    narrative = str(figures / "inputs" / "agenda-item.md")
    temporary = str(figures / "inputs" / "sedQPnuEd")  # sed -i's copy, gone after the rename
    changes = [(1, temporary), (2, narrative), (3, temporary), (2, narrative)]
    assert relevant(changes, figures) == [narrative]
    deleted = str(figures / "inputs" / "figures" / "wards.csv")
    assert relevant([(3, deleted)], figures) == [deleted]  # a real deletion still rebuilds


def test_a_failed_build_caches_no_table_it_did_not_check(figures):
    crime = figures / "inputs" / "crime.csv"
    kept = crime.read_bytes()
    crime.unlink()  # the first table fails; the tables after it must not be cached as empty
    assert run(figures, "build").exit_code == 1
    crime.write_bytes(kept)
    result = run(figures, "build")
    assert result.exit_code == 0, result.output
    assert "Error" not in result.output


def test_the_changes_document_leaves_out_the_contents_lines(figures):
    assert run(figures, "build", "strategic-assessment").exit_code == 0
    result = run(figures, "build", "strategic-assessment", "--page-numbers", "--changes")
    assert result.exit_code == 0
    assert "out/changes.docx: 0 change(s) listed" in result.output  # only the numbers moved


def test_a_heading_that_reads_the_same_with_no_break_spaces_is_not_a_change():
    """Where a table heading may break follows the width its columns have, so a new figure
    can join "Oct 2023 -" with no-break spaces: not a change a reader could see."""
    from committeepack.changes import blocks

    def paper(heading: str, value: str):
        document = docx.Document()
        table = document.add_table(rows=2, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Ward", heading
        table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Eastgate", value
        return document

    plain = paper("Oct 2023 - Sep 2024", "341")
    joined = paper("Oct\u00a02023\u00a0- Sep\u00a02024", "341")
    assert compare(blocks(plain), blocks(joined)) == []
    [change] = compare(blocks(plain), blocks(paper("Oct\u00a02023\u00a0- Sep\u00a02024", "342")))
    assert (change.label, change.old, change.new) == (
        "Table 1, row 'Eastgate', column 'Oct 2023 - Sep 2024'",
        "341",
        "342",
    )


@pytest.mark.parametrize(
    ("folder", "name", "written"),
    [
        ("inputs", "map.gif", "map.gif"),  # a GIF was not fingerprinted: "inputs unchanged"
        ("inputs/pictures", "map.bmp", "pictures/map.bmp"),
        ("pictures", "map.png", "../pictures/map.png"),  # in the project, beside inputs/
    ],
)
def test_a_changed_picture_rebuilds_the_paper_that_shows_it(figures, folder, name, written):
    from PIL import Image

    picture = figures / folder / name
    picture.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 20), "red").save(picture)
    edit(figures / "inputs/agenda-item.md", "Publish the plan.", f"![A map]({written})")
    build(figures)
    Image.new("RGB", (40, 20), "blue").save(picture)
    result = build(figures)
    assert statuses(result)["agenda-item.docx"] == "written"
    assert result.written[0].reasons == [f"{folder}/{name} changed"]
