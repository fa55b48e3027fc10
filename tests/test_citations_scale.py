"""Citation finding is linear on hostile text and finds exactly what the old quadratic code did.

`Reference` below is the code as it was before (a 《 rescanned to the end for each 《, titles
compared with every number, plain `\\s*` runs), kept only to compare results on small texts.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from indexer import citations
from indexer.citations import (
    DocNumber,
    Title,
    extract_citations,
    find_doc_numbers,
    find_titles,
    is_regulation_title,
    normalize_doc_number,
    normalize_title,
    subject_title,
)
from indexer.model import Citation

ROOT = Path(__file__).resolve().parent.parent


class Reference:
    """The old algorithms, copied unchanged (regexes included) from indexer/citations.py."""

    HAN = citations.HAN
    DOC_NUMBER = re.compile(
        rf"(?P<issuer>[{HAN}]{{1,24}}?)\s*{citations._OPEN}\s*(?P<year>(?:19|20)\d\d)\s*"
        rf"{citations._CLOSE}\s*第?\s*(?P<serial>\d{{1,7}})\s*号(?:文)?"
    )
    DECREE_NUMBER = re.compile(
        rf"(?P<issuer>[{HAN}]{{0,24}}?令)\s*第?\s*(?P<serial>\d{{1,6}})\s*号"
    )
    TITLE_THEN_NUMBER = re.compile(r"\s*(?:的(?:通知|批复|决定|函)|文件)?\s*》?\s*[（(]?\s*")
    NUMBER_THEN_TITLE = re.compile(r"\s*[）)]?\s*")
    TRAILING_BRACKET = re.compile(r"[（(][^（()）]*[)）]$")
    ISSUING_NOTICE = re.compile(r"^(?:.*?关于)?(?:印发|转发)[《(\[](?P<subject>.+)[》)\]]的通知$")

    @classmethod
    def find_doc_numbers(cls, text: str) -> list[DocNumber]:
        found: list[DocNumber] = []
        for match in cls.DOC_NUMBER.finditer(text):
            issuer = citations._trim_issuer(match["issuer"])
            if not issuer:
                continue
            year, serial = int(match["year"]), int(match["serial"])
            start = match.end("issuer") - len(issuer)
            found.append(
                DocNumber(start, match.end(), f"{issuer}〔{year}〕{serial}号", issuer, year)
            )
        taken = [(n.start, n.end) for n in found]
        for match in cls.DECREE_NUMBER.finditer(text):
            issuer = citations._trim_issuer(match["issuer"])
            start = match.end("issuer") - len(issuer)
            if len(issuer) < 2 or any(s < match.end() and start < e for s, e in taken):
                continue
            written = re.sub(r"\s+", "", text[start : match.end()])
            found.append(DocNumber(start, match.end(), written, issuer, None))
        return sorted(found, key=lambda n: n.start)

    @staticmethod
    def find_titles(text: str) -> list[Title]:
        titles: list[Title] = []
        i = 0
        while i < len(text):
            if text[i] != "《":
                i += 1
                continue
            depth, j = 0, i
            while j < len(text):
                if text[j] == "《":
                    depth += 1
                elif text[j] == "》":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if depth:
                i += 1
                continue
            inner = text[i + 1 : j].strip()
            if inner:
                titles.append(Title(i, j + 1, inner))
            i = j + 1
        return titles

    @classmethod
    def is_regulation_title(cls, title: str) -> bool:
        core = cls.strip_trailing_brackets(title.strip().strip("“”\"'"))
        return core.endswith(citations.REGULATION_ENDINGS)

    @classmethod
    def strip_trailing_brackets(cls, core: str) -> str:
        # the loop that was inline in is_regulation_title
        while cls.TRAILING_BRACKET.search(core):
            core = cls.TRAILING_BRACKET.sub("", core).strip()
        return core

    @classmethod
    def pairs(cls, text: str) -> Iterator[tuple[Title | None, DocNumber | None]]:
        titles = cls.find_titles(text)
        numbers = [
            n
            for n in cls.find_doc_numbers(text)
            if not any(t.start < n.start < t.end for t in titles)
        ]
        used: set[int] = set()
        paired: list[tuple[int, Title | None, DocNumber | None]] = []
        for title in titles:
            number = next(
                (
                    n
                    for n in numbers
                    if n.start >= title.end
                    and n.start not in used
                    and cls.TITLE_THEN_NUMBER.fullmatch(text[title.end : n.start])
                ),
                None,
            ) or next(
                (
                    n
                    for n in numbers
                    if n.end <= title.start
                    and n.start not in used
                    and cls.NUMBER_THEN_TITLE.fullmatch(text[n.end : title.start])
                ),
                None,
            )
            if number is not None:
                used.add(number.start)
            if number is not None or cls.is_regulation_title(title.text):
                paired.append((title.start, title, number))
        paired += [(n.start, None, n) for n in numbers if n.start not in used]
        for _, title, number in sorted(paired, key=lambda p: p[0]):
            yield title, number

    @classmethod
    def extract_citations(cls, sections: Mapping[str, str]) -> list[Citation]:
        found: list[Citation] = []
        for section, text in sections.items():
            seen: set[tuple[str | None, str | None]] = set()
            for title, number in cls.pairs(text):
                key = (
                    normalize_title(title.text) if title else None,
                    number.number if number else None,
                )
                if key in seen or (title is None and any(k[1] == key[1] for k in seen)):
                    continue
                seen.add(key)
                found.append(
                    Citation(
                        title=title.text if title else None,
                        number=number.number if number else None,
                        issuer=number.issuer if number else None,
                        issued_year=number.year if number else None,
                        section=section,
                    )
                )
        return found

    @classmethod
    def normalize_doc_number(cls, text: str) -> str | None:
        numbers = cls.find_doc_numbers(unicodedata.normalize("NFKC", text))
        return numbers[0].number if numbers else None

    @classmethod
    def subject_title(cls, title: str) -> str | None:
        match = cls.ISSUING_NOTICE.match(normalize_title(title))
        return match["subject"] if match else None


# Pieces that make titles, numbers and the gaps between them, and break them.
FRAGMENTS = [
    *"《》〈〉《》《》号第令文的 　\n甲乙法，。\"'“”",
    *"[]〔〕【】（）()<>［］﹝﹞",
    "2014",
    "2020",
    "1999",
    "39",
    "9",
    "010",
    "12345678",
    "沪财行",
    "财预",
    "国办发",
    "沪府令",
    "上海市人民政府令",
    "沪委办发",
    "根据",
    "按照",
    "关于",
    "印发",
    "转发",
    "的通知",
    "的批复",
    "文件",
    "办法",
    "标准",
    "（试行）",
    "（征求意见稿）",
    "系统",
    "  ",
    "《甲办法》",
    "沪财行[2014]39号",
    "（沪委办发[2013]9号）",
]
hostile_text = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
# Character by character, so brackets, digits and Han mix at every position.
hostile_chars = st.text("《》〈〉号第令文的 \n沪财行发2014（）()[]〔〕办法知通", max_size=60)
any_text = st.one_of(hostile_text, hostile_chars)


@given(any_text)
@example("《未闭合 《乙办法》")
@example("见《关于对《关于制定〈甲方案〉的请示》的批复》和《乙》")
@example("《甲办法》的通知》（财行（2014）2号）")
@example("》》《甲》》《《乙》")
def test_titles_as_before(text):
    assert find_titles(text) == Reference.find_titles(text)


@given(any_text)
@example("沪府令9号沪财行[2014]39号上海市人民政府令第49号")
@example("沪财行 [ 2014 ]  第 039 号文")
def test_numbers_as_before(text):
    assert find_doc_numbers(text) == Reference.find_doc_numbers(text)
    assert normalize_doc_number(text) == Reference.normalize_doc_number(text)


@given(any_text)
@example("《甲办法》沪财行[2014]39号《乙标准》沪机管[2014]23号文《丙规定》")
@example("按照沪编[2015]581号《关于调整机构编制的通知》执行")
@example("沪编[2015]581号）《甲》《乙办法》")
@example("《甲》 的通知 》（沪财行[2014]39号）沪财行[2014]40号")
def test_pairs_as_before(text):
    assert list(citations._pairs(text)) == list(Reference.pairs(text))


@given(any_text, any_text)
@example("《甲方案》（沪委办发〔2018〕14号）……《甲方案》（沪委办发[2018]14号）", "")
@example("《甲办法》沪财行[2014]39号 沪财行（2014）39号 《乙办法》", "沪府令9号")
def test_citations_as_before(text, other):
    sections = {"basis": text, "goals": other}
    assert extract_citations(sections) == Reference.extract_citations(sections)


title_like = st.one_of(
    any_text,
    st.text('（()）办法通知"“” \n　甲', max_size=30),
)


@given(title_like)
@example("甲办法（试行）（征求意见稿）")
@example("甲办法（试行）\n")
@example('甲办法（试行）\n"')
@example("甲办法 （一） ")
@example(" 甲办法（试行）")
@example("（（甲办法））")
@example("甲办法（）")
def test_regulation_titles_as_before(title):
    assert is_regulation_title(title) == Reference.is_regulation_title(title)
    cut = citations._strip_trailing_brackets(title)
    assert cut == Reference.strip_trailing_brackets(title)


@given(any_text)
@example("关于印发《甲办法》的通知")
@example("市政府关于转发(甲办法)的通知")
@example("关于印发《》的通知")
@example("印发[甲]的通知")
def test_subjects_as_before(title):
    assert subject_title(title) == Reference.subject_title(title)


CITATION = "根据《上海市市级机关办公用房管理暂行办法》（沪委办发[2013]9号）"
CITED = [["上海市市级机关办公用房管理暂行办法", "沪委办发〔2013〕9号"]]


def bounded(expression: str) -> object:
    """`expression` evaluated in a fresh Python that must finish within 60 s, as JSON.

    The old code never finished on these; a hang fails the test rather than stalling it.
    """
    code = (
        "import json\n"
        "from indexer.citations import *\n"
        "from indexer.citations import _pairs\n"
        f"CITATION = {CITATION!r}\n"
        "def cited(text):\n"
        "    return [[c.title, c.number] for c in extract_citations({'basis': text})]\n"
        f"print(json.dumps({expression}))\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"did not finish in 60 s: {expression}")
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # 200,000 unclosed 《 before a real citation: the old find_titles never finished.
        ("cited('《' * 200_000 + CITATION)", CITED),
        ("[t.start for t in find_titles('《' * 200_000 + CITATION)]", [200_002]),
        ("cited('《' * 100_000 + '》' * 100_000)", []),
        ("cited('》' * 200_000 + CITATION)", CITED),
        ("cited('沪财行[' * 200_000 + CITATION)", CITED),
        ("cited('〔' * 200_000 + CITATION)", CITED),
        # An issuer is at most 24 characters: the nearest ones to the bracket.
        ("cited('沪' * 200_000 + '[2014]39号')", [[None, "沪" * 24 + "〔2014〕39号"]]),
        ("cited('令' * 200_000)", []),
        # Runs of spaces where a plain `\s*第?\s*` or the gap patterns backtracked.
        ("cited('沪[2014]' + ' ' * 200_000 + 'x' + CITATION)", CITED),
        ("cited('沪府令' + ' ' * 200_000 + 'x沪府令9号')", [[None, "沪府令9号"]]),
        ("cited('《甲办法》' + ' ' * 200_000 + 'x沪财行[2014]39号')",
         [["甲办法", None], [None, "沪财行〔2014〕39号"]]),
        ("cited('沪财行[2014]39号' + ' ' * 100_000 + 'x' + '《甲》' * 50_000)",
         [[None, "沪财行〔2014〕39号"]]),
        # Only the last title touches a number; the other numbers repeat it and count once.
        ("cited('《甲办法》' * 50_000 + '沪财行[2014]39号' * 50_000)",
         [["甲办法", None], ["甲办法", "沪财行〔2014〕39号"]]),
        ("is_regulation_title('甲办法' + '（）' * 200_000)", True),
        ("subject_title('关于印发《' * 100_000)", None),
        ("subject_title('关于印发《' * 100_000 + '》的通知')", "关于印发《" * 99_999),
    ],
)  # fmt: skip
def test_hostile_text_is_bounded(expression, expected):
    assert bounded(expression) == expected


def test_many_unclosed_brackets_hide_nothing():
    text = "《" * 1000 + "《甲办法》" + "《" * 1000 + "按照沪编[2015]581号《乙通知》"
    assert [t.text for t in find_titles(text)] == ["甲办法", "乙通知"]
    assert [(c.title, c.number) for c in extract_citations({"basis": text})] == [
        ("甲办法", None),
        ("乙通知", "沪编〔2015〕581号"),
    ]
