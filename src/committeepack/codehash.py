"""Hashes of committeepack's own code, so that caches and fingerprints notice a code change.

A version number changes only at a release; during development (or with a patched install)
the code that draws a chart or checks a table can change while the version stays the same.
Keys built from these hashes change with the code itself, so nothing stale is served.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).parent


@functools.cache
def code_hash(*files: str) -> str:
    """A short hash of the named source files of the package (paths relative to it)."""
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update((PACKAGE / name).read_bytes())
    return digest.hexdigest()[:16]


@functools.cache
def package_hash() -> str:
    """A short hash of every source file of the package: a paper made by other code is made
    again."""
    names = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))
    return code_hash(*names)
