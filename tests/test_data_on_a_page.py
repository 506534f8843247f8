"""The data on a page: tiles from the headlines, a grid that reads in order, one page."""

import docx
import pytest
from docx.oxml.ns import qn

from committeepack.colours import contrast
from committeepack.config import Branding
from committeepack.papers.data_on_a_page import MAX_SENTENCE
from committeepack.papers.tile_grid import tile_colours
from outline import images

from conftest import edit, run

PAPER = "data-on-a-page"
LONG = "x" * 10


def add_headline(
    project, priority: str, figure: str, statement: str = "change", extra: str = ""
) -> None:
    with (project / "committeepack.toml").open("a") as handle:
        handle.write(
            f'\n[[headlines]]\npriority = "{priority}"\nfigure = "{figure}"\n'
            f'statement = "{statement}"\n{extra}'
        )


def six_long_tiles(project) -> None:
    """Six tiles (the most supported) whose sentences are as long as a tile allows."""
    for number in range(5):
        words = f"Tile {number + 2} says " + "a very long thing about crime " * 6
        sentence = words[: MAX_SENTENCE - 1].rstrip()
        add_headline(project, "asb", "crime:Theft", extra=f'sentence = "{sentence}"\n')


def tiles(project) -> list[list[str]]:
    document = docx.Document(str(project / "out" / f"{PAPER}.docx"))
    grid = document.tables[0]
    inner = grid.rows[0].cells[1].tables[0]
    cells = {cell._tc: cell for row in inner.rows for cell in row.cells}  # a span once
    return [
        [p.text for p in cell.paragraphs if p.text] for cell in cells.values() if cell.text.strip()
    ]


def test_tile_for_a_rise(figures):
    assert run(figures, "build", PAPER).exit_code == 0
    assert tiles(figures) == [
        ["Violence", "Up 5.0%", "Violent crime rose by 5.0% from 400 to 420."]
    ]


@pytest.mark.parametrize(
    ("figure", "statement", "extra", "tile"),
    [
        (
            "crime:Theft",
            "change",
            "",
            ["ASB", "Down 11.7%", "Theft fell by 11.7% from 600 to 530."],
        ),
        ("crime:Robbery", "change", "", ["ASB", "No change", "Robbery stayed at 20."]),
        (
            "crime:Violent crime",
            "share",
            'of = "crime:All crime"\n',
            ["ASB", "44%", "Violent crime made up 44% of all crime."],
        ),
        ("crime:Theft", "count", "", ["ASB", "530", "Theft: 530."]),
    ],
)
def test_tile_statements(figures, figure, statement, extra, tile):
    add_headline(figures, "asb", figure, statement, extra)
    assert run(figures, "build", PAPER).exit_code == 0
    assert tiles(figures)[1] == tile


def test_tile_from_a_zero_base(figures):
    edit(figures / "inputs/crime.csv", "Robbery,Violent crime,20,20", "Robbery,Violent crime,0,20")
    edit(
        figures / "inputs/crime.csv",
        "Violent crime,All crime,400,420",
        "Violent crime,All crime,380,420",
    )
    edit(figures / "inputs/crime.csv", "All crime,,1000,950", "All crime,,980,950")
    edit(figures / "inputs/districts.csv", "Testshire,50000,1000,950", "Testshire,50000,980,950")
    add_headline(figures, "asb", "crime:Robbery")
    result = run(figures, "build", PAPER)
    assert result.exit_code == 0, result.output
    assert tiles(figures)[1] == ["ASB", "20", "Robbery rose from 0 to 20."]


def test_a_tile_for_a_rise_too_small_to_print_does_not_say_zero(figures):
    edit(figures / "inputs/crime.csv", "All crime,,1000,950", "All crime,,6400,6421")
    edit(figures / "inputs/crime.csv", "Theft,All crime,600,530", "Theft,All crime,6000,6001")
    edit(figures / "inputs/districts.csv", "Testshire,50000,1000,950", "Testshire,50000,6400,6421")
    add_headline(figures, "asb", "crime:Theft")
    result = run(figures, "build", PAPER)
    assert result.exit_code == 0, result.output
    assert tiles(figures)[1] == [
        "ASB",
        "Up less than 0.1%",
        "Theft rose by less than 0.1% from 6,000 to 6,001.",
    ]


def test_too_many_tiles_is_an_error_naming_the_tile(figures):
    six_long_tiles(figures)
    add_headline(figures, "asb", "crime:Theft")
    result = run(figures, "build", PAPER)
    assert result.exit_code == 1
    assert result.output.endswith(
        "headlines (entry 7): the data on a page holds at most 6 tiles on one page; remove a "
        "headline or build without data-on-a-page\n"
    )


def test_sentence_too_long_for_a_tile(figures):
    add_headline(figures, "asb", "crime:Theft", extra=f'sentence = "{"y" * 130}"\n')
    result = run(figures, "build", PAPER)
    assert result.exit_code == 1
    assert result.output.endswith(
        "headlines (entry 2, ASB): the sentence has 131 characters; a tile holds 120. Shorten "
        'it with sentence = "..."\n'
    )


def test_grid_is_a_borderless_table_and_the_chart_has_alt_text(figures):
    assert run(figures, "build", PAPER).exit_code == 0
    document = docx.Document(str(figures / "out" / f"{PAPER}.docx"))
    borders = document.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    [chart] = images(document)
    assert chart["descr"].startswith(
        "Bar chart of % change in recorded crime by main type, 2025 vs 2024"
    )
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape by default
    assert document.core_properties.title == "Strategic Assessment 2025/26: data on a page"


