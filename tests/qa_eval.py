"""Judge /api/ask on the helper-written question sets (tests/qa_questions_*.py).

    python tests/qa_eval.py dev        # every miss, with the question and our answer
    python tests/qa_eval.py heldout    # counts only: the held-out questions stay unread
    python tests/qa_eval.py heldout2   # the second held-out set, counts only
    python tests/qa_eval.py heldout3   # the third, counts only
    python tests/qa_eval.py heldout4   # the fourth, counts only
    python tests/qa_eval.py heldout5   # the fifth, counts only
    python tests/qa_eval.py dev2       # … dev7: more dev sets (built against, every miss shown)
    python tests/qa_eval.py heldout6   # … heldout9: later held-out sets, counts only

The corpus is the sample plus the real district (01, 03) and central (06) tables. An answer
is right when it holds every `must` string and one of `any_of` (spaces and full-width forms
ignored); a not-in-corpus question is right when the answer says so and gives no number for
what the corpus does not hold: answer type `not_in_corpus` with no number but a year, or
`partly_not_in_corpus` (a line of several questions some of which the corpus holds) whose
numbers are all ones the helper's whole answer states too (the held parts of such a line:
年度资金总额2,104.32万元 beside a refused part), the same amount in 元 or 万元.
"""

from __future__ import annotations

import importlib
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

REALWORLD = (
    "01_putuo2026_jianguanwei_lanxilu_pymupdf.txt",
    "03_putuo2026_chengguan_chaiwei_pymupdf.txt",
    "06_central2023_cas_nao_budget.pdf",
)
YEAR = re.compile(r"(?<![\d.])(?:19|20)\d{2}(?![\d.])(?:年度?|-\d{2}-\d{2})?")


def corpus_into(folder: Path) -> Path:
    corpus = folder / "corpus"
    corpus.mkdir()
    shutil.copy(HERE.parent / "corpus" / "shanghai-procuratorate-2020.txt", corpus)
    for name in REALWORLD:
        shutil.copy(HERE / "data" / "realworld" / name, corpus / name)
    return corpus


def plain(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


REFUSED = ("not_in_corpus", "partly_not_in_corpus")
NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(亿|万)?")


def amounts(text: str) -> list[float]:
    """The numbers a text gives (years aside), amounts in 万 or 亿 in units."""
    scale = {"万": 1e4, "亿": 1e8, None: 1}
    said = plain(text.replace("，", "；"))  # a comma between numbers is no thousands mark
    return [float(m[1].replace(",", "")) * scale[m[2]] for m in NUMBER.finditer(YEAR.sub("", said))]


def unstated_numbers(question: dict, answer: dict) -> list[float]:
    """The numbers a refusal gives for what the corpus does not hold: any but a year in a
    `not_in_corpus` answer; in a `partly_not_in_corpus` one, those the helper's whole answer
    does not state."""
    if answer["answer_type"] != "partly_not_in_corpus":
        return amounts(answer["answer"])
    stated = amounts(question["answer"])
    return [
        n
        for n in amounts(answer["answer"])
        if not any(abs(n - s) <= 1e-4 * max(abs(s), 1) for s in stated)
    ]


def judge(question: dict, answer: dict) -> bool:
    said = plain(answer["answer"])
    if question["not_in_corpus"]:
        return answer["answer_type"] in REFUSED and not unstated_numbers(question, answer)
    must, any_of = (
        question.get("must", []),
        question.get("any_of", []),
    )  # a helper may leave one out
    if not all(plain(m) in said for m in must):
        return False
    return not any_of or any(plain(a) in said for a in any_of)


def run(client, questions: list[dict], path: str = "/api/ask", judged=None) -> list[tuple]:
    """Each item asked of `path` (its `q`), with the answer and the verdict of `judged`
    (this module's `judge` unless given: search_eval judges searches so)."""
    judged = judged or judge
    out = []
    for question in questions:
        answer = client.get(path, query_string={"q": question["q"]}).get_json()
        out.append((question, answer, judged(question, answer)))
    return out


def main(which: str) -> None:
    from support import app_on_corpus

    questions = importlib.import_module(f"qa_questions_{which}").QUESTIONS
    with tempfile.TemporaryDirectory() as scratch:
        corpus = corpus_into(Path(scratch))
        client = app_on_corpus(corpus, Path(scratch) / "index").test_client()
        results = run(client, questions)
    right = Counter(q["class"] for q, _, ok in results if ok)
    total = Counter(q["class"] for q, _, _ in results)
    numbers = sum(1 for q, a, _ in results if q["not_in_corpus"] and unstated_numbers(q, a))
    digits = sum(
        1
        for q, a, _ in results
        if q["not_in_corpus"] and re.search(r"\d", YEAR.sub("", plain(a["answer"])))
    )
    if not which.startswith("heldout"):
        for question, answer, ok in results:
            if not ok:
                print(f"✗ [{question['class']}] {question['q']}")
                print(f"    ours ({answer['answer_type']}): {answer['answer'][:200]}")
                print(f"    want: {question['answer'][:200]}")
    print(" ".join(f"{c}:{right[c]}/{total[c]}" for c in sorted(total)))
    score = f"{sum(right.values())}/{len(results)}"
    print(f"{which}: {score} right; not-in-corpus with a number: {numbers} (any digit: {digits})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev")
