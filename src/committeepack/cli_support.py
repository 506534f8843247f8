"""What the ``committeepack`` commands share: errors shown as one line each, the project
options (``--project``, repeatable, and ``--projects FOLDER``), running a command over several
projects with one summary, and progress lines."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from .errors import ColumnNotRead, CommitteePackError, ErrorList


def report_errors(func):
    """Show a :class:`CommitteePackError` as ``Error: path:line: message`` and exit 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except CommitteePackError as exc:
            for line in problem_lines(exc):
                click.echo(line, err=True)
            sys.exit(1)

    return wrapper


def problem_lines(exc: CommitteePackError, project: Path | None = None) -> list[str]:
    """What stopped a command, a line each: the warnings given before it that may explain it
    (a column not read, then a figure missing: :class:`.errors.ColumnNotRead`), then each
    error. Other warnings are not shown: a bad input is one line."""
    errors = exc.errors if isinstance(exc, ErrorList) else [exc]
    shown = {str(error) for error in errors}  # --strict: the warnings are the errors
    warnings = [
        w for w in dict.fromkeys(exc.warned) if isinstance(w, ColumnNotRead) and str(w) not in shown
    ]

    def where(problem: CommitteePackError) -> str:
        return str(problem) if project is None else in_project(project, problem)

    return [*(f"Warning: {where(w)}" for w in warnings), *(f"Error: {where(e)}" for e in errors)]


def projects_option(func):
    """``--project`` (repeatable) and ``--projects FOLDER``: the projects a command works on."""
    func = click.option(
        "--projects",
        "projects_folder",
        type=click.Path(file_okay=False, exists=True, path_type=Path),
        help="A folder of projects: every folder in it holding committeepack.toml.",
    )(func)
    return click.option(
        "--project",
        "-p",
        "project",
        type=click.Path(file_okay=False, path_type=Path),
        multiple=True,
        help="The project folder (default: this one); give it again for more projects.",
    )(func)


def named_projects(given: tuple[Path, ...], folder: Path | None) -> list[Path]:
    """The projects named by ``--project`` and ``--projects``, in order (this folder when
    none is named)."""
    found = list(given)
    if folder is not None:
        found += sorted(p for p in folder.iterdir() if (p / "committeepack.toml").is_file())
        if not found:
            raise CommitteePackError(
                "holds no project (no folder in it has committeepack.toml)", str(folder)
            )
    return list(dict.fromkeys(found)) or [Path(".")]


def each_project(ctx: click.Context, projects: list[Path], job) -> None:
    """Run ``job(project)`` for each project in this one process. One project: its errors
    end the command as usual. Several: a failure is reported with its project and the others
    still run; a closing line counts them, and the exit status is 1 if any failed."""
    if len(projects) == 1:
        job(projects[0])
        return
    failed = []
    for project in projects:
        if not ctx.obj["quiet"]:
            click.echo(f"{project}:")
        try:
            job(project)
        except CommitteePackError as exc:
            failed.append(project)
            for line in problem_lines(exc, project):
                click.echo(line, err=True)
        except SystemExit as exc:  # --strict problems in one project
            if exc.code:
                failed.append(project)
    if not ctx.obj["quiet"] or failed:
        click.echo(
            f"{len(projects) - len(failed)} of {len(projects)} project(s) done"
            + (f"; failed: {', '.join(map(str, failed))}" if failed else ""),
            err=bool(failed),
        )
    if failed:
        sys.exit(1)


def report_each(ctx: click.Context, outcomes: dict, report) -> None:
    """Report each project's outcome of a run of several (a result, or the error that stopped
    it) as :func:`each_project` does."""
    clear_progress(ctx.obj["quiet"])

    def reported(project: Path) -> None:
        outcome = outcomes[project]
        if isinstance(outcome, CommitteePackError):
            raise outcome
        report(outcome)

    each_project(ctx, list(outcomes), reported)


def in_project(project: Path, error: CommitteePackError) -> str:
    """The error with its file named from where the command runs (``county/b/inputs/...``)."""
    if error.path is None:
        return f"{project}: {error.message}"
    where = (project / error.path).as_posix()
    return f"{where}:{error.line}: {error.message}" if error.line else f"{where}: {error.message}"


def project_option(func):
    return click.option(
        "--project",
        "-p",
        "project",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("."),
        show_default=True,
        help="The project folder.",
    )(func)


def progress_lines(quiet: bool):
    """Progress lines on stderr: rewritten in place on a terminal, plain lines otherwise."""
    if quiet:
        return None
    if sys.stderr.isatty():
        return lambda text: click.echo(f"\r\x1b[K{text}...", err=True, nl=False)
    return lambda text: click.echo(text, err=True)


def clear_progress(quiet: bool) -> None:
    if not quiet and sys.stderr.isatty():
        click.echo("\r\x1b[K", err=True, nl=False)


def report_built(ctx: click.Context, result) -> None:
    """Print a build's warnings (to standard error), its summary and, with ``--verbose``,
    what it did paper by paper."""
    clear_progress(ctx.obj["quiet"])
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if not ctx.obj["quiet"]:
        click.echo(result.summary())
    if ctx.obj["verbose"]:
        click.echo(result.details())
    if result.changes and not ctx.obj["quiet"]:
        click.echo(f"{result.changes[0]}: {result.changes[1]} change(s) listed")


def report_published(ctx: click.Context, published, strict: bool) -> None:
    """Print a publish run's warnings and summaries; with ``strict``, a problem found in the
    PDFs ends the command with status 1."""
    clear_progress(ctx.obj["quiet"])
    result = published.build
    for warning in [*result.warnings, *published.problems]:
        click.echo(f"Warning: {warning}", err=True)
    if not ctx.obj["quiet"]:
        click.echo(result.summary())
        click.echo(published.summary())
    if strict and published.problems:
        raise SystemExit(1)
