"""What a file name written in an input may be, checked before it reaches the file system
(which would fail with an error of its own, or a traceback)."""

from __future__ import annotations

import re

NAME_MAX = 255  # bytes in one part of a file name: the most that Windows, macOS or Linux allow
UNUSABLE_IN_NAMES = re.compile(r"[\x00-\x1f\x7f]")


def name_problem(written: str) -> str | None:
    """Why ``written`` cannot name a file on every system (a control character, a part longer
    than :data:`NAME_MAX` bytes, a backslash between folders), or None. Checked before the
    name reaches the file system, which would fail with an error of its own."""
    if UNUSABLE_IN_NAMES.search(written):
        return "holds a control character, which no file name has; retype the name"
    if any(len(part.encode()) > NAME_MAX for part in re.split(r"[/\\]", written)):
        return f"has a part longer than {NAME_MAX} characters, which no file name can be; check it"
    if "\\" in written:
        forward = shortened(written.replace("\\", "/"))
        return (
            f"separates folders with \\, which only Windows reads; write {forward!r}, which "
            "works on every computer"
        )
    return None


def shortened(text: str, length: int = 40) -> str:
    """``text`` as a message quotes it: its start, when it is long."""
    return text if len(text) <= length else text[:length] + "..."


def quoted_list(items: list[str], most: int) -> str:
    """Names as a message lists them: each quoted, long ones shortened, the first ``most`` of
    many and how many more (a sheet may have thousands of headings, a table of rows)."""
    shown = ", ".join(f"'{shortened(item)}'" for item in items[:most])
    more = len(items) - most
    return shown + (f" and {more:,} more" if more > 0 else "")
