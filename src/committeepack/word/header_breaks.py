"""Where a table's column heading may break onto a new line.

A heading naming a period as a range (``Offences Oct 2023 - Sep 2024``) wrapped word by word
in a narrow column leaves the dash alone on a line and can part a month from its year. Joined
by no-break spaces (U+00A0, what Word's Ctrl+Shift+Space types) the range breaks after its
dash, and a month stays with its year; a sign standing alone (``% change``) stays with its
word. Screen readers read a no-break space as a space.

Joined words can make a column's narrowest width larger, so each heading is joined only as
far as the table's width allows (:func:`fitted_headings`).
"""

from __future__ import annotations

import re

from .column_widths import least_widths

NO_BREAK = "\u00a0"

# a month (or a quarter) and its year: "Oct 2023", "September 2024", "Q1 2025", "Sep 23"
_MONTH_YEAR = re.compile(
    r"\b((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?|Q[1-4]) "
    r"(\d{4}|\d{2})\b"
)
# a dash standing alone between words: kept at the end of the line before the break
_DASH_ALONE = re.compile(r"(?<=\S) ([-\u2013\u2014])(?=\s|$)")
# a sign standing alone before a word ("% change", "£ spent"): kept with that word
_SIGN_ALONE = re.compile(r"(?:^|(?<= ))([%£$€#]) (?=\S)")


def joined(heading: str, months: bool = True, signs: bool = True) -> str:
    """``heading`` with no-break spaces where a line break would part a range's dash from
    the word before it, (``signs``) a sign from its word, and (``months``) a month from its
    year."""
    text = _DASH_ALONE.sub(NO_BREAK + r"\1", heading)
    if signs:
        text = _SIGN_ALONE.sub(r"\1" + NO_BREAK, text)
    if months:
        text = _MONTH_YEAR.sub(r"\1" + NO_BREAK + r"\2", text)
    return text


# the joins in the order the width left over goes to them: every lone dash first (the worst
# break), then signs, then months with their years
LEVELS: tuple[dict[str, bool], ...] = ({"months": False, "signs": False}, {"months": False}, {})


def fitted_headings(
    headings: list[str],
    rows: list[list[tuple[str, bool]]],
    total_twips: int,
    size_pt: float,
    face: str | None,
) -> list[str]:
    """The headings (bold) as a table of ``rows`` (text, bold) that is ``total_twips`` wide
    prints them: joined as far as the width left over from every column's longest word
    allows, shared out in the order of :data:`LEVELS`; a join that makes a column no wider is
    always taken."""
    plain = least_widths([[(h, True) for h in headings]], size_pt, face)
    body = least_widths(rows, size_pt, face) if rows else [0] * len(headings)
    needs = [max(pair) for pair in zip(plain, body, strict=True)]
    spare = total_twips - sum(needs)
    chosen = list(headings)
    for level in LEVELS:
        for col, heading in enumerate(headings):
            option = joined(heading, **level)
            need = max(body[col], least_widths([[(option, True)]], size_pt, face)[0])
            if option != chosen[col] and need - needs[col] <= max(spare, 0):
                spare -= need - needs[col]
                needs[col], chosen[col] = need, option
    return chosen
