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
# One trailing word of comparison after the unit: 95%以上, 3个工作日以内.
TRAILING_WORDS = {"以上": ">=", "及以上": ">=", "以下": "<=", "及以下": "<=", "以内": "<="}
_TRAILING = re.compile("(?:" + "|".join(sorted(TRAILING_WORDS, key=len, reverse=True)) + ")$")
# A number followed by a calendar word and more (12月底到位) is a phrase, not a quantity.
_CALENDAR_WORDS = re.compile(r"^[年月日].")
# Units written as words.
UNIT_WORDS = {"百分比": "%", "百分点": "%"}
# A date, optionally a deadline (前 / 之前 / 底 / 底前): 2023年12月31日, 2021年7月, 2023-10-31.
_YEAR = r"(?:19|20)\d{2}"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_DATE = re.compile(
    rf"^(?:{_YEAR}\s*年\s*)?{_MONTH}\s*月(?:\s*{_DAY}\s*日)?(?:底|末|上旬|中旬|下旬)?(?:之?前)?$"
    rf"|^{_YEAR}\s*年\s*(?:底|末)(?:之?前)?$"
    rf"|^{_YEAR}[-/.]{_MONTH}(?:[-/.]{_DAY})?(?:之?前)?$"
)


@dataclass(frozen=True)
class Target:
    op: str | None
    value: int | float | None
    unit: str | None
    kind: Literal["quantitative", "qualitative", "date"]


QUALITATIVE = Target(None, None, None, "qualitative")
DATE = Target(None, None, None, "date")


# A target or weight of this size or more is not one a table means (a garbled run of
# digits): it is not read as a number (nor compared with its peers' as a float)
MAX_NUMBER = 10**18


def parse_number(text: str) -> int | float:
    """`1,234` -> 1234, `95.50` -> 95.5, `100.00` -> 100 (integral values become int).
    ValueError (or InvalidOperation) for what is not a number below MAX_NUMBER."""
    number = Decimal(text.replace(",", ""))
    if not abs(number) < MAX_NUMBER:
        raise ValueError(f"not a number a table means: {text[:40]}")
    if number == number.to_integral_value():
        return int(number)
    return float(number)


def parse_target(target: str) -> Target:
    """Parse a target as written (`=100%`, `≥９０％`, `=365天`, `95%以上`, `2023年12月`, `健全`).

    Full-width forms are folded (NFKC), operators normalized to ASCII (`=`, `>=`, `<=`,
    `>`, `<`); a number without an operator means `=`. A bracketed unit (`(%)`) loses its
    brackets; 百分比 is %. One trailing 以上/以下/以内 is the operator. A date (a deadline
    such as `2023年12月底前`) is kind "date". Anything else that is not an optional operator,
    a number and a short unit is qualitative.
    """
    text = unicodedata.normalize("NFKC", target).strip().replace("═", "=")
    if _DATE.match(text):
        return DATE
    match = _QUANTITATIVE.match(text)
    if not match:
        return QUALITATIVE
    unit = match["unit"].strip()
    op_text = match["op"]
    op = "=" if op_text is None else OPERATORS.get(op_text) or WORD_OPERATORS[op_text]
    trailing = _TRAILING.search(unit)
    if trailing and op_text is None:
        op = TRAILING_WORDS[trailing[0]]
        unit = unit[: trailing.start()].strip()
    bracketed = _BRACKETED.match(unit)
    if bracketed:
        unit = bracketed[1].strip()
    unit = UNIT_WORDS.get(unit, unit)
    if (unit and not _UNIT.match(unit)) or _CALENDAR_WORDS.match(unit):
        return QUALITATIVE
    try:
        value = parse_number(match["number"])
    except ValueError:
        return QUALITATIVE
    return Target(op, value, unit or None, "quantitative")


_PERCENT_SUFFIX = re.compile(r"[(（]\s*[%％]\s*[)）]$")


def normalize_name(name: str) -> str:
    """An indicator's name as rows of one indicator share it across tables:
    `设施设备验收合格率（%）` -> `设施设备验收合格率`; width folded, spaces removed."""
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))
    return _PERCENT_SUFFIX.sub("", folded)
