"""One plain dict per page: the HTML template renders it, the JSON twin returns it.

Everything a page shows is computed here, on the server: facet toggle links, filter
chips, the sentence that says what is shown, pagination, budget changes, merged table
cells. Templates only loop and print.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from indexer.checks import (
    RULES_BY_ID,
    SEVERITY_NAMES,
    Finding,
    check_project,
    finding_row,
    rule_table,
)
from indexer.documents import FACET_FIELDS
from indexer.model import ParseResult, Project
from indexer.money import BUDGET_NAMES, budget_change, format_yuan
from indexer.targets import normalize_name
from indexer.vocabulary import SECTION_NAMES, TEMPLATE_NAMES, section_name

from .args import MAX_PAGE, BadRequest, integer_arg, search_request
from .backend import SearchBackend
from .charts import bar_chart
from .compare import MAX_PROJECTS, MIN_PROJECTS, aligned, compare_ids, header_lines
from .indicators import level_groups, library_tree, similar_groups
from .passages import similar_passages
from .query import QueryParts, clean_query
from .regulations import Regulation
from .service import SORTS, search
from .snippets import fragment, render_html
from .store import ProjectStore, per_generation
from .suggest import DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS
from .suggest import shown as shown_suggestion
from .urls import (
    project_url,
    regulation_url,
    search_url,
    section_url,
    similar_indicators_url,
    similar_passages_url,
    source_file_url,
    toggle_arg,
    url,
    with_arg,
    without_arg,
)

SEARCH_ARGS = ("q", *FACET_FIELDS, "sort", "view", "page", "per_page")
VIEW_LABELS = {"projects": "按项目", "passages": "按匹配处"}
SORT_LABELS = {
    "relevance": "相关度",
    "budget": "总预算从高到低",
    "budget_asc": "总预算从低到高",
    "year": "年度从新到旧",
    "year_asc": "年度从旧到新",
}
KIND_LABELS = {"project": "项目", "section": "文本", "indicator": "指标", "citation": "引用文件"}
FACET_LABELS = {
    "kind": "结果类型",
    "template": "表样",
    "department": "主管部门",
    "category": "项目类别",
    "perf_type": "绩效类型",
    "unit": "申报单位",
    "year": "年度",
    "section": "栏目",
    "level1": "一级目标",
    "level2": "二级目标",
    "issuer": "发文机关代字",
    "problem": "问题",
}
PAGE_WINDOW = 3
MAX_SIMILAR = 50
# A page of a list (projects, regulations): the whole list of 2,000 projects was 16 MB
# of JSON, the catalogue of their regulations 2.8 MB.
LIST_PER_PAGE = 100
LANDING_PROJECTS = 50
MAX_LIST_PAGE = 200


# --------------------------------------------------------------------------- search


def facet_label(name: str, value: Any) -> str:
    """How a facet value is shown: 项目 for kind=project, 立项依据 for section=basis …"""
    if name == "kind":
        return KIND_LABELS.get(value, str(value))
    if name == "section":
        return SECTION_NAMES.get(value, str(value))
    if name == "template":
        return TEMPLATE_NAMES.get(value, str(value))
    if name == "problem" and value in RULES_BY_ID:
        return RULES_BY_ID[value].name
    return str(value)


def notice_text(notice: Mapping[str, Any]) -> str:
    """What the service noticed about a search, said in a sentence."""
    code = notice["code"]
    if code == "query_cut":
        return f"查询过长，只使用了前 {notice['chars']} 个字符。"
    if code == "parts_dropped":
        left_out = "、".join(notice["words"])
        return f"查询包含的词语过多，只检索了前 {notice['kept']} 个；未检索：{left_out}。"
    if code == "nothing_searchable":
        return "查询中没有可以检索的字词。"
    if code == "any_word":
        return "没有同时包含所有词语的结果，以下是包含任一词语的结果。"
    if code == "corrected":
        said = "；".join(f"“{typed}”按“{meant}”" for typed, meant in notice["words"])
        return f"没有找到与输入完全一致的字词，已{said}检索。"
    if code == "segmented":
        return f"没有完全相同的字句，已分词检索：{'；'.join(notice['words'])}。"
    if code == "also_searched":
        return f"同时检索了：{'、'.join(notice['words'])}。"
    if code == "incomplete":
        return "检索耗时过长，结果可能不全、只按部分结果排序；可以换用更具体的词语。"
    if code == "nothing_found":
        query, filters = notice["query"], notice["filters"]
        said = f"没有找到与“{query}”相符的结果" if query else "没有结果"
        if filters:
            active = "，".join(
                f"{FACET_LABELS[k]} = {facet_label(k, v)}" for k, v in filters.items()
            )
            return f"{said}（筛选条件：{active}）。可以去掉筛选条件再试。"
        return f"{said}。可以换用更短或更常见的词语。"
    raise ValueError(f"unknown notice {code!r}")


def labelled_hit(hit: dict[str, Any]) -> dict[str, Any]:
    """A hit of the service with its labels and its link (what a CSV row or a terminal
    line needs; no HTML)."""
    return {
        **hit,
        "url": project_url(hit["project_id"], hit["anchor"]),
        "kind_label": facet_label("kind", hit["kind"]),
        "section_label": (
            section_name(hit["section"], hit.get("template")) if hit["section"] else None
        ),
    }


def shown_hit(hit: dict[str, Any]) -> dict[str, Any]:
    """A hit as a page shows it: labels, link and the snippet as HTML; keys in the order
    of SPEC §4, then the rest."""
    labelled = labelled_hit(hit)
    spec = ("kind", "project_id", "project_name", "section", "indicator", "text")
    shown = {key: labelled[key] for key in spec}
    shown["snippet_html"] = str(render_html(hit["fragments"], hit["more"]))
    shown |= {"score": labelled["score"], "url": labelled["url"]}
    return shown | labelled


def shown_answer(answer: dict[str, Any]) -> dict[str, Any]:
    """The service's answer with sentences for its notices, labelled facets, shown hits."""
    return {
        **answer,
        "messages": [notice_text(notice) for notice in answer["notices"]],
        "facets": {
            name: [{**item, "label": facet_label(name, item["value"])} for item in items]
            for name, items in answer["facets"].items()
        },
        "hits": [shown_hit(hit) for hit in answer["hits"]],
    }


