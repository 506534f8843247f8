"""Charts: real PNGs at print resolution, alt text from the data, the same bytes every time."""

import io
import struct
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.figures import change_chart, charts, ranked_chart, spc, spc_chart, top
from committeepack.figures.built import SpcSeries


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


ITEMS = [("Drug offences", 415, 502), ("Burglary", 468, 361), ("Robbery", 60, 60), ("Arson", 0, 4)]


def test_percent_change_chart_alt_text_names_largest_rise_and_fall():
    chart = change_chart.percent_change_bars(ITEMS, "2023", "2024")
    assert chart.alt_text == (
        "Bar chart of % change in recorded crime by type, 2024 vs 2023: "
        "drug offences rose most (+21.0%), burglary fell most (-22.9%)."
    )
    assert "not shown, no crimes in 2023: Arson" in chart.caption
    width, _ = png_size(chart.png)
    assert width >= 16 / 2.54 * 200 * 0.9  # about 16 cm at 200 dpi


def test_charts_are_byte_identical_for_the_same_data():
    first = change_chart.percent_change_bars(ITEMS, "2023", "2024").png
    second = change_chart.percent_change_bars(ITEMS, "2023", "2024").png
    assert first == second


def test_ranked_bars_highlight_and_alt_text():
    chart = ranked_chart.ranked_bars(
        [("Upton", 25.0), ("Testshire", 19.0), ("Downton", 19.5)],
        "Testshire",
        "Rate",
        "all crime per 1,000 population by district",
    )
    assert chart.alt_text == (
        "Bar chart of all crime per 1,000 population by district: Upton "
        "highest (25.0), Testshire lowest (19.0); Testshire is 3rd highest "
        "of 3."
    )


def test_spc_chart_alt_text_counts_signals():
    values = [10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11, 12, 30]
    analysis = spc.analyse(values, spc.SpcOptions("down"))
    months = [f"2024-{m:02d}" for m in range(1, 13)] + ["2025-01", "2025-02"]
    series = SpcSeries("asb", "ASB incidents", months, values, analysis, [], "down")
    chart = spc_chart.spc_chart(series)
    assert chart.alt_text.startswith("SPC chart of ASB incidents by month, Jan 2024 to Feb 2025")
    assert chart.alt_text.endswith("; 1 month of special-cause concern.")
    assert png_size(io.BytesIO(chart.png).getvalue())[0] > 1000


def _png_size(png: bytes) -> tuple[int, int]:
    import struct

    return struct.unpack(">II", png[16:24])


@given(
    st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), min_size=1, max_size=60),
    st.integers(5, 30),
)
def test_largest_and_other_keeps_every_count(counts, limit):
    items = [(f"Type {n}", a, b) for n, (a, b) in enumerate(counts)]
    shown, grouped = top.largest_and_other(items, limit)
    assert sum(i[1] for i in shown) == sum(i[1] for i in items)
    assert sum(i[2] for i in shown) == sum(i[2] for i in items)
    if len(items) <= limit:
        assert shown == items and grouped == 0
    else:
        assert len(shown) == limit and grouped == len(items) - limit + 1
        assert shown[-1][0] == f"All other ({grouped:,})"
        smallest_kept = min(max(i[1], i[2]) for i in shown[:-1])
        kept = {i[0] for i in shown}
        assert all(max(i[1], i[2]) <= smallest_kept for i in items if i[0] not in kept)


def test_a_chart_of_thousands_of_categories_stays_a_chart():
    items = [(f"Category {n}", n * 3 % 997, n * 7 % 991) for n in range(5000)]
    chart = change_chart.percent_change_bars(items, "2023", "2024", max_bars=25)
    _width, height = _png_size(chart.png)
    assert height <= charts.MAX_HEIGHT_CM / 2.54 * charts.DPI + 1
    assert "the 24 largest of 5,000 categories, and the other 4,976 together" in chart.caption
    assert chart.alt_text.endswith(
        ". The bars show the 24 largest of 5,000 categories, and the other 4,976 together as "
        "All other."
    )
    # what rose and fell most is of the bars: a category in All other may have risen more
    assert ", 2024 vs 2023: of the bars, " in chart.alt_text
    exact = change_chart.percent_change_bars(items[:25], "2023", "2024", max_bars=25)
    assert "largest" not in exact.caption  # 25 bars fit: nothing is grouped
    assert "of the bars" not in exact.alt_text


def test_negative_ticks_are_written_as_the_labels_write_them():
    import matplotlib

    charts._pyplot()
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    assert change_chart.change_label(-25) == "-25.0%"


