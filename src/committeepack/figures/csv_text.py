"""A CSV file's text where it is not UTF-8: Excel's "CSV (Comma delimited)" on a British
Windows writes Windows-1252, and a published period's en dash is then the byte 0x96."""

from __future__ import annotations

import re

from ..errors import InputError, warn

# a letter beyond ASCII that UTF-8 did read: the file holds both encodings
READ_AS_UTF8 = re.compile("[^\x00-\x7f\ufffd]")


def windows_text(data: bytes, shown: str, error: UnicodeDecodeError) -> str:
    """``data``, not UTF-8, read as Windows-1252 (what Excel's "CSV (Comma delimited)" writes
    on a British Windows, the en dash of a period's heading among it), with a warning; an
    error where it is not that (NUL bytes: UTF-16; a letter that does read as UTF-8: a file
    of both, which no one reading could get right)."""
    byte = error.object[error.start]
    line = error.object.count(b"\n", 0, error.start) + 1  # the file read once, not again
    mixed = READ_AS_UTF8.search(data.decode("utf-8", "replace")) is not None
    try:
        text = None if b"\0" in data or mixed else data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is None:
        raise InputError(
            f"not UTF-8 text (byte 0x{byte:02x} cannot be read); in Excel, save it with Save As "
            "and the type 'CSV UTF-8 (Comma delimited)'",
            shown,
            line,
        ) from None
    warn(
        InputError(
            f"not UTF-8 text: read as Windows-1252, as Excel saves 'CSV (Comma delimited)' (byte "
            f"0x{byte:02x} as {bytes([byte]).decode('cp1252')!r}); check its names and headings "
            "in the papers, or save it with Save As and the type 'CSV UTF-8 (Comma delimited)'",
            shown,
            line,
        )
    )
    return text