def search_view(backend: SearchBackend, args: Mapping[str, str], path: str) -> dict[str, Any]:
    """The search answer with links: facet toggles, chips, sorts, pages (relative to `path`)."""
    request = search_request(args)
    answer = shown_answer(search(backend, request))
    kept = {name: args[name] for name in SEARCH_ARGS if args.get(name)}
    for name, items in answer["facets"].items():
        for item in items:
            item["toggle_url"] = toggle_arg(path, kept, name, item["value"])
    chips = [
        {
            "name": name,
            "label": FACET_LABELS[name],
            "value": value,
            "value_label": facet_label(name, value),
            "remove_url": without_arg(path, kept, name),
        }
        for name, value in answer["filters"].items()
    ]
    said = [total_text(answer)] + [f"{c['label']} = {c['value_label']}" for c in chips]
    answer.update(
        chips=chips,
        summary="，".join(said),
        views=[
            {
                "value": name,
                "label": label,
                "url": with_arg(path, kept, "view", name),
                "selected": name == answer["view"],
            }
            for name, label in VIEW_LABELS.items()
        ],
        facets_count=FACETS_COUNT[answer["counts"]],
        projects=_project_groups(answer),
        sorts=[
            {
                "value": name,
                "label": SORT_LABELS[name],
                "url": with_arg(path, kept, "sort", name),
                "selected": name == request.sort,
            }
            for name in SORTS
        ],
        did_you_mean=_did_you_mean(answer, path, kept),
        pagination=_pagination(path, kept, request.page, answer["pages"]),
        # a page past the last (共 18 条, 第 99 页): the way back to the last one
        last_url=with_arg(path, kept, "page", max(answer["pages"], 1)),
        export_url=_export_url(kept),
        facet_labels={name: FACET_LABELS[name] for name in FACET_FIELDS},
    )
    # No query and no filter: the landing page, with the first projects listed.
    answer["landing"] = not answer["query"] and not answer["filters"]
    if answer["landing"]:
        answer["listing"] = projects_view(backend.store(), {}, "/projects", LANDING_PROJECTS)
    return answer


