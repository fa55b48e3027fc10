"""Read source files as text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

# Control characters that never occur in extracted text (\t \n \v \f \r do).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


class NotTextError(ValueError):
    """The bytes are not text in any encoding we read."""


@dataclass(frozen=True)
class Line:
    """One line of a source file: its 1-based number and its text."""

    number: int
    text: str


def decode(data: bytes) -> str:
    """Decode source bytes, trying UTF-8 (BOM optional), UTF-16 (with BOM), then GB18030.

    Raises NotTextError for binary data, naming the offending byte offset.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise NotTextError(f"invalid UTF-16 at byte {exc.start}") from None
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise NotTextError(f"binary data (NUL byte at byte {nul})")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as utf8_error:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise NotTextError(
                    f"neither UTF-8 nor GB18030 (invalid byte at {utf8_error.start})"
                ) from None
    # A trailing Ctrl-Z is an old DOS end-of-file mark, not content.
    text = text.rstrip("\x1a")
    bad = _CONTROL.search(text)
    if bad:
        raise NotTextError(f"binary data (control character U+{ord(bad[0]):04X})")
    return text


def read_text(path: Path) -> str:
    """Read and decode a source file (see `decode`)."""
    return decode(path.read_bytes())


def split_lines(text: str) -> list[Line]:
    """Split text into numbered lines.

    Lines are counted as an editor counts them (CRLF, CR and LF end a line). A form feed
    (a page break in extracted PDF text) also ends a line but does not advance the line
    number, so diagnostics point at the line an editor shows.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[Line] = []
    for number, physical in enumerate(text.split("\n"), start=1):
        for part in physical.split("\f"):
            lines.append(Line(number, part.replace("\v", " ")))
    return lines
