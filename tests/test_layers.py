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


def test_the_paper_names_are_the_papers_in_their_order():
    from committeepack.paper_names import PAPER_NAMES
    from committeepack.papers import PAPERS

    assert tuple(PAPERS) == PAPER_NAMES


def test_checking_the_configuration_imports_no_paper(minimal):
    import subprocess
    import sys

    from conftest import edit

    edit(minimal / "committeepack.toml", 'papers = ["agenda-item"]', 'papers = ["agenda-itme"]')
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from committeepack.config import load_config\n"
        "from committeepack.errors import CommitteePackError\n"
        "try:\n"
        f"    load_config(Path({str(minimal)!r}))\n"
        "except CommitteePackError as error:\n"
        "    print(error)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('committeepack.papers', 'docx'))))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert "'agenda-itme' is not a paper; the papers are: agenda-item, " in output
    assert output.splitlines()[-1] == "[]"
