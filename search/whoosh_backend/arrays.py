"""A query's matches and BM25F scores from postings read as arrays, block by block.

Whoosh walks a term's postings one document at a time in Python: matching a common word
at 100,000 projects (half a million postings over its terms) took 250 ms, and ranking its
matches filled the 0.25 s budget. Its postings file keeps them in blocks of up to 128
documents, each block's numbers (as differences) and weights in arrays: read a block at
a time, a term's documents and weights are NumPy arrays, and a query of terms is matched
and scored over them with NumPy.

The scores are Whoosh's own, bit for bit: BM25F as `whoosh.scoring.bm25` computes it,
with the term's idf and the field's average length from the searcher, each document's
length as the segment stores it (a byte), and the scores of a query's two parts added as
its matchers add them. Where they could not be repeated exactly (a query of more than two
parts at one level, whose parts Whoosh adds in an order of its own; a boost; another
weighting), `scores` answers None and the caller asks Whoosh.
"""

from __future__ import annotations

import heapq
import threading
from collections import OrderedDict
from typing import Any

import numpy as np
from whoosh import query as q
from whoosh.scoring import BM25F
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from .lengths import field_lengths

# a stored length byte → the length Whoosh reads from it
LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


# A generation keeps the arrays of the terms it read most recently, as long as they have
# this many postings (a short one is read again quickly) and up to this many bytes in all.
MIN_HELD = 4_096
MAX_HELD_BYTES = 128 * 2**20
POSTING_BYTES = 12  # a document's number (32 bits) and the term's weight in it (64)


