"""Targets of every family (tests/target_cases.py, typed by a helper from FAMILIES.md's
value styles, not from the parser): operator, number, unit and kind."""

from __future__ import annotations

import pytest
from target_cases import CASES

from indexer.targets import parse_target


@pytest.mark.parametrize(("target", "op", "value", "unit", "kind"), CASES)
def test_target(target, op, value, unit, kind):
    parsed = parse_target(target)
    assert (parsed.op, parsed.value, parsed.unit, parsed.kind) == (op, value, unit, kind)
    assert type(parsed.value) is type(value)
