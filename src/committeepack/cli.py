"""The ``committeepack`` command: parses options and calls the library.

Heavy libraries (docxtpl, openpyxl, matplotlib) are imported inside the commands, so that
``committeepack --help`` answers at once.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import click

from . import __version__
from .cli_support import (
    named_projects,
    progress_lines,
    project_option,
    projects_option,
    report_built,
    report_each,
    report_errors,
    report_published,
)
from .errors import CommitteePackError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="committeepack")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also show how long each stage took and how many charts were drawn.",
)
@click.pass_context
def cli(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """Turn a Community Safety Partnership's figures and narrative into Word committee papers.

    Run the commands in a project folder (one with committeepack.toml), or pass --project.
    """
    ctx.obj = {"quiet": quiet, "verbose": verbose and not quiet}


@cli.command()
@click.argument("papers", nargs=-1, metavar="[PAPER]...")
@projects_option
@click.option(
    "--force",
    is_flag=True,
    help="Replace papers edited by hand since they were generated (a copy is kept).",
)
@click.option(
    "--strict", is_flag=True, help="Treat warnings (figures that do not add up) as errors."
)
@click.option("--clean", is_flag=True, help="Rebuild everything and redraw every chart.")
@click.option(
    "--page-numbers/--no-page-numbers",
    default=None,
    help="Lay the papers out with LibreOffice, to number their contents pages and check that "
    "the data on a page prints on one page (the default when it is installed).",
)
@click.option("--watch", is_flag=True, help="Rebuild whenever an input is saved (Ctrl+C stops).")
@click.option(
    "--changes",
    "with_changes",
    is_flag=True,
    help="Then write out/changes.docx: what this build changed, as tracked changes.",
)
@click.pass_context
@report_errors
def build(
    ctx: click.Context,
    papers: tuple[str, ...],
    project: tuple[Path, ...],
    projects_folder: Path | None,
    force: bool,
    strict: bool,
    clean: bool,
    page_numbers: bool | None,
    watch: bool,
    with_changes: bool,
) -> None:
    """Build the papers into the output folder (out/).

    With no PAPER, builds every paper of the project; otherwise just those named (for example
    agenda-item). Papers whose inputs have not changed are not rebuilt. A paper changed by hand
    since it was generated is never replaced without --force. Several projects (--project A
    --project B, or --projects FOLDER) are built together in this one process, sharing the
    drawing processes, the charts drawn and one LibreOffice run for the contents.
    """
    from .build import BuildOptions
    from .build import build as run_build

    projects = named_projects(project, projects_folder)
    if watch and len(projects) > 1:
        raise CommitteePackError("--watch follows one project; give a single --project")
    options = BuildOptions(list(papers) or None, force, strict, clean, page_numbers, with_changes)

    def once(clean_first: bool, project: Path = projects[0]) -> None:
        report_built(
            ctx,
            run_build(
                project,
                options.papers,
                force=force,
                strict=strict,
                clean=clean_first,
                progress=progress_lines(ctx.obj["quiet"]),
                page_numbers=page_numbers,
                changes=with_changes,
            ),
        )

    if len(projects) == 1:
        once(clean)
    else:  # built together (shared processes, one LibreOffice run), then reported in turn
        from .build_many import build_many

        outcomes = build_many(projects, options, progress_lines(ctx.obj["quiet"]))
        report_each(ctx, outcomes, lambda result: report_built(ctx, result))
    if watch:
        from .watch import watch_and_rebuild

        watch_and_rebuild(
            projects[0],
            lambda: report_errors(once)(False),
            say=None if ctx.obj["quiet"] else click.echo,
        )


@cli.command()
@click.argument("papers", nargs=-1)
@projects_option
@click.option("--force", is_flag=True, help="Replace papers edited by hand (a copy is kept).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_context
@report_errors
def publish(
    ctx: click.Context,
    papers: tuple[str, ...],
    project: tuple[Path, ...],
    projects_folder: Path | None,
    force: bool,
    strict: bool,
) -> None:
    """Build what is out of date, then make the agenda pack and every paper as PDF.

    Writes out/pdf/PAPER.pdf for each paper, the minutes (out/minutes.docx) from
    inputs/minutes.md, the front sheet out/agenda.docx with each item's pages, and the pack
    out/agenda-pack.pdf: the front sheet, the minutes, then each report with its appendices,
    numbered continuously, with a bookmark for each. Exempt items go only into
    out/agenda-pack-restricted.pdf. The PDFs are tagged, carry their title and language, and
    are checked; only what changed is converted again. Needs LibreOffice.
    """
    from .build import BuildOptions
    from .publishing import publish as run_publish
    from .publishing import publish_many

    projects = named_projects(project, projects_folder)

    def report(published) -> None:
        report_published(ctx, published, strict)

    if len(projects) == 1:
        report(
            run_publish(
                projects[0],
                list(papers) or None,
                force=force,
                strict=strict,
                progress=progress_lines(ctx.obj["quiet"]),
            )
        )
        return
    # built together, every project's papers converted in one LibreOffice run, then reported
    options = BuildOptions(list(papers) or None, force, strict)
    report_each(ctx, publish_many(projects, options, progress_lines(ctx.obj["quiet"])), report)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--excel",
    is_flag=True,
    help="Keep the figures in one Excel workbook (a sheet per table) instead of CSV files.",
)
@click.pass_context
@report_errors
def new(ctx: click.Context, path: Path, excel: bool) -> None:
    """Start a project for another council at PATH.

    Copies in a configuration, example inputs and the default templates, ready to edit.
    """
    from .scaffold import figures_to_workbook, new_project

    created = new_project(path)
    if excel:
        figures_to_workbook(path)
        created = sorted(p for p in path.rglob("*") if p.is_file())
    if not ctx.obj["quiet"]:
        click.echo(f"Started a project in {path} ({len(created)} files).")
        click.echo(
            f"Next: edit {path}/committeepack.toml and {path}/inputs/, then run "
            f"'committeepack build' in {path}."
        )


@cli.command()
@project_option
@click.option("--overwrite", is_flag=True, help="Replace templates that already exist.")
@click.pass_context
@report_errors
def templates(ctx: click.Context, project: Path, overwrite: bool) -> None:
    """Write the default Word templates into the project's templates/ folder.

    They carry the branding of committeepack.toml; restyle them in Word afterwards.
    Existing templates are kept unless --overwrite is given.
    """
    from .scaffold import write_templates

    for name, status in write_templates(project, overwrite):
        if not ctx.obj["quiet"]:
            click.echo(f"  templates/{name}: {status}")


@cli.command()
@click.argument("papers", nargs=-1, metavar="[PAPER]...")
@project_option
@click.pass_context
@report_errors
def changes(ctx: click.Context, papers: tuple[str, ...], project: Path) -> None:
    """Write out/changes.docx: what the last rebuild of each paper changed.

    Paragraphs and table cells whose text differs from the version the rebuild replaced, with
    removed words as tracked deletions and new words as tracked insertions.
    """
    from .changes import changes_document

    path, count = changes_document(project, list(papers) or None)
    if not ctx.obj["quiet"]:
        click.echo(f"{path}: {count} change(s) listed")


@cli.command(name="papers")
def list_papers() -> None:
    """List the papers committeepack can build."""
    from .papers import PAPERS

    for name, paper in PAPERS.items():
        click.echo(f"{name:24} {paper.description}")


def _stop(signum, frame) -> None:
    sys.exit(128 + signum)


def main() -> None:
    """Entry point of the ``committeepack`` script."""
    # a terminated build unwinds like an interrupted one: temporary files are removed and the
    # chart-drawing processes stopped, rather than left waiting for work that never comes
    signal.signal(signal.SIGTERM, _stop)
    try:
        cli(prog_name="committeepack")
        code = 0
    except SystemExit as exc:
        code = _exit_code(exc.code)
    # every file is written and closed by now; the interpreter's own teardown (freeing
    # matplotlib's and lxml's objects one by one) would only add a fifth of a second.
    # The drawing processes have been stopped; the fork server, told to stop, exits by itself.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
