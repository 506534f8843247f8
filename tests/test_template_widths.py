"""A council's own template with wider side margins: every table and chart stays inside its
text, and the charts are drawn at the width they are placed at (their text not shrunk)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image

from committeepack.figures.charts import DPI
from committeepack.word.tables import grid_widths, set_table_width

from conftest import REPO, copy_project, run

PAPERS = {
    "agenda-item.docx": "agenda-item.docx",
    "strategic-assessment.docx": "strategic-assessment.docx",
    "plan.docx": "community-safety-plan.docx",
    "data-on-a-page.docx": "data-on-a-page.docx",
}
TWIPS_PER_CM = 567


def _with_margins(template: Path, side_cm: float) -> float:
    """Give ``template`` side margins of ``side_cm`` (and its own tables, such as the agenda
    item's timetable, the narrower width, as the council restyling it would); its text width
    in cm."""
    document = docx.Document(str(template))
    section = document.sections[0]
    before = section.page_width - section.left_margin - section.right_margin
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(side_cm)
    after = section.page_width - section.left_margin - section.right_margin
    for table in document.tables:
        set_table_width(table, [w * after // before for w in grid_widths(table)])
    document.save(str(template))
    return after / 360000


def _pictures(document) -> list[tuple[float, bytes]]:
    """Each inline picture of the body: its width on the page (cm) and its image."""
    found = []
    for inline in document.element.body.iter(qn("wp:inline")):
        width = int(inline.find(qn("wp:extent")).get("cx")) / 360000
        blip = next(inline.iter(qn("a:blip")))
        found.append((width, document.part.related_parts[blip.get(qn("r:embed"))].blob))
    return found


def _outer_tables(document):
    return [element for element in document.element.body if element.tag == qn("w:tbl")]


@pytest.fixture(scope="module")
def narrow(tmp_path_factory) -> tuple[Path, dict[str, float]]:
    """The example built with every template's side margins at 3.5 cm."""

    project = copy_project(REPO, tmp_path_factory.mktemp("narrow") / "example")
    widths = {name: _with_margins(project / "templates" / name, 3.5) for name in PAPERS}
    result = run(project, "build", "--no-page-numbers")
    assert result.exit_code == 0, result.output
    return project, widths


@pytest.mark.parametrize("template", list(PAPERS))
def test_every_table_and_picture_stays_inside_the_text_of_a_template_with_wider_margins(
    narrow, template
):
    project, widths = narrow
    text_cm = widths[template]
    document = docx.Document(str(project / "out" / PAPERS[template]))
    tables = _outer_tables(document)
    assert tables
    for table in tables:
        columns = [int(c.get(qn("w:w"))) for c in table.find(qn("w:tblGrid"))]
        assert sum(columns) / TWIPS_PER_CM <= text_cm + 0.01
    for width, _ in _pictures(document):
        assert width <= text_cm + 0.01


def test_the_assessments_charts_are_drawn_as_wide_as_they_are_placed(narrow):
    project, widths = narrow
    document = docx.Document(str(project / "out" / "strategic-assessment.docx"))
    pictures = _pictures(document)
    assert len(pictures) == 6
    for width, png in pictures:
        assert width == pytest.approx(widths["strategic-assessment.docx"], abs=0.01)
        drawn_cm = Image.open(io.BytesIO(png)).width / DPI * 2.54
        assert drawn_cm == pytest.approx(width, abs=0.02)  # not scaled: its text is 11 pt


def test_the_narrative_table_of_the_plan_is_as_wide_as_the_text(narrow):
    project, widths = narrow
    document = docx.Document(str(project / "out" / "community-safety-plan.docx"))
    [partners] = [t for t in document.tables if t.cell(0, 0).text == "Partner"]
    assert sum(grid_widths(partners)) / TWIPS_PER_CM == pytest.approx(widths["plan.docx"], abs=0.01)


def test_the_data_on_a_page_grid_shrinks_with_its_chart_inside_the_text(narrow):
    project, widths = narrow
    document = docx.Document(str(project / "out" / "data-on-a-page.docx"))
    [(width, png)] = _pictures(document)
    [grid] = document.tables
    grid_cm = sum(grid_widths(grid)) / TWIPS_PER_CM
    assert grid_cm <= widths["data-on-a-page.docx"] + 0.01
    assert grid_cm > widths["data-on-a-page.docx"] - 1.0  # shrunk to fit, not to nothing
    assert Image.open(io.BytesIO(png)).width / DPI * 2.54 == pytest.approx(width, abs=0.02)


def test_the_default_margins_keep_the_house_widths(example):
    """The boundary: the example's own templates (2.5 cm margins) keep 16 cm tables and
    charts, and the data on a page its full grid."""
    assert run(example, "build", "--no-page-numbers").exit_code == 0
    sa = docx.Document(str(example / "out" / "strategic-assessment.docx"))
    assert {round(width, 2) for width, _ in _pictures(sa)} == {16.0}
    page = docx.Document(str(example / "out" / "data-on-a-page.docx"))
    assert sum(grid_widths(page.tables[0])) / TWIPS_PER_CM == pytest.approx(26.2, abs=0.01)


@pytest.mark.parametrize(("side_cm", "warned"), [(6.5, False), (6.6, True), (10.5, True)])
def test_a_template_with_less_room_than_a_table_needs_is_a_warning(example, side_cm, warned):
    """8 cm between the margins is the least a table or chart is made at: exactly that is
    not warned about, a millimetre less is (a margin as wide as the page: 0 cm)."""
    _with_margins(example / "templates" / "agenda-item.docx", side_cm)
    result = run(example, "build", "agenda-item", "--no-page-numbers")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "side margins" in line]
    width = max(21.0 - 2 * side_cm, 0)
    assert warnings == (
        [
            f"Warning: templates/agenda-item.docx: leaves {width:.1f} cm between its side "
            "margins, and the tables and charts need at least 8 cm, so they run into the "
            "margin; make the side margins narrower (in Word: Layout, Margins)"
        ]
        if warned
        else []
    )
