"""The strategic assessment's sections about the figures: recorded crime by type, the county
comparison, wards and trends over time (SPC). Each writes a data table, a chart and sentences
generated from the same figures.
"""

from __future__ import annotations

from operator import attrgetter

from ..figures import compute, sentences, spc_text
from ..figures.built import CountTable, CrimeTree, SpcSeries
from ..figures.district_rows import DistrictTable
from ..figures.top import OTHER, first_with_ties
from ..word.blocks import Cell, data_table
from .sa_writer import SectionWriter


class FigureSections(SectionWriter):
    """The sections about the figures, written with :class:`.sa_writer.SectionWriter`'s
    helpers; :class:`.sa_sections.BodyBuilder` adds the others."""

    def crime(self) -> None:
        for spec, built in self.figures.of_kind("crime_by_type", CrimeTree):
            self.heading(1, spec.title)
            tree, roots = built.tree, built.roots
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
            # a category's change, not that of a sum of many (the table's "All other")
            self._largest_changes([f for f in leaves if not OTHER.fullmatch(f.name)])
            left_out = [f.name for f in leaves if not f.charted]
            if len(left_out) == len(leaves):
                self.paragraph(
                    "There is no chart of the changes: every category has too few offences "
                    "for a percentage change to show."
                )
            elif left_out:
                self.paragraph(
                    f"The chart leaves out {', '.join(left_out)}: too few offences for a "
                    "percentage change to show."
                )
            self._chart(f"crime:{spec.name}")
            self.text("crime")

    def _crime_row(self, figure, depth: int, bold: bool) -> list:
        return [
            Cell(figure.name, bold=bold, indent=max(depth, 0)),
            figure.shown("previous"),
            figure.shown("current"),
            figure.difference_text,
            figure.percent_change,
        ]

    def _largest_changes(self, figures) -> None:
        ranked = sorted(
            (
                f
                for f in figures
                if compute.percent_change(f.previous, f.current) is not None
                and f.percent_change.endswith("%")  # not hidden, not on a low base
            ),
            key=lambda f: compute.percent_change(f.previous, f.current) or 0,
        )

        printed = attrgetter("percent_change")  # ties are on what the list prints
        rises = first_with_ties([f for f in reversed(ranked) if f.current > f.previous], 3, printed)
        falls = first_with_ties([f for f in ranked if f.current < f.previous], 3, printed)
        items = [f"{f.name} {f.change}." for f in rises + falls]
        if items:
            self.paragraph("The largest changes:")
            self.bullets(items)

    def county(self) -> None:
        tables = self.figures.of_kind("districts", DistrictTable)
        if not tables:
            return
        self.heading(1, "Comparison with the county")
        self.text("county")
        for spec, built in tables:
            self.heading(2, spec.title)
            self._districts(spec.name, built)

    def _districts(self, name: str, built: DistrictTable) -> None:
        periods, this = built.periods, built.this
        two = len(periods) > 1
        by_change = built.rank_by == "change" and two
        count = len(built.rows)
        noun = built.noun
        if by_change:
            change = sentences.change(this.counts[-2], this.counts[-1])
            self.paragraph(
                f"{built.measure} in {this.name} {change} between {periods[-2]} "
                f"and {periods[-1]}, ranked {this.rank} of {count} districts "
                f"({built.rank_note})."
            )
        else:
            self.paragraph(
                f"{this.name} recorded {self._rate(built, this.rates[-1])} {noun} per 1,000 "
                f"residents in {periods[-1]}, ranked {this.rank} of {count} districts "
                f"({built.rank_note})."
            )
        shown = periods[-2:]
        rate_periods = periods[-1:] if built.has_rates else []
        headers = [
            "District",
            *[f"{noun[:1].upper()}{noun[1:]}\n{sentences.period_heading(p)}" for p in shown],
            *(["Difference", "% change"] if two else []),
            *[f"Rate per 1,000\n{sentences.period_heading(p)}" for p in rate_periods],
            "Rank",
        ]
        rows: list[list[Cell | str]] = []
        totals = set()
        for row in built.layout:
            cells: list[Cell | str] = [Cell(row.name, bold=row.highlight or row.is_total)]
            cells += [row.shown(i) for i in (-2, -1)[-len(row.counts) :]]
            cells += [row.difference, row.change] if two else []
            rates = row.rates[-len(rate_periods) :] if rate_periods else []
            cells += [
                "[c]" if row.rate_hidden(-len(rates) + i) else self._rate(built, r)
                for i, r in enumerate(rates)
            ]
            cells += ["[x]"] * (len(rate_periods) - len(rates))  # no population: not available
            cells.append(row.rank if row.role == "district" else "")
            if row.is_total:
                totals.add(len(rows))
            rows.append(cells)
        data_table(
            self.body,
            headers,
            rows,
            self.writer.styles,
            None,  # widths from the content
            numeric=set(range(1, len(headers))),
            total_rows=totals,
        )
        ties = any(r.rank.endswith("=") for r in built.rows)
        note = f"Rank: {built.rank_note}."
        if ties:
            note += " Districts with the same printed value share a rank (5=) and are listed by their unrounded value."
        self.paragraph(note)
        self._chart(f"districts:{name}", "every district's figure is withheld ([c])")

    @staticmethod
    def _rate(built: DistrictTable, rate) -> str:
        """A rate per 1,000 to the table's precision; ``[z]`` where there is none."""
        return compute.format_fixed(rate, built.rate_places) if rate is not None else "[z]"

    def _chart(self, name: str, why_none: str = "") -> None:
        """The chart ``name``, or where it has no bar to show, a sentence saying why."""
        request = self.charts.get(name)
        if request is not None:
            self.chart(request)
        elif why_none:
            self.paragraph(f"There is no chart: {why_none}.")

    def wards(self) -> None:
        for spec, built in self.figures.of_kind("wards", CountTable):
            self.heading(1, spec.title)
            table = built.table
            ordered = sorted(table, key=lambda f: -f.current)
            self.paragraph(_most_and_least(ordered))
            self._ward_coverage(built)
            rows = [
                [
                    f.name,
                    f.shown("previous"),
                    f.shown("current"),
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
            self._chart(f"wards:{spec.name}", "every ward's count is withheld ([c])")
            self.text("wards")

    def _ward_coverage(self, wards: CountTable) -> None:
        """Say so when the wards do not add up to the area's total: the crimes recorded with
        no ward are not in the ward table."""
        crime = self.figures.of_kind("crime_by_type", CrimeTree)
        totals = [total for _, tree in crime for total in tree.totals]
        if not totals:
            return
        total, current = totals[0], wards.total.current
        if current > total.current:  # warned of when the figures were read
            self.paragraph(
                f"The wards' figures add up to {sentences.number(current)}, more than the "
                f"{sentences.number(total.current)} crimes recorded in {self.figures.current} "
                "in all."
            )
        elif current != total.current:
            self.paragraph(
                f"The wards' figures add up to {sentences.number(current)} of the "
                f"{sentences.number(total.current)} crimes recorded in {self.figures.current}; "
                "crimes recorded without a ward are not in this table."
            )

    def spc_method(self) -> None:
        """State how the SPC charts were made, once for each set of options in force."""
        series = self.figures.of_kind("monthly", SpcSeries)
        methods = list(dict.fromkeys(spc_text.method(b.analysis.options) for _, b in series))
        if len(methods) == 1:
            self.paragraph(methods[0])
        else:
            for _spec, built in series:
                self.paragraph(f"{built.measure}: {spc_text.method(built.analysis.options)}")

    def trends(self) -> None:
        series = self.figures.of_kind("monthly", SpcSeries)
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
            self.heading(2, built.measure)
            for sentence in built.description:
                self.paragraph(sentence, keep_with_next=True)
            self.chart(self.charts[f"spc:{spec.name}"])


def _descendants(tree, root: str) -> list[str]:
    order = []
    for child in tree[root].children:
        order.append(child)
        order.extend(_descendants(tree, child))
    return order


def _most_and_least(ordered: list) -> str:
    """Which wards recorded the most and the least crime (``ordered`` most first): every ward
    tied on what the table prints is named, and one ward, or wards all alike, said as such."""
    top, least = ordered[0], ordered[-1]
    most = [f.name for f in ordered if f.stated("current") == top.stated("current")]
    fewest = [f.name for f in ordered if f.stated("current") == least.stated("current")]
    if len(ordered) == 1:
        return f"{top.name} recorded {top.stated('current')}; there, crime {top.change}."
    if len(most) == len(ordered):
        return f"Each of the {len(ordered):,} wards recorded {top.stated('current')}."
    if len(most) == 1:
        text = (
            f"{top.name} recorded the most crime of any ward, {top.stated('current')}; "
            f"there, crime {top.change}."
        )
    else:
        text = (
            f"{sentences.listed(most, 'wards')} recorded the most crime of any ward, "
            f"{top.stated('current')} each."
        )
    each = " each" if len(fewest) > 1 else ""
    return text + (
        f" {sentences.listed(fewest, 'wards')} recorded the least, {least.stated('current')}{each}."
    )
