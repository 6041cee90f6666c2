"""Uploaded files: how they are checked, where they are stored, under which names, how sent.

Files live under MEDIA_ROOT/private/, outside the static root and never served by a web server
directly: a view checks who may read a file and sends it as an attachment (``serve_private``).
Stored names are generated (a random hex name in a folder per kind); the uploader's name is kept
in the database only, so a name like ``../../x`` has no effect on the path.

Every app checks an upload with ``validate_upload(uploaded_file, allowed)`` (RELIABILITY 41-44):

- the type is detected from the bytes, never from the name or the browser's content type:
  PDF (``%PDF-`` at offset 0), PNG, JPEG, and zip containers that are really DOCX, XLSX (their
  ``[Content_Types].xml`` declares the main part) or ODT (a stored first ``mimetype`` entry);
- the name's extension must agree with the detected type; a second file-type extension
  (``x.pdf.php``, ``x.php.pdf``) and names of active types (.php, .html, .svg …) are refused;
- polyglots are refused: a file that is also a zip archive, has a PDF header or HTML/SVG/XML
  markup in the first kilobyte (what browsers and PDF readers sniff);
- a PDF is read with pypdf and refused if any object names JavaScript, a launch action, an
  embedded file, rich media or an XFA form, or if it is encrypted;
- a zip container is checked from its directory before anything is decompressed: number of
  entries, sum and ratio of the declared uncompressed sizes (zip bombs), encrypted entries,
  unusual compression, names that climb (``..``, absolute, backslashes), duplicates, macros
  (vbaProject, macro-enabled content types, ODF Basic/Scripts), ActiveX;
- images are decoded and re-encoded with Pillow without their metadata (EXIF with GPS, text
  chunks): what is stored is the new image, never the uploaded bytes; a decompression bomb
  (more than ``UPLOAD_MAX_PIXELS``) is a form error;
- more than ``settings.UPLOAD_MAX_BYTES`` (10 MB by default) is refused before reading further.

Every refusal is a ``ValidationError`` whose message says what was wrong, so a form shows it next
to the field; nothing in a hostile file produces a 500.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import uuid
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _


def private_storage() -> FileSystemStorage:
    """The storage of uploaded files (a callable, so migrations name it rather than copy it)."""
    return FileSystemStorage(location=Path(settings.MEDIA_ROOT) / "private", base_url=None)


def stored_name(folder: str) -> str:
    """``<folder>/<random hex>``: a stored file's name, with no part of the uploaded name."""
    return f"{folder}/{uuid.uuid4().hex}"


# --- Types -----------------------------------------------------------------------------------

PDF, DOCX, XLSX, ODT, PNG, JPEG = "pdf", "docx", "xlsx", "odt", "png", "jpeg"

CONTENT_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ODT: "application/vnd.oasis.opendocument.text",
    PNG: "image/png",
    JPEG: "image/jpeg",
}
EXTENSIONS = {
    PDF: (".pdf",),
    DOCX: (".docx",),
    XLSX: (".xlsx",),
    ODT: (".odt",),
    PNG: (".png",),
    JPEG: (".jpg", ".jpeg"),
}
LABELS = {PDF: "PDF", DOCX: "DOCX", XLSX: "XLSX", ODT: "ODT", PNG: "PNG", JPEG: "JPEG"}

#: The sets apps pass as ``allowed``.
DOCUMENTS = frozenset({PDF, DOCX, XLSX, ODT})
IMAGES = frozenset({PNG, JPEG})
ALL = DOCUMENTS | IMAGES

#: Extensions that must not appear anywhere in a name: scripts, markup, executables, archives.
ACTIVE_EXTENSIONS = frozenset(
    """php php3 php4 php5 php7 phtml phar pht html htm xhtml shtml svg svgz xml xsl xslt js mjs
    jsp jspx asp aspx cgi pl py rb sh bash exe dll com bat cmd ps1 vbs vb jar war msi hta scr
    swf htaccess docm dotm xlsm xltm pptm zip rar 7z gz tar""".split()
)
FILE_EXTENSIONS = frozenset(e.lstrip(".") for exts in EXTENSIONS.values() for e in exts)

