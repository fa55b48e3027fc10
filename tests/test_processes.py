"""Work spread over worker processes (`indexer.processes`): results in order, a worker's
exception raised here, and a worker that dies a clear failure rather than a hang."""

from __future__ import annotations

import os

import pytest

from indexer.processes import WorkerDied, in_order


def square(n: int) -> int:
    return n * n


def fail_at_seven(n: int) -> int:
    if n == 7:
        raise ValueError("seven")
    return n


def die_at_seven(n: int) -> int:
    if n == 7:
        os._exit(3)  # as a worker killed by the system would end
    return n


def test_results_come_in_the_order_of_the_items():
    assert list(in_order(square, range(1000), chunk=16)) == [n * n for n in range(1000)]


def test_an_exception_of_a_worker_is_raised_here():
    with pytest.raises(ValueError, match="seven"):
        list(in_order(fail_at_seven, range(20), chunk=2))


def test_an_exception_of_the_items_is_raised_here():
    def items():
        yield from range(5)
        raise LookupError("no more")

    with pytest.raises(LookupError, match="no more"):
        list(in_order(square, items(), chunk=2))


def test_a_worker_that_dies_is_a_failure_not_a_hang():
    with pytest.raises(WorkerDied, match="ended before its work was done"):
        list(in_order(die_at_seven, range(20), chunk=2))
