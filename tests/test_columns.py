"""The rows' columns (`search.qa.columns.RowColumns`): what the questions over every
project's indicator rows read instead of the rows, and the answers made from them, as
reading every row makes them."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from search.qa.columns import ROW_FIELDS, RowColumns
from search.qa.plans import _target_test

# questions whose conditions on a row's target `_target_test` reads (each a test of a row)
STATED = [
    "哪些项目的满意度目标是90%以上",
    "满意度比95%还高的有哪些",
    "目标写作>=90%的指标",
    "目标不是>=90%的指标有哪些",
    "以“天”为单位的指标",
    "按天数计的指标",
    "哪些指标的目标值不是百分比",
    "哪些项目有定性的指标",
    "哪些项目有定量指标",
    "保障365天的指标",
    "权重给到10分的指标",
    "目标低于100%的指标",
    "目标为100%的指标有哪些",
    "不是90%的满意度指标",
]


@pytest.fixture(scope="module")
def varied_projects(sample_projects):
    """The sample, the real tables of two other templates, and rows whose fields vary in
    type where values are equal (100 and 100.0, True is not 1), blank and None."""
    from support import ROOT

    from indexer.corpus import load_corpus

    result, _ = load_corpus(ROOT / "tests" / "data" / "realworld")
    base = sample_projects[0]
    rows = base.indicators
    varied = [
        replace(rows[0], value=100, weight=None),
        replace(rows[0], value=100.0, weight=10),
        replace(rows[0], value=None, op=None, unit=None, kind="qualitative"),
        replace(rows[1], level1=None, level2=None, weight=10.0),
        replace(rows[1], level2="", target="", name="满意度"),
        replace(rows[2], value=True, weight=True),
        replace(rows[2], value=1, weight=1),
    ]
    return [
        *sample_projects,
        *result.projects,
        replace(base, id="varied-0", indicators=varied),
        replace(base, id="varied-1", indicators=[]),
        replace(base, id="varied-2", indicators=varied[::-1]),
    ]


def test_the_rows_read_from_the_columns_are_the_rows(varied_projects):
    columns = RowColumns.of(varied_projects)
    every = [row for p in varied_projects for row in p.indicators]
    read = list(columns.rows(np.arange(len(every))))
    assert read == every
    for made, row in zip(read, every, strict=True):  # the very values, of the same types
        assert [type(getattr(made, f)) for f in ROW_FIELDS] == [
            type(getattr(row, f)) for f in ROW_FIELDS
        ]
    assert [columns.project[n] for n in range(len(every))] == [
        place for place, p in enumerate(varied_projects) for _ in p.indicators
    ]
    assert list(columns.rows(np.arange(0))) == []


def test_rows_passing_a_test_are_those_testing_each_row_finds(varied_projects):
    columns = RowColumns.of(varied_projects)
    every = [row for p in varied_projects for row in p.indicators]
    some = np.arange(0, len(every), 3)  # a part of the rows, as a question's scope leaves
    tests = [_target_test(text) for text in STATED]
    assert [text for (test, _), text in zip(tests, STATED, strict=True) if test is None] == []
    passed_any = False
    for (test, _), text in zip(tests, STATED, strict=True):
        expected = [n for n, row in enumerate(every) if test(row)]
        assert columns.passing(test, np.arange(len(every))).tolist() == expected, text
        assert columns.passing(test, some).tolist() == [n for n in expected if n % 3 == 0], text
        passed_any = passed_any or bool(expected)
    assert passed_any


def test_the_rows_of_a_kind_per_project_are_those_reading_each_finds(varied_projects):
    from search.qa.answers import of_kind

    columns = RowColumns.of(varied_projects)
    for kind in ("满意度", "时效", "效益", "产出", "指标", "不在任何表里"):
        rows = np.flatnonzero(
            columns.any_field(
                lambda v, k=kind: v is not None and k in v, ("level1", "level2", "name")
            )
        )
        counts = columns.per_project(rows)
        for place, project in enumerate(varied_projects):
            own = [n for n, row in enumerate(project.indicators) if of_kind(row, kind)]
            assert counts[place] == len(own), (kind, project.id)
            assert columns.of_project(place, rows).tolist() == own, (kind, project.id)


def test_amounts_of_a_part_of_the_projects_from_the_column_are_those_read_of_each(
    varied_projects,
):
    """Which amount a question over some projects means, and which of them have it with
    their amounts: from the amounts' columns at their places as from reading each (the
    sample prints a total, the central tables only the year's money; some print none)."""
    from search.qa.answers import (
        BUDGET_NAMES,
        READS,
        ValueColumn,
        _money_key_of,
        _priced,
        money_key,
    )
    from search.qa.columns import ProjectsAt
    from search.store import ProjectStore

    unpriced = [
        replace(p, id=f"unpriced-{n}", budget=dict.fromkeys(p.budget))
        for n, p in enumerate(varied_projects[:3])
    ]
    projects = [*unpriced, *varied_projects]
    store = ProjectStore(projects)
    templates = {p.template for p in projects}
    assert len(templates) > 2
    parts = [np.arange(len(projects)), np.arange(0, len(projects), 2)]
    parts += [np.array([n for n, p in enumerate(projects) if p.template == t]) for t in templates]
    keys = set()
    for places in parts:
        listed = [projects[n] for n in places]
        at = ProjectsAt(store, places)
        assert list(at) == listed and at[:3] == listed[:3] and len(at) == len(listed)
        for name in (*BUDGET_NAMES, None):
            keys.add(_money_key_of(listed, name))
            assert _money_key_of(at, name) == _money_key_of(listed, name)
        for key in BUDGET_NAMES:
            assert money_key(at, key) == money_key(listed, key)
            at_priced, at_amounts = _priced(at, key)
            assert (list(at_priced), at_amounts) == tuple(map(list, _priced(listed, key)))
            priced, amounts = ValueColumn.of(projects, READS[f"budget:{key}"]).at(at)
            assert list(priced) == [p for p in listed if p.budget[key] is not None]
            assert amounts == [p.budget[key] for p in priced]
    assert {"total", "current_year"} <= keys  # the parts do differ in it