MAX_ZIP_ENTRIES = 2000
MAX_ZIP_UNCOMPRESSED = 100 * 1024 * 1024  # sum of the declared sizes of every entry
MAX_ZIP_RATIO = 100  # uncompressed / compressed, per entry above 1 MB and over the archive
MAX_XML_PART = 1024 * 1024  # [Content_Types].xml, mimetype: read at most this much
MAX_PDF_OBJECTS = 200_000
UPLOAD_MAX_PIXELS = 40_000_000
SNIFF_BYTES = 1024

_ZIP_MAGIC = b"PK\x03\x04"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"
_PDF_MAGIC = b"%PDF-"
_MARKUP = re.compile(
    rb"<\s*(?:!doctype|html|head|body|script|iframe|svg|object|embed)\b", re.IGNORECASE
)
# Names in PDF objects that mean the file can act on its own. Checked on every object pypdf
# parses (names in compressed object streams included, "#xx" escapes decoded) and on the raw
# bytes as a second net.
PDF_FORBIDDEN_NAMES = {
    "/JS": "JavaScript",
    "/JavaScript": "JavaScript",
    "/Launch": "a launch action",
    "/EmbeddedFile": "an embedded file",
    "/EmbeddedFiles": "an embedded file",
    "/RichMedia": "rich media",
    "/XFA": "an XFA form",
}
_PDF_RAW_NAME = re.compile(rb"/([A-Za-z0-9#]+)")
# Stream data (compressed page content, images) is left out of the raw scan: random bytes there
# would spell "/JS" by chance. Object streams are parsed by pypdf and their objects walked.
_PDF_STREAM = re.compile(rb"stream\r?\n.*?endstream", re.DOTALL)


def max_bytes() -> int:
    return int(getattr(settings, "UPLOAD_MAX_BYTES", 10 * 1024 * 1024))


@dataclass(frozen=True)
class Checked:
    """An upload that passed ``validate_upload``: what to store (``content``: for images the
    re-encoded bytes, never the uploaded ones) and what to record about it."""

    content: bytes
    kind: str  # one of PDF, DOCX, XLSX, ODT, PNG, JPEG
    content_type: str
    size: int
    sha256: str
    original_name: str  # safe to display and to send back as the download name

    def as_file(self) -> ContentFile:
        """A file to assign to a FileField; its ``upload_to`` generates the stored name."""
        return ContentFile(self.content, name=self.original_name)


# --- Names -----------------------------------------------------------------------------------


def safe_name(name: str | None, default: str = "file") -> str:
    """The last path component of an uploaded name, without control characters, leading dots or
    separators, NFC-normalised, at most 150 characters (the extension kept)."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = re.sub(r"\s+", " ", name).strip(" .")
    if not name:
        return default
    if len(name) > 150:
        stem, dot, ext = name.rpartition(".")
        name = f"{stem[: 150 - len(ext) - 1]}.{ext}" if dot and len(ext) <= 10 else name[:150]
    return name


def _check_name(name: str, allowed: Iterable[str]) -> str:
    """The name's final extension, lower case with its dot; refuses active and double extensions."""
    parts = name.lower().split(".")
    if len(parts) < 2 or not parts[-1]:
        raise ValidationError(
            _("The file name has no extension; accepted: %(types)s.") % {"types": _types(allowed)},
            code="upload_extension",
        )
    for part in parts[1:]:
        if part.strip() in ACTIVE_EXTENSIONS:
            raise ValidationError(
                _("Files named .%(ext)s are not accepted (the name is “%(name)s”).")
                % {"ext": part.strip(), "name": name},
                code="upload_extension",
            )
    if any(part.strip() in FILE_EXTENSIONS for part in parts[1:-1]):
        raise ValidationError(
            _("The file name “%(name)s” has two file-type extensions; rename it with one.")
            % {"name": name},
            code="upload_double_extension",
        )
    return "." + parts[-1].strip()


def _types(allowed: Iterable[str]) -> str:
    return ", ".join(LABELS[k] for k in sorted(allowed, key=list(LABELS).index))


# --- Reading ---------------------------------------------------------------------------------


def _read(uploaded_file, limit: int) -> bytes:
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > limit:
        raise _too_large(limit)
    uploaded_file.seek(0)
    buffer = io.BytesIO()
    chunks = uploaded_file.chunks() if hasattr(uploaded_file, "chunks") else [uploaded_file.read()]
    for chunk in chunks:
        buffer.write(chunk)
        if buffer.tell() > limit:
            raise _too_large(limit)
    return buffer.getvalue()


