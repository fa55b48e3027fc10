"""The Whoosh index schema: one place that names every field, its type and why it exists."""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema

from .analyzers import (
    BigramTokenizer,
    CharTokenizer,
    PositionedTokenizer,
    SplitFrequency,
    SplitPositions,
    WordTokenizer,
)

# Bump when the schema or the analyzers change meaning: an index of another version is
# rebuilt rather than read.
# 4: the analyzers moved to search.whoosh_backend.analyzers; 5: name and indicator_names;
# 6: template and department (records of every template family).
# 7: traditional characters folded to simplified (indexer.text.fold).
# 8: an indicator document per level (一级/二级 pair), not per table.
# 9: problem (the checks); 10: records one file per source file, extras.
# 11: year, budget, order and seq without the postings nothing searches.
SCHEMA_VERSION = 11


def make_schema() -> Schema:
    return Schema(
        doc_id=ID(stored=True, unique=True),
        kind=ID(stored=True, sortable=True),
        project_id=ID(stored=True, sortable=True),
        # Text three times: jieba words for ranking; character pairs (queried as phrases)
        # and single characters (for one-character queries) so any substring is found.
        body=_text(WordTokenizer(), phrase=True),
        grams=_text(BigramTokenizer(), phrase=True),
        chars=_text(CharTokenizer(), phrase=False),
        # Exact matches: normalized document numbers and citation titles.
        numbers=KEYWORD(lowercase=False, scorable=True),
        titles=KEYWORD(lowercase=False, scorable=True),
        # The project's facets, on every document of the project.
        template=ID(stored=True, sortable=True),
        department=ID(stored=True, sortable=True),
        category=ID(stored=True, sortable=True),
        perf_type=ID(stored=True, sortable=True),
        unit=ID(stored=True, sortable=True),
        # A facet: its documents are read from its postings, one term per year (Whoosh
        # would add seven more per document, for ranges, which nothing asks for).
        year=NUMERIC(int, stored=True, sortable=True, shift_step=0),
        # Amounts in yuan are integers (NUMERIC(float, sortable=True) crashes Whoosh).
        budget=_column(NUMERIC(int, bits=64, stored=True, sortable=True)),
        # Facets of some kinds only.
        section=ID(stored=True, sortable=True),
        level1=ID(stored=True, sortable=True),  # one level per indicator document
        level2=ID(stored=True, sortable=True),
        issuer=ID(stored=True, sortable=True),
        # The ids of the check rules that found something in the project (indexer.checks).
        problem=KEYWORD(stored=True, lowercase=False),
        # Source order: of the project, and of the document (for listing without a query).
        order=_column(NUMERIC(int, stored=True, sortable=True)),
        seq=_column(NUMERIC(int, stored=True, sortable=True)),
    )


def _column(field: NUMERIC) -> NUMERIC:
    """`field` stored and as a column, without postings (Whoosh indexes a field only if
    it is `indexed`): for fields read only as columns (sorting, a document's project) and
    stored values, never searched (with the year's range terms, 28 % of the postings the
    writers wrote)."""
    field.indexed = False
    return field


def _text(tokenizer: PositionedTokenizer, phrase: bool) -> TEXT:
    """A text field whose postings are worked out from `tokenizer`'s tokens directly (the
    same postings as Whoosh's formats: an index written before reads the same)."""
    field = TEXT(analyzer=tokenizer, phrase=phrase)
    field.format = (SplitPositions if phrase else SplitFrequency)(
        field_boost=field.format.field_boost
    )
    return field
