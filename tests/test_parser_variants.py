"""Spellings other departments and PDF extractors use, on top of the sample's."""

from __future__ import annotations

from support import SAMPLE

from indexer import parse_text

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
REFERENCE = [p.to_dict() for p in parse_text(SAMPLE_TEXT, "corpus/x.txt").projects]


def content(records: list[dict]) -> list[dict]:
    """Records without their source line, for edits that add or remove lines."""
    return [{**r, "source": None} for r in records]


def parsed(text: str) -> tuple[list[dict], list[str]]:
    result = parse_text(text, "corpus/x.txt")
    return [p.to_dict() for p in result.projects], [str(d) for d in result.diagnostics]


def test_year_on_the_title_line():
    text = SAMPLE_TEXT.replace(
        "财政项目支出绩效目标表\n（2020年度）", "财政项目支出绩效目标表（2020年度）"
    )
    records, problems = parsed(text)
    assert problems == []
    assert [r["year"] for r in records] == [2020] * 8
    assert [r["sections"] for r in records] == [r["sections"] for r in REFERENCE]


def test_missing_year_line_falls_back_to_the_indicator_table():
    text = SAMPLE_TEXT.replace("（2020年度）\n", "\n", 1)
    records, problems = parsed(text)
    assert records[0]["year"] == 2020
    assert problems == [
        "corpus/x.txt:2: warning: no year line such as （2020年度） after the title"
    ]


def test_budget_heading_sharing_a_line_with_amounts():
    text = SAMPLE_TEXT.replace(
        "本项目上年度市级财政资金使用情况\n项目总预算",
        "本项目上年度市级财政资金使用情况 项目总预算",
        1,
    )
    records, problems = parsed(text)
    assert problems == []
    assert content(records) == content(REFERENCE)


def test_half_width_brackets_and_colons_in_labels():
    text = SAMPLE_TEXT.replace("项目总预算（元）：", "项目总预算(元):", 1).replace(
        "项目类别： 其他一次性项目", "项目类别: 其他一次性项目", 1
    )
    records, problems = parsed(text)
    assert problems == []
    assert records == REFERENCE


def test_national_template_rows():
    table = SAMPLE_TEXT.split(" 财政项目支出绩效目标表")[0]
    head, _rows = table.split("2020年绩效目标\n")
    rows = "\n".join(
        [
            "一级指标 二级指标 三级指标 指标值",
            "产出指标 数量指标 维修完成率 ≥ 95%",
            "质量指标 验收合格率 ＝１００％",
            "效益指标",
            "可持续影响指标 设施使用年限 ≥10年",
            "满意度指标 服务对象满意度指标 使用人员满意度 ≥90.00(%)",
        ]
    )
    records, problems = parsed(head + "2020年绩效目标\n" + rows + "\n")
    assert problems == []
    got = [
        (i["level1"], i["level2"], i["name"], i["target"], i["op"], i["value"], i["unit"])
        for i in records[0]["indicators"]
    ]
    assert got == [
        ("产出指标", "数量指标", "维修完成率", "≥ 95%", ">=", 95, "%"),
        ("产出指标", "质量指标", "验收合格率", "＝１００％", "=", 100, "%"),
        ("效益指标", "可持续影响指标", "设施使用年限", "≥10年", ">=", 10, "年"),
        ("满意度指标", "服务对象满意度指标", "使用人员满意度", "≥90.00(%)", ">=", 90, "%"),
    ]


def test_indicator_named_like_a_level():
    # A level name followed by one other token is a row (name, target), not a heading.
    table = SAMPLE_TEXT.split(" 财政项目支出绩效目标表")[0]
    text = table.replace("大楼使用管理制度建设 完善", "满意度 满意", 1)
    records, problems = parsed(text)
    assert problems == []
    last = records[0]["indicators"][-1]
    assert (last["level2"], last["name"], last["target"]) == ("长效管理", "满意度", "满意")


def test_text_before_the_first_table_is_reported():
    records, problems = parsed("封面\n上海市人民检察院2020年项目\n\n" + SAMPLE_TEXT)
    assert len(records) == 8
    assert problems == ["corpus/x.txt:1: warning: lines 1-2 before the first table skipped: '封面'"]
