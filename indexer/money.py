"""Money as budget officers read it: amounts in yuan, the names of a table's four budget
amounts, and a budget's change against last year. One place for both the pages and the
question answerer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .vocabulary import BUDGET_LABELS

# Record key -> the amount's name as a table prints it, without the unit: total -> 项目总预算.
BUDGET_NAMES: dict[str, str] = {
    key: label.removesuffix("（元）") for label, key in BUDGET_LABELS.items()
}


def format_yuan(amount: int | None) -> str:
    """`5622000` -> `5,622,000 元（562.2 万元）`; amounts under 10,000 yuan stay in 元."""
    if amount is None:
        return "—"
    if abs(amount) < 10_000:
        return f"{amount:,} 元"
    wan = f"{amount / 10_000:,.2f}".rstrip("0").rstrip(".")
    return f"{amount:,} 元（{wan} 万元）"


def budget_change(budget: Mapping[str, int | None]) -> dict[str, Any] | None:
    """This year's total against last year's budget: amount, percent and direction."""
    total, previous = budget.get("total"), budget.get("prev_year_budget")
    if total is None or previous is None:
        return None
    amount = total - previous
    direction = "增加" if amount > 0 else "减少" if amount < 0 else "持平"
    percent = round(abs(amount) / previous * 100, 1) if previous else None
    return {"amount": amount, "percent": percent, "direction": direction}
