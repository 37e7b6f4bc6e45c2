"""Helpers for benchmarks: Django set up on a throwaway database, and timing.

    with throwaway_database("digiskill_bench") as engine:   # "sqlite" or "postgresql"
        ...  # Django is set up and migrated; use the app's services and selectors

SQLite (a file in a temporary folder) by default; with DATABASE_URL pointing at PostgreSQL, a
separate database of the given name is created on that server and dropped afterwards, so the
database in DATABASE_URL is never touched.
"""

from __future__ import annotations

import os
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit


def _prepare_environment(database_url: str) -> None:
    """Production-like settings (DEBUG off) on the given database."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digiskill.settings")


def _setup_django() -> str:
    """django.setup() and migrate quietly; return the engine's vendor name."""
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    return connection.vendor


def _admin_connection(url: str) -> Any:
    """An autocommit connection to the server's `postgres` database."""
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


@contextmanager
def throwaway_database(name: str) -> Iterator[str]:
    """Set up Django on a new, empty, migrated database; remove it afterwards. Yields the vendor."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        with _admin_connection(url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        _prepare_environment(urlunsplit(urlsplit(url)._replace(path=f"/{name}")))
        try:
            yield _setup_django()
        finally:
            from django.db import connections

            connections.close_all()
            with _admin_connection(url) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return
    with tempfile.TemporaryDirectory(prefix=f"{name}-") as folder:
        _prepare_environment(f"sqlite:///{folder}/{name}.sqlite3")
        try:
            yield _setup_django()
        finally:
            from django.db import connections

            connections.close_all()


def median_ms(run: Callable[[], object], *, repeat: int, warmup: int = 2) -> float:
    """The median wall time of `run()` in milliseconds, after a few untimed warm-up calls."""
    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)
