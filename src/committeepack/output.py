"""Writing papers safely: atomic renames, a manifest of what was generated, hand-edit checks.

A paper is written to a temporary file in the output folder and renamed over the old one, so a
failed build never leaves a half-written .docx. The manifest records the SHA-256 of every
paper written; a paper whose bytes no longer match was changed by someone since, and is not
overwritten unless the user says ``--force`` (and then a copy is kept).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import OutputConflict, raise_all

MANIFEST = ".committeepack-manifest.json"
PREVIOUS = ".previous"  # folder in out/ keeping the version each rebuild replaced
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def stable_zip(data: bytes) -> bytes:
    """The same .docx with fixed zip timestamps, so the same inputs give the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_DATE)
            # pictures are compressed already: deflating them again costs time and saves nothing
            media = info.filename.lower().endswith((".png", ".jpg", ".jpeg", ".gif"))
            fixed.compress_type = zipfile.ZIP_STORED if media else zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info.filename))
    return buffer.getvalue()


@dataclass
class Written:
    """What happened to one paper: ``written``, ``unchanged`` or ``replaced`` (with a backup)."""

    name: str
    status: str
    backup: str | None = None
    reasons: list[str] = field(default_factory=list)

    @property
    def rewrote(self) -> bool:
        """Whether the paper in the output folder was replaced."""
        return self.status in ("written", "replaced")


class OutputFolder:
    """The output folder of a project and its manifest."""

    def __init__(self, folder: Path, shown_as: str):
        self.folder = folder
        self.shown_as = shown_as
        self.manifest_path = folder / MANIFEST
        if folder.exists() and not folder.is_dir():
            raise OutputConflict(
                "is a file, not a folder; rename or remove it, or set a folder for the papers "
                'in committeepack.toml, for example  [document] output_folder = "papers"',
                shown_as,
            )
        self.manifest = self._read_manifest()
        self._remove_leftovers()

    def _remove_leftovers(self) -> None:
        """Temporary files a killed build left behind (they are never the papers)."""
        for folder in (self.folder, self.folder / PREVIOUS):
            if folder.is_dir():
                for path in folder.glob(".*.tmp"):
                    with contextlib.suppress(OSError):
                        path.unlink()

    def writable(self) -> None:
        """Say now, before anything is rendered, if papers cannot be written."""
        target = next(f for f in (self.folder, *self.folder.parents) if f.exists())
        if not can_write(target):  # where the folder is, or where it will be made
            raise OutputConflict(_PERMISSION, self.shown_as)

    def _read_manifest(self) -> dict:
        if self.manifest_path.is_symlink() or not (
            self.manifest_path.is_file() or not self.manifest_path.exists()
        ):
            return {"papers": {}}  # not its own record: replaced by one when papers are written
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return {"papers": {}}
        if not isinstance(data, dict) or not isinstance(data.get("papers"), dict):
            return {"papers": {}}
        return data

    def edited(self, name: str) -> bool:
        """True when ``name`` exists but is not the file committeepack last wrote."""
        path = self.folder / name
        _check_own_file(path, f"{self.shown_as}/{name}")
        if not path.exists():
            return False
        entry = self.manifest["papers"].get(name, {})
        # "pending" is the paper a build was writing when it stopped: either version is its own
        return sha256(path.read_bytes()) not in (entry.get("sha256"), entry.get("pending"))

    def check(self, names: list[str], force: bool) -> None:
        """Refuse, naming every file, when papers about to be written were edited by hand."""
        if force:
            return
        unknown = (  # no record of writing it: a file put there, or the record was lost
            "is not a file committeepack wrote, as far as its record "
            f"({self.shown_as}/{MANIFEST}) shows; move it away if it is someone's work, or run "
            "the build again with --force to replace it (a copy of this version is kept next "
            "to it)"
        )
        raise_all(
            [
                OutputConflict(
                    "changed since committeepack wrote it (edited by hand?); copy your edits into "
                    "the inputs, or run the build again with --force to replace it (a copy of "
                    "this version is kept next to it)"
                    if name in self.manifest["papers"]
                    else unknown,
                    f"{self.shown_as}/{name}",
                )
                for name in names
                if self.edited(name)
            ]
        )

    def inputs(self, name: str) -> dict | None:
        """The input fingerprint recorded when ``name`` was last written, or None."""
        return self.manifest["papers"].get(name, {}).get("inputs")

    def write(
        self, name: str, data: bytes, force: bool = False, inputs: dict | None = None
    ) -> Written:
        """Write one paper atomically and record it; keep a copy of a hand-edited one.

        The manifest first records the new paper as pending beside the old one, then the
        paper is renamed into place, then the manifest records it: a build stopped at any
        moment leaves a paper (old or new) that the manifest accepts."""
        with _writing(f"{self.shown_as}/{name}"):
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / name
            _check_own_file(path, f"{self.shown_as}/{name}")
            current = path.read_bytes() if path.exists() else None
            backup = None
            if current is not None and self.edited(name):
                if not force:
                    self.check([name], force)
                stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                backup = f"{path.stem}.edited-{stamp}{path.suffix}"
                shutil.copy2(path, self.folder / backup)
            elif current == data:
                self._record(name, data, inputs)
                return Written(name, "unchanged")
            if current is not None:
                self.keep_previous(name, current)
            self._record_pending(name, data, current)
            _atomic_write(path, data)
            self._record(name, data, inputs)
        return Written(name, "replaced" if backup else "written", backup)

    def _record_pending(self, name: str, data: bytes, current: bytes | None) -> None:
        entry = dict(self.manifest["papers"].get(name, {}))
        if current is not None:
            entry["sha256"] = sha256(current)
        entry["pending"] = sha256(data)
        self.manifest["papers"][name] = entry
        self._save()

    def keep_previous(self, name: str, data: bytes) -> None:
        """Keep the version a rebuild replaced, for the changes document."""
        folder = self.folder / PREVIOUS
        _check_own_file(folder, f"{self.shown_as}/{PREVIOUS}")
        folder.mkdir(exist_ok=True)
        _atomic_write(folder / name, data)

    def previous(self, name: str) -> bytes | None:
        """The version of ``name`` before the last rebuild that changed it, if kept."""
        path = self.folder / PREVIOUS / name
        own = not path.parent.is_symlink() and not path.is_symlink()
        return path.read_bytes() if own and path.is_file() else None

    def _record(self, name: str, data: bytes, inputs: dict | None = None) -> None:
        entry: dict[str, object] = {"sha256": sha256(data)}
        if inputs is not None:
            entry["inputs"] = inputs
        self.manifest["papers"][name] = entry
        self._save()

    def _save(self) -> None:
        text = json.dumps(self.manifest, indent=2, sort_keys=True) + "\n"
        _atomic_write(self.manifest_path, text.encode("utf-8"))


