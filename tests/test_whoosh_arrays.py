"""`search.whoosh_backend.arrays`: postings read block by block, and the matches and
scores made from them, are Whoosh's own: every term of every field, and the rank
queries of many searches, over a real index with three segments and deleted documents
(an update's)."""

from __future__ import annotations

import numpy as np
import pytest
from support import sample_updated_twice
from whoosh import query as q
from whoosh.filedb.filestore import FileStorage

from indexer import layout
from search.query import parse_query
from search.whoosh_backend import arrays
from search.whoosh_backend.compile import build_rank_query, match_parts
from search.whoosh_backend.scoring import rank_within

SEARCHES = [
    "满意度", "预算执行率", "\"智能卷宗\"", "人脸识别", "检察 信息化", "维修 经费 培训",
    "沪财行[2014]39号", "《中华人民共和国网络安全法》", "办案", "设备购置", "时效",
    "专项业务费", "完成率 满意度", "网络安全", "量子纠缠", "指纹识别", "考核", "系统运维",
]  # fmt: skip


@pytest.fixture(scope="module")
def updated_index(tmp_path_factory):
    """The sample's index after two updates: a second segment, then the copy's documents
    deleted and a third."""
    return sample_updated_twice(tmp_path_factory.mktemp("arrays"))


@pytest.fixture(scope="module")
def searcher(updated_index):
    ix = FileStorage(str(layout.current_generation(updated_index) / layout.WHOOSH_DIR)).open_index()
    with ix.searcher() as found:
        assert len(found.leaf_searchers()) == 3 and found.reader().has_deletions()
        yield found


def test_every_terms_postings_are_whooshs(searcher):
    """Documents and weights of every term of every field, deleted documents included (a
    segment's reader leaves them out; the arrays keep them, and matching masks them)."""
    reader = searcher.reader()
    read = 0
    for fieldname in searcher.schema.names():
        if not searcher.schema[fieldname].indexed:
            continue
        for btext in reader.lexicon(fieldname):
            text = searcher.schema[fieldname].from_bytes(btext)
            docs, weights = arrays.read(searcher, fieldname, text)
            expected_docs, expected_weights = [], []
            for sub, offset in searcher.leaf_searchers():
                leaf = sub.reader()
                if (fieldname, btext) not in leaf:
                    continue
                m = leaf._terms.matcher(fieldname, btext, leaf.schema[fieldname].format)
                while m.is_active():
                    expected_docs.append(offset + m.id())
                    expected_weights.append(m.weight())
                    m.next()
            assert docs.tolist() == expected_docs and weights.tolist() == expected_weights
            alive = [d for d in expected_docs if not reader.is_deleted(d)]
            assert alive == sorted(searcher.docs_for_query(q.Term(fieldname, text)))
            read += 1
    assert read > 1000


def test_matches_are_whooshs(searcher):
    size = searcher.doc_count_all()
    alive = np.zeros(size, dtype=bool)
    alive[list(searcher.reader().all_doc_ids())] = True
    queries = []
    for text in SEARCHES:
        parts = parse_query(text)
        queries += match_parts(parts, searcher.doc_frequency)
    queries += [q.Or(queries[:3]), q.And(queries[:2]), q.Term("body", "不在索引里的词")]
    held = arrays.Postings(least=1)  # every term's arrays kept: read, then held
    for query in queries * 2:
        found = arrays.matching(held, searcher, query, size)
        assert found is not None, query
        assert np.flatnonzero(found & alive).tolist() == sorted(searcher.docs_for_query(query))
    assert arrays.matching(arrays.Postings(), searcher, q.Prefix("body", "检察"), size) is None


def _parts_at_most(query, most: int) -> bool:
    """Whether no And or Or of a query has more than `most` parts."""
    subs = getattr(query, "subqueries", ())
    return len(subs) <= most and all(_parts_at_most(sub, most) for sub in subs)


def test_ranked_pages_and_scores_are_whooshs(searcher):
    """The best of the allowed documents and their scores as Whoosh's collector ranks
    them: equal to the last bit, in the same order, where every And and Or has at most
    two parts (Whoosh adds more in an order of its own: then equal within rounding)."""
    size = searcher.doc_count_all()
    alive = np.zeros(size, dtype=bool)
    alive[list(searcher.reader().all_doc_ids())] = True
    some = alive & (np.arange(size) % 3 != 0)  # a facet's part
    compared = {True: 0, False: 0}
    held = arrays.Postings(least=1)
    rank_queries = [
        build_rank_query(parse_query(text), mode, searcher.doc_frequency)
        for text in SEARCHES
        for mode in ("and", "or")
    ]
    rank_queries += [
        q.And([q.Term("body", w) for w in ("检察", "经费", "项目")]),
        q.Or([q.Term("body", w) for w in ("满意度", "培训", "维修", "系统")]),
    ]
    for rank in filter(None, rank_queries):
        exact = _parts_at_most(rank, 2)
        for allowed in (alive, some):
            among = np.flatnonzero(allowed)
            scored = arrays.scores(held, searcher, rank, among)
            assert scored is not None, rank
            for limit in (1, 10, 1000):
                whooshs = rank_within(searcher, rank, set(among.tolist()), limit, 60)
                expected = sorted(whooshs.scored, key=lambda hit: -hit[1])
                found = arrays.ranked(scored, among, limit)
                if exact:
                    assert found == expected, rank
                else:
                    assert len(found) == len(expected), rank
                    assert [s for _, s in found] == pytest.approx([s for _, s in expected])
                    # the same documents but where scores tie within rounding
                    assert dict(found) == pytest.approx(dict(expected)) or len(found) == limit
                compared[exact] += bool(expected)
    assert compared[True] > 50 and compared[False] > 5
    boosted = q.Term("body", "满意度", boost=2.0)
    assert arrays.scores(held, searcher, boosted, np.flatnonzero(alive)) is None
    assert arrays.scores(held, searcher, q.Prefix("body", "检察"), np.flatnonzero(alive)) is None