FACETS_COUNT = {"projects": "数字为项目数", "passages": "数字为匹配处数"}


def total_text(answer: Mapping[str, Any]) -> str:
    """共 4 个项目（8 处匹配） or 共 8 处匹配（4 个项目）: what the total counts, said."""
    projects, passages = answer["total_projects"], answer["total_passages"]
    if answer["counts"] == "projects":
        return f"共 {projects} 个项目（{passages} 处匹配）"
    return f"共 {passages} 处匹配（{projects} 个项目）"


def _project_groups(answer: Mapping[str, Any]) -> list[dict[str, Any]]:
    """By project: each project of the page with its shown hits beneath."""
    groups = []
    for group in answer["groups"]:
        hits = answer["hits"][group["start"] : group["start"] + group["shown"]]
        groups.append(
            {
                **group,
                "project_name": hits[0]["project_name"],
                "url": project_url(group["project_id"]),
                "hits": hits,
                "more": group["matched"] - group["shown"],
            }
        )
    return groups


def _did_you_mean(answer: dict[str, Any], path: str, kept: dict[str, str]) -> dict | None:
    """Where a word was read as a name it is one character from: the query so spelled,
    and the link that searches it as such."""
    pairs = [p for n in answer["notices"] if n["code"] == "corrected" for p in n["words"]]
    if not pairs:
        return None
    spelled = answer["query"]
    for typed, meant in pairs:
        spelled = spelled.replace(typed, meant)
    return {"query": spelled, "url": with_arg(path, kept, "q", spelled)}


def export_view(backend: SearchBackend, args: Mapping[str, str], rows: int) -> dict[str, Any]:
    """The first `rows` hits of a search, labelled, for a CSV export (page arguments
    ignored; no snippets: a CSV row holds the whole text)."""
    args = {k: v for k, v in args.items() if k not in ("page", "per_page", "view")}
    request = replace(search_request(args).with_page(1, rows), view="passages")  # every row
    answer = search(backend, request)
    return {**answer, "hits": [labelled_hit(hit) for hit in answer["hits"]]}


def _export_url(kept: Mapping[str, str]) -> str:
    dropped = ("page", "per_page", "view")  # a download lists every passage
    return url("/export/search.csv", {k: v for k, v in kept.items() if k not in dropped})


def _pagination(path: str, kept: Mapping[str, str], page: int, pages: int) -> dict[str, Any]:
    numbers = range(max(1, page - PAGE_WINDOW), min(pages, page + PAGE_WINDOW) + 1)
    return {
        "page": page,
        "pages": pages,
        "prev_url": with_arg(path, kept, "page", page - 1) if page > 1 else None,
        "next_url": with_arg(path, kept, "page", page + 1) if page < pages else None,
        "links": [
            {"number": n, "url": with_arg(path, kept, "page", n), "current": n == page}
            for n in numbers
        ],
    }


# --------------------------------------------------------------------------- projects


