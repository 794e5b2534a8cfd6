"""Plain text copied out of a browser (the seeds): one Line per line."""
from __future__ import annotations

import re
from pathlib import Path

from ..decode import decode
from ..inline import UNSAFE_TAGS, has_html, html_to_blocks
from ..model import Line, RawPost

_UNSAFE_OPEN = re.compile(r"<(" + "|".join(UNSAFE_TAGS) + r")\b", re.IGNORECASE)
MAX_ELEMENT_LINES = 40  # a <script> further from its </script> is a tag mentioned in prose, not a block


def read(path: Path, raw: bytes) -> list[RawPost]:
    text, notes = decode(raw, str(path))
    if text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        from . import html
        return html.read(path, raw)
    post = RawPost(source=str(path), label=path.name, raw=raw, lines=[], notes=notes)
    text = _remove_unsafe_elements(text, post)
    for no, line in enumerate(text.split("\n"), start=1):
        if has_html(line):
            post.lines.extend(_html_line(no, line, post))
        else:
            post.lines.append(Line(no, line))
    return [post]


def _remove_unsafe_elements(text: str, post: RawPost) -> str:
    """Blank out <script>…</script> and kin, even across lines; keep line numbers; report the text."""
    out, pos, line, counted = [], 0, 1, 0
    unclosed: set[str] = set()  # tags with no closing tag left: never searched for again (no quadratic scans)
    while m := _UNSAFE_OPEN.search(text, pos):
        tag = m.group(1).lower()
        line_end = text.find("\n", m.end())
        gt = text.find(">", m.end(), line_end if line_end >= 0 else len(text))
        if gt < 0:  # '<select committee' in prose: no '>' on its line, so not a tag
            out.append(text[pos:m.end()])
            pos = m.end()
            continue
        close = None if tag in unclosed else re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(text, gt)
        if close is None:
            unclosed.add(tag)
        elif text.count("\n", m.start(), close.end()) > MAX_ELEMENT_LINES:
            close = None
        end = close.end() if close else gt + 1
        chunk = text[m.start():end]
        line += text.count("\n", counted, m.start())  # counted as we go: linear in the file's size
        counted = m.start()
        post.skipped.append({"line": line, "text": " ".join(chunk.split()), "rule": f"unsafe-html (<{tag}> removed)"})
        post.warnings.append(f"line {line}: removed unsafe HTML <{tag}>")
        out.append(text[pos:m.start()])
        out.append("\n" * chunk.count("\n"))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _html_line(no: int, line: str, post: RawPost) -> list[Line]:
    """A line holding HTML tags: keep its text and safe markup, drop the rest (and say so)."""
    conv = html_to_blocks(line)
    for gone in conv.removed:
        post.skipped.append({"line": no, "text": gone, "rule": "unsafe-html"})
        post.warnings.append(f"line {no}: removed unsafe HTML {gone[:80]}")
    if not conv.blocks:
        return [Line(no, "")]
    return [Line(no, text, md=md, hint=hint if hint != "p" else None, depth=depth)
            for hint, text, md, depth in conv.blocks]
