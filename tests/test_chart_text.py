"""Chart text stays inside the picture whatever the font, size and data (fonts registered by
file through fontconfig, labels measured), and the branding font is never silently swapped."""

import itertools
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from committeepack import font_files
from committeepack.figures import change_chart, charts, ranked_chart, spc_chart
from committeepack.figures.fonts import ChartFont

FONTS = {name: font_files.lookup(name)[0] for name in ("DejaVu Sans", "Liberation Sans")}


def drawn_texts(monkeypatch):
    """Capture each figure as it is saved: the extents of its visible texts and its size."""
    seen = []
    real = charts._png

    def capture(plt, figure):
        figure.draw_without_rendering()
        renderer = figure.canvas.get_renderer()
        texts = [t.get_window_extent(renderer) for t in visible_texts(figure)]
        ticks = [
            t.get_window_extent(renderer)
            for t in visible_texts(figure)
            if t in figure.axes[0].yaxis.get_ticklabels()
        ]
        seen.append((figure.bbox, texts, ticks))
        return real(plt, figure)

    monkeypatch.setattr(charts, "_png", capture)
    return seen


def visible_texts(figure) -> list:
    """The texts the picture shows: labels, titles, annotations and the tick labels of ticks
    within the axes' limits (matplotlib keeps others it does not draw)."""
    found = list(figure.texts)
    for axes in figure.axes:
        found += [*axes.texts, axes.title, axes._left_title, axes._right_title]
        for axis in (axes.xaxis, axes.yaxis):
            found.append(axis.label)
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks():
                if low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    found.append(tick.label1)
    return [t for t in found if t.get_visible() and t.get_text().strip()]


def assert_inside(seen, family: str, size: int) -> None:
    """Every text inside its picture, and no two texts overlapping (by more than a pixel)."""
    for canvas, texts, ticks in seen:
        for first, second in itertools.combinations(texts, 2):
            if first.overlaps(second):
                both = first.intersection(first, second)
                assert both.width <= 1 or both.height <= 1, (family, size, "texts overlap")
        ordered = sorted(ticks, key=lambda box: box.y0)
        for lower, upper in itertools.pairwise(ordered):
            assert lower.y1 <= upper.y0 + 1, (family, size, "category names overlap")
        for box in texts:
            assert box.x0 >= -0.5 and box.y0 >= -0.5, (family, size, box)
            assert box.x1 <= canvas.width + 0.5 and box.y1 <= canvas.height + 0.5, (
                family,
                size,
                box,
            )


NAMES = (  # names as councils write them: Latin letters with their accents (Welsh, Irish, ...)
    st.text(
        alphabet=st.characters(
            whitelist_categories=("Lu", "Ll"), max_codepoint=0x17F, whitelist_characters=" -'"
        ),
        min_size=1,
        max_size=60,
    )
    .map(str.strip)
    .filter(bool)
)


# found by hypothesis: 22 bars at 14 pt, one name on two lines, were taller than a chart may
# be; squeezed to fit, the two-line name overlapped the next (now fewer bars are shown)
TWO_LINE_NAME_AMONG_MANY = [
    ("łQĲĈCĬêđÜŷê", 130, 2131),
    ("ÉŢŗğĦAÁÃT", 3289, 395),
    ("ÃÅm", 1511, 1840),
    ("Q", 3861, 941),
    ("Eq", 2094, 2464),
    ("ūłòĬō űf", 175, 805),
    ("ĬĶŨſĄÌżŲKµćg", 169, 55),
    ("ÞŐáĐ", 335, 1),
    ("ŁYłĪĺÏpŭPÙċčŬĦōĚxhBŧMcÿīOíàořŶżlòĊëŮòÑd", 475, 2578),
    ("æ", 148, 373),
    ("ĐÜ", 304, 4440),
    ("řk", 200, 674),
    ("Ŝ", 484, 1364),
    ("ŧRÌÞůµĽ", 471, 302),
    ("may", 438, 2887),
    ("ÖŭåŉŝD", 4259, 30),
    ("FALSE", 754, 317),
    ("bĉĻĴoc", 170, 3815),
    ("ęį", 182, 370),
    ("R", 3267, 3339),
    ("ÒĵÕŷěĆýŒĀČÇŦĺoŧūűìħĀãjÃċ", 438, 230),
    ("wŵyÆGúĠĔĒièŏLĕĘ", 2382, 5000),
]


