"""District comparison tables: declared totals and division subtotals checked against their
parts, rows in their place, rates optional, ranks tied on the printed value."""

from fractions import Fraction
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from committeepack.errors import CommitteePackError
from committeepack.figures import compute, tables
from committeepack.figures.districts import build_districts
from committeepack.figures.load import Source, check_rows


def district_table(tmp_path, text: str, area: str = "Alpha", **options):
    """The table built from CSV ``text``, with its errors and warnings (as messages)."""
    path = tmp_path / "county.csv"
    path.write_text(text, encoding="utf-8")
    source = Source(path, "county.csv")
    header = text.splitlines()[0].split(",")
    periods = [h for h in header if h[:1].isdigit()]
    spec = tables.TableSpec(
        "county", "districts", source, "County", "", {}, {"periods": periods, **options}
    )
    errors: list[CommitteePackError] = []
    rows = check_rows(source, tables._columns(spec), {}, {}, errors)
    assert not errors, [str(e) for e in errors]
    warnings: list[CommitteePackError] = []
    config = SimpleNamespace(area=area, reader=lambda: SimpleNamespace(line_of=lambda path: None))
    built = build_districts(rows, spec, config, errors, warnings)
    return built, [str(e) for e in errors], [str(w) for w in warnings]


DIVISIONS = """district,division,population,2015,2016
Alpha,North,1000,10,12
Beta,North,2000,20,18
North,,,30,31
Gamma,South,1500,15,16
Delta,South,500,5,6
South,,,20,22
Force,,,50,52
"""


def test_declared_subtotals_and_force_total_are_checked_and_printed_in_place(tmp_path):
    built, errors, warnings = district_table(tmp_path, DIVISIONS, totals={"Force": "divisions"})
    assert errors == []
    assert warnings == [
        "county.csv:4: North (2016): 31 declared, districts sum to 30; the declared figure is "
        "printed",
        "county.csv:8: Force (2016): 52 declared, divisions sum to 53; the declared figure is "
        "printed",
    ]
    assert [r.name for r in built.layout] == [
        "Beta",
        "Alpha",
        "North",
        "Gamma",
        "Delta",
        "South",
        "Force",
    ]
    by_name = {r.name: r for r in built.layout}
    assert by_name["Force"].counts == [50, 52] and by_name["Force"].rank == ""
    assert by_name["North"].population == 3000  # its parts' population gives its rate
    assert by_name["North"].rates[-1] == Fraction(31, 3)
    assert sorted(r.name for r in built.rows) == ["Alpha", "Beta", "Delta", "Gamma"]
    assert {r.name: r.rank for r in built.rows} == {
        "Beta": "1",  # 9.0 per 1,000
        "Gamma": "2",  # 10.7
        "Alpha": "3=",  # 12.0
        "Delta": "3=",  # 12.0
    }


def test_subtotals_are_worked_out_and_named_by_their_division(tmp_path):
    text = "\n".join(
        line
        for line in DIVISIONS.splitlines()
        if not line.startswith(("North,", "South,", "Force"))
    )
    built, errors, warnings = district_table(tmp_path, text + "\n", total="Westshire")
    assert (errors, warnings) == ([], [])
    assert [r.name for r in built.layout if r.is_total] == ["North", "South", "Westshire"]
    assert built.county is not None and built.county.counts == [50, 52]


def test_a_total_named_in_the_table_is_declared_not_ranked(tmp_path):
    text = DIVISIONS.replace("Force,,,50,52", "Westshire,,,50,53")
    built, _, warnings = district_table(tmp_path, text, total="Westshire")
    assert (
        "county.csv:8: Westshire (2016): 53 declared, districts sum to 52; the declared "
        "figure is printed" in warnings
    )
    assert "Westshire" not in [r.name for r in built.rows]


KENT = """district,population,2014,2015
Alpha,1000,10,12
Beta,2000,20,18
Districts,,30,30
Medway,500,7,9
Kent,,37,39
"""


def test_a_total_of_named_rows_and_an_unranked_row(tmp_path):
    built, errors, warnings = district_table(
        tmp_path,
        KENT,
        totals={"Districts": "districts", "Kent": ["Districts", "Medway"]},
        unranked=["Medway"],
    )
    assert (errors, warnings) == ([], [])
    assert [r.name for r in built.layout] == ["Beta", "Alpha", "Districts", "Medway", "Kent"]
    assert [r.rank for r in built.layout] == ["1", "2", "", "", ""]
    assert built.layout[-1].population == 3500


def test_a_total_naming_a_missing_row_is_an_error(tmp_path):
    _, errors, _ = district_table(
        tmp_path, KENT, totals={"Districts": "districts", "Kent": ["Districts", "Medway Towns"]}
    )
    assert errors == [
        "committeepack.toml: tables.county.totals.Kent: no row named 'Medway Towns' in "
        "county.csv; use a name from its district column"
    ]


