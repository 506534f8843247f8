"""What an input file really holds, told from its first bytes rather than its name: an Excel
97-2003 workbook, an Office file saved with a password, an OpenDocument spreadsheet, a PDF, a
Word document, UTF-16 text or a workbook saved under a CSV's name each get a message saying how
to save it in a form committeepack reads, where reading it as the name says would blame its
bytes ("not UTF-8 text") or the zip inside it."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Office 97-2003 files: .xls, .doc
ZIP = b"PK\x03\x04"
PDF = b"%PDF-"
UTF16 = (b"\xff\xfe", b"\xfe\xff")  # the byte order marks: Excel's "Unicode Text", Notepad's

SAVE_AS_XLSX = (
    "open it in Excel and save it as an Excel Workbook (.xlsx), or save the sheet as CSV UTF-8"
)
FOREIGN = {
    "xls": "is an Excel 97-2003 workbook (.xls), which committeepack does not read; "
    + SAVE_AS_XLSX,
    "xlsb": "is an Excel binary workbook (.xlsb), which committeepack does not read; "
    + SAVE_AS_XLSX,
    "ods": "is an OpenDocument spreadsheet (.ods), which committeepack does not read; in "
    "LibreOffice Calc, save it as Excel 2007-365 (.xlsx), or as CSV (UTF-8)",
    "pdf": "is a PDF, which committeepack cannot take figures from; export the table from the "
    "spreadsheet it was made in, as CSV UTF-8 or as an Excel Workbook (.xlsx)",
    "docx": "is a Word document, which committeepack cannot take figures from; copy the table "
    "into Excel and save it as an Excel Workbook (.xlsx) or as CSV UTF-8",
    "encrypted": "is protected by a password, which committeepack cannot open; in Excel, "
    "remove it (File > Info > Protect Workbook > Encrypt with Password, and clear the "
    "password) and save, or save the sheet as CSV UTF-8",
    "utf16": "is UTF-16 text (Excel's 'Unicode Text'), not UTF-8; in Excel, save it with Save As "
    "and the type 'CSV UTF-8 (Comma delimited)'",
}
WORKBOOK_NAMED_OTHERWISE = (
    "is an Excel workbook, though its name does not end .xlsx; rename it to end .xlsx and name "
    "it in committeepack.toml with workbook = (and sheet =), or save the sheet as CSV UTF-8"
)
TEXT_NAMED_AS_WORKBOOK = (
    "is a text file (CSV?), though its name ends {suffix}; rename it to end .csv and name it "
    "in committeepack.toml with file =, or open it in Excel and save it as an Excel Workbook"
)


def file_kind(path: Path) -> str:
    """What the file holds, from its first bytes: ``xlsx``, ``xls``, ``encrypted`` (an Office
    file saved with a password), ``xlsb``, ``ods``, ``docx``, ``pdf``, ``zip`` (another zip),
    ``utf16`` (text with a UTF-16 byte order mark) or ``text`` (anything else: CSV, or text
    that the CSV reader words the problems of)."""
    with path.open("rb") as file:
        start = file.read(8)
    if start.startswith(UTF16):
        return "utf16"
    if start.startswith(OLE2):
        return "encrypted" if _encrypted(path) else "xls"
    if start.startswith(PDF):
        return "pdf"
    if not start.startswith(ZIP):
        return "text"
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        return "zip"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "word/document.xml" in names:
        return "docx"
    if b"opendocument.spreadsheet" in mimetype:
        return "ods"
    return "zip"


# an Office 2007+ file saved with a password is an Office 97-2003 container holding these
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
SEARCHED = 64 * 1024 * 1024  # bytes of a container searched for it: past any sheet of figures


def _encrypted(path: Path) -> bool:
    """Whether the Office 97-2003 container at ``path`` holds a password-protected document
    (its directory, which may lie anywhere in the file, names the encrypted package)."""
    with path.open("rb") as file:
        return ENCRYPTED in file.read(SEARCHED)


def is_svg(path: Path) -> bool:
    """Whether ``path`` is an SVG drawing: named so, or its first bytes open one."""
    if path.suffix.lower() == ".svg":
        return True
    try:
        with path.open("rb") as file:
            return b"<svg" in file.read(512)
    except OSError:
        return False


MAX_MEGAPIXELS = 40  # a picture: a full A4 page scanned at 600 dpi is 35; more only weighs


def too_many_pixels(width: int, height: int) -> str | None:
    """Why a picture of ``width`` by ``height`` pixels is too large to go into a paper (it is
    printed at most 16 cm wide), or None."""
    pixels = width * height
    if pixels <= MAX_MEGAPIXELS * 1_000_000:
        return None
    return (
        f"is {width:,} by {height:,} pixels ({pixels / 1_000_000:,.0f} megapixels); save it at "
        "most about 4,000 pixels across (it is printed at most 16 cm wide)"
    )


MAX_UNPACKED = 1_000_000_000  # bytes an Office file may unpack to: ten times any table read


def unpacked_problem(path: Path) -> str | None:
    """Why an Office file (a zip of parts) is refused before it is opened: the parts unpack to
    more than :data:`MAX_UNPACKED`, as a "zip bomb"'s do (sizes its own directory declares,
    which reading it holds it to); None for any other, or for a file that is not a zip."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return None
    if total <= MAX_UNPACKED:
        return None
    return (
        f"unpacks to {_size(total)}, more than committeepack opens ({_size(MAX_UNPACKED)}): it "
        "is damaged, or made to exhaust the memory of whatever opens it; save it again from "
        "Office, or ask whoever sent it for a new copy"
    )


