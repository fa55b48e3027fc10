"""`python -m search "查询" [--category …] [--perf-type …]`: print the hits in a terminal."""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

from indexer.layout import IndexMissing, default_index_dir
from indexer.schema import FACET_FIELDS

from .engine import SearchEngine
from .service import SORTS, BadRequest, SearchRequest, facet_label, search

_MARK = re.compile(r"</?mark>")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m search",
        description="Search the index of performance-goal tables and print the hits.",
    )
    parser.add_argument("query", nargs="?", default="", help='words, "a phrase", 《title》 or 文号')
    for name in FACET_FIELDS:
        parser.add_argument(
            f"--{name.replace('_', '-')}",
            dest=name,
            metavar="VALUE",
            help=f"only hits whose {name} is VALUE",
        )
    parser.add_argument("--page", default="1")
    parser.add_argument("--per-page", dest="per_page", default="10")
    parser.add_argument("--sort", default="relevance", choices=list(SORTS))
    parser.add_argument(
        "--index",
        type=Path,
        default=None,
        metavar="DIR",
        help="index folder (default: $JIXIAO_INDEX_DIR, else instance/index/)",
    )
    parser.add_argument("--json", action="store_true", help="print the /api/search JSON")
    return parser


def plain(snippet_html: str) -> str:
    """A snippet for a terminal: matches in 【】, entities decoded."""
    return html.unescape(_MARK.sub(lambda m: "】" if m[0] == "</mark>" else "【", snippet_html))


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    params = {k: v for k, v in vars(args).items() if isinstance(v, str) and k != "query"}
    try:
        answer = search(
            SearchEngine(args.index or default_index_dir()),
            SearchRequest.from_args({"q": args.query, **params}),
        )
    except (IndexMissing, BadRequest) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(answer, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"共 {answer['total']} 条结果（第 {answer['page']}/{max(answer['pages'], 1)} 页）")
    for message in answer["messages"]:
        print(message)
    for n, hit in enumerate(answer["hits"], start=(answer["page"] - 1) * answer["per_page"] + 1):
        where = hit["indicator"] or (
            facet_label("section", hit["section"]) if hit["section"] else ""
        )
        print(
            f"\n{n}. [{facet_label('kind', hit['kind'])}] {hit['project_name']}"
            + (f" · {where}" if where else "")
        )
        print(f"   {plain(hit['snippet_html'])}")
        print(f"   {hit['url']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