def _too_large(limit: int) -> ValidationError:
    return ValidationError(
        _("The file is larger than %(mb)s MB.") % {"mb": f"{limit / (1024 * 1024):g}"},
        code="upload_too_large",
    )


def _detect(data: bytes) -> str | None:
    """The kind the first bytes announce; zip containers are told apart later."""
    if data.startswith(_PDF_MAGIC):
        return PDF
    if data.startswith(_PNG_MAGIC):
        return PNG
    if data.startswith(_JPEG_MAGIC):
        return JPEG
    if data.startswith(_ZIP_MAGIC):
        return "zip"
    return None


def _refuse(message: str, code: str = "upload_content") -> ValidationError:
    return ValidationError(message, code=code)


def _check_polyglot(data: bytes, detected: str) -> None:
    head = data[:SNIFF_BYTES]
    if _MARKUP.search(head):
        raise _refuse(
            _("The file contains web markup (HTML, SVG or XML) at its start; it is not accepted."),
            "upload_polyglot",
        )
    if detected != PDF and _PDF_MAGIC in head:
        raise _refuse(
            _("The file is also readable as a PDF (a polyglot file); it is not accepted."),
            "upload_polyglot",
        )
    if detected != "zip" and _is_zip(data):
        raise _refuse(
            _("The file is also a zip archive (a polyglot file); it is not accepted."),
            "upload_polyglot",
        )


