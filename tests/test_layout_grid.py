"""The grid layout on tables typeset in other families' shapes (tests/data/grid), with the
records typed by hand from their sources."""

from __future__ import annotations

import grid_expected as expected
import pytest
from layout_support import DATA, assert_same_record, parse

CASES = [(name, i) for name, tables in expected.TABLES.items() for i in range(len(tables))]


@pytest.fixture(scope="module")
def results():
    return {name: parse(DATA / "grid" / name) for name in expected.TABLES}


@pytest.mark.parametrize("name", list(expected.TABLES))
def test_each_file_gives_its_tables_and_nothing_else(results, name):
    result = results[name]
    assert [str(d) for d in result.errors] == []
    assert [p.source.page for p in result.projects] == [t["page"] for t in expected.TABLES[name]]
    assert {p.template for p in result.projects} == {"grid"}


@pytest.mark.parametrize(("name", "index"), CASES)
def test_table(results, name, index):
    assert_same_record(results[name].projects[index], expected.TABLES[name][index])