INCIDENTS = """district,2015,2016
Alpha,100,110
Beta,200,230
Gamma,50,51
"""


def test_incidents_without_population_are_ranked_by_change_with_a_note_from_the_data(tmp_path):
    built, errors, _ = district_table(tmp_path, INCIDENTS, noun="incidents")
    assert errors == [] and not built.has_rates and built.rank_by == "change"
    assert built.rank_note == "1 = smallest rise"
    assert [(r.name, r.rank, r.difference, r.change) for r in built.layout[:3]] == [
        ("Gamma", "1", "+1", "+2.0%"),
        ("Alpha", "2", "+10", "+10.0%"),
        ("Beta", "3", "+30", "+15.0%"),
    ]
    fell, _, _ = district_table(tmp_path, INCIDENTS.replace("Gamma,50,51", "Gamma,50,40"))
    assert fell.rank_note == "1 = largest fall"


def test_ranking_by_rate_without_population_is_an_error(tmp_path):
    _, errors, _ = district_table(tmp_path, INCIDENTS, rank_by="rate")
    assert errors == [
        "committeepack.toml: tables.county.rank_by: the table has no population (or rate) "
        'column, so it cannot be ranked by rate; give populations, or set rank_by = "change"'
    ]


def test_some_populations_missing_is_an_error_naming_the_row(tmp_path):
    with pytest.raises(AssertionError):
        district_table(tmp_path, "district,population,2016\nAlpha,10,1\nBeta,x,2\n")
    _, errors, _ = district_table(tmp_path, "district,population,2016\nAlpha,1000,1\nBeta,,2\n")
    assert errors == [
        "county.csv:3: column 'population': empty for Beta but given for other districts; "
        "give every district's population, or none (no rates)"
    ]


def test_a_population_of_0_is_an_error_naming_the_row(tmp_path):
    built, errors, _ = district_table(
        tmp_path, "district,population,2016\nAlpha,1000,1\nBeta,0,2\nGamma,5,0\n"
    )
    assert built is None
    assert errors == [
        "county.csv:3: column 'population': 0 for Beta; give its number of residents, or leave "
        "every district's population empty (no rates)"
    ]


@pytest.mark.parametrize(("population", "warned"), [(1000, False), (999, True)])
def test_more_crimes_than_residents_is_warned_of(tmp_path, population, warned):
    _, errors, warnings = district_table(
        tmp_path, f"district,population,2015,2016\nAlpha,1000,5,1\nBeta,{population},1000,2\n"
    )
    assert errors == []
    assert warnings == (
        [
            f"county.csv:3: column 'population': Beta recorded 1,000 crimes in 2015, more than "
            f"its {population:,} residents; check the population (is it written in thousands?)"
        ]
        if warned
        else []
    )


def test_published_rates_tie_on_what_is_printed(tmp_path):
    text = "district,rate,2016\nAlpha,57.6,1\nBeta,58.3,1\nGamma,41,1\nDelta,58.6,1\n"
    whole, errors, _ = district_table(tmp_path, text, rate_places=0)
    assert errors == []
    assert [(r.name, r.rank) for r in whole.layout if r.role == "district"] == [
        ("Gamma", "1"),
        ("Alpha", "2="),  # 57.6 and 58.3 both print 58
        ("Beta", "2="),
        ("Delta", "4"),  # 58.6 prints 59
    ]
    tenths, _, _ = district_table(tmp_path, text)
    assert [r.rank for r in tenths.rows] == ["2", "3", "1", "4"]


@given(
    st.lists(st.integers(0, 2000), min_size=2, max_size=15),
    st.integers(0, 2),
)
def test_tied_ranks_at_any_precision(tmp_path_factory, tenths, places):
    """Equal printed rates share a rank; a rank is 1 + the number of districts printed
    lower; rows are listed by rank, then by unrounded value."""
    rates = [Fraction(t, 10) for t in tenths]
    text = "district,rate,2016\n" + "".join(
        f"D{i},{r.numerator / r.denominator},1\n" for i, r in enumerate(rates)
    )
    built, errors, _ = district_table(
        tmp_path_factory.mktemp("t"), text, area="D0", rate_places=places
    )
    assert errors == []
    printed = {f"D{i}": compute.round_half_up(r, places) for i, r in enumerate(rates)}
    for row in built.rows:
        lower = sum(1 for value in printed.values() if value < printed[row.name])
        shared = sum(1 for value in printed.values() if value == printed[row.name]) > 1
        assert row.rank == f"{lower + 1}{'=' if shared else ''}"
    keys = [(int(r.rank.rstrip("=")), r.rank_value) for r in built.layout if r.role == "district"]
    assert keys == sorted(keys)
