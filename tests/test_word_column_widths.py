"""Column widths from the text: a listed typeface estimated from Arial's widths, any other
installed typeface measured from its own file, so that no word breaks in the middle."""

import pytest

from committeepack import font_files
from committeepack.word.column_widths import (
    CELL_PADDING_TWIPS,
    UNKNOWN_FACE_SCALE,
    fitted_widths,
    least_widths,
    text_width_twips,
)

MONO = "DejaVu Sans Mono"


@pytest.fixture
def mono():
    found, _ = font_files.lookup(MONO)
    if found is None:
        pytest.skip(f"{MONO} and fontconfig needed (Debian: fonts-dejavu-core)")
    return found


def test_an_unlisted_installed_face_is_measured_from_its_file(mono):
    # monospaced: "iiii" is as wide as "WWWW", where Arial's widths make it a third
    assert text_width_twips("iiii", 11, False, MONO) == text_width_twips("WWWW", 11, False, MONO)
    assert text_width_twips("iiii", 11, False, "Arial") * 3 < text_width_twips(
        "WWWW", 11, False, "Arial"
    )
    advances = font_files.advances(mono[1][0])
    assert advances[" "] == advances["W"] == advances["\u00a0"] == 602  # DejaVu Sans Mono
    assert font_files.measured(MONO, True) is not None  # its bold file, or the regular


def test_a_face_neither_listed_nor_installed_is_estimated_a_little_wider_than_arial():
    unknown = text_width_twips("Difference", 11, True, "Not A Typeface Anywhere")
    arial = text_width_twips("Difference", 11, True, "Arial")
    assert abs(unknown - arial * UNKNOWN_FACE_SCALE) <= UNKNOWN_FACE_SCALE  # int() rounding


def test_a_damaged_font_file_is_not_measured(tmp_path):
    damaged = tmp_path / "damaged.ttf"
    damaged.write_bytes(b"\x00\x01\x00\x00" + b"\xff" * 64)
    assert font_files.advances(str(damaged)) is None
    assert font_files.advances(str(tmp_path / "absent.ttf")) is None


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
