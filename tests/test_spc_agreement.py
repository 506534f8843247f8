"""An SPC measure's chart, alt text, summary row and sentences come from one analysis and
agree for every point: on the bundled example's series and on random ones."""

import re
from fractions import Fraction
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from committeepack.figures import charts, spc, spc_chart
from committeepack.figures.built import SpcSeries
from committeepack.figures.sentences import month_label

LABEL_VERDICT = {label: verdict for verdict, (_, _, label) in spc_chart.SPC_STYLES.items()}


def drawn_verdicts(monkeypatch, series: SpcSeries) -> tuple[dict[int, str], str]:
    """Each month's verdict as the chart colours it, and the chart's alt text."""
    captured = []
    monkeypatch.setattr(charts, "_png", lambda plt, figure: captured.append(figure) or b"")
    chart = spc_chart.spc_chart(series)
    [figure] = captured
    drawn: dict[int, str] = {}
    for collection in figure.axes[0].collections:
        verdict = LABEL_VERDICT.get(collection.get_label())
        if verdict is None:
            continue
        for x, _ in collection.get_offsets():
            assert int(x) not in drawn, "a month drawn twice"
            drawn[int(x)] = verdict
    import matplotlib.pyplot as plt

    plt.close(figure)  # _png, replaced above, would have closed it
    return drawn, chart.alt_text


def months_named(sentences: list[str], labels: list[str]) -> set[int]:
    """The months the pattern sentences cover, from their "(M1 to M7)" spans."""
    covered: set[int] = set()
    for sentence in sentences:
        for first, last in re.findall(r"\((\w+ \d{4})(?: to (\w+ \d{4}))?\)", sentence):
            start = labels.index(first)
            covered.update(range(start, labels.index(last or first) + 1))
    return covered


def check_agreement(monkeypatch, series: SpcSeries) -> None:
    points = series.analysis.points
    drawn, alt = drawn_verdicts(monkeypatch, series)
    signals = [p for p in points if p.rule]
    # the chart: every month once, coloured by its verdict
    assert drawn == {p.index: p.verdict for p in points}
    # the alt text: the same counts
    for verdict in ("improvement", "concern"):
        count = sum(p.verdict == verdict for p in points)
        named = f"{count} {'month' if count == 1 else 'months'} of special-cause {verdict}"
        assert (named in alt) == bool(count), (named, alt)
    assert ("no special-cause variation" in alt) == (not signals)
    # the sentences: every special-cause month is in a pattern they describe
    assert {p.index for p in signals} <= months_named(series.description, series.labels)
    # the summary: the latest month's verdict and the same average
    summary = series.summary
    assert summary.variation == points[-1].verdict
    assert summary.mean == series.analysis.segments[-1].mean
    assert summary.latest == points[-1].value


def test_the_bundled_series_agree(monkeypatch):
    from committeepack.config import load_config
    from committeepack.figures.tables import load_figures

    figures = load_figures(load_config(Path(__file__).resolve().parents[1]))
    series = figures.of_kind("monthly", SpcSeries)
    assert len(series) == 2
    for _, built in series:
        check_agreement(monkeypatch, built)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.integers(0, 400), min_size=12, max_size=48),
    st.sampled_from(["up", "down", "neutral"]),
    st.sampled_from([6, 7]),
)
def test_a_random_series_agrees(monkeypatch, counts, improvement, run):
    from committeepack.figures import spc_text

    months = [f"{2021 + i // 12}-{i % 12 + 1:02d}" for i in range(len(counts))]
    values = [Fraction(c) for c in counts]
    analysis = spc.analyse(values, spc.SpcOptions(improvement, run=run))
    labels = [month_label(m) for m in months]
    series = SpcSeries(
        "s",
        "Calls",
        months,
        values,
        analysis,
        spc_text.describe(analysis, labels, "Calls"),
        improvement,
    )
    check_agreement(monkeypatch, series)
