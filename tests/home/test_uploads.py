"""Uploaded documents are what their extension says, read from their content; the admin refuses a renamed file."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook
from wagtail.documents import get_document_model

from home.uploads import content_matches

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'


def zipped(entries, stored_first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if stored_first:
            archive.writestr(zipfile.ZipInfo(stored_first[0]), stored_first[1], compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def xlsx():
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = zipped({"content.xml": "<office:document-content/>"}, ("mimetype", b"application/vnd.oasis.opendocument.text"))
ODS_AS_ODT = zipped({"content.xml": "<x/>"}, ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"))


@pytest.mark.parametrize(
    ("extension", "content"),
    [
        ("pdf", PDF),
        ("txt", "Guida all’orientamento: è così.\n".encode()),
        ("txt", "Ghid în română, cu diacritice: ș, ț.\n".encode("cp1252", errors="ignore")),
        ("csv", b"key,title\nGB-VID-024,Career change at forty\n"),
        ("docx", DOCX),
        ("xlsx", xlsx()),
        ("odt", ODT),
        ("zip", zipped({"a.txt": "a"})),
        ("rtf", b"{\\rtf1\\ansi Hello}"),
    ],
)
def test_files_that_are_what_they_say_pass(extension, content):
    assert content_matches(io.BytesIO(content), extension)


@pytest.mark.parametrize(
    ("extension", "content"),
    [
        ("pdf", HTML),
        ("pdf", b""),
        ("txt", HTML),
        ("txt", SVG),
        ("csv", b"a,b\n\x00\x01\x02binary"),
        ("docx", zipped({"a.txt": "a"})),  # a zip, but no Word document in it
        ("xlsx", DOCX),
        ("odt", ODS_AS_ODT),
        ("docx", PDF),
        ("zip", PDF),
        ("exe", b"MZ\x90\x00"),
    ],
)
def test_files_that_are_not_what_they_say_fail(extension, content):
    assert not content_matches(io.BytesIO(content), extension)


@pytest.fixture
def add_url():
    return reverse("wagtaildocs:add")


def upload(admin_client, url, name, content):
    return admin_client.post(url, {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1})


@pytest.mark.django_db
def test_the_admin_refuses_a_renamed_file_and_keeps_nothing(admin_client, add_url):
    Document = get_document_model()
    response = upload(admin_client, add_url, "report.pdf", HTML)
    assert response.status_code == 200  # the form again, with the message beside the file
    assert "is not a PDF file" in response.content.decode()
    assert not Document.objects.exists()
    assert upload(admin_client, add_url, "report.pdf", PDF).status_code == 302
    assert Document.objects.get().title == "report.pdf"


@pytest.mark.django_db
def test_the_multiple_upload_refuses_a_renamed_file(admin_client):
    url = reverse("wagtaildocs:add_multiple")
    refused = admin_client.post(url, {"files[]": SimpleUploadedFile("notes.txt", SVG), "collection": 1})
    assert refused.json()["success"] is False
    assert "is not a TXT file" in refused.json()["error_message"]
    accepted = admin_client.post(url, {"files[]": SimpleUploadedFile("list.xlsx", xlsx()), "collection": 1})
    assert accepted.json()["success"] is True
    assert get_document_model().objects.count() == 1
