"""What an uploaded file is, read from its content rather than its name: a file whose content is not what its
extension says (an HTML page called `report.pdf`, a script called `notes.txt`) is refused, so that no upload can
be served as something a browser would run."""

import zipfile

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

HEAD = 8192  # bytes read to recognise a file

# The main part of each Office Open XML and OpenDocument format, and the `mimetype` an OpenDocument file starts with.
OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
OPENDOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
# Markup a browser would render or run, refused even in a file that is otherwise plain text.
MARKUP = (b"<!doctype html", b"<html", b"<svg", b"<script", b"<?xml", b"<body", b"<iframe", b"<object", b"<embed")
IMAGE_SIGNATURES = {
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "gif": (b"GIF87a", b"GIF89a"),
}


def _zip_names(file):
    try:
        with zipfile.ZipFile(file) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        file.seek(0)


def _is_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not merely a character cut at the end of what was read
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    lowered = head.lstrip().lower()
    return not any(marker in lowered for marker in MARKUP)


def content_matches(file, extension):
    """Whether the file's content is of the kind its extension names (one of the kinds below); the file is read
    from the start and left at the start."""
    extension = extension.lower().lstrip(".")
    file.seek(0)
    head = file.read(HEAD)
    file.seek(0)
    if not head:
        return False
    if extension == "pdf":
        return head.lstrip(b"\r\n\t ").startswith(b"%PDF-")
    if extension == "rtf":
        return head.startswith(b"{\\rtf")
    if extension in ("txt", "csv"):
        return _is_text(head)
    if extension in IMAGE_SIGNATURES:
        return head.startswith(IMAGE_SIGNATURES[extension])
    if extension == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if not head.startswith(b"PK\x03\x04"):
        return False
    names = _zip_names(file)
    if names is None:
        return False
    if extension in OFFICE_PARTS:
        return "[Content_Types].xml" in names and OFFICE_PARTS[extension] in names
    if extension in OPENDOCUMENT_TYPES:
        # OpenDocument: an uncompressed first entry `mimetype` holding the type, right after its 30-byte header.
        return names[:1] == ["mimetype"] and head[38:].startswith(OPENDOCUMENT_TYPES[extension])
    if extension == "key":
        return any(name.startswith("Index/") or name == "Index.zip" for name in names)
    return extension == "zip"


def check_upload(file, name=None):
    """A ValidationError unless the uploaded file's content is what its name's extension says."""
    name = name or file.name or ""
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if not content_matches(file, extension):
        raise forms.ValidationError(
            _("The content of “%(name)s” is not a %(extension)s file: upload the file itself, not a renamed one."),
            code="content_mismatch",
            params={"name": name.rsplit("/", 1)[-1], "extension": extension.upper() or _("known")},
        )


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form (the admin's single and multiple uploads), checking each new file's content."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_upload(file)
        return file
