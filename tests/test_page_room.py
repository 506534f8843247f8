"""The data on a page's chart leaves its texts room on the one page."""

from committeepack.papers.page_room import (
    LEAST_CM,
    PAGE_TEXT_CM,
    big_figure_pt,
    chart_room_cm,
    text_cm,
    tile_rows_cm,
)

TEXTS = [
    ("Strategic Assessment 2026/27: data on a page", "Heading 1"),
    (
        "Safer Brackenford Partnership, Oct 2024 - Sep 2025 compared with Oct 2023 - Sep 2024",
        "Committee Name",
    ),
    ("All crime fell by 2.5% from 9,410 to 9,178.", "Normal"),
]
CAPTION = (
    "% change in recorded crime by main type, Oct 2024 - Sep 2025 compared with Oct 2023 - Sep 2024"
)


def room(texts=TEXTS, caption=CAPTION, orientation="landscape", face="Arial", body=12.0, rows=3):
    return chart_room_cm(orientation, face, body, texts, caption, 13.0, [3.8] * rows)


def test_the_default_page_has_room_for_the_tallest_chart():
    assert room() > 12.5


def test_longer_texts_a_larger_size_or_a_wider_face_leave_less_room():
    longer = [
        (t + " and the Upper Brackenford Valley" if s == "Committee Name" else t, s)
        for t, s in TEXTS
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
    assert text_cm(long, "Caption", 13.0, "Verdana", 12.0) > text_cm(
        long, "Caption", 13.0, "Arial", 12.0
    )


def test_portrait_leaves_room_for_the_tile_rows_under_the_chart():
    assert room(orientation="portrait", rows=2) < room(orientation="portrait", rows=1)
    assert room(orientation="portrait", rows=1) < PAGE_TEXT_CM["portrait"]


def test_the_chart_is_never_squeezed_below_its_least_height():
    assert room(texts=TEXTS * 40) == LEAST_CM


def test_a_tile_row_is_as_tall_as_its_tallest_tile_and_never_below_its_least():
    short = ("Young people", "Down 20.9%", "Youth offences fell by 20.9% from 110 to 87.")
    long = ("Serious violence and organised crime", "Up 12.7%", "Violent crime rose. " * 6)
    [least] = tile_rows_cm("portrait", "Arial", 12.0, [[short, short, short]])
    assert least == 3.8
    [tall] = tile_rows_cm("portrait", "DejaVu Serif", 16.0, [[short, long, short]])
    assert tall > 3.8
    [wider] = tile_rows_cm("portrait", "DejaVu Serif", 16.0, [[short, long]])
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
