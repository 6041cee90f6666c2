"""Confirming an import: one token imports the file once, however many confirmations arrive."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from dcrnet.evidence.formats.common import CONTROL
from dcrnet.evidence.models import PendingImport, Reference

from .test_import_export import RIS

ROOT = Path(__file__).resolve().parents[3]


def _stage(client: Client) -> str:
    response = client.post("/evidence/import/", {"file": SimpleUploadedFile("r.ris", RIS.encode())})
    assert response.status_code == 200
    return response.context["confirm"].initial["token"]


def database_url(tmp_path: Path) -> str:
    """A database other processes can open: the test database on PostgreSQL; on SQLite (whose
    test database lives in this process's memory) a file copy of it, made with SQLite's backup."""
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{path}"
    params = connection.settings_dict
    credentials = quote(params["USER"] or "") + (
        ":" + quote(params["PASSWORD"]) if params["PASSWORD"] else ""
    )
    host = params["HOST"] or "127.0.0.1"
    return f"postgres://{credentials}@{host}:{params['PORT'] or 5432}/{params['NAME']}"


def references_in(url: str) -> int:
    if url.startswith("sqlite:///"):
        with closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as db:
            return db.execute("SELECT COUNT(*) FROM evidence_reference").fetchone()[0]
    return Reference.objects.count()


@pytest.mark.django_db(transaction=True)
def test_four_parallel_confirmations_from_two_processes_import_the_file_once(editor, tmp_path):
    client = Client()
    client.force_login(editor)
    token = _stage(client)
    url = database_url(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in {"PYTEST_CURRENT_TEST", "CACHE_URL"}}
    env["DATABASE_URL"] = url
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "dcrnet.evidence.tests.confirm_worker"]
            + [client.session.session_key, token, "2"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        for worker in workers:
            assert worker.stdout.readline().strip() == "ready"
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        results = [json.loads(worker.communicate(timeout=300)[0]) for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    assert [result["errors"] for result in results] == [[], []]
    statuses = [status for result in results for status in result["statuses"]]
    bodies = [body for result in results for body in result["bodies"]]
    assert sorted(statuses) == [302, 409, 409, 409]
    refused = [body for status, body in zip(statuses, bodies, strict=True) if status == 409]
    assert all("already confirmed" in body for body in refused)
    assert references_in(url) == 2  # the file's two records, once


@pytest.mark.django_db
def test_a_confirmation_cannot_be_replayed(client, editor):
    client.force_login(editor)
    token = _stage(client)
    data = {"confirm": "1", "token": token, "duplicates": "update"}
    assert client.post("/evidence/import/", data).status_code == 302
    again = client.post("/evidence/import/", data)
    assert again.status_code == 409 and "already confirmed" in again.content.decode()
    assert Reference.objects.count() == 2 and not PendingImport.objects.exists()


@pytest.mark.django_db
def test_a_token_is_only_good_for_the_editor_who_uploaded_the_file(client, editor, staff):
    staff.is_superuser = True
    staff.save()
    client.force_login(editor)
    token = _stage(client)
    client.force_login(staff)
    data = {"confirm": "1", "token": token, "duplicates": "skip"}
    assert client.post("/evidence/import/", data).status_code == 409
    assert Reference.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "x" * 300, "abc\x00", "abc\x01"])
def test_a_garbled_token_gets_a_clear_refusal(client, editor, token):
    client.force_login(editor)
    _stage(client)
    response = client.post("/evidence/import/", {"confirm": "1", "token": token})
    if CONTROL.search(token):  # the site's guard refuses it before the view, naming the field
        assert response.status_code == 400 and "token" in response.content.decode()
    else:
        assert response.status_code == 409 and "already confirmed" in response.content.decode()
    assert Reference.objects.count() == 0
