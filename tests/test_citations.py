"""Citations: every regulation the sample cites, number normalization, the catalogue."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.citations import (
    extract_citations,
    find_titles,
    is_regulation_title,
    normalize_doc_number,
)
from indexer.issuers import issuer_name
from indexer.model import Project
from search.regulations import build_catalogue, find_regulations

# Read off the sample by hand: (section, title, number) per project, in text order.
EXPECTED = {
    "办公及业务用房专项维修费": [
        ("basis", "上海市市级机关办公用房管理暂行办法", "沪委办发〔2013〕9号"),
    ],
    "机关服务费": [
        ("basis", "关于推进市级机关后勤服务社会化改革的实施意见", "沪府机管字〔2006〕45号"),
        ("safeguards", "关于推进市级机关后勤服务社会化改革的实施意见", "沪府机管字〔2006〕45号"),
    ],
    "检察办案场所设备经费": [
        ("basis", "上海市市级行政单位通用办公设备家具配置标准", "沪财行〔2014〕39号"),
        ("basis", "上海市市级行政单位固定资产报废标准", "沪机管〔2014〕23号"),
        ("basis", "上海市2017-2018年政府采购集中采购目录和采购限额标准", "沪财采〔2016〕25号"),
    ],
    "检察办案业务费": [
        ("basis", "关于加强政法经费保障工作的意见", "厅字〔2009〕32号"),
        ("basis", "政法经费分类保障办法（试行）", "财行〔2009〕209号"),
        ("basis", "人民检察院财务管理暂行办法", "财行〔2014〕2号"),
    ],
    "检察业务保障费": [
        ("basis", "人民检察院财务管理暂行办法", None),
        ("basis", "上海市市级机关培训费管理办法", None),
    ],
    "检察业务工作费": [
        ("basis", "人民检察院财务管理暂行办法", None),
        ("basis", "关于印发(上海市人民检察院理论研究项目的管理意见）的通知", "沪检发〔2003〕170号"),
        (
            "basis",
            "关于印发（最高人民检察院关于加强和推进新形势下检察援藏工作的意见）的通知",
            "高检发〔2010〕13号",
        ),
        ("basis", "关于印发（关于加强特约人员工作的意见）的通知", "统发〔2006〕11号"),
        (
            "basis",
            "关于印发（关于进一步加强和完善特约（特邀）人员工作的意见）的通知",
            "沪委统发〔2009〕40号",
        ),
    ],
    "派驻农场检察院机构业务经费": [
        ("plan", "人民检察院财务管理暂行办法", None),
    ],
    "信息化新建项目": [
        ("overview", "12309检察服务中心(实体大厅)建设标准", None),
        ("basis", "最高人民检察院关于12309检察服务中心建设的指导意见", "高检办发〔2018〕9号"),
        ("basis", "上海市检察机关12309检察服务中心（实体大厅）建设标准", None),
        ("basis", "国务院关于印发政务信息资源共享管理暂行办法的通知", "国发〔2016〕51号"),
        ("basis", "国务院办公厅关于印发政务信息系统整合共享实施方案的通知", "国办发〔2017〕39号"),
        ("basis", "上海市政务数据资源共享管理办法", "沪府发〔2016〕14号"),
        ("basis", "上海市加快推进数据治理促进公共数据应用实施方案", "沪委办〔2019〕8号"),
        ("basis", "上海市政务信息系统整合实施方案", "沪经信推〔2019〕231号"),
        ("basis", "上海市公共数据和一网通办管理办法", "沪府令9号"),
        ("basis", "全面推进“一网通办”加快建设智慧政府工作方案", "沪委办发〔2018〕14号"),
        ("basis", "上海市电子政务云建设工作方案", "沪府办发〔2016〕47号"),
        ("basis", "关于加快推进全国检察机关工作网建设的通知", "高检发技字〔2018〕13号"),
        (
            "basis",
            "上海市经济信息化委关于做好市本级信息化项目预算申报准备工作的通知",
            "沪经信推〔2019〕88号",
        ),
        ("basis", "上海市检察机关2020-2021年度信息化预算申报指导意见", "沪检保障〔2019〕6号"),
        ("basis", "检察工作网安全保障系统建设指导意见", "高检技〔2018〕62号"),
        (
            "basis",
            "关于对《关于制定〈检察办案系统非涉密网系统部署总体方案〉的请示》的批复",
            "沪委政法〔2018〕33号",
        ),
        ("basis", "智慧检务工程建设指导方案（2018-2020年）", None),
        ("necessity", "信息安全技术信息系统安全等级保护基本要求", None),
        ("safeguards", "“十三五”时期科技强检规划纲要", None),
        ("safeguards", "智慧检务工程建设指导方案（2018-2010年）（征求意见稿）", None),
        ("safeguards", "全国检察机关统一业务应用系统2.0版试点应用工作方案", "高检技〔2019〕30号"),
        ("safeguards", "检察工作网安全保障系统建设指导意见", None),
        ("safeguards", "信息安全技术信息系统安全等级保护基本要求", None),
        ("safeguards", "上海政务服务“一网通办”接入指南", None),
        ("safeguards", "上海政务服务“一网通办”——统一受理平台对接技术规范", None),
        ("safeguards", "上海市电子证照库建设技术标准", None),
        ("goals", "中华人民共和国网络安全法", None),
    ],
}


def test_every_citation_of_the_sample(sample_projects):
    got = {p.name: [(c.section, c.title, c.number) for c in p.citations] for p in sample_projects}
    assert got == EXPECTED


def test_issuer_and_year_come_with_the_number(sample_projects):
    citations = [c for p in sample_projects for c in p.citations]
    for c in citations:
        if c.number is None:
            assert (c.issuer, c.issued_year) == (None, None)
        elif c.number == "沪府令9号":
            assert (c.issuer, c.issued_year) == ("沪府令", None)
        else:
            assert c.number == f"{c.issuer}〔{c.issued_year}〕" + c.number.split("〕")[1]
    by_number = {c.number: (c.issuer, c.issued_year) for c in citations}
    assert by_number["沪府机管字〔2006〕45号"] == ("沪府机管字", 2006)
    assert by_number["厅字〔2009〕32号"] == ("厅字", 2009)
    assert by_number["沪经信推〔2019〕231号"] == ("沪经信推", 2019)


def test_a_bracketed_system_name_is_not_a_regulation(sample_projects):
    overview = sample_projects[7].sections["overview"]
    assert "《上海市检察信访智能接待系统》" in overview
    assert all("接待系统" not in (c.title or "") for c in sample_projects[7].citations)
    assert not is_regulation_title("上海市检察信访智能接待系统")
    assert is_regulation_title("智慧检务工程建设指导方案（2018-2010年）（征求意见稿）")


@pytest.mark.parametrize(
    ("text", "number", "issuer"),
    [
        ("沪财行[2014]39号", "沪财行〔2014〕39号", "沪财行"),
        ("沪委办发（2013）9号", "沪委办发〔2013〕9号", "沪委办发"),
        ("沪委办发【2013】9号", "沪委办发〔2013〕9号", "沪委办发"),
        ("沪委办发(2013)9号", "沪委办发〔2013〕9号", "沪委办发"),
        ("沪委办发<2013>9号", "沪委办发〔2013〕9号", "沪委办发"),
        ("沪府机管字[2006]第45号", "沪府机管字〔2006〕45号", "沪府机管字"),
        ("沪机管[2014]23号文", "沪机管〔2014〕23号", "沪机管"),
        ("厅字（2009）32号", "厅字〔2009〕32号", "厅字"),
        ("财预 〔2020〕 010 号", "财预〔2020〕10号", "财预"),
        ("根据沪财行[2014]39号", "沪财行〔2014〕39号", "沪财行"),
        ("按照沪编[2015]581号", "沪编〔2015〕581号", "沪编"),
        ("依据国办发〔2017〕39号", "国办发〔2017〕39号", "国办发"),
        ("关于印发沪财预〔2020〕10号", "沪财预〔2020〕10号", "沪财预"),
        ("市财政局印发的沪财预〔2020〕10号文件", "沪财预〔2020〕10号", "沪财预"),
        ("沪府令9号", "沪府令9号", "沪府令"),
        ("上海市人民政府令第49号", "上海市人民政府令第49号", "上海市人民政府令"),
    ],
)
def test_document_numbers_normalize(text, number, issuer):
    (citation,) = extract_citations({"basis": text})
    assert (citation.number, citation.issuer, citation.title) == (number, issuer, None)
    assert normalize_doc_number(text) == number


def test_number_before_its_title():
    (citation,) = extract_citations({"basis": "按照沪编[2015]581号《关于调整机构编制的通知》执行"})
    assert (citation.title, citation.number) == ("关于调整机构编制的通知", "沪编〔2015〕581号")


def test_each_number_pairs_with_one_title():
    text = "《甲办法》沪财行[2014]39号《乙标准》沪机管[2014]23号文《丙规定》"
    pairs = [(c.title, c.number) for c in extract_citations({"basis": text})]
    assert pairs == [
        ("甲办法", "沪财行〔2014〕39号"),
        ("乙标准", "沪机管〔2014〕23号"),
        ("丙规定", None),
    ]


def test_nested_titles_are_kept_whole():
    titles = [t.text for t in find_titles("见《关于对《关于制定〈甲方案〉的请示》的批复》和《乙》")]
    assert titles == ["关于对《关于制定〈甲方案〉的请示》的批复", "乙"]
    assert [t.text for t in find_titles("《甲办法》的通知》（财行（2014）2号）")] == ["甲办法"]
    assert [t.text for t in find_titles("《未闭合 《乙办法》")] == ["乙办法"]


def test_a_citation_repeated_in_one_section_counts_once():
    text = "《甲方案》（沪委办发〔2018〕14号）……《甲方案》（沪委办发[2018]14号）"
    assert len(extract_citations({"basis": text})) == 1
    assert len(extract_citations({"basis": text, "goals": text})) == 2


CODE_CHARS = "沪财行委办发国府机管字经信推检保障政法统编人社教卫"
BRACKETS = ["[]", "〔〕", "【】", "（）", "()", "<>", "［］", "﹝﹞"]


@given(
    issuer=st.text(CODE_CHARS, min_size=1, max_size=6),
    year=st.integers(1949, 2099),
    serial=st.integers(1, 99999),
    brackets=st.sampled_from(BRACKETS),
    di=st.sampled_from(["", "第"]),
    zeros=st.sampled_from(["", "0", "00"]),
    space=st.sampled_from(["", " ", "  "]),
    tail=st.sampled_from(["", "文"]),
    lead=st.sampled_from(["", "根据", "按照", "依据", "关于印发", "详见", "，", "《甲办法》"]),
)
def test_any_written_style_normalizes_to_one_form(
    issuer, year, serial, brackets, di, zeros, space, tail, lead
):
    written = (
        f"{lead}{issuer}{space}{brackets[0]}{year}{brackets[1]}{space}{di}{zeros}{serial}"
        f"{space}号{tail}"
    )
    numbers = [c.number for c in extract_citations({"basis": written})]
    assert numbers == [f"{issuer}〔{year}〕{serial}号"]
    assert normalize_doc_number(written) == f"{issuer}〔{year}〕{serial}号"


def test_issuer_table():
    assert issuer_name("沪财行") == "上海市财政局"
    assert issuer_name("财行") == "财政部"
    assert issuer_name("沪府办发") == "上海市人民政府办公厅"
    assert issuer_name("国办发") == "国务院办公厅"
    assert issuer_name("高检发技字") == "最高人民检察院"
    assert issuer_name("沪委统发") == "中共上海市委统一战线工作部"
    assert issuer_name("某某发") is None
    assert issuer_name(None) is None


def test_catalogue_merges_one_regulation_across_projects(sample_projects):
    catalogue = build_catalogue(sample_projects)
    top = catalogue[0]
    assert top.title == "人民检察院财务管理暂行办法"
    assert top.number == "财行〔2014〕2号"
    assert [(c["project_name"], c["section"]) for c in top.cited_by] == [
        ("检察办案业务费", "basis"),
        ("检察业务保障费", "basis"),
        ("检察业务工作费", "basis"),
        ("派驻农场检察院机构业务经费", "plan"),
    ]
    assert all(entry.project_count < 4 for entry in catalogue[1:])
    keys = [entry.key for entry in catalogue]
    assert len(keys) == len(set(keys))
    # one entry per number; the two sections of 机关服务费 are one entry
    numbers = [e.number for e in catalogue if e.number]
    assert len(numbers) == len(set(numbers))
    (service,) = [e for e in catalogue if e.number == "沪府机管字〔2006〕45号"]
    assert [c["section"] for c in service.cited_by] == ["basis", "safeguards"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("按照《关于印发《人民检察院财务管理暂行办法》的通知》执行", "财行〔2014〕2号"),
        ("见《人民检察院财务管理暂行办法》", "财行〔2014〕2号"),
        ("依据《关于加强特约人员工作的意见》", "统发〔2006〕11号"),
    ],
)
def test_title_only_citation_joins_the_numbered_entry(sample_projects, text, number):
    # A bare 《X》 and 《关于印发《X》的通知》 join the entry of X, or of 关于印发（X）的通知.
    extra = Project.from_dict(sample_projects[0].to_dict())
    extra.id, extra.name = "2020-extra", "另一个项目"
    extra.citations = extract_citations({"plan": text})
    catalogue = build_catalogue([*sample_projects, extra])
    (entry,) = [e for e in catalogue if e.number == number]
    assert entry.cited_by[-1] == {
        "project_id": "2020-extra",
        "project_name": "另一个项目",
        "section": "plan",
    }
    assert not [e for e in catalogue if e.number is None and "另一个项目" in str(e.cited_by)]


@pytest.mark.parametrize(
    "query",
    ["沪财行[2014]39号", "沪财行（2014）39号", "沪财行〔2014〕39号", "沪财行【2014】第039号"],
)
def test_lookup_by_number_in_any_bracket_style(sample_projects, query):
    (entry,) = find_regulations(build_catalogue(sample_projects), query)
    assert entry.title == "上海市市级行政单位通用办公设备家具配置标准"


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("人民检察院财务管理暂行办法", "人民检察院财务管理暂行办法"),
        ("《人民检察院财务管理暂行办法》", "人民检察院财务管理暂行办法"),
        ("财务管理暂行", "人民检察院财务管理暂行办法"),
        ("上海市财政局", "上海市市级行政单位通用办公设备家具配置标准"),
    ],
)
def test_lookup_by_title_part_or_agency(sample_projects, query, first):
    found = find_regulations(build_catalogue(sample_projects), query)
    assert found and found[0].title == first


def test_lookup_by_a_word_finds_every_title_with_it(sample_projects):
    found = find_regulations(build_catalogue(sample_projects), "一网通办")
    assert sorted(e.title for e in found) == sorted(
        [
            "上海市公共数据和一网通办管理办法",
            "全面推进“一网通办”加快建设智慧政府工作方案",
            "上海政务服务“一网通办”接入指南",
            "上海政务服务“一网通办”——统一受理平台对接技术规范",
        ]
    )


def test_lookup_of_nothing_known(sample_projects):
    catalogue = build_catalogue(sample_projects)
    assert find_regulations(catalogue, "不存在的文件") == []
    assert find_regulations(catalogue, "沪财行〔1999〕1号") == []
    assert find_regulations(catalogue, "  ") == catalogue