def test_a_ranking_of_many_areas_shows_the_highest_and_the_council_own():
    items = [(f"District {n}", float(n)) for n in range(300)]
    chart = ranked_chart.ranked_bars(items, "District 3", "Rate", "rates by district", max_bars=25)
    assert chart.caption == "Rates by district (the 24 highest of 300 shown, and District 3)"
    assert "District 3 is 297th highest of 300" in chart.alt_text
    top = ranked_chart.ranked_bars(items, "District 299", "Rate", "rates by district", max_bars=25)
    assert top.caption == "Rates by district (the 24 highest of 300 shown)"
    assert "District 299 is 1st highest of 300" in top.alt_text


def test_a_tables_own_all_other_row_goes_into_the_charts_and_is_counted_as_its_rows():
    items = [(f"Type {n}", 100 + n, 100) for n in range(8)] + [("All other (4,990)", 9000, 8000)]
    shown, grouped = top.largest_and_other(items, 5)
    names = [name for name, _, _ in shown]
    assert names[:4] == ["Type 7", "Type 6", "Type 5", "Type 4"]
    assert names[4] == "All other (4,994)" and grouped == 4 + 4990
    assert sum(i[1] for i in shown) == sum(i[1] for i in items)
    assert top.largest_and_other(items, 9) == (items, 0)  # few enough: shown as they are


def test_ranked_counts_are_said_whole_and_rates_as_the_tables_round_them():
    counts = ranked_chart.ranked_bars(
        [("Market Square", 1762), ("Chartwell Hill", 84)], "", "Crimes", "crime by ward"
    )
    assert counts.alt_text == (
        "Bar chart of crime by ward: Market Square highest (1,762), Chartwell Hill lowest (84)."
    )
    rates = ranked_chart.ranked_bars(
        [("Upton", Fraction(49, 4)), ("Testshire", Fraction(25)), ("Downton", Fraction(1, 20))],
        "Testshire",
        "Rate",
        "all crime per 1,000 population by district",
        average=Fraction(1225, 100),
    )
    # 12.25 and 0.05 are halves: rounded up, as the district table rounds them (a float's
    # formatting gives 12.2 and 0.1)
    assert rates.alt_text == (
        "Bar chart of all crime per 1,000 population by district: Testshire highest (25.0), "
        "Downton lowest (0.1); Testshire is 1st highest of 3."
    )
    assert ranked_chart.shown_value(Fraction(49, 4), 1) == "12.3"
    assert ranked_chart.shown_value(Fraction(1, 20), 1) == "0.1"
    assert ranked_chart.shown_value(Fraction(1, 25), 1) == "0.0"
    assert ranked_chart.shown_value(2_000_000, 0) == "2,000,000"


@pytest.mark.parametrize("name", ["Riverside $North$ and $South", r"Ward $\frac{a}{b}$ $^$"])
def test_a_dollar_sign_in_chart_text_is_drawn_as_written(name):
    # matplotlib would read text between dollar signs as mathematical notation: set in
    # italics, the signs dropped, or (as here) failing to parse and stopping the build
    ranked = ranked_chart.ranked_bars([(name, 5), ("Abbey", 3)], "", "Crimes", "crime by ward")
    assert f"{name} highest (5)" in ranked.alt_text
    change = change_chart.percent_change_bars([(name, 10, 12), ("Abbey", 5, 4)], "2023", "2024")
    assert png_size(change.png)[0] > 1000
    values = [10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11]
    series = SpcSeries(
        "asb",
        name,
        [f"2024-{m:02d}" for m in range(1, 13)],
        values,
        spc.analyse(values, spc.SpcOptions("down")),
        [],
        "down",
    )
    assert spc_chart.spc_chart(series).caption.startswith(f"{name} by month")


def test_spc_alt_text_rounds_halves_up_as_the_paper_does():
    values = [10, 11] * 6  # an average of 10.5 exactly (a float's formatting gives 10)
    series = SpcSeries(
        "asb",
        "ASB incidents",
        [f"2024-{m:02d}" for m in range(1, 13)],
        values,
        spc.analyse(values, spc.SpcOptions("down")),
        [],
        "down",
    )
    assert ": average 11, limits " in spc_chart.spc_chart(series).alt_text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        *[(0, "0"), (-0.0, "0"), (999, "999"), (1000, "1,000"), (2000.0, "2,000")],
        *[(2.5, "2.5"), (0.1 * 3, "0.3"), (1e6, "1,000,000"), (1234.5, "1,234.5")],
    ],
)
def test_value_ticks_separate_thousands_as_the_labels_do(value, text):
    assert charts.grouped(value) == text


