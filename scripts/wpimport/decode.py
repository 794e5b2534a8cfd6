"""Bytes -> text: the encodings a browser copy-paste or an old export really comes in."""
from __future__ import annotations

import codecs
import re

import ftfy
from ftfy.badness import is_bad

from .model import ImportError_

# Keep the author's typography: ftfy must not straighten curly quotes or fold widths.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization="NFC",
    explain=False,
)


def decode(raw: bytes, name: str) -> tuple[str, list[str]]:
    """Return the text and notes on what was done to it; raise ImportError_ if it is not text."""
    notes: list[str] = []
    if not raw.strip():
        raise ImportError_(f"{name}: the file is empty; there is nothing to import")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16", errors="replace")
        notes.append("decoded as UTF-16 (byte-order mark)")
    elif b"\x00" in raw:
        offset = raw.index(b"\x00")
        raise ImportError_(
            f"{name}: not a text file (a NUL byte at offset {offset}); "
            "save the post as plain text (UTF-8) and import it again"
        )
    elif raw.startswith(codecs.BOM_UTF8):
        text = raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
        notes.append("removed a UTF-8 byte-order mark")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            # Old Windows tools saved Windows-1252; its five undefined bytes fall back to Latin-1.
            text = raw.decode("latin-1").translate(_CP1252_TABLE)
            line = raw[: err.start].count(b"\n") + 1
            notes.append(f"not valid UTF-8 (first bad byte on line {line}); decoded as Windows-1252")
    if "\r" in text:
        notes.append("converted CRLF/CR line endings")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # ftfy is the slow step: run it only when its own detector (or a control character) finds work.
    fixed = ftfy.fix_text(text, _FTFY) if (not text.isascii() and is_bad(text)) or _CONTROL.search(text) else text
    if fixed != text:
        changed = sum(1 for a, b in zip(text.split("\n"), fixed.split("\n")) if a != b)
        notes.append(f"repaired mojibake or control characters on {changed} line(s)")
        text = fixed
    if not text.strip():
        raise ImportError_(f"{name}: the file holds only white space; there is nothing to import")
    return text, notes


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff]")

# Latin-1 decoding plus this table is Windows-1252 with the undefined bytes kept as-is.
_CP1252_TABLE = {
    b: bytes([b]).decode("cp1252")
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
