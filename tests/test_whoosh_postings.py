"""`search.whoosh_backend.postings.TermPool` hands Whoosh's field writer what Whoosh's own
pool would: the same postings in the same order, from memory or from many runs (merged
in steps when there are more than it opens at once), postings out of document order
included; and an index written with it holds what one written with Whoosh's pool holds."""

from __future__ import annotations

import random

import pytest
from support import CORPUS, sample_updated_twice
from whoosh import writing
from whoosh.filedb.filestore import FileStorage

from indexer import layout
from indexer.build import build_index
from search.whoosh_backend import postings


class FewRunsPool(postings.TermPool):
    max_open_runs = 3


def random_postings(seed: int, count: int) -> list[tuple]:
    """Postings as a segment writer adds them: documents in order, each term at most once
    per document; a few terms (as Whoosh's spelling words) added out of order."""
    rng = random.Random(seed)
    fields = ["body", "chars", "grams", "numbers"]
    terms = [f"t{n}".encode() for n in range(300)] + ["经费".encode(), b""]
    items = []
    for docnum in range(count):
        for fieldname in rng.sample(fields, rng.randint(1, len(fields))):
            for term in rng.sample(terms, rng.randint(1, 6)):
                value = rng.choice([b"", None, bytes(rng.randrange(256) for _ in range(5))])
                if fieldname == "numbers":
                    value = b""  # a field's values are all bytes or all None
                if fieldname == "chars" and value is None:
                    value = b"\x01"
                items.append((fieldname, term, docnum, float(rng.randint(1, 4)), value))
    late = [("body", b"late", rng.randrange(count), 1.0, b"\x00") for _ in range(50)]
    late = list({item[2]: item for item in late}.values())  # one per document
    items[len(items) // 3 : len(items) // 3] = late[: len(late) // 2]
    items += late[len(late) // 2 :]
    return items


def pooled(pool_class, items, tmp_path, limitmb) -> tuple[list[tuple], int]:
    tempstore = FileStorage(str(tmp_path)).create()
    pool = pool_class(tempstore, None, limitmb=limitmb)
    for item in items:
        pool.add(item)
    runs = len(pool.runs)
    out = list(pool.iter_postings())
    pool.cleanup()
    return out, runs


@pytest.mark.parametrize(
    "seed, limitmb, pool_class, fewest_runs, most_runs",
    [
        (1, 128, postings.TermPool, 0, 0),  # all in memory
        (2, 0.4, postings.TermPool, 2, 64),  # several runs, merged at once
        (3, 0.1, FewRunsPool, 4, 10_000),  # many runs, merged in steps of three
    ],
)
def test_pool_yields_whooshs_postings(tmp_path, seed, limitmb, pool_class, fewest_runs, most_runs):
    items = random_postings(seed, 3000)
    expected, _ = pooled(postings.ORIGINAL, items, tmp_path / "whoosh", 1)
    ours, runs = pooled(pool_class, items, tmp_path / "ours", limitmb)
    assert ours == expected
    assert fewest_runs <= runs <= most_runs
    assert not list((tmp_path / "ours").glob("*.run"))  # every run removed once read


def every_posting(index_dir) -> tuple[list[tuple], int]:
    storage = FileStorage(str(layout.current_generation(index_dir) / layout.WHOOSH_DIR))
    ix = storage.open_index()
    with ix.reader() as reader:
        segments = len(reader.leaf_readers())
        found = []
        for leaf, base in reader.leaf_readers():
            found += [(f, t, d + base, w, v) for f, t, d, w, v in leaf.iter_postings()]
    return found, segments


def write_twice(tmp_path, monkeypatch, name: str, pool_class) -> tuple[list[tuple], int]:
    """The corpus built, then a copy of one file added and changed (three segments,
    documents deleted), each segment's postings written through `pool_class`."""
    monkeypatch.setattr(writing, "PostingPool", pool_class)
    return every_posting(sample_updated_twice(tmp_path / name))


class SmallTermPool(postings.TermPool):
    def __init__(self, tempstore, segment=None, limitmb=128, **kwargs):
        super().__init__(tempstore, segment, limitmb=0.1, **kwargs)


def test_index_written_through_the_pool_is_whooshs(tmp_path, monkeypatch):
    assert writing.PostingPool is postings.TermPool  # installed with the backend
    whooshs, segments = write_twice(tmp_path, monkeypatch, "whoosh", postings.ORIGINAL)
    ours, _ = write_twice(tmp_path, monkeypatch, "ours", SmallTermPool)
    assert segments == 3 and len(ours) > 10_000
    assert ours == whooshs


def test_fields_nothing_searches_have_no_postings(tmp_path):
    """Sorting fields are columns without postings; the year facet has one term a year
    (no range terms). (Sorting by them and the year facet: test_search, test_results.)"""
    index_dir = tmp_path / "index"
    build_index(CORPUS, index_dir)
    storage = FileStorage(str(layout.current_generation(index_dir) / layout.WHOOSH_DIR))
    with storage.open_index().reader() as reader:
        indexed = set(reader.indexed_field_names())
        assert {"budget", "order", "seq"}.isdisjoint(indexed)
        assert {"body", "grams", "chars", "project_id", "doc_id", "kind", "year"} <= indexed
        years = list(reader.lexicon("year"))
        assert years and all(t[:1] == b"\x00" for t in years)  # full precision only
        assert list(reader.column_reader("seq", translate=True))[:3] == [0, 1, 2]
        assert reader.stored_fields(1)["seq"] == 1


def postings_by_doc_id(index_dir) -> set[tuple]:
    """Every posting, its document named by doc_id (workers number documents as they
    come)."""
    storage = FileStorage(str(layout.current_generation(index_dir) / layout.WHOOSH_DIR))
    with storage.open_index().reader() as reader:
        found = set()
        for leaf, _ in reader.leaf_readers():
            ids = {n: leaf.stored_fields(n)["doc_id"] for n in leaf.all_doc_ids()}
            found |= {(f, t, ids[d], w, v) for f, t, d, w, v in leaf.iter_postings() if d in ids}
        return found


def test_writer_processes_and_merged_segments_write_whooshs_postings(tmp_path, monkeypatch):
    """Two writer processes, each with runs, and then every segment merged into one
    (Whoosh's `add_reader`, through the pool): the postings of Whoosh's pool."""
    monkeypatch.setattr(writing, "PostingPool", postings.ORIGINAL)
    build_index(CORPUS, tmp_path / "whoosh")
    expected = postings_by_doc_id(tmp_path / "whoosh")
    monkeypatch.setattr(writing, "PostingPool", SmallTermPool)
    monkeypatch.setenv("JIXIAO_MULTIPROCESS_THRESHOLD", "1")
    build_index(CORPUS, tmp_path / "ours")
    ix = FileStorage(str(layout.current_generation(tmp_path / "ours") / layout.WHOOSH_DIR))
    ix = ix.open_index()
    with ix.reader() as reader:
        assert len(reader.leaf_readers()) == 2
    assert postings_by_doc_id(tmp_path / "ours") == expected
    ix.optimize()  # one segment, merged through the pool
    with ix.reader() as reader:
        assert len(reader.leaf_readers()) == 1
    assert postings_by_doc_id(tmp_path / "ours") == expected and len(expected) > 10_000
