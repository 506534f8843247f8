"""Starting projects and writing default templates."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from .config import CONFIG_NAME, find_project_root, load_config
from .errors import CommitteePackError
from .output import stable_zip
from .project import INPUTS, TEMPLATES


def example_dir() -> Path:
    """The bundled example project (configuration and inputs) shipped with the package."""
    packaged = Path(__file__).parent / "example"
    if (packaged / CONFIG_NAME).is_file():
        return packaged
    # An editable install runs from the source tree, where the example is the repository root.
    repo = Path(__file__).resolve().parents[2]
    if (repo / CONFIG_NAME).is_file() and (repo / INPUTS).is_dir():
        return repo
    raise CommitteePackError(
        "the bundled example is missing from this installation; reinstall committeepack"
    )


def new_project(path: Path) -> list[Path]:
    """Create a project at ``path`` from the bundled example; return the files created."""
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise CommitteePackError(
            "already exists and is not an empty folder; choose a new folder name", path
        )
    source = example_dir()
    path.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / CONFIG_NAME, path / CONFIG_NAME)
    shutil.copytree(source / INPUTS, path / INPUTS)
    (path / "out").mkdir(exist_ok=True)
    (path / ".gitignore").write_text("out/\n.committeepack-cache/\n", encoding="utf-8")
    write_templates(path, overwrite=True)
    return sorted(p for p in path.rglob("*") if p.is_file())


def write_templates(start: Path, overwrite: bool = False) -> list[tuple[str, str]]:
    """Write every paper's default template into the project's ``templates/`` folder."""
    from .papers import PAPERS

    root = find_project_root(start)
    config = load_config(root)
    folder = root / TEMPLATES
    folder.mkdir(exist_ok=True)
    done = []
    for name, paper in PAPERS.items():
        if config.papers is not None and name not in config.papers:
            continue
        target = folder / paper.template
        if target.exists() and not overwrite:
            done.append((paper.template, "kept (use --overwrite to replace it)"))
            continue
        buffer = io.BytesIO()
        paper.default_template(config).save(buffer)
        target.write_bytes(stable_zip(buffer.getvalue()))  # same template, same bytes
        done.append((paper.template, "written"))
    return done
