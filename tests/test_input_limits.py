"""Oversized and odd input: caps on lines, fields, tables and files; control characters;
corpus folders with symlinks, FIFOs and other things that are not plain files.

Each cap is tested with input just over it, and the work is checked by its result (what
was kept, what was reported), never by time.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from support import SAMPLE, run_indexer

from indexer import load_corpus, parse_text
from indexer.corpus import parse_file
from indexer.textio import (
    MAX_FILE_BYTES,
    MAX_FILE_LINES,
    MAX_LINE_CHARS,
    MAX_REPORTED_LINES,
    MAX_SECTION_CHARS,
    MAX_TABLE_CHARS,
    MAX_VALUE_CHARS,
    decode,
)

SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
SAMPLE_LINES = SAMPLE_TEXT.split("\n")
REFERENCE = [p.to_dict() for p in parse_text(SAMPLE_TEXT, "corpus/x.txt").projects]
# The first table runs from line 2 to line 124; its 项目概况 label is alone on line 13.
OVERVIEW_LABEL_LINE = 13
FIRST_TABLE_END = 124

# A long run of prose without labels, titles or page numbers.
PROSE = "检察院办公业务用房专项维修经费保障"


def prose(n: int) -> str:
    return (PROSE * (n // len(PROSE) + 1))[:n]


def insert_lines(after: int, new: list[str], text: str = SAMPLE_TEXT) -> str:
    """`text` with `new` lines inserted after its line `after` (1-based)."""
    lines = text.split("\n")
    return "\n".join([*lines[:after], *new, *lines[after:]])


def messages(result) -> list[str]:
    return [str(d) for d in result.diagnostics]


def content(records: list[dict]) -> list[dict]:
    """Records without their source line, for edits that add or remove lines."""
    return [{**r, "source": None} for r in records]


def records(result) -> list[dict]:
    return [p.to_dict() for p in result.projects]


# --------------------------------------------------------------------------- lines, fields


def test_monster_line_in_a_section_is_cut_before_parsing_and_the_rest_kept():
    monster = prose(3 * MAX_LINE_CHARS)
    text = insert_lines(OVERVIEW_LABEL_LINE, [monster])
    result = parse_text(text, "corpus/x.txt")
    first, *others = records(result)
    assert first["sections"]["overview"] == monster[:MAX_SECTION_CHARS]
    # The cut line fills the section to its cap: the section's own lines 15-17 go.
    assert messages(result) == [
        f"corpus/x.txt:14: warning: line of {3 * MAX_LINE_CHARS:,} characters cut to its "
        f"first {MAX_LINE_CHARS:,}",
        f"corpus/x.txt:15: warning: 项目概况 is longer than {MAX_SECTION_CHARS:,} characters: "
        "lines 15-17 skipped",
    ]
    assert {**first, "sections": None} == {**REFERENCE[0], "sections": None}
    assert content(others) == content(REFERENCE[1:])


def test_section_over_its_cap_is_cut_where_the_cap_is_reached():
    # Lines of 1,000 characters, each under the line cap, that together pass the section cap.
    lines = [prose(1_000)] * (MAX_SECTION_CHARS // 1_000 + 3)
    text = insert_lines(OVERVIEW_LABEL_LINE, lines)
    result = parse_text(text, "corpus/x.txt")
    overview = result.projects[0].sections["overview"]
    assert len(overview) == MAX_SECTION_CHARS and overview == "".join(lines)[:MAX_SECTION_CHARS]
    full = MAX_SECTION_CHARS // 1_000  # these lines fit whole; the next one is cut off
    first_out = OVERVIEW_LABEL_LINE + full + 1
    last = OVERVIEW_LABEL_LINE + len(lines) + 3  # the section's own three lines
    assert messages(result) == [
        f"corpus/x.txt:{first_out}: warning: 项目概况 is longer than {MAX_SECTION_CHARS:,} "
        f"characters: lines {first_out}-{last} skipped"
    ]
    assert len(result.projects) == 8


def test_header_value_over_its_cap_is_cut_with_a_warning():
    name = prose(MAX_VALUE_CHARS + 100)
    text = SAMPLE_TEXT.replace("办公及业务用房专项维修费 项目类别", f"{name} 项目类别", 1)
    result = parse_text(text, "corpus/x.txt")
    assert result.projects[0].name == name[:MAX_VALUE_CHARS]
    assert result.projects[0].category == "其他一次性项目"
    assert messages(result) == [
        f"corpus/x.txt:7: warning: 项目名称 is longer than {MAX_VALUE_CHARS:,} characters: "
        f"cut after its first {MAX_VALUE_CHARS:,} on this line"
    ]
    assert content(records(result)[1:]) == content(REFERENCE[1:])


def test_indicator_name_and_target_over_their_cap_are_cut():
    name, target = prose(MAX_VALUE_CHARS + 1), "有效" * MAX_VALUE_CHARS
    text = insert_lines(FIRST_TABLE_END, [f"{name} {target}"])
    result = parse_text(text, "corpus/x.txt")
    row = result.projects[0].indicators[-1]
    assert (row.name, row.target) == (name[:MAX_VALUE_CHARS], target[:MAX_VALUE_CHARS])
    assert row.kind == "qualitative"
    line = FIRST_TABLE_END + 1
    assert messages(result) == [
        f"corpus/x.txt:{line}: warning: indicator name of {MAX_VALUE_CHARS + 1:,} characters "
        f"cut to its first {MAX_VALUE_CHARS:,}: '{PROSE * 2}{PROSE[:5]}…'",
        f"corpus/x.txt:{line}: warning: indicator target of {2 * MAX_VALUE_CHARS:,} characters "
        f"cut to its first {MAX_VALUE_CHARS:,}: '{'有效' * 19}有…'",
    ]
    assert len(result.projects) == 8


# --------------------------------------------------------------------------- tables


def test_table_over_its_cap_is_kept_up_to_the_cap_and_the_next_table_read():
    # Thousands of well-formed rows at the end of the first table.
    rows = [f"检察院办公用房维修指标{i:05d} =100%" for i in range(MAX_TABLE_CHARS // 20)]
    text = insert_lines(FIRST_TABLE_END, rows)
    result = parse_text(text, "corpus/x.txt")
    lines = text.split("\n")

    (warning,) = result.diagnostics
    first_out = warning.line
    last = FIRST_TABLE_END + len(rows)
    assert str(warning) == (
        f"corpus/x.txt:{first_out}: warning: table at line 2 is longer than "
        f"{MAX_TABLE_CHARS:,} characters: lines {first_out}-{last} skipped"
    )
    kept = sum(len(line) for line in lines[1 : first_out - 1])
    assert kept <= MAX_TABLE_CHARS < kept + len(lines[first_out - 1])
    # Every row before the cut is a record; none after it is.
    indicators = result.projects[0].indicators
    assert len(indicators) == len(REFERENCE[0]["indicators"]) + first_out - FIRST_TABLE_END - 1
    assert indicators[-1].name == rows[first_out - FIRST_TABLE_END - 2].split()[0]
    assert content(records(result)[1:]) == content(REFERENCE[1:])


# --------------------------------------------------------------------------- files


def test_file_over_the_byte_cap_is_read_up_to_a_line_end(tmp_path):
    # ASCII filler before the first table, the sample, then more tables past the cap.
    sample = SAMPLE_TEXT.encode("utf-8")
    filler_line = b"x" * 9_999 + b"\n"
    filler = filler_line * ((MAX_FILE_BYTES - len(sample)) // len(filler_line))
    kept = filler + sample
    path = tmp_path / "big.txt"
    path.write_bytes(kept + "长".encode() * 1_000 + b"\n" + sample)
    assert len(kept) <= MAX_FILE_BYTES < len(kept) + 3_000  # the cap falls in the long line

    result = parse_file(path, "corpus/big.txt")
    filler_lines = filler.count(b"\n")
    first_out = filler_lines + SAMPLE_TEXT.count("\n") + 1
    assert content(records(result)) == content(REFERENCE)
    assert [p.source.line for p in result.projects][:2] == [filler_lines + 2, filler_lines + 125]
    assert messages(result) == [
        f"corpus/big.txt:1: warning: lines 1-{filler_lines} before the first table skipped: "
        f"'{'x' * 39}…'",
        f"corpus/big.txt:{first_out}: warning: file is {path.stat().st_size:,} bytes, more "
        f"than the {MAX_FILE_BYTES:,} read: lines from {first_out} on skipped",
    ]


def test_file_over_the_line_cap_is_read_up_to_the_cap(tmp_path):
    blank = MAX_FILE_LINES - SAMPLE_TEXT.count("\n")
    path = tmp_path / "long.txt"
    path.write_text(SAMPLE_TEXT + "\n" * blank + SAMPLE_TEXT, encoding="utf-8")
    result = parse_file(path, "corpus/long.txt")
    assert content(records(result)) == content(REFERENCE)
    assert messages(result) == [
        f"corpus/long.txt:{MAX_FILE_LINES + 1}: warning: file has more than "
        f"{MAX_FILE_LINES:,} lines: lines from {MAX_FILE_LINES + 1} on skipped"
    ]


def test_blank_lines_past_the_line_cap_are_dropped_without_a_word(tmp_path):
    path = tmp_path / "tail.txt"
    path.write_text(SAMPLE_TEXT + "\n" * MAX_FILE_LINES, encoding="utf-8")
    result = parse_file(path, "corpus/tail.txt")
    assert content(records(result)) == content(REFERENCE)
    assert messages(result) == []


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_bytes_cut_inside_a_character_decode_to_the_whole_characters(encoding):
    data = "第一行\n第二行".encode(encoding)
    assert decode(data[:-1], complete=False) == "第一行\n第二"


# --------------------------------------------------------------------------- control chars


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_control_character_is_removed_and_its_line_reported(tmp_path, encoding):
    lines = SAMPLE_TEXT.split("\n")
    lines[13] = lines[13][:10] + "\a" + lines[13][10:]  # line 14, in 项目概况
    path = tmp_path / "bell.txt"
    path.write_bytes("\n".join(lines).encode(encoding))
    result = parse_file(path, "corpus/bell.txt")
    assert content(records(result)) == content(REFERENCE)
    assert messages(result) == ["corpus/bell.txt:14: warning: control character U+0007 removed"]


def test_many_lines_with_control_characters_are_summarised(tmp_path):
    lines = SAMPLE_TEXT.split("\n")
    damaged = [i for i, line in enumerate(lines) if line.strip()][: MAX_REPORTED_LINES + 7]
    for i in damaged:
        lines[i] = "\x1b" + lines[i] + "\x08\x1b"
    path = tmp_path / "esc.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = parse_file(path, "corpus/esc.txt")
    assert content(records(result)) == content(REFERENCE)
    numbers = [i + 1 for i in damaged]
    shown, summed = numbers[:MAX_REPORTED_LINES], numbers[MAX_REPORTED_LINES:]
    assert messages(result) == [
        *(
            f"corpus/esc.txt:{n}: warning: 3 control characters (U+0008, U+001B) removed"
            for n in shown
        ),
        f"corpus/esc.txt:{summed[0]}: warning: control characters removed on 7 more lines "
        f"(lines {summed[0]}-{summed[-1]})",
    ]


def test_mostly_control_characters_is_still_binary(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_bytes(b"abc\n" + bytes(range(1, 9)) * 100)
    (error,) = parse_file(path, "corpus/ctl.txt").diagnostics
    assert str(error) == (
        "corpus/ctl.txt: error: not a text file: binary data (800 of 804 characters are "
        "control characters, the first U+0001 at line 2)"
    )


def test_nul_in_utf16_text_is_binary(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes("第一行\n第二\x00行\n".encode("utf-16"))
    (error,) = parse_file(path, "corpus/nul.txt").diagnostics
    assert (
        str(error)
        == "corpus/nul.txt: error: not a text file: binary data (NUL character at line 2)"
    )


# --------------------------------------------------------------------------- corpus folders


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A corpus folder with the sample as `a.txt`, and a folder outside it."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    return folder


def test_symlinks_out_of_the_corpus_broken_or_looping_are_skipped_with_a_warning(corpus):
    outside = corpus.parent / "outside"
    (corpus / "out.txt").symlink_to(outside / "o.txt")
    (corpus / "outdir").symlink_to(outside)
    (corpus / "up").symlink_to("..")
    (corpus / "broken.txt").symlink_to("gone.txt")
    (corpus / "self.txt").symlink_to("self.txt")
    result, files = load_corpus(corpus)
    assert files == 1
    assert {p.source.file for p in result.projects} == {"corpus/a.txt"}
    assert messages(result) == [
        "corpus/broken.txt: warning: broken symlink (its target gone.txt does not exist); skipped",
        f"corpus/out.txt: warning: symlink to a file outside the corpus ({outside / 'o.txt'}); "
        "skipped",
        f"corpus/outdir: warning: symlink to a folder outside the corpus ({outside}); skipped",
        "corpus/self.txt: warning: symlink loop; skipped",
        f"corpus/up: warning: symlink to a folder outside the corpus ({corpus.parent}); skipped",
    ]


def test_symlinks_inside_the_corpus_read_each_file_once(corpus):
    (corpus / "2020").mkdir()
    (corpus / "2020" / "b.txt").write_text(SAMPLE_TEXT.replace("上海市人民检察院", "某区"), "utf-8")
    (corpus / ".drafts").mkdir()
    (corpus / ".drafts" / "c.txt").write_text(SAMPLE_TEXT.replace("上海市", "某市"), "utf-8")
    (corpus / "latest").symlink_to("2020")  # the same files again: not followed
    (corpus / "here").symlink_to(".")  # a loop: not followed
    (corpus / "again.txt").symlink_to("a.txt")  # read under its own name already
    (corpus / "draft.txt").symlink_to(".drafts/c.txt")  # a file read only through the link
    result, files = load_corpus(corpus)
    assert files == 3
    assert [p.source.file for p in result.projects[::8]] == [
        "corpus/2020/b.txt",
        "corpus/a.txt",
        "corpus/draft.txt",
    ]
    assert [p.unit for p in result.projects[::8]] == ["某区", "上海市人民检察院", "某市人民检察院"]
    assert messages(result) == [
        "corpus/again.txt: warning: symlink to corpus/a.txt, which is read under its own name; "
        "skipped"
    ]


def test_file_that_vanished_or_is_a_folder_is_one_error(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    assert messages(parse_file(tmp_path / "gone.txt", "corpus/gone.txt")) == [
        "corpus/gone.txt: error: cannot read: No such file or directory"
    ]
    assert messages(parse_file(tmp_path / "dir.txt", "corpus/dir.txt")) == [
        "corpus/dir.txt: error: not a text file: not a regular file (a folder)"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_given_to_parse_file_is_an_error_not_a_wait(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert messages(parse_file(tmp_path / "pipe.txt", "corpus/pipe.txt")) == [
        "corpus/pipe.txt: error: not a text file: not a regular file (a FIFO)"
    ]


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root reads files without permission"
)
def test_unreadable_file_is_one_error(corpus):
    (corpus / "secret.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    (corpus / "secret.txt").chmod(0)
    result, files = load_corpus(corpus)
    assert files == 2 and len(result.projects) == 8
    assert messages(result) == ["corpus/secret.txt: error: cannot read: Permission denied"]


def test_weird_entries_through_the_cli(corpus):
    """As a user runs it: nothing weird stops the export, and each thing is one line."""
    (corpus / "2020.txt").mkdir()  # a folder named like a file is read as a folder
    (corpus / "2020.txt" / "b.txt").write_text(
        SAMPLE_TEXT.replace("上海市人民检察院", "某区"), encoding="gb18030"
    )
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "out.txt").symlink_to(corpus.parent / "outside" / "o.txt")
    bell = insert_lines(OVERVIEW_LABEL_LINE, ["\a项目概况的一行"], SAMPLE_TEXT)
    (corpus / "bell.txt").write_text(bell.replace("上海市人民检察院", "某市"), encoding="utf-8")
    done = run_indexer("export", "--corpus", str(corpus))
    assert done.returncode == 0, done.stderr
    exported = json.loads(done.stdout)
    assert [r["source"]["file"] for r in exported[::8]] == [
        "corpus/2020.txt/b.txt",
        "corpus/a.txt",
        "corpus/bell.txt",
    ]
    assert exported[16]["sections"]["overview"].startswith("项目概况的一行根据市机管局")
    assert done.stderr.splitlines() == [
        f"corpus/out.txt: warning: symlink to a file outside the corpus "
        f"({corpus.parent / 'outside' / 'o.txt'}); skipped",
        "corpus/pipe.txt: warning: not a regular file (a FIFO); skipped",
        "corpus/bell.txt:14: warning: control character U+0007 removed",
        "24 projects from 3 files; 0 errors, 3 warnings",
    ]


def test_monster_line_through_the_cli(corpus):
    (corpus / "a.txt").write_text(
        insert_lines(OVERVIEW_LABEL_LINE, [prose(MAX_LINE_CHARS + 1)]), encoding="utf-8"
    )
    done = run_indexer("export", "--corpus", str(corpus))
    assert done.returncode == 0, done.stderr
    exported = json.loads(done.stdout)
    assert len(exported) == 8
    assert len(exported[0]["sections"]["overview"]) == MAX_SECTION_CHARS
    assert done.stderr.splitlines()[0] == (
        f"corpus/a.txt:14: warning: line of {MAX_LINE_CHARS + 1:,} characters cut to its "
        f"first {MAX_LINE_CHARS:,}"
    )


def test_file_name_that_is_not_utf8_is_escaped(corpus):
    name = os.fsdecode(b"bad\xff.txt")
    try:
        (corpus / name).write_text(SAMPLE_TEXT.replace("上海市", "某市"), encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("the file system wants UTF-8 names")
    done = run_indexer("export", "--corpus", str(corpus))
    assert done.returncode == 0, done.stderr
    exported = json.loads(done.stdout)
    assert exported[8]["source"]["file"] == "corpus/bad\\xff.txt"
    assert done.stderr.splitlines()[0] == (
        "corpus/bad\\xff.txt: warning: file name is not valid UTF-8 "
        "(bytes shown \\xNN here and in records)"
    )
