"""Writing a PostgreSQL generation: a schema of its own (documents, records, term
counts), loaded and indexed inside one transaction that also makes it live. Readers see
the old generation until that transaction commits and the new one after, never a mix;
a build that fails leaves nothing behind (the transaction is rolled back).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import psycopg
from psycopg.types.json import Json
from tqdm import tqdm

from indexer.processes import WorkerDied, in_order
from indexer.text import bigrams, characters, words
from search.backend import PublishFailed, RecordsChange, changed_since

from . import postings
from .sql import SCALAR_FACETS, storable, tsvector

# 2: records by source file, extras; 3: columns reordered; 4: frequent terms' documents
SCHEMA_VERSION = 4
REGISTRY = "jixiao"
# One build at a time per database (pg_advisory_xact_lock)
BUILD_LOCK = 0x6A697869616F  # "jixiao"
# Loading the documents of this many projects or more, worker processes cut the texts
# into tokens (`_rows`), in chunks of PARALLEL_CHUNK documents
PARALLEL_FROM = 1_000
PARALLEL_VARIABLE = "JIXIAO_PARALLEL_FROM"
PARALLEL_CHUNK = 256
# Generations kept besides the live one: requests that began on the previous one finish
KEEP_PREVIOUS = 1

REGISTRY_DDL = f"""
CREATE SCHEMA IF NOT EXISTS {REGISTRY};
CREATE TABLE IF NOT EXISTS {REGISTRY}.generations (
    name text PRIMARY KEY,
    meta jsonb NOT NULL,
    created timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS {REGISTRY}.live (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    name text NOT NULL REFERENCES {REGISTRY}.generations (name),
    -- counts every publish and update: what a reader keeps is keyed by (name, revision)
    revision bigint NOT NULL DEFAULT 0
);
"""

# The docs table's columns, in their order on disk: what every search reads (numbers,
# then the facets) first and the wide token lists last, so that reading a row's facets
# does not step over its tokens (this order took a common word's facet pass at 100,000
# projects from about 60 to 30 ms)
DOC_COLUMNS = {
    "docnum": "int PRIMARY KEY",
    "project": "int NOT NULL",
    "seq": "int NOT NULL",
    "words": "int NOT NULL",
    "budget": "bigint",
    **{name: kind for name, kind in SCALAR_FACETS.items() if kind != "text"},
    **{name: kind for name, kind in SCALAR_FACETS.items() if kind == "text"},
    "problem": "text[] NOT NULL",
    "doc_id": "text NOT NULL",
    "project_id": "text NOT NULL",
    "numbers": "text[] NOT NULL",
    "titles": "text[] NOT NULL",
    "body": "tsvector NOT NULL",
    "grams": "tsvector NOT NULL",
    "chars": "tsvector NOT NULL",
}
COLUMNS = tuple(DOC_COLUMNS)
_DOC_DDL = ",\n    ".join(f"{name} {kind}" for name, kind in DOC_COLUMNS.items())
# A long passage's row is more than PostgreSQL keeps in a page (2 KB): its widest values
# are then kept apart (TOAST), and each read of one is a lookup of its own. Relevance
# reads `body` at every match (reading it from there took 1 µs per match and per word of
# the query: 150 of a common phrase's 500 ms at 100,000 projects), the character pairs
# and single characters are only matched through their indexes: they go first, and
# uncompressed (Chinese text gains little from compression)
_STORAGE_DDL = """
ALTER TABLE {schema}.docs ALTER COLUMN body SET STORAGE MAIN;
ALTER TABLE {schema}.docs ALTER COLUMN grams SET STORAGE EXTERNAL;
ALTER TABLE {schema}.docs ALTER COLUMN chars SET STORAGE EXTERNAL;
"""


def generation_ddl(schema: str) -> str:
    return f"""
CREATE SCHEMA {schema};
CREATE TABLE {schema}.docs (
    {_DOC_DDL}
);
{_STORAGE_DDL.format(schema=schema)}
CREATE TABLE {schema}.records (
    file text NOT NULL, n int NOT NULL, record json NOT NULL, PRIMARY KEY (file, n)
);
CREATE TABLE {schema}.extras (name text PRIMARY KEY, value json NOT NULL);
CREATE TABLE {schema}.terms (
    field text NOT NULL, term text NOT NULL, docs int NOT NULL, PRIMARY KEY (field, term)
);
"""


def term_counts(schema: str, where: str) -> str:
    """A SELECT of (field, term, documents) over the documents for which `where` (SQL)
    holds."""
    selects = []
    for field in ("body", "grams", "chars"):
        inner = f"SELECT {field} FROM {schema}.docs WHERE {where}".replace("'", "''")
        selects.append(f"SELECT '{field}', word, ndoc FROM ts_stat('{inner}')")
    for field in ("numbers", "titles"):
        selects.append(
            f"SELECT '{field}', v, count(*) FROM {schema}.docs, unnest({field}) v "
            f"WHERE {where} GROUP BY v"
        )
    return " UNION ALL ".join(selects)


def index_ddl(schema: str) -> str:
    return f"""
CREATE INDEX ON {schema}.docs USING gin (body);
CREATE INDEX ON {schema}.docs USING gin (grams);
CREATE INDEX ON {schema}.docs USING gin (chars);
CREATE INDEX ON {schema}.docs USING gin (numbers);
CREATE INDEX ON {schema}.docs USING gin (titles);
CREATE UNIQUE INDEX ON {schema}.docs (doc_id);
CREATE INDEX ON {schema}.docs (project, seq);
CREATE INDEX ON {schema}.docs (project_id);
INSERT INTO {schema}.terms {term_counts(schema, "true")};
ANALYZE {schema}.docs;
ANALYZE {schema}.terms;
"""


def new_name() -> str:
    """A generation's schema name: g_<time to the microsecond>_<random> (sorts by time)."""
    now = time.time()
    micro = int(now * 1_000_000) % 1_000_000
    return (
        f"g_{time.strftime('%Y%m%d_%H%M%S', time.gmtime(now))}_{micro:06d}_{secrets.token_hex(2)}"
    )


def row(doc: dict[str, Any], seq: int) -> tuple[Any, ...]:
    """A document as the docs table's row (in COLUMNS order)."""
    text = doc.get("body", "")
    body = [w for w, _, _ in words(text)]
    values = {
        "docnum": seq,
        "project": doc["order"],
        "seq": seq,
        "words": len(body),
        "budget": doc.get("budget"),
        **{name: doc.get(name) or None for name in SCALAR_FACETS},
        "problem": (doc.get("problem") or "").split(),
        "doc_id": doc["doc_id"],
        "project_id": doc["project_id"],
        "numbers": storable((doc.get("numbers") or "").split()),
        "titles": storable((doc.get("titles") or "").split()),
        "body": tsvector(body),
        "grams": tsvector(t for t, _, _ in bigrams(text)),
        "chars": tsvector(t for t, _, _ in characters(text)),
    }
    return tuple(values[name] for name in COLUMNS)


def _numbered_row(item: tuple[int, dict[str, Any]]) -> tuple[tuple[Any, ...], str]:
    """A numbered document as its row, and its kind (what the worker processes do)."""
    seq, doc = item
    return row(doc, seq), doc["kind"]


def _rows(
    documents: Callable[[], Iterator[dict[str, Any]]], first: int, processes: int
) -> Iterator[tuple[tuple[Any, ...], str]]:
    """The documents as rows numbered from `first`, with their kinds, in order. Cutting
    texts into tokens is most of a build's work (about 13 of 18 minutes at 100,000
    projects in one process): with `processes` > 1 that many worker processes do it
    while this one loads what they made (`indexer.processes`; a worker that dies fails
    the build, whose transaction is then rolled back)."""
    numbered = enumerate(documents(), start=first)
    try:
        yield from in_order(_numbered_row, numbered, processes, PARALLEL_CHUNK)
    except WorkerDied as exc:
        raise PublishFailed(f"cutting the documents into tokens failed: {exc}") from None


def _processes(records: int) -> int:
    """Worker processes for loading the documents of `records` projects: from
    PARALLEL_FROM projects on (or env PARALLEL_VARIABLE's number), one per core, at most
    two (this process and PostgreSQL need the others); below, none (starting them costs
    more than they save)."""
    setting = os.environ.get(PARALLEL_VARIABLE, "").strip()
    start = int(setting) if setting.isdigit() else PARALLEL_FROM
    return min(2, os.cpu_count() or 1) if records >= start else 1


def publish(
    connect: Callable[[], psycopg.Connection],
    records: list[dict[str, Any]],
    documents: Callable[[], Iterator[dict[str, Any]]],
    describe: Callable[[Counter[str], str], dict[str, Any]],
    progress: bool = False,
    extras: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Load a generation and make it live in one transaction (see `SearchBackend.publish`);
    then drop the generations older than the previous one."""
    name = new_name()
    with connect() as conn:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [BUILD_LOCK])
            conn.execute(REGISTRY_DDL)
            conn.execute(generation_ddl(name))
            kinds = _load(conn, name, documents, progress, 0, _processes(len(records)))
            _copy_records(conn, name, records)
            _set_extras(conn, name, extras or {})
            conn.execute(index_ddl(name))
            held_from = postings.held_from()
            postings.build(conn, name, held_from, progress)
            meta = {
                **describe(kinds, name),
                "schema_version": SCHEMA_VERSION,
                "kinds": kinds,
                "postings_from": held_from,
                "numbered": kinds.total(),
            }
            conn.execute(
                f"INSERT INTO {REGISTRY}.generations (name, meta) VALUES (%s, %s)",
                [name, Json(meta)],
            )
            (revision,) = conn.execute(
                f"INSERT INTO {REGISTRY}.live (name) VALUES (%s) ON CONFLICT (only_row) "
                f"DO UPDATE SET name = excluded.name, revision = {REGISTRY}.live.revision + 1 "
                "RETURNING revision",
                [name],
            ).fetchone()
            meta["revision"] = revision
            _set_meta(conn, name, meta)
        # The new generation is live: failing to tidy up must not report the build failed.
        with contextlib.suppress(psycopg.Error):
            drop_stale(conn, name)
    return meta


def _set_meta(conn: psycopg.Connection, name: str, meta: dict[str, Any]) -> None:
    conn.execute(f"UPDATE {REGISTRY}.generations SET meta = %s WHERE name = %s", [Json(meta), name])


def update(
    connect: Callable[[], psycopg.Connection],
    change: RecordsChange,
    remove: set[str],
    documents: Callable[[], Iterator[dict[str, Any]]],
    describe: Callable[[Counter[str], str], dict[str, Any]],
    based_on: Mapping[str, Any],
    progress: bool = False,
) -> dict[str, Any]:
    """Change the live generation in one transaction (see `SearchBackend.update`): the
    removed projects' documents deleted and their terms uncounted, the new ones loaded and
    counted, the dropped files' records deleted and the new ones loaded, the extras
    replaced, the revision counted up. Each step reads only what changes (the documents
    per kind are counted from the live description, not the table). Readers in a
    transaction that began before the commit go on seeing the generation as it was."""
    with connect() as conn, conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [BUILD_LOCK])
        found = conn.execute(
            f"SELECT l.name, l.revision, g.meta FROM {REGISTRY}.live l "
            f"JOIN {REGISTRY}.generations g USING (name)"
        ).fetchone()
        if found is None:
            raise PublishFailed("the database has no live index to update")
        name, revision, live_meta = found
        if live_meta.get("schema_version") != SCHEMA_VERSION:
            raise PublishFailed("the live index was built by another version: build it again")
        failure = changed_since({"generation": name, "revision": revision}, based_on)
        if failure is not None:
            raise failure
        # a number is never given twice (the held terms' rows keep removed documents'):
        # the new documents' come after every number given so far
        first = live_meta["numbered"]
        gone = f"project_id = ANY({_literal(conn, sorted(remove))}::text[])"
        conn.execute(f"CREATE TEMP TABLE gone ON COMMIT DROP AS {term_counts(name, gone)}")
        conn.execute(
            f"UPDATE {name}.terms t SET docs = t.docs - g.docs FROM gone g (field, term, docs) "
            "WHERE t.field = g.field AND t.term = g.term"
        )
        conn.execute(
            f"DELETE FROM {name}.terms t USING gone g (field, term, docs) "
            "WHERE t.field = g.field AND t.term = g.term AND t.docs <= 0"
        )
        kinds = Counter(live_meta["kinds"])
        deleted = conn.execute(
            f"WITH d AS (DELETE FROM {name}.docs WHERE {gone} RETURNING kind) "
            "SELECT kind, count(*) FROM d GROUP BY kind"
        ).fetchall()
        kinds.subtract(dict(deleted))
        loaded = _load(conn, name, documents, progress, first, _processes(len(change.records)))
        kinds.update(loaded)
        conn.execute(
            f"INSERT INTO {name}.terms {term_counts(name, f'docnum >= {int(first)}')} "
            "ON CONFLICT (field, term) DO UPDATE SET docs = terms.docs + excluded.docs"
        )
        postings.extend(conn, name, first, progress)
        conn.execute(
            f"DELETE FROM {name}.records WHERE file = ANY(%s::text[])", [sorted(change.drop)]
        )
        _copy_records(conn, name, change.records)
        _set_extras(conn, name, change.extras)
        (revision,) = conn.execute(
            f"UPDATE {REGISTRY}.live SET revision = revision + 1 RETURNING revision"
        ).fetchone()
        kinds = +kinds  # the kinds no document is of any more left out
        meta = {
            **describe(kinds, name),
            "schema_version": SCHEMA_VERSION,
            "kinds": kinds,
            "revision": revision,
            "postings_from": live_meta["postings_from"],
            "numbered": first + loaded.total(),
        }
        _set_meta(conn, name, meta)
    return meta


def _literal(conn: psycopg.Connection, value: Any) -> str:
    """A value written as an SQL literal (ts_stat's query is text: it takes no parameters)."""
    from psycopg import sql

    return sql.Literal(value).as_string(conn)


def _copy_records(conn: psycopg.Connection, name: str, records: list[dict[str, Any]]) -> None:
    """Load records, numbered within their source file in the order given."""
    numbers: Counter[str] = Counter()
    with conn.cursor().copy(f"COPY {name}.records (file, n, record) FROM STDIN") as copy:
        for record in records:
            source = record["source"]["file"]
            copy.write_row((source, numbers[source], Json(record)))
            numbers[source] += 1


def _set_extras(conn: psycopg.Connection, name: str, extras: Mapping[str, Any]) -> None:
    for key, value in extras.items():
        conn.execute(
            f"INSERT INTO {name}.extras (name, value) VALUES (%s, %s) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            [key, Json(value)],
        )


# the records in the order of their source files (by code point, as Python sorts them)
RECORDS_IN_ORDER = 'SELECT record FROM {name}.records {where} ORDER BY file COLLATE "C", n'


def _load(
    conn: psycopg.Connection,
    name: str,
    documents: Callable[[], Iterator[dict[str, Any]]],
    progress: bool,
    first: int,
    processes: int,
) -> Counter[str]:
    kinds: Counter[str] = Counter()
    bar = tqdm(desc="indexing", unit="doc", disable=None if progress else True)
    columns = ", ".join(COLUMNS)
    with conn.cursor().copy(f"COPY {name}.docs ({columns}) FROM STDIN") as copy:
        for values, kind in _rows(documents, first, processes):
            copy.write_row(values)
            kinds[kind] += 1
            bar.update()
    bar.close()
    return kinds


def drop_stale(conn: psycopg.Connection, live: str) -> list[str]:
    """Drop the generations older than the live one and the KEEP_PREVIOUS before it. A
    generation still being read is left for the next build (waits at most 2 s)."""
    names = [
        n
        for (n,) in conn.execute(
            f"SELECT name FROM {REGISTRY}.generations WHERE name <> %s "
            "ORDER BY created DESC, name DESC",
            [live],
        )
    ]
    dropped = []
    for stale in names[KEEP_PREVIOUS:]:
        try:
            with conn.transaction():
                conn.execute("SET LOCAL lock_timeout = '2s'")
                conn.execute(f"DROP SCHEMA IF EXISTS {stale} CASCADE")
                conn.execute(f"DELETE FROM {REGISTRY}.generations WHERE name = %s", [stale])
            dropped.append(stale)
        except psycopg.errors.LockNotAvailable:
            continue
    return dropped
