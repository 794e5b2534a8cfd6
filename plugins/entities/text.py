"""An article's own text, read from its HTML with lxml: what can be matched, and what can be linked."""
from __future__ import annotations

import re
from bisect import bisect_right
from html import escape
from typing import NamedTuple

from lxml import etree

SKIP = {"code", "pre", "script", "style", "kbd", "samp", "var", "math", "svg", "template", "textarea", "title",
        "select", "option", "iframe", "noscript", "object"}  # not prose, or cannot hold a link
ITALIC = {"em", "i", "cite"}
NO_LINK = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "button", "label"}  # matched, never linked
BLOCK = {"p", "li", "ul", "ol", "blockquote", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6",
         "table", "tr", "td", "th", "dt", "dd", "figure", "figcaption", "hr", "br", "details", "summary", "header", "footer"}


_PARSER = etree.HTMLParser(default_doctype=False)
_OPEN, _MID, _CLOSE = "\ue000", "\ue001", "\ue002"  # a link's start, the end of its number, its end
_MARKS = (_OPEN, _MID, _CLOSE)
_MARKED = re.compile("\ue000(\\d+)\ue001")
_PAGE_END = re.compile(r"</\s*(?:body|html)", re.I)
_SPACES = ("\u00a0", "\u202f", "\u2007", "\u2009", "\t", "\r")


def _flat(text: str) -> str:
    """A line break inside a paragraph (hard-wrapped Markdown) is a space to a reader; only blocks break lines."""
    return text.replace("\n", " ") if "\n" in text else text


class Segment(NamedTuple):
    """One text node: element.text or element.tail, at `start` in the document's text."""

    element: etree._Element
    attr: str  # 'text' or 'tail'
    start: int
    text: str
    linkable: bool


class Document:
    def __init__(self, html: str):
        # lxml's plain HTML parser (lxml.html's element classes cost a Python look-up for every element touched),
        # given the post as a page body, as lxml.html does for fragments.
        self.whole = not _PAGE_END.search(html or "")  # a stray </body> or </html> would cut the parse short
        self.source = html or ""
        self.urls: list[str] = []  # link targets, by the number in each link's marker
        body = etree.fromstring(f"<html><body>{html}</body></html>", _PARSER).find("body") if html else None
        self.root = body if body is not None else etree.Element("body")
        self.segments: list[Segment] = []  # text nodes only; block breaks are in the text, not segments
        self.titles: list[tuple[int, int]] = []  # spans set in italics: perhaps a report's title
        self._parts: list[str] = []
        self._pos = 0
        if self.root.text:  # text before the first element
            self.segments.append(Segment(self.root, "text", 0, self.root.text, True))
            self._parts.append(_flat(self.root.text))
            self._pos = len(self.root.text)
        self._walk(self.root, True)
        text = "".join(self._parts)
        self.markable = not any(c in text for c in _MARKS)  # the post's own text never uses the link marks
        for space in _SPACES:  # str.replace runs in C; str.translate with a table is ten times slower
            if space in text:
                text = text.replace(space, " ")
        # Matched text: no-break spaces (typogrify puts one before a paragraph's last word) read as spaces,
        # one character for one, so offsets still point into the segments' own text.
        self.text = text
        self.starts = [seg.start for seg in self.segments]
        del self._parts

    def _walk(self, el, linkable: bool) -> None:
        segments, parts = self.segments, self._parts
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):  # comments, processing instructions
                tail = child.tail
                if tail:
                    segments.append(Segment(child, "tail", self._pos, tail, linkable))
                    parts.append(_flat(tail))
                    self._pos += len(tail)
                continue
            tag = tag.lower()
            block = tag in BLOCK
            if block:  # a sentence never runs across blocks
                parts.append("\n")
                self._pos += 1
            if tag not in SKIP:
                inner = linkable and tag not in NO_LINK
                text = child.text
                if text:
                    if tag in ITALIC and not len(child):
                        self.titles.append((self._pos, self._pos + len(text)))
                    segments.append(Segment(child, "text", self._pos, text, inner))
                    parts.append(_flat(text))
                    self._pos += len(text)
                if len(child):
                    self._walk(child, inner)
            if block:
                parts.append("\n")
                self._pos += 1
            tail = child.tail
            if tail:
                segments.append(Segment(child, "tail", self._pos, tail, linkable))
                parts.append(_flat(tail))
                self._pos += len(tail)

    def segment_index(self, pos: int) -> int | None:
        """Index of the segment holding text position `pos`."""
        k = bisect_right(self.starts, pos) - 1
        if k < 0 or pos >= self.starts[k] + len(self.segments[k].text):
            return None
        return k

    def mark(self, k: int, links: list[tuple[int, int, str]]) -> None:
        """Mark (start, end, url) spans of segment k, in document offsets, as links. The marks are private-use
        characters in the text itself; html() turns them into <a> elements after one serialisation, which
        is several times cheaper than building an lxml element for each link."""
        seg = self.segments[k]
        parts, pos = [], 0
        for start, end, url in sorted(links):
            start, end = start - seg.start, end - seg.start
            parts += [seg.text[pos:start], _OPEN, str(len(self.urls)), _MID, seg.text[start:end], _CLOSE]
            self.urls.append(url)
            pos = end
        parts.append(seg.text[pos:])
        setattr(seg.element, seg.attr, "".join(parts))

    def html(self) -> str:
        """The (linked) HTML again, without the <body> it was parsed in."""
        out = etree.tostring(self.root, encoding="unicode", method="html", with_tail=False)
        out = out[len("<body>"):-len("</body>")] if out.startswith("<body>") else ""
        if self.urls:
            n = len(self.urls)
            if not (out.count(_OPEN) == out.count(_MID) == out.count(_CLOSE) == n):
                return self.source  # marks the post itself contained (say, in a comment): leave it as written
            out = _MARKED.sub(lambda m: f'<a href="{escape(self.urls[int(m[1])], quote=True)}" class="entity">',
                              out).replace(_CLOSE, "</a>")
        return out
