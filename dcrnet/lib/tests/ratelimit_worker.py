"""A separate app process that hits one rate limit from several threads at once.

Used by test_ratelimit (RELIABILITY 46): it loads the settings production would load from the
environment, prints "ready", waits for a line on stdin so that every process starts together,
then prints {"allowed": n, "errors": [...], "backend": "..."} as JSON.

    python -m dcrnet.lib.tests.ratelimit_worker SCOPE LIMIT THREADS HITS_PER_THREAD
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
    from django.core.cache import caches
    from django.db import connections

    from dcrnet.lib.ratelimit import hit

    scope, limit, threads, hits = sys.argv[1], *map(int, sys.argv[2:5])
    barrier = threading.Barrier(threads)
    lock = threading.Lock()
    allowed: list[int] = []
    errors: list[str] = []

    def work() -> None:
        try:
            barrier.wait()
            count = sum(hit(scope, "one client", limit, 600) for _ in range(hits))
            with lock:
                allowed.append(count)
        except Exception as error:  # reported to the test, which fails on any
            with lock:
                errors.append(repr(error))
        finally:
            connections.close_all()

    backend = type(caches["default"])
    print("ready", flush=True)
    sys.stdin.readline()
    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    result = {
        "allowed": sum(allowed),
        "errors": errors,
        "backend": f"{backend.__module__}.{backend.__qualname__}",
    }
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
