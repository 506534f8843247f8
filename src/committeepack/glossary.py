"""Glossaries built from the acronyms a document actually uses."""

from __future__ import annotations

import re

from .errors import InputError, warn

ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]s?\b")
NOT_ACRONYMS = {"I", "UK", "OK"}
# Terms committeepack's own sentences use; a project's [glossary] may reword them.
BUILT_IN = {"SPC": "Statistical process control"}


def document_text(container) -> str:
    """All the text of a document or subdocument: paragraphs and table cells."""
    texts = [p.text for p in container.paragraphs]
    for table in container.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return "\n".join(texts)


def used_terms(text: str, config, paper: str) -> list[tuple[str, str]]:
    """(term, meaning) for each glossary term in ``text``, sorted; warn of undefined acronyms."""
    glossary = {**BUILT_IN, **config.glossary}
    used = set()
    for word in ACRONYM.findall(text):
        used.add(word[:-1] if word.endswith("s") and word[:-1] in glossary else word)
    for word in sorted(used - set(glossary) - NOT_ACRONYMS):
        if word.isupper() and len(word) > 1:
            warn(
                InputError(
                    f"{paper}: the acronym '{word}' is used but not defined; add it to [glossary]",
                    "committeepack.toml",
                )
            )
    return [
        (term, str(glossary[term])) for term in sorted(glossary, key=str.casefold) if term in used
    ]
