"""Target values: operator, number and unit, in the spellings departments use."""

from __future__ import annotations

import pytest

from indexer.targets import QUALITATIVE, parse_target


@pytest.mark.parametrize(
    ("target", "op", "value", "unit"),
    [
        ("=100%", "=", 100, "%"),
        ("=365天", "=", 365, "天"),
        (">=90%", ">=", 90, "%"),
        ("=0%", "=", 0, "%"),
        ("≥90%", ">=", 90, "%"),
        ("≤5%", "<=", 5, "%"),
        ("＝１００％", "=", 100, "%"),
        ("＞８０％", ">", 80, "%"),
        ("＜3天", "<", 3, "天"),
        ("≧95％", ">=", 95, "%"),
        ("≥ 90 %", ">=", 90, "%"),
        ("=100.00(%)", "=", 100, "%"),
        ("≥90.00(%)", ">=", 90, "%"),
        ("≥99.5%", ">=", 99.5, "%"),
        ("985米", "=", 985, "米"),
        ("=1,200人次", "=", 1200, "人次"),
        ("12309", "=", 12309, None),
        ("不低于90%", ">=", 90, "%"),
        ("不超过3个工作日", "<=", 3, "个工作日"),
    ],
)
def test_quantitative(target, op, value, unit):
    parsed = parse_target(target)
    assert (parsed.op, parsed.value, parsed.unit, parsed.kind) == (op, value, unit, "quantitative")
    assert type(parsed.value) is type(value)


@pytest.mark.parametrize(
    "target",
    [
        "健全",
        "有效",
        "提升",
        "较低",
        "各项功能得到充分发挥",
        "有效、可持续利用、有参考价值",
        "有序开展，覆盖全年",
        "2020年12月31日前完成",
        "90%-100%",
        "",
    ],
)
def test_qualitative(target):
    parsed = parse_target(target)
    assert (parsed.op, parsed.value, parsed.unit, parsed.kind) == (None, None, None, "qualitative")


def test_a_run_of_digits_no_table_means_is_not_read_as_a_number():
    # a garbled target (twenty digits, or more than a float holds) is text, not a number
    # that peers would be compared with or that a record could not hold
    assert parse_target("≥123456789012345678901个") == QUALITATIVE
    assert parse_target("=" + "9" * 400 + ".5") == QUALITATIVE
    assert parse_target("≥999999999999999999个").value == 999_999_999_999_999_999
