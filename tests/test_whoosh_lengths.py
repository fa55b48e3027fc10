"""`search.whoosh_backend.lengths`: a document's field lengths read once per segment give
Whoosh's own answers, for every document and field of a real index, one of them written
by an update (a second segment, documents marked deleted)."""

from __future__ import annotations

from support import sample_updated_twice
from whoosh.codec import whoosh3
from whoosh.filedb.filestore import FileStorage

from indexer import layout
from search.whoosh_backend import lengths


def answers(index_dir, ask) -> list:
    storage = FileStorage(str(layout.current_generation(index_dir) / layout.WHOOSH_DIR))
    ix = storage.open_index()
    found = []
    with ix.reader() as reader:
        leaves = [leaf for leaf, _ in reader.leaf_readers()]
        for leaf in leaves:
            perdoc = leaf._perdoc
            for fieldname in ix.schema.names():
                for docnum in range(perdoc.doc_count_all()):
                    found.append(ask(perdoc, docnum, fieldname))
    return found, len(leaves)


def test_field_lengths_are_whooshs_own(tmp_path):
    assert whoosh3.W3PerDocReader.doc_field_length is lengths.doc_field_length
    index_dir = sample_updated_twice(tmp_path)
    ours, segments = answers(index_dir, lambda r, d, f: r.doc_field_length(d, f))
    whooshs, _ = answers(index_dir, lengths.original)
    assert segments == 3 and ours == whooshs
    assert any(isinstance(n, int) and n > 0 for n in ours) and None in ours


def test_records_hold_any_number_a_record_can(tmp_path):
    """Records and update states go through orjson, which holds integers of 64 bits: a
    longer one (a garbled amount), NaN and Infinity go through the standard library's
    json, both ways, exactly."""
    from search.whoosh_backend import records

    long_amount = 10**25 + 7
    value = {"amount": long_amount, "rate": 95.5, "name": "上海市"}
    assert layout.loads(layout.dumps({"amount": long_amount})) == {"amount": long_amount}
    assert layout.loads(b'{"x": NaN, "y": Infinity}')["y"] == float("inf")
    assert layout.loads(layout.dumps(value)) == value
    generation = tmp_path / "gen"
    generation.mkdir()
    record = {"id": "a", "source": {"file": "a.txt"}, "budget": {"total": long_amount}}
    records.write(generation, [record], {"update": {"peers": [[1.5, 2]]}})
    assert records.read(generation) == [record]
    assert records.read_extra(generation, "update") == {"peers": [[1.5, 2]]}
