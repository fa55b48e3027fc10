"""The Jixiao Search web app. `python app.py` serves it on http://127.0.0.1:5000.

Every page is one dict from `search.views`, rendered by a template; its JSON twin under
/api/ returns the same dict (or, where SPEC §4 fixes the shape, that shape, and the
page's dict at `…/view`). Routes are grouped in one blueprint per area; `create_app`
registers them and builds no index (`python app.py` builds one on first start).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import gc
import os
import sys
import threading
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    jsonify,
    render_template,
    request,
    send_file,
)
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import HTTPException

from indexer import layout
from indexer.build import BuildError, build_index
from indexer.checks import csv_table
from indexer.csvfile import to_csv
from indexer.draft import MAX_DRAFT_BYTES, DraftError, read_draft
from indexer.textio import NotTextError, decode
from search import qa, spelling, views
from search.args import BadRequest
from search.backend import SearchBackend
from search.backends import open_backend
from search.export import citing_rows, file_name, library_rows, project_rows, search_rows
from search.query import clean_query
from search.store import ProjectStore
from search.urls import TEMPLATE_BUILDERS

ROOT = Path(__file__).resolve().parent
# Rows of one CSV export: each row is a hit with its snippet (1,000 take ~1 s at most).
MAX_EXPORT_ROWS = 1_000
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


def ensure_index(
    corpus_dir: Path, index_dir: Path, backend_config: Mapping[str, Any] | None = None
) -> None:
    """Build the index from the corpus if the index folder has none (with the backend
    that `backend_config` names: SEARCH_BACKEND …).

    A damaged index, or a build that fails (an empty corpus, a full disk), is only
    reported: the server still starts, and its pages answer 503 with the command that
    builds the index. Building over a damaged index at every start would hide the damage.
    """
    backend = open_backend({**(backend_config or {}), "INDEX_DIR": str(index_dir)})
    with contextlib.closing(backend):
        if backend.has_live():
            try:
                backend.check_live()
            except layout.IndexMissing as exc:
                print(f"error: {exc}", file=sys.stderr)
            return
        where = backend.location()
    print(f"building the index from {corpus_dir} into {where} …", file=sys.stderr)
    try:
        summary, _result = build_index(corpus_dir, index_dir, backend_config=backend_config)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return
    print("\n".join(summary.lines()), file=sys.stderr)


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


def csv_response(text: str, *words: str) -> Response:
    """A CSV download named by its words and the day: in UTF-8 (RFC 6266), and in ASCII
    (the day alone) for old clients."""
    day = date.today()
    name = file_name(*words, day=day)
    disposition = f"attachment; filename=\"jixiao-{day}.csv\"; filename*=UTF-8''{quote(name)}"
    return Response(
        text.encode("utf-8"), mimetype="text/csv", headers={"Content-Disposition": disposition}
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


# ---------------------------------------------------------------- the live index


def backend() -> SearchBackend:
    """The app's search backend (the live index generation and snapshots of it)."""
    return backend_of(current_app)


def backend_of(app: Flask) -> SearchBackend:
    return app.extensions["jixiao.backend"]


def store() -> ProjectStore:
    """The records of the live generation: ask once per request, so that a page never
    mixes two generations."""
    return backend().store()


def page_and_twin(
    area: Blueprint, rule: str, api_rule: str, template: str, make: Callable[..., dict]
) -> None:
    """Serve the dict `make(**url_arguments)` as a page at `rule` (rendered by `template`)
    and as JSON at `api_rule`: one dict for both, so the API never drifts from the page."""

    def page(**arguments: str) -> str:
        return render_template(template, data=make(**arguments))

    def twin(**arguments: str) -> Response:
        return jsonify(make(**arguments))

    area.add_url_rule(rule, f"{make.__name__}_page", page, methods=["GET"])
    area.add_url_rule(api_rule, f"{make.__name__}_api", twin, methods=["GET"])


# ---------------------------------------------------------------- search

search_area = Blueprint("search_area", __name__)
# set once `warm` has read the live generation and built what the pages need
WARMED = "jixiao.warmed"


@search_area.get("/")
def search_page():
    return render_template("search.html", data=views.search_view(backend(), request.args, "/"))


