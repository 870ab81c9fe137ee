"""Files of every kind the portfolio takes, and hostile ones, built in memory for the upload tests."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from portfolio.factories import PDF_BYTES

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40
GIF = b"GIF89a" + b"\x00" * 40
WEBP = b"RIFF\x20\x00\x00\x00WEBPVP8 " + b"\x00" * 40
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def office(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name in parts:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


def opendocument(mimetype):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<x/>")
    return buffer.getvalue()


GOOD = {
    "certificate.pdf": PDF_BYTES,
    "photo.png": PNG,
    "photo.jpg": JPEG,
    "anim.gif": GIF,
    "picture.webp": WEBP,
    "cv.docx": office(["word/document.xml"]),
    "budget.xlsx": office(["xl/workbook.xml"]),
    "talk.pptx": office(["ppt/presentation.xml"]),
    "essay.odt": opendocument(b"application/vnd.oasis.opendocument.text"),
    "sheet.ods": opendocument(b"application/vnd.oasis.opendocument.spreadsheet"),
    "slides.odp": opendocument(b"application/vnd.oasis.opendocument.presentation"),
    "notes.txt": "Notes in Ελληνικά and Türkçe: ș ț.".encode(),
}


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")
