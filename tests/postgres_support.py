"""A PostgreSQL cluster for the tests: the one CI starts (JIXIAO_TEST_DATABASE_URL), or
one of our own in a temporary folder when this machine has PostgreSQL's programs. With
neither, the PostgreSQL tests are skipped, unless JIXIAO_REQUIRE_POSTGRES is set (CI):
then they fail. Each use gets a database of its own."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

import psycopg
import pytest

from search.postgres_backend import cluster

URL_VARIABLE = "JIXIAO_TEST_DATABASE_URL"
REQUIRE_VARIABLE = "JIXIAO_REQUIRE_POSTGRES"


class Server:
    """A running cluster; `database()` makes a fresh database on it and returns its URL."""

    def __init__(self) -> None:
        self.data_dir: Path | None = None
        self.url = os.environ.get(URL_VARIABLE, "")
        if not self.url:
            if not cluster.available():
                message = "PostgreSQL is not installed (apt-get install postgresql)"
                if os.environ.get(REQUIRE_VARIABLE):
                    pytest.fail(message)
                pytest.skip(message)
            self.data_dir = Path(tempfile.mkdtemp(prefix="jixiao-pg-"))
            self.url = cluster.start(self.data_dir, durable=False)

    def database(self) -> str:
        name = f"test_{secrets.token_hex(4)}"
        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return psycopg.conninfo.make_conninfo(self.url, dbname=name)

    def stop(self) -> None:
        if self.data_dir is not None:
            cluster.stop(self.data_dir)
            import shutil

            shutil.rmtree(self.data_dir, ignore_errors=True)
