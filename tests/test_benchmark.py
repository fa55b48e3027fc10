"""The benchmark's corpus generator and a small run of the benchmark (no timings asserted)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

from support import ROOT, subprocess_run

from benchmarks.generate import generate, iter_projects, units, write_corpus
from indexer import load_corpus


def test_generated_corpus_parses_back_exactly(tmp_path):
    """Both families: the 2020 municipal tables (a file per unit and year) and district
    tables (a file each, after their narrative page)."""
    groups = generate(160, seed=7, district=0.25)
    write_corpus(groups, tmp_path / "corpus")
    result, files = load_corpus(tmp_path / "corpus")
    assert result.diagnostics == []
    assert files == len(groups)
    expected = {p.id: p.to_dict() for p in iter_projects(groups)}
    assert {p.id: p.to_dict() for p in result.projects} == expected
    templates = Counter(p.template for p in result.projects)
    assert templates.keys() == {"sh-municipal-2020", "sh-district-2026"}
    assert templates["sh-district-2026"] >= 20


def test_a_share_of_district_tables_leaves_the_others_as_they_were():
    alone = [p.to_dict() for p in iter_projects(generate(80, seed=3))]
    mixed = [p.to_dict() for p in iter_projects(generate(80, seed=3, district=0.3))]
    kept = [p for p in mixed if p["template"] == "sh-municipal-2020"]
    assert 0 < len(kept) < len(alone)
    assert all(p in alone for p in kept)


def test_generator_is_deterministic_and_varied():
    first = [p.to_dict() for p in iter_projects(generate(50, seed=1))]
    again = [p.to_dict() for p in iter_projects(generate(50, seed=1))]
    other = [p.to_dict() for p in iter_projects(generate(50, seed=2))]
    assert first == again and first != other
    projects = list(iter_projects(generate(300)))
    assert len(units()) == 50
    assert len({p.unit for p in projects}) > 40
    assert len({p.year for p in projects}) == 5
    assert len({c.issuer for p in projects for c in p.citations if c.issuer}) > 10


def test_small_benchmark_runs_and_prints_every_row(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--sizes", "200", "--repeat", "2",
         "--work", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    for row in [
        "parse projects/s", "build s", "build docs/s", "index MB", "build peak RSS MB",
        "server peak RSS MB", "search common word ms", "search rare word ms", "search phrase ms",
        "search document number ms", "search two facet filters ms", "search no match ms",
        "ask ms", "similar ms", "SQLite FTS5 build s", "SQLite FTS5 ms", "tantivy build s",
        "tantivy ms", "ours ÷ SQLite FTS5", "ours ÷ tantivy",
    ]:  # fmt: skip
        assert any(line.startswith("| ") and row in line for line in lines), row
    assert run.stdout.startswith("Machine: ")


def test_what_a_worker_copies_is_measured_for_every_kind_of_request(index_dir):
    """`benchmarks.copied` warms the sample's index, forks a worker and sends it every
    kind of request of the load and the questions over every project: one row each."""
    from benchmarks.copied import requests

    run = subprocess_run(["-m", "benchmarks.copied", "--index", str(index_dir)])
    assert run.returncode == 0, run.stderr
    rows = [line.split("|")[1:-1] for line in run.stdout.splitlines()]
    assert [r[0].strip() for r in rows[2:]] == [
        "(forked)",
        *(label for label, _ in requests([{"id": "x", "name": "x"}])),
    ]
    for row in rows[3:]:
        assert float(row[1].replace(",", "")) >= 0 and row[3].strip()[0] in "+-"
    assert "warmed in" in run.stderr
