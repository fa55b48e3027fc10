"""The PostgreSQL backend: pooled connections, the live generation, snapshots."""

from __future__ import annotations

import atexit
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import numpy as np
import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from indexer import layout
from indexer.model import projects_of
from search.backend import PublishFailed, RecordsChange
from search.store import ProjectStore

from .facets import read_facets
from .publish import RECORDS_IN_ORDER, REGISTRY, SCHEMA_VERSION, publish, update
from .searching import Generation, PostgresSnapshot

URL_VARIABLE = "JIXIAO_DATABASE_URL"
READ_URL_VARIABLE = "JIXIAO_DATABASE_READ_URL"
POOL_SIZE = 16
STATEMENT_SECONDS = 10  # no search statement runs longer
POOL_WAIT_SECONDS = 10  # a request waits this long for a free connection ...
DOWN_WAIT_SECONDS = 1  # ... or this long when the last one found the database down
PROBE_SECONDS = 5  # why the database is out of reach is asked at most this often


# Every pool this process made, closed at exit: a pool left to the garbage collector may
# be collected on one of its own threads, where it cannot stop them. A forked child
# forgets its parent's pools without closing them (their connections are the parent's).
_OPEN_POOLS: list[ConnectionPool] = []


@atexit.register
def _close_pools() -> None:
    for pool in _OPEN_POOLS:
        pool.close(timeout=1)


os.register_at_fork(after_in_child=_OPEN_POOLS.clear)


def rebuild_command() -> str:
    return "JIXIAO_SEARCH_BACKEND=postgres python -m indexer build"


