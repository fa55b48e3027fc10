"""Incremental updates (issue 17), on each backend: `python -m indexer add` / `remove`, and
`build` reusing the files it was built from. After any of them the index answers as a
full build of the same files does: the same projects, totals, facet counts (问题 too: the
checks compare tables with their peers, so adding a file can change an old table's
findings) and hits; what did not change is shared, not written again."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from support import CORPUS, SAMPLE, run_indexer

from benchmarks.generate import generate, write_corpus
from indexer import layout
from indexer.build import BuildError, Change, _apply, add_files, build_index, remove_files
from search.args import search_request
from search.backend import PublishFailed, RecordsChange
from search.backends import open_backend
from search.service import search

QUERIES = ["", "满意度", "维修 经费", "沪财行〔2014〕39号", "培训", "信息化 系统 运维"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """About 80 generated projects over many files (one per unit and year)."""
    path = tmp_path_factory.mktemp("generated") / "corpus"
    write_corpus(generate(80, seed=17), path)
    return path


@pytest.fixture(params=["whoosh", "postgres"])
def place(request, tmp_path):
    """Where an index goes: a factory of (config, index folder) on one backend."""

    def make(name: str) -> tuple[dict[str, str], Path]:
        index_dir = tmp_path / f"index-{name}"
        if request.param == "whoosh":
            return {"SEARCH_BACKEND": "whoosh"}, index_dir
        url = request.getfixturevalue("postgres").database()
        return {"SEARCH_BACKEND": "postgres", "DATABASE_URL": url}, index_dir

    make.backend = request.param
    return make


def copy_corpus(source: Path, target: Path, leave_out: tuple[str, ...] = ()) -> Path:
    shutil.copytree(source, target)
    for name in leave_out:
        (target / name).unlink()
    return target


def answers(config: dict[str, str], index_dir: Path) -> dict:
    """What the index says: its projects, and per query the total, facet counts and every
    hit (without its score: Whoosh keeps the statistics of deleted documents until a full
    build, so scores may differ a little; the order of the hits may differ too)."""
    backend = open_backend({**config, "INDEX_DIR": str(index_dir)})
    said: dict = {"projects": sorted(p.id for p in backend.store().projects)}
    for q in QUERIES:
        answer = search(backend, search_request({"q": q, "per_page": "100"}))
        hits = [{k: v for k, v in hit.items() if k != "score"} for hit in answer["hits"]]
        said[q] = (
            answer["total"],
            answer["mode"],
            {name: {v["value"]: v["count"] for v in vs} for name, vs in answer["facets"].items()},
            sorted(json.dumps(hit, sort_keys=True, ensure_ascii=False) for hit in hits)
            if answer["total"] <= 100
            else None,
        )
    return said


COUNTED = (
    "files", "projects", "sections", "indicators", "citations", "documents", "warnings", "errors",
)  # fmt: skip


def built(source: Path, place, tmp_path: Path):
    """A copy of `source` built into an index on the place's backend: the corpus, the
    backend's config, the index folder, and the backend opened as a build opens it."""
    corpus = copy_corpus(source, tmp_path / "corpus")
    config, index_dir = place("incremental")
    build_index(corpus, index_dir, backend_config=config)
    backend = open_backend({**config, "INDEX_DIR": str(index_dir), "FOR_WRITING": True})
    return corpus, config, index_dir, backend


def full_build(corpus: Path, place, name: str, summary=None) -> dict:
    """What a full build of `corpus` answers; with `summary` (an update's), its counts
    must be the full build's too (the update counts by difference)."""
    config, index_dir = place(name)
    full, _ = build_index(corpus, index_dir, backend_config=config, full=True)
    if summary is not None:
        assert {k: getattr(summary, k) for k in COUNTED} == {k: getattr(full, k) for k in COUNTED}
    return answers(config, index_dir)