class Postings:
    """A generation's terms' postings as arrays (`read`), the most recently used of the
    longer ones kept: a common word's terms are read again by every search of it (at
    100,000 projects its blocks took 250 ms to unpickle and decompress)."""

    def __init__(self, limit: int = MAX_HELD_BYTES, least: int = MIN_HELD) -> None:
        self.limit, self.least = limit, least
        self._held: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def of(self, searcher: Searcher, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        key = (fieldname, text)
        with self._lock:
            held = self._held.get(key)
            if held is not None:
                self._held.move_to_end(key)
                return held
        found = read(searcher, fieldname, text)
        size = found[0].nbytes + found[1].nbytes
        if len(found[0]) >= self.least and size <= self.limit:
            with self._lock:
                if key not in self._held:
                    self._held[key] = found
                    self._bytes += size
                while self._bytes > self.limit:
                    _, (ids, weights) = self._held.popitem(last=False)
                    self._bytes -= ids.nbytes + weights.nbytes
        return found

    def hold(self, searcher: Searcher, terms: list[tuple[str, str]]) -> None:
        """Keep the arrays of `terms` (most wanted first) while they fit: before a server
        forks its workers, which then share them (NumPy's buffers are never written)."""
        for fieldname, text in terms:
            if self._bytes + searcher.doc_frequency(fieldname, text) * POSTING_BYTES > self.limit:
                continue
            found = read(searcher, fieldname, text)
            with self._lock:
                if (fieldname, text) not in self._held:
                    self._held[(fieldname, text)] = found
                    self._bytes += found[0].nbytes + found[1].nbytes


def frequent_terms(searcher: Searcher, fieldnames: tuple[str, ...], number: int):
    """The `number` terms of the fields that the most documents hold, most first."""
    found = []
    for fieldname in fieldnames:
        field = searcher.schema[fieldname]
        for btext, info in searcher.reader().iter_field(fieldname):
            found.append((info.doc_frequency(), fieldname, field.from_bytes(btext)))
    return [(fieldname, text) for _, fieldname, text in heapq.nlargest(number, found)]


def read(searcher: Searcher, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """The documents (numbers in the searcher, ascending) that hold a term, deleted ones
    too, and the term's weight in each, as Whoosh's matcher reads them (`_read_ids`,
    `_read_weights`) without its walk from one to the next."""
    ids, weights = [], []
    field = searcher.schema[fieldname]
    btext = field.to_bytes(text)
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        if (fieldname, btext) not in reader:
            continue
        block = reader._terms.matcher(fieldname, btext, field.format, scorer=None)
        while block.is_active():
            block._read_data()
            raw_ids, raw_weights = block._data[0], block._data[1]
            if block._byteids:
                block._read_ids()
                ids.append(np.asarray(block._ids, dtype=np.int64) + offset)
            else:  # differences from the one before, the first from 0
                ids.append(np.cumsum(np.asarray(raw_ids, dtype=np.int64)) + offset)
            if raw_weights is None:  # every weight 1
                weights.append(np.ones(block._blocklength))
            elif isinstance(raw_weights, float):  # one weight, read as a 32-bit float
                weights.append(np.full(block._blocklength, np.float32(raw_weights), np.float64))
            else:
                weights.append(np.asarray(raw_weights, dtype=np.float64))
            block._next_block()
    if not ids:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64)
    return np.concatenate(ids).astype(np.int32), np.concatenate(weights)


def matching(postings: Postings, searcher: Searcher, query: Any, size: int) -> np.ndarray | None:
    """Which documents (deleted ones too) a query of terms, all and any matches; None
    for another kind of query."""
    if isinstance(query, q.Term):
        found = np.zeros(size, dtype=bool)
        found[postings.of(searcher, query.fieldname, query.text)[0]] = True
        return found
    if isinstance(query, q.And | q.Or) and query.subqueries:
        parts = [matching(postings, searcher, sub, size) for sub in query.subqueries]
        if any(part is None for part in parts):
            return None
        combine = np.logical_and if isinstance(query, q.And) else np.logical_or
        return combine.reduce(parts)
    return None


def scores(
    postings: Postings, searcher: Searcher, query: Any, size: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """Which documents a query matches and each one's score, as Whoosh scores it; None
    where these arrays could not repeat its score exactly."""
    weighting = searcher.weighting
    if type(weighting) is not BM25F or getattr(query, "boost", 1.0) != 1.0:
        return None
    if isinstance(query, q.Term):
        schema = searcher.schema
        if query.fieldname not in schema or not schema[query.fieldname].scorable:
            return None
        docs, weights = postings.of(searcher, query.fieldname, query.text)
        found = np.zeros(size, dtype=bool)
        found[docs] = True
        scored = np.zeros(size, dtype=np.float64)
        length = LENGTHS[field_lengths(searcher, query.fieldname)[docs]]
        scored[docs] = _bm25(
            searcher.idf(query.fieldname, query.text),
            weights,
            length,
            searcher.avg_field_length(query.fieldname) or 1,
            weighting._field_B.get(query.fieldname, weighting.B),
            weighting.K1,
        )
        return found, scored
    if not isinstance(query, q.And | q.Or) or not 1 <= len(query.subqueries) <= 2:
        return None  # three parts or more: Whoosh adds them in an order of its own
    parts = [scores(postings, searcher, sub, size) for sub in query.subqueries]
    if any(part is None for part in parts):
        return None
    if len(parts) == 1:
        return parts[0]
    (in_a, a), (in_b, b) = parts
    both = in_a & in_b
    if isinstance(query, q.And):  # an intersection adds its two scores
        return both, np.where(both, a + b, 0.0)
    # a union: the two added where both match, else the one that does
    return in_a | in_b, np.where(both, a + b, np.where(in_a, a, b))


def _bm25(idf: float, tf: np.ndarray, fl: np.ndarray, avgfl: float, B: float, K1: float):
    """`whoosh.scoring.bm25` over arrays, its operations in its order."""
    return idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))


def ranked(scored: tuple[np.ndarray, np.ndarray], allowed: np.ndarray, limit: int):
    """The `limit` best of the allowed documents a query scores, best first, ties in
    document order (as Whoosh's collector keeps them)."""
    found, score = scored
    docs = np.flatnonzero(found & allowed)
    order = np.lexsort((docs, -score[docs]))[:limit]
    return [(int(d), float(s)) for d, s in zip(docs[order], score[docs][order], strict=True)]
