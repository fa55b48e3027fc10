"""Held-out tables of five more families (tests/data/heldout), made and typed by hand by a
helper that did not read the code: the grid layout and the narrative page must read them as
they are. On the first run 3 of the 6 records were exact (see the closing note of issue 13);
the fixes were general rules (a year alone in a period, a narrative page for any template, a
unit named once for the money block, a value cell that prints its unit), not these files."""

from __future__ import annotations

import heldout_expected as expected
import pytest
from layout_support import DATA, assert_same_record, parse

CASES = [(name, i) for name, tables in expected.TABLES.items() for i in range(len(tables))]


@pytest.fixture(scope="module")
def results():
    return {name: parse(DATA / "heldout" / name) for name in expected.TABLES}


@pytest.mark.parametrize("name", list(expected.TABLES))
def test_each_file_gives_its_tables(results, name):
    result = results[name]
    assert [str(d) for d in result.diagnostics] == []
    assert [p.source.page for p in result.projects] == [t["page"] for t in expected.TABLES[name]]


@pytest.mark.parametrize(("name", "index"), CASES)
def test_table(results, name, index):
    assert_same_record(results[name].projects[index], expected.TABLES[name][index])
