"""Property: parse(render(record)) == record, for generated records and wrap widths."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st
from support import SAMPLE

from indexer import Indicator, Project, Source, parse_text, render
from indexer.citations import extract_citations
from indexer.layouts.sh_municipal_2020 import budget_lines
from indexer.model import project_id
from indexer.render import render_many
from indexer.vocabulary import (
    ALL_LABELS,
    BUDGET_HEADING,
    BUDGET_KEYS,
    LEVEL1_NAMES,
    LEVEL2_NAMES,
    LEVEL_NAMES,
    OPERATORS,
    SECTION_KEYS,
    WORD_OPERATORS,
)

FILE = "gen/tables.txt"

# Han characters of budget prose, without 绩 and without colons, so generated text can
# never spell a table title, an indicator-table start or a `label：`.
HAN = (
    "上海市人民检察院办公业务用房专项维修费项目设立必要性保证实施制度措施计划总目标阶段性"
    "财政资金使用情况预算执行率满意度完成及时合格信息化建设系统平台数据安全管理规范有效健全"
)
PUNCTUATION = "，。；、“”（）《》〈〉()[]【】〔〕-.%"

han_word = st.text(alphabet=HAN, min_size=1, max_size=8)
number = st.integers(0, 99999).map(str)
doc_number = st.builds(
    lambda issuer, year, serial, brackets: f"{issuer}{brackets[0]}{year}{brackets[1]}{serial}号",
    st.sampled_from(["沪财行", "沪委办发", "国办发", "高检发技字", "财行"]),
    st.integers(1990, 2030),
    st.integers(1, 999),
    st.sampled_from(["〔〕", "[]", "【】", "（）", "()"]),
)
title = han_word.map(lambda w: f"《{w}办法》")
section_text = (
    st.lists(
        st.one_of(han_word, number, doc_number, title, st.sampled_from(PUNCTUATION)),
        max_size=60,
    )
    .map("".join)
    .filter(lambda text: BUDGET_HEADING not in text)
    .filter(lambda text: not re.search(r"[-－—–]\d{1,4}[-－—–]", text))
)
short_text = st.text(alphabet=HAN + "0123456789（）", max_size=20)
name_text = st.text(alphabet=HAN + "0123456789（）%", min_size=1, max_size=30)

FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


@st.composite
def quantitative_target(draw):
    """A target with its meaning computed independently of the parser."""
    op_written = draw(st.sampled_from(["", *OPERATORS, *WORD_OPERATORS]))
    whole = draw(st.integers(0, 100000))
    decimals = draw(st.sampled_from(["", ".0", ".00", ".5", ".25"]))
    unit_written, unit = draw(
        st.sampled_from(
            [("", None), ("%", "%"), ("％", "%"), ("(%)", "%"), ("天", "天"), ("万元", "万元")]
        )
    )
    digits = f"{whole:,}" if draw(st.booleans()) else str(whole)
    written = f"{digits}{decimals}"
    if draw(st.booleans()):
        written = written.translate(FULL_WIDTH_DIGITS)
    target = f"{op_written}{written}{unit_written}"
    if not op_written and not unit_written and YEAR_MONTH.fullmatch(f"{digits}{decimals}"):
        # 2023.5 alone is a year and a month (a deadline), as tables write dates
        return target, None, None, None, "date"
    value = Decimal(f"{whole}{decimals}")
    value = int(value) if value == int(value) else float(value)
    op = "=" if not op_written else OPERATORS.get(op_written) or WORD_OPERATORS[op_written]
    return target, op, value, unit, "quantitative"


# a number that reads as a year and a month (1900.5, 2023.12): a date, not a quantity
YEAR_MONTH = re.compile(r"(?:19|20)\d{2}\.(?:0?[1-9]|1[0-2])")


qualitative_target = st.text(alphabet=HAN + "、，", min_size=1, max_size=12).map(
    lambda text: (text, None, None, None, "qualitative")
)


@st.composite
def indicators(draw):
    rows = []
    for _ in range(draw(st.integers(1, 40))):
        name = draw(name_text.filter(lambda n: n not in LEVEL_NAMES))
        target, op, value, unit, kind = draw(st.one_of(quantitative_target(), qualitative_target))
        level1 = draw(st.sampled_from(sorted(LEVEL1_NAMES)))
        level2 = draw(st.sampled_from(sorted(LEVEL2_NAMES)))
        rows.append(Indicator(level1, level2, name, target, op, value, unit, kind))
    return rows


@st.composite
def projects(draw):
    year = draw(st.integers(2000, 2040))
    unit = draw(short_text)
    name = draw(name_text)
    project = Project(
        id=project_id(unit, year, name),
        source=Source(FILE, 1),
        year=year,
        unit=unit,
        name=name,
        category=draw(short_text),
        perf_type=draw(short_text),
        start_date=draw(st.none() | st.dates(dt.date(2000, 1, 1)).map(dt.date.isoformat)),
        end_date=draw(st.none() | st.dates(dt.date(2000, 1, 1)).map(dt.date.isoformat)),
        gov_purchase=draw(st.sampled_from([True, False, None])),
        sections={key: draw(section_text) for key in SECTION_KEYS},
        budget={key: draw(st.none() | st.integers(0, 10**13)) for key in BUDGET_KEYS},
        indicators=draw(indicators()),
    )
    text = "".join([project.unit, project.name, *project.sections.values()])
    assume(not any(label in text for label in ALL_LABELS))
    # Citations come from the sections; their extraction is tested in test_citations.py.
    project.citations = extract_citations(project.sections)
    project.budget_lines = budget_lines(project.budget)
    return project


layout = st.fixed_dictionaries(
    {
        "page_every": st.integers(5, 60),
        "inline_levels": st.booleans(),
        "displace_labels": st.booleans(),
    }
)


@given(projects(), st.integers(20, 60), layout)
def test_parse_inverts_render(project, width, options):
    result = parse_text(render(project, width, **options), FILE)
    assert [str(d) for d in result.diagnostics] == []
    assert [p.to_dict() for p in result.projects] == [project.to_dict()]


@given(st.lists(projects(), min_size=1, max_size=3), st.integers(20, 60), layout)
def test_parse_inverts_render_of_many_tables_in_one_file(records, width, options):
    text = render_many(records, width, **options)
    line = 1
    for record in records:
        record.source = Source(FILE, line)
        line += render(record, width, **options).count("\n")
    result = parse_text(text, FILE)
    assert [p.to_dict() for p in result.projects] == [r.to_dict() for r in records]


def test_sample_survives_a_render_round_trip():
    # The real tables, re-rendered at another width, read back the same.
    original = parse_text(SAMPLE.read_text(encoding="utf-8"), FILE).projects
    for project in original:
        project.source = Source(FILE, 1)
        again = parse_text(render(project, 33, displace_labels=True), FILE)
        assert again.diagnostics == []
        assert again.projects == [project]
