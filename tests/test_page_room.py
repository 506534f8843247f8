"""The data on a page's chart leaves its texts room on the one page."""

import docx
import pytest
from docx.shared import Pt

from committeepack.papers.page_room import (
    GRID_WIDTH_CM,
    LEAST_CM,
    LEAST_SCALE,
    STYLES,
    TILE_MIN_CM,
    big_figure_pt,
    chart_room_cm,
    filled_paragraphs,
    grid_scale,
    text_cm,
    tile_least_cm,
    tile_rows_cm,
)
from committeepack.word.page_geometry import PageGeometry, TextStyle, page_geometry

NORMAL = TextStyle(12.0, False, 0.0, 8.0, 1.15)
TEXTS = [
    ("Strategic Assessment 2026/27: data on a page", TextStyle(18.0, True, 0.0, 6.0, 1.15), 0.0),
    (
        "Safer Brackenford Partnership, Oct 2024 - Sep 2025 compared with Oct 2023 - Sep 2024",
        TextStyle(14.0, True, 0.0, 2.0, 1.15),
        0.0,
    ),
    ("All crime fell by 2.5% from 9,410 to 9,178.", NORMAL, 0.0),
]
CAPTION = (
    "% change in recorded crime by main type, Oct 2024 - Sep 2025 compared with Oct 2023 - Sep 2024"
)
TABLE_TEXT = TextStyle(11.0, False, 2.0, 2.0, 1.0)


def geometry(orientation="landscape", body=12.0) -> PageGeometry:
    normal = TextStyle(body, False, 0.0, 8.0, 1.15)
    caption = TextStyle(max(body - 1, 11), False, 0.0, 12.0, 1.0)
    height = 18.6 if orientation == "landscape" else 27.3
    width = 26.7 if orientation == "landscape" else 18.0
    return PageGeometry(width, height, (("Normal", normal), ("Caption", caption)))


def room(texts=TEXTS, caption=CAPTION, orientation="landscape", face="Arial", body=12.0, rows=3):
    under = [3.8] * rows if orientation == "portrait" else []
    return chart_room_cm(geometry(orientation, body), face, texts, caption, 13.0, under)


def test_the_default_page_has_room_for_the_tallest_chart():
    assert room() > 12.5


def test_longer_texts_a_larger_size_or_a_wider_face_leave_less_room():
    longer = [
        (t + " and the Upper Brackenford Valley" if n == 1 else t, s, p)
        for n, (t, s, p) in enumerate(TEXTS)
    ]
    assert room(texts=longer) < room()
    assert (
        room(
            caption=CAPTION
            + " (the 8 largest of 11 categories, and the other 3 together as All other)"
        )
        < room()
    )
    assert room(body=14.0) < room()
    long = CAPTION * 3
    caption = geometry().style("Caption")
    assert text_cm(long, caption, 13.0, "Verdana") > text_cm(long, caption, 13.0, "Arial")


def test_a_paragraph_is_its_lines_or_its_picture_whichever_is_taller_and_its_spacing():
    one_line = text_cm("Short", NORMAL, 20.0, "Arial")
    assert one_line == pytest.approx((12 * 1.17 * 1.15 + 8) * 2.54 / 72)
    assert text_cm("Short", NORMAL, 20.0, "Arial", picture_cm=0.1) == one_line  # a small one
    with_logo = text_cm("", NORMAL, 20.0, "Arial", picture_cm=3.0)
    assert with_logo == pytest.approx(3.0 + 8 * 2.54 / 72)
    before = TextStyle(12.0, False, 24.0, 8.0, 1.15)
    assert text_cm("Short", before, 20.0, "Arial") == pytest.approx(one_line + 24 * 2.54 / 72)


def test_portrait_leaves_room_for_the_tile_rows_under_the_chart():
    assert room(orientation="portrait", rows=2) < room(orientation="portrait", rows=1)
    assert room(orientation="portrait", rows=1) < geometry("portrait").height_cm


def test_the_chart_is_never_squeezed_below_its_least_height():
    assert room(texts=TEXTS * 40) == LEAST_CM


