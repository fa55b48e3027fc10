"""Shared fixtures: the bundled corpus, its records, a real index built from it, the app."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings
from support import CORPUS

from app import create_app
from indexer import load_corpus
from indexer.build import build_index
from search.whoosh_backend import WhooshBackend

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


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory):
    """A real Whoosh index on disk, built from the bundled corpus."""
    path = tmp_path_factory.mktemp("index")
    build_index(CORPUS, path)
    return path


@pytest.fixture(scope="session")
def engine(index_dir):
    return WhooshBackend(index_dir)


@pytest.fixture(scope="session")
def app(index_dir):
    return create_app({"TESTING": True, "INDEX_DIR": str(index_dir), "BUILD_IF_MISSING": False})


@pytest.fixture
def client(app):
    return app.test_client()
