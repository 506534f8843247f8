"""Months as spreadsheets and publishers write them, read as YYYY-MM."""

from __future__ import annotations

import re

MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")  # YYYY-MM, a real month: used with fullmatch
# as Excel writes a date cell into a CSV: "Apr-24", "Apr 2024", "April 2024", "Ebrill 2024"
NAMED_MONTH = re.compile(r"^([A-Za-z]{3,10})\.?[ \-/]?(\d{2}|\d{4})$")
# as the ONS writes a month in its time series: "2024 APR"
YEAR_FIRST_MONTH = re.compile(r"^(\d{4})[ \-/]?([A-Za-z]{3,10})\.?$")
# midnight after a date, as pandas, databases and Excel write a date that has no time of day:
# "2024-04-01 00:00:00", "2024-04-01T00:00", "01/04/2024 00:00"
MIDNIGHT = r"(?:[ T]00:00(?::00(?:\.0+)?)?)?"
FIRST_OF_MONTH = re.compile(rf"^(\d{{4}})-(\d{{2}})-01{MIDNIGHT}$")
# the first of a month as a British spreadsheet writes it, day first: 01/04/2024 (a date read
# month first, 04/01/2024, is the first of a month only in January: that reading is refused)
DAY_FIRST_OF_MONTH = re.compile(rf"^0?1([/.-])(\d{{1,2}})\1(\d{{4}}){MIDNIGHT}$")
# a month and its year, as Excel's "mm/yyyy" format writes it: 04/2024 (the year in full, so
# that it cannot be a day and a month; a financial year such as 2011/12 is year first)
MONTH_OF_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
# in Welsh, as a Welsh council's tables and Excel set to Welsh write them: each month's name
# and its abbreviation (Excel's "mmm")
WELSH_MONTHS = [
    ("ionawr", "ion"),
    ("chwefror", "chwef"),
    ("mawrth", "maw"),
    ("ebrill", "ebr"),
    ("mai", "mai"),
    ("mehefin", "meh"),
    ("gorffennaf", "gorff"),
    ("awst", "awst"),
    ("medi", "medi"),
    ("hydref", "hyd"),
    ("tachwedd", "tach"),
    ("rhagfyr", "rhag"),
]
# each month by its name or its abbreviation, as periods and spreadsheets write them
MONTH_NUMBERS = {
    **{name: number for number, name in enumerate(MONTH_NAMES, 1)},
    **{name[:3]: number for number, name in enumerate(MONTH_NAMES, 1)},
    "sept": 9,
    **{name: number for number, names in enumerate(WELSH_MONTHS, 1) for name in names},
}


def month(text: str) -> str:
    """A month as YYYY-MM from the ways a spreadsheet or a publisher writes one ("Apr-24",
    "April 2024", "2024-04-01", "01/04/2024", "04/2024", "2024 APR"); any other text is returned
    stripped, for the caller to refuse. A two-digit year is of this century; a date other than
    the first of a month, or with a time of day other than midnight, is not a month."""
    text = text.strip()
    first = FIRST_OF_MONTH.match(text)
    if first:
        return f"{first.group(1)}-{first.group(2)}"
    first = DAY_FIRST_OF_MONTH.match(text)
    if first and 1 <= int(first.group(2)) <= 12:
        return f"{first.group(3)}-{int(first.group(2)):02d}"
    first = MONTH_OF_YEAR.match(text)
    if first and 1 <= int(first.group(1)) <= 12:
        return f"{first.group(2)}-{int(first.group(1)):02d}"
    named = NAMED_MONTH.match(text)
    if named:
        number, year = MONTH_NUMBERS.get(named.group(1).casefold()), named.group(2)
        if number is not None:
            return f"{2000 + int(year) if len(year) == 2 else year}-{number:02d}"
    first = YEAR_FIRST_MONTH.match(text)
    if first:
        number = MONTH_NUMBERS.get(first.group(2).casefold())
        if number is not None:
            return f"{first.group(1)}-{number:02d}"
    return text