# found by hypothesis: a rise of 68,633% stretched the value axis; its ticks, thinned before
# the axes were narrowed and the limits solved again, ran together ("90000120000")
ONE_HUGE_RISE = [
    ("ŚëRĤ", 757, 337),
    ("wH", 571, 145),
    ("śłlÍ", 438, 1062),
    ("ŸĈÊĊïýŖ", 2, 2062),
    ("ŏēĀş", 262, 805),
    ("ŰŗýµáŁO", 2260, 1),
    ("ŵŽĵēËŦĭŌÌĮËÐ", 2181, 136),
    ("IæzÿčīīgÑŶÛŖĔĸ", 200, 333),
]


@pytest.mark.skipif(None in FONTS.values(), reason="DejaVu Sans and Liberation Sans needed")
@example(items=TWO_LINE_NAME_AMONG_MANY, family="Liberation Sans", size=14)
@example(items=ONE_HUGE_RISE, family="DejaVu Sans", size=14)
@settings(
    phases=(Phase.explicit, Phase.reuse, Phase.generate),  # no shrinking: CI stays quick
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.tuples(NAMES, st.integers(0, 5000), st.integers(0, 5000)),
        min_size=1,
        max_size=30,
        unique_by=lambda item: item[0],
    ),
    st.sampled_from(sorted(FONTS)),
    st.integers(11, 14),
)
def test_no_chart_text_leaves_the_picture(monkeypatch, items, family, size):
    found = FONTS[family]
    font = ChartFont(found[0], size, found[1])
    seen = drawn_texts(monkeypatch)
    items = [(name, previous + 1, current) for name, previous, current in items]
    change_chart.percent_change_bars(items, "2023/24", "2024/25", font)
    ranked_chart.ranked_bars([(n, c / 10) for n, _, c in items], items[0][0], "Rate", "rates", font)
    assert_inside(seen, family, size)


def test_the_branding_font_resolves_to_its_metric_compatible_substitute():
    found, problem = font_files.lookup("Arial")
    if found is None and not problem:
        pytest.skip("no fontconfig here")
    assert problem == ""
    assert found[0] in ("Arial", "Liberation Sans")
    assert found[1][0].endswith((".ttf", ".otf"))


def test_a_missing_font_is_a_warning_naming_what_to_install(minimal):
    from conftest import edit, run

    edit(
        minimal / "committeepack.toml", "[document]", '[branding]\nfont = "Calibrix"\n\n[document]'
    )
    font_files.lookup.cache_clear()
    found, problem = font_files.lookup("Calibrix")
    if found is None and not problem:
        pytest.skip("no fontconfig here")
    assert problem.startswith("Calibrix is not installed, so the charts would be drawn in ")
    assert problem.endswith(
        "unlike the text around them; install Calibrix, or choose an installed font"
    )
    result = run(minimal, "build", "--strict")
    assert result.exit_code == 1
    assert "branding.font: Calibrix is not installed" in result.output


@pytest.mark.parametrize(("family", "warned"), [("Calibrix", True), ("DejaVu Sans", False)])
def test_without_fontconfig_a_font_matplotlib_lacks_is_a_warning(
    figures, monkeypatch, family, warned
):
    """Windows and macOS have no fontconfig: the font is looked up by name in matplotlib's
    own cache, which falls back to DejaVu Sans without a word."""
    from conftest import edit, run

    edit(
        figures / "committeepack.toml", "[document]", f'[branding]\nfont = "{family}"\n\n[document]'
    )
    monkeypatch.setattr("shutil.which", lambda name, *args, **kwargs: None)  # no fc-match
    font_files.lookup.cache_clear()
    try:
        result = run(figures, "build", "--no-page-numbers")
    finally:
        font_files.lookup.cache_clear()
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "branding.font" in line]
    if not warned:
        assert lines == []
        return
    [line] = lines
    assert line.startswith("Warning: committeepack.toml:")
    assert line.endswith(
        "branding.font: matplotlib cannot find Calibrix, so the charts were drawn in DejaVu "
        "Sans, unlike the text around them; install Calibrix (then delete matplotlib's font "
        "cache, fontlist-*.json in its cache folder, so that it looks again), or choose an "
        "installed font"
    )


