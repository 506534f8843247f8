"""How wide a table's columns are: each at least its longest word, the rest of the page's width
shared by how much each column has to say. Text is measured from a typeface's advance widths,
without font files."""

from __future__ import annotations

import re

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
CELL_PADDING_TWIPS = 230  # the two cell margins (108 twips each) and a hair


def text_width_twips(text: str, size_pt: float, bold: bool, face: str | None) -> int:
    """How wide ``text`` prints at ``size_pt`` in ``face``: estimated from Arial's metrics for
    the typefaces of :data:`FACE_SCALE`, else measured from the face's own file where it is
    installed (a monospaced or a wide face is unlike Arial), else estimated."""
    key = (face or "").casefold()
    own = measured(face, bold) if face and key not in FACE_SCALE else None
    if own is not None:
        widest = max(own.values())  # a character the face lacks: as wide as its widest
        return int(sum(own.get(ch, widest) for ch in text) / 1000 * size_pt * 20)
    scale = FACE_SCALE.get(key, UNKNOWN_FACE_SCALE)
    advances = ADVANCES[bold]
    thousandths = sum(advances.get(ch, 600) for ch in text)
    return int(thousandths / 1000 * size_pt * 20 * scale)


def _words(text: str) -> list[str]:
    """The words a line may break between: parted by spaces and line ends, not by no-break
    spaces (which ``str.split`` would part at)."""
    return [word for word in re.split(r"[ \t\n]+", text) if word]


def _cell_twips(text: str, bold: bool, size_pt: float, face: str | None) -> int:
    return text_width_twips(text, size_pt, bold, face) + CELL_PADDING_TWIPS


def least_widths(
    cells: list[list[tuple[str, bool]]], size_pt: float, face: str | None = None
) -> list[int]:
    """Each column's narrowest width: its longest word, ``cells`` being (text, bold)."""
    least = [0] * (len(cells[0]) if cells else 0)
    for row in cells:
        for col, (text, bold) in enumerate(row):
            for word in _words(text):
                least[col] = max(least[col], _cell_twips(word, bold, size_pt, face))
    return least


def fitted_widths(
    cells: list[list[tuple[str, bool]]],
    total_twips: int,
    size_pt: float,
    face: str | None = None,
    preferred: list[int] | None = None,
) -> list[int]:
    """Column widths from the content, ``cells`` being (text, bold): each column at least as
    wide as its longest word (so no word breaks mid-way when the page allows), then the rest
    of the width shared as ``preferred`` asks (or by the length of each column's longest
    line)."""
    columns = len(cells[0])

    def twips(text: str, bold: bool) -> int:
        return _cell_twips(text, bold, size_pt, face)

    least = [0] * columns  # the longest word
    figures = [0] * columns  # the longest figure: never broken
    wanted = [0] * columns
    for row in cells:
        for col, (text, bold) in enumerate(row):
            for word in _words(text):
                width = twips(word, bold)
                least[col] = max(least[col], width)
                if any(ch.isdigit() for ch in word):
                    figures[col] = max(figures[col], width)
            wanted[col] = max(wanted[col], max(twips(line, bold) for line in text.split("\n")))
    if sum(least) >= total_twips:  # too narrow for whole words: figures whole, words shrink
        words = [least[c] - figures[c] for c in range(columns)]
        spare = max(total_twips - sum(figures), 0)
        if not sum(words):
            return [max(int(w * total_twips / sum(least)), 1) for w in least]
        widths = [figures[c] + spare * words[c] // sum(words) for c in range(columns)]
        widths[0] += total_twips - sum(widths)
        return widths
    shares = [max((preferred[c] if preferred else wanted[c]) - least[c], 0) for c in range(columns)]
    if not any(shares):
        shares = [1] * columns
    spare = total_twips - sum(least)
    widths = [least[c] + spare * shares[c] // sum(shares) for c in range(columns)]
    widths[0] += total_twips - sum(widths)
    return widths
