"""The pipeline's own decisions: which papers draw, the stages it reports, what it leaves."""

import multiprocessing

from committeepack import build as pipeline
from committeepack.papers import PAPERS


def test_the_papers_say_whether_they_draw_charts():
    drawing = {name for name, paper in PAPERS.items() if paper.draws_charts}
    assert drawing == {"strategic-assessment", "data-on-a-page"}


def test_a_build_reports_its_stages_in_order_and_leaves_no_process(figures):
    from committeepack.paper_layout import available

    result = pipeline.build(figures)  # the library's defaults, as a script would call it
    assert list(result.timings) == [
        "configuration",
        "read",
        "compute",
        "charts",
        "render",
        *(["page numbers"] if available() else []),
        "write",
    ]
    assert result.charts_drawn > 0
    assert multiprocessing.active_children() == []
    again = pipeline.build(figures, clean=True)
    assert again.charts_drawn == result.charts_drawn


def test_a_build_with_nothing_to_do_reads_nothing(figures):
    pipeline.build(figures)
    result = pipeline.build(figures)
    assert list(result.timings) == ["configuration", "write"]
    assert {w.status for w in result.written} == {"skipped"}


def test_libreoffice_is_found_where_publish_finds_it(tmp_path, monkeypatch):
    from committeepack import libreoffice, paper_layout

    installed = tmp_path / "LibreOffice/program/soffice"
    installed.parent.mkdir(parents=True)
    installed.write_text("")
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    monkeypatch.setattr(libreoffice, "STANDARD_PLACES", (installed,))
    assert libreoffice.locate() == str(installed)
    assert libreoffice.locate(str(tmp_path / "elsewhere")) == str(installed)  # not there
    monkeypatch.setattr(libreoffice, "STANDARD_PLACES", ())
    assert libreoffice.locate() is None
    assert libreoffice.locate(str(installed)) == str(installed)  # [publish] soffice
    assert not paper_layout.available()  # the build says LibreOffice is missing


def test_libreoffice_runs_with_heap_headroom_unless_told_otherwise(tmp_path, monkeypatch):
    from committeepack import libreoffice

    monkeypatch.delenv("MALLOC_TOP_PAD_", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    env = libreoffice.environment()
    assert env["MALLOC_TOP_PAD_"] == str(256 * 1024 * 1024)
    assert env["HOME"] == str(tmp_path)  # the rest of the environment is passed on
    monkeypatch.setenv("MALLOC_TOP_PAD_", "0")
    assert libreoffice.environment()["MALLOC_TOP_PAD_"] == "0"  # the user's setting wins
