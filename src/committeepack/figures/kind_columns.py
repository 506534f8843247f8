"""The columns each kind of figure table is read with (a county table's depend on its periods,
and are made with them where its options are read)."""

from __future__ import annotations

from .cells import Column

PUBLISHED_CHANGE = "published_change"
PUBLISHED_DIFFERENCE = "published_difference"
# the headings a published table gives its % change column ("% change [note 4]" too); one
# with words about the comparison after them is found by :mod:`.described_headings`
CHANGE_HEADINGS = (
    "% change",
    "%change",
    "percent change",
    "percentage change",
    "change (%)",
    "change %",
    "% difference",
    "percentage difference",
)
# and its column of differences (current less previous)
DIFFERENCE_HEADINGS = ("change", "difference", "+/-", "numeric change", "actual change")
# what each optional column holds, for a table that has a heading like its name but not it
OPTIONAL_MEANING = {
    "parent": "each category's parent",
    "update": "each action's progress update",
    "comment": "a comment on each measure",
    "base": "the number each answer is a share of",
    "division": "each district's division",
    "population": "each district's residents",
    "rate": "each district's crimes per 1,000 residents",
}
CHANGE_COLUMN = Column(PUBLISHED_CHANGE, "published", required=False)
DIFFERENCE_COLUMN = Column(PUBLISHED_DIFFERENCE, "published", required=False)
PUBLISHED_COLUMNS = [CHANGE_COLUMN, DIFFERENCE_COLUMN]
# the headings published tables give a name column, looked for after its own name, in this
# order (a table of offence groups and offences is read by its offences)
NAME_HEADINGS = {
    "category": (
        "crime type",
        "type of crime",
        "crime category",
        "offence type",
        "offence",
        "offence group",
    ),
    "ward": ("ward name",),
    # a crime table's offences' groups, as the ONS's tables give them beside the offences
    "group": ("offence group", "crime group"),
}

COLUMNS = {
    "crime_by_type": [
        Column("category", "text", unique=True),
        Column("parent", "text", False),
        Column("indent", "indent", False, of="category"),
        Column("group", "text", False),
        Column("previous", "count"),
        Column("current", "count"),
        *PUBLISHED_COLUMNS,
    ],
    "wards": [
        Column("ward", "text", unique=True),
        Column("previous", "count"),
        Column("current", "count"),
        *PUBLISHED_COLUMNS,
    ],
    "monthly": [Column("month", "month", unique=True), Column("count", "number")],
    "actions": [
        Column("priority", "priority"),
        Column("action", "text"),
        Column("status", "status"),
        Column("update", "text", False),
    ],
    "activity": [
        Column("measure", "text", unique=True),
        Column("previous", "number"),
        Column("current", "number"),
        Column("comment", "text", False),
        *PUBLISHED_COLUMNS,
    ],
    "reasons": [
        Column("reason", "text", unique=True),
        Column("previous", "count"),
        Column("current", "count"),
        *PUBLISHED_COLUMNS,
    ],
    "survey": [
        Column("measure", "text", unique=True),
        Column("count", "count"),
        Column("base", "count", False),
    ],
    "morile": [
        Column("area", "text", unique=True),
        Column("threat", "number"),
        Column("risk", "number"),
        Column("harm", "number"),
        Column("score", "number"),
    ],
}
