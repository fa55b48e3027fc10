"""A posting pool for Whoosh's segment writer that sorts terms, not postings.

Whoosh's `PostingPool` keeps every posting it is given as a tuple (field, term, document,
weight, value), sorts them all, writes them to a run file with one `marshal` call each
whenever 256 MB of them have gathered, and at the end merges the runs posting by posting
through `heapq`. Profiled (py-spy) over a build of 10,000 projects, writing and reading
those runs, sorting and merging them took 45 % of the writer processes' time, and more at
100,000 projects, where the runs are many more.

A writer numbers its documents in the order it is given them, so the postings of one term
arrive in document order. `TermPool` keeps per term its document numbers, weights and
values in arrays (about 20 bytes a posting instead of about 250), sorts only the terms
when it writes a run (one record per term), and merges the runs term by term; a term's
postings from a later run follow those of an earlier one. Postings that do arrive out of
order (Whoosh's spelling words, all numbered 0) are sorted, term by term, as Whoosh would
sort them. It hands Whoosh's field writer the same postings in the same order as
Whoosh's pool (`tests/test_whoosh_postings.py` compares the indexes the two write).

`install` makes it the pool of every Whoosh segment writer in the process (and in the
writer processes forked from it). Whoosh's multi-process writer without `multisegment`
reads its workers' runs itself, in its own format: the build never uses it that way.
"""

from __future__ import annotations

import heapq
import marshal
from array import array
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

from whoosh import writing
from whoosh.util import random_name

# What a term and a posting cost in memory, roughly, for the pool's limit: a term's key,
# dict slot, list and four arrays; a posting's number (4 bytes), weight (8), value length
# (4) and the arrays' spare room.
TERM_BYTES = 600
POSTING_BYTES = 20
# Runs merged at once; more are first merged into fewer (each open run holds a file).
MAX_OPEN_RUNS = 64
# Whoosh's own pool (for the tests).
ORIGINAL = writing.PostingPool

_DOCS, _WEIGHTS, _LENGTHS, _VALUES, _ORDERED = range(5)
_KEY = itemgetter(0, 1)

# A term as written to a run: (field, term, numbers, weights, value lengths, values,
# ordered), the arrays as bytes; a value length of -1 stands for a value of None.
Packed = tuple[str, bytes, bytes, bytes, bytes, bytes, bool]
Posting = tuple[str, bytes, int, float, "bytes | None"]


class TermPool:
    """Whoosh's `PostingPool`, kept term by term (see the module's description)."""

    max_open_runs = MAX_OPEN_RUNS  # at least 2

    def __init__(self, tempstore: Any, segment: Any = None, limitmb: float = 128, **_: Any):
        self.tempstore = tempstore
        self.limit = limitmb * 1024 * 1024
        self.size = 0
        self.terms: dict[tuple[str, bytes], list[Any]] = {}
        self.runs: list[str] = []
        self.fieldnames: set[str] = set()

    def add(self, item: Posting) -> None:
        fieldname, tbytes, docnum, weight, value = item
        key = (fieldname, tbytes)
        term = self.terms.get(key)
        if term is None:
            term = self.terms[key] = [array("i"), array("d"), array("i"), bytearray(), True]
            self.fieldnames.add(fieldname)
            self.size += TERM_BYTES + len(tbytes)
        docs = term[_DOCS]
        if docs and docnum <= docs[-1]:
            term[_ORDERED] = False
        docs.append(docnum)
        term[_WEIGHTS].append(weight)
        if value is None:
            term[_LENGTHS].append(-1)
        else:
            term[_LENGTHS].append(len(value))
            term[_VALUES] += value
            self.size += len(value)
        self.size += POSTING_BYTES
        if self.size > self.limit:
            self.save()

    def save(self) -> None:
        """Write the terms gathered so far to a new run, in order."""
        if self.terms:
            self.runs.append(self._write_run(self._gathered()))
            self.terms = {}
            self.size = 0

    def iter_postings(self) -> Iterator[Posting]:
        """Every posting, ordered by field, term and document, as Whoosh's pool yields them."""
        most = self.max_open_runs
        while len(self.runs) > most:
            # the earliest runs, merged, stay first: a term's postings keep their order
            merged = self._write_run(_merged([self._read_run(name) for name in self.runs[:most]]))
            self.runs[:most] = [merged]
        sources = [self._read_run(name) for name in self.runs] + [self._gathered()]
        self.runs = []
        for packed in _merged(sources):
            # one at a time: a common term has millions
            if packed[6]:
                yield from _unpacked(packed)
            else:
                yield from sorted(_unpacked(packed), key=_order)

    def cleanup(self) -> None:
        for name in self.runs:
            self.tempstore.delete_file(name)
        self.runs = []

    def _gathered(self) -> Iterator[Packed]:
        """The terms gathered so far, in order, each let go of once packed."""
        terms = self.terms
        for key in sorted(terms):
            docs, weights, lengths, values, ordered = terms.pop(key)
            yield (
                *key,
                docs.tobytes(),
                weights.tobytes(),
                lengths.tobytes(),
                bytes(values),
                ordered,
            )

    def _write_run(self, terms: Iterable[Packed]) -> str:
        name = f"{random_name()}.run"
        with self.tempstore.create_file(name).raw_file() as f:
            for packed in terms:
                marshal.dump(packed, f)
        return name

    def _read_run(self, name: str) -> Iterator[Packed]:
        """The terms of run `name` in order; the run is deleted once read, or given up."""
        try:
            with self.tempstore.open_file(name).raw_file() as f:
                while True:
                    try:
                        yield marshal.load(f)
                    except EOFError:
                        break
        finally:
            self.tempstore.delete_file(name)


def _merged(sources: list[Iterator[Packed]]) -> Iterator[Packed]:
    """The terms of `sources` (each in order) in order, a term's parts joined in the order
    of `sources` (the order in which their postings were added)."""
    for _, group in groupby(heapq.merge(*sources, key=_KEY), key=_KEY):
        parts = list(group)
        if len(parts) == 1:
            yield parts[0]
            continue
        arrays = [b"".join(part[i] for part in parts) for i in range(2, 6)]
        ordered = all(part[6] for part in parts) and _joined_in_order(parts)
        yield (*parts[0][:2], *arrays, ordered)


def _joined_in_order(parts: list[Packed]) -> bool:
    """Whether each part's first document comes after the part before it's last."""
    last = None
    for part in parts:
        docs = array("i")
        docs.frombytes(part[2])
        if last is not None and docs[0] <= last:
            return False
        last = docs[-1]
    return True


def _unpacked(packed: Packed) -> Iterator[Posting]:
    """A term's postings in the order they were packed."""
    fieldname, tbytes, docs_bytes, weights_bytes, lengths_bytes, values, _ = packed
    docs, weights, lengths = array("i"), array("d"), array("i")
    docs.frombytes(docs_bytes)
    weights.frombytes(weights_bytes)
    lengths.frombytes(lengths_bytes)
    start = 0
    for docnum, weight, length in zip(docs, weights, lengths, strict=True):
        if length < 0:
            yield (fieldname, tbytes, docnum, weight, None)
        else:
            yield (fieldname, tbytes, docnum, weight, values[start : start + length])
            start += length


def _order(posting: Posting) -> tuple[int, float, bytes]:
    """Where Whoosh's pool puts a posting among its term's: by document, weight, value."""
    return (posting[2], posting[3], posting[4] or b"")


def install() -> None:
    """Make `TermPool` the pool of every Whoosh segment writer made from now on (writer
    processes forked later inherit it)."""
    writing.PostingPool = TermPool
