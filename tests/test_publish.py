"""Publishing: each paper as an accessible PDF, converted again only when it changed."""

import shutil

import pytest

from committeepack import pdf_check, publish

from conftest import REPO, copy_project, edit, run

pytestmark = pytest.mark.e2e


def test_publish_makes_accessible_pdfs_and_converts_only_what_changed(tmp_path):
    project = copy_project(REPO, tmp_path / "pack")
    first = run(project, "publish")
    assert first.exit_code == 0, first.output
    pdfs = sorted(p.name for p in (project / "out/pdf").glob("*.pdf"))
    assert pdfs == [
        "agenda-item.pdf",
        "community-safety-plan.pdf",
        "data-on-a-page.pdf",
        "strategic-assessment.pdf",
    ]
    for name in pdfs:
        assert pdf_check.problems(project / "out/pdf" / name) == [], name
    assert "Warning" not in first.output
    edit(project / "inputs/agenda-item.md", "Each year the", "Every year the")
    second = run(project, "publish")
    assert "  pdf/agenda-item.pdf: converted" in second.output
    assert "  pdf/strategic-assessment.pdf: unchanged" in second.output


def test_an_untagged_pdf_fails_the_check(tmp_path):
    import docx

    from committeepack.publish import convert, find_soffice

    paper = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("Text")
    document.save(str(paper))
    soffice = find_soffice()
    import subprocess

    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(paper)],
        check=True,
        capture_output=True,
    )
    found = pdf_check.problems(tmp_path / "plain.pdf")
    assert "not tagged (no structure tree); export it as tagged PDF" in found
    assert "no document title" in found
    convert(soffice, [paper], tmp_path / "tagged")
    assert "not tagged (no structure tree); export it as tagged PDF" not in pdf_check.problems(
        tmp_path / "tagged/plain.pdf"
    )


def test_without_libreoffice_publish_says_where_to_get_it(figures, monkeypatch):
    monkeypatch.setattr(publish.shutil, "which", lambda name: None)
    monkeypatch.setattr(publish, "STANDARD_PLACES", ())
    result = run(figures, "publish")
    assert result.exit_code == 1
    assert result.output.startswith("Error: publishing needs LibreOffice to make the PDFs")
    assert not (figures / "out").exists() or not any((figures / "out").glob("pdf/*.pdf"))
    assert shutil.which is not None


def test_a_failing_conversion_is_one_line(figures, monkeypatch):
    import subprocess

    def broken(*args, **kwargs):
        raise subprocess.TimeoutExpired(args[0], 900)

    monkeypatch.setattr(publish.subprocess, "run", broken)
    result = run(figures, "publish")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "Error: LibreOffice failed to make the PDFs (TimeoutExpired); close any LibreOffice "
        "window and publish again"
    )
