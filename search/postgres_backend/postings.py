"""The documents of a generation's frequent terms, kept by us beside the GIN indexes.

A GIN index finds a common word's documents quickly, but PostgreSQL then visits every
matching row, even when only its number is wanted: it has no index-only scans. At
100,000 projects 预算 matches 210,560 passages on 159,498 pages of the table; finding
them took 26 ms, visiting them 190 ms and their relevance 95 ms more. So a build also
writes, for every term that HELD_FROM documents or more hold, which documents hold it:
one row per term and run of PART document numbers (`start`, a multiple of PART), either
a bitmap of the run (PART bits) or the numbers' offsets from `start` (2 bytes each),
whichever is smaller. A search whose terms include such a term reads its rows and works
out the matches and their relevance over arrays (`searching.py`); the other terms'
documents come from their GIN indexes (fewer than HELD_FROM each when the generation was
built).

Which terms are held is fixed by the build: an update adds the new documents to the held
terms' rows (the run they begin in is extended) and leaves the removed documents'
numbers in them (they are masked by the generation's live documents; numbers are never
given twice, see `publish.update`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

import numpy as np
import psycopg
from tqdm import tqdm

from search.compile import Term

# A run of document numbers: its bitmap takes 8 KB, an offset in it 2 bytes
PART = 1 << 16
HELD_FROM = 2_000
HELD_FROM_VARIABLE = "JIXIAO_POSTINGS_FROM"

POSTINGS_DDL = """
CREATE TABLE {schema}.postings (
    field text NOT NULL, term text NOT NULL, start int NOT NULL, bits boolean NOT NULL,
    data bytea NOT NULL, PRIMARY KEY (field, term, start)
);
ALTER TABLE {schema}.postings ALTER COLUMN data SET STORAGE EXTERNAL;
"""

# Every token of a document with its field, for the terms in the temporary table `held`.
# The documents are read in the order of their numbers, and each term's numbers are
# gathered in the order they are read (a hash aggregate: sorting them in SQL took 7.6 s
# of a run's 10 at 100,000 projects; they are checked, and sorted only if need be)
_RUN_SQL = """
SELECT x.f, x.t, string_agg(int4send(d.docnum), '')
FROM {schema}.docs d CROSS JOIN LATERAL (
    SELECT 'body'::text AS f, unnest(tsvector_to_array(d.body)) AS t
    UNION ALL SELECT 'grams', unnest(tsvector_to_array(d.grams))
    UNION ALL SELECT 'chars', unnest(tsvector_to_array(d.chars))
    UNION ALL SELECT 'numbers', unnest(d.numbers)
    UNION ALL SELECT 'titles', unnest(d.titles)
) x
WHERE d.docnum >= %s AND d.docnum < %s AND (x.f, x.t) IN (SELECT field, term FROM held)
GROUP BY x.f, x.t
"""


def held_from() -> int:
    """How many documents a term must hold to be kept (env HELD_FROM_VARIABLE, else
    HELD_FROM; 1 keeps every term, which the tests use to compare both ways)."""
    setting = os.environ.get(HELD_FROM_VARIABLE, "").strip()
    return max(1, int(setting)) if setting.isdigit() else HELD_FROM


def encode(docs: np.ndarray, start: int) -> tuple[bool, bytes]:
    """A run's documents (sorted numbers from `start` to below start + PART) as stored:
    a bitmap, or their offsets."""
    offsets = (docs - start).astype("<u2")
    if len(offsets) * 2 > PART // 8:
        bitmap = np.zeros(PART, dtype=bool)
        bitmap[offsets] = True
        return True, np.packbits(bitmap, bitorder="little").tobytes()
    return False, offsets.tobytes()


def decode(start: int, bits: bool, data: bytes) -> np.ndarray:
    """A stored run's documents, sorted."""
    if bits:
        run = np.unpackbits(np.frombuffer(data, dtype=np.uint8), bitorder="little")
        return np.flatnonzero(run) + start
    return np.frombuffer(data, dtype="<u2").astype(np.int64) + start


Run = tuple[int, bool, bytes]  # a stored run: its start, whether a bitmap, its data


def numbers(runs: Iterable[Run]) -> np.ndarray:
    """A term's documents from its stored runs, sorted (removed ones too)."""
    found = [decode(*run) for run in sorted(runs, key=lambda run: run[0])]
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def marked(runs: Iterable[Run], size: int) -> np.ndarray:
    """A term's documents from its stored runs, a boolean per document number below
    `size` (those past it are documents removed since; removed ones below it are left
    for the live documents to mask)."""
    found = np.zeros(size, dtype=bool)
    for start, bits, data in runs:
        if start >= size:
            continue
        if bits:
            run = np.unpackbits(np.frombuffer(data, dtype=np.uint8), bitorder="little")
            stop = min(size, start + PART)
            found[start:stop] = run[: stop - start].view(bool)
        else:
            docs = decode(start, bits, data)
            found[docs[docs < size]] = True
    return found