def test_the_generations_matches_leave_out_deleted_documents(updated_index):
    """What a search counts with: the generation's matching, deleted documents left out
    (the copy's first documents, which the second update replaced)."""
    from search.backends import open_backend

    backend = open_backend({"SEARCH_BACKEND": "whoosh", "INDEX_DIR": str(updated_index)})
    with backend.snapshot() as snapshot:
        searcher, facets = snapshot.searcher, snapshot.generation.facets
        assert not facets.alive.all()
        for text in SEARCHES:
            for query in match_parts(parse_query(text), searcher.doc_frequency):
                found = np.flatnonzero(facets.matching(searcher, query)).tolist()
                assert found == sorted(searcher.docs_for_query(query)), text


def test_a_generation_keeps_the_longer_terms_it_read_last_within_its_bytes(searcher):
    terms = [("body", t) for t in ("满意度", "检察", "经费", "项目", "预算")]
    read = {key: arrays.read(searcher, *key) for key in terms}
    sizes = {key: ids.nbytes + weights.nbytes for key, (ids, weights) in read.items()}
    limit = sizes[terms[0]] + sizes[terms[1]]
    held = arrays.Postings(limit=limit, least=1)
    first = held.of(searcher, *terms[0])
    second = held.of(searcher, *terms[1])
    assert held.of(searcher, *terms[0]) is first  # kept, and now the last used
    held.of(searcher, *terms[2])  # pushes out the one used longest ago
    assert held.of(searcher, *terms[0]) is first and held.of(searcher, *terms[1]) is not second
    for key in terms:
        ids, weights = held.of(searcher, *key)
        assert ids.tolist() == read[key][0].tolist() and weights.tolist() == read[key][1].tolist()
    assert held.of(searcher, *terms[0]) is not first  # pushed out by the later ones
    assert sum(sizes[key] for key in held._kept) <= limit == held.limit
    short = arrays.Postings(least=10**9)  # none long enough to keep
    assert short.of(searcher, *terms[0]) is not short.of(searcher, *terms[0])


def test_the_terms_most_documents_have_are_held_within_the_bytes(searcher):
    fields = ("grams", "body", "chars")
    frequent = arrays.frequent_terms(searcher, fields, 40)
    frequency = [searcher.doc_frequency(f, t) for f, t in frequent]
    every = [
        searcher.doc_frequency(f, searcher.schema[f].from_bytes(t))
        for f in fields
        for t in searcher.reader().lexicon(f)
    ]
    assert frequency == sorted(every, reverse=True)[:40]
    limit = sum(n * arrays.POSTING_BYTES for n in frequency[:5]) - 1  # the fifth does not fit
    held = arrays.Postings(limit=1, least=1, holding=limit)  # keeps nothing it reads later
    held.hold(searcher, frequent)
    assert list(held._held)[:4] == frequent[:4] and frequent[4] not in held._held
    assert len(held._held) > 4  # shorter ones after it fit
    assert held._held_bytes == sum(i.nbytes + w.nbytes for i, w in held._held.values()) <= limit
    for key, (ids, _) in list(held._held.items()):
        assert held.of(searcher, *key)[0] is ids  # read once, before the workers fork
    for key in frequent[4:]:  # others read later do not push the held ones out
        held.of(searcher, *key)
    assert all(held.of(searcher, *key)[0] is ids for key, (ids, _) in held._held.items())
    empty = arrays.read(searcher, "no such field", "满意度")
    assert len(empty[0]) == len(empty[1]) == 0


def test_a_warmed_server_holds_the_frequent_terms(app):
    """`app.warm` prepares the live generation's snapshot: on Whoosh its frequent terms
    are held (the sample's are short: held all the same)."""
    from app import backend_of, warm

    warm(app)
    from search.whoosh_backend.searching import WhooshSnapshot

    with backend_of(app).snapshot() as snapshot:
        if not isinstance(snapshot, WhooshSnapshot):
            pytest.skip("PostgreSQL holds its frequent terms in the database")
        assert len(snapshot.generation.facets.terms._held) >= 100


def test_candidates_scored_from_the_arrays_are_scored_as_by_whoosh(updated_index):
    """The "any word" fallback and the by-project page score a few hundred candidates:
    from the arrays, as Whoosh's matcher moved to each scores them."""
    from search.backends import open_backend
    from search.whoosh_backend.scoring import score_documents
    from search.whoosh_backend.searching import _scored

    backend = open_backend({"SEARCH_BACKEND": "whoosh", "INDEX_DIR": str(updated_index)})
    with backend.snapshot() as snapshot:
        searcher, facets = snapshot.searcher, snapshot.generation.facets
        alive = np.flatnonzero(facets.alive)
        candidates = np.random.default_rng(7).permutation(alive)[:400]  # in no order
        compared = 0
        for text in SEARCHES:
            for mode in ("and", "or"):
                rank = build_rank_query(parse_query(text), mode, searcher.doc_frequency)
                if rank is None:
                    continue
                found = _scored(searcher, facets, rank, candidates)
                whooshs = score_documents(searcher, rank, candidates, 60)
                assert [d for d, _ in found.scored] == [d for d, _ in whooshs.scored]
                if _parts_at_most(rank, 2):
                    assert found.scored == whooshs.scored, text
                else:
                    assert [s for _, s in found.scored] == pytest.approx(
                        [s for _, s in whooshs.scored]
                    )
                assert found.complete and found.examined == len(candidates)
                compared += bool(whooshs.scored)
        assert compared > 20
        assert _scored(searcher, facets, None, candidates).scored == []
