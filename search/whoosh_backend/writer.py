"""Whoosh's multi-process index writer, made to fail instead of hanging.

Whoosh's MpWriter hands job files to worker processes through a bounded queue and never
checks that they are alive: when a worker dies (disk full, out of memory) the build
blocks for ever in `Queue.put`, or its commit goes on without that worker's documents.
Its workers also outlive a build that is killed, holding hundreds of MB each.

`SafeMpWriter` waits in short steps and checks its workers between them, raising as
soon as one has died; its workers end when the build process does, however it ends.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import queue
import signal
import threading
import time
from multiprocessing import Queue
from typing import Any

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.util import random_name
from whoosh.writing import SegmentWriter

from search.backend import PublishFailed

# How long one wait on a queue lasts before the workers are checked again.
POLL_SECONDS = 0.5
# How long a stopped worker gets to end before it is killed.
STOP_SECONDS = 5.0
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class WorkerFailed(PublishFailed):
    """A writer process died or failed other than with an OSError; the message says how."""


def die_with_parent(parent_pid: int) -> None:
    """End this process when its parent `parent_pid` ends, even by SIGKILL.

    Linux sends us SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG); elsewhere a
    thread polls for the parent. Call it first thing in the child.
    """
    if not _set_parent_death_signal():
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    # The parent may have died before the signal was asked for: then none will come.
    if os.getppid() != parent_pid:
        os._exit(1)


def _set_parent_death_signal() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # no prctl: not Linux
        return False


def _watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(1)
    os._exit(1)


def _signal(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _describe(exc: BaseException) -> tuple[Any, ...]:
    """A failure as plain values, so it crosses the queue whatever the exception holds."""
    if isinstance(exc, OSError) and exc.errno is not None:
        return ("os", exc.errno, exc.strerror, exc.filename)
    return ("other", f"{type(exc).__name__}: {exc}")


class _Worker(SubWriterTask):
    """A Whoosh sub-writer that dies with the build and reports a failure on `errors`.

    Always forked from the build itself (not from a fork server, the default of newer
    Pythons), so that its parent is the build and dies with it.
    """

    if "fork" in multiprocessing.get_all_start_methods():
        _Popen = staticmethod(multiprocessing.get_context("fork").Process._Popen)

    def __init__(self, *args: Any, errors: Queue) -> None:
        super().__init__(*args)
        self.errors = errors
        self.parent_pid = os.getpid()
        # Ended by multiprocessing when the build exits without stopping it.
        self.daemon = True

    def run(self) -> None:
        die_with_parent(self.parent_pid)
        # Ctrl-C reaches the whole process group; the build stops its workers itself.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            super().run()
        except BaseException as exc:
            self.errors.put(_describe(exc))
            self.errors.close()
            self.errors.join_thread()  # the report is in the pipe before we exit
            # No traceback and no clean-up: the build removes the half-written files.
            os._exit(1)


class SafeMpWriter(MpWriter):
    """Whoosh's MpWriter whose waits end when a worker has died.

    Raises OSError (rebuilt from the worker's) or WorkerFailed from `add_document` or
    `commit`; `cancel` stops the workers.
    """

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        if not kwargs.get("multisegment"):
            # without, Whoosh reads its workers' runs itself, which our posting pool
            # (`postings.TermPool`) writes in its own format
            raise ValueError("SafeMpWriter writes a segment per worker: multisegment=True")
        super().__init__(ix, **kwargs)
        self.errors: Queue = Queue()

    def _new_task(self) -> _Worker:
        task = _Worker(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
            errors=self.errors,
        )
        self.tasks.append(task)
        task.start()
        return task

    def _enqueue(self) -> None:
        # Whoosh's own, but for the put.
        filename = f"{random_name()}.doclist"
        with self.temp_storage().create_file(filename).raw_file() as f:
            for item in self.docbuffer:
                pickle.dump(item, f, 2)
        if len(self.tasks) < self.procs:
            self._new_task()
        self._put((filename, len(self.docbuffer)))
        self.docbuffer = []

    def _put(self, item: Any) -> None:
        """Put on the bounded job queue, which stays full for ever once no worker reads it."""
        while True:
            self._check_workers()
            try:
                self.jobqueue.put(item, timeout=POLL_SECONDS)
                return
            except queue.Full:
                pass

    def _check_workers(self) -> None:
        for task in self.tasks:
            if task.exitcode not in (None, 0):
                raise self._failure(task.exitcode)

    def _failure(self, exitcode: int) -> Exception:
        try:
            kind, *details = self.errors.get(timeout=1)
        except queue.Empty:  # killed, so it could not say why
            if exitcode < 0:
                return WorkerFailed(f"an index writer process was killed by {_signal(-exitcode)}")
            return WorkerFailed(f"an index writer process ended with exit code {exitcode}")
        if kind == "os":
            return OSError(*details)
        return WorkerFailed(f"an index writer process failed: {details[0]}")

    def _results(self) -> list[Any]:
        """Each worker's result, waiting while the workers run."""
        results: list[Any] = []
        ended_before = False
        while len(results) < len(self.tasks):
            try:
                results.append(self.resultqueue.get(timeout=POLL_SECONDS))
                continue
            except queue.Empty:
                pass
            self._check_workers()
            if all(task.exitcode is not None for task in self.tasks):
                # A result sent just before its worker ended arrives within one wait.
                if ended_before:
                    raise WorkerFailed("an index writer process ended without its result")
                ended_before = True
        return results

    def _stop_workers(self) -> None:
        for task in self.tasks:
            if task.exitcode is None:
                task.terminate()
        for task in self.tasks:
            task.join(STOP_SECONDS)
            if task.exitcode is None:
                task.kill()
                task.join()
        # Job files no worker will read may wait in the queue's pipe: exit without them.
        self.jobqueue.cancel_join_thread()

    def cancel(self) -> None:
        # Workers first: they write into the folder the caller is about to remove.
        self._stop_workers()
        SegmentWriter.cancel(self)

    def _commit(self, mergetype: Any, optimize: Any, merge: Any) -> None:
        # Whoosh's own, but for the waits on the workers.
        try:
            if self.docbuffer:
                self._enqueue()
            for _ in self.tasks:
                self._put(None)  # the signal to finish
            finalsegments = self._merge_segments(mergetype, optimize, merge)
            results = self._results()
            for task in self.tasks:
                task.join(STOP_SECONDS)
        finally:
            self._stop_workers()  # none left but one stuck on its way out

        if self.multisegment:
            finalsegments += [segment for _, _, segment in results]
            if self._added:
                finalsegments.append(self._finalize_segment())
            else:
                self._close_segment()
        else:
            self._merge_subsegments(results, mergetype)
            self._close_segment()
            self._assemble_segment()
            finalsegments.append(self.get_segment())
        self._commit_toc(finalsegments)
        self._finish()
