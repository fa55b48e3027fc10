"""Plain records the parser produces (SPEC §2) and the diagnostics it reports."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from .vocabulary import BUDGET_KEYS, SECTION_KEYS

Number = int | float


@dataclass(slots=True)
class Indicator:
    """One row of the indicator table, with its target parsed."""

    level1: str | None
    level2: str | None
    name: str
    target: str
    op: str | None
    value: Number | None
    unit: str | None
    kind: Literal["quantitative", "qualitative", "date"]
    weight: Number | None = None  # 分值 / 权重 where the table prints one


@dataclass(slots=True)
class Citation:
    """A cited regulation: a title, a normalized document number, or both."""

    title: str | None
    number: str | None
    issuer: str | None  # the issuer code of the number (机关代字), e.g. 沪财行
    issued_year: int | None
    section: str  # key of the section that cites it


@dataclass(slots=True)
class Source:
    """Where a table starts: the file (relative, with forward slashes) and its title line
    (text files) or its 1-based page (PDFs)."""

    file: str
    line: int | None
    page: int | None = None

    @property
    def where(self) -> str:
        """`corpus/a.txt:12` or `corpus/b.pdf, page 28`."""
        if self.page is not None:
            return f"{self.file}, page {self.page}"
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(slots=True)
class BudgetLine:
    """One amount as the table prints it, and in integer yuan."""

    label: str
    printed: str
    unit: str  # 元 or 万元
    yuan: int | None


def empty_sections() -> dict[str, str]:
    """The sections of the municipal template; other templates hold the keys they print."""
    return {key: "" for key in SECTION_KEYS}


def empty_budget() -> dict[str, int | None]:
    return {key: None for key in BUDGET_KEYS}


@dataclass(slots=True)
class Project:
    """One performance-goal table of any template. `to_dict()` gives the SPEC §2/§2a record."""

    id: str
    source: Source
    year: int | None
    unit: str
    name: str
    category: str | None
    perf_type: str | None
    start_date: str | None
    end_date: str | None
    gov_purchase: bool | None
    sections: dict[str, str] = field(default_factory=empty_sections)
    budget: dict[str, int | None] = field(default_factory=empty_budget)
    indicators: list[Indicator] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    template: str = "sh-municipal-2020"
    department: str | None = None  # 主管部门 as printed
    nature: str | None = None  # 项目性质 / 项目属性
    budget_lines: list[BudgetLine] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any], strings: dict[str, str] | None = None) -> Project:
        """The project of a record. With `strings`, a text already in it is used instead of
        an equal one (see `project_maker`), and every new text is added to it."""
        texts = {} if strings is None else strings

        def shared(values: dict[str, Any]) -> dict[str, Any]:
            return {
                texts.setdefault(key, key): texts.setdefault(value, value)
                if type(value) is str
                else value
                for key, value in values.items()
            }

        fields = shared(data)
        fields["source"] = Source(**shared(data["source"]))
        fields["indicators"] = [Indicator(**shared(row)) for row in data["indicators"]]
        fields["sections"] = shared(data["sections"])
        fields["budget"] = shared(data["budget"])
        fields["citations"] = [Citation(**shared(c)) for c in data.get("citations", [])]
        fields["budget_lines"] = [BudgetLine(**shared(b)) for b in data.get("budget_lines", [])]
        return cls(**fields)


def projects_of(records: Iterable[dict[str, Any]]) -> list[Project]:
    """The projects of many records, equal texts held once (see `project_maker`)."""
    return list(map(project_maker(), records))


def project_maker() -> Callable[[dict[str, Any]], Project]:
    """`Project.from_dict` for many records, each text that an earlier record held taken
    from it: the same levels, units, indicator names, targets and issuers recur in
    thousands of tables, and a record read from JSON holds its own copies (at 100,000
    projects about 1.3 GB of them)."""
    strings: dict[str, str] = {}
    return lambda record: Project.from_dict(record, strings)


def project_id(unit: str, year: int | None, name: str) -> str:
    """A stable, URL-safe id from what identifies a project: unit, year and name.

    It does not depend on the file name or the table's position, so it survives
    renaming and reordering files; the corpus loader suffixes true duplicates.
    """
    digest = hashlib.sha1(f"{unit}\x1f{year}\x1f{name}".encode()).hexdigest()[:12]
    return f"{year if year is not None else 'x'}-{digest}"


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in a source file, located by file and line (line 0: the whole file)
    or, in a PDF, by page."""

    file: str
    line: int
    level: Literal["error", "warning"]
    message: str
    page: int | None = None

    def __str__(self) -> str:
        if self.page is not None:
            where = f"{self.file}, page {self.page}"
        else:
            where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.level}: {self.message}"


@dataclass
class ParseResult:
    """What parsing a file or a corpus gives: the projects and every problem met."""

    projects: list[Project] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level == "warning"]

    def extend(self, other: ParseResult) -> None:
        self.projects.extend(other.projects)
        self.diagnostics.extend(other.diagnostics)
