"""Uploaded files: where they are stored and under which names.

Files live under MEDIA_ROOT/private/, outside the static root and never served by a web server
directly: a view checks who may read a file and sends it as an attachment. Stored names are
generated (a random hex name in a folder per kind); the uploader's name is kept in the database
only, so a name like ``../../x`` has no effect on the path.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage() -> FileSystemStorage:
    """The storage of uploaded files (a callable, so migrations name it rather than copy it)."""
    return FileSystemStorage(location=Path(settings.MEDIA_ROOT) / "private", base_url=None)


def stored_name(folder: str) -> str:
    """``<folder>/<random hex>``: a stored file's name, with no part of the uploaded name."""
    return f"{folder}/{uuid.uuid4().hex}"
