"""Upload checks by content (RELIABILITY 41-44) with hostile files; how private files are sent."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import Http404
from PIL import Image

from dcrnet.lib import uploads
from dcrnet.lib.tests import upload_files as files
from dcrnet.lib.uploads import ALL, DOCUMENTS, IMAGES, serve_private, validate_upload


def refused(content: bytes, name: str, allowed=ALL) -> str:
    with pytest.raises(ValidationError) as caught:
        validate_upload(files.upload(content, name), allowed)
    return " ".join(caught.value.messages)


# --- Accepted files --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("builder", "name", "kind"),
    [
        (files.pdf, "protocol.pdf", uploads.PDF),
        (files.docx, "house rules.docx", uploads.DOCX),
        (files.xlsx, "Budget 2025.XLSX", uploads.XLSX),
        (files.odt, "agreement.odt", uploads.ODT),
        (files.png, "plan.png", uploads.PNG),
        (files.jpeg_with_gps, "room.jpeg", uploads.JPEG),
        (files.jpeg_with_gps, "room.JPG", uploads.JPEG),
    ],
)
def test_accepted_types_are_detected_from_their_content(builder, name, kind):
    checked = validate_upload(files.upload(builder(), name), ALL)
    assert checked.kind == kind
    assert checked.content_type == uploads.CONTENT_TYPES[kind]
    assert checked.size == len(checked.content)
    assert checked.sha256 == hashlib.sha256(checked.content).hexdigest()
    assert checked.original_name == name
    assert checked.as_file().read() == checked.content


def test_documents_keep_their_bytes():
    content = files.pdf(pages=3)
    assert validate_upload(files.upload(content, "x.pdf"), DOCUMENTS).content == content


def test_browser_content_type_is_ignored():
    # Claimed as a PDF by the browser; the bytes are HTML.
    with pytest.raises(ValidationError):
        validate_upload(files.upload(files.HTML, "x.pdf", "application/pdf"), ALL)


# --- 41: type, extension, polyglots, size, bombs ---------------------------------------------


def test_pdf_needs_its_magic_bytes_at_the_start():
    message = refused(b"\n" + files.pdf(), "x.pdf")
    assert "not one of the accepted types" in message


@pytest.mark.parametrize(
    ("builder", "name", "expected"),
    [
        (files.pdf, "x.docx", "ends in .docx but the content is a PDF"),
        (files.png, "x.pdf", "ends in .pdf but the content is a PNG"),
        (files.docx, "x.xlsx", "ends in .xlsx but the content is a DOCX"),
        (files.jpeg_with_gps, "x.png", "ends in .png but the content is a JPEG"),
        (files.odt, "x.docx", "ends in .docx but the content is a ODT"),
    ],
)
def test_the_extension_must_agree_with_the_content(builder, name, expected):
    assert expected in refused(builder(), name)


@pytest.mark.parametrize(
    "name", ["x.pdf.php", "x.php.pdf", "x.php", "x.html", "x.svg", "x.phtml", "x.pdf.exe"]
)
def test_active_and_double_extensions_are_refused(name):
    message = refused(files.pdf(), name)
    assert "not accepted" in message


def test_two_file_type_extensions_are_refused():
    assert "two file-type extensions" in refused(files.pdf(), "x.docx.pdf")


def test_a_name_without_extension_is_refused():
    assert "no extension" in refused(files.pdf(), "protocol")


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (files.SVG, "image.png"),
        (files.SVG, "x.pdf"),
        (files.HTML, "x.pdf"),
        (b"MZ\x90\x00", "x.pdf"),
    ],
)
def test_svg_html_and_unknown_content_are_refused(content, name):
    assert "not one of the accepted types" in refused(content, name)


def test_kinds_outside_the_allowed_set_are_refused():
    message = refused(files.png(), "x.png", DOCUMENTS)
    assert "PNG files are not accepted here" in message
    assert "PDF, DOCX, XLSX, ODT" in message
    assert "PDF files are not accepted here" in refused(files.pdf(), "x.pdf", IMAGES)


def test_polyglot_pdf_that_is_also_a_zip_is_refused():
    message = refused(files.pdf() + files.docx(), "x.pdf")
    assert "polyglot" in message


def test_polyglot_pdf_with_html_at_the_start_is_refused():
    content = files.pdf().replace(b"\n", b"\n<html><script>alert(1)</script>\n", 1)
    assert "web markup" in refused(content, "x.pdf")


def test_polyglot_zip_with_a_pdf_header_in_its_first_kilobyte_is_refused():
    content = files.zip_bytes([("%PDF-1.7", b""), ("[Content_Types].xml", files.DOCX_TYPES)])
    assert "readable as a PDF" in refused(content, "x.docx")


def test_polyglot_image_that_is_also_a_zip_is_refused():
    assert "polyglot" in refused(files.png() + files.docx(), "x.png")


def test_oversize_is_a_form_error(settings):
    settings.UPLOAD_MAX_BYTES = 10 * 1024 * 1024
    content = files.pdf() + b"%" * (10 * 1024 * 1024)
    assert "larger than 10 MB" in refused(content, "x.pdf")


def test_oversize_is_refused_without_trusting_the_declared_size(settings):
    settings.UPLOAD_MAX_BYTES = 1000
    upload = files.upload(files.pdf() + b"%" * 2000, "x.pdf")
    upload.size = 10  # a lying size
    with pytest.raises(ValidationError, match="larger than"):
        validate_upload(upload, ALL)


def test_empty_file_is_refused():
    assert "empty" in refused(b"", "x.pdf")


def test_image_decompression_bomb_is_a_form_error():
    assert "too large in pixels" in refused(files.png_bomb(), "bomb.png")


def test_corrupt_image_is_a_form_error():
    assert "cannot be read" in refused(files.png()[:40], "broken.png")


# --- PDFs with active content ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("builder", "what"),
    [
        (files.pdf_with_javascript, "JavaScript"),
        (files.pdf_with_open_action_js, "JavaScript"),
        (files.pdf_with_launch, "a launch action"),
        (files.pdf_with_attachment, "an embedded file"),
        (files.pdf_with_compressed_javascript, "JavaScript"),
    ],
)
def test_pdf_with_active_content_is_refused(builder, what):
    message = refused(builder(), "x.pdf")
    assert what in message and "active content" in message


def test_the_compressed_javascript_is_invisible_to_a_byte_scan():
    # The object-stream PDF would pass a naive scan: pypdf's walk is what refuses it.
    assert b"JavaScript" not in files.pdf_with_compressed_javascript()


def test_unreadable_pdf_is_a_form_error():
    assert "cannot be read" in refused(b"%PDF-1.7\n" + b"garbage " * 100, "x.pdf")


# --- Zip containers --------------------------------------------------------------------------


def test_zip_bomb_disguised_as_docx_is_refused_before_decompression(monkeypatch):
    bomb = files.docx_zip_bomb(30)
    assert len(bomb) < 100_000

    def no_decompression(*args, **kwargs):
        raise AssertionError("an entry was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_decompression)
    assert "zip bomb" in refused(bomb, "report.docx")


def test_zip_bomb_by_total_size_is_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ZIP_UNCOMPRESSED", 1024)
    assert "zip bomb" in refused(files.docx(extra=[("big.xml", b"x" * 2000)]), "x.docx")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (files.docx(extra=[("word/vbaProject.bin", b"macro")]), "macros"),
        (files.docx(types=files.DOCM_TYPES), "macros"),
        (files.odt(extra=[("Basic/Standard/Module1.xml", b"<script/>")]), "macros"),
        (files.docx(extra=[("word/activeX/activeX1.xml", b"<ax/>")]), "ActiveX"),
        (files.docx(extra=[("../../evil.sh", b"rm -rf")]), "unsafe name"),
        (files.docx(extra=[("/etc/passwd", b"x")]), "unsafe name"),
        (files.docx(extra=[("word\\document2.xml", b"x")]), "unsafe name"),
        (files.docx(extra=[("word/document.xml", b"again")]), "same name"),
        (files.docx_encrypted_entry(), "encrypted"),
        (files.zip_bytes([("readme.txt", b"hello")]), "zip files are not accepted"),
        (files.odt(mimetype=b"application/vnd.oasis.opendocument.spreadsheet"), "OpenDocument"),
        (
            files.zip_bytes([("[Content_Types].xml", b"<!DOCTYPE x [<!ENTITY a 'b'>]><T/>")]),
            "malformed",
        ),
        (files.zip_bytes([("[Content_Types].xml", b"<Types")]), "malformed"),
        (files.zip_bytes([("a", b"b")], comment=b"appended"), "extra data"),
    ],
)
def test_hostile_office_documents_are_refused(content, expected):
    name = "x.odt" if b"mimetype" in content[:60] else "x.docx"
    assert expected in refused(content, name)


def test_truncated_zip_is_a_form_error():
    assert "cannot be read" in refused(files.docx()[:50], "x.docx")


# --- 42: names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("../../x.pdf", "x.pdf"),
        ("..\\..\\windows\\x.pdf", "x.pdf"),
        ("/etc/passwd", "passwd"),
        ("a\x00b\x1f.pdf", "ab.pdf"),
        ("...hidden.pdf", "hidden.pdf"),
        ("", "file"),
        ("../", "file"),
        ("e\u0301te\u0301.pdf", "\u00e9t\u00e9.pdf"),
    ],
)
def test_safe_name_keeps_only_a_harmless_last_component(raw, safe):
    assert uploads.safe_name(raw) == safe


def test_long_names_are_cut_keeping_the_extension():
    name = uploads.safe_name("a" * 400 + ".pdf")
    assert len(name) == 150 and name.endswith(".pdf")


def test_a_climbing_name_is_accepted_as_its_last_component():
    checked = validate_upload(files.upload(files.pdf(), "../../x.pdf"), ALL)
    assert checked.original_name == "x.pdf"


def test_stored_names_are_random_and_ignore_the_upload():
    first, second = uploads.stored_name("documents"), uploads.stored_name("documents")
    assert first != second
    assert first.startswith("documents/") and len(first.split("/")[1]) == 32
    assert ".." not in first


# --- 44: images are re-encoded without metadata -----------------------------------------------


def test_gps_exif_is_stripped_from_jpeg():
    original = files.jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(files.GPS_IFD)
    checked = validate_upload(files.upload(original, "room.jpg"), IMAGES)
    assert checked.content != original
    image = Image.open(io.BytesIO(checked.content))
    exif = image.getexif()
    assert not exif.get_ifd(files.GPS_IFD)
    assert len(exif) == 0
    assert b"Exif" not in checked.content[:200]
    assert image.size == (40, 30)


def test_markup_in_an_image_header_is_refused_as_a_polyglot():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "<script>alert(1)</script>")
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="PNG", pnginfo=info)
    assert "web markup" in refused(out.getvalue(), "x.png")


def test_png_text_chunks_are_dropped():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "secret location 52.37N 4.89E")
    out = io.BytesIO()
    Image.new("RGBA", (10, 10), (0, 0, 0, 0)).save(out, format="PNG", pnginfo=info)
    checked = validate_upload(files.upload(out.getvalue(), "x.png"), IMAGES)
    assert b"secret location" not in checked.content
    assert Image.open(io.BytesIO(checked.content)).mode == "RGBA"


# --- 43: serving ------------------------------------------------------------------------------


def test_serve_private_sends_a_sandboxed_attachment(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    storage = uploads.private_storage()
    name = storage.save(uploads.stored_name("tests"), ContentFile(files.pdf()))
    field = storage.open(name)
    response = serve_private(field, "../../Protocol v1.pdf", "application/pdf")
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="Protocol v1.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    public = serve_private(storage.open(name), "x.pdf", "application/pdf", public=True)
    assert public["Cache-Control"].startswith("public")
    odd = serve_private(storage.open(name), "x.html", "text/html")
    assert odd["Content-Type"] == "application/octet-stream"


def test_serve_private_without_a_file_is_404():
    with pytest.raises(Http404):
        serve_private(None, "x.pdf", "application/pdf")
