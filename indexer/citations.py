"""Find cited regulations in section text: titles in 《》, document numbers, or both.

A document number (发文字号) is 机关代字 + year in brackets + serial + 号. Practice writes
`[]`, `〔〕`, `【】`, `（）`, `()` or `<>`, adds `第`, spaces or `号文`; all are normalized to
the GB/T 9704 form `沪财行〔2014〕39号`. Decrees without a year (`沪府令9号`) are kept as
written. A title is the text inside the outermost 《》, nested 《…〈…〉…》 kept whole.

Text may be hostile (a bad PDF extraction, thousands of unclosed 《, long runs of spaces), so
every function here is linear in the text, up to the bounded issuer length: titles are matched
in one pass, runs of whitespace possessively so that a failed match never re-splits them, and
titles and numbers meet by bisecting sorted positions rather than by comparing every pair.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .model import Citation
from .vocabulary import HAN

_OPEN = r"[\[〔【（(<＜〈［﹝]"
_CLOSE = r"[\]〕】）)>＞〉］﹞]"
# The issuer is the run of Han characters before the bracket; `_trim_issuer` then cuts off
# the words that lead into a number (根据, 按照, 关于印发 …). Whitespace is possessive (`\s*+`):
# what follows it never starts with whitespace, so the matches are the same, but a plain
# `\s*第?\s*` tries every split of a long run of spaces and is quadratic in it.
DOC_NUMBER = re.compile(
    rf"(?P<issuer>[{HAN}]{{1,24}}?)\s*+{_OPEN}\s*+(?P<year>(?:19|20)\d\d)\s*+{_CLOSE}"
    rf"\s*+第?\s*+(?P<serial>\d{{1,7}})\s*+号(?:文)?"
)
DECREE_NUMBER = re.compile(rf"(?P<issuer>[{HAN}]{{0,24}}?令)\s*+第?\s*+(?P<serial>\d{{1,6}})\s*+号")

# Words that precede a number but never belong to an issuer code; the issuer starts
# after the last of them.
LEAD_WORDS = (
    "的",
    "根据",
    "按照",
    "依据",
    "依照",
    "参照",
    "遵照",
    "关于",
    "印发",
    "转发",
    "文件",
    "通知",
    "规定",
    "精神",
    "要求",
    "引用",
    "项目",
    "哪些",
    "什么",
    "了",
    "是",
    "见",
    "及",
    "和",
    "与",
    "或",
)

# A title followed by its number: `《…》（沪财行[2014]39号）`, `《…》沪财行[2014]39号`,
# `印发《…》的通知（厅字（2009）32号）`.
# Possessive for the same reason as above: with `\s*` this is about quartic in a run of spaces.
_TITLE_THEN_NUMBER = re.compile(r"\s*+(?:的(?:通知|批复|决定|函)|文件)?\s*+》?\s*+[（(]?\s*+")
# A number followed by its title: `按照沪编[2015]581号《…》`. Every prefix of a match is a
# match, so the gap after a number fits if it is no longer than this pattern's longest match.
_NUMBER_THEN_TITLE = re.compile(r"\s*+[）)]?\s*+")

# Titles ending in these words (after a trailing bracket such as （试行） or
# （征求意见稿）) name regulations; others, like 《…智能接待系统》, do not.
REGULATION_ENDINGS = (
    "办法",
    "意见",
    "通知",
    "标准",
    "方案",
    "规定",
    "条例",
    "法",
    "纲要",
    "指南",
    "规范",
    "批复",
    "目录",
    "要求",
    "决定",
    "细则",
    "规则",
    "规划",
    "计划",
    "制度",
    "准则",
    "章程",
    "决议",
    "公告",
    "通告",
    "指引",
    "函",
    "令",
    "清单",
)
_ROUND_BRACKETS = "（()）"
_TITLE_BRACKETS = re.compile("[《》]")


@dataclass(frozen=True)
class DocNumber:
    """A document number found in text, with its span."""

    start: int
    end: int
    number: str  # normalized
    issuer: str
    year: int | None


@dataclass(frozen=True)
class Title:
    start: int  # index of the opening 《
    end: int  # index after the closing 》
    text: str


def _trim_issuer(run: str) -> str:
    cut = max((run.rfind(word) + len(word) for word in LEAD_WORDS if word in run), default=0)
    return run[cut:]


def find_doc_numbers(text: str) -> list[DocNumber]:
    """Every document number in `text`, normalized, in order."""
    found: list[DocNumber] = []
    for match in DOC_NUMBER.finditer(text):
        issuer = _trim_issuer(match["issuer"])
        if not issuer:
            continue
        year, serial = int(match["year"]), int(match["serial"])
        start = match.end("issuer") - len(issuer)
        found.append(DocNumber(start, match.end(), f"{issuer}〔{year}〕{serial}号", issuer, year))
    # The numbers above do not overlap and are in order, so their ends are sorted too: the
    # first one ending after `start` is the only one that can overlap a decree.
    taken_starts = [n.start for n in found]
    taken_ends = [n.end for n in found]
    for match in DECREE_NUMBER.finditer(text):
        issuer = _trim_issuer(match["issuer"])
        start = match.end("issuer") - len(issuer)
        if len(issuer) < 2:
            continue
        first = bisect_right(taken_ends, start)
        if first < len(taken_starts) and taken_starts[first] < match.end():
            continue
        written = re.sub(r"\s+", "", text[start : match.end()])
        found.append(DocNumber(start, match.end(), written, issuer, None))
    return sorted(found, key=lambda n: n.start)


def normalize_doc_number(text: str) -> str | None:
    """The normalized form of the first document number in `text`, or None."""
    numbers = find_doc_numbers(unicodedata.normalize("NFKC", text))
    return numbers[0].number if numbers else None


def normalize_number_prefix(text: str) -> str:
    """The start of a document number, as typed, in the normalized form's brackets:
    `沪财行[2014` and `沪财行（2014）第` -> `沪财行〔2014` and `沪财行〔2014〕` (for completing
    what a user is typing against normalized numbers)."""
    folded = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    folded = re.sub(_OPEN, "〔", folded)
    return re.sub(rf"{_CLOSE}第?", "〕", folded)


def find_titles(text: str) -> list[Title]:
    """Titles in the outermost 《》, nested 《…《…》…》 and 《…〈…〉…》 kept whole.

    A stray 》 is ignored; a 《 that never closes is skipped and scanning goes on after it.
    """
    # One pass with a stack: the 》 that pops a 《 is the one where the depth counted from
    # that 《 first returns to zero; a 》 with an empty stack is stray.
    openings: list[int] = []
    closing: dict[int, int] = {}
    stack: list[int] = []
    for bracket in _TITLE_BRACKETS.finditer(text):
        at = bracket.start()
        if text[at] == "《":
            openings.append(at)
            stack.append(at)
        elif stack:
            closing[stack.pop()] = at
    # Outermost pairs in order; an unclosed 《 is skipped, so titles inside it still count.
    titles: list[Title] = []
    resume = 0
    for i in openings:
        if i < resume or i not in closing:
            continue
        j = closing[i]
        inner = text[i + 1 : j].strip()
        if inner:
            titles.append(Title(i, j + 1, inner))
        resume = j + 1
    return titles


def is_regulation_title(title: str) -> bool:
    """Whether a title names a regulation (办法, 通知, 标准 …) rather than, say, a system."""
    core = _strip_trailing_brackets(title.strip().strip("“”\"'"))
    return core.endswith(REGULATION_ENDINGS)


def _strip_trailing_brackets(core: str) -> str:
    """`core` without its trailing （…） groups, each cut followed by `.strip()`.

    The same as cutting `[（(][^（()）]*[)）]$` until it no longer matches, which is quadratic
    in 《甲（）（）…（）》: this walks back once. Like `$`, the first group may end just
    before a final newline.
    """
    end = len(core) - 1 if core.endswith("\n") else len(core)
    cut = False
    while end > 0 and core[end - 1] in ")）":
        i = end - 2
        while i >= 0 and core[i] not in _ROUND_BRACKETS:
            i -= 1
        if i < 0 or core[i] not in "（(":
            break
        # The regex cut is followed by .strip(): drop the group, the newline, trailing spaces.
        end, cut = i, True
        while end > 0 and core[end - 1].isspace():
            end -= 1
    return core[:end].lstrip() if cut else core


# A title written without 《》 right after its number: `普建委[2025]127号关于同意…方案的批复。`
_BARE_TITLE = re.compile(
    r"[\s:：]*+(关于[^。；;\n《》“”]{2,60}?的(?:" + "|".join(REGULATION_ENDINGS) + r"))"
    r"(?=[。；;，,\s）)]|$)"
)


def _bare_title_after(text: str, number: DocNumber) -> Title | None:
    found = _BARE_TITLE.match(text, number.end)
    return Title(found.start(1), found.end(1), found[1]) if found else None


def _pairs(text: str) -> Iterator[tuple[Title | None, DocNumber | None]]:
    """Pair each title with the number right after it, else the number right before it."""
    titles = find_titles(text)
    title_starts = [t.start for t in titles]

    def in_a_title(at: int) -> bool:
        # Titles do not overlap: only the last one opening before `at` can hold it.
        k = bisect_left(title_starts, at) - 1
        return k >= 0 and at < titles[k].end

    numbers = [n for n in find_doc_numbers(text) if not in_a_title(n.start)]
    starts = [n.start for n in numbers]
    ends = [n.end for n in numbers]  # sorted too: numbers do not overlap
    reach: dict[int, int] = {}  # number index -> furthest title start it can pair with
    used: set[int] = set()
    paired: list[tuple[int, Title | None, DocNumber | None]] = []
    # Every number holds a digit and the gap patterns allow none, so of the numbers after a
    # title only the first can fit, and of those before it only the last: one candidate each.
    for title in titles:
        number = None
        k = bisect_left(starts, title.end)
        if (
            k < len(numbers)
            and starts[k] not in used
            and _TITLE_THEN_NUMBER.fullmatch(text, title.end, starts[k])
        ):
            number = numbers[k]
        else:
            k = bisect_right(ends, title.start) - 1
            if k >= 0 and starts[k] not in used:
                # Many titles can follow one number; match its gap once, not once per title.
                if k not in reach:
                    reach[k] = _NUMBER_THEN_TITLE.match(text, ends[k]).end()
                if title.start <= reach[k]:
                    number = numbers[k]
        if number is not None:
            used.add(number.start)
        if number is not None or is_regulation_title(title.text):
            paired.append((title.start, title, number))
    paired += [(n.start, _bare_title_after(text, n), n) for n in numbers if n.start not in used]
    for _, title, number in sorted(paired, key=lambda p: p[0]):
        yield title, number


def extract_citations(sections: Mapping[str, str]) -> list[Citation]:
    """Citations in every section, in section and text order, each once per section."""
    citations: list[Citation] = []
    for section, text in sections.items():
        seen: set[tuple[str | None, str | None]] = set()
        seen_numbers: set[str | None] = set()  # the numbers of `seen`, for a bare number
        for title, number in _pairs(text):
            key = (
                normalize_title(title.text) if title else None,
                number.number if number else None,
            )
            if key in seen or (title is None and key[1] in seen_numbers):
                continue
            seen.add(key)
            seen_numbers.add(key[1])
            citations.append(
                Citation(
                    title=title.text if title else None,
                    number=number.number if number else None,
                    issuer=number.issuer if number else None,
                    issued_year=number.year if number else None,
                    section=section,
                )
            )
    return citations


_BRACKET_FOLD = str.maketrans({"〈": "《", "〉": "》", "<": "《", ">": "》", "“": '"', "”": '"'})


def normalize_title(title: str) -> str:
    """A title folded for comparison: width, spaces, nested-bracket and quote styles."""
    folded = unicodedata.normalize("NFKC", title).translate(_BRACKET_FOLD)
    return re.sub(r"\s+", "", folded).strip("《》")


_ISSUING_NOTICE = re.compile(r"^(?:.*?关于)?(?:印发|转发)[《(\[](?P<subject>.+)[》)\]]的通知$")


def subject_title(title: str) -> str | None:
    """For `关于印发《X》的通知` (any bracket style) the normalized X, else None."""
    folded = normalize_title(title)
    # Without this ending the regex cannot match, but it would retry `.+` to the end after
    # every 关于印发《, quadratic in a long title.
    if not (folded.endswith("的通知") and folded[-4:-3] in ("》", ")", "]")):
        return None
    match = _ISSUING_NOTICE.match(folded)
    return match["subject"] if match else None
