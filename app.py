"""The Jixiao Search web app. `python app.py` serves it on http://127.0.0.1:5000."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from flask import Flask, abort, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from search.store import ProjectStore

ROOT = Path(__file__).resolve().parent
MAX_QUERY = 200  # characters; longer queries are refused with 400


def query_text() -> str:
    """The `q` argument, refused with 400 when it is too long to be a real query."""
    query = request.args.get("q", "")
    if len(query) > MAX_QUERY:
        abort(400, description=f"q is too long ({len(query)} characters, at most {MAX_QUERY})")
    return query


def found(value: Any, missing: str) -> Any:
    """`value`, or a 404 that says what is missing."""
    if value is None:
        abort(404, description=missing)
    return value


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app. Config keys: CORPUS_DIR, INDEX_DIR (env JIXIAO_INDEX_DIR)."""
    app = Flask(__name__, instance_path=str(ROOT / "instance"))
    app.config.from_mapping(
        CORPUS_DIR=str(ROOT / "corpus"),
        INDEX_DIR=os.environ.get("JIXIAO_INDEX_DIR", str(ROOT / "instance" / "index")),
    )
    if config:
        app.config.update(config)
    app.json.ensure_ascii = False
    app.json.sort_keys = False  # keep the record order of SPEC §2
    store = ProjectStore.from_corpus(Path(app.config["CORPUS_DIR"]))

    @app.get("/")
    def home():
        return render_template("projects.html", projects=store.projects)

    @app.get("/api/projects")
    def api_projects():
        return jsonify(store.records())

    @app.get("/api/projects/<project_id>")
    def api_project(project_id: str):
        return jsonify(found(store.record(project_id), f"no project with id {project_id}"))

    @app.get("/api/regulations")
    def api_regulations():
        return jsonify(store.regulations(query_text()))

    @app.get("/api/regulations/<key>")
    def api_regulation(key: str):
        return jsonify(found(store.regulation(key), f"no regulation with key {key}"))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if request.path.startswith("/api/"):
            return jsonify(error=error.description), error.code
        return render_template("error.html", error=error), error.code

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve Jixiao Search.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args()
    create_app().run(host=args.host, port=args.port)


if __name__ == "__main__":
    main()
