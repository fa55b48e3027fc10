"""Comparing parsed records with records typed by hand from a document."""

from __future__ import annotations

import re
from pathlib import Path

from indexer.corpus import parse_file
from indexer.model import ParseResult, Project

DATA = Path(__file__).parent / "data"
_HAN = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_SPACE_BY_HAN = re.compile(rf"\s+(?=[{_HAN}])|(?<=[{_HAN}])\s+")


def loose(value):
    """Spaces next to Chinese characters do not count (a reader of the printed page cannot
    tell a justification space from none); every other character does."""
    if isinstance(value, str):
        return _SPACE_BY_HAN.sub("", value).strip()
    if isinstance(value, list):
        return [loose(v) for v in value]
    if isinstance(value, dict):
        return {k: loose(v) for k, v in value.items()}
    return value


def parse(path: Path) -> ParseResult:
    return parse_file(path, f"corpus/{path.name}")


def record_view(project: Project) -> dict:
    """A parsed record in the shape the expectation files use."""
    data = project.to_dict()
    return {
        "template": data["template"],
        "page": data["source"]["page"],
        "year": data["year"],
        "name": data["name"],
        "department": data["department"],
        "unit": data["unit"],
        "nature": data["nature"],
        "category": data["category"],
        "start_date": data["start_date"],
        "end_date": data["end_date"],
        "budget": data["budget"],
        "budget_lines": data["budget_lines"],
        "sections": data["sections"],
        "indicators": data["indicators"],
    }


def assert_same_record(got: Project, want: dict) -> None:
    view = loose(record_view(got))
    want = loose(want)
    where = f"{want.get('name')} (page {want.get('page')})"
    for key in want:
        if key == "indicators":
            continue
        assert view[key] == want[key], f"{where}: {key}"
    got_rows, want_rows = view["indicators"], want["indicators"]
    for i, (g, w) in enumerate(zip(got_rows, want_rows, strict=False)):
        assert g == w, f"{where}: indicator row {i + 1}"
    assert len(got_rows) == len(want_rows), f"{where}: number of indicator rows"
