"""A separate app process that confirms one staged import from several threads at once.

Used by test_import_confirm: it loads the settings from the environment (DATABASE_URL names a
database the test process wrote), prints "ready", waits for a line on stdin so that every
process starts together, then prints {"statuses": [...], "bodies": [...], "errors": [...]}.

    python -m dcrnet.evidence.tests.confirm_worker SESSION_KEY TOKEN THREADS
"""

from __future__ import annotations

import json
import os
import sys
import threading


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dcrnet.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connections
    from django.test import Client

    session_key, token, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
    barrier = threading.Barrier(threads, timeout=60)
    lock = threading.Lock()
    statuses: list[int] = []
    bodies: list[str] = []
    errors: list[str] = []

    def work() -> None:
        try:
            client = Client()
            client.cookies[settings.SESSION_COOKIE_NAME] = session_key
            barrier.wait()
            response = client.post(
                "/evidence/import/", {"confirm": "1", "token": token, "duplicates": "skip"}
            )
            with lock:
                statuses.append(response.status_code)
                bodies.append(response.content.decode())
        except Exception as error:  # reported to the test, which fails on any
            with lock:
                errors.append(repr(error))
        finally:
            connections.close_all()

    print("ready", flush=True)
    sys.stdin.readline()
    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(json.dumps({"statuses": statuses, "bodies": bodies, "errors": errors}), flush=True)


if __name__ == "__main__":
    main()
