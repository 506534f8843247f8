"""LibreOffice is our real client: every paper converts to PDF with the expected pages."""

import io
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from committeepack.papers import PAPERS

from conftest import REPO, copy_project, edit, run

pytestmark = pytest.mark.e2e

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Reasonable bounds for each paper of the bundled example: (fewest, most) pages.
PAGES = {
    "agenda-item": (4, 9),
    "strategic-assessment": (12, 30),
    "data-on-a-page": (1, 1),
    "plan": (6, 14),
}


def pdf_pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    if SOFFICE is None:
        pytest.fail("LibreOffice (soffice) is not installed; .ci/run installs it")
    project = copy_project(REPO, tmp_path_factory.mktemp("lo") / "example")
    assert run(project, "build").exit_code == 0
    out = project / "out"
    convert([out / paper.output for paper in PAPERS.values()], tmp_path_factory.mktemp("lo"))
    return out


@pytest.mark.parametrize("name", sorted(PAPERS))
def test_paper_converts_with_expected_page_count(pdfs, name):
    pdf = pdfs / PAPERS[name].output.replace(".docx", ".pdf")
    assert pdf.is_file(), f"LibreOffice did not convert {name}"
    fewest, most = PAGES[name]
    assert fewest <= pdf_pages(pdf) <= most


def test_agenda_item_pdf_text(pdfs):
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdfs / "agenda-item.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Cross-cutting issues and implications" in text
    assert "2.1" in text and "9.1" in text
    assert "a)" in text and "c)" in text  # the Legal row's lettered list
    assert "{{" not in text and "**" not in text


def convert(papers, tmp_path):
    """Convert one paper (or a list, in one LibreOffice run) to PDF next to it."""
    many = isinstance(papers, list)
    papers = papers if many else [papers]
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(papers[0].parent),
            *map(str, papers),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdfs = [paper.with_suffix(".pdf") for paper in papers]
    return pdfs if many else pdfs[0]


def test_data_on_a_page_with_most_tiles_and_longest_sentences_fits_one_page(figures, tmp_path):
    from test_data_on_a_page import six_long_tiles

    six_long_tiles(figures)
    result = run(figures, "build", "data-on-a-page")
    assert result.exit_code == 0, result.output
    assert pdf_pages(convert(figures / "out" / "data-on-a-page.docx", tmp_path)) == 1


def test_portrait_data_on_a_page_fits_one_page(figures, tmp_path):
    from test_data_on_a_page import six_long_tiles

    six_long_tiles(figures)
    with (figures / "committeepack.toml").open("a") as handle:
        handle.write('\n[data_on_a_page]\norientation = "portrait"\n')
    assert run(figures, "templates", "--overwrite").exit_code == 0
    assert run(figures, "build", "data-on-a-page").exit_code == 0
    assert pdf_pages(convert(figures / "out" / "data-on-a-page.docx", tmp_path)) == 1


def test_changes_document_converts(figures, tmp_path):
    assert run(figures, "build").exit_code == 0
    edit(figures / "inputs/agenda-item.md", "Publish the plan.", "Publish the final plan.")
    assert run(figures, "build", "--changes").exit_code == 0
    pdf = convert(figures / "out" / "changes.docx", tmp_path)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Paragraph 7.1" in text and "final" in text