def test_a_tile_row_is_as_tall_as_its_tallest_tile_and_never_below_its_least():
    short = ("Young people", "Down 20.9%", "Youth offences fell by 20.9% from 110 to 87.")
    long = ("Serious violence and organised crime", "Up 12.7%", "Violent crime rose. " * 6)
    [least] = tile_rows_cm("portrait", "Arial", 12.0, [[short, short, short]], TABLE_TEXT)
    assert least == 3.8
    big = TextStyle(15.0, False, 2.0, 2.0, 1.0)
    [tall] = tile_rows_cm("portrait", "DejaVu Serif", 16.0, [[short, long, short]], big)
    assert tall > 3.8
    [wider] = tile_rows_cm("portrait", "DejaVu Serif", 16.0, [[short, long]], big)
    assert wider < tall  # two tiles to the row: each wider, so fewer lines


def test_the_big_figures_are_twice_the_body_size_unless_one_would_wrap():
    tiles = [[("Young people", "Down 20.9%", "Youth offences fell.")] * 2] * 3
    assert big_figure_pt("landscape", "Arial", 12.0, tiles) == 24.0
    smaller = big_figure_pt("landscape", "DejaVu Sans", 16.0, tiles)
    assert 16.0 + 4 <= smaller < 32.0
    # boundary: one size up, the widest figure would wrap in its tile
    from committeepack.papers.page_room import _inner_twips
    from committeepack.word.text_measure import line_count

    inner = _inner_twips("landscape", tiles[0])
    assert line_count("Down 20.9%", inner, smaller, True, "DejaVu Sans") == 1
    assert line_count("Down 20.9%", inner, smaller + 1, True, "DejaVu Sans") == 2
    # never below the body size and four points, however long the figure
    assert big_figure_pt("landscape", "Arial", 12.0, [[("x", "Down by far " * 9, "y")]]) == 16.0


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_the_grid_keeps_its_full_width_where_the_text_allows_and_shrinks_where_not(orientation):
    full = GRID_WIDTH_CM[orientation]
    assert grid_scale(orientation, full + 5.0) == 1.0
    assert grid_scale(orientation, full) == 1.0  # the boundary: exactly its width
    assert grid_scale(orientation, full - 0.1) == pytest.approx((full - 0.1) / full)
    assert grid_scale(orientation, full * LEAST_SCALE) == LEAST_SCALE
    assert grid_scale(orientation, 1.0) == LEAST_SCALE  # never to nothing


def test_narrower_tiles_are_taller_and_their_big_figures_no_larger():
    row = [("Serious violence", "Down 20.9%", "Violent crime fell by 20.9% from 110 to 87.")] * 3
    [full] = tile_rows_cm("portrait", "Arial", 14.0, [row], TABLE_TEXT)
    [narrow] = tile_rows_cm("portrait", "Arial", 14.0, [row], TABLE_TEXT, 0.6)
    assert narrow > full
    assert big_figure_pt("portrait", "Arial", 14.0, [row], 0.6) < big_figure_pt(
        "portrait", "Arial", 14.0, [row]
    )


def test_a_logo_or_a_larger_title_in_the_template_leaves_the_chart_less_room():
    logo = [("", NORMAL, 1.8), *TEXTS]
    assert room(texts=logo) == pytest.approx(room() - 1.8 - 8 * 2.54 / 72)
    larger = [(TEXTS[0][0], TextStyle(40.0, True, 0.0, 6.0, 1.15), 0.0), *TEXTS[1:]]
    assert room(texts=larger) < room()


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_the_default_templates_measure_as_a4_less_their_margins(orientation):
    from committeepack.config import load_config
    from committeepack.papers import data_on_a_page

    from conftest import REPO

    config = load_config(REPO)
    config = config.__class__(**{**config.__dict__, "page_orientation": orientation})
    measured = page_geometry(data_on_a_page.make_template(config), STYLES)
    across, down = (29.7, 21.0) if orientation == "landscape" else (21.0, 29.7)
    assert measured.width_cm == pytest.approx(across - 2 * 1.5, abs=0.01)
    assert measured.height_cm == pytest.approx(down - 2 * 1.2, abs=0.01)
    body = config.branding.body_size
    assert measured.style("Normal") == TextStyle(body, False, 0.0, 8.0, 1.15)
    assert measured.style("Caption").size_pt == max(body - 1, 11)
    assert measured.style("Table Text") == TextStyle(min(body - 1, 11), False, 2.0, 2.0, 1.0)
    assert measured.style("No such style") == measured.style("Normal")


