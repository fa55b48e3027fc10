"""Each document's field lengths, read once per segment instead of once per posting.

Whoosh (unmaintained) asks a segment for a document's field length for every posting it
writes, and for every document it scores. Its reader looks the length up in the file
each time, and for a field without lengths it asks the disk whether the column exists,
each time again: adding one file of 400 tables to a 100,000-project index spent 7.9 of
15.3 s writing postings in these lookups (1.4 million of them, half a million `stat`
calls; profiled). `install` gives Whoosh's segment reader a `doc_field_length` that
reads a field's lengths (a byte per document) in one read, the first time they are
asked for, and remembers a field that has none. What it answers is what Whoosh's
answers (`tests/test_whoosh_lengths.py` compares the two over a whole index).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from whoosh.codec import whoosh3
from whoosh.util.numeric import byte_to_length, length_to_byte

_ORIGINAL = whoosh3.W3PerDocReader.doc_field_length
_CACHE = "_jixiao_lengths"
_ONE = length_to_byte(1)  # the byte of a length of 1 (what a segment without lengths reads)


def _lengths(reader: Any, fieldname: str) -> bytes | None:
    """The segment's lengths of `fieldname`, a byte per document (None: it keeps none)."""
    cache = reader.__dict__.setdefault(_CACHE, {})
    if fieldname in cache:
        return cache[fieldname]
    lenfield = whoosh3._lenfield(fieldname)
    found = None
    if reader.has_column(lenfield):
        column = reader.column_reader(lenfield, whoosh3.LENGTHS_COLUMN)
        # a length is one byte (LENGTHS_COLUMN is a column of "B"), the column a run of them
        found = bytes(column._dbfile.get(column._basepos, column._count * column._fixedlen))
    cache[fieldname] = found
    return found


def doc_field_length(self: Any, docnum: int, fieldname: str, default: int = 0) -> Any:
    """As Whoosh's `W3PerDocReader.doc_field_length` (None for a length of zero, as it)."""
    if docnum > self._doccount:
        raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
    lengths = _lengths(self, fieldname)
    if lengths is None:
        return default
    lbyte = lengths[docnum] if docnum < len(lengths) else 0
    if lbyte:
        return byte_to_length(lbyte)
    return None


def install() -> None:
    """Give Whoosh's segment reader this `doc_field_length` (once per process; writer
    processes forked from it inherit it)."""
    if getattr(whoosh3.LENGTHS_COLUMN, "_typecode", None) != "B":  # another Whoosh
        return
    whoosh3.W3PerDocReader.doc_field_length = doc_field_length


def original(reader: Any, docnum: int, fieldname: str, default: int = 0) -> Any:
    """Whoosh's own answer (for the tests)."""
    return _ORIGINAL(reader, docnum, fieldname, default)


def field_lengths(searcher: Any, fieldname: str) -> np.ndarray:
    """Each document's length byte of a field, by its number in the searcher (1 where a
    segment keeps no lengths, as Whoosh's scorer then reads 1)."""
    parts = []
    for sub, _ in searcher.leaf_searchers():
        reader = sub.reader()
        size = reader.doc_count_all()
        found = _lengths(reader._perdoc, fieldname)
        if found is None:
            parts.append(np.full(size, _ONE, dtype=np.uint8))
            continue
        part = np.zeros(size, dtype=np.uint8)
        held = np.frombuffer(found, dtype=np.uint8)[:size]
        part[: len(held)] = held
        parts.append(part)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint8)
