"""A Whoosh generation's records, and what an update needs of it besides (its extras).

Records are kept one JSON file per source file (`records/<digest of its name>.json`, the
records in the order the file gave them), so that an update writes the files it parsed
and links the others from the live generation; a reader puts them in the order of their
source files. An extra is a named JSON value (`<name>.extra.json`), linked on as it is
unless an update replaces it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from indexer import layout

EXTRA_SUFFIX = ".extra.json"


def file_of(record: Mapping[str, Any]) -> str:
    """The source file a record came from, as records name it."""
    return record["source"]["file"]


def chunk_name(source: str) -> str:
    """The name of the file that holds the records of the source file `source`."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:32] + ".json"


def write(
    generation: Path,
    records: Iterable[dict[str, Any]],
    extras: Mapping[str, Any],
    keep: Path | None = None,
    drop: Iterable[str] = (),
) -> None:
    """Write `records` (grouped by source file) and `extras` into `generation`; with
    `keep`, a generation whose record files and extras are linked in first, but for those
    of the source files `drop` names and the extras `extras` replaces."""
    folder = generation / layout.RECORDS_DIR
    folder.mkdir()
    if keep is not None:
        dropped = {chunk_name(name) for name in drop}
        with os.scandir(keep / layout.RECORDS_DIR) as entries:
            for entry in entries:
                if entry.name.endswith(".json") and entry.name not in dropped:
                    os.link(entry.path, folder / entry.name)
        with os.scandir(keep) as entries:
            for entry in entries:
                name = entry.name.removesuffix(EXTRA_SUFFIX)
                if entry.name.endswith(EXTRA_SUFFIX) and name not in extras:
                    os.link(entry.path, generation / entry.name)
    grouped: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        grouped.setdefault(file_of(record), []).append(record)
    # written plainly (the generation is not live yet) and synced once: a sync per file
    # took 75 s for 20,000 files, a corpus of one table per file
    for source, chunk in grouped.items():
        (folder / chunk_name(source)).write_bytes(layout.dumps(chunk))
    for name, value in extras.items():
        (generation / f"{name}{EXTRA_SUFFIX}").write_bytes(layout.dumps(value))
    os.sync()


def read(
    generation: Path,
    files: Iterable[str] | None = None,
    each: Callable[[dict[str, Any]], Any] = lambda record: record,
) -> list[Any]:
    """The records of `generation` in the order of their source files (of `files` only,
    if given), each turned by `each` as its file is read (the file's JSON then let go
    of). Raises OSError or ValueError for a damaged file."""
    folder = generation / layout.RECORDS_DIR
    if files is None:
        paths = [folder / name for name in os.listdir(folder) if name.endswith(".json")]
    else:
        paths = [p for name in set(files) if (p := folder / chunk_name(name)).exists()]
    chunks = []
    for path in paths:
        if chunk := layout.read_json(path):
            chunks.append((file_of(chunk[0]), [each(record) for record in chunk]))
    chunks.sort(key=lambda chunk: chunk[0])
    return [item for _, items in chunks for item in items]


def read_extra(generation: Path, name: str) -> Any | None:
    """The extra `name` of `generation`, or None if it has none."""
    try:
        return layout.read_json(generation / f"{name}{EXTRA_SUFFIX}")
    except FileNotFoundError:
        return None
