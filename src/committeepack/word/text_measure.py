"""How wide text prints, and on how many lines it wraps: estimated from Arial's advance widths
for the usual typefaces (no font file read), measured from the face's own file for others.
The tables size their columns with it; the data on a page leaves its text room."""

from __future__ import annotations

from ..font_files import measured

# Advance widths (1/1000 em) of the printable ASCII characters, space to tilde, in Liberation
# Sans (Arial's metrics), regular and bold; other typefaces are scaled by FACE_SCALE. A table's
# layout needs no font files this way, and estimates within a few per cent.
_REGULAR = (
    "278 278 355 556 556 890 667 191 333 333 389 584 278 332 277 278 556 556 556 556 556 556 556 "
    "556 556 556 277 278 584 584 584 556 1015 667 667 723 722 667 611 778 722 277 500 667 556 833 "
    "722 778 667 778 723 667 610 721 667 944 667 667 611 277 278 278 469 557 333 556 556 500 556 "
    "555 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 335 "
    "259 334 584"
)
_BOLD = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 "
    "556 556 556 333 333 584 583 584 611 975 722 722 722 722 667 611 778 722 277 556 722 611 833 "
    "722 778 667 778 723 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 612 556 611 "
    "556 333 611 611 278 277 556 278 889 611 611 612 611 389 556 333 611 556 778 556 556 500 389 "
    "280 389 585"
)
ADVANCES = {
    False: dict(zip(map(chr, range(32, 127)), map(int, _REGULAR.split()), strict=True)),
    True: dict(zip(map(chr, range(32, 127)), map(int, _BOLD.split()), strict=True)),
}
for _advances in ADVANCES.values():
    _advances["\u00a0"] = _advances[" "]  # a no-break space is as wide as a space
FACE_SCALE = {  # measured against Liberation Sans; the widest character set decides
    "dejavu sans": 1.2,
    "verdana": 1.22,
    "tahoma": 1.05,
    "calibri": 0.92,
    "carlito": 0.92,
    "arial": 1.0,
    "liberation sans": 1.0,
    "helvetica": 1.0,
}
UNKNOWN_FACE_SCALE = 1.1  # a typeface neither listed nor installed: a little wider than Arial


def text_width_twips(text: str, size_pt: float, bold: bool, face: str | None) -> int:
    """How wide ``text`` prints at ``size_pt`` in ``face``: estimated from Arial's metrics for
    the typefaces of :data:`FACE_SCALE`, else measured from the face's own file where it is
    installed (a monospaced or a wide face is unlike Arial), else estimated."""
    return int(_ems(text, bold, face) * size_pt * 20)


def _ems(text: str, bold: bool, face: str | None) -> float:
    """How wide ``text`` is in ems of ``face``."""
    key = (face or "").casefold()
    own = measured(face, bold) if face and key not in FACE_SCALE else None
    if own is not None:
        widest = max(own.values())  # a character the face lacks: as wide as its widest
        return sum(own.get(ch, widest) for ch in text) / 1000
    scale = FACE_SCALE.get(key, UNKNOWN_FACE_SCALE)
    advances = ADVANCES[bold]
    return sum(advances.get(ch, 600) for ch in text) / 1000 * scale


def line_count(text: str, width_twips: int, size_pt: float, bold: bool, face: str | None) -> int:
    """On how many lines ``text`` wraps in ``width_twips``, breaking at spaces (a line break
    in it starts a line); a word wider than the width takes a line of its own."""
    twips = size_pt * 20
    space = _ems(" ", bold, face) * twips
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split(" "):
            width = _ems(word, bold, face) * twips
            if used and int(used + space + width) > width_twips:
                lines += 1
                used = width
            else:
                used += (space if used else 0.0) + width
    return lines
