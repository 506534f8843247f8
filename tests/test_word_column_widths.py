"""Column widths from the text: each column at least its longest word, in any typeface."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from committeepack.word.column_widths import (
    CELL_PADDING_TWIPS,
    broken_words,
    fitted_widths,
    least_widths,
)
from committeepack.word.text_measure import text_width_twips

from conftest import MONO


def test_every_word_of_a_monospaced_table_fits_its_column(mono):
    cells = [
        [("Crime type", True), ("Difference", True), ("% change", True)],
        [("Violence against the person", False), ("+294", False), ("+12.5%", False)],
    ]
    widths = fitted_widths(cells, 9000, 11, MONO)
    least = least_widths(cells, 11, MONO)
    assert widths[1] >= text_width_twips("Difference", 11, True, MONO) + CELL_PADDING_TWIPS
    assert all(w >= need for w, need in zip(widths, least, strict=True))
    assert sum(widths) == 9000


WORDS = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=60)
CELLS = st.integers(1, 8).flatmap(
    lambda columns: st.lists(
        st.lists(st.tuples(WORDS, st.booleans()), min_size=columns, max_size=columns),
        min_size=1,
        max_size=4,
    )
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # mono: only a skip
@given(cells=CELLS, total=st.integers(2_000, 12_000))
def test_the_columns_fill_the_width_and_only_the_longest_words_break(mono, cells, total):
    widths = fitted_widths(cells, total, 11, MONO)
    least = least_widths(cells, 11, MONO)
    assert sum(widths) == total
    assert all(
        width >= min(need, total // len(widths)) for width, need in zip(widths, least, strict=True)
    )
    broken = broken_words(cells, widths, 11, MONO)
    assert bool(broken) == (sum(least) > total)
    kept_whole = [need for width, need in zip(widths, least, strict=True) if need <= width]
    cut = [need for width, need in zip(widths, least, strict=True) if need > width]
    assert not cut or not kept_whole or max(kept_whole) <= min(cut)


def test_a_long_address_beside_a_short_word_leaves_the_short_word_whole(mono):
    address = "https://www.example.gov.uk/" + "a" * 200
    cells = [[(address, True), ("Status", True)], [("y", False), ("Ongoing", False)]]
    widths = fitted_widths(cells, 9000, 11, MONO)
    assert broken_words(cells, widths, 11, MONO) == [address]
    assert widths[1] >= least_widths(cells, 11, MONO)[1]  # "Ongoing" whole, not 1/30 of it