def test_a_ranking_of_thousands_has_its_ticks_grouped(monkeypatch):
    shown = []
    original = ranked_chart.layout.keep_inside

    def keep(figure, axes, labels):  # the ticks as laid out, before the figure is closed
        original(figure, axes, labels)
        figure.draw_without_rendering()
        shown.extend(t.get_text() for t in axes.get_xticklabels())

    monkeypatch.setattr(ranked_chart.layout, "keep_inside", keep)
    ranked_chart.ranked_bars([("A", 1762), ("B", 84)], "", "Crimes", "crime by ward")
    assert "1,000" in shown
    assert "1000" not in shown


def test_a_change_of_thousands_of_percent_has_its_ticks_grouped_and_apart(monkeypatch):
    from committeepack.figures import chart_layout

    shown, apart = [], []
    original = change_chart.layout.keep_inside

    def keep(figure, axes, labels):  # the ticks as laid out, before the figure is closed
        original(figure, axes, labels)
        figure.draw_without_rendering()
        shown.extend(t.get_text() for t in chart_layout.tick_labels(axes.xaxis))
        apart.append(chart_layout.ticks_apart(figure, axes))

    monkeypatch.setattr(change_chart.layout, "keep_inside", keep)
    change_chart.percent_change_bars([("A", 3, 2062), ("B", 2261, 1)], "2023", "2024")
    assert any(t.endswith(",000") for t in shown), shown
    assert not any(t.endswith("000") and "," not in t for t in shown), shown
    assert apart[-1]


DOAP_ITEMS = [  # the example's data on a page: eleven crime types, long names, either way
    ("Vehicle interference", 60, 81),
    ("Violent crime", 2612, 2945),
    ("Possession of weapons", 47, 47),
    ("Criminal damage", 1379, 1370),
    ("Theft and handling", 3000, 2880),
    ("Vehicle crime", 600, 562),
    ("Burglary other than dwelling", 300, 267),
    ("Other crimes", 123, 102),
    ("Burglary dwelling", 468, 361),
    ("Public order offences", 305, 228),
    ("Drug offences", 431, 279),
]


def _drawn_change_bars(monkeypatch, items, font, **size):
    """The % change chart's figure as saved: where its value labels stand, and the share of
    its axes the bars span."""
    from committeepack.figures import chart_layout

    seen = {}
    real = charts._png

    def capture(plt, figure):
        axes = figure.axes[0]
        figure.draw_without_rendering()
        renderer = figure.canvas.get_renderer()
        box = axes.get_window_extent(renderer)
        lefts = [t.get_window_extent(renderer).x0 for t in axes.texts]
        values = [p.get_width() for p in axes.patches]
        seen.update(box=box, lefts=lefts, share=chart_layout.bars_share(axes, values))
        return real(plt, figure)

    monkeypatch.setattr(charts, "_png", capture)
    change_chart.percent_change_bars(items, "2023/24", "2024/25", font, **size)
    return seen


@pytest.mark.parametrize(("size", "column"), [(12, False), (14, True)])
def test_values_crowding_the_bars_out_of_a_narrow_chart_stand_in_a_column(
    monkeypatch, size, column
):
    """At 14 pt in DejaVu Sans (wider than Arial) on the data on a page's 13 cm, the values
    at the bars' ends left the bars a sixth of the axes; in a column beside the axes they
    leave them the whole width. At 12 pt the values stay at the bars' ends."""
    from committeepack import font_files
    from committeepack.figures.fonts import ChartFont

    found = font_files.lookup("DejaVu Sans")[0]
    if found is None:
        pytest.skip("DejaVu Sans needed")
    font = ChartFont(found[0], size, found[1])
    seen = _drawn_change_bars(monkeypatch, DOAP_ITEMS, font, width_cm=13.0, height_cm=12.5)
    in_a_column = len({round(x) for x in seen["lefts"]}) == 1
    assert in_a_column is column
    if column:
        assert min(seen["lefts"]) > seen["box"].x1  # beside the axes, not over the bars
        assert seen["share"] > 0.8
    else:
        assert seen["share"] >= change_chart.MIN_BARS_SHARE