class PostgresBackend:
    """Hands out the live generation, and snapshots (a transaction on it) per request."""

    def __init__(self, url: str, read_url: str | None = None) -> None:
        if not url:
            raise ValueError(
                f"SEARCH_BACKEND postgres needs a database: set {URL_VARIABLE} "
                "(e.g. postgresql://user@host:5432/jixiao)"
            )
        self.url = url
        self.read_url = read_url or url
        self._pools: dict[int, ConnectionPool] = {}
        self._generation: Generation | None = None
        self._lock = threading.Lock()
        self._reachable = False  # until a connection is made: see _reading
        self._probed: tuple[float, str] = (-PROBE_SECONDS - 1, "")  # when, and what it said

    # ------------------------------------------------------------------ connections

    def _pool(self) -> ConnectionPool:
        """This process's pool (a forked worker makes its own)."""
        pid = os.getpid()
        pool = self._pools.get(pid)
        if pool is None:
            with self._lock:
                pool = self._pools.get(pid)
                if pool is None:
                    pool = ConnectionPool(
                        self.read_url,
                        min_size=0,
                        max_size=POOL_SIZE,
                        kwargs={"autocommit": True},
                        # a connection the server dropped (a restart) is replaced, not lent
                        check=ConnectionPool.check_connection,
                        open=False,
                        name=f"jixiao-{pid}",
                    )
                    pool.open(wait=False)
                    self._pools[pid] = pool
                    _OPEN_POOLS.append(pool)
        return pool

    @contextmanager
    def _reading(self) -> Iterator[psycopg.Connection]:
        """A pooled connection in a read-only repeatable-read transaction. An unreachable
        database raises IndexMissing (the pages answer 503 and say so)."""
        # after a failure, a request does not wait long for a database that is down
        wait = POOL_WAIT_SECONDS if self._reachable else DOWN_WAIT_SECONDS
        try:
            with self._pool().connection(timeout=wait) as conn, conn.transaction():
                self._reachable = True
                conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                conn.execute(f"SET LOCAL statement_timeout = '{STATEMENT_SECONDS}s'")
                yield conn
        except PoolTimeout as exc:
            if self._reachable and self._connects():
                raise layout.IndexMissing(
                    f"the PostgreSQL database is busy: no connection of {POOL_SIZE} was free "
                    f"within {wait:g} s"
                ) from exc
            self._reachable = False
            raise layout.IndexMissing(
                f"the PostgreSQL database is unreachable: {self._why_unreachable()}"
            ) from exc
        except psycopg.errors.QueryCanceled as exc:
            raise layout.IndexMissing(
                f"the search took longer than {STATEMENT_SECONDS} s and was stopped"
            ) from exc
        except psycopg.OperationalError as exc:
            raise layout.IndexMissing(f"the PostgreSQL database is unreachable: {exc}") from exc

    def _why_unreachable(self) -> str:
        """What connecting says (asked at most once per PROBE_SECONDS)."""
        now = time.monotonic()
        if now - self._probed[0] > PROBE_SECONDS:
            try:
                psycopg.connect(self.read_url, connect_timeout=2).close()
                said = "no connection could be made in time"
            except psycopg.Error as exc:
                said = " ".join(str(exc).split())
            self._probed = (now, said)
        return self._probed[1]

    def _connects(self) -> bool:
        """Whether a connection can be made at all (the pool may just be busy)."""
        try:
            psycopg.connect(self.read_url, connect_timeout=2).close()
        except psycopg.Error:
            return False
        return True

    def _live(self, conn: psycopg.Connection) -> tuple[str, int]:
        """The live generation's name and revision."""
        try:
            found = conn.execute(f"SELECT name, revision FROM {REGISTRY}.live").fetchone()
        except psycopg.errors.UndefinedTable:
            found = None
        if found is None:
            raise layout.IndexMissing(
                f"the PostgreSQL database has no index yet; build it with: {rebuild_command()}"
            )
        return found[0], found[1]

    def _open(self, conn: psycopg.Connection, live: tuple[str, int]) -> Generation:
        current = self._generation
        if current is not None and (current.name, current.revision) == live:
            return current
        with self._lock:
            current = self._generation
            if current is None or (current.name, current.revision) != live:
                # reading a generation is not a search: it takes longer (about 30 s at
                # 100,000 projects) and must not be stopped half way
                conn.execute("SET LOCAL statement_timeout = 0")
                self._generation = _read_generation(conn, *live)
                conn.execute(f"SET LOCAL statement_timeout = '{STATEMENT_SECONDS}s'")
            return self._generation

    # ------------------------------------------------------------------ the protocol

    def has_live(self) -> bool:
        try:
            with self._reading() as conn:
                self._live(conn)
        except layout.IndexMissing:
            return False
        return True

    def check_live(self) -> None:
        with self._reading() as conn:
            self._live(conn)

    def location(self) -> str:
        info = psycopg.conninfo.conninfo_to_dict(self.url)
        where = f"{info.get('host', 'localhost')}:{info.get('port', 5432)}"
        return f"the PostgreSQL database {info.get('dbname', '')} on {where}"

    def folder(self) -> None:
        return None

    def store(self) -> ProjectStore:
        with self._reading() as conn:
            return self._open(conn, self._live(conn)).store

    @contextmanager
    def snapshot(self) -> Iterator[PostgresSnapshot]:
        with self._reading() as conn:
            generation = self._open(conn, self._live(conn))
            yield PostgresSnapshot(generation, conn)

    def publish(
        self,
        records: list[dict[str, Any]],
        documents: Callable[[], Iterator[dict[str, Any]]],
        describe: Callable[[Counter[str], str], dict[str, Any]],
        progress: bool = False,
        extras: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        with _publishing():
            return publish(self._connect, records, documents, describe, progress, extras)

    def update(
        self,
        change: RecordsChange,
        remove: set[str],
        documents: Callable[[], Iterator[dict[str, Any]]],
        describe: Callable[[Counter[str], str], dict[str, Any]],
        based_on: Mapping[str, Any],
        progress: bool = False,
    ) -> dict[str, Any]:
        with _publishing():
            return update(self._connect, change, remove, documents, describe, based_on, progress)

    def live_meta(self) -> dict[str, Any] | None:
        # the description alone, from the primary (not the records a snapshot reads)
        try:
            with self._connect() as conn:
                found = conn.execute(
                    f"SELECT g.meta, l.revision FROM {REGISTRY}.live l "
                    f"JOIN {REGISTRY}.generations g USING (name)"
                ).fetchone()
        except psycopg.Error:
            return None
        if found is None or found[0].get("schema_version") != SCHEMA_VERSION:
            return None
        return {**found[0], "revision": found[1]}

    def live_records(self, files: Iterable[str] | None = None) -> list[dict[str, Any]]:
        with _publishing(), self._connect() as conn:
            (name,) = conn.execute(f"SELECT name FROM {REGISTRY}.live").fetchone()
            if files is None:
                query, params = RECORDS_IN_ORDER.format(name=name, where=""), []
            else:
                where = "WHERE file = ANY(%s::text[])"
                query, params = RECORDS_IN_ORDER.format(name=name, where=where), [sorted(files)]
            return [r for (r,) in conn.execute(query, params)]

    def live_extra(self, name: str) -> Any | None:
        with _publishing(), self._connect() as conn:
            (live,) = conn.execute(f"SELECT name FROM {REGISTRY}.live").fetchone()
            found = conn.execute(f"SELECT value FROM {live}.extras WHERE name = %s", [name])
            row = found.fetchone()
            return None if row is None else row[0]

    def _connect(self) -> psycopg.Connection:
        return psycopg.connect(self.url, autocommit=True)

    def close(self) -> None:
        """Close this process's pool (a parent's, inherited by a fork, is left alone)."""
        pool = self._pools.pop(os.getpid(), None)
        if pool is not None:
            pool.close()
            if pool in _OPEN_POOLS:
                _OPEN_POOLS.remove(pool)


@contextmanager
def _publishing() -> Iterator[None]:
    """PostgreSQL's errors while writing, as the protocol's."""
    try:
        yield
    except psycopg.OperationalError as exc:
        raise PublishFailed(f"the PostgreSQL database failed: {exc}") from exc
    except psycopg.Error as exc:
        raise PublishFailed(f"PostgreSQL refused the index: {exc}") from exc


def _read_generation(conn: psycopg.Connection, name: str, revision: int) -> Generation:
    """A generation's records, numbers and facets, read once."""
    meta = conn.execute(
        f"SELECT meta FROM {REGISTRY}.generations WHERE name = %s", [name]
    ).fetchone()[0]
    if meta.get("schema_version") != SCHEMA_VERSION:
        raise layout.IndexMissing(
            "the index in the PostgreSQL database was built by another version of Jixiao "
            f"Search; rebuild it with: {rebuild_command()}"
        )
    # the rows made projects one at a time, and their result let go of before the facets
    with conn.execute(RECORDS_IN_ORDER.format(name=name, where="")) as records:
        store = ProjectStore(projects_of(r for (r,) in records))
    facets, average, lengths = read_facets(conn, name)
    documents = int(np.count_nonzero(facets.alive))
    return Generation(name, revision, store, meta, documents, average, facets, lengths)
