"""The process that keeps LibreOffice running for one committeepack command: run as a script,
not imported, by a Python that may have LibreOffice's ``uno`` module (Debian's python3-uno gives
the system's Python one), so it uses only the standard library and ``uno``.

    python3 office_keeper.py PROFILE PIPE SOFFICE [OPTION...]

It starts LibreOffice (in a process group of its own) and prints one line: ``uno`` when it
can talk to it, else ``plain``. Plain, it waits for its standard input to close while
committeepack hands LibreOffice its work with ``soffice --convert-to``. With ``uno`` it also
connects to LibreOffice, opens a small Word document to load the Word import before any work
comes, then takes requests on standard input, one JSON line each, and answers each with one:

    {"layout": ["/tmp/paper0.docx", ...]}
    {"papers": [{"pages": 19, "contents": ["Aim\\t3\\nBackground\\t3", ...]}, ...]}
    {"error": "what went wrong"}

``contents`` holds the text of each table of contents, as LibreOffice fills it in from its own
layout. When standard input closes (committeepack is done, or ended without a word, even
killed) it kills LibreOffice with everything it started and removes its profile: the work is
done, and an orderly shutdown takes over a second.
"""

import contextlib
import hashlib
import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import time
import zipfile

CONNECT_SECONDS = 120  # LibreOffice's first start on a new profile takes a few seconds
SMALL_DOCX = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
        '"word/document.xml"/></Relationships>'
    ),
    "word/document.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>.</w:t></w:r>'
        "</w:p></w:body></w:document>"
    ),
}


def main() -> None:
    profile, pipe, command = sys.argv[1], sys.argv[2], sys.argv[3:]
    speaks = has_uno()
    if speaks:
        command = [*command, f"--accept=pipe,name={pipe};urp;"]
    office = subprocess.Popen(
        command,
        start_new_session=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with contextlib.suppress(BrokenPipeError):  # committeepack may have ended already
            print("uno" if speaks else "plain", flush=True)
        if not speaks:
            sys.stdin.buffer.read()
        else:
            serve(office, pipe, profile)
    finally:
        with contextlib.suppress(OSError):
            os.killpg(office.pid, signal.SIGKILL)
        office.wait()
        shutil.rmtree(profile, ignore_errors=True)
        with contextlib.suppress(Exception):  # MD5 may be refused (FIPS): leave them then
            for path in pipe_files(profile, pipe):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)


def pipe_files(profile: str, pipe: str) -> list:
    """The files of the pipes a LibreOffice on ``profile`` listens on, which it leaves behind
    when killed, one per run: the pipe through which a second ``soffice`` hands it work (named,
    as LibreOffice names it, from the MD5 of its profile's URL in UTF-16, in hexadecimal
    without leading zeros) and ``pipe``, the one for ``uno``. Nothing where LibreOffice names
    them otherwise: then they stay, as before."""
    url = pathlib.Path(profile).as_uri().encode("utf-16-le")
    single = "SingleOfficeIPC_" + "".join(format(byte, "x") for byte in hashlib.md5(url).digest())
    folder = "/tmp" if os.access("/tmp", os.W_OK) else "/var/tmp"
    return [os.path.join(folder, f"OSL_PIPE_{os.getuid()}_{name}") for name in (single, pipe)]


def has_uno() -> bool:
    """Whether this Python has LibreOffice's ``uno`` module."""
    try:
        import uno  # noqa: F401
    except ImportError:
        return False
    return True


def serve(office: subprocess.Popen, pipe: str, profile: str) -> None:
    """Answer each request on standard input until it closes."""
    desktop, problem = None, ""
    try:
        desktop = connect(office, pipe)
        warm(desktop, profile)
    except Exception as exc:  # told with each request, which then goes another way
        problem = f"{type(exc).__name__}: {exc}"
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            if desktop is None:
                raise RuntimeError(problem or "LibreOffice could not be reached")
            request = json.loads(line)
            reply: dict = {"papers": [lay_out(desktop, path) for path in request["layout"]]}
        except Exception as exc:
            reply = {"error": f"{type(exc).__name__}: {exc}"[:300]}
        print(json.dumps(reply), flush=True)


def connect(office: subprocess.Popen, pipe: str):
    """LibreOffice's desktop, once it takes connections."""
    import uno

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            if office.poll() is not None:
                status = office.returncode
                raise RuntimeError(f"LibreOffice ended with exit status {status}") from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"no answer in {CONNECT_SECONDS} seconds") from None
            time.sleep(0.02)
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def warm(desktop, profile: str) -> None:
    """Open and lay out a one-line Word document: LibreOffice loads its Word import and
    Writer's layout now, while committeepack renders, not when the papers come (the example's
    papers are then laid out in 0.27 s rather than 0.40; on two busy cores a cold build as a
    whole measured the same either way, the work being moved, not saved)."""
    path = os.path.join(profile, "warm-up.docx")
    with zipfile.ZipFile(path, "w") as small:
        for name, text in SMALL_DOCX.items():
            small.writestr(name, text)
    lay_out(desktop, path)


def lay_out(desktop, path: str) -> dict:
    """The pages of the Word document at ``path`` as LibreOffice lays it out, and the text of
    each table of contents it has, filled in with the pages its headings fall on."""
    import uno
    from com.sun.star.beans import PropertyValue

    def setting(name: str, value: object) -> PropertyValue:
        made = PropertyValue()
        made.Name, made.Value = name, value
        return made

    url = uno.systemPathToFileUrl(os.path.abspath(path))
    options = (setting("Hidden", True), setting("ReadOnly", True))
    document = desktop.loadComponentFromURL(url, "_blank", 0, options)
    if document is None:
        raise RuntimeError(f"LibreOffice could not read {os.path.basename(path)}")
    try:
        pages = document.CurrentController.PageCount
        contents = []
        indexes = document.DocumentIndexes
        for number in range(indexes.getCount()):
            index = indexes.getByIndex(number)
            if index.supportsService("com.sun.star.text.ContentIndex"):
                index.update()
                contents.append(index.getAnchor().getString())
    finally:
        document.close(True)
    return {"pages": pages, "contents": contents}


if __name__ == "__main__":
    main()
