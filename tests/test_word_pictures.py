"""Pictures as a paper places them: a JPEG python-docx does not know (Adobe's CMYK, as print
teams save logos) decoded and placed as PNG; a picture cut short, or one that moves,
refused with what to save instead."""

import io

import docx
import pytest
from PIL import Image

from committeepack.word.pictures import DAMAGED, NOT_A_PICTURE, PictureProblem, placeable

from conftest import edit, run


def saved(path, image, kind, **options):
    image.save(path, kind, **options)
    return path


def cmyk_jpeg(path):
    """A JPEG as print teams save them: CMYK, Adobe's marker first, no JFIF or Exif header."""
    saved(path, Image.new("CMYK", (300, 120), (0, 255, 255, 0)), "JPEG")
    assert path.read_bytes()[2:4] == b"\xff\xee"  # APP14 "Adobe", which python-docx refuses
    return path


def test_a_cmyk_jpeg_is_placed_as_a_png_of_its_colours(tmp_path):
    picture = placeable(cmyk_jpeg(tmp_path / "logo.jpg"))
    assert (picture.width, picture.height) == (300, 120)
    decoded = Image.open(io.BytesIO(picture.data))
    assert decoded.format == "PNG" and decoded.mode == "RGB"
    red, green, blue = decoded.getpixel((10, 10))
    assert red > 200 and green < 60 and blue < 60  # cyan 0, magenta and yellow full: red


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "GIF", "BMP", "TIFF"])
def test_a_picture_python_docx_reads_is_placed_as_it_is(tmp_path, kind):
    path = saved(tmp_path / "picture", Image.new("RGB", (40, 20), "blue"), kind)
    picture = placeable(path)
    assert (picture.data, picture.width, picture.height) == (path.read_bytes(), 40, 20)


def test_a_picture_cut_short_or_not_a_picture_or_moving_is_refused(tmp_path):
    whole = saved(tmp_path / "whole.png", Image.new("RGB", (400, 300), "red"), "PNG")
    (tmp_path / "short.png").write_bytes(whole.read_bytes()[:200])
    (tmp_path / "short.jpg").write_bytes(cmyk_jpeg(tmp_path / "c.jpg").read_bytes()[:300])
    (tmp_path / "text.png").write_text("not a picture")
    frames = [Image.new("RGB", (40, 20), colour) for colour in ("red", "blue")]
    saved(tmp_path / "moving.gif", frames[0], "GIF", save_all=True, append_images=frames[1:])
    saved(tmp_path / "still.gif", frames[0], "GIF")
    for name, said in [("short.png", DAMAGED), ("short.jpg", DAMAGED), ("text.png", NOT_A_PICTURE)]:
        with pytest.raises(PictureProblem) as problem:
            placeable(tmp_path / name)
        assert str(problem.value) == said
    with pytest.raises(PictureProblem, match="is an animated picture"):
        placeable(tmp_path / "moving.gif")
    assert placeable(tmp_path / "still.gif").width == 40  # one frame: a picture like any


def test_a_cmyk_jpeg_goes_into_the_narrative_and_the_logo(minimal):
    cmyk_jpeg(minimal / "inputs" / "photo.jpg")
    cmyk_jpeg(minimal / "inputs" / "logo.jpg")
    edit(minimal / "inputs/agenda-item.md", "First paragraph.", "![A photograph](photo.jpg)")
    edit(
        minimal / "committeepack.toml",
        "[document]",
        '[branding]\nlogo = "inputs/logo.jpg"\n\n[document]',
    )
    result = run(minimal, "build")
    assert result.exit_code == 0, result.output
    paper = docx.Document(str(minimal / "out/agenda-item.docx"))
    types = {part.content_type for part in paper.part.package.parts}
    assert "image/png" in types and "image/jpeg" not in types
    assert len(paper.inline_shapes) == 1  # the photograph (the logo is in the header)