def test_contrast_and_tile_colours():
    assert contrast("FFFFFF", "000000") == pytest.approx(21)
    assert contrast("12436D", "FFFFFF") >= 4.5
    assert tile_colours(Branding(heading_colour="#12436D")) == ("12436D", "FFFFFF")
    assert tile_colours(Branding(heading_colour="#F2F2F2")) == ("F2F2F2", "0B0C0C")
    for grey in ("#767676", "#888888", "#959595", "#A0A0A0"):  # the hardest case: mid-greys
        fill, text = tile_colours(Branding(heading_colour=grey))
        assert contrast(fill, text) >= 4.5


def test_a_tiles_big_figure_agrees_with_its_sentence_to_the_same_precision(example):
    import re

    import docx

    assert run(example, "build", "data-on-a-page").exit_code == 0
    document = docx.Document(str(example / "out" / "data-on-a-page.docx"))
    cells, tables = [], list(document.tables)
    while tables:  # the tiles are tables inside the page's grid
        table = tables.pop()
        for row in table.rows:
            for cell in row.cells:
                cells.append(cell.text)
                tables.extend(cell.tables)
    checked = 0
    for text in cells:
        big = re.search(r"\b(Up|Down) (\d+(?:\.\d)?)%", text)
        said = re.search(r"\b(?:rose|fell) by (\d+(?:\.\d)?)%", text)
        if big and said:
            assert big.group(2) == said.group(1), text
            checked += 1
    assert checked >= 3


@pytest.mark.parametrize(
    ("tiles", "widest", "rows"),
    [
        (1, 3, [1]),
        (2, 3, [2]),
        (3, 3, [3]),
        (4, 3, [2, 2]),
        (5, 3, [3, 2]),
        (6, 3, [3, 3]),
        (3, 2, [2, 1]),
        (5, 2, [2, 2, 1]),
        (6, 2, [2, 2, 2]),
    ],
)
def test_tile_rows_leave_no_cell_empty(tiles, widest, rows):
    from committeepack.papers.page_room import tile_rows
    from committeepack.papers.tile_grid import GRID

    assert tile_rows(tiles, widest) == rows
    assert all(GRID % count == 0 for count in rows)


def test_the_chart_caption_says_it_shows_the_main_types(figures):
    assert run(figures, "build", PAPER).exit_code == 0
    document = docx.Document(str(figures / "out" / f"{PAPER}.docx"))
    captions = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs if p.text]
    # a sign stays with its word, as in the tables' headings
    assert captions == ["%\u00a0change in recorded crime by main type, 2025 compared with 2024"]


def test_a_month_is_never_parted_from_its_year_in_the_period_line_or_caption(example):
    assert run(example, "build", PAPER, "--no-page-numbers").exit_code == 0
    document = docx.Document(str(example / "out" / f"{PAPER}.docx"))
    period = "Oct\u00a02024\u00a0- Sep\u00a02025 compared with Oct\u00a02023\u00a0- Sep\u00a02024"
    texts = [p.text for p in document.paragraphs]
    assert any(text.endswith(period) for text in texts)  # the range breaks after its dash
    caption = document.tables[0].rows[0].cells[0].paragraphs[-1].text
    assert caption.endswith(period)


def _no_section(document) -> None:
    body = document.element.body
    for section in body.findall(qn("w:sectPr")):
        body.remove(section)


def _size_in_words(document) -> None:
    document.styles["Heading 1"].element.get_or_add_rPr().find(qn("w:sz")).set(qn("w:val"), "big")


def _margin_not_a_number(document) -> None:
    document.sections[0]._sectPr.find(qn("w:pgMar")).set(qn("w:top"), "nan")


def _styles_based_on_each_other(document) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    one = document.styles.add_style("One", WD_STYLE_TYPE.PARAGRAPH)
    other = document.styles.add_style("Other", WD_STYLE_TYPE.PARAGRAPH)
    one.base_style, other.base_style = other, one
    document.paragraphs[2].style = one


def _no_style_called_normal(document) -> None:
    for style in document.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None and name.get(qn("w:val")) == "Normal":
            name.set(qn("w:val"), "Body")
            style.set(qn("w:default"), "0")


@pytest.mark.parametrize(
    "spoil",
    [
        _no_section,
        _size_in_words,
        _margin_not_a_number,
        _styles_based_on_each_other,
        _no_style_called_normal,
    ],
)
def test_a_template_the_page_cannot_be_measured_from_still_builds_the_page(example, spoil):
    """Values Word's schema does not allow where the chart's room is measured: the page is
    measured as the default template's, as the build did before it measured templates, and
    no traceback."""
    path = example / "templates" / "data-on-a-page.docx"
    document = docx.Document(str(path))
    spoil(document)
    document.save(str(path))
    result = run(example, "build", PAPER)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert (example / "out" / f"{PAPER}.docx").exists()


def test_an_unreadable_value_is_unmeasurable_not_a_python_error():
    from committeepack.word.page_geometry import Unmeasurable, body_paragraphs, page_geometry

    document = docx.Document()
    _no_section(document)
    with pytest.raises(Unmeasurable):
        page_geometry(document, ["Caption"])
    document = docx.Document()
    document.add_paragraph("A title", style="Heading 1")
    _size_in_words(document)
    with pytest.raises(Unmeasurable):
        body_paragraphs(document)