@pytest.mark.skipif(None in FONTS.values(), reason="DejaVu Sans and Liberation Sans needed")
@pytest.mark.parametrize("family", sorted(FONTS))
@pytest.mark.parametrize("size", [11, 12, 14, 16])
def test_the_example_charts_keep_their_text_inside_at_any_font(monkeypatch, family, size):
    from pathlib import Path

    from committeepack.config import load_config
    from committeepack.figures.built import CrimeTree
    from committeepack.figures.district_rows import DistrictTable
    from committeepack.figures.tables import load_figures

    found = FONTS[family]
    font = ChartFont(found[0], size, found[1])
    figures = load_figures(load_config(Path(__file__).resolve().parents[1]))
    seen = drawn_texts(monkeypatch)
    for _, crime in figures.of_kind("crime_by_type", CrimeTree):
        leaves = [n.figure for n in crime.tree.values() if not n.children]
        items = [(f.name, f.previous, f.current) for f in leaves]
        change_chart.percent_change_bars(items, figures.previous, figures.current, font)
    for _, districts in figures.of_kind("districts", DistrictTable):
        rates = [(r.name, float(r.rates[-1] or 0)) for r in districts.rows]
        ranked_chart.ranked_bars(rates, districts.this.name, "Rate", "rates", font, 55.0)
    assert len(seen) >= 2
    assert_inside(seen, family, size)


@pytest.mark.skipif(None in FONTS.values(), reason="DejaVu Sans and Liberation Sans needed")
@pytest.mark.parametrize("family", sorted(FONTS))
@pytest.mark.parametrize("size", [11, 12, 14, 16])
def test_a_chart_held_below_its_height_keeps_its_names_apart(monkeypatch, family, size):
    """The data on a page's chart is held to the page (at most 12.5 cm), where names wrapped
    onto two lines ran into their neighbours at 14 pt and above."""
    from pathlib import Path

    from committeepack.config import load_config
    from committeepack.figures.built import CrimeTree
    from committeepack.figures.tables import load_figures
    from committeepack.papers.data_on_a_page import _crime_types

    found = FONTS[family]
    font = ChartFont(found[0], size, found[1])
    figures = load_figures(load_config(Path(__file__).resolve().parents[1]))
    [(_, crime)] = figures.of_kind("crime_by_type", CrimeTree)
    items = [
        (crime.tree[n].figure.name, crime.tree[n].figure.previous, crime.tree[n].figure.current)
        for n in _crime_types(crime.tree)
    ]
    seen = drawn_texts(monkeypatch)
    change_chart.percent_change_bars(
        items, figures.previous, figures.current, font, width_cm=13.0, max_height_cm=12.5
    )
    [(canvas, _, ticks)] = seen
    assert canvas.height <= 12.5 / 2.54 * charts.DPI + 1
    ordered = sorted(ticks, key=lambda box: box.y0)
    assert all(b.y0 >= a.y1 for a, b in itertools.pairwise(ordered)), (family, size)
    assert_inside(seen, family, size)


def spc_texts(figure) -> tuple[list, list]:
    """The SPC chart's texts (its legend's too) and its month labels, as drawn."""
    figure.draw_without_rendering()
    renderer = figure.canvas.get_renderer()
    texts = visible_texts(figure) + [t for legend in figure.legends for t in legend.get_texts()]
    months = [t for t in figure.axes[0].get_xticklabels() if t.get_text()]
    return (
        [t.get_window_extent(renderer) for t in texts],
        [t.get_window_extent(renderer) for t in months],
    )


