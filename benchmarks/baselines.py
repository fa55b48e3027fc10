"""The engines a user could pick instead, on the same documents and queries.

Both are fed jieba-pretokenized text (words joined by spaces, and single characters for
substring recall, as our index has), answer the same query mix with the same meaning
(each part of the query as a word phrase or a character phrase, parts ANDed, filters,
counts of three facets, snippets of the top 10) and are timed in-process.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from indexer.documents import documents
from indexer.model import Project
from indexer.text import characters, words
from search.query import QueryParts, parse_query

FACETS = ("kind", "category", "perf_type")


def pretokenized(project_docs: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    for doc in project_docs:
        yield {
            "doc_id": doc["doc_id"],
            "kind": doc["kind"],
            "category": doc.get("category", ""),
            "perf_type": doc.get("perf_type", ""),
            "body": " ".join(w for w, _, _ in words(doc["body"])),
            "chars": " ".join(c for c, _, _ in characters(doc["body"])),
            "numbers": doc.get("numbers", ""),
        }


def all_documents(projects: list[Project]) -> list[dict[str, Any]]:
    return list(
        pretokenized(doc for order, p in enumerate(projects) for doc in documents(p, order))
    )


def _phrases(parts: QueryParts) -> list[tuple[list[str], list[str], str | None]]:
    """Per query part: its word tokens, its character tokens, or a document number."""
    found: list[tuple[list[str], list[str], str | None]] = [([], [], n) for n in parts.numbers]
    for text in (*parts.titles, *parts.phrases, *parts.words):
        found.append(([w for w, _, _ in words(text)], [c for c, _, _ in characters(text)], None))
    return found


# --------------------------------------------------------------------------- SQLite FTS5


class Fts5:
    name = "SQLite FTS5"

    def __init__(self, path: Path) -> None:
        self.path = path

    def build(self, docs: list[dict[str, Any]]) -> float:
        started = time.perf_counter()
        self.path.unlink(missing_ok=True)
        db = sqlite3.connect(self.path)
        db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(doc_id UNINDEXED, kind UNINDEXED, "
            "category UNINDEXED, perf_type UNINDEXED, body, chars, numbers, "
            "tokenize = 'unicode61')"
        )
        db.executemany(
            "INSERT INTO docs VALUES (:doc_id, :kind, :category, :perf_type, :body, :chars, "
            ":numbers)",
            docs,
        )
        db.commit()
        db.close()
        self.db = sqlite3.connect(self.path, check_same_thread=False)
        return time.perf_counter() - started

    @staticmethod
    def _match(parts: QueryParts) -> str | None:
        clauses = []
        for word_tokens, char_tokens, number in _phrases(parts):
            if number:
                tokens = number.replace("〔", " ").replace("〕", " ")
                clauses.append(f'numbers : "{tokens}"')
            elif char_tokens:
                alternatives = [f'chars : "{" ".join(char_tokens)}"']
                if word_tokens:
                    alternatives.append(f'body : "{" ".join(word_tokens)}"')
                clauses.append("(" + " OR ".join(alternatives) + ")")
        return " AND ".join(clauses) or None

    def search(self, q: str, filters: Mapping[str, str]) -> dict[str, Any]:
        match = self._match(parse_query(q))
        if match is None:
            return {"total": 0}
        where = " AND ".join(f"{k} = ?" for k in filters)
        condition = f"docs MATCH ? {'AND ' + where if where else ''}"
        args = [match, *filters.values()]
        total = self.db.execute(f"SELECT count(*) FROM docs WHERE {condition}", args).fetchone()[0]
        facets = {}
        for facet in FACETS:
            others = {k: v for k, v in filters.items() if k != facet}
            where = " AND ".join(f"{k} = ?" for k in others)
            rows = self.db.execute(
                f"SELECT {facet}, count(*) FROM docs WHERE docs MATCH ? "
                f"{'AND ' + where if where else ''} GROUP BY {facet}",
                [match, *others.values()],
            ).fetchall()
            facets[facet] = dict(rows)
        hits = self.db.execute(
            f"SELECT doc_id, snippet(docs, 4, '<mark>', '</mark>', '…', 24) FROM docs "
            f"WHERE {condition} ORDER BY bm25(docs) LIMIT 10",
            args,
        ).fetchall()
        return {"total": total, "facets": facets, "hits": hits}


# --------------------------------------------------------------------------- tantivy


class Tantivy:
    name = "tantivy"

    def __init__(self, path: Path) -> None:
        self.path = path

    def build(self, docs: list[dict[str, Any]]) -> float:
        import tantivy

        started = time.perf_counter()
        self.path.mkdir(parents=True, exist_ok=True)
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("doc_id", stored=True, tokenizer_name="raw")
        for facet in FACETS:
            builder.add_text_field(facet, stored=True, fast=True, tokenizer_name="raw")
        builder.add_text_field("body", stored=True)
        builder.add_text_field("chars")
        builder.add_text_field("numbers", tokenizer_name="raw")
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema, path=str(self.path))
        writer = self.index.writer(heap_size=256_000_000, num_threads=2)
        for doc in docs:
            fields = {k: doc[k] for k in ("doc_id", *FACETS, "body", "chars")}
            fields["numbers"] = doc["numbers"].split() or [""]
            writer.add_document(tantivy.Document(**fields))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()
        return time.perf_counter() - started

    def _query(self, parts: QueryParts, filters: Mapping[str, str]) -> Any:
        import tantivy

        must = []
        for word_tokens, char_tokens, number in _phrases(parts):
            if number:
                must.append(tantivy.Query.term_query(self.schema, "numbers", number))
            elif char_tokens:
                options = [self._sequence("chars", char_tokens)]
                if word_tokens:
                    options.append(self._sequence("body", word_tokens))
                must.append(
                    tantivy.Query.boolean_query([(tantivy.Occur.Should, o) for o in options])
                )
        for field, value in filters.items():
            must.append(tantivy.Query.term_query(self.schema, field, value))
        if not must:
            return None
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, m) for m in must])

    def _sequence(self, field: str, tokens: list[str]) -> Any:
        import tantivy

        if len(tokens) == 1:
            return tantivy.Query.term_query(self.schema, field, tokens[0])
        return tantivy.Query.phrase_query(self.schema, field, tokens)

    def search(self, q: str, filters: Mapping[str, str]) -> dict[str, Any]:
        import tantivy

        parts = parse_query(q)
        query = self._query(parts, filters)
        if query is None:
            return {"total": 0}
        result = self.searcher.search(query, 10, count=True)
        facets = {}
        for facet in FACETS:
            others = {k: v for k, v in filters.items() if k != facet}
            facet_query = self._query(parts, others)
            facets[facet] = self.searcher.aggregate(
                facet_query, {facet: {"terms": {"field": facet}}}
            )
        snippets = tantivy.SnippetGenerator.create(self.searcher, query, self.schema, "body")
        hits = []
        for _score, address in result.hits:
            doc = self.searcher.doc(address)
            hits.append((doc["doc_id"][0], snippets.snippet_from_doc(doc).to_html()))
        return {"total": result.count, "facets": facets, "hits": hits}