def _size(count: int) -> str:
    """A number of bytes as a message gives it: ``4.3 GB``, ``512.0 MB``."""
    return f"{count / 1e9:,.1f} GB" if count >= 1e9 else f"{count / 1e6:,.1f} MB"


def wrong_kind(path: Path, named_as_workbook: bool) -> str | None:
    """Why the file cannot be read as its name says (a sentence to follow its name), or
    None when it may be."""
    kind = file_kind(path)
    if kind in FOREIGN:
        return FOREIGN[kind]
    if kind == "xlsx" and not named_as_workbook:
        return WORKBOOK_NAMED_OTHERWISE
    if kind == "xlsx":
        return unpacked_problem(path)
    if kind == "text" and named_as_workbook:
        return TEXT_NAMED_AS_WORKBOOK.format(suffix=path.suffix)
    return None


NOT_TEXT = {
    "xls": "an Office 97-2003 file (.doc or .xls)",
    "encrypted": "a password-protected Office file",
    "xlsx": "an Excel workbook",
    "xlsb": "an Excel binary workbook",
    "ods": "an OpenDocument spreadsheet",
    "pdf": "a PDF",
    "docx": "a Word document",
    "zip": "a zip file",
}


def not_markdown(path: Path) -> str | None:
    """Why a narrative file that is not UTF-8 text is not Markdown at all (a Word document
    saved under a .md name) or is UTF-16, or None when it is text in another encoding."""
    kind = file_kind(path)
    if kind == "utf16":
        return (
            "is UTF-16 text (Notepad's 'Unicode'), not UTF-8; save it as UTF-8 (in Notepad: "
            "Save As, Encoding UTF-8)"
        )
    if kind not in NOT_TEXT:
        return None
    return (
        f"is {NOT_TEXT[kind]}, not Markdown text; write the narrative in a text editor, or in "
        "Word use Save As, Plain Text (.txt) with the encoding UTF-8, and name the file .md"
    )


WORD_PASSWORD = (
    "is protected by a password, which committeepack cannot open; in Word, remove it (File > "
    "Info > Protect Document > Encrypt with Password, and clear the password) and save"
)


def protected(path: Path) -> bool:
    """Whether the file at ``path`` is an Office document saved with a password."""
    try:
        return file_kind(path) == "encrypted"
    except OSError:
        return False


# the content type of a Word file's main part names what Word saved: a template or a
# document with macros opens in Word but not as a document (python-docx refuses its type)
WORD_VARIANTS = {
    "wordprocessingml.template.main+xml": "a Word template (.dotx)",
    "ms-word.template.macroEnabledTemplate.main+xml": "a Word template with macros (.dotm)",
    "ms-word.document.macroEnabled.main+xml": "a Word document with macros (.docm)",
}


def word_not_opened(path: Path) -> str | None:
    """Why the Word file at ``path`` that did not open as a document did not, when it is
    one committeepack can tell (a sentence to follow its name): a password, or a template or
    a document with macros under a .docx name; None for any other."""
    if protected(path):
        return WORD_PASSWORD
    try:
        with zipfile.ZipFile(path) as archive:
            types = archive.read("[Content_Types].xml")[:100_000].decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    for content_type, variant in WORD_VARIANTS.items():
        if content_type in types:
            return (
                f"is saved as {variant}, not as a Word Document (.docx); open it in Word and "
                "save it with Save As, the type Word Document (.docx)"
                + (", which leaves its macros out" if "macros" in variant else "")
            )
    return None


def not_a_file(path: Path) -> str | None:
    """What ``path`` is when it exists (links followed) but is neither a file nor a folder:
    ``a named pipe``, ``a device`` or ``a socket``, which reading could wait on for ever or
    without end; None for a file, a folder or nothing."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "not a file"
