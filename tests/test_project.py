"""The project's own promises: README commands, CI entry point, clean code."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from support import ROOT


def readme_commands() -> list[str]:
    return re.findall(r"^```sh\n(.*?)\n```", (ROOT / "README.md").read_text("utf-8"), re.M | re.S)


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text("utf-8")
    first_block = readme.index("```")
    assert readme[:first_block].strip().startswith("# ")  # only the title before them
    site, tests = readme_commands()[:2]
    assert site.endswith("python app.py") and "pip install -e ." in site
    assert tests.endswith("pytest") and "'.[test]'" in tests
    assert "apt-get install -y chromium fonts-wqy-microhei" in tests


def test_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text("utf-8")
    awk = re.search(r"awk '([^']+)' README.md", script)[1]
    extracted = subprocess.run(
        ["awk", awk, "README.md"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert extracted == readme_commands()[1]


def test_code_never_reads_the_shared_folder():
    shared = "/".join(["..", "shared"])  # spelled so that this file does not match itself
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("indexer", "search", "tests", "templates")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and path.suffix in {".py", ".html"} and shared in path.read_text("utf-8")
    ]
    assert offenders == []


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is installed with the test extras")
def test_ruff_is_clean():
    check = subprocess.run(["ruff", "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    fmt = subprocess.run(
        ["ruff", "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout


def test_only_the_whoosh_backend_imports_whoosh():
    """The engine stays behind the backend protocol (search/backend.py): no other module of
    the program imports it (tests may, to test the backend itself)."""
    import ast

    offenders = []
    files = [ROOT / "app.py"] + [
        path
        for folder in ("indexer", "search", "benchmarks")
        for path in (ROOT / folder).rglob("*.py")
    ]
    for path in files:
        if path.is_relative_to(ROOT / "search" / "whoosh_backend"):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = (
                [a.name for a in node.names] if isinstance(node, ast.Import)
                else [node.module or ""] if isinstance(node, ast.ImportFrom)
                else []
            )  # fmt: skip
            if any(name == "whoosh" or name.startswith("whoosh.") for name in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert len(files) > 30 and offenders == []
