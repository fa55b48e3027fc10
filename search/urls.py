"""The one place URLs are made: links to projects and regulations, and small pure helpers
that add, remove or replace one query argument of a URL."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

# Arguments that select a page of results; changing anything else starts again at page 1.
PAGE_ARGS = ("page",)


def url(path: str, args: Mapping[str, Any]) -> str:
    """`path?args`, leaving out empty values, in a stable order."""
    kept = [(k, v) for k, v in args.items() if v not in (None, "")]
    return f"{path}?{urlencode(kept)}" if kept else path


def with_arg(path: str, args: Mapping[str, Any], name: str, value: Any) -> str:
    """The URL with `name` set to `value` (and back to page 1 unless `name` is the page)."""
    changed = {k: v for k, v in args.items() if name in PAGE_ARGS or k not in PAGE_ARGS}
    changed[name] = value
    return url(path, changed)


def without_arg(path: str, args: Mapping[str, Any], name: str) -> str:
    """The URL without `name` (and back to page 1)."""
    return url(path, {k: v for k, v in args.items() if k != name and k not in PAGE_ARGS})


def toggle_arg(path: str, args: Mapping[str, Any], name: str, value: Any) -> str:
    """Select `value` for `name`, or remove it if it is already selected."""
    if str(args.get(name, "")) == str(value):
        return without_arg(path, args, name)
    return with_arg(path, args, name, value)


def section_anchor(section: str) -> str:
    """Where a section sits on its project's page."""
    return f"section-{section}"


def section_url(project_id: str, section: str) -> str:
    return project_url(project_id, section_anchor(section))


def similar_passages_url(project_id: str, section: str) -> str:
    """The page of other projects' wording for a section."""
    return f"/sections/{project_id}/{section}/similar"


def project_url(project_id: str, anchor: str | None = None) -> str:
    """A project's page, or a place on it (`section-basis`, `indicators`)."""
    return f"/projects/{project_id}" + (f"#{anchor}" if anchor else "")


def source_file_url(project_id: str, page: int | None = None) -> str:
    """The original file a project was read from (a PDF opens at the table's page)."""
    return f"/projects/{project_id}/source" + (f"#page={page}" if page else "")


def regulation_url(key: str | None) -> str:
    """A cited document's page in the catalogue."""
    return f"/regulations/{key}"


def similar_indicators_url(name: str) -> str:
    """Indicators across projects named like `name`."""
    return url("/indicators/similar", {"q": name})


def search_url(query: str) -> str:
    return url("/", {"q": query})


# What templates may call to make a link (registered as Jinja globals by the app).
TEMPLATE_BUILDERS = {
    f.__name__: f
    for f in (
        project_url,
        section_url,
        regulation_url,
        similar_passages_url,
        similar_indicators_url,
        search_url,
    )
}
