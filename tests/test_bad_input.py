"""Bad and unusual input: reported with file and line, and nothing else is lost."""

from __future__ import annotations

import codecs

import pytest
from support import SAMPLE

from indexer import load_corpus, parse_text
from indexer.corpus import parse_file

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
SAMPLE_LINES = SAMPLE_TEXT.split("\n")


def first_lines(n: int) -> str:
    """The sample's first n lines: its first table cut off after line n."""
    return "\n".join(SAMPLE_LINES[:n]) + "\n"


def messages(result) -> list[str]:
    return [str(d) for d in result.diagnostics]


def records(result) -> list[dict]:
    return [p.to_dict() for p in result.projects]


def test_empty_file():
    result = parse_text("", "corpus/empty.txt")
    assert result.projects == []
    assert messages(result) == [
        "corpus/empty.txt: warning: no table found (no line '财政项目支出绩效目标表'); file skipped"
    ]


def test_text_without_tables():
    result = parse_text("会议纪要\n\n第二行\n", "corpus/notes.txt")
    assert result.projects == []
    assert [(d.line, d.level) for d in result.diagnostics] == [(1, "warning")]


def test_file_with_only_the_title():
    result = parse_text(" 财政项目支出绩效目标表\n（2020年度）\n\n", "corpus/h.txt")
    assert result.projects == []
    assert messages(result) == [
        "corpus/h.txt:1: error: table skipped: no 项目名称 (project name) found"
    ]


def test_file_with_only_a_header():
    # The first table up to its amounts: a record without indicators, and a warning.
    result = parse_text(first_lines(42), "corpus/h.txt")
    (project,) = result.projects
    assert project.name == "办公及业务用房专项维修费"
    assert project.budget["prev_year_spent"] == 7377222
    assert project.indicators == []
    assert [(d.line, d.level) for d in result.diagnostics] == [(42, "warning")]
    assert "no indicator table" in result.diagnostics[0].message


def test_table_cut_off_after_a_level_heading():
    # Lines 1-91 end with the heading 质量 (line 91) and no rows under it.
    result = parse_text(first_lines(91), "corpus/cut.txt")
    (project,) = result.projects
    assert [i.name for i in project.indicators][-1] == "通风空调工程完成率"
    assert len(project.indicators) == 14
    (warning,) = result.diagnostics
    assert (warning.line, warning.level) == (91, "warning")
    assert "cut off" in warning.message


def test_table_cut_off_inside_a_row():
    text = first_lines(92) + "检察官学院维修验收合\n"
    result = parse_text(text, "corpus/cut.txt")
    (project,) = result.projects
    assert len(project.indicators) == 14
    (warning,) = result.diagnostics
    assert warning.line == 93
    assert "检察官学院维修验收合" in warning.message
    assert "without a target" in warning.message


def test_broken_table_does_not_hide_the_next_one():
    broken = "财政项目支出绩效目标表\n（2020年度）\n\n项目类别： 其他一次性项目\n"
    result = parse_text(broken + SAMPLE_TEXT, "corpus/mixed.txt")
    assert len(result.projects) == 8
    assert [p.source.line for p in result.projects][:2] == [6, 129]
    assert [(d.line, d.level) for d in result.errors] == [(1, "error")]


