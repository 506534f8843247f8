"""The schema of ``committeepack.toml``: every section and key it may hold, in one place.

:func:`.config.load_config` checks the whole file against :data:`SCHEMA` and reports every
problem together, each at its own line; an unknown or misspelt key is a problem too.
"""

from __future__ import annotations

from .schema import TITLE_LONGEST, Field

TABLE_KINDS = (
    "crime_by_type",
    "districts",
    "wards",
    "monthly",
    "actions",
    "activity",
    "reasons",
    "morile",
    "survey",
)

TEXT = Field("text")

# the paragraphs of Schedule 12A to the Local Government Act 1972 that make a report exempt:
# 1 to 7 for English councils, 12 to 18 for Welsh ones
EXEMPT_PARAGRAPHS = (*range(1, 8), *range(12, 19))

# the body text sizes allowed, in points: larger print than 16 pt does not fit the papers'
# charts and tables
BODY_SIZES = (11, 16)


def _text(example: str, required: bool = True) -> Field:
    return Field("text", required, example=f'"{example}"')


def _table(hint: str = "", required: bool = True, **fields: Field) -> Field:
    return Field("table", required, fields=fields, hint=hint)


_TABLE_COMMON = {
    "kind": Field("choice", True, example='"crime_by_type"', choices=TABLE_KINDS),
    "file": Field("file", example='"inputs/figures/crime-by-type.csv"'),
    "workbook": Field("file", example='"inputs/figures/county-comparison.xlsx"'),
    "sheet": Field("text", example='"All crime"'),
    "title": Field("text", example='"Total recorded crime by type"', longest=TITLE_LONGEST),
    "source": Field("text", example='"Police recorded crime"'),
    "columns": Field("map", item=TEXT, hint="map committeepack's column names to yours"),
}
PLACES_MOST = 6  # decimal places a rate is printed to; a billion took the build for ever
_TOP = Field("integer", example="25", minimum=1)  # :mod:`.figures.top`
_TABLE_KIND_OPTIONS: dict[str, dict[str, Field]] = {
    "districts": {
        "measure": _text("All crime", required=False),
        "periods": Field("texts", True, example='["Oct 2023 - Sep 2024", "Oct 2024 - Sep 2025"]'),
        "total": _text("Westshire", required=False),
        "highlight": _text("Brackenford", required=False),
        "rank_by": Field("choice", example='"rate"', choices=("rate", "change")),
        "noun": _text("incidents", required=False),
        "totals": Field(
            "map",
            item=Field("parts", example='["Districts", "Medway"]'),
            hint='name each total row and what it adds up: totals = { Kent = "districts" }',
        ),
        "unranked": Field("texts", example='["Medway"]'),
        "rate_places": Field("integer", example="1", minimum=0, maximum=PLACES_MOST),
        "rank_places": Field("integer", example="0", minimum=0, maximum=PLACES_MOST),
    },
    "monthly": {
        "measure": _text("Anti-social behaviour incidents", required=False),
        "area": _text("Brackenford", required=False),
        "improvement": Field("choice", example='"down"', choices=("up", "down", "neutral")),
        "rebase": Field("months", example='["2024-04"]'),
        "screen": Field("boolean", example="true"),
        "run_length": Field("choice", example="7", choices=(6, 7)),
        "baseline": Field("integer", example="12", minimum=12),
        "baseline_until": Field("months", example='["2023-09"]'),
        "target": Field("number", example="150", minimum=0),  # a count a month
    },
    "activity": {"show": Field("boolean", example="false"), "top": _TOP},
    "reasons": {"show": Field("boolean", example="false"), "top": _TOP},
    "crime_by_type": {"top": _TOP},
    "wards": {"top": _TOP},
}

