"""Publishing: each paper as an accessible PDF, converted again only when it changed."""

import re
import shutil
from pathlib import Path

import docx
import pikepdf
import pytest
from pypdf import PdfReader

from committeepack import libreoffice, pdf_check, publish

from conftest import (
    DOTX_TYPE,
    REPO,
    copy_project,
    edit,
    join_agenda,
    refused_publish,
    run,
    saved_as,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The example, published once for the tests that only read what publish made."""
    project = copy_project(REPO, tmp_path_factory.mktemp("published") / "pack")
    result = run(project, "publish")
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.output
    return project


def _pages(pdf):
    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def _agenda_rows(project):
    document = docx.Document(str(project / "out/agenda.docx"))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Item")
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def test_every_pdf_is_made_tagged_titled_and_checked(published):
    pdfs = sorted(p.name for p in (published / "out/pdf").glob("*.pdf"))
    assert pdfs == [
        "agenda-item.pdf",
        "agenda.pdf",
        "community-safety-plan.pdf",
        "data-on-a-page.pdf",
        "minutes.pdf",
        "strategic-assessment.pdf",
    ]
    for pdf in [*(published / "out/pdf").glob("*.pdf"), published / "out/agenda-pack.pdf"]:
        assert pdf_check.problems(pdf) == [], pdf.name
    pack = PdfReader(published / "out/agenda-pack.pdf")
    assert pack.trailer["/Root"]["/Lang"] == "en-GB"
    assert pack.metadata.title == (
        "Agenda: Communities, Housing and Environment Committee, Tuesday 2 June 2026"
    )
    assert not (published / "out/agenda-pack-restricted.pdf").exists()


def test_the_front_sheet_page_ranges_are_where_the_pack_puts_each_item(published):
    pages = _pages(published / "out/agenda-pack.pdf")
    front = next(i for i, text in enumerate(pages) if "Agenda Item 8" in text.splitlines())
    assert front >= 1
    # every page after the front sheet prints its number, counted from 1
    for index, text in enumerate(pages[front:], 1):
        assert text.strip().splitlines()[-1].strip() == f"Page {index}", index
    assert not any(re.search(r"^Page \d+$", t, re.MULTILINE) for t in pages[:front])
    labelled = {
        line.strip(): index
        for index, text in enumerate(pages[front:], 1)
        for line in text.splitlines()[:1]
        if re.fullmatch(r"(Agenda Item \d+|Appendix \d+)", line.strip())
    }
    assert labelled == {
        "Agenda Item 8": 1,
        "Agenda Item 12": labelled["Agenda Item 12"],
        "Appendix 1": labelled["Appendix 1"],
        "Appendix 2": labelled["Appendix 2"],
        "Appendix 3": labelled["Appendix 3"],
    }
    rows = {row[0]: row[2] for row in _agenda_rows(published)}
    numbered = len(pages) - front
    assert rows["8."] == f"1 - {labelled['Agenda Item 12'] - 1}"
    assert rows["12."] == f"{labelled['Agenda Item 12']} - {numbered}"
    assert [rows[f"{n}."] for n in (1, 2, 3, 9, 10, 11)] == [""] * 6
    # the front sheet's PDF is the pack's first pages, printing what the .docx says
    sheet = _pages(published / "out/pdf/agenda.pdf")
    assert sheet == pages[:front]
    printed = " ".join(" ".join(sheet).split())
    assert f"Meeting held on Tuesday 18 November 2025 {rows['8.']} 9." in printed
    assert f"Community Safety Plan Update {rows['12.']}" in printed
    # each part's first page shows the part's own first heading after its label
    first = pages[front + labelled["Appendix 1"] - 1].splitlines()
    assert first[1:3] == ["Safer Brackenford Partnership", "Strategic Assessment 2026/27"]
    minutes = pages[front].splitlines()
    assert minutes[1] == "Brackenford Borough Council"
    # the assessment's contents give the pack's page numbers
    contents = pages[front + labelled["Appendix 1"]]
    aim = next(
        i for i, t in enumerate(pages[front:], 1) if "Aim of this assessment" in t.splitlines()[:3]
    )
    assert re.search(rf"Aim of this assessment\.+\s*{aim}\b", contents)


def test_the_pack_has_a_bookmark_for_each_item_and_appendix(published):
    reader = PdfReader(published / "out/agenda-pack.pdf")
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    assert [entry.title for entry in top] == [
        "Agenda",
        "Agenda Item 8: Minutes of the Meeting held on Tuesday 18 November 2025",
        "Agenda Item 12: Safer Brackenford Partnership Strategic Assessment 2026/27 and "
        "Community Safety Plan Update",
        "Appendix 1: Strategic Assessment 2026/27",
        "Appendix 2: Strategic Assessment 2026/27: data on a page",
        "Appendix 3: Community Safety Plan 2025-2028, May 2026 update",
    ]
    pages = _pages(published / "out/agenda-pack.pdf")
    for entry in top[1:]:
        label = entry.title.split(":")[0]
        assert pages[reader.get_destination_page_number(entry)].splitlines()[0] == label
    nested = reader.outline[reader.outline.index(top[3]) + 1]
    assert isinstance(nested, list) and nested[0].title == "Aim of this assessment"


def test_the_pack_carries_alt_text_and_header_rows(published):
    root = PdfReader(published / "out/agenda-pack.pdf").trailer["/Root"]["/StructTreeRoot"]
    with pikepdf.open(published / "out/agenda-pack.pdf") as pdf:
        figures = pdf_check.figures(pdf.Root.StructTreeRoot)
        assert len(figures) >= 6  # the assessment's charts and the data on a page's
        assert all(str(figure.get("/Alt", "")).strip() for figure in figures)
    assert "/TH" in _structure_types(root)


def _structure_types(element, seen=None) -> set:
    seen = set() if seen is None else seen
    found = set()
    kids = element.get("/K")
    for kid in kids if isinstance(kids, list) else [kids]:
        node = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(node, dict) and id(node) not in seen:
            seen.add(id(node))
            if "/S" in node:
                found.add(str(node["/S"]))
            found |= _structure_types(node, seen)
    return found


def test_front_sheet_text(published):
    document = docx.Document(str(published / "out/agenda.docx"))
    text = [p.text for p in document.paragraphs if p.text.strip()]
    assert text == [
        "Brackenford Borough Council",
        "Communities, Housing and Environment Committee acting as the Crime and Disorder Committee",
        "Agenda",
        "Issued on Friday 22 May 2026",
        "Simon Ashworth, Chief Executive",
        "Information for the public",
        "To ask a question at this meeting, or to speak on an item on the agenda, contact "
        "democratic services on 01632 960 418 or at committees@brackenford.example.gov.uk by "
        "5 pm one clear working day before the meeting, giving the full text of your question "
        "or the item you wish to speak on.",
        "This agenda and its reports can be made available in alternative formats, such as "
        "large print, audio or another language; contact democratic services on 01632 960 418 "
        "or at committees@brackenford.example.gov.uk to ask.",
        "To find out more about the work of the Committee, visit www.brackenford.example.gov.uk.",
    ]
    facts = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert facts == [
        ["Date", "Tuesday 2 June 2026"],
        ["Time", "6.30 pm"],
        ["Venue", "Town Hall, Market Square, Brackenford"],
        [
            "Membership",
            "Councillors Achebe, Brennan, Castellano, Dunmore, Ferris, Hollis (Chair), "
            "Kowalczyk, Lindqvist, Osei and Quayle",
        ],
    ]
    rows = _agenda_rows(published)
    assert [row[:2] for row in rows] == [
        ["1.", "Apologies for Absence"],
        ["2.", "Notification of Substitute Members"],
        ["3.", "Urgent Items"],
        ["4.", "Notification of Visiting Members"],
        ["5.", "Disclosures by Members and Officers"],
        ["6.", "Disclosures of Lobbying"],
        [
            "7.",
            "To consider whether any items should be taken in private because of the possible "
            "disclosure of exempt information",
        ],
        ["8.", "Minutes of the Meeting held on Tuesday 18 November 2025"],
        ["9.", "Presentation of Petitions (if any)"],
        ["10.", "Questions from Members of the Public (if any)"],
        ["11.", "Questions from Members to the Chair (if any)"],
        [
            "12.",
            "Safer Brackenford Partnership Strategic Assessment 2026/27 and Community Safety "
            "Plan Update",
        ],
    ]
    assert document.tables[1].rows[0]._tr.trPr.xml.count("tblHeader") == 1


def test_minutes_are_printed_as_the_council_prints_them(published):
    document = docx.Document(str(published / "out/minutes.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert headings[0] == "1. APOLOGIES FOR ABSENCE"
    assert headings[-2:] == [
        "12. COMMUNITY SAFETY PARTNERSHIP MID-YEAR UPDATE",
        "13. DURATION OF MEETING",
    ]
    texts = [p.text for p in document.paragraphs]
    assert texts[-1] == "6.30 pm to 7.48 pm"
    present = next(p for p in document.paragraphs if p.text.startswith("Present: "))
    assert present.runs[0].bold and "Hollis (Chair)" in present.text
    resolved = [p for p in document.paragraphs if p.text.startswith("RESOLVED:")]
    assert len(resolved) == 3
    for paragraph in resolved:
        runs = [run for run in paragraph.runs if run.text]
        assert runs[0].text == "RESOLVED:" and runs[0].bold
        assert not runs[1].bold
    numbered = [
        p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None
    ]
    assert [p.text for p in numbered] == [
        "the mid-year update be noted; and",
        "the results of the residents' survey be reported to the Committee with the 2026/27 "
        "strategic assessment.",
    ]
    assert document.core_properties.title == (
        "Minutes of the Meeting held on Tuesday 18 November 2025"
    )


def test_publish_again_converts_only_what_changed(tmp_path):
    project = copy_project(REPO, tmp_path / "pack")
    assert run(project, "publish").exit_code == 0
    again = run(project, "publish")
    assert again.exit_code == 0, again.output
    assert ": made" not in again.output
    assert "  agenda-pack.pdf: unchanged" in again.output
    edit(project / "inputs/agenda-item.md", "Each year the", "Every year the")
    second = run(project, "publish")
    assert "  pdf/agenda-item.pdf: made" in second.output
    assert "  pdf/strategic-assessment.pdf: unchanged" in second.output
    assert "  pdf/minutes.pdf: unchanged" in second.output
    assert "  agenda-pack.pdf: made" in second.output
    assert "Every year the" in "".join(_pages(project / "out/agenda-pack.pdf"))


def test_exempt_items_go_only_into_the_restricted_pack(tmp_path):
    project = copy_project(REPO, tmp_path / "pack")
    edit(
        project / "inputs/agenda-item.md",
        "classification: public",
        "classification: exempt\nexempt_paragraph: 3",
    )
    result = run(project, "publish")
    assert result.exit_code == 0, result.output
    public = "\n".join(_pages(project / "out/agenda-pack.pdf"))
    restricted = "\n".join(_pages(project / "out/agenda-pack-restricted.pdf"))
    assert "Agenda Item 12" not in public.splitlines()
    assert "Appendix 1" not in public.splitlines()
    assert "Executive Summary" not in public
    assert "Agenda Item 12" in restricted.splitlines()
    assert "Executive Summary" in restricted
    document = docx.Document(str(project / "out/agenda.docx"))
    exempt = [[c.text for c in row.cells] for row in document.tables[2].rows]
    assert exempt[1][0] == "12." and exempt[1][2] == "3"
    assert "12." not in [row[0] for row in _agenda_rows(project)]
    assert pdf_check.problems(project / "out/agenda-pack-restricted.pdf") == []


def test_an_untagged_pdf_fails_the_check(tmp_path):
    import docx

    from committeepack.libreoffice import Office
    from committeepack.publish import convert, find_soffice

    paper = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("Text")
    document.save(str(paper))
    soffice = find_soffice()
    import subprocess

    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(paper)],
        check=True,
        capture_output=True,
    )
    found = pdf_check.problems(tmp_path / "plain.pdf")
    assert "not tagged (no structure tree); export it as tagged PDF" in found
    assert "no document title" in found
    with Office(soffice) as office:
        convert(office, [paper], tmp_path / "tagged")
    assert "not tagged (no structure tree); export it as tagged PDF" not in pdf_check.problems(
        tmp_path / "tagged/plain.pdf"
    )


def test_without_libreoffice_publish_says_where_to_get_it(figures, monkeypatch):
    monkeypatch.setattr(publish.shutil, "which", lambda name: None)
    monkeypatch.setattr(libreoffice, "STANDARD_PLACES", ())
    result = run(figures, "publish")
    assert result.exit_code == 1
    assert result.output.startswith("Error: publishing needs LibreOffice to make the PDFs")
    assert not (figures / "out").exists() or not any((figures / "out").glob("pdf/*.pdf"))
    assert shutil.which is not None


def test_a_failing_conversion_is_one_line(figures, monkeypatch):
    import subprocess

    def broken(*args, **kwargs):
        raise subprocess.TimeoutExpired(args[0], 900)

    monkeypatch.setattr(publish.subprocess, "run", broken)
    result = run(figures, "publish")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "Error: LibreOffice failed to make the PDFs (it was still running after 900 seconds); "
        "close any LibreOffice window and publish again"
    )


def _report(path, title: str, paragraphs: int = 3) -> None:
    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for number in range(paragraphs):
        document.add_paragraph(f"{title}, paragraph {number + 1}.")
    document.save(str(path))


def test_reports_written_elsewhere_join_the_agenda_with_their_appendices(tmp_path):
    project = copy_project(REPO, tmp_path / "pack")
    (project / "inputs/reports").mkdir()
    _report(project / "inputs/reports/protocols.docx", "Protocols for scrutiny")
    _report(project / "inputs/reports/annex.docx", "Protocols annex", paragraphs=80)
    join_agenda(
        project,
        "Protocols for scrutiny",
        "inputs/reports/protocols.docx",
        ["inputs/reports/annex.docx"],
    )
    result = run(project, "publish")
    assert result.exit_code == 0, result.output
    rows = {row[0]: row[1:] for row in _agenda_rows(project)}
    pages = _pages(project / "out/agenda-pack.pdf")
    front = next(i for i, text in enumerate(pages) if text.startswith("Agenda Item 8"))
    start = next(i for i, text in enumerate(pages) if text.startswith("Agenda Item 13")) - front + 1
    assert rows["13."] == ["Protocols for scrutiny", f"{start} - {len(pages) - front}"]
    assert len(pages) - front > start  # the annex runs over more than one page
    assert pages[front + start].startswith("Appendix 1")
    assert rows["12."][1] == f"3 - {start - 1}"


def test_a_hand_edited_front_sheet_is_not_overwritten(tmp_path):
    project = copy_project(REPO, tmp_path / "pack")
    assert run(project, "publish").exit_code == 0
    sheet = project / "out/agenda.docx"
    document = docx.Document(str(sheet))
    document.add_paragraph("Note added by democratic services")
    document.save(str(sheet))
    edit(project / "inputs/minutes.md", "6.30 pm to 7.48 pm", "6.30 pm to 7.50 pm")
    result = run(project, "publish")
    assert result.exit_code == 1
    assert (
        result.output.strip().splitlines()[-1].startswith("Error: out/agenda.docx: changed since")
    )
    assert "Note added by democratic services" in [
        p.text for p in docx.Document(str(sheet)).paragraphs
    ]
    assert run(project, "publish", "--force").exit_code == 0


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            'title = "X"\nfile = "inputs/reports/none.docx"',
            "'inputs/reports/none.docx' does not exist; fix the name",
        ),
        ('title = "X"\nfile = "inputs/minutes.md"', "'inputs/minutes.md' is not a .docx"),
        (
            'title = "X"\nfile = "inputs/reports/broken.docx"',
            "'inputs/reports/broken.docx' cannot be opened as a Word document",
        ),
        (
            'title = "X"\nfile = "inputs/reports/locked.docx"',
            "'inputs/reports/locked.docx' is protected by a password, which committeepack cannot "
            "open; in Word, remove it",
        ),
        (
            'title = "X"\nfile = "inputs/reports/template.docx"',
            "'inputs/reports/template.docx' is saved as a Word template (.dotx), not as a Word "
            "Document (.docx); open it in Word and save it with Save As",
        ),
        ('paper = "plan"', "'plan' cannot be an agenda item"),
        (
            'file = "inputs/reports/good.docx"',
            'give paper = "agenda-item", or the title and file',
        ),
    ],
)
def test_a_report_that_cannot_join_the_agenda_is_one_line(example, entry, message):
    (example / "inputs/reports").mkdir()
    (example / "inputs/reports/broken.docx").write_bytes(b"not a zip")
    protected = Path(__file__).parent / "fixtures" / "protected" / "document.docx"
    (example / "inputs/reports/locked.docx").write_bytes(protected.read_bytes())
    _report(example / "inputs/reports/good.docx", "Good")
    _report(example / "inputs/reports/template.docx", "Template")
    saved_as(example / "inputs/reports/template.docx", DOTX_TYPE)
    with open(example / "committeepack.toml", "a", encoding="utf-8") as config:
        config.write(f"\n[[agenda.reports]]\n{entry}\n")
    result = run(example, "publish")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: committeepack.toml:")
    assert message in lines[0]
    assert not (example / "out").exists()


def test_an_item_of_one_page_prints_its_page_alone_in_the_docx_and_both_pdfs(tmp_path):
    project = copy_project(REPO, tmp_path / "pack")
    (project / "inputs/reports").mkdir()
    _report(project / "inputs/reports/protocols.docx", "Protocols for scrutiny")
    join_agenda(project, "Protocols for scrutiny", "inputs/reports/protocols.docx")
    result = run(project, "publish")
    assert result.exit_code == 0, result.output
    pages = _pages(project / "out/agenda-pack.pdf")
    front = next(i for i, text in enumerate(pages) if text.startswith("Agenda Item 8"))
    last = len(pages) - front
    assert pages[-1].startswith("Agenda Item 13")  # the report is the pack's last page
    rows = {row[0]: row[1:] for row in _agenda_rows(project)}
    assert rows["13."] == ["Protocols for scrutiny", str(last)]
    sheet = _pages(project / "out/pdf/agenda.pdf")
    assert sheet == pages[:front]  # the front sheet's PDF is the pack's own first pages
    printed = " ".join(" ".join(sheet).split())
    assert f"Protocols for scrutiny {last} " in printed + " "
    assert f"{last} - {last}" not in printed
    assert pdf_check.problems(project / "out/pdf/agenda.pdf") == []


def test_a_front_sheet_restyled_without_the_page_column_still_publishes(tmp_path):
    project = copy_project(REPO, tmp_path / "pack")
    template = project / "templates/agenda.docx"
    document = docx.Document(str(template))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    if "item.shown" in paragraph.text:
                        for piece in paragraph.runs:
                            piece.text = piece.text.replace("{{ item.shown }}", "")
    document.save(str(template))
    result = run(project, "publish")
    assert result.exit_code == 0, result.output
    assert (project / "out/agenda-pack.pdf").is_file()
    assert all(row[2] == "" for row in _agenda_rows(project))


def test_a_paper_that_grows_moves_the_ranges_after_it(tmp_path):
    project = copy_project(REPO, tmp_path / "pack")
    assert run(project, "publish").exit_code == 0
    before = {row[0]: row[2] for row in _agenda_rows(project)}
    extra = "\n\n".join(
        f"An added paragraph, number {n}, to lengthen the report." for n in range(60)
    )
    edit(
        project / "inputs/agenda-item.md",
        "# Introduction and Background\n",
        f"# Introduction and Background\n\n{extra}\n",
    )
    result = run(project, "publish")
    assert result.exit_code == 0, result.output
    after = {row[0]: row[2] for row in _agenda_rows(project)}
    assert after["8."] == before["8."]
    first, last = (int(n) for n in after["12."].split(" - "))
    old_first, old_last = (int(n) for n in before["12."].split(" - "))
    assert first == old_first and last > old_last
    pages = _pages(project / "out/agenda-pack.pdf")
    front = next(i for i, text in enumerate(pages) if text.startswith("Agenda Item 8"))
    assert len(pages) - front == last
    assert pages[-1].strip().splitlines()[-1] == f"Page {last}"


def test_several_projects_publish_with_one_run_for_all_their_papers(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from committeepack.cli import cli

    county = tmp_path / "county"
    for name in ("ashby", "brent", "crowle"):
        copy_project(REPO, county / name)
    edit(county / "crowle/committeepack.toml", "[meeting]", "[meeting]\nroom = 4")
    runs = []  # the files of each LibreOffice run, laid out through uno or converted
    convert_once, layout_once = libreoffice.convert, libreoffice.Office.layout

    def layout(office, files):
        answer = layout_once(office, files)
        if answer is not None:  # else converted to PDF: counted there
            runs.append(files)
        return answer

    monkeypatch.setattr(libreoffice.Office, "layout", layout)
    monkeypatch.setattr(
        libreoffice,
        "convert",
        lambda *args, **kw: runs.append(args[1]) or convert_once(*args, **kw),
    )
    result = CliRunner().invoke(cli, ["publish", "--projects", str(county)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[-1] == f"2 of 3 project(s) done; failed: {county / 'crowle'}"
    assert "crowle/committeepack.toml" in result.output and "room" in result.output
    for name in ("ashby", "brent"):
        out = county / name / "out"
        assert (out / "agenda-pack.pdf").is_file() and pdf_check.problems(
            out / "agenda-pack.pdf"
        ) == []
        assert len(list((out / "pdf").glob("*.pdf"))) == 6
    # the contents of both (one run), every paper of both (one run), then each pack
    loose = [files for files in runs if len(files) == 2 * 5]
    assert len(loose) == 1, [len(files) for files in runs]
    assert len(runs) == 4


def test_a_report_still_under_review_stops_publishing_before_any_pdf(example):
    from docx.oxml import parse_xml

    (example / "inputs/reports").mkdir()
    report = example / "inputs/reports/protocols.docx"
    _report(report, "Protocols")
    document = docx.Document(str(report))
    document.paragraphs[1]._p.append(
        parse_xml(
            '<w:ins xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'w:id="1" w:author="Officer" w:date="2026-01-01T00:00:00Z">'
            "<w:r><w:t>Text nobody accepted.</w:t></w:r></w:ins>"
        )
    )
    document.add_comment(document.paragraphs[2].runs, text="Not for publication", author="L")
    document.save(str(report))
    join_agenda(example, "Protocols", "inputs/reports/protocols.docx")
    assert refused_publish(example) == (
        "Error: inputs/reports/protocols.docx: holds 1 tracked change not yet accepted or "
        "rejected and 1 comment, which its PDF would show; in Word, accept or reject the "
        "changes and delete the comments (Review tab), save, and publish again"
    )


def test_a_conversion_that_makes_no_pdf_is_one_line(figures, monkeypatch):
    import subprocess

    def makes_nothing(args, **kwargs):  # LibreOffice exits 0 when it cannot read a file
        return subprocess.CompletedProcess(args, 0, b"", b"")

    monkeypatch.setattr(libreoffice.subprocess, "run", makes_nothing)
    result = run(figures, "publish")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.strip().splitlines()[-1] == (
        "Error: LibreOffice could not lay out the agenda pack composed of the papers; a report "
        "or appendix written elsewhere may hold something it cannot read: open each in Word, "
        "save it again as a Word Document (.docx), and publish again"
    )


def test_a_paper_libreoffice_cannot_read_is_named(tmp_path, monkeypatch):
    from committeepack.errors import CommitteePackError

    def makes_one(soffice, files, folder, export="pdf", profile=None):
        (folder / f"{files[0].stem}.pdf").write_bytes(b"%PDF-1.7")
        raise libreoffice.NotConverted([f.name for f in files[1:]])

    monkeypatch.setattr(libreoffice, "convert", makes_one)
    papers = [tmp_path / "good.docx", tmp_path / "odd.docx"]
    with libreoffice.Office("soffice") as office, pytest.raises(CommitteePackError) as caught:
        publish.convert(office, papers, tmp_path)
    assert str(caught.value) == (
        "LibreOffice could not convert odd.docx to PDF; open it in Word, save it again as a "
        "Word Document (.docx), and publish again"
    )


def test_a_paper_with_a_drafting_mark_is_built_but_not_published(example):
    edit(example / "inputs/agenda-item.md", "Each year the", "Costs are TBC. Each year the")
    assert refused_publish(example) == (
        "Error: out/agenda-item.docx: holds 'TBC' (\"Costs are TBC. Each year the Safer\"), a "
        "drafting mark or an input file's name; write the final text in its narrative, build, "
        "and publish again"
    )
    assert (example / "out/agenda-item.docx").is_file()  # the draft the author needs


def test_a_committee_with_a_long_name_is_published_with_titles_word_can_hold(tmp_path):
    # the front sheet's title, "Agenda: <its 235-character name>, Tuesday 2 June 2026", passed
    # Word's 255 characters for a property, and publish stopped with python-docx's error
    project = copy_project(REPO, tmp_path / "pack")
    name = "Communities Housing Environment Regeneration " * 5 + "Committee"
    edit(
        project / "committeepack.toml",
        'name = "Communities, Housing and Environment Committee"',
        f'name = "{name}"',
    )
    result = run(project, "publish")
    assert result.exit_code == 0, result.output
    sheet = docx.Document(str(project / "out/agenda.docx"))
    title = sheet.core_properties.title
    assert len(title) <= 255 and title.endswith("\u2026")
    assert f"Agenda: {name}, Tuesday 2 June 2026".startswith(title[:-1])
    assert name in [p.text for p in sheet.paragraphs][1]  # the sheet itself prints it whole
