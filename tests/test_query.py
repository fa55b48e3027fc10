"""The query builder: user text to query parts (pure), compiled to Whoosh queries,
compared as data."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh import query as q

from search.query import MAX_QUERY_CHARS, QueryParts, clean_query, parse_query
from search.whoosh_backend.compile import build_query, build_rank_query, substring_query


def pairs(*grams):
    terms = [q.Term("grams", g) for g in grams]
    return terms[0] if len(terms) == 1 else q.And(terms)


def test_words_are_anded_and_match_as_substrings():
    parts = parse_query("语义分析 满意度")
    assert parts == QueryParts(words=("语义分析", "满意度"))
    assert build_query(parts) == q.And([pairs("语义", "义分", "分析"), pairs("满意", "意度")])
    assert build_query(parts, "or") == q.Or([pairs("语义", "义分", "分析"), pairs("满意", "意度")])


def test_words_rank_by_their_jieba_words():
    parts = parse_query("语义分析 满意度")
    assert build_rank_query(parts) == q.And(
        [q.And([q.Term("body", "语义"), q.Term("body", "分析")]), q.Term("body", "满意度")]
    )
    assert build_rank_query(parse_query("OCR")) == q.Term("body", "ocr")


def test_one_word_is_its_own_query():
    assert build_query(parse_query("OCR")) == q.Term("grams", "ocr")


def test_substrings_are_character_pairs_single_characters_and_ascii_runs():
    assert substring_query("率") == q.Term("chars", "率")
    assert substring_query("急修") == q.Term("grams", "急修")
    assert substring_query("OCR及语义") == pairs("ocr", "及语", "语义")
    assert substring_query("哈哈哈") == q.Term("grams", "哈哈")
    assert substring_query("，。") is None


@pytest.mark.parametrize(
    "text",
    ["沪财行[2014]39号", "沪财行（2014）39号", "沪财行〔2014〕39号", "沪财行【2014】第039号"],
)
def test_document_numbers_in_any_style_are_one_exact_term(text):
    parts = parse_query(text)
    assert parts == QueryParts(numbers=("沪财行〔2014〕39号",))
    assert build_query(parts) == q.Term("numbers", "沪财行〔2014〕39号")


def test_titles_match_exactly_or_as_text():
    parts = parse_query("《人民检察院财务管理暂行办法》 执行")
    assert parts.titles == ("人民检察院财务管理暂行办法",)
    assert parts.words == ("执行",)
    first = build_query(parts).subqueries[0]
    assert first.subqueries[0] == q.Term("titles", "人民检察院财务管理暂行办法")


def test_quoted_phrases():
    assert parse_query('"智能卷宗" 系统') == QueryParts(words=("系统",), phrases=("智能卷宗",))
    assert parse_query("“一网通办”").phrases == ("一网通办",)
    assert parse_query('"unclosed 卷宗').words == ("unclosed", "卷宗")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("title:x", ("title", "x")),
        ("预算*", ("预算",)),
        ("[2014 TO 2020]", ("2014", "to", "2020")),
        ("满意度^3", ("满意度", "3")),
        ("((", ()),
        ("*", ()),
        ("", ()),
    ],
)
def test_query_syntax_is_plain_text(text, words):
    assert parse_query(text).words == words


def test_nothing_searchable_gives_no_query():
    assert build_query(parse_query("((")) is None


def test_clean_query_caps_length_and_drops_control_characters():
    assert clean_query("  资金\x00使用\ud800 ") == ("资金使用", False)
    text, cut = clean_query("字" * 5000)
    assert (len(text), cut) == (MAX_QUERY_CHARS, True)


@given(st.text(max_size=300))
def test_no_user_text_raises(text):
    cleaned, _ = clean_query(text)
    build_query(parse_query(cleaned))
    build_query(parse_query(cleaned), "or")
