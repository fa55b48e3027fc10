"""Shared fixtures: the bundled corpus, its records, a real index built from it, the app."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings
from postgres_support import Server
from support import CORPUS

from app import create_app
from indexer import load_corpus
from indexer.build import build_index
from search.backends import open_backend

# PostgreSQL builds in the tests keep the documents of the terms that 10 documents or more
# hold (`search/postgres_backend/postings.py`; a build's default is 2,000, and the sample
# has 183 documents), so that the suite's searches go both ways: over the held terms'
# arrays, and (rarer terms alone) over the GIN indexes
os.environ.setdefault("JIXIAO_POSTINGS_FROM", "10")

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
def postgres():
    """A PostgreSQL server for the tests (see `postgres_support`)."""
    server = Server()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_config(postgres, tmp_path_factory):
    """The app's settings for a PostgreSQL database holding the bundled corpus."""
    config = {"SEARCH_BACKEND": "postgres", "DATABASE_URL": postgres.database()}
    build_index(CORPUS, tmp_path_factory.mktemp("unused"), backend_config=config)
    return config


# Every test that asks for `engine`, `app` or `client` runs on each backend.
BACKENDS = ("whoosh", "postgres")


@pytest.fixture(scope="session", params=BACKENDS)
def backend_config(request, index_dir):
    """The settings of one backend serving the bundled corpus."""
    if request.param == "whoosh":
        return {"SEARCH_BACKEND": "whoosh", "INDEX_DIR": str(index_dir)}
    return {**request.getfixturevalue("postgres_config"), "INDEX_DIR": str(index_dir)}


@pytest.fixture(scope="session")
def engine(backend_config):
    return open_backend(backend_config)


@pytest.fixture(scope="session")
def app(backend_config):
    return create_app({"TESTING": True, "BUILD_IF_MISSING": False, **backend_config})


@pytest.fixture
def client(app):
    return app.test_client()
