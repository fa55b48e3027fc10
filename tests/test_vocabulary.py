"""The vocabulary of plain words and other names (search/vocabulary.py)."""

from __future__ import annotations

from search.vocabulary import (
    GROUPS,
    in_own_words,
    in_table_terms,
    meanings,
    related,
    same_meaning,
)


def _group_of(word: str) -> int:
    return next(n for n, group in enumerate(GROUPS) if word in group.split())


def test_plain_words_share_a_meaning_with_the_tables_terms():
    assert _group_of("群众") in meanings("老百姓知道这个政策吗")
    assert _group_of("闲置率") in meanings("放着不用的设备")
    assert _group_of("及时率") in meanings("能不能按时修好")


def test_one_character_words_match_nothing_alone():
    assert meanings("修") == frozenset()


def test_same_meaning_lists_the_word_first_and_finds_the_group_of_a_longer_word():
    assert same_meaning("年轻人")[0] == "年轻人"
    assert "青年" in same_meaning("年轻人")
    assert "LAMOST" in same_meaning("郭守敬")  # part of 郭守敬望远镜


def test_related_gives_every_word_of_the_groups_named():
    assert "拆违" in related("拆房子那个")


def test_other_names_are_read_as_the_name_the_records_use():
    held = {"FAST", "下立交", "LAMOST"}.__contains__
    assert in_own_words("天眼一年观测多少小时", held) == "FAST一年观测多少小时"
    assert in_own_words("兰溪路那条地道", held) == "兰溪路那条下立交"
    # written beside the name the records use: not twice
    assert in_own_words("郭守敬望远镜LAMOST的光谱", held) == "LAMOST的光谱"
    # a name the records use stays; a name of no known thing stays
    assert in_own_words("FAST观测时间", held) == "FAST观测时间"
    assert in_own_words("天眼", lambda word: False) == "天眼"


def test_everyday_phrases_are_read_as_the_tables_terms():
    assert in_table_terms("老百姓满不满意") == "老百姓满意度"
    assert in_table_terms("放着不用的比例") == "闲置的比例"
