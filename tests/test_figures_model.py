"""Figures as narrative looks them up (figures/model.py): a name that looks the same is the
same row."""

import unicodedata

import pytest

from committeepack.figures.model import Figure, FigureError, FigureTable


def table() -> FigureTable:
    names = ["All crime", "T\u0177 Isaf", "Violence against the person"]
    return FigureTable("crime", {n: Figure(n, 1, 2, "crime", 2) for n in names})


@pytest.mark.parametrize(
    ("asked", "row"),
    [
        ("All crime", "All crime"),
        ("all CRIME", "All crime"),
        ("All\u00a0crime", "All crime"),  # a no-break space, as Word may type it
        ("All  crime", "All crime"),
        (" All crime\t", "All crime"),
        ("Violence against\nthe person", "Violence against the person"),
        (unicodedata.normalize("NFD", "T\u0177 Isaf"), "T\u0177 Isaf"),
    ],
)
def test_a_name_that_looks_the_same_is_the_same_row(asked, row):
    assert table()[asked].name == row


@pytest.mark.parametrize("asked", ["Allcrime", "All crimes", "All-crime", "Ty Isaf"])
def test_a_name_that_differs_is_not_taken_for_a_row(asked):
    with pytest.raises(FigureError, match=f"table 'crime' has no row '{asked}'"):
        table()[asked]
