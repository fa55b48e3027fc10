"""Reading a request's arguments: whole numbers within bounds, and a search request.

A malformed argument raises BadRequest, whose message says which and why; the app turns
it into a 400 (a JSON error under /api/).
"""

from __future__ import annotations

from collections.abc import Mapping

from indexer.documents import FACET_FIELDS

from .service import DEFAULT_PER_PAGE, SORTS, VIEWS, SearchRequest

MAX_PER_PAGE = 100
MAX_PAGE = 10_000


class BadRequest(ValueError):
    """A request argument is malformed; the message says which and why."""


def integer_arg(name: str, text: str, low: int, high: int) -> int:
    """A whole number from a request argument, within [low, high], or a BadRequest."""
    try:
        value = int(text)
    except ValueError:
        raise BadRequest(f"参数 {name} 必须是整数，而不是“{text[:20]}”") from None
    if not low <= value <= high:
        raise BadRequest(f"参数 {name} 必须在 {low} 到 {high} 之间，而不是 {value}")
    return value


def search_request(args: Mapping[str, str]) -> SearchRequest:
    """The search that request arguments ask for (`q`, a filter per facet, `page`,
    `per_page`, `sort`)."""
    filters: dict[str, str | int] = {}
    for name in FACET_FIELDS:
        value = (args.get(name) or "").strip()
        if value:
            filters[name] = integer_arg(name, value, 0, 9999) if name == "year" else value
    sort = args.get("sort") or "relevance"
    if sort not in SORTS:
        raise BadRequest(f"参数 sort 只能是 {'、'.join(SORTS)} 之一，而不是“{sort[:20]}”")
    view = args.get("view") or None
    if view is not None and view not in VIEWS:
        raise BadRequest(f"参数 view 只能是 {'、'.join(VIEWS)} 之一，而不是“{view[:20]}”")
    return SearchRequest(
        q=args.get("q") or "",
        filters=filters,
        page=integer_arg("page", args.get("page") or "1", 1, MAX_PAGE),
        per_page=integer_arg(
            "per_page", args.get("per_page") or str(DEFAULT_PER_PAGE), 1, MAX_PER_PAGE
        ),
        sort=sort,
        view=view,
    )
