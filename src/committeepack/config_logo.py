"""The logo of ``[branding]``: a PNG or JPEG inside the project (or a shared folder), that
python-docx can read and of a size a paper can carry."""

from __future__ import annotations

from pathlib import Path

from .config_checks import inside, outside
from .config_reader import ConfigReader
from .file_kinds import is_svg, not_a_file
from .file_names import name_problem

PNG, JPEG = b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"


def check_logo(
    reader: ConfigReader, root: Path, folders: tuple[Path, ...], written: str
) -> Path | None:
    """The logo file, checked to lie inside the project and to be a PNG or JPEG image."""
    if not written or name_problem(written):
        return None  # no logo, or a name the schema refused
    key = ("branding", "logo")
    path = (root / written).resolve()
    if not inside(path, folders):
        reader.fail(key, outside(written, root / written))
        return None
    special = not_a_file(path)
    if special is not None:
        reader.fail(key, f"{written!r} is {special}, not a file; put the logo's file there")
        return None
    try:
        with path.open("rb") as handle:
            start = handle.read(512)
    except OSError:
        reader.fail(key, f"no file {written!r}; check the name (it is relative to the project)")
        return None
    if start.startswith((PNG, JPEG)):
        from .word.pictures import PictureProblem, placeable

        try:  # read as the logo is placed: a damaged file fails here, not in the template
            placeable(path)
        except PictureProblem as problem:
            reader.fail(key, f"{written!r} {problem}")
            return None
        return path
    if is_svg(path):
        reader.fail(
            key,
            f"{written!r} is an SVG, which Word papers cannot carry here; export it as PNG "
            "(about 600 pixels wide) and name that file",
        )
    else:
        reader.fail(key, f"{written!r} is not a PNG or JPEG image; save the logo as PNG")
    return None