def test_page_numbers_in_contents_match_the_pages(tmp_path):
    import docx

    from committeepack.word.fields import contents_entries

    project = copy_project(REPO, tmp_path / "numbers")
    result = run(project, "build", "strategic-assessment", "--page-numbers")
    assert result.exit_code == 0, result.output
    paper = project / "out" / "strategic-assessment.docx"
    entries = [p.text for p in contents_entries(docx.Document(str(paper)))]
    assert len(entries) > 10 and all(e.rsplit("\t", 1)[-1].isdigit() for e in entries)
    text = subprocess.run(
        ["pdftotext", str(convert(paper, tmp_path)), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = [" ".join(page.split()) for page in text.split("\f")]
    for entry in entries:
        title, number = entry.rsplit("\t", 1)
        assert " ".join(title.split()) in pages[int(number) - 1], entry


def test_contents_are_numbered_by_default_and_the_next_build_keeps_them(tmp_path):
    import docx
    from click.testing import CliRunner

    from committeepack.cli import cli
    from committeepack.word.fields import contents_entries

    project = copy_project(REPO, tmp_path / "default")
    runner = CliRunner()
    first = runner.invoke(cli, ["build", "-p", str(project)])
    assert first.exit_code == 0, first.output
    for paper in ("strategic-assessment.docx", "community-safety-plan.docx"):
        entries = contents_entries(docx.Document(str(project / "out" / paper)))
        assert entries and all(e.text.rsplit("\t", 1)[-1].isdigit() for e in entries), paper
    assert "prints on" not in first.output  # the data on a page was laid out: one page
    second = runner.invoke(cli, ["build", "-p", str(project)])
    assert "0 of 4 paper(s) rewritten" in second.output  # numbered, and remembered


def test_several_projects_have_their_contents_numbered_in_one_libreoffice_run(
    tmp_path, monkeypatch
):
    import docx
    from click.testing import CliRunner

    from committeepack import libreoffice
    from committeepack.cli import cli
    from committeepack.word.fields import contents_entries

    county = tmp_path / "county"
    for name in ("ashby", "brent"):
        copy_project(REPO, county / name)
    longer = "# Governance\n\n" + "A longer account of how the partnership is run.\n\n" * 80
    edit(county / "brent/inputs/plan.md", "# Governance\n", longer)
    _own_template(county / "ashby", 12)  # ashby's data on a page runs on, brent's not
    runs = []  # each LibreOffice run: (None or the command, the files laid out)
    convert_once, layout_once = libreoffice.convert, libreoffice.Office.layout

    def layout(office, files):
        answer = layout_once(office, files)
        if answer is not None:  # else converted to PDF: counted there
            runs.append((None, files))
        return answer

    monkeypatch.setattr(libreoffice.Office, "layout", layout)
    monkeypatch.setattr(
        libreoffice, "convert", lambda *args, **kw: runs.append(args) or convert_once(*args, **kw)
    )
    result = CliRunner().invoke(cli, ["build", "--projects", str(county)])
    assert result.exit_code == 0, result.output
    # two papers with contents and the data on a page, two projects
    assert len(runs) == 1 and len(runs[0][1]) == 6
    lines = result.output.splitlines()
    overrun = [n for n, line in enumerate(lines) if "prints on 2 pages" in line]
    assert len(overrun) == 1  # ashby's, and not brent's too, though laid out in one run
    assert lines.index(f"{county / 'ashby'}:") < overrun[0] < lines.index(f"{county / 'brent'}:")
    for name in ("ashby", "brent"):
        for paper in ("strategic-assessment.docx", "community-safety-plan.docx"):
            entries = contents_entries(docx.Document(str(county / name / "out" / paper)))
            assert entries and all(e.text.rsplit("\t", 1)[-1].isdigit() for e in entries)

    def page_of(name: str, heading: str) -> int:
        path = county / name / "out" / "community-safety-plan.docx"
        entry = next(
            e.text for e in contents_entries(docx.Document(str(path))) if heading in e.text
        )
        return int(entry.rsplit("\t", 1)[-1])

    # each project's own pages: brent's longer governance section moves what follows it
    assert page_of("brent", "Governance") == page_of("ashby", "Governance")
    assert page_of("brent", "Glossary") > page_of("ashby", "Glossary")
    assert result.output.splitlines()[-1] == "2 of 2 project(s) done"


def test_without_libreoffice_the_build_says_so_and_leaves_the_field(tmp_path, monkeypatch):
    import docx
    from click.testing import CliRunner

    from committeepack import paper_layout
    from committeepack.cli import cli
    from committeepack.word.fields import contents_entries

    monkeypatch.setattr(paper_layout.shutil, "which", lambda name: None)
    project = copy_project(REPO, tmp_path / "none")
    result = CliRunner().invoke(cli, ["build", "-p", str(project), "strategic-assessment"])
    assert result.exit_code == 0
    assert f"Warning: {paper_layout.MISSING}" in result.output
    entries = contents_entries(docx.Document(str(project / "out/strategic-assessment.docx")))
    assert entries and not any("\t" in e.text for e in entries)
    quiet = CliRunner().invoke(cli, ["build", "-p", str(project), "agenda-item"])
    assert "LibreOffice" not in quiet.output  # a paper with no contents needs no warning


def _own_template(project: Path, lines: int) -> None:
    """The council's own data on a page template, with a table of ``lines`` lines of its own
    text above the grid: a table the chart's room is not measured from (its paragraphs,
    header and footer are)."""
    import docx

    path = project / "templates" / "data-on-a-page.docx"
    document = docx.Document(str(path))
    grid = next(p for p in document.paragraphs if "grid" in p.text)
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "\n".join(f"Notice line {n}" for n in range(lines))
    grid._p.addprevious(table._tbl)
    document.save(str(path))


def test_a_data_on_a_page_outgrowing_its_page_is_a_warning_and_with_strict_an_error(tmp_path):
    project = copy_project(REPO, tmp_path / "own")
    _own_template(project, 12)
    strict = run(project, "build", "data-on-a-page", "--page-numbers", "--strict")
    warning = (
        "out/data-on-a-page.docx: prints on 2 pages as LibreOffice lays it out, where the "
        "committee expects one; shorten the priorities' names or the partnership's name, show "
        "fewer headlines, or choose a smaller body_size or a narrower font in [branding] (or, "
        "in a template of your own, less above the grid, smaller text or smaller margins)"
    )
    assert strict.exit_code == 1 and warning in strict.output
    assert not (project / "out" / "data-on-a-page.docx").exists()  # --strict wrote nothing
    result = run(project, "build", "data-on-a-page", "--page-numbers")
    assert result.exit_code == 0 and f"Warning: {warning}" in result.output.splitlines()
    paper = project / "out" / "data-on-a-page.docx"
    assert pdf_pages(convert(paper, tmp_path)) == 2  # the warning is what the PDF shows


def test_a_data_on_a_page_that_fits_its_own_template_is_not_warned_about(tmp_path):
    project = copy_project(REPO, tmp_path / "fits")
    _own_template(project, 1)  # a line more than the default: the slack takes it
    result = run(project, "build", "data-on-a-page", "--page-numbers")
    assert result.exit_code == 0 and "prints on" not in result.output
    paper = project / "out" / "data-on-a-page.docx"
    assert pdf_pages(convert(paper, tmp_path)) == 1


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_the_data_on_a_page_with_a_logo_and_six_tiles_at_16_pt_fits_one_page(tmp_path, orientation):
    """The logo stands in the first page's header, taller than the page's top margin, so it
    pushes the text down: the chart (portrait) and the tile rows (landscape, where they stand
    beside the chart) are sized from what the page leaves. Both took two pages."""
    from PIL import Image

    project = copy_project(REPO, tmp_path / orientation)
    shutil.rmtree(project / "templates")
    Image.new("RGB", (600, 200), (18, 67, 109)).save(project / "inputs" / "logo.png")
    config = project / "committeepack.toml"
    text = headlines_only(config.read_text(encoding="utf-8"), 6)
    text = text.replace('font = "Arial"', 'font = "DejaVu Sans"').replace(
        "body_size = 12", 'body_size = 16\nlogo = "inputs/logo.png"'
    )
    config.write_text(
        text + f'\n[data_on_a_page]\norientation = "{orientation}"\n', encoding="utf-8"
    )
    result = run(project, "build", "data-on-a-page", "--page-numbers")
    assert result.exit_code == 0 and "Warning" not in result.output, result.output
    assert pdf_pages(convert(project / "out" / "data-on-a-page.docx", tmp_path)) == 1


def test_the_data_on_a_page_fits_its_own_template_with_a_larger_title_and_margin(tmp_path):
    """A council's own template, its title at 40 pt (the default's is 18) and its top margin
    5 cm (1.2): the page is measured from the template, so the chart is shorter and the
    tiles beside it less tall, and the page stays one."""
    import docx
    from docx.shared import Cm, Pt

    project = copy_project(REPO, tmp_path / "own")
    path = project / "templates" / "data-on-a-page.docx"
    document = docx.Document(str(path))
    document.styles["Heading 1"].font.size = Pt(40)
    document.sections[0].top_margin = Cm(5)
    document.save(str(path))
    result = run(project, "build", "data-on-a-page", "--page-numbers")
    assert result.exit_code == 0 and "Warning" not in result.output, result.output
    paper = project / "out" / "data-on-a-page.docx"
    assert pdf_pages(convert(paper, tmp_path)) == 1
    grid = docx.Document(str(paper)).tables[0]
    chart = grid.rows[0].cells[0]._tc.xpath(".//wp:extent")[0]
    assert int(chart.get("cy")) / 360000 < 12.5 - 3  # shorter than the default page's chart


def headlines_only(config: str, count: int) -> str:
    """The example's configuration with its first ``count`` headlines (a sixth repeats one)."""
    head, _, rest = config.partition("[[headlines]]")
    blocks = ("[[headlines]]" + rest).split("\n\n")
    entries = [b for b in blocks if b.startswith("[[headlines]]")]
    others = [b for b in blocks if not b.startswith("[[headlines]]")]
    entries = (entries + entries)[:count]
    return head + "\n\n".join(entries + others)


@pytest.mark.parametrize("size", [14, 16])
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_the_data_on_a_page_fits_one_page_for_every_tile_count_at_the_largest_size(
    tmp_path, orientation, size
):
    """One to six tiles, in DejaVu Sans (wider than Arial) at 14 pt and at 16 pt, the largest
    body size (where six tiles' big figures on two lines each took two pages): always one
    page, and never a tile row with an empty cell."""
    import docx

    papers = []
    for count in range(1, 7):
        project = copy_project(REPO, tmp_path / f"tiles{count}")
        shutil.rmtree(project / "templates")  # the default template, in this font
        config = project / "committeepack.toml"
        text = headlines_only(config.read_text(encoding="utf-8"), count)
        text = text.replace('font = "Arial"', 'font = "DejaVu Sans"').replace(
            "body_size = 12", f"body_size = {size}"
        )
        config.write_text(
            text + f'\n[data_on_a_page]\norientation = "{orientation}"\n', encoding="utf-8"
        )
        result = run(project, "build", "data-on-a-page")
        assert result.exit_code == 0, result.output
        paper = project / "out" / "data-on-a-page.docx"
        tiles = docx.Document(str(paper)).tables[0].rows[-1].cells[-1].tables[0]
        cells = {cell._tc: cell for row in tiles.rows for cell in row.cells}  # a span once
        assert len(cells) == count
        assert all(c.text.strip() for c in cells.values())  # no empty cell
        papers.append(shutil.copy(paper, tmp_path / f"tiles{count}.docx"))
    convert([Path(p) for p in papers], tmp_path)  # one LibreOffice run for the six
    for paper in papers:
        assert pdf_pages(Path(paper).with_suffix(".pdf")) == 1, paper


@pytest.mark.parametrize(
    ("face", "size"), [("DejaVu Sans Mono", 14), ("DejaVu Serif", 16), ("Liberation Sans", 11)]
)
def test_the_data_on_a_page_fits_one_page_in_any_face_with_a_long_caption(tmp_path, face, size):
    """A monospaced or serif face at a large size, a long partnership name and a crime table
    of more types than the chart shows (its caption then saying which are grouped): the chart
    leaves its texts room, in both orientations."""
    papers = []
    for orientation in ("landscape", "portrait"):
        project = copy_project(REPO, tmp_path / orientation)
        shutil.rmtree(project / "templates")  # the default template, in this face
        config = project / "committeepack.toml"
        text = config.read_text(encoding="utf-8")
        text = text.replace('font = "Arial"', f'font = "{face}"').replace(
            "body_size = 12", f"body_size = {size}"
        )
        text = text.replace(
            'name = "Safer Brackenford Partnership"',
            'name = "Safer Brackenford and Upper Kennet Valley Community Safety Partnership"',
        )
        config.write_text(
            text + f'\n[data_on_a_page]\norientation = "{orientation}"\n', encoding="utf-8"
        )
        result = run(project, "build", "data-on-a-page")
        assert result.exit_code == 0, result.output
        papers.append(
            shutil.copy(project / "out/data-on-a-page.docx", tmp_path / f"{orientation}.docx")
        )
    convert([Path(p) for p in papers], tmp_path)
    for paper in papers:
        assert pdf_pages(Path(paper).with_suffix(".pdf")) == 1, paper


def page_bodies(pdf) -> list[list[str]]:
    """Each page's lines, without the running header and the page number."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in text.split("\f"):
        lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
        while lines and (lines[-1].startswith("Page ") or lines[-1].isdigit()):
            lines.pop()
        pages.append(lines)
    return pages


@pytest.mark.parametrize("name", sorted(PAPERS))
def test_no_page_ends_with_a_heading_or_a_lone_table_header(pdfs, name):
    import docx

    paper = pdfs / PAPERS[name].output
    document = docx.Document(str(paper))
    headings = [
        " ".join(p.text.split())
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading") and p.text.strip()
    ]
    headers = [[" ".join(c.text.split()) for c in table.rows[0].cells] for table in document.tables]
    pages = page_bodies(pdfs / PAPERS[name].output.replace(".docx", ".pdf"))
    for number, lines in enumerate(pages[:-1], 1):
        if not lines or "Contents" in lines:
            continue  # an empty page, or the contents (a list of the headings)
        endings = {" ".join(lines[-k:]) for k in (1, 2, 3)}  # a heading may wrap
        for heading in headings:
            assert heading not in endings, f"{name} page {number} ends with '{heading}'"
        for header in headers:
            tail = " ".join(lines[-len(" ".join(header).split()) - 2 :])
            assert not (header[-1] and tail.endswith(header[-1]) and header[0] in tail), (
                f"{name} page {number} ends with the header row of a table: {header}"
            )


def test_no_paper_ends_with_a_blank_page(pdfs):
    for paper in PAPERS.values():
        pages = page_bodies(pdfs / paper.output.replace(".docx", ".pdf"))
        assert len(pages[-1]) > 1 or (pages[-1] == [] and len(pages[-2]) > 1), paper.name


def test_a_failing_libreoffice_is_a_warning_not_a_traceback(tmp_path, monkeypatch):
    import docx
    from click.testing import CliRunner

    from committeepack import contents_pages, libreoffice
    from committeepack.cli import cli
    from committeepack.word.fields import contents_entries

    def broken(*args, **kwargs):
        raise subprocess.CalledProcessError(1, args[0], stderr=b"Error: no export filter\n")

    def unread(office, files):
        office._next_profile()
        raise libreoffice.LayoutFailed("RuntimeError: LibreOffice could not read paper0.docx")

    monkeypatch.setattr(libreoffice.Office, "layout", unread)  # through uno, then to PDF:
    monkeypatch.setattr(contents_pages.subprocess, "run", broken)  # both fail
    project = copy_project(REPO, tmp_path / "broken")
    result = CliRunner().invoke(cli, ["build", "-p", str(project), "strategic-assessment"])
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert (
        "Warning: LibreOffice could not lay the papers out (it ended with exit status 1: Error: "
        "no export filter), so the contents pages carry no page numbers this time"
    ) in result.output
    paper = docx.Document(str(project / "out/strategic-assessment.docx"))
    assert not any("\t" in e.text for e in contents_entries(paper))
    page = CliRunner().invoke(cli, ["build", "-p", str(project), "data-on-a-page"])
    assert page.exit_code == 0
    assert (
        "Warning: LibreOffice could not lay the papers out (it ended with exit status 1: Error: "
        "no export filter), so whether out/data-on-a-page.docx prints on one page is not known; close any LibreOffice window "
        "and build again, or build with --no-page-numbers"
    ) in page.output.splitlines()


def test_a_paper_laid_out_without_its_pictures_data_has_the_same_pages(pdfs):
    """The contents are numbered from a copy whose pictures are one pixel each: it must lay
    out exactly as the paper does (every picture keeps its size on the page)."""
    from committeepack.paper_layout import page_texts_of
    from committeepack.word.fields import for_layout

    paper = (pdfs / "strategic-assessment.docx").read_bytes()
    light = for_layout(paper)
    assert len(light) < len(paper) / 2
    from committeepack.pdf_outline import pdftotext_pages

    # the fixture converted the paper itself, next to it
    pages = pdftotext_pages("pdftotext", pdfs / "strategic-assessment.pdf")
    whole = [" ".join(page.split()) for page in pages]
    assert page_texts_of({"sa": paper})["sa"] == whole


def _running(profile: Path) -> bool:
    """Whether a LibreOffice with the profile ``profile`` is still running (Linux; a zombie,
    ended but not yet reaped, does not count)."""
    for process in Path("/proc").glob("[0-9]*"):
        try:
            command = (process / "cmdline").read_bytes()
            state = (process / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue  # ended meanwhile
        if str(profile).encode() in command and b"soffice" in command and state != "Z":
            return True
    return False


def test_the_libreoffice_started_early_converts_and_is_stopped_at_the_end(tmp_path):
    import docx

    from committeepack.libreoffice import Office

    papers = []
    for name in ("first", "second"):
        document = docx.Document()
        document.add_paragraph(f"The {name} paper.")
        document.save(str(tmp_path / f"{name}.docx"))
        papers.append(tmp_path / f"{name}.docx")
    office = Office(SOFFICE)
    office.start()
    keeper = office._keeper
    office.start()  # once only
    assert office._keeper is keeper
    profile = Path(office._profile)
    for paper in papers:  # the first handed to the LibreOffice running, the next its own
        office.convert([paper], tmp_path / "pdf")
    assert sorted(p.name for p in (tmp_path / "pdf").iterdir()) == ["first.pdf", "second.pdf"]
    second = Path(office._profile)
    office.close()
    assert not _running(profile) and not profile.exists() and not second.exists()
    office.close()  # closing twice is harmless


def test_libreoffice_is_stopped_when_the_command_fails_after_starting_it(tmp_path):
    from committeepack.libreoffice import Offices
    from committeepack.office_keeper import pipe_files

    with pytest.raises(RuntimeError), Offices() as offices:
        office = offices.get(SOFFICE)
        office.start()
        assert offices.get(SOFFICE) is office  # one per command
        profile = Path(office._profile)
        pipes = [Path(p) for p in pipe_files(str(profile), office._pipe)]
        assert office.layout([]) == []  # LibreOffice under way, taking work through uno
        assert _running(profile) and all(pipe.exists() for pipe in pipes)  # named as it does
        raise RuntimeError("the build failed")
    assert not _running(profile) and not profile.exists()
    assert not any(pipe.exists() for pipe in pipes)  # a LibreOffice killed leaves them


def test_libreoffice_and_its_profile_go_when_committeepack_is_killed(tmp_path):
    """The keeper notices its standard input close when committeepack dies, however."""
    from committeepack.office_keeper import pipe_files

    script = (
        "import sys, time\n"
        "from committeepack.libreoffice import Office\n"
        f"office = Office({SOFFICE!r}); office.start()\n"
        "print(office._profile, office._pipe, flush=True); time.sleep(60)\n"
    )
    build = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    profile, pipe = build.stdout.readline().split()
    pipes = [Path(p) for p in pipe_files(profile, pipe)]
    profile = Path(profile)
    deadline = time.monotonic() + 20
    while not _running(profile) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _running(profile)
    build.kill()  # SIGKILL: no clean-up of its own
    build.wait()
    while (_running(profile) or profile.exists()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(profile) and not profile.exists()
    assert not any(pipe.exists() for pipe in pipes)


def test_a_build_numbers_its_contents_with_the_libreoffice_it_started_early(tmp_path, monkeypatch):
    from committeepack import libreoffice

    project = copy_project(REPO, tmp_path / "example")
    started, runs = [], []  # profiles: of each LibreOffice started, of each run's
    start_once, convert_once = libreoffice.Office.start, libreoffice.convert
    layout_once = libreoffice.Office.layout

    def layout(office, files):
        answer = layout_once(office, files)
        if answer is not None:  # laid out through uno; else converted to PDF, counted there
            runs.append(office._profile)
        return answer

    monkeypatch.setattr(
        libreoffice.Office, "start", lambda self: started.append(self._profile) or start_once(self)
    )
    monkeypatch.setattr(libreoffice.Office, "layout", layout)
    monkeypatch.setattr(
        libreoffice,
        "convert",
        lambda *args, **kw: runs.append(args[4]) or convert_once(*args, **kw),
    )
    assert run(project, "build", "--page-numbers").exit_code == 0
    assert len(started) == 1 and runs == started  # by the one started before rendering
    assert not Path(started[0]).exists()  # stopped and removed when the build ended


@pytest.mark.parametrize("name", sorted(PAPERS))
def test_pdftotext_reads_a_text_for_every_page_and_no_more(pdfs, name):
    from committeepack.pdf_outline import pdftotext_pages

    pdf = pdfs / PAPERS[name].output.replace(".docx", ".pdf")
    for raw in (False, True):
        pages = pdftotext_pages("pdftotext", pdf, raw=raw)
        assert len(pages) == pdf_pages(pdf)
        assert all(page.strip() for page in pages)  # no empty page after the last form feed


@pytest.mark.parametrize(("font", "size"), [("Arial", 12), ("DejaVu Sans", 14)])
def test_the_contents_libreoffice_fills_in_give_the_pages_its_pdf_shows(tmp_path, font, size):
    """Asked through uno (the system's python3-uno, which .ci/run installs), LibreOffice fills
    the contents in from its own layout; each page must be the one its PDF shows the heading
    on, in the example and in a wider face at a larger size, where the headings fall on other
    pages."""
    import docx

    from committeepack import contents_pages, libreoffice, paper_layout
    from committeepack.paper_layout import LaidOut
    from committeepack.word.fields import contents_entries

    project = copy_project(REPO, tmp_path / "example")
    edit(
        project / "committeepack.toml",
        'font = "Arial"\nbody_size = 12',
        f'font = "{font}"\nbody_size = {size}',
    )
    assert run(project, "build", "--no-page-numbers").exit_code == 0
    names = ("strategic-assessment", "plan", "data-on-a-page")
    papers = {name: (project / "out" / PAPERS[name].output).read_bytes() for name in names}
    with libreoffice.Office(SOFFICE) as office:
        office.start()
        laid = paper_layout.lay_out(papers, office)
    texts = paper_layout.page_texts_of(papers)

    def numbers(data: bytes) -> list[str]:
        entries = contents_entries(docx.Document(io.BytesIO(data)))
        return [entry.text.rpartition("\t")[2] for entry in entries]

    for name in names:
        assert laid[name].entries is not None, "not laid out through uno: is python3-uno installed?"
        assert laid[name].pages == len(texts[name])
        by_uno = contents_pages._numbered(papers[name], laid[name])
        by_pdf = contents_pages._numbered(
            papers[name], LaidOut(len(texts[name]), texts=texts[name])
        )
        assert by_uno is not None and numbers(by_uno) == numbers(by_pdf)
        if name != "data-on-a-page":
            assert len(numbers(by_uno)) > 5 and all(n.isdigit() for n in numbers(by_uno))


def test_without_uno_the_contents_are_numbered_from_the_pdf(tmp_path, monkeypatch):
    """A machine whose Python has no uno module (no python3-uno; macOS): the keeper only
    keeps LibreOffice, which converts the papers to PDF, and the contents get the same pages."""
    import docx

    from committeepack import libreoffice
    from committeepack.word.fields import contents_entries

    monkeypatch.setattr(libreoffice, "keeper_python", lambda: sys.executable)  # no uno here
    asked = []
    layout_once = libreoffice.Office.layout
    monkeypatch.setattr(
        libreoffice.Office,
        "layout",
        lambda office, files: asked.append(layout_once(office, files)) or asked[-1],
    )
    numbers = {}
    for way in ("pdf", "uno"):
        project = copy_project(REPO, tmp_path / way)
        assert run(project, "build", "--page-numbers").exit_code == 0
        paper = docx.Document(str(project / "out/strategic-assessment.docx"))
        numbers[way] = [e.text.rpartition("\t")[2] for e in contents_entries(paper)]
        if way == "pdf":
            assert asked == [None]  # not asked through uno: converted to PDF
            monkeypatch.setattr(
                libreoffice, "keeper_python", lambda: str(libreoffice.SYSTEM_PYTHON)
            )
    assert asked[-1] is not None  # python3-uno, which .ci/run installs
    assert numbers["pdf"] == numbers["uno"] and all(n.isdigit() for n in numbers["pdf"])
