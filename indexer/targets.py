"""Parse an indicator's target value (指标目标值) into operator, number and unit."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from .vocabulary import OPERATORS, WORD_OPERATORS

# Longest spellings first, so ">=" wins over ">" and "不低于" over "低于".
_OP_RE = "|".join(
    re.escape(op) for op in sorted({**OPERATORS, **WORD_OPERATORS}, key=len, reverse=True)
)
_QUANTITATIVE = re.compile(
    rf"^(?P<op>{_OP_RE})?\s*(?P<number>[+-]?\d+(?:,\d{{3}})*(?:\.\d+)?)\s*(?P<unit>.*)$"
)
# A unit is short and has no digits: %, ‰, 天, 个, 万元, 个工作日 …
_UNIT = re.compile(r"^[^\d\s]{1,8}$")
_BRACKETED = re.compile(r"^[(\[](.+)[)\]]$")


@dataclass(frozen=True)
class Target:
    op: str | None
    value: int | float | None
    unit: str | None
    kind: Literal["quantitative", "qualitative"]


QUALITATIVE = Target(None, None, None, "qualitative")


def parse_number(text: str) -> int | float:
    """`1,234` -> 1234, `95.50` -> 95.5, `100.00` -> 100 (integral values become int)."""
    number = Decimal(text.replace(",", ""))
    if number == number.to_integral_value():
        return int(number)
    return float(number)


def parse_target(target: str) -> Target:
    """Parse a target as written (`=100%`, `≥９０％`, `=365天`, `健全`).

    Full-width forms are folded (NFKC), operators normalized to ASCII (`=`, `>=`, `<=`,
    `>`, `<`); a number without an operator means `=`. A bracketed unit (`(%)`) loses its
    brackets. Anything that is not an optional operator, a number and a short unit is
    qualitative.
    """
    text = unicodedata.normalize("NFKC", target).strip()
    match = _QUANTITATIVE.match(text)
    if not match:
        return QUALITATIVE
    unit = match["unit"].strip()
    bracketed = _BRACKETED.match(unit)
    if bracketed:
        unit = bracketed[1].strip()
    if unit and not _UNIT.match(unit):
        return QUALITATIVE
    op_text = match["op"]
    op = "=" if op_text is None else OPERATORS.get(op_text) or WORD_OPERATORS[op_text]
    return Target(op, parse_number(match["number"]), unit or None, "quantitative")
