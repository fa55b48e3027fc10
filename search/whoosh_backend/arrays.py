"""A query's matches and BM25F scores from postings read as arrays, block by block.

Whoosh walks a term's postings one document at a time in Python: matching a common word
at 100,000 projects (half a million postings over its terms) took 250 ms, and ranking its
matches filled the 0.25 s budget. Its postings file keeps them in blocks of up to 128
documents, each block's numbers (as differences) and weights in arrays: read a block at
a time, a term's documents and weights are NumPy arrays, and a query of terms is matched
and scored over them with NumPy.

The scores are Whoosh's: BM25F as `whoosh.scoring.bm25` computes it, with the term's
idf and the field's average length from the searcher, each document's length as the
segment stores it (a byte), and the scores of a query's parts added. Of two parts the
sum is Whoosh's to the last bit; Whoosh adds three or more in an order of its own (a
tree weighted by each part's size, per segment), these in the query's order: the same
to within rounding, so exact ties may be ordered otherwise. (Whoosh's tree walks the
postings of every part to find the first common document before its time budget is
looked at: a rank query of 18 common words took 0.9 s at 100,000 projects.) Another
query, weighting or a boost: `scores` answers None and the caller asks Whoosh.
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


# A generation holds the arrays of the terms most documents have, read before a server
# forks (shared by its workers), up to MAX_HELD_BYTES; and each process keeps those of the
# terms it read most recently, as long as they have MIN_KEPT postings (a short one is
# read again quickly), up to MAX_KEPT_BYTES of its own.
MAX_HELD_BYTES = 128 * 2**20
MIN_KEPT = 4_096
MAX_KEPT_BYTES = 128 * 2**20
POSTING_BYTES = 12  # a document's number (32 bits) and the term's weight in it (64)

Arrays = tuple[np.ndarray, np.ndarray]


class Postings:
    """A generation's terms' postings as arrays (`read`): the terms most documents have
    held (`hold`), and the most recently used of the longer others kept: a common word's
    terms are read again by every search of it (at 100,000 projects its blocks took 250 ms
    to unpickle and decompress)."""

    def __init__(
        self, limit: int = MAX_KEPT_BYTES, least: int = MIN_KEPT, holding: int = MAX_HELD_BYTES
    ) -> None:
        self.limit, self.least, self.holding = limit, least, holding
        self._held: dict[tuple[str, str], Arrays] = {}  # never let go
        self._held_bytes = 0
        self._kept: OrderedDict[tuple[str, str], Arrays] = OrderedDict()  # least recent first
        self._bytes = 0
        self._lock = threading.Lock()
        self._lengths: dict[str, np.ndarray] = {}

    def lengths(self, searcher: Searcher, fieldname: str) -> np.ndarray:
        """Each document's length byte of a field (`lengths.field_lengths`), read once."""
        found = self._lengths.get(fieldname)
        if found is None:
            found = self._lengths[fieldname] = field_lengths(searcher, fieldname)
        return found

    def of(self, searcher: Searcher, fieldname: str, text: str) -> Arrays:
        key = (fieldname, text)
        with self._lock:
            found = self._held.get(key) or self._kept.get(key)
            if found is not None:
                if key in self._kept:
                    self._kept.move_to_end(key)
                return found
        found = read(searcher, fieldname, text)
        size = found[0].nbytes + found[1].nbytes
        if len(found[0]) >= self.least and size <= self.limit:
            with self._lock:
                if key not in self._kept:
                    self._kept[key] = found
                    self._bytes += size
                while self._bytes > self.limit:
                    _, (ids, weights) = self._kept.popitem(last=False)
                    self._bytes -= ids.nbytes + weights.nbytes
        return found

    def hold(self, searcher: Searcher, terms: list[tuple[str, str]]) -> None:
        """Hold the arrays of `terms` (most wanted first) while they fit `holding`: before
        a server forks its workers, which then share them (NumPy's buffers are never
        written, and held arrays are never let go)."""
        for key in terms:
            size = searcher.doc_frequency(*key) * POSTING_BYTES
            if key in self._held or self._held_bytes + size > self.holding:
                continue
            found = read(searcher, *key)
            with self._lock:
                self._held[key] = found
                self._held_bytes += found[0].nbytes + found[1].nbytes


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
    if fieldname not in searcher.schema:  # as Whoosh: no such field, no documents
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64)
    field = searcher.schema[fieldname]
    try:
        btext = field.to_bytes(text)
    except ValueError:  # as Whoosh: a text the field cannot hold matches nothing
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float64)
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        if (fieldname, btext) not in reader:
            continue
        block = reader._terms.matcher(fieldname, btext, field.format, scorer=None)
        if not hasattr(block, "_read_data"):  # postings kept in the term's own entry
            walked = []
            while block.is_active():
                walked.append((block.id(), block.weight()))
                block.next()
            ids.append(np.array([d for d, _ in walked], dtype=np.int64) + offset)
            weights.append(np.array([w for _, w in walked], dtype=np.float64))
            continue
        while block.is_active():
            block._read_data()
            raw_ids, raw_weights = block._data[0], block._data[1]
            # differences from the one before, the first from 0
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
    postings: Postings, searcher: Searcher, query: Any, among: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | None:
    """Which of the documents `among` (numbers, ascending) a query of terms matches, and
    each one's score as Whoosh scores it; None for another query, weighting or a boost."""
    weighting = searcher.weighting
    if type(weighting) is not BM25F or getattr(query, "boost", 1.0) != 1.0:
        return None
    if isinstance(query, q.Term):
        schema = searcher.schema
        if query.fieldname not in schema or not schema[query.fieldname].scorable:
            return None
        docs, weights = postings.of(searcher, query.fieldname, query.text)
        scored = np.zeros(len(among), dtype=np.float64)
        if not len(docs):
            return np.zeros(len(among), dtype=bool), scored
        at = np.minimum(np.searchsorted(docs, among), len(docs) - 1)
        found = docs[at] == among
        length = LENGTHS[postings.lengths(searcher, query.fieldname)[among[found]]]
        scored[found] = _bm25(
            searcher.idf(query.fieldname, query.text),
            weights[at[found]],
            length,
            searcher.avg_field_length(query.fieldname) or 1,
            weighting._field_B.get(query.fieldname, weighting.B),
            weighting.K1,
        )
        return found, scored
    if not isinstance(query, q.And | q.Or) or not query.subqueries:
        return None
    parts = [scores(postings, searcher, sub, among) for sub in query.subqueries]
    if any(part is None for part in parts):
        return None
    found, scored = parts[0]
    for in_b, b in parts[1:]:  # two parts: Whoosh's sum; more: in the query's order
        both = found & in_b
        if isinstance(query, q.And):  # an intersection adds the scores of its parts
            found, scored = both, np.where(both, scored + b, 0.0)
        else:  # a union: added where both match, else the one that does
            found, scored = found | in_b, np.where(both, scored + b, np.where(found, scored, b))
    return found, scored


def _bm25(idf: float, tf: np.ndarray, fl: np.ndarray, avgfl: float, B: float, K1: float):
    """`whoosh.scoring.bm25` over arrays, its operations in its order."""
    return idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))


def ranked(scored: tuple[np.ndarray, np.ndarray], among: np.ndarray, limit: int):
    """The `limit` best of the documents `among` that a query scores (`scores`), best
    first, ties in document order (as Whoosh's collector keeps them)."""
    found, score = scored
    docs, score = among[found], score[found]
    order = np.lexsort((docs, -score))[:limit]
    return [(int(d), float(v)) for d, v in zip(docs[order], score[order], strict=True)]
