"""The Jixiao Search web app. `python app.py` serves it on http://127.0.0.1:5000.

Every page is one dict from `search.views`, rendered by a template; its JSON twin under
/api/ returns the same dict (or, where SPEC §4 fixes the shape, that shape).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, jsonify, render_template, request
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import HTTPException

from indexer import layout
from indexer.build import BuildError, build_index
from search import qa, views
from search.engine import SearchEngine
from search.export import library_rows, search_rows, to_csv
from search.passages import similar_passages
from search.query import clean_query
from search.service import (
    FACET_LABELS,
    KIND_LABELS,
    SECTION_NAMES,
    BadRequest,
    SearchRequest,
    search,
)
from search.store import ProjectStore

ROOT = Path(__file__).resolve().parent
# Rows of one CSV export: each row is a hit with its snippet (1,000 take ~1 s at most).
MAX_EXPORT_ROWS = 1_000
LANDING_PROJECTS = 50
# Scripts and styles only from our own files: no inline script can run.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def found(value: Any, missing: str) -> Any:
    """`value`, or a 404 that says what is missing."""
    if value is None:
        abort(404, description=missing)
    return value


def ensure_index(corpus_dir: Path, index_dir: Path) -> None:
    """Build the index from the corpus if the index folder has none.

    A damaged index, or a build that fails (an empty corpus, a full disk), is only
    reported: the server still starts, and its pages answer 503 with the command that
    builds the index. Building over a damaged index at every start would hide the damage.
    """
    if not layout.has_current(index_dir):
        print(f"building the index from {corpus_dir} into {index_dir} …", file=sys.stderr)
        try:
            summary, _result = build_index(corpus_dir, index_dir)
        except BuildError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return
        print("\n".join(summary.lines()), file=sys.stderr)
        return
    try:
        layout.current_generation(index_dir)
    except layout.IndexMissing as exc:
        print(f"error: {exc}", file=sys.stderr)


def paged_json(data: dict[str, Any], key: str) -> Response:
    """One page of a list as SPEC §4 shapes it (a JSON array), its total and the links to
    the other pages in headers (`X-Total-Count`, `Link` as RFC 8288 has it)."""
    response = jsonify(data[key])
    response.headers["X-Total-Count"] = str(data["total"])
    links = {"first": data["first_url"], "last": data["last_url"]}
    links |= {"prev": data["pagination"]["prev_url"], "next": data["pagination"]["next_url"]}
    response.headers["Link"] = ", ".join(
        f'<{url}>; rel="{rel}"' for rel, url in links.items() if url
    )
    return response


def csv_response(text: str, filename: str) -> Response:
    return Response(
        text.encode("utf-8"),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={filename}"},
    )


class HtmlSafeJSONProvider(DefaultJSONProvider):
    """JSON as UTF-8 in record order, with `<`, `>` and `&` written as \\u escapes.

    Responses are application/json with nosniff, so a browser never runs them as HTML;
    the escapes keep user and document text inert even where JSON is pasted into a page.
    """

    ensure_ascii = False
    sort_keys = False  # keep the record order of SPEC §2

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        return super().dumps(obj, **kwargs).translate(_HTML_SAFE)


# These characters occur in JSON only inside strings, where the escapes mean the same.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app.

    Config keys: INDEX_DIR (default: env JIXIAO_INDEX_DIR, else instance/index), CORPUS_DIR
    (default: corpus/), BUILD_IF_MISSING (default True: build the index when there is none),
    BASE_URL (default: env JIXIAO_BASE_URL, else "": links in CSV files are relative).
    """
    app = Flask(__name__, instance_path=str(ROOT / "instance"))
    app.config.from_mapping(
        CORPUS_DIR=str(ROOT / "corpus"),
        INDEX_DIR=str(layout.default_index_dir(ROOT)),
        BUILD_IF_MISSING=True,
        BASE_URL=os.environ.get("JIXIAO_BASE_URL", ""),
    )
    if config:
        app.config.update(config)
    app.json = HtmlSafeJSONProvider(app)

    index_dir = Path(app.config["INDEX_DIR"])
    if app.config["BUILD_IF_MISSING"]:
        ensure_index(Path(app.config["CORPUS_DIR"]), index_dir)
    engine = SearchEngine(index_dir)
    app.extensions["jixiao.engine"] = engine

    def store() -> ProjectStore:
        return engine.generation().store

    # ---------------------------------------------------------------- search

    @app.get("/")
    def search_page():
        data = views.search_view(engine, request.args, "/")
        landing = not data["query"] and not data["filters"]
        listing = None
        if landing:
            listing = views.projects_view(store(), {}, "/projects", LANDING_PROJECTS)
        return render_template("search.html", data=data, landing=landing, listing=listing)

    @app.get("/api/search")
    def api_search():
        return jsonify(views.search_view(engine, request.args, "/api/search"))

    @app.get("/export/search.csv")
    def export_search():
        args = {k: v for k, v in request.args.items() if k not in ("page", "per_page")}
        answer = search(engine, SearchRequest.from_args(args).with_page(1, MAX_EXPORT_ROWS))
        # Links are relative unless a base URL is configured: never from the request's
        # Host header, which whoever sends the request chooses.
        header, rows = search_rows(answer["hits"], app.config["BASE_URL"])
        if answer["total"] > len(rows):
            rows.append([f"仅导出前 {len(rows)} 条结果（共 {answer['total']} 条）。"])
        return csv_response(to_csv(header, rows), "search.csv")

    # ---------------------------------------------------------------- projects

    @app.get("/projects")
    def projects_page():
        data = views.projects_view(store(), request.args, "/projects")
        return render_template("projects.html", data=data)

    @app.get("/api/projects")
    def api_projects():
        return paged_json(views.projects_view(store(), request.args, "/api/projects"), "projects")

    @app.get("/projects/<project_id>")
    def project_page(project_id: str):
        current = store()  # one generation for the whole page
        project = found(current.get(project_id), f"没有编号为 {project_id} 的项目。")
        return render_template("project.html", data=views.project_view(current, project))

    @app.get("/api/projects/<project_id>")
    def api_project(project_id: str):
        return jsonify(found(store().record(project_id), f"no project with id {project_id}"))

    def passages(project_id: str, section: str) -> dict[str, Any]:
        limit = views.limit_arg(request.args)
        return found(
            similar_passages(engine, project_id, section, limit),
            f"no section {section} in project {project_id}",
        )

    @app.get("/sections/<project_id>/<section>/similar")
    def passages_page(project_id: str, section: str):
        return render_template("passages.html", data=passages(project_id, section))

    @app.get("/api/sections/<project_id>/<section>/similar")
    def api_passages(project_id: str, section: str):
        return jsonify(passages(project_id, section))

    # ---------------------------------------------------------------- regulations

    @app.get("/regulations")
    def regulations_page():
        data = views.regulations_view(store(), request.args, "/regulations")
        return render_template("regulations.html", data=data)

    @app.get("/api/regulations")
    def api_regulations():
        data = views.regulations_view(store(), request.args, "/api/regulations")
        return paged_json(data, "regulations")

    @app.get("/regulations/<key>")
    def regulation_page(key: str):
        entry = found(store().regulation_entry(key), f"没有编号为 {key} 的法规文件。")
        return render_template("regulation.html", data=views.regulation_view(entry))

    @app.get("/api/regulations/<key>")
    def api_regulation(key: str):
        return jsonify(found(store().regulation(key), f"no regulation with key {key}"))

    # ---------------------------------------------------------------- indicators

    @app.get("/indicators")
    def indicators_page():
        return render_template("indicators.html", data=views.indicators_view(store()))

    @app.get("/api/indicators")
    def api_indicators():
        return jsonify(views.indicators_view(store()))

    @app.get("/indicators/similar")
    def similar_page():
        return render_template("similar.html", data=views.similar_view(store(), request.args))

    @app.get("/api/indicators/similar")
    def api_similar():
        return jsonify(views.similar_view(store(), request.args))

    @app.get("/export/indicators.csv")
    def export_indicators():
        header, rows = library_rows(store().library)
        return csv_response(to_csv(header, rows), "indicators.csv")

    # ---------------------------------------------------------------- ask

    @app.get("/ask")
    def ask_page():
        question, _ = clean_query(request.args.get("q", ""))
        data = qa.answer(engine, question) if question else None
        return render_template("ask.html", question=question, data=data)

    @app.get("/api/ask")
    def api_ask():
        question, _ = clean_query(request.args.get("q", ""))
        if not question:
            raise BadRequest("q must be a question, e.g. 机关服务费的总预算是多少？")
        return jsonify(qa.answer(engine, question))

    # ---------------------------------------------------------------- headers and errors

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    @app.context_processor
    def labels():
        return {
            "facet_labels": FACET_LABELS,
            "section_names": SECTION_NAMES,
            "kind_labels": KIND_LABELS,
        }

    def error(status: int, message: str, title: str):
        if request.path.startswith("/api/"):
            return jsonify(error=message), status
        return render_template("error.html", status=status, title=title, message=message), status

    @app.errorhandler(BadRequest)
    def bad_request(exc: BadRequest):
        return error(400, str(exc), "请求有误")

    @app.errorhandler(layout.IndexMissing)
    def index_missing(exc: layout.IndexMissing):
        return error(503, str(exc), "索引不可用")

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return error(exc.code or 500, exc.description or exc.name, exc.name)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        # A bug, never a user's mistake: log it, and show no traceback to the user.
        app.logger.exception("unexpected error on %s", request.path)
        return error(500, "内部错误，已记录。请稍后再试。", "内部错误")

    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Serve Jixiao Search (builds the index first if there is none)."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    parser.add_argument(
        "--debug", action="store_true", help="Flask's debug server instead of waitress"
    )
    args = parser.parse_args(argv)
    app = create_app()
    if args.debug:
        app.run(host=args.host, port=args.port, debug=True)
        return
    import waitress

    print(f"serving on http://{args.host}:{args.port}", file=sys.stderr)
    waitress.serve(app, host=args.host, port=args.port, threads=args.threads, ident="jixiao")


if __name__ == "__main__":
    main()
