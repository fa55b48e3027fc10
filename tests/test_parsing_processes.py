"""Parsing with worker processes (a large corpus): the same records and diagnostics, in the
same order, as parsing in one process, a file that cannot be read included."""

from __future__ import annotations

import shutil
from pathlib import Path

from support import CORPUS

from benchmarks.generate import generate, write_corpus
from indexer.corpus import corpus_files, load_files

DATA = Path(__file__).parent / "data"


def test_worker_processes_parse_as_one_process_does(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(generate(60, seed=5, district=0.2), corpus)
    shutil.copy(CORPUS / "shanghai-procuratorate-2020.txt", corpus / "sample.txt")
    shutil.copy(DATA / "realworld" / "05_putuo2026_wenlv_zhenru_narrative_no_table_pymupdf.txt",
                corpus / "narrative.txt")  # fmt: skip
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\x00garbage" * 100)
    files, _ = corpus_files(corpus)
    alone = load_files(files, corpus, parallel_from=10**12)
    together = load_files(files, corpus, parallel_from=0)
    assert together == alone
    assert len(alone.projects) == 68 and alone.diagnostics  # the broken and narrative files
