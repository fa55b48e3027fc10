"""Work spread over worker processes, in order, failing instead of hanging.

Parsing a large corpus and cutting a build's documents into tokens are most of a build's
time, and each item is independent: `in_order` hands chunks of items to worker processes
and yields the results in the items' order. The workers are started afresh (spawn: they
inherit nothing of this process, no connection, no thread, no lock), at most a few chunks
per worker wait at a time (memory stays bounded however many items there are), and a
worker that dies raises WorkerDied at once instead of leaving the caller waiting for ever.

A program that calls this must guard its main module (`if __name__ == "__main__":`):
spawned workers import it.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

CHUNKS_WAITING = 4  # per worker: chunks handed out and not yet taken back


class WorkerDied(Exception):
    """A worker process ended before finishing its work (killed, out of memory)."""


def in_order(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    processes: int = 2,
    chunk: int = 64,
) -> Iterator[Result]:
    """`function(item)` for each of `items`, in order, worked out by `processes` worker
    processes. `function` must be a module's own function (it is sent by name). An
    exception it raises is raised here; the items are read here, as the results are
    taken, so an exception of theirs is raised here too, and unsent work is cancelled.
    With `processes` ≤ 1 the work is done here, item by item."""
    if processes <= 1:
        yield from map(function, items)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context) as pool:
        waiting: deque[Future[list[Result]]] = deque()
        try:
            for part in _chunks(items, chunk):
                waiting.append(pool.submit(_each, function, part))
                while len(waiting) >= processes * CHUNKS_WAITING:
                    yield from waiting.popleft().result()
            while waiting:
                yield from waiting.popleft().result()
        except BaseException as exc:
            pool.shutdown(wait=False, cancel_futures=True)
            # the pool may find out when work is handed to it, or when a result is taken
            if isinstance(exc, BrokenProcessPool):
                raise WorkerDied(
                    f"a worker process ended before its work was done ({exc})"
                ) from None
            raise


def _each(function: Callable[[Item], Result], part: list[Item]) -> list[Result]:
    return [function(item) for item in part]


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    part: list[Item] = []
    for item in items:
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part
