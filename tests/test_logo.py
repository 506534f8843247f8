"""The [branding] logo: checked to be a PNG or JPEG inside the project, and placed on the
first page of the default templates with alt text."""

import struct
import zlib

import docx
import pytest

from conftest import edit, run


def png(width: int, height: int) -> bytes:
    """A plain white PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


PNG_1x1 = png(40, 20)


def with_logo(project, written: str) -> None:
    edit(
        project / "committeepack.toml",
        "[document]",
        f'[branding]\nlogo = "{written}"\n\n[document]',
    )


@pytest.mark.parametrize(
    ("written", "setup", "message"),
    [
        ("inputs/missing.png", None, "no file 'inputs/missing.png'; check the name"),
        ("../outside.png", "outside", "'../outside.png' is outside the project folder"),
        ("inputs/logo.png", "link", "'inputs/logo.png' is a link to a file that is outside the"),
        ("inputs/logo.svg", "svg", "'inputs/logo.svg' is an SVG"),
        ("inputs/logo.png", "text", "'inputs/logo.png' is not a PNG or JPEG image"),
        ("inputs/logo.png", "damaged", "'inputs/logo.png' is damaged"),
    ],
)
def test_a_bad_logo_is_one_error_at_its_line(minimal, written, setup, message):
    if setup in ("outside", "link"):
        (minimal.parent / "outside.png").write_bytes(PNG_1x1)
    if setup == "link":
        (minimal / "inputs" / "logo.png").symlink_to(minimal.parent / "outside.png")
    elif setup == "svg":
        (minimal / "inputs" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    elif setup == "damaged":
        (minimal / "inputs" / "logo.png").write_bytes(PNG_1x1[:30])
    elif setup == "text":
        (minimal / "inputs" / "logo.png").write_text("not an image")
    with_logo(minimal, written)
    result = run(minimal, "build")
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert line.startswith("Error: committeepack.toml:")
    assert f"branding.logo: {message}" in line
    assert "Traceback" not in result.output


def declared_png(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width`` by ``height`` (its pixels left out: only the
    header is read to size a picture)."""
    whole = png(1, 1)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = b"IHDR" + header
    ihdr = struct.pack(">I", len(header)) + body + struct.pack(">I", zlib.crc32(body))
    return whole[:8] + ihdr + whole[8 + len(ihdr) :]


@pytest.mark.parametrize(
    ("width", "height", "problem"),
    [
        (8_000, 5_000, None),  # 40 megapixels exactly
        (8_001, 5_000, "is 8,001 by 5,000 pixels (40 megapixels); save it at most about 4,000"),
        (20_000, 20_000, "is 20,000 by 20,000 pixels (400 megapixels); save it at most about"),
    ],
)
def test_a_logo_too_large_for_a_paper_is_one_error(minimal, width, height, problem):
    (minimal / "inputs" / "logo.png").write_bytes(declared_png(width, height))
    with_logo(minimal, "inputs/logo.png")
    result = run(minimal, "build")
    if problem is None:
        assert "branding.logo" not in result.output
        return
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert f"branding.logo: 'inputs/logo.png' {problem}" in line


def test_the_logo_is_on_the_first_page_with_alt_text(minimal):
    (minimal / "inputs" / "logo.png").write_bytes(PNG_1x1)
    with_logo(minimal, "inputs/logo.png")
    result = run(minimal, "build")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(minimal / "out" / "agenda-item.docx"))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    pictures = section.first_page_header._element.xpath(".//wp:docPr")
    assert [p.get("descr") for p in pictures] == ["Testshire District Council logo"]
    assert section.first_page_footer.paragraphs[0].text.startswith("Page")
    assert section.header._element.xpath(".//wp:docPr") == []  # later pages: no logo