def paged(
    items: Sequence[Any], args: Mapping[str, str], path: str, per_page: int, keep: tuple = ()
) -> dict[str, Any]:
    """One page of `items` as the `page` and `per_page` arguments ask (BadRequest if they
    are malformed), with links to the other pages that keep the arguments in `keep`."""
    page = integer_arg("page", args.get("page") or "1", 1, MAX_PAGE)
    per_page = integer_arg("per_page", args.get("per_page") or str(per_page), 1, MAX_LIST_PAGE)
    total = len(items)
    pages = -(-total // per_page)
    kept = {name: args[name] for name in (*keep, "per_page") if args.get(name)}
    return {
        "total": total,
        "page": page,
        "per_page": per_page,
        "pages": pages,
        "items": items[(page - 1) * per_page : page * per_page],
        "pagination": _pagination(path, kept, page, pages),
        "first_url": with_arg(path, kept, "page", 1),
        "last_url": with_arg(path, kept, "page", max(pages, 1)),
    }


def projects_view(
    store: ProjectStore, args: Mapping[str, str], path: str, per_page: int = LIST_PER_PAGE
) -> dict[str, Any]:
    """One page of the project list in source order: the records, and links to the pages.

    `/api/projects` returns `projects` (SPEC §4: an array of records) with the counts
    and links in headers.
    """
    data = paged(store.projects, args, path, per_page)
    data["projects"] = [project.to_dict() for project in data.pop("items")]
    return data


def regulations_view(store: ProjectStore, args: Mapping[str, str], path: str) -> dict[str, Any]:
    """One page of the regulation catalogue, most-cited first, narrowed by `q`.

    `/api/regulations` returns `regulations` (SPEC §4) with the counts and links in headers.
    """
    query, _ = clean_query(args.get("q", ""))
    data = paged(store.find_regulations(query), args, path, LIST_PER_PAGE, keep=("q",))
    data["regulations"] = [entry.to_dict() for entry in data.pop("items")]
    data["query"] = query
    return data


MUNICIPAL = "sh-municipal-2020"


def header_rows(project: Project) -> list[dict[str, str]]:
    """The header fields as the project's template labels them (empty ones left out,
    except in the municipal template, which prints every field)."""
    gov = {True: "是", False: "否"}.get(project.gov_purchase, "")
    year = "" if project.year is None else str(project.year)
    if project.template == MUNICIPAL:
        fields = [
            ("申报单位名称", project.unit),
            ("年度", year),
            ("项目类别", project.category),
            ("绩效类型", project.perf_type),
            ("计划开始日期", project.start_date),
            ("计划完成日期", project.end_date),
            ("是否含有政府购买服务", gov),
        ]
        return [{"label": label, "text": text or ""} for label, text in fields]
    fields = [
        ("主管部门", project.department),
        ("实施单位", project.unit),
        ("年度", year),
        ("项目性质", project.nature),
        ("项目类别", project.category),
        ("计划开始日期", project.start_date),
        ("计划完成日期", project.end_date),
    ]
    return [{"label": label, "text": text} for label, text in fields if text]


def budget_block(project: Project) -> dict[str, Any]:
    """The money as the template prints it: the municipal four amounts (and last year's
    change), or every printed budget line with its unit and its value in yuan."""
    budget = project.budget
    if project.template == MUNICIPAL:
        return {
            "title": "本项目上年度市级财政资金使用情况",
            "rows": [
                {"label": name, "text": format_yuan(budget[key]), "anchor": f"budget-{key}"}
                for key, name in BUDGET_NAMES.items()
            ],
            "change": _change_text(budget_change(budget)),
        }
    rows = []
    for number, line in enumerate(project.budget_lines, 1):
        text = f"{line.printed} {line.unit}"
        if line.unit != "元" and line.yuan is not None:
            text += f"（{line.yuan:,} 元）"
        rows.append({"label": line.label, "text": text, "anchor": f"budget-line-{number}"})
    return {"title": "项目资金", "rows": rows, "change": None}


def indicator_heads(project: Project) -> list[str]:
    if project.template == MUNICIPAL:
        return ["一级目标", "二级目标", "三级目标", "指标目标值"]
    heads = ["一级指标", "二级指标", "三级指标", "指标值"]
    if any(row.weight is not None for row in project.indicators):
        heads.append("分值/权重")
    return heads


def source_view(project: Project) -> dict[str, Any]:
    source = project.source
    where = f"第 {source.page} 页" if source.page is not None else f"第 {source.line} 行"
    return {
        "file": source.file,
        "where": where,
        "url": source_file_url(project.id, source.page),
        "template": TEMPLATE_NAMES.get(project.template, project.template),
    }


def project_view(store: ProjectStore, project: Project) -> dict[str, Any]:
    """A project as a budget officer reads its table, laid out by its template's labels,
    with links to what it cites and to the file it was read from."""
    budget = budget_block(project)
    return {
        "project": project.to_dict(),
        "source": source_view(project),
        "header_rows": header_rows(project),
        "budget_title": budget["title"],
        "budget_rows": budget["rows"],
        "budget_change": budget["change"],
        "indicator_heads": indicator_heads(project),
        "indicator_title": (
            f"{project.year}年绩效目标"
            if project.template == MUNICIPAL and project.year is not None
            else "绩效指标"
        ),
        "sections": [
            {
                "key": key,
                "label": section_name(key, project.template),
                "text": text,
                "similar_url": similar_passages_url(project.id, key),
                "citations": [
                    {
                        "title": c.title,
                        "number": c.number,
                        "url": regulation_url(store.regulation_key(c)),
                    }
                    for c in project.citations
                    if c.section == key
                ],
            }
            for key, text in project.sections.items()
        ],
        "indicator_rows": indicator_table(project, store.findings_of.get(project.id, [])),
        "findings": project_findings(store, project),
        "history": history_view(store, project),
    }


def _change_text(change: dict[str, Any] | None) -> dict[str, Any] | None:
    if change is None:
        return None
    if change["direction"] == "持平":
        return {**change, "text": "与上年预算额持平"}
    percent = f"（{change['percent']}%）" if change["percent"] is not None else ""
    return {
        **change,
        "text": f"比上年预算额{change['direction']} {format_yuan(abs(change['amount']))}{percent}",
    }


def indicator_table(project: Project, findings: Sequence[Finding] = ()) -> list[dict[str, Any]]:
    """Rows with merged cells: a level's span on its first row, 0 on the rows it covers;
    beside each row, what the checks found in it."""
    problems: dict[str, list[str]] = {}
    for finding in findings:
        problems.setdefault(finding.where, []).append(finding.message)
    rows = [
        {
            "level1": row.level1,
            "level2": row.level2,
            "name": row.name,
            "target": row.target,
            "weight": row.weight,
            "similar_url": with_arg("/indicators/similar", {}, "q", row.name),
            "level1_span": 0,
            "level2_span": 0,
            "anchor": f"indicator-{number}",
            "problems": problems.get(f"indicator:{number - 1}", []),
        }
        for number, row in enumerate(project.indicators, 1)
    ]
    _spans(rows, "level1", 0, len(rows))
    return rows


def _spans(rows: list[dict[str, Any]], level: str, start: int, end: int) -> None:
    i = start
    while i < end:
        j = i
        while j < end and rows[j][level] == rows[i][level]:
            j += 1
        rows[i][f"{level}_span"] = j - i
        if level == "level1":
            _spans(rows, "level2", i, j)
        i = j


# --------------------------------------------------------------------------- regulations


def regulation_view(entry: Regulation) -> dict[str, Any]:
    """An entry with the passages that cite it, the citation marked."""
    passages = []
    seen = set()
    for project, citation in entry.citations:
        if (project.id, citation.section) in seen:
            continue
        seen.add((project.id, citation.section))
        parts = QueryParts(
            titles=(citation.title,) if citation.title else (),
            numbers=(citation.number,) if citation.number else (),
        )
        text = project.sections[citation.section]
        passages.append(
            {
                "project_id": project.id,
                "project_name": project.name,
                "section": citation.section,
                "section_label": section_name(citation.section, project.template),
                "snippet_html": str(render_html([fragment(text, parts, width=160)])),
                "url": section_url(project.id, citation.section),
            }
        )
    return {"regulation": entry.to_dict(), "passages": passages}


# --------------------------------------------------------------------------- passages


def passages_view(
    backend: SearchBackend, project_id: str, section: str, limit: int
) -> dict[str, Any] | None:
    """Other projects' wording of a section, with section names and links; None if the
    project has no such section."""
    data = similar_passages(backend, project_id, section, limit)
    if data is None:
        return None
    data["section_label"] = SECTION_NAMES[section]
    for passage in data["passages"]:
        passage["section_label"] = SECTION_NAMES[passage["section"]]
        passage["url"] = section_url(passage["project_id"], passage["section"])
    return data


# --------------------------------------------------------------------------- ask

# Where an answer's source sits, besides the six sections: as a reader names it.
SOURCE_LABELS = {"budget": "预算", "header": "表头", **SECTION_NAMES}


ASK_EXAMPLES = (
    "机关服务费的总预算是多少？",
    "检察办案业务费当年预算和上年预算分别多少，差多少？",
    "哪些项目设了社会公众满意度？",
    "满意度指标一般设多少？",
    "信息化新建项目有几个子项目？",
    "引用了沪委办发[2013]9号的项目有哪些？",
    "哪个项目的总预算比上年减少最多？",
    "预算前三的项目是哪些？",
    "哪些项目没有设时效指标？",
)
FIELD_LABELS = {
    **BUDGET_NAMES,
    "change": "比上年的变化",
    "department": "主管部门",
    "unit": "申报/实施单位",
    "category": "项目类别",
    "perf_type": "绩效类型",
    "nature": "项目性质",
    "start_date": "计划开始日期",
    "end_date": "计划完成日期",
    "dates": "起止日期",
    "gov_purchase": "是否含有政府购买服务",
    "indicators": "绩效指标",
    "sources": "资金来源",
}
PASSAGE_ANSWERS = ("passage", "sentences", "not_found")


def ask_view(answer: dict[str, Any] | None) -> dict[str, Any]:
    """The /ask page: the answer, what the question was read as (我理解的问题是…), a search
    link where the answer is a passage, and examples of what can be asked."""
    examples = [{"text": q, "url": url("/ask", {"q": q})} for q in ASK_EXAMPLES]
    if answer is None:
        return {"examples": examples}
    read = answer["reading"]
    said = []
    if read["projects"]:
        said.append("项目：" + "、".join(read["projects"]))
    if read["sub_project"]:
        said.append("子项目：" + read["sub_project"])
    if read["fields"]:
        labels = [FIELD_LABELS.get(f) or section_name(f.split(":")[-1]) for f in read["fields"]]
        said.append("问的是：" + "、".join(dict.fromkeys(labels)))
    if read["indicators"]:
        said.append("指标：" + "、".join(read["indicators"]))
    if read["years"]:
        said.append("年度：" + "、".join(str(y) for y in read["years"]))
    if read["parts"]:
        said.append(f"分 {len(read['parts'])} 问回答")
    passage = answer["answer_type"] in PASSAGE_ANSWERS
    return {
        **answer,
        "understood": "；".join(said),
        "search_url": search_url(answer["question"]) if passage else None,
        "examples": examples,
    }


def source_label(section: str | None) -> str:
    """Where an answer's source sits, named as a reader names it (for the /ask page)."""
    return SOURCE_LABELS.get(section, section) if section else ""


# --------------------------------------------------------------------------- indicators


@per_generation
def indicators_view(store: ProjectStore) -> dict[str, Any]:
    """The library tree; the same for every request on a generation, so built once."""
    return {
        "groups": len(store.library),
        "rows": sum(len(g.rows) for g in store.library),
        "tree": library_tree(store.library),
    }


def limit_arg(args: Mapping[str, str], default: int = 10) -> int:
    """The `limit` argument, 1 to MAX_SIMILAR; anything else is a BadRequest."""
    return integer_arg("limit", args.get("limit") or str(default), 1, MAX_SIMILAR)


def similar_view(store: ProjectStore, args: Mapping[str, str]) -> dict[str, Any]:
    query = (args.get("q") or "").strip()[:200]
    limit = limit_arg(args)
    groups = [
        {**group.to_dict(), "score": score}
        for group, score in similar_groups(store.library, query, limit)
    ]
    if groups or not query:
        return {"query": query, "groups": groups, "level": None}
    # 满意度, 时效指标: a level's name, not an indicator's: the indicators under it
    under = level_groups(store.library, query, limit)
    level = query if under else None
    return {
        "query": query,
        "groups": [{**g.to_dict(), "score": None} for g in under],
        "level": level,
    }


# --------------------------------------------------------------------------- suggest


def suggest_view(backend: SearchBackend, args: Mapping[str, str]) -> dict[str, Any]:
    """Completions of what is typed in the search box (`q`, at most `limit`)."""
    typed, _ = clean_query(args.get("q") or "")
    limit = integer_arg("limit", args.get("limit") or str(DEFAULT_SUGGESTIONS), 1, MAX_SUGGESTIONS)
    found = []
    if typed:
        with backend.snapshot() as snapshot:
            found = snapshot.suggest(typed, limit)
    return {"query": typed, "suggestions": [shown_suggestion(entry) for entry in found]}


# --------------------------------------------------------------------------- checks

CHECKS_PER_PAGE = 50


def checks_view(store: ProjectStore, args: Mapping[str, str], path: str) -> dict[str, Any]:
    """What the table checks found: counts per rule (and a bar chart of them), and one page
    of the findings, of one rule when `rule` is given."""
    findings = store.findings
    chosen, shown = rule_findings(store, args)
    per_rule = Counter(f.rule for f in findings)
    projects_per_rule = {r: len({f.project_id for f in findings if f.rule == r}) for r in per_rule}
    rules = [
        {
            **r,
            "severity_label": SEVERITY_NAMES[r["severity"]],
            "count": per_rule.get(r["id"], 0),
            "projects": projects_per_rule.get(r["id"], 0),
            "url": with_arg(path, {}, "rule", r["id"]),
            "selected": r["id"] == chosen,
        }
        for r in rule_table()
    ]
    data = paged(shown, args, path, CHECKS_PER_PAGE, keep=("rule",))
    items = data.pop("items")
    rows = [
        finding_row(f, project) | {"url": project_url(f.project_id, "checks")}
        for f in items
        if (project := store.get(f.project_id)) is not None
    ]
    counted = sorted((r for r in rules if r["count"]), key=lambda r: -r["count"])
    return {
        **data,
        "rule": chosen or None,
        "rules": rules,
        "findings": rows,
        "total_findings": len(findings),
        "projects_with_findings": len(store.findings_of),
        "projects": len(store.projects),
        "chart_svg": str(bar_chart([(r["name"], r["count"]) for r in counted], "各规则的问题数")),
        "export_url": url("/export/checks.csv", {"rule": chosen}),
    }


def rule_findings(store: ProjectStore, args: Mapping[str, str]) -> tuple[str, list[Finding]]:
    """The rule the `rule` argument names ("" for every rule) and its findings; a
    BadRequest for a rule that does not exist."""
    chosen = (args.get("rule") or "").strip()
    if chosen and chosen not in RULES_BY_ID:
        raise BadRequest(f"没有编号为“{chosen[:40]}”的检查规则。")
    return chosen, [f for f in store.findings if not chosen or f.rule == chosen]


def project_findings(store: ProjectStore, project: Project) -> list[dict[str, Any]]:
    """A project's findings as its page shows them (with the rule's words and the place)."""
    return [finding_row(f, project) for f in store.findings_of.get(project.id, [])]


# --------------------------------------------------------------------------- compare


def compare_view(store: ProjectStore, args: Mapping[str, str]) -> dict[str, Any]:
    """Two to five projects side by side (`ids=a,b,…`): header and money, and their
    indicators one line per indicator, lines whose targets differ marked."""
    ids = compare_ids(args.get("ids") or "")
    if not MIN_PROJECTS <= len(ids) <= MAX_PROJECTS:
        raise BadRequest(
            f"参数 ids 应列出 {MIN_PROJECTS} 到 {MAX_PROJECTS} 个项目编号，用逗号分隔，"
            f"而不是 {len(ids)} 个"
        )
    missing = [i for i in ids if store.get(i) is None]
    if missing:
        raise BadRequest(f"没有编号为 {'、'.join(m[:40] for m in missing)} 的项目。")
    projects = [p for i in ids if (p := store.get(i)) is not None]
    lines = aligned(projects)
    return {
        "projects": [
            {"project_id": p.id, "name": p.name, "url": project_url(p.id)} for p in projects
        ],
        "header": header_lines(projects),
        "indicators": [
            {
                "level1": line.level1,
                "level2": line.level2,
                "cells": [
                    {"name": r.name, "target": r.target} if r is not None else None
                    for r in line.rows
                ],
                "differs": line.differs,
            }
            for line in lines
        ],
        "differing": sum(line.differs for line in lines),
    }


def history_view(store: ProjectStore, project: Project) -> dict[str, Any] | None:
    """The project's tables of other years (往年：2019 · 2021), and the link that puts up to
    five of them side by side, year by year."""
    years = store.history(project)
    if not years:
        return None
    nearest = sorted(years, key=lambda p: (abs((p.year or 0) - (project.year or 0)), p.id))
    shown = sorted(nearest[:MAX_PROJECTS], key=lambda p: (p.year or 0, p.id))
    return {
        "years": [
            {"year": p.year, "project_id": p.id, "url": project_url(p.id), "current": p is project}
            for p in years
        ],
        "compare_url": url("/compare", {"ids": ",".join(p.id for p in shown)}),
    }


# --------------------------------------------------------------------------- draft

DRAFT_SIMILAR = 3


def draft_view(store: ProjectStore, result: ParseResult | None, name: str = "") -> dict[str, Any]:
    """An uploaded draft read as the corpus would read it, kept nowhere: each table's
    fields, sections and indicators as its project page shows them, what the checks find
    (its peers: the index's tables), and beside each indicator what other tables set for
    it and the indicators of nearly the same name."""
    if result is None:
        return {"file": None, "tables": [], "problems": []}
    tables = []
    for project in result.projects:
        findings = check_project(project, store.peers)
        rows = indicator_table(project, findings)
        for row, indicator in zip(rows, project.indicators, strict=True):
            group = store.library_group(indicator.name)
            row["peers"] = (
                {"count": group.project_count, "targets": group.targets()[:3]} if group else None
            )
            row["similar"] = [
                {"name": g.name, "count": g.project_count, "url": similar_indicators_url(g.name)}
                for g, _ in similar_groups(store.library, indicator.name, DRAFT_SIMILAR + 1)
                if g.key != normalize_name(indicator.name)
            ][:DRAFT_SIMILAR]
        tables.append(
            {
                "record": project.to_dict(),
                "name": project.name,
                "header_rows": header_rows(project),
                "sections": [
                    {"key": k, "label": section_name(k, project.template), "text": t}
                    for k, t in project.sections.items()
                ],
                "indicator_heads": indicator_heads(project),
                "indicator_rows": rows,
                "findings": [finding_row(f, project) for f in findings],
            }
        )
    problems = [str(d) for d in result.diagnostics]
    return {"file": name, "tables": tables, "problems": problems}
