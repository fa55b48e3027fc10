"""Read source files as text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.

Also the limits on how much of one file, table, line or field is read (see docs/records.md),
so that one monstrous input costs seconds and a bounded amount of memory, not the build.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

# --------------------------------------------------------------------------- limits
# Real sizes (the sample, and real district and central tables): lines of at most ~300
# characters, sections of at most ~1,300, names of at most ~30, tables of ~5,000 characters and
# ~125 lines, files of ~36 KB for 8 tables. Every cap is far above those; what exceeds
# one is cut with a warning naming the line, and the rest is still read.

# A file is read up to this many bytes (~1,800 tables of the sample's size) ...
MAX_FILE_BYTES = 8 * 1024 * 1024
# ... and this many lines (the same density): each line costs ~140 bytes of objects, and
# 8 MB of empty lines would otherwise cost 1.1 GB and 20 s.
MAX_FILE_LINES = 250_000
# A longer line is cut to its start before any pattern runs over it. A section printed
# on one line (extractors that do not wrap) still fits.
MAX_LINE_CHARS = 20_000
# A table's lines beyond this many characters are skipped (~20x the longest in the sample).
MAX_TABLE_CHARS = 100_000
# One section (项目概况 …): ~15x the longest in the sample, about ten printed pages.
MAX_SECTION_CHARS = 20_000
# Any other value: a header field (name, unit, dates, amounts), an indicator's name or target.
MAX_VALUE_CHARS = 500
# Lines with removed control characters reported one by one; the rest in one summary.
MAX_REPORTED_LINES = 20
# Text with more control characters than this share (and this count, so that a short
# note with one stray bell is repaired, not rejected) is binary data, not damaged text.
BINARY_CONTROL_SHARE = 0.10
BINARY_MIN_CONTROLS = 16

# Control characters that never occur in extracted text (\t \n \v \f \r do; a trailing
# Ctrl-Z is handled apart). C1 controls come from text decoded with the wrong codec.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LINE_END = re.compile(r"\r\n|\r|\n")


class NotTextError(ValueError):
    """The bytes are not text in any encoding we read."""


@dataclass(frozen=True)
class Line:
    """One line of a source file: its 1-based number and its text."""

    number: int
    text: str


@dataclass(frozen=True)
class TextWarning:
    """Something cut or removed while reading, at a 1-based line."""

    line: int
    message: str


@dataclass(frozen=True)
class SourceText:
    """A file's text as read (within the limits), with what was cut."""

    text: str
    warnings: list[TextWarning] = field(default_factory=list)


def decode(data: bytes, complete: bool = True) -> str:
    """Decode source bytes, trying UTF-8 (BOM optional), UTF-16 (with BOM), then GB18030.

    `complete=False` says the bytes were cut off: a character cut in two is dropped.
    Control characters are left in (`clean_lines` removes and reports them), unless
    there are so many that the data is binary. Raises NotTextError for binary data,
    naming where it is.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = _decode(data, "utf-16", complete)
        except UnicodeDecodeError as exc:
            raise NotTextError(f"invalid UTF-16 at byte {exc.start}") from None
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise NotTextError(f"binary data (NUL byte at byte {nul})")
        try:
            text = _decode(data, "utf-8-sig", complete)
        except UnicodeDecodeError as utf8_error:
            try:
                text = _decode(data, "gb18030", complete)
            except UnicodeDecodeError:
                raise NotTextError(
                    f"neither UTF-8 nor GB18030 (invalid byte at {utf8_error.start})"
                ) from None
    # A trailing Ctrl-Z is an old DOS end-of-file mark, not content.
    text = text.rstrip("\x1a")
    _reject_binary(text)
    return text


def _decode(data: bytes, encoding: str, complete: bool) -> str:
    return codecs.getincrementaldecoder(encoding)().decode(data, final=complete)


def _reject_binary(text: str) -> None:
    first = _CONTROL.search(text)
    if not first:
        return
    where = f"line {_line_of(text, first.start())}"
    if "\x00" in text:
        raise NotTextError(f"binary data (NUL character at {where})")
    controls = len(text) - len(_CONTROL.sub("", text))
    if controls > max(BINARY_MIN_CONTROLS, BINARY_CONTROL_SHARE * len(text)):
        raise NotTextError(
            f"binary data ({controls:,} of {len(text):,} characters are control "
            f"characters, the first U+{ord(first[0]):04X} at {where})"
        )


def _line_ends(text: str) -> int:
    """Line ends as an editor counts them (CRLF, CR and LF)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _line_of(text: str, index: int) -> int:
    return _line_ends(text[:index]) + 1


