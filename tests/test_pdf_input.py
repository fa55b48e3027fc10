"""Bad PDFs (tests/data/bad_pdf, see its README): one clear line each (file, page, why), the
other files and tables still read; and the reader's time and memory limits."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from layout_support import DATA, parse

from indexer.corpus import load_corpus
from indexer.formats.pdf import PdfError, read_pdf

BAD = DATA / "bad_pdf"
PDF_06 = DATA / "realworld" / "06_central2023_cas_nao_budget.pdf"


@pytest.mark.parametrize(
    ("name", "level", "page", "says"),
    [
        (
            "scanned.pdf",
            "error",
            None,
            "no text layer on any of its 1 page: a scanned PDF needs OCR",
        ),
        ("encrypted.pdf", "error", None, "encrypted: the PDF needs a password"),
        ("truncated.pdf", "error", None, "damaged PDF"),
        ("not_a_pdf.pdf", "error", None, "not a PDF (no %PDF- header)"),
        ("empty.pdf", "error", None, "empty file (0 bytes)"),
        ("no_goal_table.pdf", "warning", None, "no performance-goal table found (2 pages)"),
        ("unknown_shape.pdf", "warning", 2, "unknown table shape"),
    ],
)
def test_one_clear_line_each(name, level, page, says):
    result = parse(BAD / name)
    assert result.projects == []
    (diagnostic,) = result.diagnostics
    assert (diagnostic.level, diagnostic.page) == (level, page)
    assert says in diagnostic.message
    assert str(diagnostic).startswith(f"corpus/{name}")


def test_a_page_without_text_does_not_stop_the_table_before_it():
    result = parse(BAD / "mixed.pdf")
    (project,) = result.projects
    assert (project.name, project.source.page, project.department) == ("测试项目甲", 2, "某某局")
    assert project.budget["current_year"] == 1_200_000
    assert [(i.level1, i.name, i.target) for i in project.indicators] == [
        ("产出指标", "培训人次", "≥500人次"),
        ("产出指标", "合格率", "≥95%"),
        ("满意度指标", "学员满意度", "≥90%"),
    ]
    (warning,) = result.diagnostics
    assert str(warning) == (
        "corpus/mixed.pdf, page 3: warning: no text layer (an image of a page): needs OCR; skipped"
    )


def test_a_corpus_of_bad_and_good_pdfs_keeps_every_good_table(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for pdf in BAD.glob("*.pdf"):
        shutil.copy(pdf, corpus / pdf.name)
    shutil.copy(DATA / "realworld" / "06_central2023_cas_nao_budget.pdf", corpus / "06.pdf")
    result, files = load_corpus(corpus)
    assert files == 9
    assert len(result.projects) == 9 + 1
    assert {d.file for d in result.diagnostics} == {
        f"corpus/{name}"
        for name in [
            "scanned.pdf", "encrypted.pdf", "truncated.pdf", "not_a_pdf.pdf", "empty.pdf",
            "no_goal_table.pdf", "unknown_shape.pdf", "mixed.pdf",
        ]
    }  # fmt: skip


def test_time_limit():
    with pytest.raises(PdfError, match=r"longer than 0.01 s \(time limit\)"):
        read_pdf(DATA / "realworld" / "06_central2023_cas_nao_budget.pdf", "x", seconds=0.01)


def test_memory_limit():
    # In a fresh process (as `python -m indexer build` is), a child allowed nothing beyond
    # what it inherits runs out of memory at once and says so (or dies trying: the message
    # names the limit either way); it never hangs and never takes the parent down.
    script = (
        "from pathlib import Path\n"
        "from indexer.formats.pdf import PdfError, read_pdf\n"
        "try:\n"
        f"    read_pdf(Path({str(PDF_06)!r}), 'x', memory=0)\n"
        "except PdfError as exc:\n"
        "    print(exc)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "more than 0 MB of memory (limit); skipped" in run.stdout


@pytest.mark.parametrize("workers", ["-1", "x", "0", "1", ""])
def test_any_worker_setting_reads_every_pdf(tmp_path, monkeypatch, workers):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("mixed.pdf", "empty.pdf"):
        shutil.copy(BAD / name, corpus / name)
    monkeypatch.setenv("JIXIAO_PDF_WORKERS", workers)
    result, files = load_corpus(corpus)
    assert files == 2
    assert [p.name for p in result.projects] == ["测试项目甲"]
    assert [d.file for d in result.errors] == ["corpus/empty.pdf"]


def test_an_amount_of_forty_digits_costs_its_amount_not_the_file(tmp_path):
    text = (DATA / "realworld" / "01_putuo2026_jianguanwei_lanxilu_pymupdf.txt").read_text()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(text.replace("771,325,800.00", "9" * 40), encoding="utf-8")
    shutil.copy(BAD / "mixed.pdf", corpus / "b.pdf")
    result, _ = load_corpus(corpus)
    assert [p.name for p in result.projects] == ["兰溪路-真南路下立交工程", "测试项目甲"]
    assert result.projects[0].budget["total"] is None
