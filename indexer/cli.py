"""Command line: `python -m indexer export [--corpus DIR] [--strict]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .corpus import CorpusError, load_corpus

DEFAULT_CORPUS = Path("corpus")

EXIT_OK, EXIT_STRICT, EXIT_USAGE = 0, 1, 2


def count(n: int, noun: str) -> str:
    """`count(1, "file")` -> "1 file", `count(2, "file")` -> "2 files"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m indexer",
        description="Parse performance-goal tables (财政项目支出绩效目标表) into records.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    export = commands.add_parser(
        "export",
        help="print the records of every table in the corpus as a JSON array",
        description="Print the records of every table under the corpus folder as a JSON "
        "array (SPEC §2), in source order. Problems go to stderr as file:line messages.",
    )
    export.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        metavar="DIR",
        help="folder whose *.txt files are read (default: corpus/)",
    )
    export.add_argument(
        "--strict", action="store_true", help="exit with code 1 if any warning or error"
    )
    export.set_defaults(handler=run_export)
    return parser


def run_export(args: argparse.Namespace) -> int:
    try:
        result, files = load_corpus(args.corpus, progress=True)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    json.dump([p.to_dict() for p in result.projects], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    errors, warnings = len(result.errors), len(result.warnings)
    print(
        f"{count(len(result.projects), 'project')} from {count(files, 'file')}; "
        f"{count(errors, 'error')}, {count(warnings, 'warning')}",
        file=sys.stderr,
    )
    if args.strict and (errors or warnings):
        return EXIT_STRICT
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)