@search_area.get("/api/search")
def api_search():
    return jsonify(views.search_view(backend(), request.args, "/api/search"))


@search_area.get("/export/search.csv")
def export_search():
    answer = views.export_view(backend(), request.args, MAX_EXPORT_ROWS)
    # Links are relative unless a base URL is configured: never from the request's Host
    # header, which whoever sends the request chooses.
    header, rows = search_rows(answer, current_app.config["BASE_URL"])
    query = clean_query(request.args.get("q") or "")[0]
    return csv_response(to_csv(header, rows), "检索", query or "全部")


@search_area.get("/api/status")
def api_status():
    # Whether the server has read the index and built what its pages need (`warm`): the
    # requests before are answered, but wait for what they need. For a process manager's
    # health check, and for benchmarks, which measure a warmed server.
    return jsonify({"ready": current_app.extensions[WARMED].is_set()})


@search_area.get("/api/suggest")
def api_suggest():
    # Completions for the search box as one types (static/app.js asks for them).
    return jsonify(views.suggest_view(backend(), request.args))


# ---------------------------------------------------------------- projects

projects_area = Blueprint("projects_area", __name__)


def projects_list_data() -> dict[str, Any]:
    return projects_data("/projects")


page_and_twin(projects_area, "/projects", "/api/projects/view", "projects.html", projects_list_data)


@projects_area.get("/export/projects.csv")
def export_projects():
    header, rows = project_rows(store().projects, current_app.config["BASE_URL"])
    return csv_response(to_csv(header, rows), "项目列表")


@projects_area.get("/api/projects")
def api_projects():
    return paged_json(projects_data("/api/projects"), "projects")


def projects_data(path: str) -> dict[str, Any]:
    return views.projects_view(store(), request.args, path)


def project_data(project_id: str) -> dict[str, Any]:
    current = store()  # one generation for the whole page
    missing = f"没有编号为 {project_id} 的项目。"
    return views.project_view(current, found(current.get(project_id), missing))


page_and_twin(
    projects_area, "/projects/<project_id>", "/api/projects/<project_id>/view", "project.html",
    project_data,
)  # fmt: skip


@projects_area.get("/projects/<project_id>/source")
def project_source(project_id: str):
    """The file a project was read from, served read-only from the corpus folder: only a
    file the index knows (a project's source), only inside the folder."""
    project = found(store().get(project_id), f"没有编号为 {project_id} 的项目。")
    path = corpus_path(Path(current_app.config["CORPUS_DIR"]), project.source.file)
    if path is None:
        abort(404, description=f"原始文件 {project.source.file} 不在语料目录中。")
    if path.suffix.lower() == ".pdf":
        response = send_file(path, mimetype="application/pdf", conditional=True, max_age=3600)
    else:
        # Text in any encoding the indexer reads (GB18030, UTF-16 …), shown as UTF-8.
        data = path.read_bytes()
        try:
            data = decode(data).encode("utf-8")
        except NotTextError:
            abort(404, description=f"原始文件 {project.source.file} 不是可读的文本。")
        response = Response(data, mimetype="text/plain")
    response.headers["Content-Disposition"] = "inline"
    return response


def corpus_path(corpus_dir: Path, source_file: str) -> Path | None:
    """Where a record's source file (`corpus/a/b.pdf`, named from the corpus folder's name)
    is under `corpus_dir`, or None if it is not a regular file inside it."""
    parts = Path(source_file).parts
    root = corpus_dir.resolve()
    if len(parts) < 2 or ".." in parts or parts[0] != root.name:
        return None
    try:
        path = root.joinpath(*parts[1:]).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if root not in path.parents or not path.is_file():
        return None
    return path


@projects_area.get("/api/projects/<project_id>")
def api_project(project_id: str):
    # SPEC §4: the record itself; the page's dict is at …/view.
    return jsonify(found(store().record(project_id), f"没有编号为 {project_id} 的项目。"))


def passages_data(project_id: str, section: str) -> dict[str, Any]:
    limit = views.limit_arg(request.args)
    return found(
        views.passages_view(backend(), project_id, section, limit),
        f"项目 {project_id} 没有“{section}”这一栏。",
    )


page_and_twin(
    projects_area,
    "/sections/<project_id>/<section>/similar",
    "/api/sections/<project_id>/<section>/similar",
    "passages.html",
    passages_data,
)


