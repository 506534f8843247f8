"""Charts: real PNGs at print resolution, alt text from the data, the same bytes every time."""

import io
import struct

from committeepack.figures import charts, spc, spc_chart
from committeepack.figures.model import SpcSeries


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


ITEMS = [("Drug offences", 415, 502), ("Burglary", 468, 361), ("Robbery", 60, 60), ("Arson", 0, 4)]


def test_percent_change_chart_alt_text_names_largest_rise_and_fall():
    chart = charts.percent_change_bars(ITEMS, "2023", "2024")
    assert chart.alt_text == (
        "Bar chart of % change in recorded crime by type, 2024 vs 2023: "
        "drug offences rose most (21%), burglary fell most (-23%)."
    )
    assert "not shown, no crimes in 2023: Arson" in chart.caption
    width, _ = png_size(chart.png)
    assert width >= 16 / 2.54 * 200 * 0.9  # about 16 cm at 200 dpi


def test_charts_are_byte_identical_for_the_same_data():
    first = charts.percent_change_bars(ITEMS, "2023", "2024").png
    second = charts.percent_change_bars(ITEMS, "2023", "2024").png
    assert first == second


def test_ranked_bars_highlight_and_alt_text():
    chart = charts.ranked_bars(
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
