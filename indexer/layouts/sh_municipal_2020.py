"""Parse the text of performance-goal tables (SPEC §1) into Project records.

A file holds one or more tables. Each table is a header of `label：value` fields (values
hard-wrapped at a fixed width, page-number lines in between, labels sometimes displaced
into the middle of a long value) followed by the indicator table. Problems are reported
as diagnostics with file and line; a table that cannot be parsed never hides the others.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from ..enrich import enrich
from ..formats.document import Document
from ..model import BudgetLine, Diagnostic, Indicator, ParseResult, Project, Source
from ..targets import parse_target
from ..textio import (
    MAX_SECTION_CHARS,
    MAX_TABLE_CHARS,
    MAX_VALUE_CHARS,
    Line,
    clean_lines,
)
from ..vocabulary import (
    ALL_LABELS,
    BUDGET_HEADING,
    BUDGET_LABELS,
    INDICATOR_HEADER,
    LEVEL1_NAMES,
    LEVEL2_NAMES,
    LEVEL_NAMES,
    OPERATORS,
    SECTION_LABELS,
    TABLE_TITLE,
    YES_NO,
)
from .base import register
from .fields import amount_text, to_yuan

NAME = "sh-municipal-2020"
PAGE_NUMBER = re.compile(r"^[-－—–]\s*\d{1,4}\s*[-－—–]$")
_YEAR = r"[（(]\s*(?P<year>\d{4})\s*年度?\s*[)）]"
YEAR_LINE = re.compile(rf"^{_YEAR}$")
# The year usually has a line of its own; some extractions put it on the title line.
TITLE_LINE = re.compile(rf"^{TABLE_TITLE}\s*(?:{_YEAR})?$")
INDICATOR_START = re.compile(r"^(\d{4})\s*年\s*绩效目标$")


def _label_pattern(label: str) -> str:
    # Amount labels are also written with half-width brackets: 项目总预算(元).
    return re.escape(label).replace("（", "[（(]").replace("）", "[）)]")


# A label starts a line or follows white space (two labels may share a line).
LABEL = re.compile(
    r"(?:^|(?<=\s))(?P<label>"
    + "|".join(_label_pattern(lb) for lb in sorted(ALL_LABELS, key=len, reverse=True))
    + r")\s*[：:]"
)
_HALF_TO_FULL_BRACKETS = str.maketrans("()", "（）")
# The column header row: `一级目标 二级目标 …` (municipal) or `一级指标 二级指标 …` (national).
INDICATOR_HEADER_START = {INDICATOR_HEADER[0], "一级指标"}


class TableError(Exception):
    """A table that cannot become a record; carries the line to blame."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class _Piece:
    line: int
    text: str
    on_label_line: bool


@dataclass
class _Field:
    label: str
    line: int
    alone: bool  # nothing else on the label's line
    pieces: list[_Piece] = field(default_factory=list)

    @property
    def value(self) -> str:
        return "".join(piece.text for piece in self.pieces)


class _Reporter:
    """Collects diagnostics for one file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.diagnostics: list[Diagnostic] = []

    def warn(self, line: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.file, line, "warning", message))

    def error(self, line: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.file, line, "error", message))


def is_blank(text: str) -> bool:
    """True for lines that carry nothing: empty, white space, or a page number `- 1 -`."""
    stripped = text.strip()
    return not stripped or bool(PAGE_NUMBER.match(stripped))


def is_title(text: str) -> bool:
    return bool(TITLE_LINE.match(text.strip()))


# --------------------------------------------------------------------------- files


def parse_text(text: str, file: str) -> ParseResult:
    """Parse the text of one source file. `file` names it in records and diagnostics."""
    lines, cut = clean_lines(text)
    reporter = _Reporter(file)
    for warning in cut:
        reporter.warn(warning.line, warning.message)
    return parse_lines(lines, reporter)


def parse_lines(lines: list[Line], reporter: _Reporter) -> ParseResult:
    """Parse a file's cleaned lines; problems go to `reporter`."""
    file = reporter.file
    starts = [i for i, line in enumerate(lines) if is_title(line.text)]
    result = ParseResult()
    if not starts:
        content = next((line.number for line in lines if not is_blank(line.text)), 0)
        reporter.warn(content, f"no table found (no line '{TABLE_TITLE}'); file skipped")
        result.diagnostics = reporter.diagnostics
        return result
    _report_skipped(lines[: starts[0]], "before the first table", reporter)
    for start, end in pairwise([*starts, len(lines)]):
        table = _cap_table(lines[start:end], reporter)
        try:
            project = parse_table(table, file, reporter)
        except TableError as exc:
            reporter.error(exc.line, f"table skipped: {exc}")
            continue
        result.projects.append(project)
    result.diagnostics = reporter.diagnostics
    return result


