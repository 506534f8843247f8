"""The mark on a default template: found on an unedited one, lost by any change."""

import io
import zipfile

import docx
import pytest

from committeepack.word.stamp import made_from, stamped


def blank() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def test_a_marked_template_says_what_it_was_made_from(tmp_path):
    path = tmp_path / "t.docx"
    path.write_bytes(stamped(blank(), "abc123"))
    assert made_from(path) == "abc123"
    assert docx.Document(str(path)).paragraphs == []  # still a document Word opens


def test_marking_again_replaces_the_mark(tmp_path):
    path = tmp_path / "t.docx"
    path.write_bytes(stamped(stamped(blank(), "first"), "second"))
    assert made_from(path) == "second"


def test_a_template_saved_again_is_no_longer_the_default(tmp_path):
    path = tmp_path / "t.docx"
    path.write_bytes(stamped(blank(), "abc123"))
    document = docx.Document(str(path))
    document.add_paragraph("edited")
    document.save(str(path))
    assert docx.Document(str(path)).core_properties.identifier.startswith("committeepack")
    assert made_from(path) is None


def test_one_changed_byte_in_any_part_is_an_edit(tmp_path):
    data = stamped(blank(), "abc123")
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "word/styles.xml":
                part = part.replace(b"Normal", b"Nermal", 1)
            target.writestr(name, part)
    path = tmp_path / "t.docx"
    path.write_bytes(buffer.getvalue())
    assert made_from(path) is None


@pytest.mark.parametrize(
    "data",
    [b"", b"not a zip", blank()],
    ids=["empty", "not a zip", "unmarked"],
)
def test_anything_else_is_not_a_default(tmp_path, data):
    path = tmp_path / "t.docx"
    path.write_bytes(data)
    assert made_from(path) is None


def test_a_mark_in_another_form_is_not_a_default(tmp_path):
    document = docx.Document()
    document.core_properties.identifier = "committeepack default template"
    path = tmp_path / "t.docx"
    document.save(str(path))
    assert made_from(path) is None


def test_a_mark_of_the_branding_asked_about_is_taken_without_hashing(tmp_path, monkeypatch):
    from committeepack.word import stamp

    path = tmp_path / "t.docx"
    path.write_bytes(stamped(blank(), "abc123"))
    document = docx.Document(str(path))
    document.add_paragraph("edited")
    document.save(str(path))
    hashed = []
    content_hash = stamp._content_hash
    monkeypatch.setattr(stamp, "_content_hash", lambda a: hashed.append(1) or content_hash(a))
    assert made_from(path, unless="abc123") == "abc123"  # used as it is either way
    assert hashed == []
    assert made_from(path, unless="other") is None  # edited: the user's
    assert made_from(path) is None
    assert len(hashed) == 2
