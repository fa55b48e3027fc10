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
