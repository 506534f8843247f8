"""A new project's narrative names its own places: the example's use the configuration's
names, and a place of the example left in narrative or configuration is a warning."""

from pathlib import Path

from committeepack.example_places import EXAMPLE_PLACES

from conftest import REPO, edit, run


def test_the_list_is_the_examples_places():
    from committeepack.config import load_config
    from committeepack.figures.built import CountTable
    from committeepack.figures.district_rows import DistrictTable
    from committeepack.figures.tables import load_figures

    config = load_config(REPO)
    figures = load_figures(config)
    places = {config.area}
    for _, districts in figures.of_kind("districts", DistrictTable):
        places.update(row.name for row in districts.layout if row.role != "division")
    for _, wards in figures.of_kind("wards", CountTable):
        places.update(f.name for f in wards.table)
    assert places == set(EXAMPLE_PLACES)


def test_the_examples_narrative_names_places_through_the_configuration():
    for path in (REPO / "inputs").glob("*.md"):
        assert "Brackenford" not in path.read_text(encoding="utf-8"), path


def test_a_place_of_the_example_is_named_where_it_is_used(figures):
    edit(
        figures / "inputs/strategic-assessment.md",
        "Police figures.",
        "Police figures, mostly from the Market Square ward of Brackenford.",
    )
    with (figures / "committeepack.toml").open("a", encoding="utf-8") as handle:
        handle.write(
            '\n[people.leader]\nname = "Cllr A"\ntitle = "Leader of Brackenford Council"\n'
        )
    result = run(figures, "build")
    assert result.exit_code == 0
    lines = [line for line in result.output.splitlines() if "committeepack's example" in line]
    config_line = len((figures / "committeepack.toml").read_text().splitlines())
    assert lines == [
        f"Warning: committeepack.toml:{config_line}: people.leader.title: 'Brackenford' is a place "
        "of committeepack's example, not of this project (Testshire)",
        "Warning: inputs/strategic-assessment.md:15: 'Market Square' is a place of "
        "committeepack's example, not of this project (Testshire); write {{ area }} or the "
        "place you mean",
        "Warning: inputs/strategic-assessment.md:15: 'Brackenford' is a place of "
        "committeepack's example, not of this project (Testshire); write {{ area }} or the "
        "place you mean",
    ]


def test_renaming_the_council_renames_the_narrative(tmp_path: Path):
    from click.testing import CliRunner

    from committeepack.cli import cli

    project = tmp_path / "eastmarsh"
    assert CliRunner().invoke(cli, ["new", str(project)]).exit_code == 0
    config = project / "committeepack.toml"
    text = config.read_text(encoding="utf-8").replace('area = "Brackenford"', 'area = "Eastmarsh"')
    config.write_text(text, encoding="utf-8")
    result = run(project, "build", "agenda-item")
    assert result.exit_code == 0
    import docx

    paper = docx.Document(str(project / "out/agenda-item.docx"))
    text = "\n".join(p.text for p in paper.paragraphs)
    assert "In Eastmarsh that duty" in text


def test_a_rebuild_reading_some_tables_does_not_call_the_examples_county_foreign(
    tmp_path: Path,
):
    # a one-word edit rebuilds one paper, which reads only its tables: the county named by
    # the districts table it did not read was warned of as a place of another project
    from conftest import copy_project

    project = copy_project(REPO, tmp_path / "example")
    first = run(project, "build", "--no-page-numbers")
    assert first.exit_code == 0 and "Warning" not in first.output
    edit(project / "inputs/agenda-item.md", "Each year the", "Every year the")
    again = run(project, "build", "--no-page-numbers")
    assert again.exit_code == 0
    assert "agenda-item.docx: rewritten" in again.output
    assert "Warning" not in again.output
    edit(project / "inputs/agenda-item.md", "Every year the", "Every year Wickham Downs and the")
    full = run(project, "build", "--no-page-numbers", "--clean")
    assert "'Wickham Downs' is a place of committeepack's example" not in full.output  # its own
