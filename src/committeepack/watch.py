"""``build --watch``: rebuild when an input, template or the configuration is saved."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from pathlib import Path

from .config import CONFIG_NAME, find_project_root
from .project import CACHE, INPUTS, TEMPLATES


def watched_paths(root: Path) -> list[Path]:
    """What a rebuild depends on: the configuration, inputs/ and templates/."""
    return [p for p in (root / CONFIG_NAME, root / INPUTS, root / TEMPLATES) if p.exists()]


ADDED = 1  # watchfiles.Change.added, without importing watchfiles


def relevant(changes: Iterable[tuple[object, str]], root: Path) -> list[str]:
    """The changed files worth a rebuild, each once: not editor swap files, not files that
    came and went within the batch (an editor's or sed's temporary copy), not the output or
    cache."""
    added = {path for change, path in changes if change == ADDED}
    names = []
    for _, path in changes:
        if path in names or (path in added and not Path(path).exists()):
            continue
        name = Path(path).name
        if name.startswith((".", "~$")) or name.endswith(("~", ".swp", ".tmp")):
            continue
        parts = (
            Path(path).resolve().relative_to(root.resolve()).parts
            if Path(path).is_absolute()
            else ()
        )
        if parts and parts[0] in (CACHE, "out"):
            continue
        names.append(path)
    return names


def watch_and_rebuild(
    start: Path, rebuild: Callable[[], None], say: Callable[[str], None] | None = None, watcher=None
) -> None:
    """Call ``rebuild`` after each batch of saved changes until interrupted.

    ``watcher`` yields batches of ``(change, path)``; by default watchfiles watches the
    project. Errors of a rebuild are shown and watching goes on.
    """
    root = find_project_root(start)
    if watcher is None:
        import watchfiles

        watcher = watchfiles.watch(*watched_paths(root), debounce=400)
    if say:
        say("Watching for changes (Ctrl+C to stop).")
    try:
        for changes in watcher:
            names = relevant(changes, root)
            if not names:
                continue
            if say:
                say(f"Changed: {', '.join(Path(n).name for n in names)}")
            with contextlib.suppress(SystemExit):  # the error was shown; keep watching
                rebuild()
    except KeyboardInterrupt:
        if say:
            say("Stopped watching.")
