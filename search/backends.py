"""Which search backend serves: `open_backend(config)` by the config key SEARCH_BACKEND."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .backend import SearchBackend

NAMES = ("whoosh", "postgres")


def open_backend(config: Mapping[str, Any]) -> SearchBackend:
    """The backend named by config["SEARCH_BACKEND"] (default "whoosh"): Whoosh on the
    index in config["INDEX_DIR"], or PostgreSQL at config["DATABASE_URL"] (default: env
    JIXIAO_DATABASE_URL; searches may go to DATABASE_READ_URL, a read replica, unless
    FOR_WRITING: a build's backend).
    Raises ValueError for an unknown name or a setting the backend
    cannot use. A backend's engine library is imported only when it is chosen."""
    name = config.get("SEARCH_BACKEND") or "whoosh"
    if name == "whoosh":
        from .whoosh_backend import WhooshBackend

        return WhooshBackend(Path(config["INDEX_DIR"]))
    if name == "postgres":
        from .postgres_backend.backend import READ_URL_VARIABLE, URL_VARIABLE, PostgresBackend

        url = config.get("DATABASE_URL") or os.environ.get(URL_VARIABLE, "")
        replica = config.get("DATABASE_READ_URL") or os.environ.get(READ_URL_VARIABLE) or None
        # a build reads what it changes where it writes it, never from a replica
        return PostgresBackend(url, None if config.get("FOR_WRITING") else replica)
    raise ValueError(f"unknown SEARCH_BACKEND {name!r}; known: {', '.join(NAMES)}")
