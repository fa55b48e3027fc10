"""Shared fixtures: the bundled corpus and its parsed records."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings
from support import CORPUS

from indexer import load_corpus

settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, max_examples=300)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def sample_result():
    """The bundled corpus parsed once: (ParseResult, number of files)."""
    return load_corpus(CORPUS)


@pytest.fixture(scope="session")
def sample_projects(sample_result):
    return sample_result[0].projects
