"""`python -m search "查询" [--category …] [--perf-type …]`: print the hits in a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from indexer.documents import FACET_FIELDS
from indexer.layout import IndexMissing, default_index_dir

from .args import BadRequest, search_request
from .backends import open_backend
from .service import SORTS, VIEWS, search
from .snippets import render_plain
from .views import labelled_hit, notice_text, shown_answer, total_text


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
        "--view",
        default="passages",
        choices=list(VIEWS),
        help="passages: one line per match (default); projects: the page counts projects",
    )
    parser.add_argument(
        "--index",
        type=Path,
        default=None,
        metavar="DIR",
        help="index folder (default: $JIXIAO_INDEX_DIR, else instance/index/)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print the search answer as JSON (as /api/search)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    params = {k: v for k, v in vars(args).items() if isinstance(v, str) and k != "query"}
    try:
        answer = search(
            open_backend({"INDEX_DIR": args.index or default_index_dir()}),
            search_request({"q": args.query, **params}),
        )
    except (IndexMissing, BadRequest) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(shown_answer(answer), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{total_text(answer)}（第 {answer['page']}/{max(answer['pages'], 1)} 页）")
    for notice in answer["notices"]:
        print(notice_text(notice))
    first = (answer["page"] - 1) * answer["per_page"] + 1
    if answer["view"] == "projects":
        for n, group in enumerate(answer["groups"], start=first):
            hits = answer["hits"][group["start"] : group["start"] + group["shown"]]
            print(f"\n{n}. {hits[0]['project_name']}（{group['matched']} 处匹配）")
            for hit in hits:
                _print_hit(labelled_hit(hit), "   - ", "     ")
            if group["matched"] > group["shown"]:
                print(f"   还有 {group['matched'] - group['shown']} 处匹配")
        return 0
    for n, hit in enumerate(answer["hits"], start=first):
        hit = labelled_hit(hit)
        _print_hit(hit, f"\n{n}. ", "   ", hit["project_name"])
    return 0


def _print_hit(hit: dict, head: str, indent: str, name: str = "") -> None:
    """A hit as three lines: where it is, its snippet with matches in 【】, its link."""
    where = " · ".join(p for p in (name, hit["indicator"] or hit["section_label"]) if p)
    print(f"{head}[{hit['kind_label']}] {where}")
    print(f"{indent}{render_plain(hit['fragments'], hit['more'])}")
    print(f"{indent}{hit['url']}")


if __name__ == "__main__":
    sys.exit(main())