def test_the_share_of_the_axes_the_bars_span():
    from types import SimpleNamespace

    from committeepack.figures.chart_layout import bars_share

    axes = SimpleNamespace(get_xlim=lambda: (-50.0, 50.0))
    assert bars_share(axes, [-25.0, 25.0]) == 0.5
    assert bars_share(axes, [10.0, 40.0]) == 0.4  # from 0 to the highest
    assert bars_share(axes, [0.0, 0.0]) == 1.0  # no bars: nothing to make room for
    assert bars_share(axes, []) == 1.0


@pytest.mark.parametrize(
    ("items", "said"),
    [
        (
            [("A", 5), ("B", 9), ("C", 9), ("D", 5)],
            "B and C highest (9 each), A and D lowest (5 each)",
        ),
        ([("A", 0), ("B", 0), ("C", 0)], "all 3 at 0"),
        ([("A", 12)], "A (12)"),
        (
            [("A", Fraction(1249, 100)), ("B", Fraction(125, 10)), ("C", 1)],
            "B and A highest (12.5 each), C lowest (1.0)",
        ),
    ],
)
def test_bars_tied_on_their_label_are_named_together(items, said):
    chart = ranked_chart.ranked_bars(items, "", "Crimes", "crime by ward")
    assert chart.alt_text == f"Bar chart of crime by ward: {said}."


@pytest.mark.parametrize(
    ("items", "rank"),
    [
        ([("Own", 5), ("B", 9), ("C", 1)], "2nd"),
        ([("Own", 5), ("B", 5), ("C", 9)], "joint 2nd"),
        ([("Own", 9), ("B", 9), ("C", 1)], "joint 1st"),
    ],
)
def test_the_councils_own_rank_is_shared_when_tied(items, rank):
    chart = ranked_chart.ranked_bars(items, "Own", "Crimes", "crime by ward")
    assert chart.alt_text.endswith(f"; Own is {rank} highest of 3.")


def test_categories_tied_at_either_end_of_the_change_bars_are_named_together():
    chart = change_chart.percent_change_bars(
        [("Robbery", 100, 130), ("Arson", 10, 13), ("Theft", 200, 190), ("Fraud", 50, 45)],
        "2023",
        "2024",
    )
    assert chart.alt_text.endswith(
        ": arson and robbery rose most (+30.0% each), fraud fell most (-10.0%)."  # top first
    )


def test_a_change_that_rounds_to_nothing_is_not_a_rise():
    chart = change_chart.percent_change_bars(
        [("Robbery", 10000, 10004), ("Arson", 10, 10)], "2023", "2024"
    )
    assert chart.alt_text == "Bar chart of % change in recorded crime by type, 2024 vs 2023."


def test_the_lowest_named_is_the_lowest_of_every_area_not_of_those_shown():
    items = [(f"Ward {i}", 100 + i) for i in range(40)]
    chart = ranked_chart.ranked_bars(items, "Ward 3", "Crimes", "crime by ward", max_bars=25)
    assert chart.alt_text == (
        "Bar chart of crime by ward: Ward 39 highest (139), Ward 0 lowest (100); Ward 3 is 37th "
        "highest of 40. The bars show the 24 highest of 40, and Ward 3."
    )


def test_a_chart_grouping_categories_keeps_within_its_grouped_height_and_one_showing_all_not():
    """The caption saying what is grouped as All other takes more of the page, so a grouped
    chart has less height; one that shows every category keeps the whole."""
    many = [(f"Category {n}", 100 + n, 90 + 2 * n) for n in range(30)]
    few = many[:6]
    cm = 200 / 2.54  # pixels per cm at the charts' 200 dpi
    grouped = change_chart.percent_change_bars(
        many, "2023", "2024", max_height_cm=12.0, grouped_height_cm=5.0
    )
    assert "together as All other" in grouped.caption
    assert png_size(grouped.png)[1] <= 5.0 * cm + 1
    whole = change_chart.percent_change_bars(
        few, "2023", "2024", max_height_cm=12.0, grouped_height_cm=3.0
    )
    assert "All other" not in whole.caption
    assert png_size(whole.png)[1] > 3.0 * cm


def test_the_possible_captions_are_the_captions_drawn():
    many = [(f"Category {n}", 100 + n, 90 + 2 * n) for n in range(30)] + [("New", 0, 4)]
    every, longest = change_chart.possible_captions(many, "crime", "2024", "2023", max_bars=25)
    drawn = change_chart.percent_change_bars(many, "2023", "2024", subject="crime", max_bars=25)
    assert every == "% change in crime, 2024 compared with 2023 (not shown, no crimes in 2023: New)"
    assert len(longest) >= len(drawn.caption) > len(every)
    assert longest.startswith("% change in crime, 2024 compared with 2023 (the 24 largest of 31")