def test_a_style_takes_what_it_does_not_set_from_its_base_then_the_document_defaults():
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn

    document = docx.Document()
    defaults = document.styles.element.find(qn("w:docDefaults"))
    size = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
    size.set(qn("w:val"), "23")  # 11.5 pt, in half points
    normal = document.styles["Normal"]
    normal.font.size = None
    base = document.styles.add_style("Base", WD_STYLE_TYPE.PARAGRAPH)
    base.base_style = normal
    base.font.bold = True
    base.paragraph_format.space_after = Pt(9)
    derived = document.styles.add_style("Derived", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = base
    derived.paragraph_format.line_spacing = Pt(20)  # exactly, as Word writes it
    from docx.enum.text import WD_LINE_SPACING

    derived.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    style = page_geometry(document, ["Derived"]).style("Derived")
    assert (style.size_pt, style.bold, style.space_after_pt) == (11.5, True, 9.0)
    assert style.line_pt() == 20.0  # an exact height, whatever the size
    derived.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    least = page_geometry(document, ["Derived"]).style("Derived")
    assert least.line_pt() == 20.0 and least.line_pt(40.0) == pytest.approx(40 * 1.17)


def test_a_first_page_header_with_a_picture_takes_the_text_from_the_top(tmp_path):
    from committeepack.config import load_config
    from committeepack.default_templates import LOGO_HEIGHT_CM, place_logo
    from committeepack.papers import data_on_a_page

    from conftest import REPO

    config = load_config(REPO)
    plain = data_on_a_page.make_template(config)
    with_logo = data_on_a_page.make_template(config)
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (600, 200), (18, 67, 109)).save(logo)
    place_logo(with_logo, logo, "logo")
    section = with_logo.sections[0]
    taller = section.header_distance / 360000 + LOGO_HEIGHT_CM - section.top_margin / 360000
    lost = page_geometry(plain, STYLES).height_cm - page_geometry(with_logo, STYLES).height_cm
    assert lost > taller  # the logo's height over the margin, and its paragraph's spacing


def test_the_templates_paragraphs_are_filled_in_and_the_grids_own_left_out():
    document = docx.Document()
    document.add_paragraph("{{ title }}", style="Heading 1")
    document.add_paragraph("{%p if overview %}")
    document.add_paragraph("{{ overview|upper }} and {{ unknown }}")
    document.add_paragraph("{{p grid }}")
    document.add_paragraph("Produced by the community safety team")
    texts = [
        text
        for text, _, _ in filled_paragraphs(
            document, {"title": "Data on a page", "overview": "All crime fell."}, "{{p grid }}"
        )
    ]
    assert texts == [
        "Data on a page",
        "All crime fell. and {{ unknown }}",
        "Produced by the community safety team",
    ]


def test_landscape_tiles_share_what_the_templates_text_leaves_of_the_page():
    roomy = tile_least_cm(geometry(), "landscape", "Arial", TEXTS, 3)
    assert roomy == TILE_MIN_CM["landscape"]  # the default page: the usual least
    logo = [("", NORMAL, 4.0), *TEXTS]
    squeezed = tile_least_cm(geometry(), "landscape", "Arial", logo, 3)
    assert squeezed < TILE_MIN_CM["landscape"]
    assert tile_least_cm(geometry(), "landscape", "Arial", logo, 2) > squeezed  # fewer rows
    assert tile_least_cm(geometry("portrait"), "portrait", "Arial", logo, 3) == 3.8
