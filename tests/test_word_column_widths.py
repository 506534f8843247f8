"""Column widths from the text: each column at least its longest word, in any typeface."""

from committeepack.word.column_widths import CELL_PADDING_TWIPS, fitted_widths, least_widths
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
