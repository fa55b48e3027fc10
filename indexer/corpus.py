"""Load a corpus folder: every `*.txt` below it, parsed in a stable order, ids made unique."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tqdm import tqdm

from .model import Diagnostic, ParseResult, Project
from .parser import parse_text
from .textio import NotTextError, read_text


class CorpusError(Exception):
    """The corpus folder itself is unusable (missing, not a folder)."""


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The `*.txt` files below `corpus_dir`, sorted, hidden files and folders left out."""
    if not corpus_dir.exists():
        raise CorpusError(f"corpus folder {corpus_dir} does not exist")
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus {corpus_dir} is not a folder")
    files = (
        path
        for path in corpus_dir.rglob("*.txt")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(corpus_dir).parts)
    )
    return sorted(files, key=lambda p: p.relative_to(corpus_dir).as_posix())


def source_name(path: Path, corpus_dir: Path) -> str:
    """How records name a file: relative to the corpus folder's parent (`corpus/x.txt`)."""
    root = corpus_dir.resolve()
    return (Path(root.name) / path.resolve().relative_to(root)).as_posix()


def parse_file(path: Path, name: str) -> ParseResult:
    """Parse one file; an unreadable or binary file becomes one error, never an exception."""
    try:
        text = read_text(path)
    except NotTextError as exc:
        return ParseResult(diagnostics=[Diagnostic(name, 0, "error", f"not a text file: {exc}")])
    except OSError as exc:
        return ParseResult(
            diagnostics=[Diagnostic(name, 0, "error", f"cannot read: {exc.strerror or exc}")]
        )
    return parse_text(text, name)


def make_ids_unique(projects: Iterable[Project]) -> list[Diagnostic]:
    """Suffix `-2`, `-3` … to repeated ids (same unit, year and name) in source order."""
    diagnostics: list[Diagnostic] = []
    first_seen: dict[str, Project] = {}
    counts: dict[str, int] = {}
    for project in projects:
        base = project.id
        if base not in first_seen:
            first_seen[base] = project
            counts[base] = 1
            continue
        counts[base] += 1
        project.id = f"{base}-{counts[base]}"
        first = first_seen[base].source
        diagnostics.append(
            Diagnostic(
                project.source.file,
                project.source.line,
                "warning",
                f"project '{project.name}' ({project.unit}, {project.year}) repeats the one "
                f"at {first.file}:{first.line}; its id is {project.id}",
            )
        )
    return diagnostics


def load_corpus(corpus_dir: Path, progress: bool = False) -> tuple[ParseResult, int]:
    """Parse every file of a corpus. Returns the result and the number of files read.

    `progress` shows a progress bar on stderr when it is a terminal.
    """
    files = corpus_files(corpus_dir)
    result = ParseResult()
    bar = tqdm(files, desc="parsing", unit="file", disable=None if progress else True)
    for path in bar:
        result.extend(parse_file(path, source_name(path, corpus_dir)))
    result.diagnostics.extend(make_ids_unique(result.projects))
    return result, len(files)