@pytest.mark.skipif(None in FONTS.values(), reason="DejaVu Sans and Liberation Sans needed")
@settings(
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.integers(12, 60),
    st.integers(1, 12),
    st.lists(st.integers(0, 5000), min_size=60, max_size=60),
    st.sampled_from(sorted(FONTS)),
    st.integers(11, 14),
    NAMES,
    st.sampled_from(["up", "down", "neutral"]),
    st.booleans(),
)
def test_spc_chart_text_stays_inside_and_month_labels_never_touch(
    monkeypatch, length, first_month, counts, family, size, measure, improvement, targeted
):
    from committeepack.figures import spc
    from committeepack.figures.built import SpcSeries

    found = FONTS[family]
    font = ChartFont(found[0], size, found[1])
    months = [
        f"{2020 + (first_month - 1 + i) // 12}-{(first_month - 1 + i) % 12 + 1:02d}"
        for i in range(length)
    ]
    values = counts[:length]
    options = spc.SpcOptions(
        improvement, baseline=12, target=Fraction(values[0]) if targeted else None
    )
    series = SpcSeries("s", measure, months, values, spc.analyse(values, options), [], improvement)
    captured = []
    monkeypatch.setattr(charts, "_png", lambda plt, figure: captured.append(figure) or b"")
    spc_chart.spc_chart(series, font)
    [figure] = captured
    texts, labels = spc_texts(figure)
    for box in texts:
        assert box.x0 >= -0.5 and box.y0 >= -0.5, (family, size, box)
        assert box.x1 <= figure.bbox.width + 0.5 and box.y1 <= figure.bbox.height + 0.5
    assert labels, "no month is labelled"
    for left, right in itertools.pairwise(sorted(labels, key=lambda box: box.x0)):
        assert left.x1 < right.x0, (family, size, length, "month labels touch")


WIDE = font_files.lookup("DejaVu Sans Mono")[0]


@pytest.mark.skipif(WIDE is None or None in FONTS.values(), reason="DejaVu fonts needed")
@pytest.mark.parametrize("family", ["DejaVu Sans", "DejaVu Sans Mono", "Liberation Sans"])
@pytest.mark.parametrize("size", [12, 16])
def test_the_example_charts_at_the_narrowest_text_width_keep_their_text_inside(
    monkeypatch, family, size
):
    """8 cm, the least a template may leave: the value axis's label is wrapped and the
    picture grows for it, and Matplotlib's tight-layout warning never reaches the user."""
    import warnings
    from pathlib import Path

    from committeepack.config import load_config
    from committeepack.figures.built import CrimeTree
    from committeepack.figures.district_rows import DistrictTable
    from committeepack.figures.tables import load_figures
    from committeepack.word.page_geometry import LEAST_WIDTH_CM

    found = WIDE if family.endswith("Mono") else FONTS[family]
    font = ChartFont(found[0], size, found[1])
    figures = load_figures(load_config(Path(__file__).resolve().parents[1]))
    seen = drawn_texts(monkeypatch)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _, crime in figures.of_kind("crime_by_type", CrimeTree):
            leaves = [n.figure for n in crime.tree.values() if not n.children]
            items = [(f.name, f.previous, f.current) for f in leaves]
            change_chart.percent_change_bars(
                items, figures.previous, figures.current, font, LEAST_WIDTH_CM
            )
        for _, districts in figures.of_kind("districts", DistrictTable):
            rates = [(r.name, r.rates[-1] or 0) for r in districts.rows]
            ranked_chart.ranked_bars(
                rates,
                districts.this.name,
                "Rate per 1,000 population, Oct 2024 - Sep 2025",
                "rates",
                font,
                width_cm=LEAST_WIDTH_CM,
            )
    assert not [str(w.message) for w in caught if "ight layout" in str(w.message)]
    assert len(seen) >= 2
    assert_inside(seen, family, size)  # inside the picture, and no two texts overlapping


