"""Glossaries built from the acronyms a document actually uses."""

from __future__ import annotations

import re

from .errors import InputError, warn
from .file_names import shortened
from .word.text import body_text

ACRONYM = re.compile(r"\b[A-Z][A-Za-z]{0,10}[A-Z]s?\b")  # a longer word is no acronym
NOT_ACRONYMS = {"I", "UK", "OK"}
# Terms committeepack's own sentences use, and the common terms of community safety work; a
# project's [glossary] adds its own and may reword these.
BUILT_IN = {
    "SPC": "Statistical process control",
    "XmR": "Individuals and moving range chart, the kind of SPC chart used here",
    "ASB": "Anti-social behaviour",
    "CSP": "Community Safety Partnership",
    "PCSO": "Police Community Support Officer",
    "MARAC": "Multi-Agency Risk Assessment Conference",
    "IDVA": "Independent Domestic Violence Adviser",
    "MoRiLE": "Management of Risk in Law Enforcement, a method of scoring threat, risk and harm",
    "IOM": "Integrated Offender Management",
    "CCTV": "Closed-circuit television",
    "DHR": "Domestic Homicide Review",
    "PSPO": "Public Spaces Protection Order",
    "CPN": "Community Protection Notice",
    "CPW": "Community Protection Warning",
    "CBO": "Criminal Behaviour Order",
    "ONS": "Office for National Statistics",
    "MAPPA": "Multi-Agency Public Protection Arrangements",
    "VAWG": "Violence against women and girls",
    "NTE": "Night-time economy",
    "OCG": "Organised crime group",
    "CSE": "Child sexual exploitation",
    "PCC": "Police and Crime Commissioner",
    "YOT": "Youth Offending Team",
    "VRU": "Violence Reduction Unit",
    "GP": "General practitioner (family doctor)",
    "NHS": "National Health Service",
}
SYMBOL = re.compile(r"\[(z|x|c|low)\]")


def document_text(container) -> str:
    """All the text of a document or subdocument: paragraphs and table cells."""
    return body_text(container)


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
                    f"{paper}: the acronym '{word}' is used ({_where(text, word)}) but not "
                    f'defined; add it to [glossary], for example  {word} = "..."',
                    "committeepack.toml",
                )
            )
    return [
        (term, str(glossary[term])) for term in sorted(glossary, key=str.casefold) if term in used
    ]


def symbols_used(text: str, rule) -> list[tuple[str, str]]:
    """(symbol, meaning) for each official table symbol in ``text``, in the usual order."""
    found = {f"[{m}]" for m in SYMBOL.findall(text)}
    return [(s, rule.note(s)) for s in ("[c]", "[low]", "[x]", "[z]") if s in found]


def _where(text: str, word: str) -> str:
    """The words around the first use of ``word``: ``"...the MARAC meets monthly..."``."""
    match = re.search(rf"\b{re.escape(word)}\b", text)
    if match is None:  # pragma: no cover - the word was found in this text
        return "in the text"
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    line = text[line_start : line_end if line_end != -1 else len(text)]
    at = match.start() - line_start
    snippet = line[max(at - 30, 0) : at + len(word) + 30].strip()
    return f'in "...{shortened(snippet, 80)}..."'
