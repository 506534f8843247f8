"""The same fact in two tables: compared for every period and area, with periods matched by
the months they cover and areas through aliases."""

import pytest

from committeepack.figures.crosscheck import Fact, disagreements, period_key

from conftest import edit, run


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Oct 2024 - Sep 2025", "2024-10..2025-09"),
        ("October 2014 to September 2015", "2014-10..2015-09"),
        ("Oct 2014-Sept 2015", "2014-10..2015-09"),
        ("Jul 14 – Jun 15", "2014-07..2015-06"),
        ("Hyd 2024 i Medi 2025", "2024-10..2025-09"),  # in Welsh: "i" is "to"
        ("Ebrill 2023 - Mawrth 2024", "2023-04..2024-03"),
        ("Hyd 2024 y Medi 2025", "hyd 2024 y medi 2025"),  # not a range: as written
        ("2024/25", "2024-04..2025-03"),
        ("2024-2025", "2024-04..2025-03"),
        ("2025", "2025"),
        ("  Year  Two ", "year two"),
        ("Smarch 2024 - Sep 2025", "smarch 2024 - sep 2025"),
        ("2024/26", "2024/26"),  # not one financial year
        # a rolling year named by its last month, as the ONS and police dashboards head it
        ("Year ending Sep 2025", "2024-10..2025-09"),
        ("year ending March 2024", "2023-04..2024-03"),
        ("Year ending Dec 2024", "2024-01..2024-12"),  # the year's last month: one calendar year
        ("Year ending Jan 2025", "2024-02..2025-01"),  # its first: across two
        ("12 months to Sep 25", "2024-10..2025-09"),
        ("Twelve months ended Sept 2025", "2024-10..2025-09"),
        ("Rolling year to Sep-25", "2024-10..2025-09"),
        ("YE Mar 24", "2023-04..2024-03"),
        ("Year ending Smarch 2024", "year ending smarch 2024"),  # not a month: as written
        ("6 months to Sep 2025", "6 months to sep 2025"),  # not a year: as written
        ("Year ending", "year ending"),
    ],
)
def test_period_keys(label, key):
    assert period_key(label) == key


def fact(area, value, period="Oct 2024 - Sep 2025", where="a.csv", measure="All crime"):
    return Fact(area, measure, period, value, where, 3)


def test_areas_match_case_insensitively_and_through_aliases():
    facts = [
        fact("Maidstone", 9178),
        fact("MAIDSTONE BOROUGH", 9177, "October 2024 to September 2025", "b.csv"),
    ]
    assert disagreements(facts, {}) == []
    [problem] = disagreements(facts, {"Maidstone Borough": "Maidstone"})
    assert str(problem) == (
        "a.csv:3: All crime for Maidstone (Oct 2024 - Sep 2025) is 9,178 here but 9,177 in "
        "b.csv (line 3); correct one of them"
    )


def test_every_period_and_area_is_compared_but_not_within_one_table():
    facts = [
        fact("A", 1, "2024"),
        fact("A", 2, "2025"),
        fact("B", 5, "2024"),
        fact("A", 1, "2024", "b.csv"),
        fact("A", 3, "2025", "b.csv"),
        fact("B", 6, "2024", "b.csv"),
        fact("B", 7, "2024", "a.csv"),  # a table repeating itself is its own check's business
    ]
    assert [p.message.split(" is ")[0] for p in disagreements(facts, {})] == [
        "All crime for A (2025)",
        "All crime for B (2024)",
    ]


def test_a_monthly_series_is_compared_with_the_annual_figure(figures):
    path = figures / "committeepack.toml"
    edit(path, 'measure = "ASB incidents"\n', 'measure = "All crime"\narea = "Testshire"\n')
    months = (figures / "inputs/monthly.csv").read_text().splitlines()[1:]
    total = sum(int(line.split(",")[1]) for line in months[:12])
    edit(path, 'periods = ["2024", "2025"]', 'periods = ["Jan 2024 - Dec 2024", "2025"]')
    csv = figures / "inputs/districts.csv"
    csv.write_text(csv.read_text().replace(",2024,", ",Jan 2024 - Dec 2024,", 1))
    result = run(figures, "build")
    assert (
        f"All crime for Testshire (Jan 2024 - Dec 2024) is 1,000 here but {total:,} in "
        "inputs/monthly.csv; correct one of them"
    ) in result.output


@pytest.mark.parametrize(("market_square", "over"), [(4669, False), (4670, True)])
def test_wards_adding_up_to_more_than_all_crime_are_warned_of(example, market_square, over):
    # the example's wards add up to 6,271 of its 9,178 crimes; Market Square has 1,762
    wards = example / "inputs/figures/wards.csv"
    edit(wards, "Market Square,1804,1762", f"Market Square,1804,{market_square}")
    result = run(example, "build", "--no-page-numbers")
    assert result.exit_code == 0
    warning = (
        "Warning: inputs/figures/wards.csv: the wards add up to 9,179 crimes in Oct 2024 - Sep "
        "2025, more than the 9,178 of All crime in inputs/figures/crime-by-type.csv (line 2); "
        "check that both tables are for the same area and period"
    )
    assert (warning in result.output) is over
    assert ("Warning: inputs/figures/wards.csv" in result.output) is over
    import docx

    text = [p.text for p in docx.Document(example / "out/strategic-assessment.docx").paragraphs]
    said = (
        "The wards' figures add up to 9,179, more than the 9,178 crimes recorded in Oct 2024 - "
        "Sep 2025 in all."
    )
    assert (said in text) is over
    assert any(t.startswith("The wards' figures add up to") for t in text) is over
