"""What a file holds, told before it is opened (file_kinds.py): an Office file that unpacks to
more than any paper or table needs (a "zip bomb"), refused as a workbook, a template or a
report written elsewhere; an SVG drawing."""

import zipfile

import pytest

from committeepack import file_kinds
from committeepack.file_kinds import unpacked_problem

from conftest import REPO, run

LIMIT = 600_000  # above every file of the example (a template unpacks to about 514 KB)


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(file_kinds, "MAX_UNPACKED", LIMIT)


def padded(source, target, padding: int) -> None:
    """``source`` (an Office file) copied to ``target`` with a part of ``padding`` zero bytes,
    which deflate packs into a few hundred bytes."""
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for info in original.infolist():
            copy.writestr(info, original.read(info.filename))
        copy.writestr("padding.bin", b"\0" * padding)


def unpacked(path) -> int:
    with zipfile.ZipFile(path) as archive:
        return sum(info.file_size for info in archive.infolist())


def test_a_file_unpacking_to_the_limit_is_opened_and_one_byte_more_is_not(tmp_path, small_limit):
    source = REPO / "templates" / "plan.docx"
    at_limit = tmp_path / "at.docx"
    padded(source, at_limit, LIMIT - unpacked(source))
    assert unpacked(at_limit) == LIMIT
    assert unpacked_problem(at_limit) is None
    over = tmp_path / "over.docx"
    padded(source, over, LIMIT - unpacked(source) + 1)
    assert unpacked_problem(over) == (
        "unpacks to 0.6 MB, more than committeepack opens (0.6 MB): it is damaged, or made to "
        "exhaust the memory of whatever opens it; save it again from Office, or ask whoever "
        "sent it for a new copy"
    )
    assert over.stat().st_size < 100_000  # small on disk: it is the unpacking that is large


@pytest.mark.parametrize("data", [b"", b"name,count\n", b"PK\x03\x04 broken"])
def test_what_is_not_a_zip_is_left_to_its_own_checks(tmp_path, data):
    path = tmp_path / "t.xlsx"
    path.write_bytes(data)
    assert unpacked_problem(path) is None


def test_the_limit_is_a_gigabyte_and_sizes_are_named_in_their_unit():
    assert file_kinds.MAX_UNPACKED == 1_000_000_000
    assert file_kinds._size(4_300_000_000) == "4.3 GB"
    assert file_kinds._size(999_999_999) == "1,000.0 MB"


def test_a_template_that_unpacks_too_far_is_one_error(example, small_limit):
    template = example / "templates" / "plan.docx"
    padded(REPO / "templates" / "plan.docx", template, LIMIT)
    result = run(example, "build", "--no-page-numbers")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: templates/plan.docx: unpacks to 1.1 MB, more than committeepack opens (0.6 MB): "
        "it is damaged, or made to exhaust the memory of whatever opens it; save it again from "
        "Office, or ask whoever sent it for a new copy"
    ]


def test_a_workbook_that_unpacks_too_far_is_one_error(example, small_limit):
    workbook = example / "inputs" / "figures" / "county-comparison.xlsx"
    padded(REPO / "inputs" / "figures" / "county-comparison.xlsx", workbook, LIMIT)
    result = run(example, "build", "--no-page-numbers")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(
        "Error: inputs/figures/county-comparison.xlsx: unpacks to 0.6 MB, more than "
        "committeepack opens"
    )
    assert all("county-comparison.xlsx: unpacks to" in line for line in lines)


@pytest.mark.parametrize(
    ("name", "data", "svg"),
    [
        ("logo.svg", b"", True),  # named so
        ("logo.png", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', True),
        ("logo.png", b"\x89PNG\r\n\x1a\n", False),
        ("logo.png", b" " * 600 + b"<svg", False),  # past the first bytes: not looked for
    ],
)
def test_an_svg_drawing_is_told_by_its_name_or_its_first_bytes(tmp_path, name, data, svg):
    path = tmp_path / name
    path.write_bytes(data)
    assert file_kinds.is_svg(path) is svg
    assert file_kinds.is_svg(tmp_path / "missing.png") is False
