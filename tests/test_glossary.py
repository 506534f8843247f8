"""Glossaries collected from the text: the acronyms a paper uses, with their meanings from the
packaged community safety terms and the project's own; an acronym with no meaning is named
with where it is used; each table symbol used is explained."""

import logging
from types import SimpleNamespace

from committeepack.figures.disclosure import Disclosure
from committeepack.glossary import symbols_used, used_terms


def config(**terms):
    return SimpleNamespace(glossary=terms)


def test_terms_come_from_the_text_the_package_and_the_project():
    text = "The CSP funds the MARAC. Two PSPOs were made.\nThe SBP met."
    terms = used_terms(text, config(SBP="Safer Brackenford Partnership"), "plan")
    assert terms == [
        ("CSP", "Community Safety Partnership"),
        ("MARAC", "Multi-Agency Risk Assessment Conference"),
        ("PSPO", "Public Spaces Protection Order"),
        ("SBP", "Safer Brackenford Partnership"),
    ]


def test_a_project_rewords_a_packaged_term():
    terms = used_terms("ASB fell.", config(ASB="Antisocial behaviour"), "plan")
    assert terms == [("ASB", "Antisocial behaviour")]


def test_text_without_acronyms_has_no_glossary():
    assert used_terms("Crime fell in the borough. I met the UK team.", config(), "plan") == []


def test_an_undefined_acronym_is_named_with_where_it_is_used(caplog):
    with caplog.at_level(logging.WARNING, logger="committeepack"):
        terms = used_terms(
            "Earlier text.\nThe QXZ board met in March to agree it.", config(), "plan"
        )
    assert terms == []
    assert [r.getMessage() for r in caplog.records] == [
        "committeepack.toml: plan: the acronym 'QXZ' is used (in \"...The QXZ board met in March "
        'to agree i...") but not defined; add it to [glossary], for example  QXZ = "..."'
    ]


def test_an_acronym_is_at_most_twelve_capitals_and_is_quoted_short(caplog):
    long_line = "x " * 200 + "ABCDEFGHIJKL and ABCDEFGHIJKLM " + "y " * 200
    with caplog.at_level(logging.WARNING, logger="committeepack"):
        used_terms(long_line + "\n" + "Q" * 100_000, config(), "plan")
    [message] = [r.getMessage() for r in caplog.records]  # not the 13 letters, nor the 100,000
    assert "the acronym 'ABCDEFGHIJKL' is used (in \"...x x x" in message
    assert len(message) < 250


def test_symbols_are_explained_in_the_usual_order_and_by_the_rules_in_force():
    rule = Disclosure(below=5, low_base=20)
    assert symbols_used("[z] 12 [c] [low] [c]", rule) == [
        ("[c]", "confidential: a count below 5, or one that would reveal it"),
        ("[low]", "a percentage change on a base below 20, too small to mean much"),
        ("[z]", "not applicable (a percentage change from zero)"),
    ]
    assert symbols_used("no symbols [cc] c", rule) == []
