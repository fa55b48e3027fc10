"""Load a corpus folder: every `*.txt` and `*.pdf` below it, parsed in a stable order, ids
made unique. A file is read by the format its suffix names and parsed by the layout that
sniffs highest (`indexer.layouts`).

Whatever is odd about a file (a symlink out of the folder, a FIFO, unreadable, binary)
becomes one diagnostic naming it; it never stops the other files from loading.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from tqdm import tqdm

from .formats import Document, FormatError, is_pdf, pdf_failure, read_document
from .formats.pdf import PdfError, read_pdfs
from .layouts import choose
from .model import Diagnostic, ParseResult, Project
from .processes import WorkerDied, in_order
from .textio import file_kind, os_reason

SOURCE_SUFFIXES = (".txt", ".pdf")


def _is_source(name: str) -> bool:
    return name.lower().endswith(SOURCE_SUFFIXES)


class CorpusError(Exception):
    """The corpus folder itself is unusable (missing, not a folder, unreadable)."""


def corpus_files(corpus_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    """The `*.txt` and `*.pdf` files below `corpus_dir`, sorted, and a warning for each one skipped.

    Paths are under the resolved corpus folder. Hidden files and folders are left out.
    Symlinked folders are never followed: one inside the corpus is read at its real
    place (following it would read its files twice, or loop), one outside is not part of
    the corpus (reported). A symlinked file is read if it points to a regular file inside
    the corpus that is not read under its own name anyway; otherwise it is reported.
    """
    root = _corpus_root(corpus_dir)
    files: list[Path] = []
    diagnostics: list[Diagnostic] = []

    def skip(path: Path, why: str) -> None:
        diagnostics.append(Diagnostic(source_name(path, root), 0, "warning", f"{why}; skipped"))

    def add(path: Path) -> None:
        files.append(path)
        name = source_name(path, root)
        if name != (Path(root.name) / path.relative_to(root)).as_posix():
            message = "file name is not valid UTF-8 (bytes shown \\xNN here and in records)"
            diagnostics.append(Diagnostic(name, 0, "warning", message))

    folders = [root]
    while folders:  # a stack, not recursion: depth is the file system's business
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = [entry for entry in listing if not entry.name.startswith(".")]
        except OSError as exc:
            if folder == root:
                raise CorpusError(
                    f"cannot read corpus folder {corpus_dir}: {os_reason(exc)}"
                ) from None
            skip(folder, f"folder cannot be read: {os_reason(exc)}")
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                what = _what_to_do(entry, root)
            except OSError as exc:
                what = f"cannot read: {os_reason(exc)}"
            if what == _READ:
                add(path)
            elif what == _DESCEND:
                folders.append(path)
            elif what != _IGNORE:
                skip(path, what)
    files.sort(key=lambda p: p.relative_to(root).as_posix())
    diagnostics.sort(key=lambda d: d.file)
    return files, diagnostics


_READ, _DESCEND, _IGNORE = "read", "descend", "ignore"


def _what_to_do(entry: os.DirEntry[str], root: Path) -> str:
    """_READ, _DESCEND, _IGNORE (not a corpus file), or why the entry is skipped."""
    if entry.is_symlink():
        why = _symlink_problem(Path(entry.path), root)
        if why:
            return why
        if _is_source(entry.name) and entry.is_file():
            return _READ
        return _IGNORE
    if entry.is_dir(follow_symlinks=False):
        return _DESCEND  # a folder named x.txt is a folder too
    if not _is_source(entry.name):
        return _IGNORE
    if entry.is_file(follow_symlinks=False):
        return _READ
    return f"not a regular file ({file_kind(entry.stat(follow_symlinks=False).st_mode)})"


def _corpus_root(corpus_dir: Path) -> Path:
    if not corpus_dir.exists():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist")
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus {corpus_dir} is not a folder")
    return corpus_dir.resolve()


def _symlink_problem(link: Path, root: Path) -> str | None:
    """Why the symlink `link` is not read, or None to read it (a file inside the corpus).

    Only links named `*.txt` or `*.pdf` or pointing to folders are looked at; others are not
    corpus files, broken or not.
    """
    try:
        target = link.resolve(strict=True)
    except FileNotFoundError:
        if not _is_source(link.name):
            return None
        return f"broken symlink (its target {os.readlink(link)} does not exist)"
    except RuntimeError:  # a symlink loop, before Python 3.13
        return "symlink loop"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop"
        return f"symlink cannot be followed: {os_reason(exc)}"
    inside = target == root or root in target.parents
    if target.is_dir():
        # Inside: its files are read where they are. Outside: not part of the corpus.
        return None if inside else f"symlink to a folder outside the corpus ({target})"
    if not _is_source(link.name):
        return None
    if not inside:
        return f"symlink to a file outside the corpus ({target})"
    if not target.is_file():
        return f"symlink to {file_kind(target.stat().st_mode)}, not a regular file"
    relative = target.relative_to(root)
    if _is_source(target.name) and not any(part.startswith(".") for part in relative.parts):
        return f"symlink to {source_name(target, root)}, which is read under its own name"
    return None


def source_name(path: Path, corpus_dir: Path) -> str:
    """How records name a file: relative to the corpus folder's parent (`corpus/x.txt`).

    `path` is as `corpus_files` lists it (not resolved: a symlink keeps its own name).
    Bytes of a file name that are not UTF-8 are written `\\xff`, so that the name can be
    printed and stored.
    """
    root = corpus_dir.resolve()
    name = (Path(root.name) / path.relative_to(root)).as_posix()
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def parse_file(path: Path, name: str) -> ParseResult:
    """Parse one file; an unreadable file becomes one error, never an exception."""
    try:
        document = read_document(path, name)
    except (FormatError, OSError) as exc:
        return unreadable(name, exc)
    return parse_document(document)


def unreadable(name: str, exc: Exception) -> ParseResult:
    """The one error of a file that cannot be read as its format."""
    if isinstance(exc, PdfError):
        exc = pdf_failure(exc)
    reason = f"cannot read: {os_reason(exc)}" if isinstance(exc, OSError) else str(exc)
    return ParseResult(diagnostics=[Diagnostic(name, 0, "error", reason)])


def parse_document(document: Document) -> ParseResult:
    """Parse a document read by its format with the layout that sniffs highest."""
    name = document.file

    def reported(first: bool) -> list[Diagnostic]:
        return [
            Diagnostic(name, problem.line, problem.level, problem.message, page=problem.page)
            for problem in document.problems
            if problem.first == first
        ]

    try:
        result = _parse_with_layout(document)
    except Exception as exc:
        message = f"could not be parsed (an error in the reader: {type(exc).__name__}: {exc})"
        result = ParseResult(diagnostics=[Diagnostic(name, 0, "error", message[:300])])
    # Lines cut while reading come first; what was cut off the file's end or pages without
    # text come after what the layout found.
    result.diagnostics[:0] = reported(first=True)
    result.diagnostics.extend(reported(first=False))
    return result


def _parse_with_layout(document: Document) -> ParseResult:
    name = document.file
    layout = choose(document)
    if layout is None:
        pages = f" ({document.page_count} pages)" if document.kind == "pdf" else ""
        result = ParseResult(
            diagnostics=[
                Diagnostic(
                    name, 0, "warning", f"no performance-goal table found{pages}; file skipped"
                )
            ]
        )
    else:
        result = layout.parse(document)
    return result


def make_ids_unique(
    projects: Iterable[Project], taken: Mapping[str, Project] | None = None
) -> list[Diagnostic]:
    """Suffix `-2`, `-3` … to repeated ids (same unit, year and name) in source order;
    ids in `taken` (projects already indexed, when files are added) are repeats too."""
    diagnostics: list[Diagnostic] = []
    taken = taken or {}
    first_seen: dict[str, Project] = {}
    counts: dict[str, int] = {}
    for project in projects:
        base = project.id
        if base not in first_seen and base not in taken:
            first_seen[base] = project
            counts[base] = 1
            continue
        if base not in first_seen:  # (`taken` may read the project from the index)
            first_seen[base] = taken.get(base, project)
        counts[base] = counts.get(base, 1) + 1
        while f"{base}-{counts[base]}" in taken:
            counts[base] += 1
        project.id = f"{base}-{counts[base]}"
        first = first_seen[base].source
        diagnostics.append(
            Diagnostic(
                project.source.file,
                project.source.line or 0,
                "warning",
                f"project '{project.name}' ({project.unit}, {project.year}) repeats the one "
                f"at {first.where}; its id is {project.id}",
                page=project.source.page,
            )
        )
    return diagnostics


def load_corpus(corpus_dir: Path, progress: bool = False) -> tuple[ParseResult, int]:
    """Parse every file of a corpus. Returns the result and the number of files read.

    Files skipped while listing the corpus (symlinks out of it, FIFOs …) are reported in
    the result's diagnostics, first. `progress` shows a progress bar on stderr when it is
    a terminal.
    """
    files, skipped = corpus_files(corpus_dir)
    result = ParseResult(diagnostics=skipped)
    result.extend(load_files(files, corpus_dir, progress))
    result.diagnostics.extend(make_ids_unique(result.projects))
    return result, len(files)


def load_files(
    files: list[Path],
    corpus_dir: Path,
    progress: bool = False,
    parallel_from: int | None = None,
) -> ParseResult:
    """Parse `files` (as `corpus_files` lists them) of the corpus in `corpus_dir`, in order;
    ids are left as the layouts made them. From `parallel_from` bytes of text files on
    (default PARALLEL_TEXT_BYTES), two worker processes parse them (a program that calls
    this must guard its main module: `if __name__ == "__main__":`)."""
    root = corpus_dir.resolve()
    result = ParseResult()
    # No monitor thread: PDF children are forked from this process, which must not have
    # other threads then.
    tqdm.monitor_interval = 0
    bar = tqdm(total=len(files), desc="parsing", unit="file", disable=None if progress else True)
    # Text files first, several at once in worker processes when there is much to read;
    # their workers are gone before a PDF child is forked.
    texts = [(path, source_name(path, root)) for path in files if not is_pdf(path)]
    if parallel_from is None:
        parallel_from = PARALLEL_TEXT_BYTES
    parsed = _parse_texts(texts, bar, parallel_from)
    read_texts = dict(zip((path for path, _ in texts), parsed, strict=True))
    # PDFs are read ahead, several at once in child processes (JIXIAO_PDF_WORKERS, else one
    # per core), in file order.
    workers = os.environ.get("JIXIAO_PDF_WORKERS", "")
    pdfs = read_pdfs(
        ((p, source_name(p, root)) for p in files if is_pdf(p)),
        int(workers) if workers.isdigit() else 0,
    )
    for path in files:
        if is_pdf(path):
            outcome = next(pdfs)
            name = source_name(path, root)
            parsed = unreadable(name, outcome) if isinstance(outcome, PdfError) else None
            result.extend(parsed or parse_document(outcome))
            bar.update()
        else:
            result.extend(read_texts.pop(path))
    bar.close()
    return result


# From this many bytes of text files on, two worker processes parse them (below, starting
# them costs more than they save: about a second each)
PARALLEL_TEXT_BYTES = 16_000_000


def _parse_texts(
    texts: list[tuple[Path, str]], bar: tqdm, parallel_from: int
) -> Iterator[ParseResult]:
    """Each (path, name)'s parse result, in order."""
    size = 0
    for path, _ in texts:
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    serial = size < parallel_from or (os.cpu_count() or 1) < 2 or len(texts) < 2
    try:
        for parsed in in_order(_parse_one, texts, 1 if serial else 2, chunk=4):
            yield parsed
            bar.update()
    except WorkerDied as exc:
        raise CorpusError(f"parsing the corpus stopped: {exc}") from None


def _parse_one(item: tuple[Path, str]) -> ParseResult:
    return parse_file(*item)
