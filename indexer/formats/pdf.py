"""PDF files: pages of text lines and ruled tables of cells, read in a child process.

pypdfium2 (PDFium) reads every page's text fast; pdfplumber finds the ruled tables, only on
pages whose text can hold a performance-goal table (it is ~20x slower per page). A table's
cells keep their grid position and spans: a merged cell covers every position it spans,
wherever the PDF prints its text.

A PDF is read in a forked child with a time and a memory limit, so that a hostile or
broken file (a decompression bomb, a page that takes minutes) costs one clear message, not
the build. What cannot be read at all raises `PdfError`; what can be partly read (a page
with no text layer) becomes a `Problem` of the document.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import multiprocessing
import os
import re
import resource
import time
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from .document import Cell, Document, Page, Problem, Table

# A PDF gets this long to be read, and this much memory (address space) in its child.
PDF_SECONDS = 120
PDF_MEMORY_BYTES = 2 * 1024**3
# Pages whose text has one of these may hold a goal table; pdfplumber looks only there.
TABLE_HINTS = re.compile(r"指\s*标|绩\s*效\s*目\s*标|项\s*目\s*名\s*称")
# Positions closer than this (points) are one grid line.
EDGE_TOLERANCE = 2.0


class PdfError(Exception):
    """The PDF cannot be read at all; the message says why in a few words."""


def read_pdf(
    path: Path, name: str, seconds: float = PDF_SECONDS, memory: int = PDF_MEMORY_BYTES
) -> Document:
    """Read a PDF in a child process limited to `seconds` and `memory` bytes (beyond what
    this process already maps, which the child inherits). Raises PdfError."""
    (outcome,) = read_pdfs([(path, name)], workers=1, seconds=seconds, memory=memory)
    if isinstance(outcome, PdfError):
        raise outcome
    return outcome


def read_pdfs(
    files: Iterable[tuple[Path, str]],
    workers: int = 0,
    seconds: float = PDF_SECONDS,
    memory: int = PDF_MEMORY_BYTES,
) -> Iterator[Document | PdfError]:
    """Read PDFs (path, name) in up to `workers` children at once (0: one per core), each
    with its own time and memory limit; yields each one's Document or PdfError in order.

    Children are started from this thread only (never from a thread pool: forking a
    multi-threaded process can deadlock), and at most a few results wait to be taken.
    """
    import pdfplumber  # noqa: F401 - loaded here, so that children inherit them loaded
    import pypdfium2  # noqa: F401

    workers = workers if workers > 0 else (os.cpu_count() or 1)
    context = multiprocessing.get_context("fork")
    waiting = iter(enumerate(files))
    running: dict[Any, tuple[int, Any, float]] = {}  # receiver -> (index, child, deadline)
    done: dict[int, Document | PdfError] = {}
    next_out = 0
    exhausted = False
    too_big = (
        "the PDF reader stopped without an answer: a damaged PDF, or one that needs "
        f"more than {memory // 1024**2:,} MB of memory (limit); skipped"
    )

    def finish(receiver, outcome: Document | PdfError) -> None:
        index, child, _ = running.pop(receiver)
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
        done[index] = outcome

    try:
        while True:
            # Start children while there is room, keeping the results not yet taken few.
            while not exhausted and len(running) < workers and len(done) < 4 * workers:
                item = next(waiting, None)
                if item is None:
                    exhausted = True
                    break
                index, (path, name) = item
                try:
                    receiver, sender = context.Pipe(duplex=False)
                    child = context.Process(
                        target=_child, args=(sender, path, name, memory), daemon=True
                    )
                    child.start()
                except OSError as exc:  # no processes or file descriptors left
                    done[index] = PdfError(f"could not start a reader process: {_short(exc)}")
                    continue
                sender.close()
                running[receiver] = (index, child, time.monotonic() + seconds)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            if not running:
                if exhausted:
                    return
                continue
            timeout = max(
                0.0, min(deadline for _, _, deadline in running.values()) - time.monotonic()
            )
            for receiver in wait(list(running), timeout):
                try:
                    outcome = receiver.recv()
                except EOFError:
                    outcome = PdfError(too_big)
                finish(receiver, outcome)
            now = time.monotonic()
            for receiver, (_, _, deadline) in list(running.items()):
                if deadline <= now:
                    limit = f"reading took longer than {seconds:g} s (time limit); skipped"
                    finish(receiver, PdfError(limit))
    finally:
        for receiver in list(running):
            finish(receiver, PdfError("not read"))


def _child(sender, path: Path, name: str, memory: int) -> None:  # pragma: no cover - in a child
    # pdfminer logs font quirks of ordinary PDFs as warnings: not the build's business.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with contextlib.suppress(ValueError, OSError):
        limit = _mapped_bytes() + memory
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    too_big = PdfError(f"needs more than {memory // 1024**2:,} MB of memory (limit); skipped")
    try:
        outcome: Document | PdfError = read_pdf_here(path, name)
    except PdfError as exc:
        outcome = exc
    except MemoryError:
        outcome = too_big
    except OSError as exc:
        out_of_memory = exc.errno == errno.ENOMEM or "failed to map segment" in str(exc)
        outcome = too_big if out_of_memory else PdfError(f"cannot read: {_short(exc)}")
    except Exception as exc:
        outcome = PdfError(f"damaged PDF: {type(exc).__name__}: {_short(exc)}")
    try:
        sender.send(outcome)
    finally:
        sender.close()
        os._exit(0)


def _mapped_bytes() -> int:
    """This process's virtual memory size (what RLIMIT_AS counts)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def read_pdf_here(path: Path, name: str) -> Document:
    """Read a PDF in this process (no limits): `read_pdf` runs it in a child."""
    import pypdfium2 as pdfium

    with open(path, "rb") as handle:
        head = handle.read(1024)
    if not head:
        raise PdfError("empty file (0 bytes)")
    if b"%PDF-" not in head:
        raise PdfError("not a PDF (no %PDF- header)")
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        text = str(exc)
        if "password" in text.lower():
            raise PdfError("encrypted: the PDF needs a password to be opened") from None
        raise PdfError(f"damaged PDF: {_short(exc)}") from None
    try:
        pages, problems, image_only = _text_pages(document)
    finally:
        document.close()
    if pages and image_only == len(pages):
        count = f"{len(pages)} page{'s' if len(pages) > 1 else ''}"
        raise PdfError(f"no text layer on any of its {count}: a scanned PDF needs OCR; skipped")
    hinted = {p.number for p in pages if TABLE_HINTS.search("".join(p.lines))}
    if hinted:
        _add_tables(path, pages, hinted)
    return Document(name, "pdf", pages, problems=problems, page_count=len(pages))


