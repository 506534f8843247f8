"""A real published strategic assessment's tables (Maidstone CSP 2016-17, entered under
fixtures/published): committeepack reproduces every difference, % change and rank it prints
from its own counts and rates, and flags every figure the document gives two values for."""

import csv
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace

import pytest

from committeepack.figures import compute, tables
from committeepack.figures.built import CrimeTree
from committeepack.figures.district_rows import DistrictTable
from committeepack.figures.load import Source, check_rows

FOLDER = Path(__file__).parent / "fixtures" / "published"
PERIODS = {
    "previous": "October 2013 to September 2014",
    "current": "October 2014 to September 2015",
}
DECLARED = {
    "all_crime": {"totals": {"KCC Total": "districts", "Kent": ["KCC Total", "Medway"]}},
    "violent": {"totals": {"KCC Total": "districts", "Kent": ["KCC Total", "Medway"]}},
    "asb": {"totals": {"KCC Districts": "districts", "Kent": ["KCC Districts", "Medway"]}},
}


def published(name: str) -> list[dict]:
    with (FOLDER / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def figures():
    config = SimpleNamespace(
        area="Maidstone",
        raw={"periods": PERIODS},
        reader=lambda: SimpleNamespace(line_of=lambda path: None),
    )
    specs, rows = {}, {}
    for name, kind, file, options in [
        ("crime", "crime_by_type", "crime-by-type.csv", {}),
        ("all_crime", "districts", "all-crime.csv", {"measure": "All crime"}),
        ("violent", "districts", "violent-crime.csv", {"measure": "Violent Crime"}),
        ("asb", "districts", "asb.csv", {"measure": "ASB", "noun": "incidents"}),
    ]:
        source = Source(FOLDER / file, file)
        if kind == "districts":
            header = next(csv.reader((FOLDER / file).open(encoding="utf-8")))
            options = {
                **options,
                **DECLARED[name],
                "unranked": ["Medway"],
                "periods": [h for h in header if " - " in h],
            }
        specs[name] = tables.TableSpec(name, kind, source, name, "", {}, options)
        errors: list = []
        rows[name] = check_rows(source, tables._columns(specs[name]), {}, {}, errors)
        assert not errors
    return tables.build_figures(config, specs, rows)


def as_printed(ours: Fraction, text: str) -> bool:
    """``ours`` to one decimal place, as the document works its percentages out (it then
    shows them as ``12.70%``, ``30%`` or ``5.8``)."""
    return compute.round_half_up(ours, 1) == Fraction(Decimal(text.rstrip("%")))


def test_every_difference_and_change_of_the_crime_table(figures):
    [(_, crime)] = figures.of_kind("crime_by_type", CrimeTree)
    for row in published("crime-by-type.csv"):
        figure = crime.table[row["category"]]
        difference = figure.current - figure.previous
        assert (
            str(difference) == row["published difference"].replace("-", "0")
            or str(difference) == row["published difference"]
        ), row
        change = compute.percent_change(figure.previous, figure.current)
        if row["published change"] == "-":
            assert change == 0
        else:
            assert as_printed(change, row["published change"]), row


def districts(figures, name: str) -> DistrictTable:
    return next(
        built for spec, built in figures.of_kind("districts", DistrictTable) if spec.name == name
    )


@pytest.mark.parametrize(
    ("name", "file", "disagree"),
    [
        # the document ranks by rates it prints: three ranks do not follow them
        ("all_crime", "all-crime.csv", {"Canterbury": "7", "Dover": "8", "Shepway": "5"}),
        ("violent", "violent-crime.csv", {}),
        ("asb", "asb.csv", {"Canterbury": "8", "Shepway": "7"}),
    ],
)
def test_every_rank_and_change_of_the_county_tables(figures, name, file, disagree):
    built = districts(figures, name)
    ours = {row.name: row for row in built.layout}
    for row in published(file):
        district = ours[row["district"]]
        if row["published rank"]:
            expected = disagree.get(row["district"], row["published rank"])
            assert district.rank == expected, row
            assert (district.rank != row["published rank"]) == (row["district"] in disagree)
        else:
            assert district.rank == "" and district.role in ("total", "other")
        if row.get("published change"):
            change = compute.percent_change(district.counts[-2], district.counts[-1])
            assert as_printed(change, row["published change"]), row


def test_the_figures_it_gives_two_values_for_are_flagged(figures):
    assert sorted(str(w) for w in figures.warnings) == [
        # Maidstone's violent crime: 2,945 in the crime-by-type table, 2,943 in the county's
        "crime-by-type.csv:3: Violent Crime for Maidstone (October 2014 to September 2015) is "
        "2,945 here but 2,943 in violent-crime.csv (line 7); correct one of them",
        # the violent crime table's county total is not the sum of its districts
        "violent-crime.csv:14: KCC Total (Oct 2014 - Sep 2015): 28,026 declared, districts sum "
        "to 28,019; the declared figure is printed",
    ]


def test_the_other_totals_agree_with_their_parts(figures):
    asb = districts(figures, "asb")
    kent = next(r for r in asb.layout if r.name == "Kent")
    assert kent.counts == [54256, 49784, 47257] and kent.role == "total"
    assert districts(figures, "all_crime").county.counts == [89643]


@pytest.mark.parametrize(
    "file", ["crime-by-type.csv", "violent-crime.csv", "asb.csv"], ids=lambda f: f[:-4]
)
def test_the_documents_own_change_columns_agree_with_their_counts(file, tmp_path):
    """Read with its "published change" column as a table's own % change (written 12.70%,
    30% or 5.8, each rounded to a place), no row is warned about; a count typed wrong is."""
    from committeepack.figures.published_change import published_changes

    kind = "crime_by_type" if file.startswith("crime") else "districts"
    header = next(csv.reader((FOLDER / file).open(encoding="utf-8")))
    options = {"periods": [h for h in header if " - " in h]}

    def warnings(path: Path) -> list[str]:
        spec = tables.TableSpec("t", kind, Source(path, file), "t", "", {}, options)
        columns = tables._columns(spec)
        errors: list = []
        renames = {"published_change": "published change"}
        rows = check_rows(spec.source, columns, renames, {}, errors)
        assert not errors
        return [str(w) for w in published_changes(rows, columns)]

    assert warnings(FOLDER / file) == []
    lines = (FOLDER / file).read_text(encoding="utf-8").splitlines()
    cells = lines[3].split(",")
    count = 3 if kind == "crime_by_type" else len(options["periods"]) + 1
    cells[count] = str(int(cells[count]) + 100)  # the current count typed wrong
    (tmp_path / file).write_text("\n".join([*lines[:3], ",".join(cells), *lines[4:]]) + "\n")
    [warning] = warnings(tmp_path / file)
    assert warning.startswith(f"{file}:4: the published % change for {cells[0]}, ")