def read_source(path: Path) -> SourceText:
    """Read and decode a source file, up to MAX_FILE_BYTES and MAX_FILE_LINES.

    A larger file is cut at a line end, with a warning at the first line not read.
    Raises NotTextError for binary data or a file that is not a regular file (never
    waiting on a FIFO), OSError if it cannot be read.
    """
    # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then rejects it.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotTextError(f"not a regular file ({file_kind(info.st_mode)})")
        with open(fd, "rb", closefd=False) as file:
            data = file.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) <= MAX_FILE_BYTES:
        text = decode(data)
        reason = None
    else:
        text = _cut_at_line_end(decode(data[:MAX_FILE_BYTES], complete=False))
        reason = f"file is {info.st_size:,} bytes, more than the {MAX_FILE_BYTES:,} read"
    if _line_ends(text) >= MAX_FILE_LINES:
        ends = _LINE_END.finditer(text)
        for _ in range(MAX_FILE_LINES - 1):
            next(ends)
        rest = text[next(ends).end() :]
        text = text[: len(text) - len(rest)]
        if rest.strip():  # trailing blank lines are dropped without a word
            reason = f"file has more than {MAX_FILE_LINES:,} lines"
    if reason is None:
        return SourceText(text)
    first_skipped = _line_ends(text) + 1
    return SourceText(
        text, [TextWarning(first_skipped, f"{reason}: lines from {first_skipped} on skipped")]
    )


def _cut_at_line_end(text: str) -> str:
    """Text up to its last line end; all of it if it has none (the line cap cuts it)."""
    end = max(text.rfind("\n"), text.rfind("\r"))
    return text[: end + 1] if end >= 0 else text


def os_reason(exc: OSError) -> str:
    """Why an operation on a file failed, as the OS says it: `Permission denied`."""
    return exc.strerror or str(exc) or type(exc).__name__


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words: `a FIFO`, `a folder` …"""
    kinds = [
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ]
    return next((name for test, name in kinds if test(mode)), "a special file")


def clean_lines(text: str) -> tuple[list[Line], list[TextWarning]]:
    """Split text into numbered lines, cutting long lines and removing control characters.

    Lines are counted as an editor counts them (CRLF, CR and LF end a line). A form feed
    (a page break in extracted PDF text) also ends a line but does not advance the line
    number, so diagnostics point at the line an editor shows. A line longer than
    MAX_LINE_CHARS is cut before anything else looks at it. Every cut and every line
    that lost control characters is reported (past MAX_REPORTED_LINES, in one summary).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    has_controls = bool(_CONTROL.search(text))
    lines: list[Line] = []
    warnings: list[TextWarning] = []
    controlled: list[int] = []
    for number, physical in enumerate(text.split("\n"), start=1):
        if len(physical) > MAX_LINE_CHARS:
            warnings.append(
                TextWarning(
                    number,
                    f"line of {len(physical):,} characters cut to its first {MAX_LINE_CHARS:,}",
                )
            )
            physical = physical[:MAX_LINE_CHARS]
        if has_controls and _CONTROL.search(physical):
            controlled.append(number)
            if len(controlled) <= MAX_REPORTED_LINES:
                warnings.append(TextWarning(number, _controls_removed(physical)))
            physical = _CONTROL.sub("", physical)
        for part in physical.split("\f"):
            lines.append(Line(number, part.replace("\v", " ")))
    if len(controlled) > MAX_REPORTED_LINES:
        more = controlled[MAX_REPORTED_LINES:]
        warnings.append(
            TextWarning(
                more[0],
                f"control characters removed on {len(more):,} more lines "
                f"(lines {more[0]}-{more[-1]})",
            )
        )
    return lines, warnings


def _controls_removed(text: str) -> str:
    found = _CONTROL.findall(text)
    codes = ", ".join(f"U+{ord(c):04X}" for c in sorted(set(found)))
    if len(found) == 1:
        return f"control character {codes} removed"
    return f"{len(found)} control characters ({codes}) removed"
