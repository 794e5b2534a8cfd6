"""Readers: one per input format, each turning a file into RawPost objects.

A reader's contract is small: `read(path, raw) -> list[RawPost]`, raising ImportError_ with a message
that names the file (and line, where there is one) and says what to do.
"""
from __future__ import annotations

from pathlib import Path

from ..model import ImportError_, RawPost
from . import html, text, wxr

READERS = {".txt": text.read, ".text": text.read, ".html": html.read, ".htm": html.read,
           ".xml": wxr.read, ".wxr": wxr.read}


def find_inputs(sources: list[str], exclude: Path | None = None) -> tuple[list[Path], list[str]]:
    """Expand files and folders into input files (sorted, so runs are repeatable) and problems.
    Files under `exclude` (the output folder) are never inputs, so an import never reads its own output."""
    files, problems = [], []
    skip = exclude.resolve() if exclude is not None else None
    for src in sources:
        p = Path(src)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in READERS
                           and not (skip and f.resolve().is_relative_to(skip)))
            if not found:
                problems.append(f"{src}: no .txt, .html or .xml files in this folder")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            problems.append(f"{src}: no such file or folder")
    return files, problems


def read(path: Path) -> list[RawPost]:
    reader = READERS.get(path.suffix.lower())
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ImportError_(f"{path}: cannot be read ({err.strerror}); check the path and its permissions") from err
    if reader is None:
        # Unknown extension: sniff, so a post saved as 'post' or 'post.dat' still imports.
        head = raw[:512].lstrip().lower()
        reader = wxr.read if head.startswith(b"<?xml") and b"<rss" in raw[:4096] else \
            html.read if head.startswith((b"<!doctype html", b"<html")) else text.read
    return reader(path, raw)
