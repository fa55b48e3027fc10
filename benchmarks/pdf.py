"""Time PDF reading and a build of a PDF corpus.

    python -m benchmarks.pdf [--pdf FILE] [--copies 100] [--repeat 3]

1. Reading one PDF (the real central-department budget, 36 pages, 9 goal tables): our
   reader (PDFium text of every page, pdfplumber tables only on pages that can hold a goal
   table, in a child process with limits) against the baseline of pdfplumber alone on every
   page (text and tables), in pages per second; the best of `--repeat` runs.
2. A build of a corpus of that PDF and `--copies` copies of it under other names
   (`python -m indexer build`, a fresh process, as a user runs it), reading one PDF at a
   time (the baseline) and one per core: wall time, pages per second and the peak memory
   of a process.

Timings are for a person to read (docs/benchmarks.md), never asserted in tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDF_06 = ROOT / "tests" / "data" / "realworld" / "06_central2023_cas_nao_budget.pdf"


def best(seconds: list[float]) -> float:
    return min(seconds)


def ours(pdf: Path) -> tuple[float, int]:
    from indexer.formats.pdf import read_pdf

    started = time.perf_counter()
    document = read_pdf(pdf, pdf.name)
    return time.perf_counter() - started, document.page_count


def baseline(pdf: Path) -> tuple[float, int]:
    """pdfplumber alone: every page's text and tables, in this process."""
    import pdfplumber

    started = time.perf_counter()
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            page.extract_text()
            page.extract_tables()
            page.close()
        pages = len(document.pages)
    return time.perf_counter() - started, pages


def build(pdf: Path, copies: int, workers: int = 0) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as scratch:
        corpus = Path(scratch) / "corpus"
        corpus.mkdir()
        shutil.copy(pdf, corpus / pdf.name)
        for n in range(copies):
            shutil.copy(pdf, corpus / f"copy-{n:04d}.pdf")
        started = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "indexer", "build", "--corpus", str(corpus), "--index",
             str(Path(scratch) / "index")],
            cwd=ROOT, capture_output=True, text=True, check=False,
            env={**os.environ, "JIXIAO_PDF_WORKERS": str(workers)},
        )  # fmt: skip
        seconds = time.perf_counter() - started
        if run.returncode != 0:
            raise SystemExit(run.stderr)
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        summary = next(
            (line for line in (run.stdout + run.stderr).splitlines() if line.startswith("indexed")),
            "",
        )
        return {"seconds": seconds, "files": copies + 1, "peak_mb": children, "summary": summary}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdf", type=Path, default=PDF_06)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"machine: {platform.machine()}, {platform.python_version()}, {args.pdf.name}")
    for name, reader in (("ours (PDFium + pdfplumber on goal pages)", ours),
                         ("baseline (pdfplumber, every page)", baseline)):  # fmt: skip
        runs = [reader(args.pdf) for _ in range(args.repeat)]
        seconds, pages = best([r[0] for r in runs]), runs[0][1]
        print(f"read  {name:<42} {seconds:7.3f} s  {pages / seconds:7.1f} pages/s")
    for workers, name in ((1, "one PDF at a time (baseline)"), (0, "one per core")):
        result = build(args.pdf, args.copies, workers)
        pages = result["files"] * 36 if args.pdf == PDF_06 else 0
        rate = f"  {pages / result['seconds']:7.1f} pages/s" if pages else ""
        print(
            f"build {result['files']:,} PDFs, {name:<28}: {result['seconds']:7.1f} s{rate}, "
            f"peak RSS of a process {result['peak_mb']:,.0f} MB"
        )
        print(f"      {result['summary']}")


if __name__ == "__main__":
    main()
