"""Reading a draft table that a user uploads, without keeping it: the bytes are sniffed
(a PDF, or text in an encoding the corpus reader takes), written into a temporary folder
that is removed afterwards, and parsed in a separate process with a time and a memory
limit, as a corpus file would be. Nothing is added to the index.

The process comes from a fork server (a single-threaded process started once, with the
readers imported): forking the web server itself, which runs threads, could deadlock.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import resource
import tempfile
from pathlib import Path

from .corpus import parse_document
from .formats.pdf import PdfError, _mapped_bytes, read_pdf_here
from .formats.text import read_text
from .model import ParseResult
from .textio import NotTextError, decode

MAX_DRAFT_BYTES = 10 * 1024 * 1024
DRAFT_SECONDS = 30.0
DRAFT_MEMORY_BYTES = 1024**3
# imported once in the fork server; "__main__" too, or every child imports the main script
# (app.py: Flask, Whoosh and the app) again
PRELOADED = ["__main__", "indexer.draft", "pdfplumber", "pypdfium2"]
MAX_DRAFT_TABLES = 20  # tables of one draft checked (a draft is a table or a few)


class DraftError(Exception):
    """The upload cannot be read as a table: the message says why, in Chinese."""


def sniff(data: bytes) -> str:
    """`pdf` or `txt`, by the bytes (not the file name); DraftError for anything else."""
    if not data:
        raise DraftError("上传的文件是空的。")
    if len(data) > MAX_DRAFT_BYTES:
        raise DraftError(f"文件超过 {MAX_DRAFT_BYTES // 1024**2} MB，请只上传要检查的表。")
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    try:
        decode(data)
    except NotTextError:
        raise DraftError("只能检查 PDF 或文本文件（UTF-8、UTF-16 或 GB18030）。") from None
    return "txt"


def read_draft(
    data: bytes, name: str, seconds: float = DRAFT_SECONDS, memory: int = DRAFT_MEMORY_BYTES
) -> ParseResult:
    """The records of an uploaded draft and what the reader noticed; DraftError if it is
    not a PDF or text, or if reading it passes the limits."""
    kind = sniff(data)
    shown = Path(name).name[:100] or f"draft.{kind}"
    with tempfile.TemporaryDirectory(prefix="jixiao-draft-") as folder:
        path = Path(folder) / f"draft.{kind}"
        path.write_bytes(data)
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOADED)
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(sender, path, shown, memory), daemon=True)
        child.start()
        sender.close()
        try:
            if not receiver.poll(seconds):
                raise DraftError(f"读取超过 {seconds:g} 秒仍未完成，已停止。")
            try:
                outcome = receiver.recv()
            except EOFError:
                raise DraftError("读取这个文件所需的内存超过限制，或文件已损坏。") from None
        finally:
            if child.is_alive():
                child.kill()
            child.join()
            receiver.close()
    if isinstance(outcome, str):
        raise DraftError(outcome)
    if len(outcome.projects) > MAX_DRAFT_TABLES:
        raise DraftError(
            f"文件中有 {len(outcome.projects)} 张表；草稿检查一次最多 {MAX_DRAFT_TABLES} 张，"
            "请只上传要检查的表。"
        )
    return outcome


def _child(sender, path: Path, name: str, memory: int) -> None:  # pragma: no cover - a child
    with contextlib.suppress(ValueError, OSError):
        limit = _mapped_bytes() + memory
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        document = read_pdf_here(path, name) if path.suffix == ".pdf" else read_text(path, name)
        outcome: ParseResult | str = parse_document(document)
    except MemoryError:
        outcome = "读取这个文件所需的内存超过限制。"
    except PdfError as exc:  # encrypted, damaged, scanned: the reader says which
        outcome = f"无法读取这个 PDF：{exc}"
    except Exception as exc:  # a reader's error: said, never raised
        outcome = f"无法读取这个文件（{type(exc).__name__}）。"
    try:
        sender.send(outcome)
    finally:
        sender.close()
