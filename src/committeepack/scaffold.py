"""Starting projects and writing default templates."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from .config import CONFIG_NAME, find_project_root, load_config
from .errors import CommitteePackError
from .file_names import name_problem
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
    problem = name_problem(path.as_posix())  # on Windows, its \ between folders become /
    if problem:  # first: the file system fails on such a name with an error of its own
        raise CommitteePackError(problem, repr(str(path)))
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise CommitteePackError(
            "already exists and is not an empty folder; choose a new folder name", path
        )
    source = example_dir()
    made = not path.exists()
    try:
        path.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / CONFIG_NAME, path / CONFIG_NAME)
        shutil.copytree(source / INPUTS, path / INPUTS)
        (path / "out").mkdir(exist_ok=True)
        (path / ".gitignore").write_text("out/\n.committeepack-cache/\n", encoding="utf-8")
        write_templates(path, overwrite=True)
    except OSError as error:  # no such place, no permission, a full disk: nothing left half made
        if made:
            shutil.rmtree(path, ignore_errors=True)
        raise CommitteePackError(
            f"cannot be made ({error.strerror or error.__class__.__name__}); choose a folder "
            "you can write to",
            path,
        ) from None
    return sorted(p for p in path.rglob("*") if p.is_file())


def write_templates(start: Path, overwrite: bool = False) -> list[tuple[str, str]]:
    """Write every paper's default template into the project's ``templates/`` folder."""
    from .agenda import front_sheet
    from .default_templates import style_key
    from .papers import PAPERS
    from .word.stamp import made_from, stamped

    root = find_project_root(start)
    config = load_config(root)
    folder = root / TEMPLATES
    folder.mkdir(exist_ok=True)
    key = style_key(config)
    makers = [
        (paper.template, paper.default_template)
        for name, paper in PAPERS.items()
        if config.papers is None or name in config.papers
    ]
    done = []
    for name, make in [*makers, (front_sheet.TEMPLATE, front_sheet.make_template)]:
        target = folder / name
        made = made_from(target) if target.is_file() else None
        if target.exists() and not overwrite and made is None:
            done.append((name, "kept (use --overwrite to replace it)"))
            continue
        if made == key and not overwrite:
            done.append((name, "kept (the default, unedited, in this branding)"))
            continue
        buffer = io.BytesIO()
        make(config).save(buffer)
        # same template, same bytes; marked as the default, so an unedited one follows branding
        target.write_bytes(stamped(stable_zip(buffer.getvalue()), key))
        done.append((name, "written" if made is None else "written (it was an unedited default)"))
    return done


WORKBOOK = "inputs/figures/figures.xlsx"


def figures_to_workbook(path: Path) -> Path:
    """Move every figure table of the project at ``path`` into one workbook, a sheet per
    declared table (header row bold and frozen, columns sized, drop-down lists for statuses
    and priorities), and point the configuration at its sheets. Returns the workbook."""
    import csv

    from openpyxl import Workbook, load_workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    from .figures.tables import allowed_statuses

    config = load_config(path)
    tables = config.raw.get("tables", {})
    book = Workbook()
    book.remove(book.active)
    moved: list[Path] = []
    for name, table in tables.items():
        sheet = book.create_sheet(name[:31])
        if "workbook" in table:
            source = path / table["workbook"]
            old = load_workbook(source, read_only=True, data_only=True)
            rows = [
                list(r)
                for r in old[table.get("sheet") or old.sheetnames[0]].iter_rows(values_only=True)
            ]
            old.close()
        else:
            source = path / table["file"]
            with source.open(encoding="utf-8-sig", newline="") as handle:
                rows = [[_cell(value) for value in row] for row in csv.reader(handle)]
        moved.append(source)
        for row in rows:
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
        if table.get("kind") == "actions":
            headers = [str(c.value).strip().casefold() for c in sheet[1]]
            renames = {k: str(v).casefold() for k, v in (table.get("columns") or {}).items()}
            for key, allowed in (
                ("status", allowed_statuses(config)),
                ("priority", [p.key for p in config.priorities]),
            ):
                header = renames.get(key, key)
                if header in headers and allowed:
                    letter = sheet.cell(1, headers.index(header) + 1).column_letter
                    check = DataValidation(
                        type="list",
                        formula1='"' + ",".join(allowed) + '"',
                        showErrorMessage=True,
                        errorTitle=f"Not a {key}",
                        error=f"Choose one of: {', '.join(allowed)}",
                    )
                    check.add(f"{letter}2:{letter}1048576")
                    sheet.add_data_validation(check)
    target = path / WORKBOOK
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    _point_tables_at(path / CONFIG_NAME, list(tables))
    for source in set(moved) - {target}:
        source.unlink(missing_ok=True)
    return target


def _cell(text: str):
    """A CSV value as Excel should hold it: whole numbers and decimals as numbers, the rest
    (months like 2024-04 too) as text."""
    plain = text.replace(",", "") if text[:1].isdigit() else text
    if plain.isdigit():
        return int(plain)
    if plain and plain.replace(".", "", 1).isdigit():
        return float(plain)
    return text


def _point_tables_at(config_path: Path, names: list[str]) -> None:
    """Rewrite each [tables.NAME] section to read its sheet of the workbook."""
    import re

    lines = config_path.read_text(encoding="utf-8").splitlines()
    section = re.compile(r"^\s*\[([^\]]+)\]\s*(#.*)?$")
    out: list[str] = []
    current = None
    for line in lines:
        match = section.match(line)
        if match:
            current = match.group(1).strip()
            out.append(line)
            if current.startswith("tables.") and current[7:] in names:
                out.append(f'workbook = "{WORKBOOK}"')
                out.append(f'sheet = "{current[7:][:31]}"')
            continue
        key = line.split("=", 1)[0].strip()
        if current and current.startswith("tables.") and key in ("file", "workbook", "sheet"):
            continue
        out.append(line)
    config_path.write_text("\n".join(out) + "\n", encoding="utf-8")
