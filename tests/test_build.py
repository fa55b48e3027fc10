"""Building the index: the command, the swap of generations, and what readers see."""

from __future__ import annotations

import json

from support import CORPUS, ROOT, SAMPLE, run_indexer, subprocess_run

from app import create_app, ensure_index
from indexer import layout
from indexer.build import build_index
from search.service import SearchRequest, search
from search.whoosh_backend import WhooshBackend


def generations(index_dir):
    return sorted(p.name for p in index_dir.glob("gen-*"))


def test_build_command_prints_a_summary(tmp_path):
    run = run_indexer("build", "--corpus", str(CORPUS), "--index", str(tmp_path / "ix"))
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("indexed 8 projects from 1 file in ")
    assert lines[1] == "  48 sections, 195 indicator rows, 44 citations -> 183 documents"
    assert lines[2] == "  0 warnings, 0 errors"
    live = layout.current_generation(tmp_path / "ix")
    assert lines[3] == f"  live generation: {live.name}"
    meta = json.loads((live / "meta.json").read_text("utf-8"))
    assert (meta["projects"], meta["documents"], meta["warnings"]) == (8, 183, 0)


def test_build_reports_problems_by_file_and_line(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = SAMPLE.read_text("utf-8").split("\n")
    (corpus / "cut.txt").write_text("\n".join(lines[:92]) + "\n检察官学院维修验收合\n", "utf-8")
    run = run_indexer("build", "--corpus", str(corpus), "--index", str(tmp_path / "ix"))
    assert run.returncode == 0
    assert run.stderr.startswith("corpus/cut.txt:93: warning: indicator line skipped")
    assert "  1 warning, 0 errors" in run.stdout


def test_build_of_a_missing_corpus_is_a_clear_error(tmp_path):
    run = run_indexer("build", "--corpus", str(tmp_path / "none"), "--index", str(tmp_path / "ix"))
    assert run.returncode == 2
    assert run.stderr.strip() == f"error: corpus folder {tmp_path / 'none'} does not exist"
    assert "Traceback" not in run.stderr


def test_rebuild_swaps_generations_and_keeps_one_previous(tmp_path):
    index_dir = tmp_path / "ix"
    build_index(CORPUS, index_dir, full=True)
    first = generations(index_dir)
    build_index(CORPUS, index_dir, full=True)
    second = generations(index_dir)
    assert len(first) == 1 and len(second) == 2 and first[0] in second
    build_index(CORPUS, index_dir, full=True)
    third = generations(index_dir)
    assert len(third) == 2 and first[0] not in third
    assert layout.current_generation(index_dir).name == third[-1]


def test_remains_of_a_crashed_build_are_removed(tmp_path):
    index_dir = tmp_path / "ix"
    build_index(CORPUS, index_dir)
    crashed = index_dir / "gen-00000000T000000-1-1"
    (crashed / "whoosh").mkdir(parents=True)
    build_index(CORPUS, index_dir, full=True)
    assert not crashed.exists()


def test_a_running_engine_sees_the_new_generation(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = SAMPLE.read_text("utf-8")
    (corpus / "a.txt").write_text(text, "utf-8")
    index_dir = tmp_path / "ix"
    build_index(corpus, index_dir)
    engine = WhooshBackend(index_dir)
    assert search(engine, SearchRequest(q='"人脸识别"'))["total"] == 1

    (corpus / "a.txt").write_text(text.replace("人脸识别", "面部识别"), "utf-8")
    build_index(corpus, index_dir)
    # quoted: a phrase the new generation lacks is not read more loosely
    assert search(engine, SearchRequest(q='"人脸识别"'))["total"] == 0
    assert search(engine, SearchRequest(q='"面部识别"'))["total"] == 1


def test_the_app_says_when_there_is_no_index(tmp_path):
    app = create_app({"INDEX_DIR": str(tmp_path / "empty"), "BUILD_IF_MISSING": False})
    client = app.test_client()
    api = client.get("/api/search", query_string={"q": "预算"})
    assert api.status_code == 503
    assert "python -m indexer build --index" in api.get_json()["error"]
    page = client.get("/")
    assert page.status_code == 503
    text = page.get_data(as_text=True)
    assert "索引不可用" in text and "python -m indexer build" in text
    assert "Traceback" not in text


def test_the_app_builds_no_index_but_its_first_start_does(tmp_path):
    app = create_app({"INDEX_DIR": str(tmp_path / "new"), "CORPUS_DIR": str(CORPUS)})
    assert not layout.has_index(tmp_path / "new")
    assert app.test_client().get("/api/projects").status_code == 503
    ensure_index(CORPUS, tmp_path / "new")  # what `python app.py` does before serving
    assert layout.has_index(tmp_path / "new")
    assert len(app.test_client().get("/api/projects").get_json()) == 8


def test_search_command(index_dir):
    run = subprocess_run(["-m", "search", "沪财行（2014）39号", "--index", str(index_dir)], ROOT)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("共 2 处匹配（1 个项目）（第 1/1 页）")
    assert "【沪财行〔2014〕39号】" in run.stdout
    filtered = subprocess_run(
        ["-m", "search", "满意度", "--category", "经常性专项业务费", "--index", str(index_dir)],
        ROOT,
    )
    assert filtered.stdout.startswith("共 3 处匹配（3 个项目）")
    by_project = subprocess_run(
        ["-m", "search", "沪财行（2014）39号", "--view", "projects", "--index", str(index_dir)],
        ROOT,
    )
    assert by_project.stdout.startswith("共 1 个项目（2 处匹配）（第 1/1 页）")
    assert "\n1. 检察办案场所设备经费（2 处匹配）\n   - [引用文件] 立项依据" in by_project.stdout
    missing = subprocess_run(["-m", "search", "x", "--index", str(index_dir / "none")], ROOT)
    assert missing.returncode == 2
    assert missing.stderr.startswith("error: no index in")
