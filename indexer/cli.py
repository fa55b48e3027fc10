"""Command line: `python -m indexer build|add|remove|export|check …` (SPEC §3)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from . import layout
from .build import (
    BuildError,
    BuildSummary,
    CorpusUnusable,
    EmptyCorpus,
    IndexDirUnusable,
    add_files,
    build_index,
    count,
    remove_files,
)
from .checks import check_corpus, csv_table, finding_row
from .corpus import CorpusError, load_corpus
from .csvfile import to_csv
from .model import ParseResult

DEFAULT_CORPUS = Path("corpus")

EXIT_OK, EXIT_STRICT, EXIT_USAGE = 0, 1, 2
EXIT_FAILED = 1  # a build that failed part way (disk full …)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m indexer",
        description="Parse performance-goal tables (财政项目支出绩效目标表) into records.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = commands.add_parser(
        "build",
        help="parse the corpus and build the search index",
        description="Parse every *.txt and *.pdf under the corpus folder and build the "
        "search index beside the live one, then swap it in. Files the live index was built "
        "from, unchanged, are not parsed again (--full: parse and write everything). "
        "Problems go to stderr as file:line messages.",
    )
    _corpus_option(build)
    _index_option(build)
    build.add_argument(
        "--allow-empty",
        action="store_true",
        help="publish the index even if the corpus has no tables (it replaces the live one)",
    )
    build.add_argument(
        "--full", action="store_true", help="parse every file and write the whole index"
    )
    build.set_defaults(handler=run_build)

    for name, verb, what in (
        ("add", "add", "parse FILEs of the corpus and add their tables to the live index "
         "(a file indexed before is replaced)"),
        ("remove", "remove", "take the tables of FILEs (which may be deleted already) out "
         "of the live index"),
    ):  # fmt: skip
        change = commands.add_parser(name, help=f"{verb} files of the corpus", description=what)
        change.add_argument("files", nargs="+", type=Path, metavar="FILE")
        _corpus_option(change)
        _index_option(change)
        change.set_defaults(handler=run_change)

    export = commands.add_parser(
        "export",
        help="print the records of every table in the corpus as a JSON array",
        description="Print the records of every table under the corpus folder as a JSON "
        "array (SPEC §2), in source order. Problems go to stderr as file:line messages.",
    )
    _corpus_option(export)
    export.add_argument(
        "--strict", action="store_true", help="exit with code 1 if any warning or error"
    )
    export.set_defaults(handler=run_export)

    check = commands.add_parser(
        "check",
        help="check every table against the rules and its peers",
        description="Parse the corpus and print what each table's checks found (missing "
        "parts, inconsistent money or dates, vague or lax targets, levels, weights, "
        "citations): JSON (default) or CSV on stdout, counts per rule on stderr.",
    )
    _corpus_option(check)
    check.add_argument("--format", choices=("json", "csv"), default="json")
    check.set_defaults(handler=run_check)
    return parser


def _index_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--index",
        type=Path,
        default=None,
        metavar="DIR",
        help="index folder (default: $JIXIAO_INDEX_DIR, else instance/index/)",
    )


def _corpus_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        metavar="DIR",
        help="folder whose *.txt files are read (default: corpus/)",
    )


def report(result: ParseResult, files: int) -> None:
    """Every problem, then a one-line count, on stderr."""
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    errors, warnings = len(result.errors), len(result.warnings)
    print(
        f"{count(len(result.projects), 'project')} from {count(files, 'file')}; "
        f"{count(errors, 'error')}, {count(warnings, 'warning')}",
        file=sys.stderr,
    )


def _backend_config() -> dict[str, str]:
    return {"SEARCH_BACKEND": os.environ.get("JIXIAO_SEARCH_BACKEND", "whoosh")}


def run_build(args: argparse.Namespace) -> int:
    return _run_indexing(
        lambda: build_index(
            args.corpus,
            args.index or layout.default_index_dir(),
            progress=True,
            allow_empty=args.allow_empty,
            backend_config=_backend_config(),
            full=args.full,
        )
    )


def run_change(args: argparse.Namespace) -> int:
    change = add_files if args.command == "add" else remove_files
    return _run_indexing(
        lambda: change(
            args.corpus,
            args.index or layout.default_index_dir(),
            args.files,
            progress=True,
            backend_config=_backend_config(),
        )
    )


def _run_indexing(work: Callable[[], tuple[BuildSummary, ParseResult]]) -> int:
    try:
        summary, result = work()
    except EmptyCorpus as exc:
        # The files' problems say why they gave no tables.
        for diagnostic in exc.result.diagnostics:
            print(diagnostic, file=sys.stderr)
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (CorpusUnusable, IndexDirUnusable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    print("\n".join(summary.lines()))
    return EXIT_OK


def _loaded(args: argparse.Namespace) -> tuple[ParseResult, int] | None:
    """The corpus's records and how many files held them; None (said on stderr) if the
    corpus folder cannot be read."""
    try:
        return load_corpus(args.corpus, progress=True)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def run_export(args: argparse.Namespace) -> int:
    if (loaded := _loaded(args)) is None:
        return EXIT_USAGE
    result, files = loaded
    json.dump([p.to_dict() for p in result.projects], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    report(result, files)
    if args.strict and result.diagnostics:
        return EXIT_STRICT
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    if (loaded := _loaded(args)) is None:
        return EXIT_USAGE
    result, files = loaded
    projects = {project.id: project for project in result.projects}
    findings = check_corpus(result.projects)
    if args.format == "csv":
        sys.stdout.write(to_csv(*csv_table(findings, projects.get)))
    else:
        rows = [finding_row(f, projects[f.project_id]) for f in findings]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    report(result, files)
    per_rule = Counter(f.rule for f in findings)
    said = ", ".join(f"{rule} {n}" for rule, n in per_rule.most_common()) or "none"
    print(f"{count(len(findings), 'finding')} in {len(projects)} tables: {said}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)
