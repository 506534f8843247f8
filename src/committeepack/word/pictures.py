"""Pictures as python-docx can place them in a paper.

python-docx reads a picture's size from its header, and knows a JPEG only by a JFIF or Exif
header at its start. A JPEG that starts otherwise, as a print-ready CMYK JPEG from a design
team starts with Adobe's marker, is one Word shows but python-docx cannot place: it was
refused as "not a picture Word reads", and a council's logo saved that way as "damaged".
Such a picture is decoded by Pillow (which matplotlib installs) and placed as a PNG, its
colours in RGB. A picture cut short, or one that moves (an animated GIF: printed and in the
PDF it is still, and on screen nobody can stop it), is refused with what to save instead.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ..file_kinds import too_many_pixels


@dataclass(frozen=True)
class Picture:
    """A picture's bytes as python-docx places them, and its size in pixels."""

    data: bytes
    width: int
    height: int


class PictureProblem(ValueError):
    """Why a file cannot be placed as a picture, said after its name ("is damaged...")."""


def placeable(path: Path) -> Picture:
    """The picture at ``path`` as python-docx can place it (:class:`PictureProblem` if it
    cannot be)."""
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image

    data = path.read_bytes()
    try:
        image = Image.from_blob(data)
    except UnrecognizedImageError:
        return _decoded(data)  # a JPEG python-docx does not know, or no picture at all
    except Exception:  # python-docx raises many kinds for a picture cut short
        raise PictureProblem(DAMAGED) from None
    _check_size(image.px_width, image.px_height)
    if image.content_type == "image/gif" and _frames(data) > 1:
        raise PictureProblem(
            "is an animated picture, which prints and reads in the PDF as its first frame, "
            "and on screen moves with no way to stop it; save the frame to show as PNG"
        )
    return Picture(data, image.px_width, image.px_height)


DAMAGED = "is damaged or cut short; open it and save it again as PNG"
NOT_A_PICTURE = "is not a picture Word reads; save it as PNG (or JPEG for a photograph)"


def _check_size(width: int, height: int) -> None:
    problem = too_many_pixels(width, height)
    if problem:
        raise PictureProblem(problem)


def _decoded(data: bytes) -> Picture:
    """A JPEG python-docx cannot read, decoded by Pillow and encoded as PNG."""
    if not data.startswith(b"\xff\xd8\xff"):
        raise PictureProblem(NOT_A_PICTURE)
    from PIL import Image as PillowImage

    try:
        with PillowImage.open(io.BytesIO(data)) as image:
            _check_size(*image.size)  # read from the header, before decoding
            image.load()
            rgb = image.convert("RGB")
    except PictureProblem:
        raise
    except Exception:  # Pillow raises many kinds for a damaged file
        raise PictureProblem(DAMAGED) from None
    buffer = io.BytesIO()
    rgb.save(buffer, "PNG")
    return Picture(buffer.getvalue(), *rgb.size)


def _frames(data: bytes) -> int:
    from PIL import Image as PillowImage

    try:
        with PillowImage.open(io.BytesIO(data)) as image:
            return getattr(image, "n_frames", 1)
    except Exception:  # python-docx read it; Pillow's view is only about its frames
        return 1