def _check_own_file(path: Path, shown: str) -> None:
    """Refuse a link, a named pipe or a device where a paper (or the folder of previous
    versions) goes: committeepack neither reads nor replaces what a link points to, which may
    lie outside the project, and reading a pipe would wait for ever."""
    if path.is_symlink():
        what = "a link to another file or folder"
    elif path.exists() and not (path.is_file() or path.is_dir()):
        what = "not a file (a named pipe or a device)"
    else:
        return
    raise OutputConflict(
        f"is {what}, which committeepack neither reads nor replaces; delete it, and build again",
        shown,
    )


def can_write(folder: Path) -> bool:
    """Whether new files can be made in ``folder``."""
    return os.access(folder, os.W_OK | os.X_OK)


_PERMISSION = (
    "cannot write here (permission denied); make the folder writable, or set a folder you can "
    'write to in committeepack.toml, for example  [document] output_folder = "papers"'
)


@contextlib.contextmanager
def _writing(shown: str) -> Iterator[None]:
    """Turn the operating system's refusals into one-line errors that say what to do."""
    try:
        yield
    except PermissionError:
        raise OutputConflict(_PERMISSION, shown) from None
    except OSError as error:
        if error.errno == errno.ENOSPC:
            message = "the disk is full; free some space and build again"
        elif error.errno == errno.EROFS:
            message = "the disk is read-only; set another output_folder in [document]"
        else:
            message = f"cannot be written ({error.strerror or error}); check the folder"
        raise OutputConflict(
            message + "; the papers it could not write are as they were", shown
        ) from None


def _atomic_write(path: Path, data: bytes) -> None:
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, 0o666 & ~_umask())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