def _text_pages(document) -> tuple[list[Page], list[Problem], int]:
    pages: list[Page] = []
    problems: list[Problem] = []
    image_only = 0
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
        lines = [line.strip() for line in re.split(r"\r\n|\r|\n", text)]
        lines = [line for line in lines if line]
        if not lines and _has_images(page):
            image_only += 1
            problems.append(
                Problem("no text layer (an image of a page): needs OCR; skipped", page=index + 1)
            )
        pages.append(Page(index + 1, lines))
        page.close()
    return pages, problems, image_only


def _has_images(page) -> bool:
    import pypdfium2.raw as raw

    return any(obj.type == raw.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=2))


def _add_tables(path: Path, pages: list[Page], hinted: set[int]) -> None:
    """Ruled tables of the hinted pages, and of every page after a page with tables (a
    table that continues on the next page need not repeat a hint there)."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        previous_had_tables = False
        for page in pages:
            if page.number not in hinted and not previous_had_tables:
                continue
            plumbed = pdf.pages[page.number - 1]
            page.tables = [
                _table(found, page.number) for found in plumbed.find_tables() if found.cells
            ]
            plumbed.close()
            previous_had_tables = bool(page.tables)


def _table(found, page: int) -> Table:
    """A pdfplumber table as cells on a grid, each with its row and column spans."""
    boxes = found.cells
    xs = _edges([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _edges([b[1] for b in boxes] + [b[3] for b in boxes])
    texts = found.extract()
    cells: list[Cell] = []
    for r, row in enumerate(found.rows):
        for c, box in enumerate(row.cells):
            if box is None:
                continue
            x0, top, x1, bottom = box
            col, row0 = _at(xs, x0), _at(ys, top)
            text = texts[r][c] or ""
            cells.append(
                Cell(
                    row=row0,
                    col=col,
                    text=text,
                    rowspan=max(1, _at(ys, bottom) - row0),
                    colspan=max(1, _at(xs, x1) - col),
                    top=top,
                    left=x0,
                )
            )
    return Table(page, max(1, len(ys) - 1), max(1, len(xs) - 1), cells)


def _edges(values: list[float]) -> list[float]:
    """Sorted grid lines: positions within EDGE_TOLERANCE of each other are one line."""
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > EDGE_TOLERANCE:
            edges.append(value)
    return edges


def _at(edges: list[float], value: float) -> int:
    """The index of the grid line nearest to `value`."""
    i = bisect_left(edges, value)
    if i == len(edges) or (i > 0 and value - edges[i - 1] < edges[i] - value):
        return i - 1
    return i


def _short(exc: BaseException, width: int = 120) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= width else text[: width - 1] + "…"
