"""Checked table rows remembered between builds, in a binary, column by column format.

JSON held a 454,000-row extract in 81 MB that took seconds to write and to read back. Here each
column is stored whole: whole numbers as one array of 64-bit integers, text as one UTF-8 block
(cells split by NUL, which no checked cell can hold), and anything else (exact fractions, very
large numbers) as text with a type mark per cell. The file is read with ``array`` and ``bytes``
only: nothing in it can run code (unlike pickle), so a cache planted in a shared project folder
can at worst be wrong, and a file that does not read back is ignored and the table checked
again.

Layout: ``MAGIC``, a JSON header line (row count and each column's name, encoding and byte
length), then each column's bytes in order, then the lines as 64-bit integers.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from ..codehash import code_hash
from ..errors import collect_warnings
from ..filehash import FileHashes

if TYPE_CHECKING:
    from ..errors import CommitteePackError
    from .cells import Column
    from .load import Rows, Source

MAGIC = b"committeepack rows 1\n"
NULL = "\x00"  # a checked text cell never holds a control character


# the code that reads and checks a table, whose rules decide which cells pass and what they
# hold: a change to any of it must not keep rows checked by the old rules
CHECKING_CODE = (
    "figures/load.py",
    "figures/column_places.py",
    "figures/described_headings.py",
    "figures/near_misses.py",
    "figures/pivot_totals.py",
    "figures/dated_rows.py",
    "figures/several_areas.py",
    "figures/table_notes.py",
    "figures/two_row_headings.py",
    "figures/headings.py",
    "figures/periods.py",
    "figures/row_names.py",
    "figures/raw_table.py",
    "figures/csv_text.py",
    "file_kinds.py",
    "figures/workbook_table.py",
    "figures/hidden_rows.py",
    "characters.py",
    "figures/cells.py",
    "figures/months.py",
    "figures/kind_columns.py",
    "figures/text_columns.py",
)


def cached_rows(
    cache: Path | None,
    source: Source,
    columns: list[Column],
    renames: dict[str, str],
    context: dict,
    errors: list[CommitteePackError],
    hashes: FileHashes | None = None,
) -> tuple[Rows, Path | None]:
    """:func:`.load.check_rows`, remembered by a hash of the file, of what it is checked
    against and of the code that checks it, so a rebuild with unchanged tables does not parse
    the files. Returns the rows and the cache entry (None: not cached)."""
    from . import load

    key = None
    if cache is not None and source.path.is_file():
        payload = json.dumps(
            [
                code_hash(*CHECKING_CODE),
                code_hash("figures/row_cache.py"),
                source.sheet,
                [c.__dict__ for c in columns],
                renames,
                context,
            ],
            sort_keys=True,
        )
        content = (hashes or FileHashes()).of(source.path)
        digest = hashlib.sha256((content + payload).encode()).hexdigest()[:24]
        key = cache / f"{digest}.rows"
        try:
            values, lines = read_rows(key)
            return load.Rows(source, None, lines, values), key
        except (OSError, CacheUnreadable):
            pass
    before = len(errors)
    with collect_warnings() as warned:  # rows read with a warning are not remembered, so
        checked = load.check_rows(source, columns, renames, context, errors)  # it is repeated
    if key is not None and len(errors) == before and not warned:
        key.parent.mkdir(parents=True, exist_ok=True)
        try:
            write_rows(key, {c.name: checked.column(c.name) for c in columns}, checked.lines)
        except (OSError, ValueError):
            key.unlink(missing_ok=True)  # only a cache: the next build checks the table again
    return checked, key


class CacheUnreadable(ValueError):
    """The cache file is not one this code wrote: check the table again."""


def write_rows(path: Path, columns: dict[str, list], lines: list[int]) -> None:
    """Write the rows' ``columns`` (each column's values) and their ``lines`` to ``path``."""
    header, blocks = [], []
    for name, values in columns.items():
        encoding, data = _encode(values)
        header.append([name, encoding, len(data)])
        blocks.append(data)
    lines_data = array("q", lines).tobytes()
    temporary = path.with_suffix(".tmp")
    with temporary.open("wb") as out:
        out.write(MAGIC)
        out.write(json.dumps({"rows": len(lines), "columns": header}).encode() + b"\n")
        for data in blocks:
            out.write(data)
        out.write(lines_data)
    temporary.replace(path)


def read_rows(path: Path) -> tuple[dict[str, list], list[int]]:
    """The columns and lines :func:`write_rows` wrote; :class:`CacheUnreadable` if the file
    is not such a file; ``FileNotFoundError`` if there is none."""
    data = path.read_bytes()
    if not data.startswith(MAGIC):
        raise CacheUnreadable(path)
    end = data.index(b"\n", len(MAGIC))
    try:
        header = json.loads(data[len(MAGIC) : end])
        count = int(header["rows"])
        at = end + 1
        columns = {}
        for name, encoding, length in header["columns"]:
            columns[str(name)] = _decode(encoding, data[at : at + length], count)
            at += length
        lines = array("q")
        lines.frombytes(data[at:])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise CacheUnreadable(path) from exc
    if len(lines) != count or any(len(values) != count for values in columns.values()):
        raise CacheUnreadable(path)
    return columns, lines.tolist()


def _encode(values: list) -> tuple[str, bytes]:
    """A column's encoding and bytes: ``int`` (with ``None`` as a mask), ``text`` or
    ``mixed``."""
    types = set(map(type, values))  # in C: a 400,000-row column is looked at once
    nulls = type(None) in types
    mask = bytes(v is None for v in values) if nulls else bytes(len(values))
    types.discard(type(None))
    if types <= {int}:
        try:
            numbers = array("q", [0 if v is None else v for v in values] if nulls else values)
            return "int", mask + numbers.tobytes()
        except OverflowError:
            pass  # a number too large for 64 bits: kept as text
    if types <= {str}:
        texts = [v or "" for v in values] if nulls else values
        return "text", mask + NULL.join(texts).encode("utf-8")
    marks = bytes(_MARKS.index(type(v)) if v is not None else 0 for v in values)
    return "mixed", marks + NULL.join("" if v is None else str(v) for v in values).encode()


_MARKS = (type(None), int, str, Fraction)


def _parse(mark: int, text: str) -> object:
    if mark == 0:
        return None
    return (int, str, Fraction)[mark - 1](text)


def _decode(encoding: str, data: bytes, count: int) -> list:
    marks, rest = data[:count], data[count:]
    if encoding == "int":
        numbers = array("q")
        numbers.frombytes(rest)
        return [None if empty else n for n, empty in zip(numbers, marks, strict=True)]
    texts = rest.decode("utf-8").split(NULL) if count else []
    if len(texts) != count:
        raise ValueError("a column of the wrong length")
    if encoding == "text":
        return [None if empty else t for t, empty in zip(texts, marks, strict=True)]
    if encoding == "mixed":
        return [_parse(mark, text) for text, mark in zip(texts, marks, strict=True)]
    raise ValueError(encoding)
