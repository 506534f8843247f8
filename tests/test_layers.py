"""The package's layers: raw WordprocessingML only in the Word layer (committeepack.word)."""

import re
from pathlib import Path

import committeepack

PACKAGE = Path(committeepack.__file__).parent
RAW_XML = re.compile(r"\b(OxmlElement|parse_xml|nsdecls|qn)\b|docx\.oxml")


def test_raw_xml_is_built_only_in_the_word_layer():
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "word" not in path.relative_to(PACKAGE).parts[:1]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if RAW_XML.search(line) and not line.lstrip().startswith("#")
    ]
    assert offenders == []
