"""The body of the strategic assessment, section by section.

Each method writes one part: narrative from the Markdown file, tables and charts from the
figures, and sentences generated from the same figures. The sections about the figures are
in :mod:`.sa_figures`.
"""

from __future__ import annotations

from ..figures import sentences
from ..figures.built import ActionList, CountTable, MorileTable, SpcSeries
from ..figures.spc_text import one_place
from ..glossary import document_text, symbols_used, used_terms
from ..word import xml as wordxml
from ..word.blocks import data_table, note_after
from ..word.styles import Styles
from ..word.text import table_rows_text
from .sa_figures import FigureSections


class BodyBuilder(FigureSections):
    """Writes the assessment's body into a subdocument and remembers its headings."""

    def build(self) -> list[tuple[int, str]]:
        """Write every part in order; return the headings for the table of contents."""
        for key, title in (
            ("aim", "Aim of this assessment"),
            ("background", "Background"),
            ("methodology", "Methodology"),
        ):
            self.heading(1, title)
            self.text(key)
        self.spc_method()
        self.summary()
        self.crime()
        self.county()
        self.wards()
        self.trends()
        self.priorities()
        self.activity()
        self.heading(1, "Key conclusions")
        self.text("conclusions")
        self.recommendations()
        self.place_charts()  # before the appendices: the glossary reads the captions too
        self.symbol_notes()
        self.appendices()
        wordxml.drop_trailing_blank(self.body)
        return self.headings

    # -- sections -----------------------------------------------------------------------
    def summary(self) -> None:
        self.heading(1, "Executive summary")
        self.text("executive_summary")
        self.heading(2, "Headline figures for each priority")
        self.bullets([f"{h.priority_name}: {h.sentence}" for h in self.facts.headlines])
        self.measures_at_a_glance()

    def measures_at_a_glance(self) -> None:
        """One row per SPC measure: its latest month, average, variation and assurance, as
        the Making Data Count summary pages give them, from the same analysis as its chart."""
        summaries = [b.summary for _, b in self.figures.of_kind("monthly", SpcSeries)]
        if not summaries:
            return
        self.heading(2, "Monthly measures at a glance")
        data_table(
            self.body,
            ["Measure", "Latest month", "Average", "Variation", "Assurance"],
            [
                [
                    s.measure,
                    f"{sentences.number(s.latest)} ({s.month})",
                    one_place(s.mean),
                    s.variation_text,
                    s.assurance_text,
                ]
                for s in summaries
            ],
            self.writer.styles,
            [3.6, 2.6, 2.0, 3.9, 3.9],
            numeric={2},
        )

    def priorities(self) -> None:
        self.heading(1, "Delivery of the priorities")
        actions = [a for _, b in self.figures.of_kind("actions", ActionList) for a in b.actions]
        headings = Styles(headings={2: "Heading 3", 3: "Heading 4"})
        for priority in self.config.priorities:
            self.heading(2, priority.name)
            nodes = self.narrative.sections[f"priority:{priority.key}"]
            split = next((i for i, n in enumerate(nodes) if n.type == "heading"), len(nodes))
            self._with_styles(headings, nodes[:split])
            own = [a for a in actions if a.priority == priority.key]
            if own:
                wordxml.add_paragraph(self.body, "Action plan", style="Heading 3")
                data_table(
                    self.body,
                    ["Action", "Status", "Update"],
                    [[a.action, a.status, a.update] for a in own],
                    self.writer.styles,
                    [5.5, 2.3, 8.2],
                )
            self._with_styles(headings, nodes[split:])

    def _with_styles(self, styles: Styles, nodes) -> None:
        saved = self.writer.styles
        self.writer.styles = Styles(headings=styles.headings)
        try:
            self.writer.write(self.body, nodes)
        finally:
            self.writer.styles = saved

    def activity(self) -> None:
        tables = [
            (spec, built)
            for spec, built in self.figures.of_kind("activity", CountTable)
            + self.figures.of_kind("reasons", CountTable)
            if spec.options.get("show", True)
        ]
        if not tables:
            return
        self.heading(1, "Community protection activity")
        self.text("activity")
        for spec, built in tables:
            self.heading(2, spec.title)
            rows = [
                [
                    f.name,
                    f.shown("previous"),
                    f.shown("current"),
                    *([built.comments[f.name]] if spec.kind == "activity" else [f.percent_change]),
                ]
                for f in built.table
            ]
            total = built.total
            if spec.kind == "reasons":
                rows.append(
                    [
                        "Total",
                        total.shown("previous"),
                        total.shown("current"),
                        total.percent_change,
                    ]
                )
                headers = ["Reason", self.figures.previous, self.figures.current, "% change"]
                data_table(
                    self.body,
                    headers,
                    rows,
                    self.writer.styles,
                    [7, 3, 3, 3],
                    numeric={1, 2, 3},
                    total_rows={len(rows) - 1},
                )
            else:
                headers = ["Measure", self.figures.previous, self.figures.current, "Comment"]
                data_table(
                    self.body, headers, rows, self.writer.styles, [4.6, 2.2, 2.2, 7], numeric={1, 2}
                )

    def recommendations(self) -> None:
        self.heading(1, "Recommended priorities")
        self.text("recommendations")
        self.paragraph("The priorities recommended for the coming year are:")
        self.bullets([p.name for p in self.config.priorities], kind="decimal")

    def appendices(self) -> None:
        morile = self.figures.of_kind("morile", MorileTable)
        if morile:
            _spec, rows = morile[0]
            self.heading(1, "Appendix A: Threat, risk and harm scoring")
            self.paragraph(
                "Each crime area is scored for threat, risk and harm; the overall "
                "score ranks the areas, highest first."
            )
            data_table(
                self.body,
                ["Crime area", "Threat", "Risk", "Harm", "Score", "Rank"],
                [
                    [
                        r.area,
                        sentences.number(r.threat),
                        sentences.number(r.risk),
                        sentences.number(r.harm),
                        sentences.number(r.score),
                        r.rank,
                    ]
                    for r in rows.rows
                ],
                self.writer.styles,
                [6, 2, 2, 2, 2, 2],
                numeric={1, 2, 3, 4, 5},
            )
        self.heading(1, "Appendix B: Data sources")
        data_table(
            self.body,
            ["Table", "Source"],
            [[s.title, s.provenance or "Not stated"] for s in self.figures.specs.values()],
            self.writer.styles,
            [6, 10],
        )
        self.glossary()

    def symbol_notes(self) -> None:
        """Under each table that prints a symbol ([c], [low], [x], [z]), a note saying what
        each one there means."""
        for table in self.body.tables:
            cells = table_rows_text(table, skip=1)
            used = symbols_used(cells, self.figures.disclosure)
            if used:
                text = "Notes: " + "; ".join(f"{symbol} {meaning}" for symbol, meaning in used)
                note_after(table, text + ".", self.writer.styles.body)

    def glossary(self) -> None:
        text = document_text(self.body)
        terms = used_terms(text, self.config, "strategic-assessment")
        terms = symbols_used(text, self.figures.disclosure) + terms
        self.heading(1, "Appendix C: Glossary")
        if terms:
            data_table(
                self.body,
                ["Term", "Meaning"],
                [list(t) for t in terms],
                self.writer.styles,
                [4, 12],
            )
        else:
            self.paragraph("This assessment uses no acronyms.")
