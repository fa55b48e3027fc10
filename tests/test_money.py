"""Money as budget officers read it: yuan, 万元, and a budget's change against last year."""

from __future__ import annotations

import pytest

from indexer.money import BUDGET_NAMES, budget_change, format_yuan
from indexer.vocabulary import BUDGET_KEYS


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (None, "—"),
        (0, "0 元"),
        (9_999, "9,999 元"),
        (10_000, "10,000 元（1 万元）"),
        (5_622_000, "5,622,000 元（562.2 万元）"),
        (8_844_385, "8,844,385 元（884.44 万元）"),
        (-250_000, "-250,000 元（-25 万元）"),
    ],
)
def test_format_yuan(amount, text):
    assert format_yuan(amount) == text


def test_budget_change_both_ways_and_without_last_year():
    assert budget_change({"total": 110, "prev_year_budget": 100}) == {
        "amount": 10, "percent": 10.0, "direction": "增加",
    }  # fmt: skip
    assert budget_change({"total": 75, "prev_year_budget": 100})["direction"] == "减少"
    assert budget_change({"total": 100, "prev_year_budget": 100})["direction"] == "持平"
    assert budget_change({"total": 100, "prev_year_budget": 0})["percent"] is None
    assert budget_change({"total": 100, "prev_year_budget": None}) is None


def test_every_budget_amount_has_its_printed_name():
    assert list(BUDGET_NAMES) == list(BUDGET_KEYS)
    assert BUDGET_NAMES["total"] == "项目总预算"
    assert BUDGET_NAMES["prev_year_spent"] == "同名项目上年预算执行数"
