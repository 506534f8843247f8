"""The body of the strategic assessment, section by section.

Each method writes one part: narrative from the Markdown file, tables and charts from the
figures, and sentences generated from the same figures.
"""

from __future__ import annotations

from .. import wordxml
from ..docx_blocks import Cell, add_chart, data_table
from ..figures import compute, sentences
from ..figures.model import SpcSeries
from ..glossary import document_text, used_terms
from ..markdown_docx import MarkdownWriter, Styles
from ..narrative import Narrative
from ..project import Project
from . import sa_charts


class BodyBuilder:
    """Writes the assessment's body into a subdocument and remembers its headings."""

    def __init__(self, body, writer: MarkdownWriter, narrative: Narrative, project: Project):
        self.body = body
        self.writer = writer
        self.narrative = narrative
        self.project = project
        self.config = project.config
        self.figures = project.figures()
        self.headings: list[tuple[int, str]] = []
        self.charts = sa_charts.requests(project)
        self._placed: list = []  # (place, request): charts go in last, as they finish drawing

    def build(self) -> list[tuple[int, str]]:
        """Write every part in order; return the headings for the table of contents."""
        for key, title in (
            ("aim", "Aim of this assessment"),
            ("background", "Background"),
            ("methodology", "Methodology"),
        ):
            self.heading(1, title)
            self.text(key)
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
        self.appendices()
        for place, request in self._placed:
            place(self.project.chart(request))
        return self.headings

    # -- helpers ------------------------------------------------------------------------
    def heading(self, level: int, text: str) -> None:
        wordxml.add_paragraph(self.body, text, style=f"Heading {level}")
        if level <= 2:
            self.headings.append((level, text))

    def paragraph(self, text: str) -> None:
        wordxml.add_paragraph(self.body, text, style=self.writer.styles.body)

    def text(self, key: str, nodes=None) -> None:
        nodes = self.narrative.sections.get(key, []) if nodes is None else nodes
        self.writer.write(self.body, nodes)

    def chart(self, request) -> None:
        number = len(self._placed) + 1
        self._placed.append((add_chart(self.body, number, self.writer.styles), request))

    def bullets(self, items: list[str], kind: str = "bullet") -> None:
        self.writer.plain_list(self.body, items, kind)

    # -- sections -----------------------------------------------------------------------
    def summary(self) -> None:
        self.heading(1, "Executive summary")
        self.text("executive_summary")
        self.heading(2, "Headline figures for each priority")
        self.bullets([f"{h.priority_name}: {h.sentence}" for h in self.project.headlines()])

    def crime(self) -> None:
        for spec, built in self.figures.of_kind("crime_by_type"):
            self.heading(1, spec.title)
            tree, roots = built["tree"], built["roots"]
            totals = [r for r in roots if tree[r].children]
            if totals:
                total = tree[totals[0]].figure
                self.paragraph(
                    f"{total.name} {total.change} between {self.figures.previous} and "
                    f"{self.figures.current}."
                )
            rows, total_rows = [], set()
            for root in roots:
                for name in _descendants(tree, root):
                    node = tree[name]
                    rows.append(self._crime_row(node.figure, node.depth - 1, bool(node.children)))
                if tree[root].children:
                    total_rows.add(len(rows))
                rows.append(self._crime_row(tree[root].figure, 0, True))
            data_table(
                self.body,
                [
                    "Crime type",
                    self.figures.previous,
                    self.figures.current,
                    "Difference",
                    "% change",
                ],
                rows,
                self.writer.styles,
                [5.6, 2.7, 2.7, 2.5, 2.5],
                numeric={1, 2, 3, 4},
                total_rows=total_rows,
            )
            leaves = [tree[n].figure for n in tree if not tree[n].children]
            self.paragraph("Sub-categories are indented under the category they make up.")
            self._largest_changes(leaves)
            self.chart(self.charts[f"crime:{spec.name}"])
            self.text("crime")

    def _crime_row(self, figure, depth: int, bold: bool) -> list:
        return [
            Cell(figure.name, bold=bold, indent=max(depth, 0)),
            sentences.number(figure.previous),
            sentences.number(figure.current),
            compute.signed_number(figure.difference),
            figure.percent_change,
        ]

    def _largest_changes(self, figures) -> None:
        ranked = sorted(
            (f for f in figures if compute.percent_change(f.previous, f.current) is not None),
            key=lambda f: compute.percent_change(f.previous, f.current),
        )
        rises = [f for f in reversed(ranked) if f.current > f.previous][:3]
        falls = [f for f in ranked if f.current < f.previous][:3]
        items = [f"{f.name} {f.change}." for f in rises + falls]
        if items:
            self.paragraph("The largest changes:")
            self.bullets(items)

    def county(self) -> None:
        tables = self.figures.of_kind("districts")
        if not tables:
            return
        self.heading(1, "Comparison with the county")
        self.text("county")
        for spec, built in tables:
            self.heading(2, spec.title)
            self._districts(spec.name, built)

    def _districts(self, name: str, built: dict) -> None:
        periods, this = built["periods"], built["this"]
        by_change = built["rank_by"] == "change" and len(periods) > 1
        count = len(built["rows"])
        rate = compute.format_fixed(this.rates[-1], 1)
        if by_change:
            change = sentences.change(this.counts[-2], this.counts[-1])
            self.paragraph(
                f"{built['measure']} in {this.name} {change} between {periods[-2]} "
                f"and {periods[-1]}, ranked {this.rank} of {count} districts "
                "(1 = the largest fall)."
            )
        else:
            self.paragraph(
                f"{this.name} recorded {rate} crimes per 1,000 residents in "
                f"{periods[-1]}, ranked {this.rank} of {count} districts "
                "(1 = the lowest rate)."
            )
        shown = periods[-2:]
        if by_change:
            headers = [
                "District",
                *[f"Offences\n{p}" for p in shown],
                f"Rate per 1,000\n{periods[-1]}",
                "% change",
                "Rank",
            ]
        else:
            headers = [
                "District",
                *[f"Offences\n{p}" for p in shown],
                *[f"Rate per 1,000\n{p}" for p in shown],
                "Rank",
            ]
        rows, totals = [], set()
        for row in (
            sorted(built["rows"], key=lambda r: (_rank_key(r.rank), r.name)) + built["totals"]
        ):
            cells = [Cell(row.name, bold=row.highlight or row.is_total)]
            cells += [sentences.number(c) for c in row.counts[-2:]]
            rates = row.rates[-1:] if by_change else row.rates[-2:]
            cells += [compute.format_fixed(r, 1) if r is not None else "[z]" for r in rates]
            cells += [row.change] if by_change else []
            cells.append(row.rank if not row.is_total else "")
            if row.is_total:
                totals.add(len(rows))
            rows.append(cells)
        widths = [3.6] + [(16 - 3.6 - 1.5) / (len(headers) - 2)] * (len(headers) - 2) + [1.5]
        data_table(
            self.body,
            headers,
            rows,
            self.writer.styles,
            widths,
            numeric=set(range(1, len(headers))),
            total_rows=totals,
        )
        self.chart(self.charts[f"districts:{name}"])

    def wards(self) -> None:
        for spec, built in self.figures.of_kind("wards"):
            self.heading(1, spec.title)
            table = built["table"]
            ordered = sorted(table, key=lambda f: -f.current)
            top = ordered[0]
            least = ordered[-1]
            self.paragraph(
                f"{top.name} recorded the most crime of any ward, "
                f"{sentences.number(top.current)}; there, crime {top.change}. "
                f"{least.name} recorded the least, {sentences.number(least.current)}."
            )
            rows = [
                [
                    f.name,
                    sentences.number(f.previous),
                    sentences.number(f.current),
                    f.percent_change,
                ]
                for f in ordered
            ]
            data_table(
                self.body,
                ["Ward", self.figures.previous, self.figures.current, "% change"],
                rows,
                self.writer.styles,
                [7.0, 3.0, 3.0, 3.0],
                numeric={1, 2, 3},
            )
            self.chart(self.charts[f"wards:{spec.name}"])
            self.text("wards")

    def trends(self) -> None:
        series = self.figures.of_kind("monthly")
        if not series:
            return
        self.heading(1, "Trends over time")
        self.paragraph(
            "The charts below are statistical process control (SPC) charts. Points "
            "inside the dashed process limits vary by chance; special-cause patterns "
            "show a real change."
        )
        self.text("trends")
        for spec, built in series:
            built: SpcSeries
            self.heading(2, built.measure)
            for sentence in built.description:
                self.paragraph(sentence)
            self.chart(self.charts[f"spc:{spec.name}"])

    def priorities(self) -> None:
        self.heading(1, "Delivery of the priorities")
        actions = [a for _, built in self.figures.of_kind("actions") for a in built]
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
            for spec, built in self.figures.of_kind("activity") + self.figures.of_kind("reasons")
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
                    sentences.number(f.previous),
                    sentences.number(f.current),
                    *(
                        [built["comments"][f.name]]
                        if spec.kind == "activity"
                        else [f.percent_change]
                    ),
                ]
                for f in built["table"]
            ]
            total = built["total"]
            if spec.kind == "reasons":
                rows.append(
                    [
                        "Total",
                        sentences.number(total.previous),
                        sentences.number(total.current),
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
        morile = self.figures.of_kind("morile")
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
                        r["area"],
                        sentences.number(r["threat"]),
                        sentences.number(r["risk"]),
                        sentences.number(r["harm"]),
                        sentences.number(r["score"]),
                        r["rank"],
                    ]
                    for r in rows
                ],
                self.writer.styles,
                [6, 2, 2, 2, 2, 2],
                numeric={1, 2, 3, 4, 5},
            )
        self.heading(1, "Appendix B: Data sources")
        data_table(
            self.body,
            ["Table", "Source", "File"],
            [
                [s.title, s.provenance or "Not stated", s.source.name()]
                for s in self.figures.specs.values()
            ],
            self.writer.styles,
            [5, 6.5, 4.5],
        )
        self.glossary()

    def glossary(self) -> None:
        terms = used_terms(
            document_text(self.body), self.config, self.project.warnings, "strategic-assessment"
        )
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


def _descendants(tree, root: str) -> list[str]:
    order = []
    for child in tree[root].children:
        order.append(child)
        order.extend(_descendants(tree, child))
    return order


def _rank_key(rank: str) -> int:
    return int(rank.rstrip("="))
