"""A project folder: its configuration, inputs, templates and output folder.

A :class:`Project` is paths and the validated configuration, nothing more: what is read from
the folder is read by the build's stages (:mod:`.build`), which pass it on as values.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config, find_project_root, load_config
from .config_checks import CACHE, INPUTS, OUTSIDE, TEMPLATES
from .errors import TemplateProblem, relative, warn
from .file_kinds import unpacked_problem, word_not_opened

if TYPE_CHECKING:
    from collections.abc import Callable

    from docx.document import Document

    from .papers.base import Paper
    from .word.docxtpl_compat import DocxTemplate

__all__ = ["CACHE", "INPUTS", "TEMPLATES", "Project"]


@dataclass(frozen=True)
class Project:
    """Where everything of one council's papers lives, and its validated configuration."""

    root: Path
    config: Config

    @classmethod
    def open(cls, start: Path) -> Project:
        """The project containing ``start`` (a folder), with its configuration checked."""
        root = find_project_root(start)
        return cls(root, load_config(root))

    def input(self, name: str) -> Path:
        """A file of the ``inputs/`` folder."""
        return self.root / INPUTS / name

    def shown(self, path: Path) -> str:
        """How ``path`` is named in messages: relative to the project root."""
        return relative(path, self.root)

    @property
    def out_dir(self) -> Path:
        """Where papers are written."""
        return self.root / self.config.output_dir

    @property
    def cache_dir(self) -> Path:
        """Where drawn charts and checked table rows are remembered between builds."""
        return self.root / CACHE

    def template(self, paper: Paper) -> tuple[DocxTemplate, str]:
        """The paper's template (the project's own, else the packaged default) and its name."""
        return self.template_named(paper.template, paper.default_template, paper.blocks)

    def template_named(
        self, name: str, make_default: Callable[[Config], Document], blocks: tuple[str, ...] = ()
    ) -> tuple[DocxTemplate, str]:
        """The template ``templates/NAME`` (the project's own, else ``make_default``'s) and
        its name for messages. The project's own must still show each of ``blocks``, the tags
        where the default template puts the paper's content (:func:`missing_blocks`)."""
        from .word.docxtpl_compat import DocxTemplate

        own = self._own(name)
        if own is not None:
            return self._own_template(own, blocks), self.shown(own)
        buffer = io.BytesIO()
        make_default(self.config).save(buffer)
        buffer.seek(0)
        return DocxTemplate(buffer), f"default template {name}"

    def template_document(self, name: str, make_default: Callable[[Config], Document]):
        """The python-docx document of the template ``templates/NAME`` as a paper will use it
        (the project's own, else ``make_default``'s), for measuring its page before it is
        filled in: one that cannot be opened is measured as the default, and reported when
        the paper is rendered (:meth:`template_named`)."""
        own = self._own_document(name)
        return own if own is not None else make_default(self.config)

    def content_width_cm(self, name: str) -> float:
        """How wide the tables and charts of a paper made with the template ``templates/NAME``
        are (:func:`~.word.page_geometry.content_width_cm`): the project's own template read,
        else the default templates' width, which is the house width (not made to be read)."""
        from .word.page_geometry import HOUSE_WIDTH_CM, content_width_cm

        own = self._own_document(name)
        return content_width_cm(own) if own is not None else HOUSE_WIDTH_CM

    def _own_document(self, name: str):
        """The python-docx document of the project's own template ``templates/NAME``; None
        when it has none, or one that cannot be opened (reported when the paper is
        rendered)."""
        import docx

        own = self._own(name)
        if own is None:
            return None
        try:
            return docx.Document(str(own))
        except Exception:  # a corrupt or non-Word file raises many kinds
            return None

    def _own(self, name: str) -> Path | None:
        """The project's own template ``templates/NAME``, if it has one the build uses as it
        is (:meth:`_is_own`)."""
        own = self.root / TEMPLATES / name
        return own if own.is_file() and self._is_own(own) else None

    def _is_own(self, path: Path) -> bool:
        """Whether the template file at ``path`` is used as it is: any but a default template
        committeepack wrote for another branding and nobody has edited since, which is made
        again for this one. One that may not be opened is an error."""
        from .default_templates import style_key
        from .word.stamp import made_from

        if not self.config.allows(path):
            raise TemplateProblem(f"is a link to a file that {OUTSIDE}", self.shown(path))
        unpacked = unpacked_problem(path)
        if unpacked is not None:
            raise TemplateProblem(unpacked, self.shown(path))
        key = style_key(self.config)
        # in this branding, edited or not, the file is used: its parts need no hashing
        made = made_from(path, unless=key)
        return made is None or made == key

    def _own_template(self, path: Path, blocks: tuple[str, ...]) -> DocxTemplate:
        """The project's own template at ``path``, opened and checked: it opens as a Word
        document, its body text matches ``[branding]`` (a warning) and it shows ``blocks``."""
        from .word.docxtpl_compat import DocxTemplate

        try:
            tpl = DocxTemplate(str(path))
            tpl.init_docx()  # opens the file now, so a bad one is reported here
        except Exception:  # a corrupt or non-Word file raises many kinds
            raise TemplateProblem(
                word_not_opened(path)
                or "cannot be opened as a Word document; save it from Word as a .docx "
                "(Word Document), or delete it to use the default template",
                self.shown(path),
            ) from None
        self._check_contents(path)
        self._check_branding(tpl.docx, path)
        self._check_width(tpl.docx, path)
        missing = missing_blocks(tpl, blocks)
        if missing:
            raise TemplateProblem(
                f"does not show {' or '.join(missing)}, so what the inputs give there "
                f"would be left out of the paper; put {'it' if len(missing) == 1 else 'each'} "
                "back where it goes (the default "
                "template, from 'committeepack templates', shows where), or delete this "
                "template to use the default",
                self.shown(path),
            )
        return tpl

    def _check_contents(self, path: Path) -> None:
        """Refuse a template that links a file from outside it, which LibreOffice would read
        into the papers (nothing outside the project is read); warn of one still in review,
        whose tracked changes and comments every paper made from it would carry, or that
        hides text (guidance for authors, say), which every paper would keep unseen."""
        from .word.outside_links import links_problem, outside_links
        from .word.revisions import hidden_text, pending_review

        data = path.read_bytes()
        problem = links_problem(outside_links(data))
        if problem is not None:
            raise TemplateProblem(f"{problem}, then save the template", self.shown(path))
        review = pending_review(data)
        if review:
            warn(
                TemplateProblem(
                    f"holds {review.described()}, which every paper made from it carries "
                    f"(and 'committeepack publish' refuses); in Word, {review.steps()} "
                    "(Review tab), then save the template",
                    self.shown(path),
                )
            )
        hidden = hidden_text(data)
        if hidden:
            shown = hidden[0] if len(hidden[0]) <= 40 else hidden[0][:37] + "..."
            warn(
                TemplateProblem(
                    f'holds hidden text ("{shown}"'
                    + (f" and {len(hidden) - 1} more" if len(hidden) > 1 else "")
                    + "), which every paper made from it keeps: unseen in Word and the PDF, "
                    "but there for anyone who shows hidden text; in Word, show it (Home, "
                    "Show/Hide), then delete it or make it visible, and save the template",
                    self.shown(path),
                )
            )

    def _check_branding(self, document, path: Path) -> None:
        """Warn when a restyled template's body text no longer matches ``[branding]``, which
        the charts are drawn with, so that the two are brought back to one statement."""
        from .word.styles import body_text_font

        name, size = body_text_font(document)
        branding = self.config.branding
        if (name and name.casefold() != branding.font.casefold()) or (
            size and abs(size - branding.body_size) > 0.01
        ):
            template = " ".join(filter(None, (name, f"{size:g} pt" if size else None)))
            warn(
                TemplateProblem(
                    f"body text (style Normal) is {template}, but [branding] in "
                    f"committeepack.toml says {branding.font} {branding.body_size:g} pt, which "
                    "the charts are drawn in; set font and body_size there to match",
                    self.shown(path),
                )
            )

    def _check_width(self, document, path: Path) -> None:
        """Warn when a template leaves less room between its side margins than a table or
        chart needs, so that they would run into the margin."""
        from .word.page_geometry import LEAST_WIDTH_CM, text_width_cm

        width = text_width_cm(document)
        if width < LEAST_WIDTH_CM:
            warn(
                TemplateProblem(
                    f"leaves {max(width, 0):.1f} cm between its side margins, and the tables "
                    f"and charts need at least {LEAST_WIDTH_CM:g} cm, so they run into the "
                    "margin; make the side margins narrower (in Word: Layout, Margins)",
                    self.shown(path),
                )
            )


def missing_blocks(tpl: DocxTemplate, blocks: tuple[str, ...]) -> list[str]:
    """Those of ``blocks`` (tags such as ``{{p body }}``, ``{%tr for row in timetable %}``)
    whose name (the tag's last word) the template's body never uses, in any tag."""
    if not blocks:
        return []
    from jinja2 import Environment, meta

    xml = tpl.patch_xml(tpl.xml_to_string(tpl.docx.element.body))  # tags joined across runs
    try:
        used = meta.find_undeclared_variables(Environment().parse(xml))
    except Exception:  # a syntax error: reported with its paragraph when the paper renders
        return []
    return [tag for tag in blocks if tag.split()[-2] not in used]