def test_adding_files_answers_as_a_full_build_does(generated, place, tmp_path):
    files = sorted(p.relative_to(generated).as_posix() for p in generated.rglob("*.txt"))
    late = (files[0], files[len(files) // 2])
    corpus = copy_corpus(generated, tmp_path / "corpus", leave_out=late)
    config, index_dir = place("incremental")
    build_index(corpus, index_dir, backend_config=config)
    for name in late:
        shutil.copy(generated / name, corpus / name)
    summary, _ = add_files(
        corpus, index_dir, [corpus / name for name in late], backend_config=config
    )
    assert summary.parsed == 2 and summary.files == len(files)
    assert answers(config, index_dir) == full_build(corpus, place, "full", summary)


def test_a_whoosh_update_written_by_two_processes_answers_as_a_full_build(
    generated, tmp_path, monkeypatch
):
    """From JIXIAO_MULTIPROCESS_THRESHOLD documents on, two processes write the update's
    documents, a segment each."""
    corpus = copy_corpus(generated, tmp_path / "corpus")
    config, index_dir = {"SEARCH_BACKEND": "whoosh"}, tmp_path / "index"
    build_index(corpus, index_dir, backend_config=config)
    segments = len(list((layout.current_generation(index_dir) / "whoosh").glob("*.seg")))
    changed = sorted(corpus.rglob("*.txt"))[::3]  # enough documents for both processes
    for path in changed:
        path.write_text(path.read_text("utf-8").replace("工作", "事务"), "utf-8")
    monkeypatch.setenv("JIXIAO_MULTIPROCESS_THRESHOLD", "1")
    add_files(corpus, index_dir, changed, backend_config=config)
    now = layout.current_generation(index_dir) / "whoosh"
    assert len(list(now.glob("*.seg"))) == segments + 2
    monkeypatch.delenv("JIXIAO_MULTIPROCESS_THRESHOLD")
    full_config, full_dir = config, tmp_path / "full"
    build_index(corpus, full_dir, backend_config=full_config, full=True)
    assert answers(config, index_dir) == answers(full_config, full_dir)


def test_removing_a_file_answers_as_a_full_build_without_it(generated, place, tmp_path):
    corpus = copy_corpus(generated, tmp_path / "corpus")
    config, index_dir = place("incremental")
    build_index(corpus, index_dir, backend_config=config)
    gone = sorted(corpus.rglob("*.txt"))[3]
    gone.unlink()  # removed from the corpus first, then from the index
    summary, _ = remove_files(corpus, index_dir, [gone], backend_config=config)
    assert summary.parsed == 0
    assert answers(config, index_dir) == full_build(corpus, place, "full", summary)


def test_a_build_parses_only_the_files_that_changed(place, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = SAMPLE.read_text("utf-8")
    (corpus / "a.txt").write_text(text, "utf-8")
    (corpus / "b.txt").write_text(text.replace("2020", "2021"), "utf-8")
    config, index_dir = place("incremental")
    first, _ = build_index(corpus, index_dir, backend_config=config)
    assert first.parsed == -1  # nothing to reuse: a full build
    (corpus / "a.txt").write_text(text.replace("人脸识别", "面部识别"), "utf-8")
    summary, result = build_index(corpus, index_dir, backend_config=config)
    assert summary.parsed == 1 and summary.projects == 16
    assert len(result.projects) == 8  # an update's parse result: the files it parsed
    said = answers(config, index_dir)
    assert said == full_build(corpus, place, "full")
    backend = open_backend({**config, "INDEX_DIR": str(index_dir)})
    assert search(backend, search_request({"q": '"面部识别"'}))["total"] == 1
    assert search(backend, search_request({"q": '"人脸识别"'}))["total"] == 1  # b.txt's


def test_adding_a_file_again_replaces_its_tables(place, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = SAMPLE.read_text("utf-8")
    (corpus / "a.txt").write_text(text, "utf-8")
    config, index_dir = place("incremental")
    build_index(corpus, index_dir, backend_config=config)
    (corpus / "a.txt").write_text(text.replace("人脸识别", "面部识别"), "utf-8")
    add_files(corpus, index_dir, [corpus / "a.txt"], backend_config=config)
    backend = open_backend({**config, "INDEX_DIR": str(index_dir)})
    assert len(backend.store().projects) == 8
    assert search(backend, search_request({"q": '"人脸识别"'}))["total"] == 0
    assert search(backend, search_request({"q": '"面部识别"'}))["total"] == 1


def test_what_cannot_be_changed_is_a_clear_error(place, tmp_path):
    config, index_dir = place("incremental")
    with pytest.raises(BuildError, match=r"no index .* build it first"):
        add_files(CORPUS, index_dir, [SAMPLE], backend_config=config)
    build_index(CORPUS, index_dir, backend_config=config)
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("x", "utf-8")
    with pytest.raises(BuildError, match="is not inside the corpus folder"):
        add_files(CORPUS, index_dir, [outside], backend_config=config)
    with pytest.raises(BuildError, match=r"the index holds no file corpus/none\.txt"):
        remove_files(CORPUS, index_dir, [CORPUS / "none.txt"], backend_config=config)
    with pytest.raises(BuildError, match=r"not a \*\.txt or \*\.pdf file"):
        add_files(CORPUS, index_dir, [CORPUS / "missing.txt"], backend_config=config)


def test_a_whoosh_update_shares_the_segments_it_did_not_change(generated, tmp_path):
    corpus = copy_corpus(generated, tmp_path / "corpus")
    index_dir = tmp_path / "index"
    build_index(corpus, index_dir)
    before = layout.current_generation(index_dir)
    old = {p.name: p.stat().st_ino for p in (before / layout.WHOOSH_DIR).glob("*.seg")}
    add_files(corpus, index_dir, [sorted(corpus.rglob("*.txt"))[0]])
    after = layout.current_generation(index_dir)
    assert after != before
    now = {p.name: p.stat().st_ino for p in (after / layout.WHOOSH_DIR).glob("*.seg")}
    assert old and all(now[name] == inode for name, inode in old.items())  # the same files
    assert len(now) == len(old) + 1  # and a new segment


def test_the_commands_add_and_remove(tmp_path):
    corpus = copy_corpus(CORPUS, tmp_path / "corpus")
    index_dir = tmp_path / "index"
    assert run_indexer("build", "--corpus", str(corpus), "--index", str(index_dir)).returncode == 0
    extra = corpus / "more.txt"
    extra.write_text(SAMPLE.read_text("utf-8").replace("2020", "2022"), "utf-8")
    added = run_indexer("add", str(extra), "--corpus", str(corpus), "--index", str(index_dir))
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("indexed 16 projects from 2 files in ")
    assert "  parsed 1 file; the others' records were reused" in added.stdout.splitlines()
    os.remove(extra)
    removed = run_indexer("remove", str(extra), "--corpus", str(corpus), "--index", str(index_dir))
    assert removed.returncode == 0, removed.stderr
    assert removed.stdout.startswith("indexed 8 projects from 1 file in ")
    again = run_indexer("remove", str(extra), "--corpus", str(corpus), "--index", str(index_dir))
    assert again.returncode == 1
    assert again.stderr == "error: the index holds no file corpus/more.txt\n"


def test_an_update_worked_out_from_what_is_no_longer_live_writes_nothing(place, tmp_path):
    corpus, config, index_dir, backend = built(CORPUS, place, tmp_path)
    planned = backend.live_meta()
    extra = corpus / "more.txt"
    extra.write_text(SAMPLE.read_text("utf-8").replace("2020", "2022"), "utf-8")
    add_files(corpus, index_dir, [extra], backend_config=config)  # another run, meanwhile
    now = backend.live_meta()
    with pytest.raises(PublishFailed, match="another build or update changed the index"):
        backend.update(RecordsChange(), set(), lambda: iter(()), lambda k, n: {}, planned)
    assert backend.live_meta() == now
    backend.close()


def test_a_build_that_finds_nothing_changed_writes_nothing(place, tmp_path):
    corpus, config, index_dir, backend = built(CORPUS, place, tmp_path)
    before = backend.live_meta()
    summary, result = build_index(corpus, index_dir, backend_config=config)
    assert summary.parsed == 0 and summary.projects == 8
    assert summary.generation == before["generation"]
    assert result.projects == []  # nothing was parsed
    assert backend.live_meta() == before  # the same generation, the same revision
    backend.close()


def test_what_listing_the_corpus_said_is_said_once_after_changes(tmp_path):
    corpus = copy_corpus(CORPUS, tmp_path / "corpus")
    outside = tmp_path / "outside.txt"
    outside.write_text("x", "utf-8")
    (corpus / "link.txt").symlink_to(outside)
    index_dir = tmp_path / "index"
    _, first = build_index(corpus, index_dir)
    said = [str(d) for d in first.diagnostics]
    assert any("link.txt" in line for line in said)
    extra = corpus / "more.txt"
    extra.write_text(SAMPLE.read_text("utf-8").replace("2020", "2022"), "utf-8")
    _, added = add_files(corpus, index_dir, [extra])
    _, rebuilt = build_index(corpus, index_dir)
    for result in (added, rebuilt):
        lines = [str(d) for d in result.diagnostics]
        assert sum("link.txt" in line for line in lines) == 1
    with pytest.raises(BuildError, match=r"a build of .* does not read it"):
        add_files(corpus, index_dir, [corpus / "link.txt"])


def test_a_damaged_update_state_makes_a_build_parse_everything_and_an_add_ask_for_it(
    tmp_path,
):
    corpus = copy_corpus(CORPUS, tmp_path / "corpus")
    index_dir = tmp_path / "index"
    build_index(corpus, index_dir)
    (layout.current_generation(index_dir) / "update.extra.json").write_text("[{", "utf-8")
    extra = corpus / "more.txt"
    extra.write_text(SAMPLE.read_text("utf-8").replace("2020", "2022"), "utf-8")
    with pytest.raises(BuildError, match=r"damaged\); build it first: .* --full"):
        add_files(corpus, index_dir, [extra])
    summary, _ = build_index(corpus, index_dir)
    assert summary.parsed == -1 and summary.projects == 16  # a full build
    summary, _ = add_files(corpus, index_dir, [extra])  # the state is sound again
    assert summary.parsed == 1


def test_an_update_reads_the_records_of_the_files_it_changes_only(generated, place, tmp_path):
    """Of the live records, an update reads those of the files it drops and those of the
    tables whose findings may change, never all of them."""
    corpus, _, _, backend = built(generated, place, tmp_path)
    asked: list = []
    read = backend.live_records

    def reading(files=None):
        asked.append(None if files is None else sorted(files))
        return read(files)

    backend.live_records = reading  # the real method, its arguments noted
    files = sorted(corpus.rglob("*.txt"))
    files[4].unlink()
    change = Change(parse=[], drop={f"corpus/{files[4].relative_to(corpus).as_posix()}"},
                    files={})  # fmt: skip
    live = backend.live_meta()
    state = backend.live_extra("update")
    change.files = {k: v for k, v in live["file_hashes"].items() if k not in change.drop}
    _apply(backend, corpus, change, live, state, None, False, True, 0.0)
    assert asked and None not in asked
    assert sorted(change.drop) == asked[0]
    read_files = {name for names in asked for name in names}
    assert len(read_files) < len(files) // 2
    backend.close()
