"""Files for upload tests, benign and hostile, built in memory (no fixtures on disk).

Other apps' tests import these to check their forms refuse what ``validate_upload`` refuses.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

DOCX_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
XLSX_TYPES = DOCX_TYPES.replace(b"/word/document.xml", b"/xl/workbook.xml").replace(
    b"wordprocessingml.document.main", b"spreadsheetml.sheet.main"
)
DOCM_TYPES = DOCX_TYPES.replace(
    b"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    b"vnd.ms-word.document.macroEnabled.main+xml",
)


def upload(content: bytes, name: str, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_javascript() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    script = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('x');"),
        }
    )
    tree = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("x"), writer._add_object(script)])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(tree)}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_open_action_js() -> bytes:
    """An /OpenAction whose /S is /JavaScript, the names written with #xx escapes."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert(1)"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue().replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS ", b"/J#53 ")


def pdf_with_launch() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")}
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_attachment() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_attachment("payload.exe", b"MZ not really")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_with_compressed_javascript() -> bytes:
    """JavaScript hidden in an object stream (compressed), invisible to a raw byte scan."""
    body = b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"
    header = b"4 0 "
    stream = zlib.compress(header + body)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, obj in enumerate(objects, start=1):
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + obj + b"\nendobj\n")
    offsets[5] = out.tell()
    out.write(
        b"5 0 obj\n<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
        % (len(header), len(stream))
        + stream
        + b"\nendstream\nendobj\n"
    )
    # A cross-reference stream: object 4 lives in object stream 5 at index 0.
    rows = [b"\x00\x00\x00\x00\xff\xff"]
    for number in (1, 2, 3):
        rows.append(b"\x01" + struct.pack(">I", offsets[number]) + b"\x00")
    rows.append(b"\x02" + struct.pack(">I", 5) + b"\x00")
    rows.append(b"\x01" + struct.pack(">I", offsets[5]) + b"\x00")
    rows.append(b"\x01" + struct.pack(">I", 0) + b"\x00")  # object 6 itself, patched below
    xref_offset = out.tell()
    rows[6] = b"\x01" + struct.pack(">I", xref_offset) + b"\x00"
    data = b"".join(rows)
    out.write(
        b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 1] /Root 1 0 R /Length %d >>\nstream\n"
        % len(data)
        + data
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_offset
    )
    return out.getvalue()


def zip_bytes(entries: list[tuple[str, bytes]], *, stored_first: bool = False, **kw) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, content) in enumerate(entries):
            compress = zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = compress
            archive.writestr(info, content)
        if kw.get("comment"):
            archive.comment = kw["comment"]
    return out.getvalue()


def docx(extra: list[tuple[str, bytes]] | None = None, types: bytes = DOCX_TYPES) -> bytes:
    return zip_bytes(
        [
            ("[Content_Types].xml", types),
            ("_rels/.rels", b"<Relationships/>"),
            ("word/document.xml", b"<w:document/>"),
            *(extra or []),
        ]
    )


def xlsx() -> bytes:
    return zip_bytes([("[Content_Types].xml", XLSX_TYPES), ("xl/workbook.xml", b"<workbook/>")])


def odt(mimetype: bytes = b"application/vnd.oasis.opendocument.text", extra=None) -> bytes:
    return zip_bytes(
        [
            ("mimetype", mimetype),
            ("content.xml", b"<office:document-content/>"),
            ("META-INF/manifest.xml", b"<manifest:manifest/>"),
            *(extra or []),
        ],
        stored_first=True,
    )


def docx_zip_bomb(megabytes: int = 30) -> bytes:
    """A DOCX whose one part inflates from a few kilobytes to ``megabytes`` MB of zeros."""
    return docx(extra=[("word/media/filler.bin", b"\x00" * (megabytes * 1024 * 1024))])


def docx_encrypted_entry() -> bytes:
    data = bytearray(docx())
    # Set the "encrypted" flag of every entry in the central directory.
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) != -1:
        flags = struct.unpack_from("<H", data, start + 8)[0]
        struct.pack_into("<H", data, start + 8, flags | 0x1)
        start += 4
    return bytes(data)


def png(size=(40, 30), mode="RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, "red" if mode == "RGB" else 0).save(out, format="PNG")
    return out.getvalue()


GPS_IFD = 0x8825


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), "blue")
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0112] = 1  # Orientation
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 22.0, 30.0), 3: "E", 4: (4.0, 53.0, 0.0)})
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def png_bomb(width: int = 60_000, height: int = 60_000) -> bytes:
    """A PNG header announcing a huge 1-bit image; its few bytes would decode to gigabytes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    idat = zlib.compress(row * 16, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
        + chunk(b"IDAT", idat)
        + chunk(b"IEND", b"")
    )


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