def _is_zip(data: bytes) -> bool:
    if b"PK\x05\x06" not in data[-66_000:]:
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return bool(archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        return False


# --- PDF -------------------------------------------------------------------------------------


def _check_pdf(data: bytes) -> None:
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    found: set[str] = set()

    def look(name: str) -> None:
        if name in PDF_FORBIDDEN_NAMES:
            found.add(PDF_FORBIDDEN_NAMES[name])

    # Raw bytes first, with "#xx" escapes decoded: catches what a lenient reader might skip.
    for match in _PDF_RAW_NAME.finditer(_PDF_STREAM.sub(b" ", data)):
        raw = match.group(1)
        if b"#" in raw:
            raw = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
        look("/" + raw.decode("latin-1"))
    if found:
        raise _pdf_active(found)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise _refuse(
                    _(
                        "The PDF is encrypted, so it cannot be checked; "
                        "upload it without a password."
                    )
                )
            ids = [(num, gen, False) for gen, table in reader.xref.items() for num in table]
            ids += [(num, 0, True) for num in reader.xref_objStm]
            if len(ids) > MAX_PDF_OBJECTS:
                raise _refuse(_("The PDF has too many objects to be checked."))
            seen_ids: set[int] = set()

            def walk(obj, depth: int = 0) -> None:
                if depth > 64 or id(obj) in seen_ids:
                    return
                if isinstance(obj, IndirectObject):
                    return  # every indirect object is visited from the cross-reference table
                seen_ids.add(id(obj))
                if isinstance(obj, NameObject):
                    look(str(obj))
                elif isinstance(obj, DictionaryObject):
                    for key, value in obj.items():
                        look(str(key))
                        walk(value, depth + 1)
                elif isinstance(obj, ArrayObject):
                    for value in obj:
                        walk(value, depth + 1)

            walk(reader.trailer)
            for num, gen, compressed in ids:
                try:
                    obj = reader.get_object(IndirectObject(num, gen, reader))
                except Exception as error:
                    if compressed:  # the raw scan cannot see inside object streams
                        raise _refuse(_("The PDF is damaged and cannot be checked.")) from error
                    continue  # a damaged plain object: the raw scan above has read it
                walk(obj)
            if len(reader.pages) < 1:
                raise _refuse(_("The PDF has no pages."))
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds on hostile input; all mean "unreadable"
        raise _refuse(_("The file starts like a PDF but cannot be read as one.")) from error
    if found:
        raise _pdf_active(found)


def _pdf_active(found: set[str]) -> ValidationError:
    return _refuse(
        _("The PDF contains %(what)s; only PDFs without active content are accepted.")
        % {"what": ", ".join(sorted(found))},
        "upload_active_content",
    )


# --- Zip containers (DOCX, XLSX, ODT) --------------------------------------------------------

_OOXML_MAIN = {
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _check_zip(data: bytes) -> str:
    """The kind of a zip container (DOCX, XLSX or ODT), checked from its directory before any
    entry is decompressed; then only the small type-declaring entries are read, with a cap."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise _refuse(_("The file starts like a zip archive but cannot be read as one.")) from error
    with archive:
        infos = archive.infolist()
        if not infos or len(infos) > MAX_ZIP_ENTRIES:
            raise _refuse(_("The document has no parts or too many parts."))
        if archive.comment:
            raise _refuse(_("The document carries extra data after its contents."))
        names: set[str] = set()
        total = compressed = 0
        for info in infos:
            name = info.filename
            lowered = name.lower()
            if (
                not name
                or name.startswith("/")
                or "\\" in name
                or "\x00" in name
                or ".." in name.split("/")
                or re.match(r"^[a-zA-Z]:", name)
            ):
                raise _refuse(_("The document contains a part with an unsafe name."))
            if lowered in names:
                raise _refuse(_("The document contains two parts with the same name."))
            names.add(lowered)
            if info.flag_bits & 0x1:
                raise _refuse(_("The document is encrypted; upload it without a password."))
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _refuse(_("The document uses an unusual compression; save it again."))
            if "vbaproject" in lowered or lowered.startswith(("basic/", "scripts/")):
                raise _refuse(
                    _("The document contains macros; save it without macros."), "upload_macro"
                )
            if "activex" in lowered:
                raise _refuse(
                    _("The document contains ActiveX controls; save it without them."),
                    "upload_macro",
                )
            total += info.file_size
            compressed += info.compress_size
            if info.file_size > 1024 * 1024 and info.file_size > MAX_ZIP_RATIO * max(
                info.compress_size, 1
            ):
                raise _zip_bomb()
        if total > MAX_ZIP_UNCOMPRESSED or (
            total > 1024 * 1024 and total > MAX_ZIP_RATIO * max(compressed, 1)
        ):
            raise _zip_bomb()

        if infos[0].filename == "mimetype":
            if infos[0].compress_type != zipfile.ZIP_STORED:
                raise _refuse(_("The OpenDocument file is malformed (compressed mimetype)."))
            mimetype = _read_entry(archive, infos[0]).strip()
            if mimetype != _ODT_MIMETYPE:
                raise _refuse(
                    _("Only OpenDocument text files (.odt) are accepted, not “%(type)s”.")
                    % {"type": mimetype[:80].decode("ascii", "replace")}
                )
            if "meta-inf/manifest.xml" not in names:
                raise _refuse(_("The OpenDocument file is malformed (no manifest)."))
            return ODT

        info = next((i for i in infos if i.filename == "[Content_Types].xml"), None)
        if info is None:
            raise _refuse(
                _(
                    "The zip archive is not a DOCX, XLSX or ODT document; "
                    "zip files are not accepted."
                )
            )
        declared = _content_types(_read_entry(archive, info))
        if any("macroenabled" in t.lower() or "vba" in t.lower() for t in declared):
            raise _refuse(
                _("The document contains macros; save it without macros."), "upload_macro"
            )
        kinds = [kind for kind, main in _OOXML_MAIN.items() if main in declared]
        if len(kinds) != 1:
            raise _refuse(_("Only Word (.docx) and Excel (.xlsx) Office documents are accepted."))
        return kinds[0]


def _zip_bomb() -> ValidationError:
    return _refuse(
        _("The document expands to far more than its size (a possible zip bomb); it is refused."),
        "upload_zip_bomb",
    )


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.file_size > MAX_XML_PART:
        raise _refuse(_("The document's type declaration is too large."))
    try:
        with archive.open(info) as entry:
            content = entry.read(MAX_XML_PART + 1)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError) as error:
        raise _refuse(_("A part of the document cannot be read.")) from error
    if len(content) > MAX_XML_PART:
        raise _refuse(_("The document's type declaration is too large."))
    return content


def _content_types(xml: bytes) -> set[str]:
    """The ContentType attributes of [Content_Types].xml; no DTDs or entities allowed."""
    if re.search(rb"<!(?:DOCTYPE|ENTITY)", xml, re.IGNORECASE):
        raise _refuse(_("The document's type declaration is malformed."))
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise _refuse(_("The document's type declaration is malformed.")) from error
    return {el.get("ContentType", "") for el in root.iter() if el.get("ContentType")}


# --- Images ----------------------------------------------------------------------------------


def _reencode(data: bytes, kind: str) -> bytes:
    """Decode the image and write a new one without metadata (EXIF, GPS, text chunks); the
    orientation EXIF gives is applied to the pixels first."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    pixels = int(getattr(settings, "UPLOAD_MAX_PIXELS", UPLOAD_MAX_PIXELS))
    bomb = _refuse(
        _("The image is too large in pixels (more than %(mp)s megapixels).")
        % {"mp": pixels // 1_000_000},
        "upload_decompression_bomb",
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                expected = "PNG" if kind == PNG else "JPEG"
                if image.format != expected:
                    raise _refuse(_("The image cannot be read."))
                width, height = image.size
                if width * height > pixels or width < 1 or height < 1:
                    raise bomb
                image.load()
                image = ImageOps.exif_transpose(image)
                if kind == JPEG and image.mode not in ("RGB", "L"):
                    image = image.convert("RGB")
                if kind == PNG and image.mode not in ("RGB", "RGBA", "L", "LA", "P", "1"):
                    image = image.convert("RGBA")
                image.info = {k: v for k, v in image.info.items() if k == "transparency"}
                out = io.BytesIO()
                if kind == JPEG:
                    image.save(out, format="JPEG", quality=90, optimize=True)
                else:
                    image.save(out, format="PNG")
                return out.getvalue()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise bomb from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as error:
        raise _refuse(_("The image cannot be read.")) from error
    except Exception as error:  # hostile input must be a form error, never a 500
        raise _refuse(_("The image cannot be read.")) from error


# --- The entry point -------------------------------------------------------------------------


def validate_upload(uploaded_file, allowed: Iterable[str] = ALL) -> Checked:
    """Check an uploaded file by its content and return what to store.

    ``allowed`` is a set of kinds (``DOCUMENTS``, ``IMAGES``, ``ALL`` or any of PDF, DOCX, XLSX,
    ODT, PNG, JPEG). Raises ``ValidationError`` with a message naming the problem. Use it in a
    form's ``clean_<field>()`` and store ``checked.as_file()`` with ``checked.content_type``,
    ``size``, ``sha256`` and ``original_name``.
    """
    allowed = frozenset(allowed)
    unknown = allowed - ALL
    if unknown:
        raise ValueError(f"unknown upload kinds: {sorted(unknown)}")
    name = safe_name(getattr(uploaded_file, "name", None))
    extension = _check_name(name, allowed)
    data = _read(uploaded_file, max_bytes())
    if not data:
        raise _refuse(_("The file is empty."), "upload_empty")

    detected = _detect(data)
    if detected is None:
        raise _refuse(
            _("The content of “%(name)s” is not one of the accepted types: %(types)s.")
            % {"name": name, "types": _types(allowed)},
            "upload_type",
        )
    _check_polyglot(data, detected)
    kind = _check_zip(data) if detected == "zip" else detected
    if kind not in allowed:
        raise _refuse(
            _("%(kind)s files are not accepted here; accepted: %(types)s.")
            % {"kind": LABELS[kind], "types": _types(allowed)},
            "upload_type",
        )
    if extension not in EXTENSIONS[kind]:
        raise _refuse(
            _("The file name ends in %(ext)s but the content is a %(kind)s file.")
            % {"ext": extension, "kind": LABELS[kind]},
            "upload_extension_mismatch",
        )
    if kind == PDF:
        _check_pdf(data)
    elif kind in IMAGES:
        data = _reencode(data, kind)
        if len(data) > max_bytes():
            raise _too_large(max_bytes())
    return Checked(
        content=data,
        kind=kind,
        content_type=CONTENT_TYPES[kind],
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        original_name=name,
    )


# --- Serving ---------------------------------------------------------------------------------

_SAFE_CONTENT_TYPES = frozenset(CONTENT_TYPES.values())


def serve_private(file_field, download_name: str, content_type: str, *, public: bool = False):
    """Send a stored file as an attachment the browser will not render or sniff.

    The caller has checked who may read it. ``public=True`` (published documents) allows a short
    shared cache; everything else is ``private, no-store``. A content type we did not record
    ourselves is sent as ``application/octet-stream``. A missing file is a 404.
    """
    if not file_field:
        raise Http404("no file")
    try:
        handle = file_field.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404("file missing") from error
    if content_type not in _SAFE_CONTENT_TYPES:
        content_type = "application/octet-stream"
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=safe_name(download_name, default="download"),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "public, max-age=300" if public else "private, no-store"
    return response
