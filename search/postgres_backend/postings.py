"""The documents of a generation's frequent terms, kept by us beside the GIN indexes.

A GIN index finds a common word's documents quickly, but PostgreSQL then visits every
matching row, even when only its number is wanted: it has no index-only scans. At
100,000 projects 预算 matches 210,560 passages on 159,498 pages of the table; finding
them took 26 ms, visiting them 190 ms and their relevance 95 ms more. So a build also
writes, for every term that HELD_FROM documents or more hold, which documents hold it:
one row per term and run of PART document numbers (`start`), either a bitmap of the run
(PART bits) or the numbers' offsets from `start` (2 bytes each), whichever is smaller.
A search whose terms include such a term reads its rows and works out the matches and
their relevance over arrays (`searching.py`); the other terms' documents come from their
GIN indexes, at most about HELD_FROM rows each.

Which terms are held is fixed by the build: an update adds the new documents to the held
terms' rows and leaves the removed documents' numbers in them (they are masked by the
generation's live documents; numbers are never given twice, see `publish.update`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping

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


def mark(found: np.ndarray, start: int, bits: bool, data: bytes) -> None:
    """Set in `found` (a boolean per document number) a stored run's documents (those
    past its end are documents removed since)."""
    if start >= len(found):
        return
    if bits:
        run = np.unpackbits(np.frombuffer(data, dtype=np.uint8), bitorder="little")
        stop = min(len(found), start + PART)
        found[start:stop] |= run[: stop - start].view(bool)
    else:
        docs = np.frombuffer(data, dtype="<u2").astype(np.int64) + start
        found[docs[docs < len(found)]] = True


def write(conn: psycopg.Connection, schema: str, first: int, progress: bool) -> int:
    """Store the held terms' documents numbered `first` or more, in runs of PART from
    `first` (the terms are those of the temporary table `held`); how many rows."""
    (stop,) = conn.execute(f"SELECT coalesce(max(docnum) + 1, 0) FROM {schema}.docs").fetchone()
    starts = range(first, stop, PART)
    written = 0
    with (
        tqdm(starts, desc="frequent terms", unit="run", disable=None if progress else True) as bar,
        conn.cursor() as read,
        conn.cursor() as load,
    ):
        for start in bar:
            rows = read.execute(_RUN_SQL.format(schema=schema), [start, start + PART])
            with load.copy(
                f"COPY {schema}.postings (field, term, start, bits, data) FROM STDIN"
            ) as copy:
                for field, term, packed in rows:
                    docs = np.frombuffer(packed, dtype=">i4").astype(np.int64)
                    if np.any(docs[1:] <= docs[:-1]):
                        docs = np.unique(docs)
                    copy.write_row((field, term, start, *encode(docs, start)))
                    written += 1
    return written


def build(conn: psycopg.Connection, schema: str, threshold: int, progress: bool = False) -> int:
    """A new generation's rows: the terms that `threshold` documents or more hold (read
    from its `terms`, which must be counted)."""
    conn.execute(POSTINGS_DDL.format(schema=schema))
    conn.execute(
        "CREATE TEMP TABLE held ON COMMIT DROP AS "
        f"SELECT field, term FROM {schema}.terms WHERE docs >= %s",
        [threshold],
    )
    conn.execute("ANALYZE held")
    written = write(conn, schema, 0, progress)
    conn.execute(f"ANALYZE {schema}.postings")
    return written


def extend(conn: psycopg.Connection, schema: str, first: int, progress: bool = False) -> int:
    """After an update loaded documents numbered `first` or more: add them to the terms
    held (a generation built before there were held terms has none)."""
    exists = conn.execute("SELECT to_regclass(%s)", [f"{schema}.postings"]).fetchone()[0]
    if exists is None:
        return 0
    conn.execute(
        "CREATE TEMP TABLE held ON COMMIT DROP AS "
        f"SELECT DISTINCT field, term FROM {schema}.postings"
    )
    conn.execute("ANALYZE held")
    return write(conn, schema, first, progress)


def read(
    conn: psycopg.Connection, schema: str, terms: Iterable[Term], size: int
) -> Iterator[tuple[Term, np.ndarray]]:
    """The held ones of `terms` with their documents (a boolean per number below `size`,
    removed ones included: mask them with the live documents)."""
    wanted = list(dict.fromkeys(terms))
    if not wanted:
        return
    found: dict[tuple[str, str], np.ndarray] = {}
    for field, term, start, bits, data in conn.execute(
        f"SELECT field, term, start, bits, data FROM {schema}.postings "
        "WHERE (field, term) IN (SELECT * FROM unnest(%s::text[], %s::text[]))",
        [[t.field for t in wanted], [t.text for t in wanted]],
    ):
        into = found.get((field, term))
        if into is None:
            into = found[field, term] = np.zeros(size, dtype=bool)
        mark(into, start, bits, data)
    for term in wanted:
        if (term.field, term.text) in found:
            yield term, found[term.field, term.text]


def held(meta: Mapping[str, object]) -> int | None:
    """From how many documents on a generation's terms are held (None: none are)."""
    value = meta.get("postings_from")
    return value if isinstance(value, int) else None