def _hold(conn: psycopg.Connection, select: str, params: list[object]) -> None:
    """The terms to write, as the temporary table `held` (gone at the commit)."""
    conn.execute(f"CREATE TEMP TABLE held ON COMMIT DROP AS {select}", params)
    conn.execute("ANALYZE held")


def _write(conn: psycopg.Connection, schema: str, first: int, progress: bool) -> int:
    """Store the held terms' documents numbered `first` or more, in runs of PART numbers
    from a multiple of PART (the terms are those of the temporary table `held`); how many
    rows were written. A run that already has rows (an update's first: its documents all
    come after theirs, as numbers are never given twice) has them extended."""
    (stop,) = conn.execute(f"SELECT coalesce(max(docnum) + 1, 0) FROM {schema}.docs").fetchone()
    starts = range(first - first % PART, stop, PART)
    written = 0
    with (
        tqdm(starts, desc="frequent terms", unit="run", disable=None if progress else True) as bar,
        conn.cursor() as reading,
        conn.cursor() as loading,
    ):
        for start in bar:
            rows = reading.execute(
                _RUN_SQL.format(schema=schema), [max(start, first), start + PART]
            ).fetchall()
            before = _taken_out(conn, schema, start, rows) if start < first else {}
            with loading.copy(
                f"COPY {schema}.postings (field, term, start, bits, data) FROM STDIN"
            ) as copy:
                for field, term, packed in rows:
                    docs = np.frombuffer(packed, dtype=">i4").astype(np.int64)
                    if np.any(docs[1:] <= docs[:-1]):
                        docs = np.unique(docs)
                    if (field, term) in before:
                        docs = np.concatenate([before[field, term], docs])
                    copy.write_row((field, term, start, *encode(docs, start)))
                    written += 1
    return written


def _taken_out(
    conn: psycopg.Connection, schema: str, start: int, rows: list[tuple[str, str, bytes]]
) -> dict[tuple[str, str], np.ndarray]:
    """The documents of the rows at `start` of the terms of `rows`, deleted to be written
    again with theirs."""
    if not rows:
        return {}
    fields, terms = [r[0] for r in rows], [r[1] for r in rows]
    gone = conn.execute(
        f"DELETE FROM {schema}.postings WHERE start = %s AND (field, term) IN "
        "(SELECT * FROM unnest(%s::text[], %s::text[])) RETURNING field, term, bits, data",
        [start, fields, terms],
    ).fetchall()
    return {(f, t): decode(start, bits, data) for f, t, bits, data in gone}


def build(conn: psycopg.Connection, schema: str, threshold: int, progress: bool = False) -> int:
    """A new generation's rows: the terms that `threshold` documents or more hold (read
    from its `terms`, which must be counted)."""
    conn.execute(POSTINGS_DDL.format(schema=schema))
    _hold(conn, f"SELECT field, term FROM {schema}.terms WHERE docs >= %s", [threshold])
    written = _write(conn, schema, 0, progress)
    conn.execute(f"ANALYZE {schema}.postings")
    return written


def extend(conn: psycopg.Connection, schema: str, first: int, progress: bool = False) -> int:
    """After an update loaded documents numbered `first` or more: add them to the held
    terms' rows."""
    _hold(conn, f"SELECT DISTINCT field, term FROM {schema}.postings", [])
    return _write(conn, schema, first, progress)


def read(conn: psycopg.Connection, schema: str, terms: Iterable[Term]) -> dict[Term, list[Run]]:
    """The held ones of `terms`, with their stored runs."""
    wanted = list(dict.fromkeys(terms))
    if not wanted:
        return {}
    by_name = {(t.field, t.text): t for t in wanted}
    found: dict[Term, list[Run]] = {}
    for field, term, start, bits, data in conn.execute(
        f"SELECT field, term, start, bits, data FROM {schema}.postings "
        "WHERE (field, term) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
        [[t.field for t in wanted], [t.text for t in wanted]],
    ):
        found.setdefault(by_name[field, term], []).append((start, bits, data))
    return found


def held(meta: Mapping[str, object]) -> int:
    """From how many documents on a generation's terms are held."""
    return int(meta["postings_from"])  # type: ignore[call-overload]
