"""The analyzers: positions in tokens, offsets kept, domain words whole, substring recall."""

from __future__ import annotations

import pytest
from support import RunRamStorage
from whoosh import query as q
from whoosh.fields import ID, TEXT, Schema

from indexer.text import bigrams, characters, fold, words
from search.whoosh_backend.analyzers import BigramTokenizer, CharTokenizer, WordTokenizer
from search.whoosh_backend.compile import substring_query


def tokens(tokenizer, text):
    return [
        (t.text, t.pos, t.startchar, t.endchar) for t in tokenizer(text, positions=True, chars=True)
    ]


def test_word_positions_count_tokens_and_offsets_point_into_the_text():
    text = "通过卷宗OCR及语义分析"
    got = tokens(WordTokenizer(), text)
    assert [t[0] for t in got] == ["通过", "卷宗", "ocr", "及", "语义", "分析"]
    assert [t[1] for t in got] == [0, 1, 2, 3, 4, 5]
    assert all(text[s:e].lower() == word for word, _, s, e in got)


def test_character_tokens():
    got = tokens(CharTokenizer(), "卷宗ＯＣＲ，12309号")
    assert got == [
        ("卷", 0, 0, 1),
        ("宗", 1, 1, 2),
        ("ocr", 2, 2, 5),
        ("12309", 3, 6, 11),
        ("号", 4, 11, 12),
    ]


@pytest.mark.parametrize("word", ["预算执行率", "政府采购", "满意度", "一网通办", "专款专用"])
def test_domain_words_stay_whole(word):
    assert [w for w, _, _ in words(f"确保{word}达到要求")][1] == word


def test_character_pairs():
    assert [t for t, _, _ in bigrams("卷宗OCR，急修。率")] == ["卷宗", "ocr", "急修", "率"]
    got = tokens(BigramTokenizer(), "智能卷宗 v2")
    assert got == [("智能", 0, 0, 2), ("能卷", 1, 1, 3), ("卷宗", 2, 2, 4), ("v2", 3, 5, 7)]


def test_ascii_is_folded_and_numbers_kept():
    assert fold("ＯＣＲ OCR") == "ocr ocr"
    assert [w for w, _, _ in words("OCR识别12309热线")] == ["ocr", "识别", "12309", "热线"]
    assert [c for c, _, _ in characters("Ｖ2.0版")] == ["v2", "0", "版"]


@pytest.fixture(scope="module")
def ram_index():
    schema = Schema(
        id=ID(stored=True),
        body=TEXT(analyzer=WordTokenizer(), phrase=True),
        grams=TEXT(analyzer=BigramTokenizer(), phrase=True),
        chars=TEXT(analyzer=CharTokenizer(), phrase=False),
    )
    ix = RunRamStorage().create_index(schema)
    texts = {
        "a": "投入与管理 财务管理 资金使用规范性 规范",
        "b": "产出目标 时效 急修项目按时完成率 =100%",
        "c": "通过卷宗OCR及语义分析实现案件电子卷宗的阅卷申请",
        "d": "建设全市统一的智能卷宗管理平台",
    }
    with ix.writer() as writer:
        for key, text in texts.items():
            writer.add_document(id=key, body=text, grams=text, chars=text)
    return ix


def found(ix, query):
    with ix.searcher() as searcher:
        return sorted(hit["id"] for hit in searcher.search(query))


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("资金使用", ["a"]),
        ("急修", ["b"]),
        ("按时完成", ["b"]),
        ("ocr", ["c"]),
        ("OCR", ["c"]),
        ("智能卷宗", ["d"]),
        ("卷宗", ["c", "d"]),
        ("语义分析", ["c"]),
        ("电子卷宗的阅卷", ["c"]),
        ("卷宗管理平台", ["d"]),
        ("卷宗平台", []),
        ("宗", ["c", "d"]),
        ("修", ["b"]),
        ("OCR及语义", ["c"]),
    ],
)
def test_substring_query_finds_every_substring(ram_index, text, ids):
    assert found(ram_index, substring_query(text)) == ids


def test_word_phrase_query_uses_token_positions(ram_index):
    assert found(ram_index, q.Phrase("body", ["语义", "分析"])) == ["c"]
    assert found(ram_index, q.Phrase("body", ["分析", "语义"])) == []


def jiebas_words(text):
    """jieba over the whole text at once, as `words` cut before it kept blocks' words."""
    from indexer.text import _WORDY, segmenter

    return [
        (word, start, end)
        for word, start, end in segmenter().tokenize(fold(text), HMM=False)
        if _WORDY.search(word)
    ]


def sample_texts() -> list[str]:
    """Every real text (the corpus and the real-world tables), each of their lines, and
    300 texts of pieces of lines mixed with punctuation, ASCII, full-width and
    traditional characters."""
    import random
    from pathlib import Path

    from support import CORPUS

    data = Path(__file__).parent / "data" / "realworld"
    texts = [p.read_text("utf-8") for p in (*CORPUS.glob("*.txt"), *data.glob("*.txt"))]
    lines = [line for text in texts for line in text.splitlines()]
    rng = random.Random(7)
    pieces = [*"，。、 \t（）()《》〔〕[]-—%％.#&+_ＡＯＣＲ檢察\n", "12309", "2020年", "abc"]
    mixed = [
        "".join(rng.choice([rng.choice(lines)[:12], rng.choice(pieces)]) for _ in range(8))
        for _ in range(300)
    ]
    return [*texts, *lines, *mixed, "", " ", "，。", "预算执行率≥95%"]


def test_words_cut_block_by_block_are_jiebas_over_the_whole_text():
    import jieba

    from indexer.text import LONGEST_KEPT

    texts = sample_texts()
    blocks = {len(b) for text in texts for b in jieba.re_han_default.split(fold(text))}
    assert max(blocks) > LONGEST_KEPT  # long blocks (cut, not kept) as well as short
    for text in texts:
        assert words(text) == jiebas_words(text), text
    from indexer.text import _block_words

    assert _block_words.cache_info().hits > 1000  # a text's blocks are worked out once


def test_postings_from_our_tokens_are_whooshs():
    """The schema's text fields work their postings out from our tokens directly: the
    same (word, frequency, weight, value) as Whoosh's formats, in the same order."""
    from whoosh.formats import Frequency, Positions

    from search.whoosh_backend.analyzers import SplitFrequency, SplitPositions
    from search.whoosh_backend.schema import make_schema

    schema = make_schema()
    assert isinstance(schema["body"].format, SplitPositions)
    assert isinstance(schema["grams"].format, SplitPositions)
    assert isinstance(schema["chars"].format, SplitFrequency)
    whooshs = {"body": Positions(), "grams": Positions(), "chars": Frequency()}
    for text in sample_texts():
        for name, theirs in whooshs.items():
            analyzer = schema[name].analyzer
            ours = list(schema[name].format.word_values(text, analyzer, mode="index"))
            assert ours == list(theirs.word_values(text, analyzer, mode="index")), text
            assert all(type(weight) is float for _, _, weight, _ in ours)
