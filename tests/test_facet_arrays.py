"""The facet counts both backends share (`search.facets`), against counting by hand."""

from __future__ import annotations

import random

import numpy as np
import pytest

from search.facets import Facets, _projects_per_code

SIZE = 600


def corpus(seed: int):
    """Documents with a project each, a one-valued facet, one held by some only, and a
    many-valued one (as the checks' rule ids); some document numbers unused (deleted)."""
    rng = random.Random(seed)
    alive = [rng.random() > 0.1 for _ in range(SIZE)]
    project = [d // 7 for d in range(SIZE)]
    kind = [rng.choice(["表", "指标", "依据"]) for _ in range(SIZE)]
    level = [rng.choice(["产出", "效益", None]) for _ in range(SIZE)]
    problem = [rng.sample(["R1", "R2", "R3", "R4"], rng.randint(0, 3)) for _ in range(SIZE)]
    values = {"kind": kind, "level1": level, "problem": problem}

    def postings(name):
        found: dict[object, list[int]] = {}
        for doc in range(SIZE):
            if not alive[doc]:
                continue
            held = values[name][doc]
            for value in held if isinstance(held, list) else [held]:
                if value is not None:
                    found.setdefault(value, []).append(doc)
        return {value: np.array(docs) for value, docs in sorted(found.items())}

    facets = Facets(
        SIZE,
        np.array(alive),
        np.array(project, dtype=np.int32),
        {name: postings(name) for name in values},
    )
    return facets, alive, project, values, rng


def holds(values, name, doc, value) -> bool:
    held = values[name][doc]
    return value in held if isinstance(held, list) else held == value


def by_hand(matched, filters, alive, project, values, by_project):
    counted = {}
    for name in values:
        counts: dict[object, set] = {}
        for doc in range(SIZE):
            if not (alive[doc] and matched[doc]):
                continue
            if not all(holds(values, k, doc, v) for k, v in filters.items() if k != name):
                continue
            held = values[name][doc]
            for value in held if isinstance(held, list) else [held]:
                if value is not None:
                    counts.setdefault(value, set()).add(project[doc] if by_project else doc)
        counted[name] = {value: len(members) for value, members in counts.items()}
    return counted


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("by_project", [False, True])
def test_counts_with_the_other_facets_filters_equal_counting_by_hand(seed, by_project):
    facets, alive, project, values, rng = corpus(seed)
    matched = np.array([rng.random() < 0.4 for _ in range(SIZE)]) & facets.alive
    choices = [{}, {"kind": "指标"}, {"problem": "R2"}, {"kind": "表", "level1": "效益"}]
    filters = choices[seed % len(choices)]
    expected = by_hand(matched, filters, alive, project, values, by_project)
    assert facets.counts(matched, filters, by_project) == expected
    assert any(expected["problem"].values())  # the many-valued facet was counted
    tally = facets.tally(matched, filters, by_project)
    passes = [
        alive[d] and all(holds(values, k, d, v) for k, v in filters.items()) for d in range(SIZE)
    ]
    allowed = [d for d in range(SIZE) if matched[d] and passes[d]]
    assert tally.counts == expected
    assert (tally.passages, tally.admitted) == (len(allowed), sum(passes))
    assert tally.projects == len({project[d] for d in allowed})
    assert np.flatnonzero(tally.allowed).tolist() == allowed


def test_selected_is_every_filter_and_an_unknown_facet_selects_nothing():
    facets, alive, _, values, _ = corpus(1)
    chosen = facets.selected({"kind": "指标", "problem": "R3"})
    wanted = [
        alive[d] and holds(values, "kind", d, "指标") and holds(values, "problem", d, "R3")
        for d in range(SIZE)
    ]
    assert chosen.tolist() == wanted
    assert not facets.selected({"nonesuch": "x"}).any()
    assert not facets.selected({"kind": "not a kind"}).any()


@pytest.mark.parametrize("max_cells", [0, 1 << 25])
def test_projects_per_value_by_sorting_and_by_cells_agree(max_cells):
    rng = np.random.default_rng(7)
    owners = rng.integers(0, 50, 400)
    codes = rng.integers(0, 6, 400)
    expected = [len({o for o, c in zip(owners, codes, strict=True) if c == k}) for k in range(6)]
    counted = _projects_per_code(owners, codes, 50, 6, max_cells)
    assert counted.tolist() == expected


@pytest.mark.parametrize("limit", [None, 0, 1, 5, 40, 1000])
def test_ranked_orders_by_each_key_then_source_order_and_a_limit_keeps_the_first(limit):
    rng = np.random.default_rng(11)
    seq = rng.permutation(SIZE)  # source order is not the documents' numbers
    parts = rng.integers(1, 4, SIZE)
    score = rng.choice([0.5, 1.25, 2.0, 3.5], SIZE)  # many ties
    budget = rng.integers(0, 5, SIZE)
    project_of = np.arange(SIZE, dtype=np.int32) // 7
    facets = Facets(SIZE, np.ones(SIZE, dtype=bool), project_of, {}, {"seq": seq})
    allowed = rng.random(SIZE) < 0.5
    docs = np.flatnonzero(allowed).tolist()
    by_parts = sorted(docs, key=lambda d: (-parts[d], -score[d], seq[d]))
    ranked = facets.ranked(allowed, [(parts, True), (score, True)], limit)
    assert ranked.tolist() == by_parts[:limit]
    by_budget = sorted(docs, key=lambda d: (budget[d], seq[d]))
    assert facets.ranked(allowed, [(budget, False)], limit).tolist() == by_budget[:limit]
    # descending integers of any kind, unsigned and the smallest of a signed type among them
    for values in (budget.astype(np.uint8), np.where(budget == 0, np.iinfo(np.int64).min, budget)):
        by_most = sorted(docs, key=lambda d, v=values: (-int(v[d]), seq[d]))
        assert facets.ranked(allowed, [(values, True)], limit).tolist() == by_most[:limit]