@pytest.mark.skipif(WIDE is None or None in FONTS.values(), reason="DejaVu fonts needed")
@pytest.mark.parametrize("family", ["DejaVu Sans", "DejaVu Sans Mono"])
@pytest.mark.parametrize("width_cm", [8.0, 16.0])
def test_a_legend_wider_than_the_chart_is_wrapped_inside_it(monkeypatch, family, width_cm):
    from committeepack.figures import spc
    from committeepack.figures.built import SpcSeries

    found = WIDE if family.endswith("Mono") else FONTS[family]
    font = ChartFont(found[0], 16, found[1])
    values = [100, 104, 98, 101, 99, 103, 97, 102, 100, 98, 101, 99] + [130] * 9
    months = [f"{2024 + i // 12}-{i % 12 + 1:02d}" for i in range(len(values))]
    options = spc.SpcOptions("neutral", baseline=12, target=None)
    analysis = spc.analyse(values, options)
    assert any(point.verdict == "neutral" for point in analysis.points)
    series = SpcSeries("s", "Domestic abuse crimes", months, values, analysis, [], "neutral")
    captured = []
    monkeypatch.setattr(charts, "_png", lambda plt, figure: captured.append(figure) or b"")
    spc_chart.spc_chart(series, font, width_cm)
    [figure] = captured
    texts, _ = spc_texts(figure)
    for box in texts:
        assert box.x0 >= -0.5 and box.x1 <= figure.bbox.width + 0.5, (family, width_cm, box)
        assert box.y0 >= -0.5 and box.y1 <= figure.bbox.height + 0.5, (family, width_cm, box)
    shown = [t.get_text() for legend in figure.legends for t in legend.get_texts()]
    words = " ".join(" ".join(shown).split())  # a wrapped label loses no word
    assert "Common cause" in words
    assert "Special cause: neither improvement nor concern" in words


@pytest.mark.skipif(WIDE is None, reason="DejaVu Sans Mono needed")
@pytest.mark.parametrize("length", [13, 36, 60])
def test_month_labels_on_a_narrow_chart_in_a_wide_font_fall_back_to_years_apart(
    monkeypatch, length
):
    from committeepack.figures import spc
    from committeepack.figures.built import SpcSeries

    font = ChartFont(WIDE[0], 16, WIDE[1])
    values = [200 + (i * 37) % 23 for i in range(length)]
    months = [f"{2021 + (4 + i) // 12}-{(4 + i) % 12 + 1:02d}" for i in range(length)]
    analysis = spc.analyse(values, spc.SpcOptions("down", baseline=12, target=None))
    series = SpcSeries("s", "Anti-social behaviour incidents", months, values, analysis, [], "down")
    captured = []
    monkeypatch.setattr(charts, "_png", lambda plt, figure: captured.append(figure) or b"")
    spc_chart.spc_chart(series, font, 8.0)
    [figure] = captured
    texts, labels = spc_texts(figure)
    assert labels, "no month or year is labelled"
    gap = 0.5 * 16 * figure.dpi / 72
    for left, right in itertools.pairwise(sorted(labels, key=lambda box: box.x0)):
        assert right.x0 - left.x1 >= gap - 0.5, (length, "labels touch")
    for box in texts:
        assert box.x0 >= -0.5 and box.x1 <= figure.bbox.width + 0.5, (length, box)


def test_characters_the_chart_font_lacks_are_one_warning_line_naming_the_chart(figures):
    from conftest import replace_line, run

    replace_line(
        figures / "inputs" / "districts.csv",
        "Upton,40000,900,1000",
        "Upton \ue000,40000,900,1000",
    )
    result = run(figures, "build", "--no-page-numbers")
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if "cannot draw" in line]
    assert line.startswith("Warning: committeepack.toml:")
    assert line.endswith(
        "branding.font: the charts' font cannot draw '\ue000' in the chart 'All crime per 1,000 "
        "population by district, 2025', which shows them as empty boxes; choose a font "
        "that has them, or write the names without them"
    )
    assert "UserWarning" not in result.output
    assert run(figures, "build", "--strict").exit_code == 1