# ---------------------------------------------------------------- regulations

regulations_area = Blueprint("regulations_area", __name__)


def regulations_list_data() -> dict[str, Any]:
    return views.regulations_view(store(), request.args, "/regulations")


page_and_twin(
    regulations_area, "/regulations", "/api/regulations/view", "regulations.html",
    regulations_list_data,
)  # fmt: skip


@regulations_area.get("/api/regulations")
def api_regulations():
    data = views.regulations_view(store(), request.args, "/api/regulations")
    return paged_json(data, "regulations")


@regulations_area.get("/export/regulations/<key>.csv")
def export_regulation(key: str):
    data = regulation_data(key)
    header, rows = citing_rows(data["passages"], current_app.config["BASE_URL"])
    said = data["regulation"].get("title") or data["regulation"].get("number") or key
    return csv_response(to_csv(header, rows), "引用", said)


def regulation_data(key: str) -> dict[str, Any]:
    missing = f"没有编号为 {key} 的法规文件。"
    return views.regulation_view(found(store().regulation_entry(key), missing))


page_and_twin(
    regulations_area, "/regulations/<key>", "/api/regulations/<key>/view", "regulation.html",
    regulation_data,
)  # fmt: skip


@regulations_area.get("/api/regulations/<key>")
def api_regulation(key: str):
    # The catalogue entry as /api/regulations lists it; the page's dict is at …/view.
    return jsonify(found(store().regulation(key), f"没有编号为 {key} 的法规文件。"))


# ---------------------------------------------------------------- indicators

indicators_area = Blueprint("indicators_area", __name__)


def library_data() -> dict[str, Any]:
    return views.indicators_view(store())


def similar_data() -> dict[str, Any]:
    return views.similar_view(store(), request.args)


page_and_twin(indicators_area, "/indicators", "/api/indicators", "indicators.html", library_data)
page_and_twin(
    indicators_area, "/indicators/similar", "/api/indicators/similar", "similar.html", similar_data
)


def compare_data() -> dict[str, Any]:
    # ids=a,b or, from the project list's checkboxes, ids=a&ids=b
    return views.compare_view(store(), {"ids": ",".join(request.args.getlist("ids"))})


page_and_twin(projects_area, "/compare", "/api/compare", "compare.html", compare_data)


@indicators_area.get("/export/indicators.csv")
def export_indicators():
    header, rows = library_rows(store().library)
    return csv_response(to_csv(header, rows), "指标库")


# ---------------------------------------------------------------- ask

ask_area = Blueprint("ask_area", __name__)


def ask_data() -> dict[str, Any]:
    question, _ = clean_query(request.args.get("q", ""))
    data = views.ask_view(qa.ask(backend(), question) if question else None)
    return {**data, "question": question}


@ask_area.get("/ask")
def ask_page():
    data = ask_data()
    return render_template("ask.html", question=data["question"], data=data)


@ask_area.get("/api/ask/view")
def api_ask_view():
    # The /ask page's dict: the answer, what the question was read as, examples.
    return jsonify(ask_data())


@ask_area.get("/api/ask")
def api_ask():
    question, _ = clean_query(request.args.get("q", ""))
    if not question:
        raise BadRequest("参数 q 不能为空，请输入一个问题，例如：机关服务费的总预算是多少？")
    return jsonify(qa.answer(backend(), question))


# ---------------------------------------------------------------- checks

checks_area = Blueprint("checks_area", __name__)


def checks_data() -> dict[str, Any]:
    return views.checks_view(store(), request.args, "/checks")


page_and_twin(checks_area, "/checks", "/api/checks", "checks.html", checks_data)


@checks_area.get("/export/checks.csv")
def export_checks():
    current = store()
    rule, findings = views.rule_findings(current, request.args)
    header, rows = csv_table(findings, current.get)
    return csv_response(to_csv(header, rows), "检查", rule or "全部")


# ---------------------------------------------------------------- draft

draft_area = Blueprint("draft_area", __name__)