def _report_skipped(lines: list[Line], where: str, reporter: _Reporter) -> None:
    content = [line for line in lines if not is_blank(line.text)]
    if content:
        first, last = content[0].number, content[-1].number
        reporter.warn(first, f"{_lines(first, last)} {where} skipped: '{_clip(content[0].text)}'")


def _cap_table(lines: list[Line], reporter: _Reporter) -> list[Line]:
    """A table's lines up to MAX_TABLE_CHARS characters; the rest is reported."""
    total = 0
    for i, line in enumerate(lines):
        total += len(line.text)
        if total > MAX_TABLE_CHARS:
            first = line.number
            last = next(x.number for x in reversed(lines) if not is_blank(x.text))
            reporter.warn(
                first,
                f"table at line {lines[0].number} is longer than {MAX_TABLE_CHARS:,} "
                f"characters: {_lines(first, last)} skipped",
            )
            return lines[:i]
    return lines


def _lines(first: int, last: int) -> str:
    """`line 7` or `lines 7-9`."""
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _clip(text: str, width: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------- tables


def parse_table(lines: list[Line], file: str, reporter: _Reporter) -> Project:
    """Parse one table (its title line first). Raises TableError if it has no name."""
    title_line = lines[0].number
    last_line = next(line.number for line in reversed(lines) if not is_blank(line.text))
    body = lines[1:]
    year_on_title = TITLE_LINE.match(lines[0].text.strip())["year"]
    if year_on_title:
        year = int(year_on_title)
    else:
        year, body = _take_year_line(body, title_line, reporter)

    split = next(
        (i for i, line in enumerate(body) if INDICATOR_START.match(line.text.strip())), None
    )
    header_lines = body if split is None else body[:split]
    fields = _read_fields(header_lines, reporter)
    _restore_displaced_labels(fields)
    values = _first_of_each_label(fields, reporter)
    for found in values.values():
        _cap_field(found, reporter)

    name_field = values.get("项目名称")
    if name_field is None or not name_field.value:
        raise TableError(title_line, "no 项目名称 (project name) found")
    for label in ALL_LABELS:
        if label not in values:
            reporter.warn(title_line, f"table '{name_field.value}' has no field {label}")

    if split is None:
        reporter.warn(
            last_line,
            f"table '{name_field.value}' has no indicator table (no line '年绩效目标'); "
            "table cut off?",
        )
        indicators: list[Indicator] = []
    else:
        start = body[split]
        table_year = int(INDICATOR_START.match(start.text.strip())[1])
        if year is None:
            year = table_year
        elif table_year != year:
            reporter.warn(start.number, f"indicator table year {table_year} ≠ table year {year}")
        indicators = parse_indicators(body[split + 1 :], reporter, end_line=last_line)

    def text(label: str) -> str:
        found = values.get(label)
        return found.value if found else ""

    budget = {key: _amount(values.get(label), reporter) for label, key in BUDGET_LABELS.items()}
    project = Project(
        id="",
        source=Source(file, title_line),
        year=year,
        unit=text("申报单位名称"),
        name=name_field.value,
        category=text("项目类别"),
        perf_type=text("绩效类型"),
        start_date=_date(values.get("计划开始日期"), reporter),
        end_date=_date(values.get("计划完成日期"), reporter),
        gov_purchase=_yes_no(values.get("是否含有政府购买服务"), reporter),
        sections={key: text(label) for label, key in SECTION_LABELS.items()},
        budget=budget,
        indicators=indicators,
        template=NAME,
        budget_lines=[
            BudgetLine(label.removesuffix("（元）"), values[label].value, "元", budget[key])
            for label, key in BUDGET_LABELS.items()
            if label in values and budget[key] is not None
        ],
    )
    enrich(project)
    return project


def _take_year_line(
    body: list[Line], title_line: int, reporter: _Reporter
) -> tuple[int | None, list[Line]]:
    """Read `（2020年度）`, the first non-blank line after the title."""
    for i, line in enumerate(body):
        if is_blank(line.text):
            continue
        match = YEAR_LINE.match(line.text.strip())
        if match:
            return int(match["year"]), body[i + 1 :]
        break
    reporter.warn(title_line, "no year line such as （2020年度） after the title")
    return None, body


# --------------------------------------------------------------------------- header


def _read_fields(lines: list[Line], reporter: _Reporter) -> list[_Field]:
    """Split header lines into fields at each label; a value's lines follow its label."""
    fields: list[_Field] = []
    current: _Field | None = None

    def add(line: Line, text: str, on_label_line: bool) -> None:
        if current is None:
            reporter.warn(line.number, f"text outside any field skipped: '{_clip(text)}'")
        else:
            current.pieces.append(_Piece(line.number, text, on_label_line))

    for line in lines:
        stripped = line.text.strip()
        if is_blank(stripped):
            continue
        if stripped.startswith(BUDGET_HEADING):
            # A heading, not a value: it ends the last section (labels may follow it).
            current = None
            line = Line(line.number, stripped[len(BUDGET_HEADING) :])
            if not line.text.strip():
                continue
        matches = list(LABEL.finditer(line.text))
        if not matches:
            add(line, stripped, on_label_line=False)
            continue
        before = line.text[: matches[0].start()].strip()
        if before:
            add(line, before, on_label_line=True)
        for match, following in pairwise([*matches, None]):
            end = following.start() if following else len(line.text)
            value = line.text[match.end() : end].strip()
            label = match["label"].translate(_HALF_TO_FULL_BRACKETS)
            alone = len(matches) == 1 and not before and not value
            current = _Field(label, line.number, alone)
            fields.append(current)
            if value:
                current.pieces.append(_Piece(line.number, value, on_label_line=True))
    return fields


def _restore_displaced_labels(fields: list[_Field]) -> None:
    """Give back to a section the lines that precede its displaced label.

    The PDF centres a label beside its value, so a long value can push its label into
    the middle of its own text (信息化新建项目: `项目设立的必要性：` stands inside the
    sentence "…更加深入 / 的智慧检务应用…"). The text is hard-wrapped at a fixed width,
    so every line of a cell but its last is full. If the previous section ends in a
    full line, its cell did not end there: the cell ended at its last short line, and
    the full lines after it are the start of the displaced section's value.
    """
    width = max(
        (
            len(piece.text)
            for f in fields
            if f.label in SECTION_LABELS
            for piece in f.pieces
            if not piece.on_label_line
        ),
        default=0,
    )
    if not width:
        return
    for previous, current in pairwise(fields):
        if not (
            previous.label in SECTION_LABELS
            and current.label in SECTION_LABELS
            and current.alone
            and len(previous.pieces) > 1
            and len(previous.pieces[-1].text) >= width
        ):
            continue
        short = [i for i, p in enumerate(previous.pieces[:-1]) if len(p.text) < width]
        if short:
            cut = short[-1] + 1
            current.pieces[:0] = previous.pieces[cut:]
            del previous.pieces[cut:]


def _first_of_each_label(fields: list[_Field], reporter: _Reporter) -> dict[str, _Field]:
    values: dict[str, _Field] = {}
    for f in fields:
        if f.label in values:
            reporter.warn(
                f.line,
                f"field {f.label} appears again (first at line {values[f.label].line}); "
                f"this one is ignored: '{_clip(f.value)}'",
            )
            continue
        values[f.label] = f
    return values


def _cap_field(found: _Field, reporter: _Reporter) -> None:
    """Cut a value longer than its cap (MAX_SECTION_CHARS, else MAX_VALUE_CHARS) where
    the cap is reached, reporting that line and the lines skipped after it."""
    cap = MAX_SECTION_CHARS if found.label in SECTION_LABELS else MAX_VALUE_CHARS
    total = 0
    for i, piece in enumerate(found.pieces):
        total += len(piece.text)
        if total <= cap:
            continue
        keep = len(piece.text) - (total - cap)
        skipped = found.pieces[i + 1 :] if keep else found.pieces[i:]
        message = f"{found.label} is longer than {cap:,} characters"
        if keep:
            message += f": cut after its first {cap:,} on this line"
            found.pieces[i] = _Piece(piece.line, piece.text[:keep], piece.on_label_line)
        if skipped:
            first, last = skipped[0].line, skipped[-1].line
            message += f"{'; ' if keep else ': '}{_lines(first, last)} skipped"
        del found.pieces[i + 1 if keep else i :]
        reporter.warn(piece.line, message)
        return


def _cap_value(text: str, what: str, line: int, reporter: _Reporter) -> str:
    """`text` cut to MAX_VALUE_CHARS, with a warning if it was longer."""
    if len(text) <= MAX_VALUE_CHARS:
        return text
    reporter.warn(
        line,
        f"{what} of {len(text):,} characters cut to its first {MAX_VALUE_CHARS:,}: '{_clip(text)}'",
    )
    return text[:MAX_VALUE_CHARS]


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def _date(found: _Field | None, reporter: _Reporter) -> str | None:
    """`2020-01-01`, `2020/1/1`, `2020年1月1日` -> `2020-01-01`."""
    if found is None or not found.value:
        return None
    match = _DATE.match(found.value)
    try:
        if not match:
            raise ValueError
        return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        reporter.warn(found.line, f"{found.label}: not a date: '{_clip(found.value)}'")
        return None


def _yes_no(found: _Field | None, reporter: _Reporter) -> bool | None:
    if found is None or not found.value:
        return None
    if found.value in YES_NO:
        return YES_NO[found.value]
    reporter.warn(found.line, f"{found.label}: expected 是 or 否, got '{_clip(found.value)}'")
    return None


def _amount(found: _Field | None, reporter: _Reporter) -> int | None:
    """`8,844,385` -> 8844385 (yuan). Fen are rounded off with a warning."""
    if found is None or not found.value:
        return None
    text = found.value.replace(",", "").replace("，", "").replace(" ", "")
    yuan = to_yuan(text, "元") if amount_text(text) is not None else None
    if yuan is None:  # 8844385E100: digits with letters are no amount, however Decimal reads them
        reporter.warn(found.line, f"{found.label}: not an amount: '{_clip(found.value)}'")
        return None
    amount = Decimal(text)
    if yuan != amount:
        reporter.warn(found.line, f"{found.label}: {found.value} rounded to {yuan} yuan")
    return int(yuan)


# --------------------------------------------------------------------------- indicators


def _merge_split_targets(tokens: list[str]) -> list[str]:
    """Re-join targets that white space split (`≥ 90%`, `90 %`), keeping the space."""
    merged: list[str] = []
    for token in tokens:
        after_operator = bool(merged) and merged[-1] in OPERATORS
        unit_after_number = bool(merged) and token in {"%", "％", "‰"} and merged[-1][-1:].isdigit()
        if after_operator or unit_after_number:
            merged[-1] += " " + token
        else:
            merged.append(token)
    return merged


def _takes_level(tokens: list[str], i: int) -> bool:
    """Whether tokens[i], a level name, is a level here and not an indicator's name.

    A row ends in `name target`; a level name followed by exactly one other token is
    that row's name (unless the other token is a level name too: `影响力目标 长效管理`).
    """
    after = len(tokens) - i - 1
    return after != 1 or tokens[i + 1] in LEVEL_NAMES


def parse_indicators(lines: list[Line], reporter: _Reporter, end_line: int) -> list[Indicator]:
    """Parse the rows after `2020年绩效目标`: levels where they change, then `name target`."""
    indicators: list[Indicator] = []
    level1: str | None = None
    level2: str | None = None
    heading_without_rows: Line | None = None
    for line in lines:
        if is_blank(line.text):
            continue
        tokens = _merge_split_targets(line.text.split())
        if tokens[0] in INDICATOR_HEADER_START:
            continue
        i = 0
        if tokens[0] in LEVEL1_NAMES and _takes_level(tokens, 0):
            level1, level2, i = tokens[0], None, 1
        if i < len(tokens) and tokens[i] in LEVEL2_NAMES and _takes_level(tokens, i):
            level2, i = tokens[i], i + 1
        row = tokens[i:]
        if not row:
            heading_without_rows = line
            continue
        heading_without_rows = None
        if len(row) != 2:
            shape = "a name without a target value" if len(row) == 1 else f"{len(row)} columns"
            reporter.warn(
                line.number,
                f"indicator line skipped, it fits no rule ({shape}; expected "
                f"'[一级] [二级] 三级目标 指标目标值'): '{_clip(line.text)}'",
            )
            continue
        name = _cap_value(row[0], "indicator name", line.number, reporter)
        target = _cap_value(row[1], "indicator target", line.number, reporter)
        if level1 is None:
            reporter.warn(line.number, f"indicator '{_clip(name)}' comes before any 一级目标")
        parsed = parse_target(target)
        indicators.append(
            Indicator(
                level1, level2, name, target, parsed.op, parsed.value, parsed.unit, parsed.kind
            )
        )
    if heading_without_rows is not None:
        reporter.warn(
            heading_without_rows.number,
            f"table ends after '{_clip(heading_without_rows.text)}' with no indicator rows "
            "under it; table cut off?",
        )
    elif not indicators:
        reporter.warn(end_line, "indicator table has no rows")
    return indicators


# --------------------------------------------------------------------------- layout


def budget_lines(budget: dict[str, int | None]) -> list[BudgetLine]:
    """The amounts of a municipal table as its budget lines, printed as the template prints them."""
    return [
        BudgetLine(label.removesuffix("（元）"), f"{budget[key]:,}", "元", budget[key])
        for label, key in BUDGET_LABELS.items()
        if budget.get(key) is not None
    ]


def sniff(document: Document) -> float:
    """Text with the title line and a `2020年绩效目标` line: this family. Any other text
    file falls to this layout weakly, so that it says what it did not find."""
    if document.kind != "text":
        return 0.0
    titled = any(is_title(line.text) for line in document.lines)
    if titled and any(INDICATOR_START.match(line.text.strip()) for line in document.lines):
        return 0.9
    return 0.6 if titled else 0.05


def parse(document: Document) -> ParseResult:
    return parse_lines(document.lines, _Reporter(document.file))


register(NAME, sniff, parse)