SCHEMA = Field(
    "table",
    fields={
        "project": _table(
            required=False,
            shared=Field("files", example='["../county-data"]'),
        ),
        "council": _table(
            'add [council] with name and area, for example  name = "Brackenford Borough Council"',
            name=_text("Brackenford Borough Council"),
            area=_text("Brackenford"),
        ),
        "partnership": _table(
            'add [partnership] with name = "Safer Brackenford Partnership"',
            name=_text("Safer Brackenford Partnership"),
        ),
        "committee": _table(
            "add [committee] with name (and acting_as)",
            name=_text("Communities, Housing and Environment Committee"),
            acting_as=_text("Crime and Disorder Committee", required=False),
        ),
        "meeting": _table(
            "add [meeting] with date, time and venue",
            date=Field("date", True, example="2026-06-02"),
            time=_text("6.30 pm"),
            venue=_text("Town Hall, Market Square, Brackenford"),
        ),
        "people": Field(
            "map",
            True,
            item=_table(name=_text("Daniel Okoro"), title=_text("Community Protection Manager")),
            hint="add a [people.KEY] table with name and title for each officer the papers name",
        ),
        "implications": Field(
            "array",
            True,
            item=_table(
                issue=_text("Financial"), sign_off=_text("Section 151 Officer & Finance Team")
            ),
            hint="list the council's cross-cutting rows in order as [[implications]] tables "
            'with issue = "Financial" and sign_off = "Section 151 Officer & Finance Team"',
        ),
        "priorities": Field(
            "array",
            item=_table(
                key=_text("serious_violence"),
                name=_text("Protecting communities from serious violence and organised crime"),
                short_name=_text("Serious violence and organised crime"),
                sub_groups=Field("texts", example='["Night-Time Economy Forum"]'),
                objective=_text(
                    "The partnership will protect our communities from serious violence.",
                    required=False,
                ),
            ),
            hint="list the priorities as [[priorities]] tables with key, name and short_name",
        ),
        "periods": _table(
            required=False,
            previous=_text("Oct 2023 - Sep 2024"),
            current=_text("Oct 2024 - Sep 2025"),
        ),
        "publish": _table(
            required=False,
            soffice=Field("file", example='"C:/Program Files/LibreOffice/program/soffice.exe"'),
        ),
        "agenda": _table(
            required=False,
            members=Field("texts", example='["Brown", "Clarke", "Khan"]'),
            chair=_text("Clarke", required=False),
            vice_chair=_text("Khan", required=False),
            issued_on=Field("date", example="2026-05-22"),
            chief_executive=_text("chief_executive (a key of [people])", required=False),
            standard_items=Field("texts", example='["Apologies for Absence", "{minutes}"]'),
            minutes=Field("file", example='"inputs/minutes.md"'),
            telephone=_text("01234 567890", required=False),
            email=_text("committee@example.gov.uk", required=False),
            website=_text("www.example.gov.uk", required=False),
            public_information=Field("texts", example='["To ask a question, call ..."]'),
            reports=Field(
                "array",
                item=_table(
                    paper=_text("agenda-item", required=False),
                    title=_text("Protocols for overview and scrutiny", required=False),
                    file=Field("file", example='"inputs/reports/protocols.docx"'),
                    appendices=Field("files", example='["inputs/reports/protocols-annex.docx"]'),
                    exempt_paragraph=Field("choice", example="3", choices=EXEMPT_PARAGRAPHS),
                ),
                hint="list the reports in agenda order as [[agenda.reports]] tables, each with "
                'paper = "agenda-item", or title and file of a report written elsewhere',
            ),
        ),
        "symbols": _table(
            required=False,
            suppress_below=Field("integer", example="5", minimum=0),
            low_base=Field("integer", example="10", minimum=0),
        ),
        "aliases": Field(
            "map",
            item=Field("text", example='"Maidstone"'),
            hint='each other name of an area, as the tables write it: "Maidstone Borough" = '
            '"Maidstone"',
        ),
        "statuses": _table(
            required=False,
            allowed=Field("texts", True, example='["Delivered", "Ongoing", "On hold"]'),
        ),
        "tables": Field(
            "map",
            item=Field(
                "table",
                fields=_TABLE_COMMON,
                variant_key="kind",
                variants=_TABLE_KIND_OPTIONS,
                hint="declare each table as [tables.NAME] with kind and file",
            ),
        ),
        "headlines": Field(
            "array",
            item=_table(
                priority=_text("serious_violence"),
                figure=_text("crime:Violent crime"),
                statement=Field("choice", example='"change"', choices=("change", "share", "count")),
                of=_text("crime:All crime", required=False),
                sentence=_text("{share} of all crime is related to domestic abuse", False),
            ),
            hint="add [[headlines]] entries with priority, figure and statement",
        ),
        "glossary": Field("map", item=Field("text", example='"Anti-social behaviour"')),
        "branding": _table(
            required=False,
            font=_text("Arial", required=False),
            body_size=Field("number", example="12", minimum=BODY_SIZES[0], maximum=BODY_SIZES[1]),
            heading_colour=Field("colour", example='"#12436D"'),
            logo=Field("file", example='"inputs/logo.png"'),
        ),
        "document": _table(
            required=False,
            language=_text("en-GB", required=False),
            output_folder=_text("out", required=False),
            papers=Field("texts", example='["agenda-item", "strategic-assessment"]'),
            max_printed_rows=Field("integer", example="500", minimum=1),
            chart_bars=Field("integer", example="25", minimum=5),
        ),
        "data_on_a_page": _table(
            required=False,
            orientation=Field("choice", example='"landscape"', choices=("landscape", "portrait")),
        ),
    },
)
