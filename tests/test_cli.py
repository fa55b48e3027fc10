"""`python -m indexer export`, run as a user runs it."""

from __future__ import annotations

import json

from support import ROOT, SAMPLE, run_indexer

RECORD_KEYS = [
    "id", "source", "year", "unit", "name", "category", "perf_type", "start_date",
    "end_date", "gov_purchase", "sections", "budget", "indicators", "citations",
    # SPEC §2a: every record of every template has these too
    "template", "department", "nature", "budget_lines",
]  # fmt: skip
INDICATOR_KEYS = ["level1", "level2", "name", "target", "op", "value", "unit", "kind", "weight"]


def test_export_prints_the_records_of_the_bundled_corpus():
    run = run_indexer("export")
    assert run.returncode == 0, run.stderr
    records = json.loads(run.stdout)
    assert [r["name"] for r in records][:2] == ["办公及业务用房专项维修费", "机关服务费"]
    assert len(records) == 8
    for record in records:
        assert list(record) == RECORD_KEYS
        assert list(record["source"]) == ["file", "line", "page"]
        assert record["template"] == "sh-municipal-2020"
        assert all(list(row) == INDICATOR_KEYS for row in record["indicators"])
    assert records[0]["source"] == {
        "file": "corpus/shanghai-procuratorate-2020.txt",
        "line": 2,
        "page": None,
    }
    assert run.stderr.strip().splitlines() == ["8 projects from 1 file; 0 errors, 0 warnings"]


def test_export_is_the_same_on_every_run():
    assert run_indexer("export").stdout == run_indexer("export").stdout


def test_export_of_another_folder(tmp_path):
    corpus = tmp_path / "tables"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    run = run_indexer("export", "--corpus", str(corpus), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    records = json.loads(run.stdout)
    assert {r["source"]["file"] for r in records} == {"tables/a.txt"}
    reference = json.loads(run_indexer("export").stdout)
    assert [r["id"] for r in records] == [r["id"] for r in reference]


def test_problems_go_to_stderr_and_strict_fails(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    (corpus / "cut.txt").write_text("\n".join(lines[:92]) + "\n检察官学院维修验收合\n", "utf-8")

    run = run_indexer("export", "--corpus", str(corpus))
    assert run.returncode == 0
    assert len(json.loads(run.stdout)) == 1
    assert "Traceback" not in run.stderr
    assert run.stderr.splitlines() == [
        "corpus/binary.txt: error: not a text file: binary data (NUL byte at byte 0)",
        "corpus/cut.txt:93: warning: indicator line skipped, it fits no rule (a name without"
        " a target value; expected '[一级] [二级] 三级目标 指标目标值'): '检察官学院维修验收合'",
        "1 project from 2 files; 1 error, 1 warning",
    ]

    strict = run_indexer("export", "--corpus", str(corpus), "--strict")
    assert strict.returncode == 1
    assert strict.stdout == run.stdout


def test_strict_passes_on_the_clean_sample():
    assert run_indexer("export", "--strict").returncode == 0


def test_missing_corpus_is_a_clear_error(tmp_path):
    run = run_indexer("export", "--corpus", str(tmp_path / "nowhere"))
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.strip() == f"error: corpus folder {tmp_path / 'nowhere'} does not exist"


def test_every_command_has_help():
    top = run_indexer("--help")
    assert top.returncode == 0 and "export" in top.stdout
    export = run_indexer("export", "--help")
    assert export.returncode == 0
    assert "--corpus" in export.stdout and "--strict" in export.stdout


def test_no_command_is_a_usage_error():
    run = run_indexer(cwd=ROOT)
    assert run.returncode == 2
    assert "usage:" in run.stderr and "Traceback" not in run.stderr


def test_build_uses_the_index_folder_of_the_environment_like_the_app(tmp_path):
    import os
    import subprocess
    import sys

    from support import ROOT

    from indexer import layout

    env = {**os.environ, "JIXIAO_INDEX_DIR": str(tmp_path / "ix")}
    done = subprocess.run(
        [sys.executable, "-m", "indexer", "build", "--corpus", "corpus"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert layout.has_index(tmp_path / "ix")
