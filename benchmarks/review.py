"""Benchmark the reviewer tools: the table checks over a corpus, and checking a draft.

    python -m benchmarks.review --corpus DIR --index DIR [--repeat 10]

Times `python -m indexer check` over the corpus as a whole process (parsing included, as
a user runs it), then starts `python app.py` on the index and times /api/draft with a
one-table PDF (the first goal table of the real central-department PDF, page 28) and the
/checks page (warm), over HTTP. Timings are for a person to read, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import pypdfium2 as pdfium

from .load import ROOT, Server
from .run import percentiles

PDF = ROOT / "tests" / "data" / "realworld" / "06_central2023_cas_nao_budget.pdf"
FIRST_TABLE_PAGE = 27


def one_table_pdf() -> bytes:
    one = pdfium.PdfDocument.new()
    one.import_pages(pdfium.PdfDocument(PDF), [FIRST_TABLE_PAGE])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.pdf"
        one.save(path)
        return path.read_bytes()


def post_draft(port: int, pdf: bytes) -> float:
    """Seconds one /api/draft upload takes, end to end."""
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="draft.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + pdf
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/draft",
        data=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        response.read()
        if response.status != 200:
            raise RuntimeError(f"/api/draft answered {response.status}")
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "indexer", "check", "--corpus", str(args.corpus)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    print(f"python -m indexer check over {args.corpus}: {time.perf_counter() - started:.1f} s")

    pdf = one_table_pdf()
    server = Server(args.index, Path(tempfile.gettempdir()) / "jixiao-review-server.log")
    try:
        post_draft(server.port, pdf)  # warm up
        drafts = [post_draft(server.port, pdf) * 1000 for _ in range(args.repeat)]
        server.get("/checks")
        pages = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            server.get("/checks")
            pages.append((time.perf_counter() - began) * 1000)
    finally:
        server.stop()
    p50, p95 = percentiles(drafts)
    print(
        f"/api/draft, one-table PDF: p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {max(drafts):.0f} ms"
    )
    print(f"/checks (warm): p50 {statistics.median(pages):.0f} ms")


if __name__ == "__main__":
    main()
