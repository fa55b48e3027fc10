"""Which search backend serves: `open_backend(config)` by the config key SEARCH_BACKEND."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .backend import SearchBackend

NAMES = ("whoosh",)


def open_backend(config: Mapping[str, Any]) -> SearchBackend:
    """The backend named by config["SEARCH_BACKEND"] (default "whoosh") on the index in
    config["INDEX_DIR"]. Raises ValueError for an unknown name or a setting the backend
    cannot use. A backend's engine library is imported only when it is chosen."""
    name = config.get("SEARCH_BACKEND") or "whoosh"
    if name == "whoosh":
        from .whoosh_backend import WhooshBackend

        return WhooshBackend(Path(config["INDEX_DIR"]))
    raise ValueError(f"unknown SEARCH_BACKEND {name!r}; known: {', '.join(NAMES)}")
