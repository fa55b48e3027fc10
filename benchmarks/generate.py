"""Generate a large corpus of performance-goal tables from the bundled sample.

N projects over ~50 units and 5 years: names, sections and indicators are drawn from the
sample and varied (new combinations, changed numbers and years, document numbers from
many issuers in many bracket styles), so vocabulary and repetition look like real tables.
Deterministic for a seed. Files are written with the parser's own renderer, one file per
unit and year, so the output parses back to exactly the generated records.

    python -m benchmarks.generate --projects 1000 --out /tmp/corpus-1k [--district 0.1]
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from pathlib import Path

from indexer.citations import extract_citations
from indexer.corpus import load_corpus
from indexer.layouts import sh_district_2026 as district_layout
from indexer.layouts.sh_municipal_2020 import budget_lines
from indexer.model import Indicator, Project, Source, project_id
from indexer.render import render
from indexer.targets import parse_target
from indexer.vocabulary import SECTION_KEYS

from .district import TITLE_LINE, as_district
from .district import render as render_district

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = ROOT / "corpus"

DEPARTMENTS = [
    "人民检察院", "财政局", "教育委员会", "卫生健康委员会", "公安局", "民政局", "交通委员会",
    "生态环境局", "文化和旅游局", "体育局", "司法局", "审计局", "统计局", "商务委员会",
    "科学技术委员会", "住房和城乡建设管理委员会", "规划和自然资源局", "水务局", "农业农村委员会",
    "市场监督管理局", "应急管理局", "医疗保障局", "退役军人事务局", "人力资源和社会保障局",
    "经济和信息化委员会",
]  # fmt: skip
PLACES = ["上海市", "上海市普陀区"]
YEARS = [2019, 2020, 2021, 2022, 2023]
TOPICS = [
    "档案数字化", "信息化系统运维", "办公用房维修", "宣传教育", "教育培训", "专用设备购置",
    "课题研究", "网络安全加固", "智慧政务", "数据治理", "社区服务", "环境监测", "应急物资储备",
    "执法装备", "公共数据共享", "政务服务一网通办", "业务协作", "机关后勤服务", "安全生产检查",
    "监督检查", "法律援助", "志愿服务", "统计调查", "质量抽检", "城市运行管理",
]  # fmt: skip
KINDS = ["专项经费", "业务费", "运维费", "建设项目", "购置费", "服务费", "保障经费", "工作经费"]
CATEGORIES = ["其他一次性项目", "经常性专项业务费", "专项业务费"]
PERF_TYPES = ["其他类", "信息化建设工程类", "基本建设工程类", "政府购买服务类"]
ISSUERS = [
    "沪财行", "沪财预", "沪财绩", "沪府办发", "沪府发", "沪委办发", "国办发", "国发", "财预",
    "财行", "沪教委", "沪卫计", "沪经信推", "沪机管", "高检发", "沪检发", "沪人社", "沪发改",
]  # fmt: skip
BRACKETS = ["〔〕", "[]", "【】", "（）", "()"]
REGULATION_KINDS = ["管理办法", "实施意见", "工作方案", "通知", "技术标准", "考核细则", "指导意见"]
SENTENCE = re.compile(r"[^。；]+[。；]?")


def sample_projects() -> list[Project]:
    return load_corpus(SAMPLE_CORPUS)[0].projects


def units() -> list[str]:
    """~50 units: each department in the city and in one district."""
    return [f"{place}{dept}" for dept in DEPARTMENTS for place in PLACES]


def _sentences(projects: list[Project]) -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {key: [] for key in SECTION_KEYS}
    for project in projects:
        for key, text in project.sections.items():
            pools[key] += [s for s in SENTENCE.findall(text) if len(s) > 4]
    return pools


def _citation(rng: random.Random, topic: str, year: int) -> str:
    issuer = rng.choice(ISSUERS)
    left, right = rng.choice(BRACKETS)
    serial = rng.randint(1, 300)
    title = f"上海市{topic}{rng.choice(REGULATION_KINDS)}"
    number = f"{issuer}{left}{rng.randint(year - 8, year - 1)}{right}{serial}号"
    return rng.choice(
        [f"《{title}》（{number}）", f"《{title}》{number}", f"按照{number}《{title}》"]
    )


def _section(rng: random.Random, pool: list[str], topic: str, year: int) -> str:
    picked = rng.sample(pool, k=min(len(pool), rng.randint(1, 3)))
    text = "".join(picked)
    text = re.sub(r"20[12]\d年", f"{year}年", text)
    if rng.random() < 0.5:
        text = f"为做好{topic}工作，" + text
    if rng.random() < 0.4:
        text += f"依据{_citation(rng, topic, year)}。"
    return text


def _target(rng: random.Random, row: Indicator) -> str:
    if row.kind != "quantitative" or row.value is None:
        return row.target
    if row.unit == "%" and row.op == ">=":
        value = rng.choice([80, 85, 90, 95, 98])
        return rng.choice([f">={value}%", f"≥{value}%"])
    return row.target


def _indicators(rng: random.Random, rows: list[Indicator], order: dict) -> list[Indicator]:
    picked = rng.sample(rows, k=rng.randint(12, min(35, len(rows))))
    picked.sort(key=lambda r: order[(r.level1, r.level2)])
    seen, result = set(), []
    for row in picked:
        if row.name in seen:
            continue
        seen.add(row.name)
        target = _target(rng, row)
        parsed = parse_target(target)
        result.append(
            Indicator(
                row.level1,
                row.level2,
                row.name,
                target,
                parsed.op,
                parsed.value,
                parsed.unit,
                parsed.kind,
            )
        )
    return result


def generate(count: int, seed: int = 20200101, district: float = 0.0) -> list[list[Project]]:
    """`count` projects, grouped by file (one unit and year per file), deterministic. A
    share `district` of them (drawn apart, so that the others are as without it) are
    district tables of another family (`benchmarks.district`), a file each, as that
    family publishes them."""
    rng = random.Random(seed)
    other = random.Random(seed + 1)
    base = sample_projects()
    pools = _sentences(base)
    rows = [row for p in base for row in p.indicators]
    order: dict = {}
    for row in rows:
        order.setdefault((row.level1, row.level2), len(order))
    all_units = units()
    files: dict[tuple[str, int], list[Project]] = {}
    names_used: set[tuple[str, int, str]] = set()
    for n in range(count):
        unit, year = rng.choice(all_units), rng.choice(YEARS)
        topic = rng.choice(TOPICS)
        name = f"{topic}{rng.choice(KINDS)}"
        if (unit, year, name) in names_used:
            name = f"{name}（{n}）"
        names_used.add((unit, year, name))
        total = rng.randint(200, 50_000) * 1000 + rng.randint(0, 999)
        previous = int(total * rng.uniform(0.6, 1.4))
        project = Project(
            id=project_id(unit, year, name),
            source=Source("", 0),
            year=year,
            unit=unit,
            name=name,
            category=rng.choice(CATEGORIES),
            perf_type=rng.choice(PERF_TYPES),
            start_date=f"{year}-01-01",
            end_date=f"{year}-12-31",
            gov_purchase=rng.random() < 0.3,
            sections={key: _section(rng, pools[key], topic, year) for key in SECTION_KEYS},
            budget={
                "total": total,
                "current_year": total,
                "prev_year_budget": previous,
                "prev_year_spent": int(previous * rng.uniform(0.85, 1.0)),
            },
            indicators=_indicators(rng, rows, order),
        )
        project.budget_lines = budget_lines(project.budget)
        project.citations = extract_citations(project.sections)
        if district and other.random() < district:
            project = as_district(project, other)
            files[(unit, year, name)] = [project]
            continue
        files.setdefault((unit, year), []).append(project)
    return list(files.values())


def file_name(project: Project) -> str:
    if project.template == district_layout.NAME:
        return f"district/{project.year}/{project.unit}/{project.name}.txt"
    return f"{project.year}/{project.unit}.txt"


def write_corpus(groups: list[list[Project]], out: Path, corpus_name: str | None = None) -> int:
    """Write one file per unit and year; fills each project's source. Returns projects."""
    written = 0
    for projects in groups:
        relative = file_name(projects[0])
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        parts, line = [], 1
        for project in projects:
            if project.template == district_layout.NAME:
                text = render_district(project)
                project.source = Source(f"{corpus_name or out.name}/{relative}", TITLE_LINE)
            else:
                project.source = Source(f"{corpus_name or out.name}/{relative}", line)
                text = render(project, 40, page_every=45, displace_labels=True)
            parts.append(text)
            line += text.count("\n")
        path.write_text("".join(parts), encoding="utf-8")
        written += len(projects)
    return written


def iter_projects(groups: list[list[Project]]) -> Iterator[Project]:
    for projects in groups:
        yield from projects


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20200101)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--district", type=float, default=0.0, help="the share of district tables (0 to 1)"
    )
    args = parser.parse_args(argv)
    written = write_corpus(generate(args.projects, args.seed, args.district), args.out)
    print(f"wrote {written} projects to {args.out}")


if __name__ == "__main__":
    main()