def test_row_that_fits_no_rule_is_reported_and_the_rest_kept():
    text = SAMPLE_TEXT.replace("预算执行率 =100%\n", "预算执行率 =100% 另有说明\n", 1)
    result = parse_text(text, "corpus/x.txt")
    assert len(result.projects) == 8
    assert len(result.projects[0].indicators) == 26
    (warning,) = result.diagnostics
    assert warning.line == 57
    assert "3 columns" in warning.message and "预算执行率 =100% 另有说明" in warning.message


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("计划开始日期： 2020-01-01", "计划开始日期： 2020-13-01", "start_date", "not a date"),
        ("是否含有政府购买服务： 否", "是否含有政府购买服务： 不详", "gov_purchase", "是 or 否"),
        ("项目总预算（元）： 8,844,385", "项目总预算（元）： 8,844,38x", "budget", "not an amount"),
        # digits with letters that Decimal reads as a power of ten: no amount, no crash
        (
            "项目总预算（元）： 8,844,385",
            "项目总预算（元）： 8,844,385E100",
            "budget",
            "not an amount",
        ),
    ],
)
def test_bad_header_values_become_null_with_a_warning(old, new, field, words):
    result = parse_text(SAMPLE_TEXT.replace(old, new, 1), "corpus/x.txt")
    project = result.projects[0]
    value = project.budget["total"] if field == "budget" else getattr(project, field)
    assert value is None
    (warning,) = result.diagnostics
    assert words in warning.message and warning.line in (9, 11, 40)


def test_date_spellings():
    text = SAMPLE_TEXT.replace("计划开始日期： 2020-01-01", "计划开始日期： 2020年1月1日", 1)
    text = text.replace("计划完成日期： 2020-12-31", "计划完成日期： 2020/12/31", 1)
    project = parse_text(text, "corpus/x.txt").projects[0]
    assert (project.start_date, project.end_date) == ("2020-01-01", "2020-12-31")


def test_binary_file_is_one_error(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = parse_file(path, "corpus/scan.txt")
    assert result.projects == []
    (error,) = result.diagnostics
    assert error.level == "error" and error.line == 0
    assert str(error).startswith("corpus/scan.txt: error: not a text file")


def test_undecodable_bytes_are_one_error(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("财政项目".encode() + b"\xff\xfe\xfd" * 10)
    result = parse_file(path, "corpus/bad.txt")
    assert [d.level for d in result.diagnostics] == ["error"]
    assert "not a text file" in result.diagnostics[0].message


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("gb18030"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.replace("\n", "\r\n").encode("utf-8"),
        lambda text: text.encode("utf-16"),
        lambda text: text.replace("- 1 -", "\f").replace("\n 财政", "\n\f 财政").encode("gb18030"),
    ],
    ids=["gb18030", "utf8-bom", "crlf", "utf16-bom", "form-feeds"],
)
def test_encodings_and_line_ends_give_the_same_records(tmp_path, encode):
    path = tmp_path / "sample.txt"
    path.write_bytes(encode(SAMPLE_TEXT))
    got = parse_file(path, "corpus/sample.txt")
    want = parse_text(SAMPLE_TEXT, "corpus/sample.txt")
    assert messages(got) == []
    assert records(got) == records(want)


def test_one_bad_file_never_stops_the_others(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a-binary.txt").write_bytes(bytes(range(256)))
    (corpus / "b-empty.txt").write_bytes(b"")
    (corpus / "c-sample.txt").write_text(SAMPLE_TEXT, encoding="gb18030")
    (corpus / "notes.md").write_text("not a corpus file", encoding="utf-8")
    result, files = load_corpus(corpus)
    assert files == 3
    assert len(result.projects) == 8
    assert {p.source.file for p in result.projects} == {"corpus/c-sample.txt"}
    assert [(d.file, d.level) for d in result.diagnostics] == [
        ("corpus/a-binary.txt", "error"),
        ("corpus/b-empty.txt", "warning"),
    ]


def test_repeated_projects_get_distinct_ids_and_a_warning(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "2020").mkdir(parents=True)
    (corpus / "2020" / "a.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    (corpus / "b.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    result, files = load_corpus(corpus)
    ids = [p.id for p in result.projects]
    assert files == 2 and len(ids) == 16 and len(set(ids)) == 16
    assert ids[8:] == [f"{id_}-2" for id_ in ids[:8]]
    assert result.projects[0].source.file == "corpus/2020/a.txt"
    assert len(result.warnings) == 8
    assert "repeats the one at corpus/2020/a.txt:2" in result.warnings[0].message
