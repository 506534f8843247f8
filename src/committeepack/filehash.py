"""Content hashes of input files, each file read once per build and not at all when unchanged.

Every paper's fingerprint names the tables it needs, and a table's checked rows are cached by
its content: hashing a 50 MB extract for each took a third of a second a time. A build keeps one
:class:`FileHashes`: a file is hashed at most once, and a hash is remembered between builds in
``.committeepack-cache/hashes.json`` against the file's size, modification and change times (as
git's index does), so an unchanged file is not read at all. A file changed less than two
seconds before it was hashed is not remembered: on a file system with coarse times a second
edit in the same tick would look unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from pathlib import Path

RECORD = "hashes.json"
RACY_SECONDS = 2.0


def hash_bytes(data: bytes) -> str:
    """A short content hash."""
    return hashlib.sha256(data).hexdigest()[:16]


class FileHashes:
    """The content hash of each file asked for, from the record when its times are unchanged."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        self.record = cache_dir / RECORD if cache_dir is not None else None
        self._known: dict[str, list] | None = None
        self._changed = False

    def of(self, path: Path) -> str:
        """``path``'s content hash, or ``"missing"``."""
        try:
            status = path.stat()
        except OSError:
            return "missing"
        stamp = [status.st_size, status.st_mtime_ns, status.st_ctime_ns]
        key = str(path.resolve())
        known = self._load()
        entry = known.get(key)
        if entry is not None and entry[:3] == stamp:
            return str(entry[3])
        try:
            digest = _hash_file(path)
        except OSError:
            return "missing"
        if time.time() - status.st_mtime_ns / 1e9 > RACY_SECONDS:
            known[key] = [*stamp, digest]
            self._changed = True
        return digest

    def save(self) -> None:
        """Write the record, when a hash was added (best effort: it is only a cache)."""
        if not self._changed or self.record is None or self._known is None:
            return
        try:
            self.record.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.record.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(self._known), encoding="utf-8")
            temporary.replace(self.record)
            self._changed = False
        except OSError:
            pass

    def _load(self) -> dict[str, list]:
        if self._known is None:
            self._known = {}
            if self.record is not None:
                try:
                    data = json.loads(self.record.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    data = {}
                if isinstance(data, dict):
                    self._known = {
                        k: v for k, v in data.items() if isinstance(v, list) and len(v) == 4
                    }
        return self._known


def _hash_file(path: Path) -> str:
    if not stat.S_ISREG(path.stat().st_mode):
        return "not a file"  # a pipe or a device: reading it is refused where it is read
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):  # in pieces: a 50 MB file is not held whole
            digest.update(chunk)
    return digest.hexdigest()[:16]