def draft_data() -> dict[str, Any]:
    """The uploaded draft (form field `file`) read and checked; nothing kept."""
    if request.method == "GET":
        return views.draft_view(store(), None)
    upload = request.files.get("file")
    if upload is None:
        raise BadRequest("请选择要检查的文件（表单字段 file），PDF 或文本。")
    name = Path(upload.filename or "draft").name[:100] or "draft"
    try:
        result = read_draft(upload.read(MAX_DRAFT_BYTES + 1), name)
    except DraftError as exc:
        raise BadRequest(str(exc)) from None
    return views.draft_view(store(), result, name)


@draft_area.route("/draft", methods=["GET", "POST"])
def draft_page():
    return render_template("draft.html", data=draft_data())


@draft_area.post("/api/draft")
def api_draft():
    return jsonify(draft_data())


AREAS = (
    search_area,
    projects_area,
    regulations_area,
    indicators_area,
    ask_area,
    checks_area,
    draft_area,
)


# ---------------------------------------------------------------- the app


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app on the index in INDEX_DIR; build no index.

    Config keys: INDEX_DIR (default: env JIXIAO_INDEX_DIR, else instance/index),
    SEARCH_BACKEND (default: env JIXIAO_SEARCH_BACKEND, else "whoosh"), CORPUS_DIR
    (default: corpus/, for `python app.py`'s first build), BASE_URL (default: env
    JIXIAO_BASE_URL, else "": links in CSV files are relative).
    """
    app = Flask(__name__, instance_path=str(ROOT / "instance"))
    app.config.from_mapping(
        CORPUS_DIR=str(ROOT / "corpus"),
        INDEX_DIR=str(layout.default_index_dir(ROOT)),
        SEARCH_BACKEND=os.environ.get("JIXIAO_SEARCH_BACKEND", "whoosh"),
        BASE_URL=os.environ.get("JIXIAO_BASE_URL", ""),
        # an upload (a draft table) of at most 10 MB, and its form around it; more is a 413
        MAX_CONTENT_LENGTH=MAX_DRAFT_BYTES + 64 * 1024,
    )
    if config:
        app.config.update(config)
    app.json = HtmlSafeJSONProvider(app)
    app.extensions["jixiao.backend"] = open_backend(app.config)
    app.extensions[WARMED] = threading.Event()
    for area in AREAS:
        app.register_blueprint(area)
    app.jinja_env.globals.update(TEMPLATE_BUILDERS)  # links in templates: one URL builder
    app.jinja_env.globals["source_label"] = views.source_label
    app.after_request(security_headers)
    app.register_error_handler(BadRequest, bad_request)
    app.register_error_handler(layout.IndexMissing, index_missing)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Exception, unexpected)
    return app


def security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def api() -> bool:
    """Whether the request is for JSON (under /api/) rather than a page."""
    return request.path.startswith("/api/")


def error(status: int, message: str, title: str) -> tuple[Any, int]:
    """A JSON error under /api/, an error page elsewhere."""
    if api():
        return jsonify(error=message), status
    return render_template("error.html", status=status, title=title, message=message), status


def bad_request(exc: BadRequest) -> tuple[Any, int]:
    return error(400, str(exc), "请求有误")


def index_missing(exc: layout.IndexMissing) -> tuple[Any, int]:
    return error(503, str(exc), "索引不可用")


# Werkzeug's own titles and messages, said in Chinese (a message of our own stays as it is)
HTTP_SAID = {
    400: ("请求有误", "请求的格式不正确。"),
    404: ("页面不存在", "找不到这个地址。可以回到首页检索，或在“项目”页浏览全部项目。"),
    405: ("不支持的请求方法", "这个地址不接受这种请求方法。"),
    413: ("请求过大", "上传或提交的内容超过了允许的大小。"),
    414: ("地址过长", "请求的地址过长，请缩短检索词。"),
    429: ("请求过于频繁", "请求过于频繁，请稍后再试。"),
}


def http_error(exc: HTTPException) -> tuple[Any, int]:
    code = exc.code or 500
    title, said = HTTP_SAID.get(code, (exc.name, exc.description or exc.name))
    own = exc.description and exc.description != type(exc).description
    return error(code, exc.description if own else said, title)


def unexpected(exc: Exception) -> tuple[Any, int]:
    # A bug, never a user's mistake: log it, and show no traceback to the user.
    current_app.logger.exception("unexpected error on %s", request.path)
    return error(500, "内部错误，已记录。请稍后再试。", "内部错误")


def warm(app: Flask) -> None:
    """Read the live generation and work out what its pages compute once (completions,
    the checks' findings and peers, the spelling tables, the question pipeline's indexes,
    the search engine's frequent terms (`Snapshot.prepare`: 128 MB read in 11 s at 100,000
    projects on Whoosh):
    10-15 s at 10,000 projects, most of it reading the records; the first question at
    100,000 projects waited a minute for the last), so that the first requests do not
    wait for them; then `/api/status` says the server is ready. A generation published
    later is read by the first request that needs it.

    What it builds lives as long as the generation: the garbage collector is off while it
    builds (its collections walked the growing heap again and again: 11.2 -> 9.0 s at
    10,000 projects), and then leaves it out of its collections (`gc.freeze`: a full
    collection walked every object, 9.4 s at 100,000 projects, with every thread
    stopped; and a process forked afterwards would copy every page it touched)."""
    gc.disable()
    try:
        with contextlib.suppress(layout.IndexMissing), backend_of(app).snapshot() as snapshot:
            snapshot.store.prepare()
            snapshot.prepare()
            spelling.prepare(snapshot.vocabulary())
            qa.prepare(snapshot.store)
    finally:
        gc.freeze()
        gc.enable()
        app.extensions[WARMED].set()


def serve_processes(app: Flask, host: str, port: int, workers: int, threads: int) -> None:
    """Serve with `workers` processes of `threads` threads each (gunicorn). The records
    and what is built from them are read here, before the workers fork, and shared with
    them copy-on-write (frozen out of the garbage collector by `warm`, which would
    otherwise touch every page); each worker opens its own index files per request."""
    from gunicorn.app.base import BaseApplication

    warm(app)
    # no connections or their threads across the fork: each worker opens its own
    backend_of(app).close()

    class Served(BaseApplication):
        def load_config(self) -> None:
            settings = {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread",
                "timeout": 120,
            }
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self) -> Flask:
            return app

    print(f"serving on http://{host}:{port} with {workers} processes", file=sys.stderr)
    Served().run()


# glibc's mallopt parameter for the number of arenas
M_ARENA_MAX = -8


def one_malloc_arena() -> bool:
    """Have glibc's malloc serve every thread from one arena (as MALLOC_ARENA_MAX=1 would);
    whether it could (not without glibc). By default each thread that allocates gets an
    arena of its own, whose memory is new pages the first time: the arrays of a search at
    100,000 projects (tens of MB) made each of waitress's 8 threads answer its first
    search 40 ms slower (70 instead of 30 ms), and each arena keeps what its thread
    freed. Python allocates under its interpreter lock anyway. A MALLOC_ARENA_MAX set in
    the environment is left to glibc."""
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(M_ARENA_MAX, 1))
    except (OSError, AttributeError):
        return False


def main(argv: list[str] | None = None) -> None:
    """`python app.py`: build the index if there is none, then serve."""
    one_malloc_arena()  # before any thread
    parser = argparse.ArgumentParser(
        description="Serve Jixiao Search (builds the index first if there is none)."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--threads", type=int, default=8, help="threads per process (default 8)")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes (default 1: waitress in this process; more: gunicorn's workers, "
        "so that requests are not serialized by one interpreter lock)",
    )
    parser.add_argument(
        "--debug", action="store_true", help="Flask's debug server instead of waitress"
    )
    args = parser.parse_args(argv)
    try:
        app = create_app()
    except ValueError as exc:  # a setting no backend can use (SEARCH_BACKEND …)
        sys.exit(f"error: {exc}")
    config = app.config
    ensure_index(Path(config["CORPUS_DIR"]), Path(config["INDEX_DIR"]), dict(config))
    if args.workers > 1 and not args.debug:
        serve_processes(app, args.host, args.port, args.workers, args.threads)
        return
    threading.Thread(target=warm, args=(app,), daemon=True).start()
    if args.debug:
        app.run(host=args.host, port=args.port, debug=True)
        return
    import waitress

    print(f"serving on http://{args.host}:{args.port}", file=sys.stderr)
    waitress.serve(app, host=args.host, port=args.port, threads=args.threads, ident="jixiao")


if __name__ == "__main__":
    main()
