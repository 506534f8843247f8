"""Text measured for layout: its width, and the lines it wraps onto."""

from hypothesis import given, settings
from hypothesis import strategies as st

from committeepack import font_files
from committeepack.word.text_measure import UNKNOWN_FACE_SCALE, line_count, text_width_twips

from conftest import MONO

ARIAL = dict(size_pt=12.0, bold=False, face="Arial")


def test_text_exactly_as_wide_as_the_line_takes_one_line_and_one_twip_less_two():
    text = "Safer Brackenford Partnership"
    width = text_width_twips(text, **ARIAL)
    assert line_count(text, width, **ARIAL) == 1
    assert line_count(text, width - 1, **ARIAL) == 2


def test_a_line_break_starts_a_line_and_a_word_wider_than_the_line_takes_its_own():
    assert line_count("one\ntwo", 10_000, **ARIAL) == 2
    assert line_count("a Wolverhampton b", text_width_twips("a", **ARIAL) * 3, **ARIAL) == 3
    assert line_count("", 100, **ARIAL) == 1  # an empty paragraph is still a line


WORDS = st.lists(
    st.sampled_from(["a", "crime", "Brackenford", "2024", "-", "compared"]), max_size=30
)


@settings(max_examples=200, deadline=None)
@given(WORDS, st.integers(min_value=200, max_value=20_000))
def test_more_width_never_means_more_lines(words, width):
    text = " ".join(words)
    assert line_count(text, width * 2, **ARIAL) <= line_count(text, width, **ARIAL)
    assert line_count(text, width, **ARIAL) <= max(len(words), 1)


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
